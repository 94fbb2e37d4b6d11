// A date-and-time picker in Asia/Shanghai wall-clock text ("2026-12-20 09:30"): the browser's datetime input on H5 (staff desktops), WeChat's date and time pickers in the mini-program.
import { Picker, Text, View } from '@tarojs/components'
import { createElement } from 'react'
import { a11y } from '../../utils/a11y'
import { cx } from '../../utils/format'
import './index.scss'

export interface DateTimeFieldProps {
  /** Field name, also the BEM modifier (`gm-date-time-field--startsAt`). */
  name: string
  label: string
  /** "YYYY-MM-DD HH:mm" (Beijing time), or '' when none is chosen. */
  value: string
  onChange: (value: string) => void
  hint?: string
  error?: string
}

const DATE_TIME = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2})/

/** The date and the time of a "YYYY-MM-DD HH:mm" value ('' for what is not chosen yet). */
export function splitDateTime(value: string): { date: string; time: string } {
  const m = DATE_TIME.exec(value.trim())
  if (m) return { date: m[1]!, time: m[2]! }
  const date = /^\d{4}-\d{2}-\d{2}$/.test(value.trim()) ? value.trim() : ''
  return { date, time: '' }
}

/** One value from a date and a time; a date alone waits for its time (09:00 is offered). */
const joinDateTime = (date: string, time: string) => (date ? `${date} ${time || '09:00'}` : '')

/** A labelled date-time picker with its hint or error right below it. */
export function DateTimeField({ name, label, value, onChange, hint, error }: DateTimeFieldProps) {
  const { date, time } = splitDateTime(value)
  return (
    <View className={cx('gm-date-time-field', `gm-date-time-field--${name}`, error && 'gm-date-time-field--invalid')}>
      <Text className="gm-date-time-field__label">{label}</Text>
      {process.env.TARO_ENV === 'h5' ? (
        createElement('input', {
          className: 'gm-date-time-field__input',
          type: 'datetime-local',
          name,
          value: date ? `${date}T${time || '09:00'}` : '',
          'aria-label': label,
          'aria-invalid': error ? true : undefined,
          onChange: (e: { target: { value: string } }) => onChange(e.target.value.replace('T', ' ')),
        })
      ) : (
        <View className="gm-date-time-field__pickers">
          <Picker mode="date" value={date} onChange={(e) => onChange(joinDateTime(String(e.detail.value), time))}>
            <View className="gm-date-time-field__input" {...a11y(`${label}：日期`, 'button')}>
              <Text className={cx(!date && 'gm-date-time-field__placeholder')}>{date || '选择日期'}</Text>
            </View>
          </Picker>
          <Picker mode="time" value={time} onChange={(e) => onChange(joinDateTime(date || '', String(e.detail.value)))}>
            <View className="gm-date-time-field__input" {...a11y(`${label}：时间`, 'button')}>
              <Text className={cx(!time && 'gm-date-time-field__placeholder')}>{time || '选择时间'}</Text>
            </View>
          </Picker>
        </View>
      )}
      {hint && !error && <Text className="gm-date-time-field__hint">{hint}</Text>}
      {error && (
        <Text className="gm-date-time-field__error" {...a11y(undefined, 'alert')}>
          {error}
        </Text>
      )}
    </View>
  )
}
