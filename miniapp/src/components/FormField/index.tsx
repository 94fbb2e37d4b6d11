// A labelled single-line text input with its hint or error right below it.
import { Input, Text, View } from '@tarojs/components'
import { a11y, fieldA11y } from '../../utils/a11y'
import { cx } from '../../utils/format'
import { useValueAfterFirstRender } from './valueAfterFirstRender'
import './index.scss'

export interface FormFieldProps {
  /** Field name, also the BEM modifier (`gm-field--username`). */
  name: string
  label: string
  value: string
  onInput: (value: string) => void
  /** Shown under the input in red, next to the field it is about. */
  error?: string
  hint?: string
  placeholder?: string
  password?: boolean
  maxlength?: number
  onConfirm?: () => void
}

/** A labelled text input with its hint or error right below it. */
export function FormField({ name, label, value, onInput, error, hint, placeholder, password, maxlength = 100, onConfirm }: FormFieldProps) {
  const input = useValueAfterFirstRender<HTMLElement>(value)
  return (
    <View className={cx('gm-field', `gm-field--${name}`, error && 'gm-field--invalid')}>
      <Text className="gm-field__label">{label}</Text>
      <Input
        className="gm-field__input"
        ref={input.ref}
        name={name}
        value={input.value}
        password={password}
        placeholder={placeholder}
        placeholderClass="gm-field__placeholder"
        maxlength={maxlength}
        onInput={(e) => onInput(e.detail.value)}
        onConfirm={() => onConfirm?.()}
        {...fieldA11y(label, Boolean(error))}
      />
      {error ? (
        <Text className="gm-field__error" {...a11y(undefined, 'alert')}>
          {error}
        </Text>
      ) : (
        hint && <Text className="gm-field__hint">{hint}</Text>
      )}
    </View>
  )
}
