// One entry of the major-decision catalogue list: year, current stage, title, department, planned decision time and participation methods.
import { Text, View } from '@tarojs/components'
import { type DecisionSummary, decisionStageLabels } from '@gm/shared'
import { a11y } from '../../utils/a11y'
import { Badge } from '../Badge'
import './index.scss'

export interface DecisionCardProps {
  decision: DecisionSummary
  onOpen?: (id: number) => void
}

export function DecisionCard({ decision: d, onOpen }: DecisionCardProps) {
  const stage = d.currentStage ? decisionStageLabels[d.currentStage] : '尚未启动'
  return (
    <View className="gm-decision-card" hoverClass="gm-pressed" onClick={() => onOpen?.(d.id)} {...a11y(undefined, 'link')}>
      <View className="gm-decision-card__header">
        <Text className="gm-decision-card__year">{d.year} 年度</Text>
        <Badge tone="info">{stage}</Badge>
      </View>
      <Text className="gm-decision-card__title">{d.title}</Text>
      <Text className="gm-decision-card__meta">承办单位：{d.department.name}</Text>
      <Text className="gm-decision-card__meta">计划决策时间：{d.plannedDecisionAt}</Text>
      {d.participationMethods.length > 0 && <Text className="gm-decision-card__meta">公众参与方式：{d.participationMethods.join('、')}</Text>}
    </View>
  )
}
