// 关注 / 已关注 toggle for a decision, department or topic page: says what following does and names its target for screen readers.
import { Text, View } from '@tarojs/components'
import { a11y } from '../../utils/a11y'
import { cx } from '../../utils/format'
import './index.scss'

export interface FollowButtonProps {
  /** What is followed, e.g. 「高新区老旧小区改造三年行动」. */
  name: string
  following: boolean | undefined
  busy?: boolean
  error?: string | null
  onPress: () => void
}

export function FollowButton({ name, following, busy = false, error, onPress }: FollowButtonProps) {
  const label = following ? `已关注${name}，点按取消关注` : `关注${name}`
  return (
    <View className="gm-follow">
      <View
        className={cx('gm-follow__button', following && 'gm-follow__button--on', busy && 'gm-follow__button--busy')}
        hoverClass={busy ? 'none' : 'gm-pressed'}
        onClick={() => !busy && onPress()}
        {...a11y(label, 'button')}
        {...(busy ? { 'aria-disabled': 'true' } : {})}
      >
        {busy ? '请稍候…' : following ? '✓ 已关注' : '＋ 关注'}
      </View>
      <Text className="gm-follow__hint">{following ? '有新的意见征集、即将截止或新政策时会通知您' : '关注后，有新的意见征集、即将截止或新政策时通知您'}</Text>
      {error && (
        <Text className="gm-follow__error" {...a11y(undefined, 'alert')}>
          {error}
        </Text>
      )}
    </View>
  )
}
