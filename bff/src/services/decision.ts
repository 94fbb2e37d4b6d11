// Major-decision catalogue use cases: the public list and detail with current stage, and staff creating or updating an entry with its stages.
import {
  type BodyOf,
  currentStage,
  type DecisionBody,
  type DecisionDetail,
  type DecisionStage,
  type DecisionSummary,
  decisionStageKinds,
  type QueryOf,
} from '@gm/shared'
import type { DbOrTx } from '../db/client'
import type { Deps } from '../deps'
import type { StaffContext } from '../domain/actor'
import { notFound } from '../domain/errors'
import { type DecisionFields, findDecisionById, findDecisionForAudit, findDecisions, insertDecision, rewriteDecision } from '../repositories/decision'
import { auditorOf, recordAudit } from './audit'
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

async function detail(db: DbOrTx, id: number, now: Date): Promise<DecisionDetail> {
  const row = await findDecisionById(db, id, now)
  if (!row) throw notFound('决策事项')
  return { ...toSummary(row, now), stages: toStages(row.stages), consultations: row.consultations, events: row.events }
}

export function getDecision(deps: Deps, id: number): Promise<DecisionDetail> {
  return detail(deps.db, id, deps.clock())
}

const fieldsOf = ({ stages: _stages, ...fields }: DecisionBody): DecisionFields => fields

/** A new entry of the public 决策事项目录 (the catalog is public as it is kept). */
export async function createDecision(deps: Deps, context: StaffContext, body: BodyOf<'createDecision'>): Promise<DecisionDetail> {
  return deps.db.$transaction(async (tx) => {
    const { id } = await insertDecision(tx, fieldsOf(body), body.stages)
    await recordAudit(tx, auditorOf(context), { action: 'createDecision', entity: 'decision', entityId: id, after: body })
    return detail(tx, id, deps.clock())
  })
}

/** Staff keep the entry current as the decision moves on: its fields and every stage, replaced together. */
export async function updateDecision(deps: Deps, context: StaffContext, id: number, body: BodyOf<'updateDecision'>): Promise<DecisionDetail> {
  return deps.db.$transaction(async (tx) => {
    const before = await findDecisionForAudit(tx, id)
    if (!before) throw notFound('决策事项')
    await rewriteDecision(tx, id, fieldsOf(body), body.stages)
    await recordAudit(tx, auditorOf(context), { action: 'updateDecision', entity: 'decision', entityId: id, before, after: body })
    return detail(tx, id, deps.clock())
  })
}
