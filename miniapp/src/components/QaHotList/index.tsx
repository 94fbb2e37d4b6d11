// The 热门问题 list on the 政策问答 tab: numbered, large tappable rows.
import { Text, View } from '@tarojs/components'
import type { QaHot } from '@gm/shared'
import { a11y } from '../../utils/a11y'
import './index.scss'

export interface QaHotListProps {
  title: string
  items: QaHot
  onOpen: (id: number) => void
}

/** 热门问题: a numbered list of large tappable rows. */
export function QaHotList({ title, items, onOpen }: QaHotListProps) {
  if (items.length === 0) return null
  return (
    <View className="gm-qa-hot">
      <Text className="gm-qa-hot__title">{title}</Text>
      {items.map((item, i) => (
        <View key={item.id} className="gm-qa-hot__row" hoverClass="gm-pressed" onClick={() => onOpen(item.id)} {...a11y(undefined, 'link')}>
          <Text className="gm-qa-hot__rank">{i + 1}</Text>
          <Text className="gm-qa-hot__question">{item.question}</Text>
        </View>
      ))}
    </View>
  )
}
