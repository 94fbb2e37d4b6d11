// Opinions raised by event attendees: staff record them with masks, correct or remove them before the outcome is public, list them and answer them.
import { applyMasks, type BodyOf, formatShanghaiDate, replyPrecedesReceipt, type StaffEventOpinion } from '@gm/shared'
import type { DbOrTx } from '../db/client'
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
  removeEventOpinion,
  rewriteEventOpinion,
  saveEventOpinionAnswer,
} from '../repositories/eventOpinion'
import { auditorOf, recordAudit, recordContactRead } from './audit'
import { assertInScope, requireInScope } from './departmentScope'
import { publicAnswer } from './opinionView'
import { answerTexts, auditPublication, checkPublication, exemptionsFor, masksOf, storedMasks } from './personalInfo'
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
    masks: masksOf(row.masks),
    answer: eventOpinionAnswer(row),
    receivedAt: iso(row.receivedAt),
    createdAt: iso(row.createdAt),
  }
}

type RecordBody = BodyOf<'recordEventOpinion'>

/** The stored fields of a recorded opinion from the form: who said it, the raw and masked text, 收到日期. */
async function recordedFields(tx: DbOrTx, eventId: number, body: RecordBody, now: Date) {
  const registrationId = body.registrationId ?? null
  if (registrationId !== null && !(await findRegistrationOfEvent(tx, eventId, registrationId))) throw validationFailed({ registrationId: '该报名不属于本活动' })
  const receivedAt = receivedAtOf(body.receivedOn, now)
  const check = checkPublication([{ field: 'text', text: body.text, masks: body.masks }], body)
  let publishedText: string
  try {
    publishedText = applyMasks(body.text, body.masks)
  } catch (err) {
    if (err instanceof RangeError) throw validationFailed({ masks: '遮盖范围超出原文或相互重叠' })
    throw err
  }
  const publishedExemptions = exemptionsFor(body.text, body.masks, check)
  return { check, fields: { registrationId, rawText: body.text, publishedText, publishedExemptions, masks: storedMasks(body.masks), receivedAt } }
}

const redactionsOf = (body: RecordBody) => body.masks.map(({ kind, start, end }) => ({ kind: kind ?? 'MANUAL', start, end }))

/** What the audit log keeps of a recorded opinion: never the raw text (personal information), the published one. */
const auditView = (row: EventOpinionRow) => ({
  registrationId: row.registrationId,
  publishedText: row.publishedText,
  receivedAt: row.receivedAt,
  answer: eventOpinionAnswer(row),
})

/** Record what an attendee said; the masks staff confirm make the text that will be published. */
export async function recordEventOpinion(deps: Deps, context: StaffContext, eventId: number, body: RecordBody): Promise<StaffEventOpinion> {
  await requireInScope(deps.db, context.actor, 'event', eventId)
  return deps.db.$transaction(async (tx) => {
    const event = await findEventById(tx, eventId, 'staff')
    if (!event) throw notFound('活动')
    if (event.outcomePublishedAt) throw new AppError('FEEDBACK_ALREADY_PUBLISHED', '会议结果已公开，不能再补录意见')
    const { check, fields } = await recordedFields(tx, eventId, body, deps.clock())
    const row = await insertEventOpinion(tx, { eventId, ...fields })
    await recordAudit(tx, auditorOf(context), {
      action: 'recordEventOpinion',
      entity: 'eventOpinion',
      entityId: row.id,
      after: { eventId, registrationId: fields.registrationId, redactions: redactionsOf(body) },
    })
    await auditPublication(tx, auditorOf(context), { action: 'recordEventOpinion', entity: 'eventOpinion', entityId: row.id }, check, body.override)
    return toStaffEventOpinion(row)
  })
}

/** A recorded opinion of the caller's department whose event has not published its outcome (then it is public record). */
async function changeableOpinion(tx: DbOrTx, id: number) {
  const before = await findEventOpinion(tx, id)
  if (!before) throw notFound('意见')
  if (before.event.outcomePublishedAt) throw new AppError('FEEDBACK_ALREADY_PUBLISHED', '会议结果已公开，意见不能再修改或删除')
  return before
}

/**
 * Correct a recorded opinion (who said it, the text and its masks, 收到日期) until the event's outcome
 * is public; an answer stays, so 收到日期 cannot move past its 答复日期. Audited with before and after.
 */
export async function updateEventOpinion(deps: Deps, context: StaffContext, id: number, body: RecordBody): Promise<StaffEventOpinion> {
  await requireInScope(deps.db, context.actor, 'eventOpinion', id)
  return deps.db.$transaction(async (tx) => {
    const before = await changeableOpinion(tx, id)
    const { check, fields } = await recordedFields(tx, before.eventId, body, deps.clock())
    if (before.repliedAt && replyPrecedesReceipt(formatShanghaiDate(before.repliedAt), fields.receivedAt)) {
      throw validationFailed({ receivedOn: `该意见已于 ${formatShanghaiDate(before.repliedAt)} 答复，收到日期不能晚于答复日期` })
    }
    const row = await rewriteEventOpinion(tx, id, fields)
    await recordAudit(tx, auditorOf(context), {
      action: 'updateEventOpinion',
      entity: 'eventOpinion',
      entityId: id,
      before: auditView(before),
      after: { ...auditView(row), redactions: redactionsOf(body) },
    })
    await auditPublication(tx, auditorOf(context), { action: 'updateEventOpinion', entity: 'eventOpinion', entityId: id }, check, body.override)
    return toStaffEventOpinion(row)
  })
}

/** Remove a recorded opinion (entered twice, or for the wrong event) until the event's outcome is public. Audited with what it was. */
export async function deleteEventOpinion(deps: Deps, context: StaffContext, id: number): Promise<null> {
  await requireInScope(deps.db, context.actor, 'eventOpinion', id)
  return deps.db.$transaction(async (tx) => {
    const before = await changeableOpinion(tx, id)
    await removeEventOpinion(tx, id)
    await recordAudit(tx, auditorOf(context), {
      action: 'deleteEventOpinion',
      entity: 'eventOpinion',
      entityId: id,
      before: { eventId: before.eventId, ...auditView(before) },
    })
    return null
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
