// One choice out of a few as large rows with a visible mark, optionally side by side (性别、年龄段、采纳情况).
import { Text, View } from '@tarojs/components'
import { a11y } from '../../utils/a11y'
import { cx } from '../../utils/format'
import './index.scss'

export interface Choice<V extends string> {
  value: V
  label: string
  /** A second line, e.g. what 不予采纳 means. */
  hint?: string
}

export interface ChoiceGroupProps<V extends string> {
  name: string
  label: string
  options: readonly Choice<V>[]
  value: V | ''
  onChange: (value: V) => void
  error?: string
  /** Lay short options side by side (性别、年龄段). */
  inline?: boolean
}

/** One choice out of a few, as large rows with a visible mark (not colour alone). */
export function ChoiceGroup<V extends string>({ name, label, options, value, onChange, error, inline = false }: ChoiceGroupProps<V>) {
  return (
    <View className={cx('gm-choice', `gm-choice--${name}`, inline && 'gm-choice--inline', error && 'gm-choice--invalid')}>
      <Text className="gm-choice__label">{label}</Text>
      <View className="gm-choice__options" {...a11y(label, 'radiogroup')}>
        {options.map((option) => {
          const checked = option.value === value
          return (
            <View
              key={option.value}
              className={cx('gm-choice__option', checked && 'gm-choice__option--checked')}
              hoverClass="gm-pressed"
              onClick={() => onChange(option.value)}
              {...a11y(option.label, 'radio')}
              aria-checked={checked ? 'true' : 'false'}
            >
              <Text className="gm-choice__mark">{checked ? '●' : '○'}</Text>
              <View className="gm-choice__text">
                <Text className="gm-choice__title">{option.label}</Text>
                {option.hint && <Text className="gm-choice__hint">{option.hint}</Text>}
              </View>
            </View>
          )
        })}
      </View>
      {error && (
        <Text className="gm-choice__error" {...a11y(undefined, 'alert')}>
          {error}
        </Text>
      )}
    </View>
  )
}
