import { View } from '@tarojs/components'
import type { ReactNode } from 'react'
import { usePrivacyConsent } from '../../hooks/usePrivacyConsent'
import { openPage, routes } from '../../navigation'
import { platform } from '../../platform'
import { ActionButton } from '../ActionButton'
import { Notice } from '../Notice'
import { PrivacyNotice } from '../PrivacyNotice'
import './index.scss'

export interface PrivacyGateProps {
  /** The part that collects personal data: a form, a phone-number button. */
  children: ReactNode
  /** What the user cannot do without consent, e.g. 「提交意见」. */
  purpose?: string
}

/**
 * Wrap anything that collects personal data: until the citizen accepts the privacy notice, the
 * notice is shown instead of it. When WeChat asks for privacy authorization later (a phone-number
 * button), the notice opens over the form, which keeps what the user typed.
 */
export function PrivacyGate({ children, purpose = '继续' }: PrivacyGateProps) {
  const consent = usePrivacyConsent()
  const notice = (
    <PrivacyNotice
      accepting={consent.accepting}
      error={consent.error?.message}
      onAccept={() => void consent.accept()}
      onDecline={consent.decline}
      wechatAgreeButtonId={platform.name === 'weapp' ? platform.privacyAgreeButtonId : undefined}
      onSignIn={consent.needsSignIn ? () => openPage(routes.login()) : undefined}
    />
  )

  if (consent.declined) {
    return (
      <View className='gm-privacy-gate gm-privacy-gate--declined'>
        <Notice tone='info'>{`您未同意个人信息保护说明，暂时无法${purpose}。浏览其他内容不受影响。`}</Notice>
        <ActionButton onPress={consent.reconsider}>重新阅读说明</ActionButton>
      </View>
    )
  }
  if (!consent.accepted) return <View className='gm-privacy-gate'>{notice}</View>
  return (
    <View className='gm-privacy-gate'>
      {children}
      {consent.wechatAsking && <View className='gm-privacy-gate__overlay'>{notice}</View>}
    </View>
  )
}
