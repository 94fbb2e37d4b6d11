// The adoption report of a consultation's feedback: counts per 采纳情况 with their definitions, and opinions per channel.
import { Text, View } from '@tarojs/components'
import { type Adoption, adoptionLabels, adoptions, type FeedbackReport as Report, opinionChannelLabels } from '@gm/shared'
import './index.scss'

const figures: { key: Exclude<keyof Report, 'channels'>; label: string }[] = [
  { key: 'collected', label: '收到意见' },
  { key: 'valid', label: '有效意见' },
  { key: 'adopted', label: adoptionLabels.ADOPTED },
  { key: 'partiallyAdopted', label: adoptionLabels.PARTIALLY_ADOPTED },
  { key: 'notAdopted', label: adoptionLabels.NOT_ADOPTED },
  { key: 'explained', label: adoptionLabels.EXPLAINED },
]

export interface FeedbackReportProps {
  report: Report
  definitions: Partial<Record<Adoption, string>>
}

/** 采纳情况统计 with what each state means, and how many opinions came through each channel (线上, 电话, 座谈会…). */
export function FeedbackReport({ report, definitions }: FeedbackReportProps) {
  return (
    <View className="gm-feedback-report">
      <View className="gm-feedback-report__figures">
        {figures.map((f) => (
          <View key={f.key} className={`gm-feedback-report__figure gm-feedback-report__figure--${f.key}`}>
            <Text className="gm-feedback-report__value">{report[f.key]}</Text>
            <Text className="gm-feedback-report__label">{f.label}</Text>
          </View>
        ))}
      </View>
      {report.channels.length > 0 && (
        <View className="gm-feedback-report__channels">
          <Text className="gm-feedback-report__subtitle">收集渠道</Text>
          {report.channels.map((c) => (
            <View key={c.channel} className={`gm-feedback-report__channel gm-feedback-report__channel--${c.channel.toLowerCase()}`}>
              <Text className="gm-feedback-report__channel-name">{opinionChannelLabels[c.channel]}</Text>
              <Text className="gm-feedback-report__channel-count">{`收到 ${c.collected} 条，有效 ${c.valid} 条`}</Text>
            </View>
          ))}
        </View>
      )}
      <View className="gm-feedback-report__definitions">
        <Text className="gm-feedback-report__subtitle">说明</Text>
        {adoptions.map((a) =>
          definitions[a] ? (
            <Text key={a} className="gm-feedback-report__definition">
              {`${adoptionLabels[a]}：${definitions[a]}`}
            </Text>
          ) : null,
        )}
      </View>
    </View>
  )
}
