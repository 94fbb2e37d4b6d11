// Headline statistics as large numbers, each with its label, unit and the written definition of what it counts.
import { Text, View } from '@tarojs/components'
import { cx } from '../../utils/format'
import './index.scss'

export interface StatNumber {
  key: string
  label: string
  /** Null: not computed (e.g. no answered opinions yet): shown as —. */
  value: number | string | null
  unit?: string
  definition?: string
  /** Draw attention (e.g. overdue opinions, 列席 below the minimum). */
  warn?: boolean
}

/** A grid of figures; on a desktop screen several sit side by side, on a phone two. */
export function StatNumbers({ items, className }: { items: readonly StatNumber[]; className?: string }) {
  return (
    <View className={cx('gm-stat-numbers', className)}>
      {items.map((item) => (
        <View key={item.key} className={cx('gm-stat-numbers__item', `gm-stat-numbers__item--${item.key}`, item.warn && 'gm-stat-numbers__item--warn')}>
          <Text className="gm-stat-numbers__label">{item.label}</Text>
          <Text className="gm-stat-numbers__value">
            {item.value === null ? '—' : String(item.value)}
            {item.value !== null && item.unit ? <Text className="gm-stat-numbers__unit">{item.unit}</Text> : null}
          </Text>
          {item.definition ? <Text className="gm-stat-numbers__definition">{item.definition}</Text> : null}
        </View>
      ))}
    </View>
  )
}
