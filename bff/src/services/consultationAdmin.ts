// Staff consultation use cases: drafting, publishing (30-day rule), revising the draft, and extending or closing the window early with a reason.
import {
  type BodyOf,
  type ConsultationDetail,
  consultationStatus,
  isMajorConsultation,
  publishWindowProblem,
  type ResponseOf,
  windowChangeKind,
  windowChangeProblem,
} from '@gm/shared'
import type { DbOrTx } from '../db/client'
import type { Deps } from '../deps'
import type { StaffContext } from '../domain/actor'
import { AppError, notFound, validationFailed } from '../domain/errors'
import {
  type ConsultationFields,
  findAllConsultationsForStaff,
  findConsultationById,
  findConsultationState,
  insertConsultation,
  insertRevision,
  markPublished,
  recordWindowChange,
  rewriteUnpublishedConsultation,
} from '../repositories/consultation'
import { countOpinionWork } from '../repositories/opinion'
import { auditorOf, recordAudit } from './audit'
import { assertInScope, requireInScope, scopeOf } from './departmentScope'
import { toConsultationDetail } from './consultation'
import { assertDecisionLinkable } from './decision'
import { iso } from './paging'

async function staffDetail(deps: Deps, db: DbOrTx, id: number): Promise<ConsultationDetail> {
  const row = await findConsultationById(db, id, 'staff')
  if (!row) throw notFound('意见征集')
  return toConsultationDetail(row, deps.clock())
}

async function requireState(db: DbOrTx, id: number) {
  const state = await findConsultationState(db, id)
  if (!state) throw notFound('意见征集')
  return state
}

function fieldsOf(body: BodyOf<'createConsultation'>): ConsultationFields {
  return {
    title: body.title,
    summary: body.summary,
    explanation: body.explanation,
    background: body.background,
    departmentId: body.departmentId,
    decisionId: body.decisionId ?? null,
    // Linked to the decision catalog → major by definition, whatever the form said.
    isMajorDecision: isMajorConsultation(body.decisionId, body.isMajorDecision),
    opensAt: new Date(body.opensAt),
    closesAt: new Date(body.closesAt),
    shortWindowReason: body.shortWindowReason ?? null,
  }
}

export async function listStaffConsultations(deps: Deps, context: StaffContext): Promise<ResponseOf<'listStaffConsultations'>> {
  const now = deps.clock()
  const [rows, work] = await Promise.all([findAllConsultationsForStaff(deps.db, scopeOf(context.actor)), countOpinionWork(deps.db)])
  return rows.map((row) => ({
    id: row.id,
    title: row.title,
    department: row.department,
    opensAt: iso(row.opensAt),
    closesAt: iso(row.closesAt),
    status: consultationStatus(row.opensAt, row.closesAt, now),
    published: row.publishedAt !== null && row.publishedAt <= now,
    draftVersion: row.draftVersion,
    feedbackPublished: row.feedbackPublishedAt !== null,
    counts: work.get(row.id) ?? { opinions: 0, pending: 0, unanswered: 0 },
  }))
}

export async function getStaffConsultation(deps: Deps, context: StaffContext, id: number): Promise<ConsultationDetail> {
  await requireInScope(deps.db, context.actor, 'consultation', id)
  return staffDetail(deps, deps.db, id)
}

export async function createConsultation(deps: Deps, context: StaffContext, body: BodyOf<'createConsultation'>): Promise<ConsultationDetail> {
  assertInScope(context.actor, body.departmentId, 'departmentId')
  return deps.db.$transaction(async (tx) => {
    await assertDecisionLinkable(tx, body.decisionId)
    const { id } = await insertConsultation(tx, fieldsOf(body), body.sections)
    await recordAudit(tx, auditorOf(context), { action: 'createConsultation', entity: 'consultation', entityId: id, after: body })
    return staffDetail(deps, tx, id)
  })
}

/**
 * Only a consultation that has not been published can be rewritten. Leaving `decisionId` out keeps
 * the catalog link; only an explicit null removes it, and never once the consultation is published;
 * a new link must name a published catalog entry.
 */
export async function updateConsultation(deps: Deps, context: StaffContext, id: number, body: BodyOf<'updateConsultation'>): Promise<ConsultationDetail> {
  await requireInScope(deps.db, context.actor, 'consultation', id)
  assertInScope(context.actor, body.departmentId, 'departmentId')
  return deps.db.$transaction(async (tx) => {
    const before = await requireState(tx, id)
    if (before.publishedAt) throw new AppError(body.decisionId === null && before.decisionId !== null ? 'DECISION_LINK_LOCKED' : 'DRAFT_IMMUTABLE')
    const decisionId = body.decisionId === undefined ? before.decisionId : body.decisionId
    // A link kept as it was is not a new link; a new one must be a published entry.
    if (decisionId !== before.decisionId) await assertDecisionLinkable(tx, decisionId)
    await rewriteUnpublishedConsultation(tx, id, fieldsOf({ ...body, decisionId }), body.sections)
    await recordAudit(tx, auditorOf(context), { action: 'updateConsultation', entity: 'consultation', entityId: id, before, after: body })
    return staffDetail(deps, tx, id)
  })
}

/** A major decision consulted on for less than 30 days needs a recorded reason. */
export async function publishConsultation(deps: Deps, context: StaffContext, id: number): Promise<ConsultationDetail> {
  const now = deps.clock()
  await requireInScope(deps.db, context.actor, 'consultation', id)
  return deps.db.$transaction(async (tx) => {
    const state = await requireState(tx, id)
    if (state.publishedAt) throw new AppError('ALREADY_PUBLISHED', '该征集已发布')
    if (state.closesAt <= now) throw validationFailed({ closesAt: '截止时间已过，请先修改征集期限' })
    if (publishWindowProblem(state)) {
      throw new AppError('SHORT_WINDOW_REASON_REQUIRED', undefined, {
        fields: { shortWindowReason: '重大行政决策事项征求意见期限不足 30 日，请填写理由（将随征集公开）' },
      })
    }
    await markPublished(tx, id, state.draftVersion, now)
    await recordAudit(tx, auditorOf(context), { action: 'publishConsultation', entity: 'consultation', entityId: id, after: { publishedAt: now } })
    return staffDetail(deps, tx, id)
  })
}

/** A revision of a published draft is a new version; earlier versions (and opinions on them) stay. */
export async function reviseDraft(deps: Deps, context: StaffContext, id: number, body: BodyOf<'reviseDraft'>): Promise<ConsultationDetail> {
  const now = deps.clock()
  await requireInScope(deps.db, context.actor, 'consultation', id)
  return deps.db.$transaction(async (tx) => {
    const state = await requireState(tx, id)
    if (!state.publishedAt) throw new AppError('NOT_PUBLISHED_YET', '未发布的草案请直接修改')
    if (consultationStatus(state.opensAt, state.closesAt, now) === 'closed') throw new AppError('CONSULTATION_CLOSED', '征集已结束，不能再发布修订版本')
    const version = state.draftVersion + 1
    await insertRevision(tx, id, version, body.note, body.sections, now)
    await recordAudit(tx, auditorOf(context), {
      action: 'reviseDraft',
      entity: 'consultation',
      entityId: id,
      before: { version: state.draftVersion },
      after: { version, note: body.note },
    })
    return staffDetail(deps, tx, id)
  })
}

/** Extend, or close early (not into the past); the reason is shown publicly. */
export async function changeWindow(deps: Deps, context: StaffContext, id: number, body: BodyOf<'changeWindow'>): Promise<ConsultationDetail> {
  const now = deps.clock()
  await requireInScope(deps.db, context.actor, 'consultation', id)
  const closesAt = new Date(body.closesAt)
  return deps.db.$transaction(async (tx) => {
    const state = await requireState(tx, id)
    if (!state.publishedAt) throw new AppError('NOT_PUBLISHED_YET', '未发布的征集请直接修改期限')
    if (state.closesAt <= now) throw new AppError('CONSULTATION_CLOSED', '征集已结束，不能再调整期限')
    const kind = windowChangeKind(state.closesAt, closesAt)
    if (!kind) throw validationFailed({ closesAt: '新的截止时间与原截止时间相同' })
    if (closesAt < now || closesAt <= state.opensAt) throw validationFailed({ closesAt: '提前结束的时间不能早于现在或开始时间' })
    if (windowChangeProblem(state.closesAt, closesAt, body.reason)) {
      throw new AppError('SHORT_WINDOW_REASON_REQUIRED', '缩短征求意见期限须说明理由（将随征集公开）', { fields: { reason: '请说明提前结束的理由' } })
    }
    await recordWindowChange(tx, id, { kind, previousClosesAt: state.closesAt, closesAt, reason: body.reason, staffId: context.actor.staffId, at: now })
    await recordAudit(tx, auditorOf(context), {
      action: 'changeWindow',
      entity: 'consultation',
      entityId: id,
      before: { closesAt: state.closesAt },
      after: { closesAt, kind, reason: body.reason },
    })
    return staffDetail(deps, tx, id)
  })
}
