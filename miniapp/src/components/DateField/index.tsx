// A calendar date picker (YYYY-MM-DD): the browser's date input on H5 (staff desktops), WeChat's date picker in the mini-program.
import { Picker, Text, View } from '@tarojs/components'
import { createElement } from 'react'
import { a11y } from '../../utils/a11y'
import { cx } from '../../utils/format'
import './index.scss'

export interface DateFieldProps {
  /** Field name, also the BEM modifier (`gm-date-field--receivedOn`). */
  name: string
  label: string
  /** YYYY-MM-DD, or '' when none is chosen. */
  value: string
  onChange: (value: string) => void
  /** Earliest and latest selectable dates (YYYY-MM-DD). */
  start?: string
  end?: string
  hint?: string
  error?: string
}

/** A labelled date picker with its hint or error right below it. */
export function DateField({ name, label, value, onChange, start, end, hint, error }: DateFieldProps) {
  return (
    <View className={cx('gm-date-field', `gm-date-field--${name}`, error && 'gm-date-field--invalid')}>
      <Text className="gm-date-field__label">{label}</Text>
      {process.env.TARO_ENV === 'h5' ? (
        createElement('input', {
          className: 'gm-date-field__input',
          type: 'date',
          name,
          value,
          min: start,
          max: end,
          'aria-label': label,
          onChange: (e: { target: { value: string } }) => onChange(e.target.value),
        })
      ) : (
        <Picker mode="date" value={value} start={start} end={end} onChange={(e) => onChange(String(e.detail.value))}>
          <View className="gm-date-field__input" {...a11y(label, 'button')}>
            <Text className={cx(!value && 'gm-date-field__placeholder')}>{value || '请选择日期'}</Text>
          </View>
        </Picker>
      )}
      {hint && !error && <Text className="gm-date-field__hint">{hint}</Text>}
      {error && (
        <Text className="gm-date-field__error" {...a11y(undefined, 'alert')}>
          {error}
        </Text>
      )}
    </View>
  )
}
