// The stages of a major administrative decision, their Chinese labels, and which stage a decision is in now.
import { type Instant, toDate } from './time'

/** The typed stages of a major administrative decision, in the order they happen. */
export const decisionStageKinds = ['DRAFT_PUBLISHED', 'CONSULTATION', 'HEARING', 'MEETING_REVIEW', 'DECISION_RESULT', 'POST_EVALUATION'] as const
export type DecisionStageKind = (typeof decisionStageKinds)[number]

export const decisionStageLabels: Record<DecisionStageKind, string> = {
  DRAFT_PUBLISHED: '草案公布',
  CONSULTATION: '意见征集',
  HEARING: '听证 / 列席',
  MEETING_REVIEW: '会议审议',
  DECISION_RESULT: '决策结果',
  POST_EVALUATION: '实施后评估',
}

/** The latest stage that has started; null before the first one. */
export function currentStage<T extends { kind: DecisionStageKind; startsAt: Instant | null }>(
  stages: readonly T[],
  now: Instant = Date.now(),
): DecisionStageKind | null {
  const t = toDate(now).getTime()
  let current: DecisionStageKind | null = null
  for (const kind of decisionStageKinds) {
    const stage = stages.find((s) => s.kind === kind)
    if (stage?.startsAt != null && toDate(stage.startsAt).getTime() <= t) current = kind
  }
  return current
}
