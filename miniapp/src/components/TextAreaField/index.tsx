// A labelled multi-line input with a character count, hint or error right below it.
import { Text, Textarea, View } from '@tarojs/components'
import { a11y, fieldA11y } from '../../utils/a11y'
import { cx } from '../../utils/format'
import { useValueAfterFirstRender } from '../FormField/valueAfterFirstRender'
import './index.scss'

export interface TextAreaFieldProps {
  /** Field name, also the BEM modifier (`gm-textarea--text`). */
  name: string
  label: string
  value: string
  onInput: (value: string) => void
  error?: string
  hint?: string
  placeholder?: string
  /** Show 「已输入 n / max 字」 under the box; over the limit it turns red. */
  count?: { current: number; max: number }
  /** Taller box for long texts (意见内容). */
  tall?: boolean
}

/** A labelled multi-line input with its count, hint or error right below it. */
export function TextAreaField({ name, label, value, onInput, error, hint, placeholder, count, tall = false }: TextAreaFieldProps) {
  const over = count !== undefined && count.current > count.max
  const input = useValueAfterFirstRender<HTMLElement>(value)
  return (
    <View className={cx('gm-textarea', `gm-textarea--${name}`, tall && 'gm-textarea--tall', error && 'gm-textarea--invalid')}>
      <Text className="gm-textarea__label">{label}</Text>
      <Textarea
        className="gm-textarea__input"
        ref={input.ref}
        name={name}
        value={input.value}
        placeholder={placeholder}
        placeholderClass="gm-textarea__placeholder"
        maxlength={-1}
        autoHeight={!tall}
        onInput={(e) => onInput(e.detail.value)}
        {...fieldA11y(label, Boolean(error))}
      />
      {count && (
        <Text className={cx('gm-textarea__count', over && 'gm-textarea__count--over')} {...a11y(undefined, 'status')}>
          {over ? `已输入 ${count.current} 字，超出 ${count.current - count.max} 字（最多 ${count.max} 字）` : `已输入 ${count.current} / ${count.max} 字`}
        </Text>
      )}
      {error ? (
        <Text className="gm-textarea__error" {...a11y(undefined, 'alert')}>
          {error}
        </Text>
      ) : (
        hint && <Text className="gm-textarea__hint">{hint}</Text>
      )}
    </View>
  )
}
