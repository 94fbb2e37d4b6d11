// Label / value rows on detail pages (承办单位、征集时间…).
import { Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import './index.scss'

export interface InfoItem {
  label: string
  /** Text, or e.g. a WhenText whose date pieces must not break */
  value: ReactNode
}

/** Label / value rows, e.g. 承办单位、征集时间. */
export function InfoList({ items }: { items: readonly InfoItem[] }) {
  return (
    <View className="gm-info">
      {items.map((item) => (
        <View key={item.label} className="gm-info__row">
          <Text className="gm-info__label">{item.label}</Text>
          <Text className="gm-info__value">{item.value}</Text>
        </View>
      ))}
    </View>
  )
}
