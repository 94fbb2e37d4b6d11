// The sign-in prompt a 工作台 page shows to someone without a staff session.
import { ActionButton } from '../ActionButton'
import { Notice } from '../Notice'

/** What a 工作台 page shows to someone without a staff session. */
export function StaffSignIn({ onSignIn, text = '此页面仅供工作人员使用，请使用工作人员账号登录。' }: { onSignIn: () => void; text?: string }) {
  return (
    <>
      <Notice tone="info">{text}</Notice>
      <ActionButton tone="primary" onPress={onSignIn}>
        工作人员登录
      </ActionButton>
    </>
  )
}
