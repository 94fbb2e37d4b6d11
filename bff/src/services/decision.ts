// Major-decision catalogue use cases: the public list and detail (published entries only) with current stage; staff lists with drafts, creating or updating an entry with its stages, and publishing a draft.
import {
  type BodyOf,
  currentStage,
  type DecisionBody,
  type DecisionDetail,
  type DecisionStage,
  type DecisionSummary,
  decisionStageKinds,
  type QueryOf,
  type StaffDecisionDetail,
  type StaffDecisionSummary,
} from '@gm/shared'
import type { DbOrTx } from '../db/client'
import type { Deps } from '../deps'
import type { StaffContext } from '../domain/actor'
import { AppError, notFound, validationFailed } from '../domain/errors'
import {
  type DecisionAudience,
  type DecisionFields,
  findDecisionById,
  findDecisionForAudit,
  findDecisionPublication,
  findDecisions,
  insertDecision,
  markDecisionPublished,
  rewriteDecision,
} from '../repositories/decision'
import { auditorOf, recordAudit } from './audit'
import { assertInScope } from './departmentScope'
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

/** The public catalog: published entries only (a draft is in no public read). */
export async function listDecisions(deps: Deps, query: QueryOf<'listDecisions'>): Promise<DecisionSummary[]> {
  const now = deps.clock()
  const rows = await findDecisions(deps.db, query.year, 'public')
  return rows.map((row) => toSummary(row, now))
}

/** The catalog as staff keep it: drafts too, each with its publication moment (null: draft). */
export async function listStaffDecisions(deps: Deps, query: QueryOf<'listStaffDecisions'>): Promise<StaffDecisionSummary[]> {
  const now = deps.clock()
  const rows = await findDecisions(deps.db, query.year, 'staff')
  return rows.map((row) => ({ ...toSummary(row, now), publishedAt: isoOrNull(row.publishedAt) }))
}

async function detail(db: DbOrTx, id: number, now: Date, audience: DecisionAudience): Promise<StaffDecisionDetail> {
  const row = await findDecisionById(db, id, now, audience)
  if (!row) throw notFound('决策事项')
  return {
    ...toSummary(row, now),
    stages: toStages(row.stages),
    consultations: row.consultations,
    events: row.events,
    publishedAt: isoOrNull(row.publishedAt),
  }
}

/** A published entry; a draft is 404 like a missing one. */
export async function getDecision(deps: Deps, id: number): Promise<DecisionDetail> {
  const { publishedAt: _publishedAt, ...entry } = await detail(deps.db, id, deps.clock(), 'public')
  return entry
}

export function getStaffDecision(deps: Deps, id: number): Promise<StaffDecisionDetail> {
  return detail(deps.db, id, deps.clock(), 'staff')
}

const fieldsOf = ({ stages: _stages, ...fields }: DecisionBody): DecisionFields => fields

/** A new entry of the 决策事项目录, as a draft: public once a reviewer publishes it. */
export async function createDecision(deps: Deps, context: StaffContext, body: BodyOf<'createDecision'>): Promise<StaffDecisionDetail> {
  return deps.db.$transaction(async (tx) => {
    const { id } = await insertDecision(tx, fieldsOf(body), body.stages)
    await recordAudit(tx, auditorOf(context), { action: 'createDecision', entity: 'decision', entityId: id, after: body })
    return detail(tx, id, deps.clock(), 'staff')
  })
}

/** Staff keep the entry current as the decision moves on: its fields and every stage, replaced together. */
export async function updateDecision(deps: Deps, context: StaffContext, id: number, body: BodyOf<'updateDecision'>): Promise<StaffDecisionDetail> {
  return deps.db.$transaction(async (tx) => {
    const before = await findDecisionForAudit(tx, id)
    if (!before) throw notFound('决策事项')
    await rewriteDecision(tx, id, fieldsOf(body), body.stages)
    await recordAudit(tx, auditorOf(context), { action: 'updateDecision', entity: 'decision', entityId: id, before, after: body })
    return detail(tx, id, deps.clock(), 'staff')
  })
}

/**
 * Publish a draft entry (a reviewer of its department): from now on the catalog, the decision page
 * and the overview show it. 409 ALREADY_PUBLISHED when it is public already. Audited.
 */
export async function publishDecision(deps: Deps, context: StaffContext, id: number): Promise<StaffDecisionDetail> {
  return deps.db.$transaction(async (tx) => {
    const before = await findDecisionForAudit(tx, id)
    if (!before) throw notFound('决策事项')
    assertInScope(context.actor, before.departmentId)
    const now = deps.clock()
    if (!(await markDecisionPublished(tx, id, now))) throw new AppError('ALREADY_PUBLISHED')
    await recordAudit(tx, auditorOf(context), { action: 'publishDecision', entity: 'decision', entityId: id, after: { publishedAt: now.toISOString() } })
    return detail(tx, id, now, 'staff')
  })
}

/**
 * A consultation or an event links only to a published catalog entry: linking a draft is refused
 * (409 DECISION_NOT_PUBLISHED, on the decisionId field), a missing entry is a field error. No link, nothing to check.
 */
export async function assertDecisionLinkable(db: DbOrTx, decisionId: number | null | undefined): Promise<void> {
  if (decisionId === null || decisionId === undefined) return
  const entry = await findDecisionPublication(db, decisionId)
  if (!entry) throw validationFailed({ decisionId: '所选决策事项不存在' }, '关联的记录不存在')
  if (!entry.publishedAt) {
    throw new AppError('DECISION_NOT_PUBLISHED', undefined, {
      fields: { decisionId: '该决策事项还是草稿，尚未发布：请选择已发布的决策事项，或请本部门审核人员先发布' },
    })
  }
}
