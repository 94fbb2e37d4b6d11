// Opinions raised by event attendees: staff record them with masks, list them and answer them.
import { applyMasks, type BodyOf, formatShanghaiDate, replyPrecedesReceipt, type StaffEventOpinion } from '@gm/shared'
import type { Deps } from '../deps'
import type { StaffContext } from '../domain/actor'
import { AppError, notFound, validationFailed } from '../domain/errors'
import { findEventById } from '../repositories/event'
import {
  type EventOpinionRow,
  findEventOpinion,
  findEventOpinions,
  findRegistrationOfEvent,
  insertEventOpinion,
  saveEventOpinionAnswer,
} from '../repositories/eventOpinion'
import { auditorOf, recordAudit, recordContactRead } from './audit'
import { assertInScope, requireInScope } from './departmentScope'
import { publicAnswer } from './opinionView'
import { answerTexts, auditPublication, checkPublication, exemptionsFor } from './personalInfo'
import { iso, repliedAtOf, replyBeforeReceipt } from './paging'

/** 收到日期 given by staff (not later than today), or now; stored as the start of that Shanghai day. */
function receivedAtOf(receivedOn: string | undefined, now: Date): Date {
  if (receivedOn === undefined) return now
  if (receivedOn > formatShanghaiDate(now)) throw validationFailed({ receivedOn: '收到日期不能晚于今天' })
  return repliedAtOf(receivedOn)
}

/** The answer of an event opinion in the public shape (null until answered). */
export const eventOpinionAnswer = (row: EventOpinionRow) => publicAnswer(row)

export function toStaffEventOpinion(row: EventOpinionRow): StaffEventOpinion {
  return {
    id: row.id,
    registrationId: row.registrationId,
    rawText: row.rawText,
    publishedText: row.publishedText,
    answer: eventOpinionAnswer(row),
    receivedAt: iso(row.receivedAt),
    createdAt: iso(row.createdAt),
  }
}

/** Record what an attendee said; the masks staff confirm make the text that will be published. */
export async function recordEventOpinion(deps: Deps, context: StaffContext, eventId: number, body: BodyOf<'recordEventOpinion'>): Promise<StaffEventOpinion> {
  await requireInScope(deps.db, context.actor, 'event', eventId)
  return deps.db.$transaction(async (tx) => {
    const event = await findEventById(tx, eventId, 'staff')
    if (!event) throw notFound('活动')
    if (event.outcomePublishedAt) throw new AppError('FEEDBACK_ALREADY_PUBLISHED', '会议结果已公开，不能再补录意见')
    const registrationId = body.registrationId ?? null
    if (registrationId !== null && !(await findRegistrationOfEvent(tx, eventId, registrationId)))
      throw validationFailed({ registrationId: '该报名不属于本活动' })
    const receivedAt = receivedAtOf(body.receivedOn, deps.clock())
    const check = checkPublication([{ field: 'text', text: body.text, masks: body.masks }], body)
    let publishedText: string
    try {
      publishedText = applyMasks(body.text, body.masks)
    } catch (err) {
      if (err instanceof RangeError) throw validationFailed({ masks: '遮盖范围超出原文或相互重叠' })
      throw err
    }
    const publishedExemptions = exemptionsFor(body.text, body.masks, check)
    const row = await insertEventOpinion(tx, { eventId, registrationId, rawText: body.text, publishedText, publishedExemptions, receivedAt })
    await recordAudit(tx, auditorOf(context), {
      action: 'recordEventOpinion',
      entity: 'eventOpinion',
      entityId: row.id,
      after: { eventId, registrationId, redactions: body.masks.map(({ kind, start, end }) => ({ kind: kind ?? 'MANUAL', start, end })) },
    })
    await auditPublication(tx, auditorOf(context), { action: 'recordEventOpinion', entity: 'eventOpinion', entityId: row.id }, check, body.override)
    return toStaffEventOpinion(row)
  })
}

export async function listEventOpinions(deps: Deps, context: StaffContext, eventId: number): Promise<StaffEventOpinion[]> {
  await requireInScope(deps.db, context.actor, 'event', eventId)
  const rows = await findEventOpinions(deps.db, eventId)
  await recordContactRead(deps.db, auditorOf(context), {
    via: 'listEventOpinions',
    entity: 'event',
    entityId: eventId,
    records: rows.length,
    fields: ['rawText'],
  })
  return rows.map(toStaffEventOpinion)
}

export async function answerEventOpinion(deps: Deps, context: StaffContext, id: number, body: BodyOf<'answerEventOpinion'>): Promise<StaffEventOpinion> {
  await requireInScope(deps.db, context.actor, 'eventOpinion', id)
  assertInScope(context.actor, body.departmentId, 'departmentId')
  return deps.db.$transaction(async (tx) => {
    const before = await findEventOpinion(tx, id)
    if (!before) throw notFound('意见')
    if (before.event.outcomePublishedAt) throw new AppError('FEEDBACK_ALREADY_PUBLISHED')
    if (replyPrecedesReceipt(body.repliedOn, before.receivedAt)) throw replyBeforeReceipt(before.receivedAt)
    const answer = {
      adoption: body.adoption,
      reason: body.reason?.trim() || null,
      content: body.content,
      departmentId: body.departmentId,
      repliedAt: repliedAtOf(body.repliedOn),
    }
    const check = checkPublication(answerTexts(answer), body)
    const row = await saveEventOpinionAnswer(tx, id, answer)
    await auditPublication(tx, auditorOf(context), { action: 'answerEventOpinion', entity: 'eventOpinion', entityId: id }, check, body.override)
    await recordAudit(tx, auditorOf(context), {
      action: 'answerEventOpinion',
      entity: 'eventOpinion',
      entityId: id,
      before: eventOpinionAnswer(before),
      after: answer,
    })
    return toStaffEventOpinion(row)
  })
}
