import { ActionButton } from '../ActionButton'
import { Notice } from '../Notice'

/** What a 工作台 page shows to someone without a staff session. */
export function StaffSignIn({ onSignIn }: { onSignIn: () => void }) {
  return (
    <>
      <Notice tone='info'>此页面仅供工作人员使用，请使用工作人员账号登录。</Notice>
      <ActionButton tone='primary' onPress={onSignIn}>
        工作人员登录
      </ActionButton>
    </>
  )
}
