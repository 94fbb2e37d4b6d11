// The 这条回答有帮助吗？ row on a Q&A item: two large buttons with the counts.
import { Text, View } from '@tarojs/components'
import { a11y } from '../../utils/a11y'
import { cx } from '../../utils/format'
import './index.scss'

export interface QaFeedbackProps {
  helpfulCount: number
  unhelpfulCount: number
  status: 'idle' | 'sending' | 'done' | 'error'
  errorMessage?: string
  onRate: (helpful: boolean) => void
}

/** 「这条回答有帮助吗？」 with two large buttons. */
export function QaFeedback({ helpfulCount, unhelpfulCount, status, errorMessage, onRate }: QaFeedbackProps) {
  const disabled = status === 'sending' || status === 'done'
  const button = (helpful: boolean, label: string, count: number) => (
    <View
      className={cx('gm-button', 'gm-qa-feedback__button', disabled && 'gm-button--disabled')}
      hoverClass={disabled ? 'none' : 'gm-pressed'}
      onClick={() => !disabled && onRate(helpful)}
      {...a11y(`${label}，${count} 人`, 'button')}
    >
      {label}（{count}）
    </View>
  )
  return (
    <View className="gm-qa-feedback">
      <Text className="gm-qa-feedback__question">这条回答有帮助吗？</Text>
      <View className="gm-qa-feedback__buttons">
        {button(true, '有帮助', helpfulCount)}
        {button(false, '没帮助', unhelpfulCount)}
      </View>
      {status === 'done' && <Text className="gm-qa-feedback__note">感谢您的反馈</Text>}
      {status === 'error' && <Text className="gm-qa-feedback__note gm-qa-feedback__note--error">{errorMessage || '提交失败，请稍后再试'}</Text>}
    </View>
  )
}
