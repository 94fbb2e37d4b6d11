// A major decision's stages in their legal order with the current one highlighted.
import { Text, View } from '@tarojs/components'
import { type DecisionStage, type DecisionStageKind, decisionStageKinds, decisionStageLabels } from '@gm/shared'
import { cx, dateInWords } from '../../utils/format'
import { WhenText } from '../WhenText'
import './index.scss'

/** A stage's days in words, as pieces that each stay on one line: ["2026年11月1日", "至", "2026年11月15日"]. */
function stageDates(stage: DecisionStage): string[] {
  if (stage.startsAt && stage.endsAt) return [dateInWords(stage.startsAt), '至', dateInWords(stage.endsAt)]
  if (stage.startsAt) return [dateInWords(stage.startsAt), '起']
  return ['时间待定']
}

/** A decision's typed stages in their legal order, the current one highlighted. */
export function StageTimeline({ stages, current }: { stages: readonly DecisionStage[]; current: DecisionStageKind | null }) {
  const ordered = [...stages].sort((a, b) => decisionStageKinds.indexOf(a.kind) - decisionStageKinds.indexOf(b.kind))
  if (ordered.length === 0) return <Text className="gm-stages__empty">暂无阶段信息</Text>
  return (
    <View className="gm-stages">
      {ordered.map((stage) => (
        <View key={stage.kind} className={cx('gm-stages__stage', stage.kind === current && 'gm-stages__stage--current')}>
          <View className="gm-stages__dot" />
          <View className="gm-stages__content">
            <Text className="gm-stages__label">
              {decisionStageLabels[stage.kind]}
              {stage.kind === current ? '（当前阶段）' : ''}
            </Text>
            <WhenText className="gm-stages__dates" parts={stageDates(stage)} />
            {stage.summary && <Text className="gm-stages__summary">{stage.summary}</Text>}
            {stage.link && (
              <Text className="gm-stages__link" userSelect>
                相关链接：{stage.link}
              </Text>
            )}
          </View>
        </View>
      ))}
    </View>
  )
}
