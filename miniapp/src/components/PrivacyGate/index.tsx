// Wraps a form that collects personal data: the privacy notice over it when a write or WeChat needs consent, the form kept underneath.
import { View } from '@tarojs/components'
import type { ReactNode } from 'react'
import type { PrivacyConsent } from '../../hooks/usePrivacyConsent'
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
  /** The page's `usePrivacyConsent()`: whether the notice is open, and the answers to it. */
  consent: PrivacyConsent
}

/**
 * Wrap anything that collects personal data. The form is always shown; the privacy notice opens
 * over it once, at the moment it is needed: when the server refuses the write for want of consent
 * (the API client then resends the same write after 同意), or when WeChat asks for privacy
 * authorization (a phone-number button). The form underneath keeps what the user typed.
 */
export function PrivacyGate({ children, purpose = '继续', consent }: PrivacyGateProps) {
  return (
    <View className="gm-privacy-gate">
      {consent.declined && (
        <View className="gm-privacy-gate__declined">
          <Notice tone="info">{`您未同意个人信息保护说明，暂时无法${purpose}。您填写的内容仍保留，同意后可再次提交；浏览其他内容不受影响。`}</Notice>
          <ActionButton onPress={consent.reconsider}>重新阅读说明</ActionButton>
        </View>
      )}
      {children}
      {consent.asking && (
        <View className="gm-privacy-gate__overlay">
          <PrivacyNotice
            accepting={consent.accepting}
            error={consent.error?.message}
            onAccept={() => void consent.accept()}
            onDecline={consent.decline}
            wechatAgreeButtonId={platform.name === 'weapp' ? platform.privacyAgreeButtonId : undefined}
          />
        </View>
      )}
    </View>
  )
}
