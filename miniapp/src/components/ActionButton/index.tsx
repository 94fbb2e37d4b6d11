// The app's full-width button with a tone, a busy text while its action runs, and a large touch target.
import { View } from '@tarojs/components'
import { a11y } from '../../utils/a11y'
import { cx } from '../../utils/format'

export interface ActionButtonProps {
  children: string
  onPress: () => void
  tone?: 'primary' | 'default' | 'danger'
  /** Shown instead of the label while the action runs; the button ignores taps meanwhile. */
  busyText?: string
  busy?: boolean
  disabled?: boolean
  className?: string
}

/** A full-width, 88rpx+ button (a View: Taro's Button brings platform styles we do not want). */
export function ActionButton({ children, onPress, tone = 'default', busy = false, busyText, disabled = false, className }: ActionButtonProps) {
  const inactive = busy || disabled
  return (
    <View
      className={cx(
        'gm-button',
        tone === 'primary' && 'gm-button--primary',
        tone === 'danger' && 'gm-button--danger',
        inactive && 'gm-button--disabled',
        className,
      )}
      hoverClass={inactive ? 'none' : 'gm-pressed'}
      onClick={() => !inactive && onPress()}
      {...a11y(children, 'button')}
      {...(inactive ? { 'aria-disabled': 'true' } : {})}
    >
      {busy && busyText ? busyText : children}
    </View>
  )
}
