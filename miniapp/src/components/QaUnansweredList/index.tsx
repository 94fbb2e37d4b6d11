// 群众想问但库里没有的: the rows of searches without a good answer, most searched first, each with a button to answer it.
import { Text, View } from '@tarojs/components'
import { dateInWords } from '../../utils/format'
import { ActionButton } from '../ActionButton'
import { ListState } from '../ListState'
import './index.scss'

export interface QaUnansweredListProps {
  rows: { id: number; text: string; searches: number; lastAskedAt: string }[]
  canAnswer: boolean
  onAnswer: (id: number) => void
}

export function QaUnansweredList({ rows, canAnswer, onAnswer }: QaUnansweredListProps) {
  if (rows.length === 0) return <ListState status="empty" emptyText="暂无：群众的检索都找到了答案" />
  return (
    <View className="gm-qa-unanswered">
      {rows.map((row) => (
        <View key={row.id} className="gm-qa-unanswered__row">
          <Text className="gm-qa-unanswered__text">{row.text}</Text>
          <Text className="gm-qa-unanswered__meta">{`${row.searches} 次检索 · 最近 ${dateInWords(row.lastAskedAt)}`}</Text>
          {canAnswer && (
            <ActionButton className="gm-qa-unanswered__answer" onPress={() => onAnswer(row.id)}>
              据此新建问答
            </ActionButton>
          )}
        </View>
      ))}
    </View>
  )
}
