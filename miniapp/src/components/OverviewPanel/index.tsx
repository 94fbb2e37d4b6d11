// The service's headline figures on the 我的 tab.
import { Text, View } from '@tarojs/components'
import type { Overview } from '@gm/shared'
import './index.scss'

const figures: { key: keyof Overview; label: string; unit: string }[] = [
  { key: 'openConsultations', label: '正在征集意见', unit: '项' },
  { key: 'opinionsReceived', label: '已收到意见', unit: '条' },
  { key: 'upcomingEvents', label: '近期活动', unit: '场' },
  { key: 'qaItems', label: '政策问答', unit: '条' },
  { key: 'decisionsThisYear', label: '本年度决策事项', unit: '项' },
]

/** Headline figures of the service. */
export function OverviewPanel({ overview }: { overview: Overview }) {
  return (
    <View className="gm-overview">
      {figures.map((f) => (
        <View key={f.key} className={`gm-overview__item gm-overview__item--${f.key}`}>
          <Text className="gm-overview__value">
            {overview[f.key]}
            <Text className="gm-overview__unit">{f.unit}</Text>
          </Text>
          <Text className="gm-overview__label">{f.label}</Text>
        </View>
      ))}
    </View>
  )
}
