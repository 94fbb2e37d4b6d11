// A row of equal-width segment tabs (征集中 / 未开始 / 已结束).
import { View } from '@tarojs/components'
import { a11y } from '../../utils/a11y'
import { cx } from '../../utils/format'
import './index.scss'

export interface TabOption<V extends string> {
  value: V
  label: string
}

export interface TabsProps<V extends string> {
  options: readonly TabOption<V>[]
  value: V
  onChange: (value: V) => void
  label?: string
}

/** A row of equal-width segments, e.g. 征集中 / 未开始 / 已结束. */
export function Tabs<V extends string>({ options, value, onChange, label }: TabsProps<V>) {
  return (
    <View className="gm-tabs" {...a11y(label, 'tablist')}>
      {options.map((option) => {
        const active = option.value === value
        return (
          <View
            key={option.value}
            className={cx('gm-tabs__item', active && 'gm-tabs__item--active')}
            hoverClass="gm-pressed"
            onClick={() => !active && onChange(option.value)}
            {...a11y(option.label, 'tab')}
            {...(active ? { 'aria-selected': 'true' } : {})}
          >
            {option.label}
          </View>
        )
      })}
    </View>
  )
}
