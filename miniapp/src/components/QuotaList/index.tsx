/** The lottery quotas of an event, in the order the draw fills them (or that there are none). */
import { Text, View } from '@tarojs/components'
import type { Quota } from '@gm/shared'
import { quotaText } from '../../utils/quotas'
import './index.scss'

export interface QuotaListProps {
  quotas: readonly Quota[]
  /** What to say when there are none */
  emptyText?: string
}

export function QuotaList({ quotas, emptyText = '不设分层配额，全部名额按抽签顺序确定。' }: QuotaListProps) {
  return (
    <View className="gm-quota-list">
      {quotas.length === 0 ? (
        <Text className="gm-quota-list__item">{emptyText}</Text>
      ) : (
        quotas.map((q, i) => (
          <Text key={`${q.field}-${q.value}`} className="gm-quota-list__item">
            {quotaText(q, i)}
          </Text>
        ))
      )}
    </View>
  )
}
