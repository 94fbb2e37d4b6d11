import { currentStage, type DecisionDetail, type DecisionStage, type DecisionSummary, decisionStageKinds, type QueryOf } from '@gm/shared'
import type { Deps } from '../deps'
import { notFound } from '../http/errors'
import { findDecisionById, findDecisions } from '../repositories/decision'
import { isoOrNull } from './paging'

type StageRow = { kind: DecisionStage['kind']; startsAt: Date | null; endsAt: Date | null; summary: string; link: string | null }
type DecisionRow = NonNullable<Awaited<ReturnType<typeof findDecisions>>>[number]

const stageOrder = (kind: DecisionStage['kind']) => decisionStageKinds.indexOf(kind)

function toStages(rows: StageRow[]): DecisionStage[] {
  return [...rows]
    .sort((a, b) => stageOrder(a.kind) - stageOrder(b.kind))
    .map((s) => ({ kind: s.kind, startsAt: isoOrNull(s.startsAt), endsAt: isoOrNull(s.endsAt), summary: s.summary, link: s.link }))
}

function toSummary(row: DecisionRow, now: Date): DecisionSummary {
  return {
    id: row.id,
    year: row.year,
    title: row.title,
    summary: row.summary,
    department: row.department,
    plannedDecisionAt: row.plannedDecisionAt,
    participationMethods: row.participationMethods,
    currentStage: currentStage(row.stages, now),
  }
}

export async function listDecisions(deps: Deps, query: QueryOf<'listDecisions'>): Promise<DecisionSummary[]> {
  const now = deps.clock()
  const rows = await findDecisions(deps.db, query.year)
  return rows.map((row) => toSummary(row, now))
}

export async function getDecision(deps: Deps, id: number): Promise<DecisionDetail> {
  const now = deps.clock()
  const row = await findDecisionById(deps.db, id, now)
  if (!row) throw notFound('决策事项')
  return { ...toSummary(row, now), stages: toStages(row.stages), consultations: row.consultations, events: row.events }
}
