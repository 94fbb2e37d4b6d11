// A horizontally scrolling filter row of chips with 全部 first (department, event kind, Q&A topic).
import { ScrollView, View } from '@tarojs/components'
import { a11y } from '../../utils/a11y'
import { cx } from '../../utils/format'
import './index.scss'

export interface ChipOption<V extends string | number> {
  value: V
  label: string
}

export interface ChipsProps<V extends string | number> {
  options: readonly ChipOption<V>[]
  /** undefined = the 「全部」 chip. */
  value: V | undefined
  onChange: (value: V | undefined) => void
  allLabel?: string
  label?: string
}

/** A horizontally scrolling filter row with an 「全部」 chip first. */
export function Chips<V extends string | number>({ options, value, onChange, allLabel = '全部', label }: ChipsProps<V>) {
  const all: { value: V | undefined; label: string }[] = [{ value: undefined, label: allLabel }, ...options]
  return (
    <ScrollView className="gm-chips" scrollX enhanced showScrollbar={false} {...a11y(label)}>
      <View className="gm-chips__row">
        {all.map((option) => {
          const active = option.value === value
          return (
            <View
              key={String(option.value ?? '__all')}
              className={cx('gm-chips__chip', active && 'gm-chips__chip--active')}
              hoverClass="gm-pressed"
              onClick={() => onChange(option.value)}
              {...a11y(option.label, 'button')}
              {...(active ? { 'aria-pressed': 'true' } : {})}
            >
              {option.label}
            </View>
          )
        })}
      </View>
    </ScrollView>
  )
}
