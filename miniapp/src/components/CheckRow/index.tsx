// A checkbox drawn as a whole-row touch target with a visible ☑ / ☐ mark and an optional hint.
import { Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import { cx } from '../../utils/format'
import './index.scss'

export interface CheckRowProps {
  label: string
  /** Shown under the label (can hold a highlighted excerpt). */
  hint?: ReactNode
  checked: boolean
  onChange: (checked: boolean) => void
  disabled?: boolean
  className?: string
}

/** A checkbox as a whole-row touch target with a visible ☑ / ☐ mark. */
export function CheckRow({ label, hint, checked, onChange, disabled = false, className }: CheckRowProps) {
  return (
    <View
      className={cx('gm-check-row', checked && 'gm-check-row--checked', disabled && 'gm-check-row--disabled', className)}
      hoverClass={disabled ? 'none' : 'gm-pressed'}
      onClick={() => !disabled && onChange(!checked)}
      role="checkbox"
      aria-checked={checked ? 'true' : 'false'}
      aria-label={label}
      {...(disabled ? { 'aria-disabled': 'true' } : {})}
    >
      <Text className="gm-check-row__mark">{checked ? '☑' : '☐'}</Text>
      <View className="gm-check-row__text">
        <Text className="gm-check-row__label">{label}</Text>
        {hint && <View className="gm-check-row__hint">{hint}</View>}
      </View>
    </View>
  )
}
