import { Text, View } from '@tarojs/components'
import { type Adoption, adoptionLabels, adoptions, type FeedbackReport as Report } from '@gm/shared'
import './index.scss'

const figures: { key: keyof Report; label: string }[] = [
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

/** 采纳情况统计 with what each state means. */
export function FeedbackReport({ report, definitions }: FeedbackReportProps) {
  return (
    <View className='gm-feedback-report'>
      <View className='gm-feedback-report__figures'>
        {figures.map((f) => (
          <View key={f.key} className={`gm-feedback-report__figure gm-feedback-report__figure--${f.key}`}>
            <Text className='gm-feedback-report__value'>{report[f.key]}</Text>
            <Text className='gm-feedback-report__label'>{f.label}</Text>
          </View>
        ))}
      </View>
      <View className='gm-feedback-report__definitions'>
        <Text className='gm-feedback-report__subtitle'>说明</Text>
        {adoptions.map((a) =>
          definitions[a] ? (
            <Text key={a} className='gm-feedback-report__definition'>
              {`${adoptionLabels[a]}：${definitions[a]}`}
            </Text>
          ) : null,
        )}
      </View>
    </View>
  )
}
