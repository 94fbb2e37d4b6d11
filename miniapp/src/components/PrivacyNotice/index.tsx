// The privacy notice dialog: purpose, data collected, retention and contact, then 同意 / 不同意 (wired to WeChat's agree button).
import { Button, Text, View } from '@tarojs/components'
import { a11y } from '../../utils/a11y'
import { ActionButton } from '../ActionButton'
import { Notice } from '../Notice'
import { privacyNotice } from './content'
import './index.scss'

export interface PrivacyNoticeProps {
  accepting?: boolean
  error?: string
  onAccept: () => void
  onDecline: () => void
  /**
   * WeChat only counts a tap on an `open-type="agreePrivacyAuthorization"` button with this id as
   * consent to the mini-program's privacy guide; without it a plain button is used.
   */
  wechatAgreeButtonId?: string
}

/** 用途、收集的信息、保存期限、联系方式, then 同意 / 不同意. */
export function PrivacyNotice({ accepting = false, error, onAccept, onDecline, wechatAgreeButtonId }: PrivacyNoticeProps) {
  return (
    <View className="gm-privacy-notice" {...a11y(privacyNotice.title, 'region')}>
      <Text className="gm-privacy-notice__title">{privacyNotice.title}</Text>
      <Text className="gm-privacy-notice__lead">在收集您的个人信息前，请阅读以下说明：</Text>
      {privacyNotice.sections.map((section) => (
        <View key={section.heading} className="gm-privacy-notice__section">
          <Text className="gm-privacy-notice__heading">{section.heading}</Text>
          <Text className="gm-privacy-notice__text">{section.text}</Text>
        </View>
      ))}
      {error && <Notice tone="error">{error}</Notice>}
      <View className="gm-privacy-notice__actions">
        {wechatAgreeButtonId ? (
          <Button
            id={wechatAgreeButtonId}
            className="gm-button gm-button--primary gm-button-reset"
            openType="agreePrivacyAuthorization"
            disabled={accepting}
            onAgreePrivacyAuthorization={() => !accepting && onAccept()}
            {...a11y('同意并继续', 'button')}
          >
            {accepting ? '正在提交…' : '同意并继续'}
          </Button>
        ) : (
          <ActionButton tone="primary" onPress={onAccept} busy={accepting} busyText="正在提交…">
            同意并继续
          </ActionButton>
        )}
        <ActionButton onPress={onDecline} disabled={accepting}>
          不同意
        </ActionButton>
      </View>
    </View>
  )
}
