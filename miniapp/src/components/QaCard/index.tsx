// One Q&A item in the staff library list: topic, question, answer excerpt and answering department.
import { Text, View } from '@tarojs/components'
import type { QaItem } from '@gm/shared'
import { a11y } from '../../utils/a11y'
import { excerpt } from '../../utils/format'
import './index.scss'

export interface QaCardProps {
  item: QaItem
  onOpen?: (id: number) => void
}

export function QaCard({ item, onOpen }: QaCardProps) {
  return (
    <View className="gm-qa-card" hoverClass="gm-pressed" onClick={() => onOpen?.(item.id)} {...a11y(undefined, 'link')}>
      <Text className="gm-qa-card__topic">{item.topic}</Text>
      <Text className="gm-qa-card__question">问：{item.question}</Text>
      <Text className="gm-qa-card__answer">答：{excerpt(item.answer)}</Text>
      {item.department && <Text className="gm-qa-card__department">答复单位：{item.department.name}</Text>}
    </View>
  )
}
