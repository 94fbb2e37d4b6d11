// Staff work on single opinions: the review queue, moderation with personal-data masks, answers with their reply deadlines, and the overdue list.
import { applyMasks, type BodyOf, DAY_MS, type QueryOf, replyPrecedesReceipt, type ResponseOf, type StaffOpinion } from '@gm/shared'
import type { DbOrTx } from '../db/client'
import type { Deps } from '../deps'
import type { StaffContext } from '../domain/actor'
import { AppError, notFound, validationFailed } from '../domain/errors'
import { findOpinion, findOpinionsOfConsultation, findUnansweredSince, lockOpinionForModeration, saveAnswer, updateModeration } from '../repositories/opinion'
import { auditorOf, recordAudit, recordContactRead } from './audit'
import { assertInScope, requireInScope, scopeOf } from './departmentScope'
import { answerTexts, auditPublication, checkPublication, exemptionsFor, storedMasks } from './personalInfo'
import { workingCalendar } from './workingCalendar'
import { replyDeadline, toStaffOpinion } from './opinionView'
import { iso, pageOf, pageWindow, repliedAtOf, replyBeforeReceipt } from './paging'

async function requireOpinion(db: DbOrTx, id: number) {
  const opinion = await findOpinion(db, id)
  if (!opinion) throw notFound('意见')
  if (opinion.consultation.feedbackPublishedAt) throw new AppError('FEEDBACK_ALREADY_PUBLISHED')
  return opinion
}

async function staffOpinion(deps: Deps, db: DbOrTx, id: number): Promise<StaffOpinion> {
  const row = await findOpinion(db, id)
  if (!row) throw notFound('意见')
  return toStaffOpinion(row, deps.clock(), await workingCalendar(deps, db))
}

export async function listStaffOpinions(
  deps: Deps,
  context: StaffContext,
  consultationId: number,
  query: QueryOf<'listStaffOpinions'>,
): Promise<ResponseOf<'listStaffOpinions'>> {
  await requireInScope(deps.db, context.actor, 'consultation', consultationId)
  const now = deps.clock()
  const calendar = await workingCalendar(deps)
  const { rows, total } = await findOpinionsOfConsultation(
    deps.db,
    consultationId,
    { moderation: query.moderation, unanswered: query.unanswered },
    pageWindow(query),
  )
  await recordContactRead(deps.db, auditorOf(context), {
    via: 'listStaffOpinions',
    entity: 'consultation',
    entityId: consultationId,
    records: rows.length,
    fields: ['rawText', 'authorName', 'contactPhone'],
  })
  return pageOf(
    rows.map((row) => toStaffOpinion(row, now, calendar)),
    total,
    query,
  )
}

/**
 * Approve with the masks staff confirmed (the published text is the raw text with them applied, the masks
 * are stored with it so that moderating again starts from them), or hide with a reason. A moderation whose
 * form was opened on another state (`from`) is refused (OPINION_MODERATION_CHANGED): it would replace a
 * moderation, and its masks by hand, that the reviewer never saw. Each redaction is logged by kind and
 * position, never by content. Detected personal information left unmasked is refused (PERSONAL_INFO_UNMASKED)
 * unless dismissed or overridden with a reason; a PRIVATE opinion's text is never published, so only its masks are checked.
 */
export async function moderateOpinion(deps: Deps, context: StaffContext, id: number, body: BodyOf<'moderateOpinion'>): Promise<StaffOpinion> {
  await requireInScope(deps.db, context.actor, 'opinion', id)
  return deps.db.$transaction(async (tx) => {
    await lockOpinionForModeration(tx, id)
    const opinion = await requireOpinion(tx, id)
    if (body.from !== undefined && body.from !== opinion.moderation) throw new AppError('OPINION_MODERATION_CHANGED')
    const now = deps.clock()
    if (body.decision === 'APPROVE') {
      const check = checkPublication(opinion.consent === 'PRIVATE' ? [] : [{ field: 'text', text: opinion.rawText, masks: body.masks }], body)
      let publishedText: string
      try {
        publishedText = applyMasks(opinion.rawText, body.masks)
      } catch (err) {
        if (err instanceof RangeError) throw validationFailed({ masks: '遮盖范围超出原文或相互重叠' })
        throw err
      }
      const publishedExemptions = opinion.consent === 'PRIVATE' ? [] : exemptionsFor(opinion.rawText, body.masks, check)
      await updateModeration(tx, id, {
        moderation: 'APPROVED',
        publishedText,
        publishedExemptions,
        masks: storedMasks(body.masks),
        hiddenReason: null,
        moderatedAt: now,
        moderatedById: context.actor.staffId,
      })
      await auditPublication(tx, auditorOf(context), { action: 'moderateOpinion', entity: 'opinion', entityId: id }, check, body.override)
    } else {
      await updateModeration(tx, id, {
        moderation: 'HIDDEN',
        publishedText: null,
        publishedExemptions: [],
        masks: [],
        hiddenReason: body.reason,
        moderatedAt: now,
        moderatedById: context.actor.staffId,
      })
    }
    await recordAudit(tx, auditorOf(context), {
      action: 'moderateOpinion',
      entity: 'opinion',
      entityId: id,
      before: { moderation: opinion.moderation },
      after:
        body.decision === 'APPROVE'
          ? { moderation: 'APPROVED', redactions: body.masks.map(({ kind, start, end }) => ({ kind: kind ?? 'MANUAL', start, end })) }
          : { moderation: 'HIDDEN', reason: body.reason },
    })
    return staffOpinion(deps, tx, id)
  })
}

/** Answer a moderated opinion; every version is kept, and nothing is public before feedback is published. */
export async function answerOpinion(deps: Deps, context: StaffContext, id: number, body: BodyOf<'answerOpinion'>): Promise<StaffOpinion> {
  await requireInScope(deps.db, context.actor, 'opinion', id)
  assertInScope(context.actor, body.departmentId, 'departmentId')
  return deps.db.$transaction(async (tx) => {
    const opinion = await requireOpinion(tx, id)
    if (opinion.moderation === 'PENDING') throw new AppError('OPINION_NOT_MODERATED')
    if (replyPrecedesReceipt(body.repliedOn, opinion.receivedAt)) throw replyBeforeReceipt(opinion.receivedAt)
    const input = {
      adoption: body.adoption,
      reason: body.reason?.trim() || null,
      content: body.content,
      departmentId: body.departmentId,
      repliedAt: repliedAtOf(body.repliedOn),
      staffId: context.actor.staffId,
    }
    const check = checkPublication(answerTexts(input), body)
    await saveAnswer(tx, id, input)
    await recordAudit(tx, auditorOf(context), { action: 'answerOpinion', entity: 'opinion', entityId: id, before: opinion.answer, after: input })
    await auditPublication(tx, auditorOf(context), { action: 'answerOpinion', entity: 'opinion', entityId: id }, check, body.override)
    return staffOpinion(deps, tx, id)
  })
}

export async function listOverdueOpinions(deps: Deps, context: StaffContext): Promise<ResponseOf<'listOverdueOpinions'>> {
  const now = deps.clock()
  // 20 working days are never fewer than 20 calendar days: narrow in SQL, decide exactly here.
  const candidates = await findUnansweredSince(deps.db, new Date(now.getTime() - 20 * DAY_MS), scopeOf(context.actor))
  const calendar = await workingCalendar(deps)
  return candidates.flatMap((row) => {
    const { deadline, estimated } = replyDeadline(row.receivedAt, calendar)
    return deadline < now
      ? [
          {
            id: row.id,
            receiptCode: row.receiptCode,
            consultation: row.consultation,
            createdAt: iso(row.createdAt),
            replyDeadline: iso(deadline),
            deadlineEstimated: estimated,
          },
        ]
      : []
  })
}
