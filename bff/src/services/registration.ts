import {
  attendeeCategoryLabels,
  type BodyOf,
  drawLottery as runLottery,
  type DrawRecord,
  DrawRecordSchema,
  type MyRegistration,
  registrationStatusLabels,
  signupStatus,
} from '@gm/shared'
import type { DbOrTx } from '../db/client'
import type { Deps } from '../deps'
import { newCode } from '../security/tokens'
import type { CitizenActor, StaffContext } from '../http/actor'
import { AppError, notFound } from '../http/errors'
import { buildTemplateData } from '../integrations/wechat/templateData'
import { findEventDraw, updateEvent } from '../repositories/event'
import {
  checkInByCode,
  countCheckedIn,
  findByCheckInCode,
  findDueReminders,
  findEventForSignup,
  findMyRegistration,
  findMyRegistrations,
  findRegistration,
  findRegistrationsOfEvent,
  insertRegistration,
  lockNextWaitlisted,
  lockRegistration,
  markReminded,
  type RegistrationRow,
  releaseSeat,
  releaseWaitlistPlace,
  setRegistrationStatus,
  takeSeat,
  takeWaitlistPlace,
} from '../repositories/registration'
import { auditorOf, recordAudit, recordContactRead } from './audit'
import { requireInScope } from './departmentScope'
import { notify } from './notification'
import { iso } from './paging'

type EventBrief = { id: number; title: string; kind: MyRegistration['event']['kind']; startsAt: Date; place: string }


function toMyRegistration(row: RegistrationRow & { event: EventBrief }): MyRegistration {
  const usable = row.status === 'SELECTED' || row.status === 'CHECKED_IN'
  return {
    id: row.id,
    event: { id: row.event.id, title: row.event.title, kind: row.event.kind, startsAt: iso(row.event.startsAt), place: row.event.place },
    category: row.category,
    status: row.status,
    checkInCode: usable ? row.checkInCode : null,
    reviewReason: row.reviewReason,
    createdAt: iso(row.createdAt),
  }
}

const eventLink = (eventId: number) => `/packages/event/pages/detail/index?id=${eventId}`

/** Tell the person how their registration stands (in-app; WeChat when subscribed). */
function tellStatus(deps: Deps, tx: DbOrTx, citizenId: number | null, event: { id: number; title: string; startsAt: Date }, status: keyof typeof registrationStatusLabels, detail: string) {
  if (!citizenId) return Promise.resolve()
  const label = registrationStatusLabels[status]
  return notify(deps, tx, {
    citizenId,
    kind: 'REGISTRATION_RESULT',
    title: `活动报名：${label}`,
    body: `您报名的「${event.title}」${detail}`,
    link: eventLink(event.id),
    templateData: buildTemplateData({ thing1: event.title, phrase2: label.replace(/（.*）/, '').slice(0, 5), time3: event.startsAt }),
  })
}

/**
 * Sign up. First-come events confirm at once while seats last (a conditional UPDATE on the event
 * row, so concurrent signups never overbook), then take waitlist places, then refuse with
 * SEATS_EXHAUSTED. Review and lottery events record the application for selection. The partial
 * unique index makes a second active registration by the same person ALREADY_REGISTERED, and the
 * whole transaction — seat included — rolls back.
 */
export async function joinEvent(deps: Deps, actor: CitizenActor, eventId: number, body: BodyOf<'joinEvent'>): Promise<MyRegistration> {
  const now = deps.clock()
  try {
    return await deps.db.$transaction(async (tx) => {
      const event = await findEventForSignup(tx, eventId)
      if (!event?.publishedAt || event.publishedAt > now) throw notFound('活动')
      if (event.cancelledAt) throw new AppError('EVENT_CANCELLED')
      const window = signupStatus(event.signupOpensAt, event.signupClosesAt, now)
      if (window === 'upcoming') throw new AppError('SIGNUP_NOT_OPEN')
      if (window === 'closed') throw new AppError('SIGNUP_CLOSED')

      // The registration first: a duplicate fails before any seat is touched. The seat update comes
      // last, so the event row is locked only for the end of the transaction.
      const row = await insertRegistration(tx, {
        eventId,
        citizenId: actor.citizenId,
        name: body.name,
        phone: body.phone,
        category: body.category,
        region: body.region ?? null,
        sector: body.sector ?? null,
        ageBand: body.ageBand ?? null,
        gender: body.gender ?? null,
        accessibilityNeeds: body.accessibilityNeeds ?? null,
        keepInPool: body.keepInPool ?? false,
        status: 'APPLIED',
        checkInCode: newCode(8),
        publicCode: `R${newCode(7)}`,
      })
      let status: 'SELECTED' | 'WAITLISTED' | 'APPLIED' = 'APPLIED'
      if (event.selectionMode === 'FIRST_COME') {
        if (await takeSeat(tx, eventId)) status = 'SELECTED'
        else if (await takeWaitlistPlace(tx, eventId)) status = 'WAITLISTED'
        else throw new AppError('SEATS_EXHAUSTED')
      }
      const saved = status === 'APPLIED' ? row : await setRegistrationStatus(tx, row.id, status)
      const detail = { SELECTED: '已确认入选，请凭签到码参加。', WAITLISTED: '已进入候补，有名额空出时将依次递补并通知您。', APPLIED: '已收到，遴选结果将另行通知。' }[status]
      await tellStatus(deps, tx, actor.citizenId, event, status, detail)
      return toMyRegistration(saved)
    })
  } catch (err) {
    // The partial unique index (one active registration per person and event).
    if ((err as { code?: string }).code === 'P2002') throw new AppError('ALREADY_REGISTERED')
    throw err
  }
}

export async function listMyRegistrations(deps: Deps, actor: CitizenActor): Promise<MyRegistration[]> {
  return (await findMyRegistrations(deps.db, actor.citizenId)).map(toMyRegistration)
}

/**
 * Cancel; a freed seat goes to the first person on the waitlist in the same transaction (or back
 * to the pool when nobody waits). Cancelling twice is harmless.
 */
export async function cancelRegistration(deps: Deps, actor: CitizenActor, id: number): Promise<MyRegistration> {
  const now = deps.clock()
  return deps.db.$transaction(async (tx) => {
    if (!(await lockRegistration(tx, id))) throw notFound('报名')
    const mine = await findMyRegistration(tx, actor.citizenId, id)
    if (!mine) throw notFound('报名')
    if (mine.status === 'CANCELLED') return toMyRegistration(mine)
    if (mine.status === 'CHECKED_IN') throw new AppError('CONFLICT', '已签到的报名不能取消')
    if (mine.event.startsAt <= now) throw new AppError('CONFLICT', '活动已开始，不能取消报名')
    return toMyRegistration(await cancelLockedRegistration(deps, tx, id))
  })
}

/** Cancel a registration (locked here); a freed seat goes to the first on the waitlist. */
export async function cancelLockedRegistration(deps: Deps, tx: DbOrTx, id: number) {
  if (!(await lockRegistration(tx, id))) throw notFound('报名')
  const before = (await findRegistration(tx, id))!
  const cancelled = await setRegistrationStatus(tx, id, 'CANCELLED')
  if (before.status === 'WAITLISTED') await releaseWaitlistPlace(tx, before.eventId)
  if (before.status === 'SELECTED') {
    const next = await lockNextWaitlisted(tx, before.eventId)
    if (next === null) {
      await releaseSeat(tx, before.eventId)
    } else {
      const promoted = await setRegistrationStatus(tx, next, 'SELECTED')
      await releaseWaitlistPlace(tx, before.eventId)
      await tellStatus(deps, tx, promoted.citizenId, before.event, 'SELECTED', '有名额空出，您已由候补递补入选，请凭签到码参加。')
    }
  }
  return cancelled
}

// —— staff ——

const toStaffRegistration = (row: RegistrationRow) => ({
  id: row.id,
  name: row.name,
  phone: row.phone,
  category: row.category,
  region: row.region,
  sector: row.sector,
  ageBand: row.ageBand,
  gender: row.gender,
  accessibilityNeeds: row.accessibilityNeeds,
  status: row.status,
  publicCode: row.publicCode,
  reviewReason: row.reviewReason,
  keepInPool: row.keepInPool,
  checkedInAt: row.checkedInAt ? iso(row.checkedInAt) : null,
  createdAt: iso(row.createdAt),
})

export async function listRegistrations(deps: Deps, context: StaffContext, eventId: number) {
  await requireInScope(deps.db, context.actor, 'event', eventId)
  const rows = await findRegistrationsOfEvent(deps.db, eventId)
  await recordContactRead(deps.db, auditorOf(context), { via: 'listRegistrations', entity: 'event', entityId: eventId, records: rows.length, fields: ['name', 'phone'] })
  return rows.map(toStaffRegistration)
}

/** Review-mode selection: select (while seats last) or not, with a reason. */
export async function reviewRegistration(deps: Deps, context: StaffContext, id: number, body: BodyOf<'reviewRegistration'>) {
  await requireInScope(deps.db, context.actor, 'registration', id)
  return deps.db.$transaction(async (tx) => {
    if (!(await lockRegistration(tx, id))) throw notFound('报名')
    const registration = (await findRegistration(tx, id))!
    if (registration.event.selectionMode !== 'REVIEW') throw new AppError('WRONG_SELECTION_MODE')
    if (registration.status !== 'APPLIED') throw new AppError('CONFLICT', `该报名当前为「${registrationStatusLabels[registration.status]}」，不能再审核`)
    let updated: RegistrationRow
    if (body.decision === 'SELECT') {
      if (!(await takeSeat(tx, registration.eventId))) throw new AppError('SEATS_EXHAUSTED', '名额已满')
      updated = await setRegistrationStatus(tx, id, 'SELECTED')
      await tellStatus(deps, tx, registration.citizenId, { ...registration.event }, 'SELECTED', '经审核已入选，请凭签到码参加。')
    } else {
      updated = await setRegistrationStatus(tx, id, 'NOT_SELECTED', { reviewReason: body.reason })
      await tellStatus(deps, tx, registration.citizenId, registration.event, 'NOT_SELECTED', `未入选：${body.reason}`)
    }
    await recordAudit(tx, auditorOf(context), { action: 'reviewRegistration', entity: 'registration', entityId: id, before: { status: registration.status }, after: { status: updated.status, reason: body.decision === 'REJECT' ? body.reason : undefined } })
    return toStaffRegistration(updated)
  })
}

/**
 * The public lottery, after signups close: the seats left are drawn among all applications with
 * the given quotas; the record (seed, witnesses, candidates by code, result) is frozen and public.
 */
export async function drawLottery(deps: Deps, context: StaffContext, eventId: number, body: BodyOf<'drawLottery'>): Promise<DrawRecord> {
  const now = deps.clock()
  await requireInScope(deps.db, context.actor, 'event', eventId)
  return deps.db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ id: number }[]>`SELECT id FROM event WHERE id = ${eventId} FOR UPDATE`
    if (rows.length === 0) throw notFound('活动')
    const event = (await findEventForSignup(tx, eventId))!
    if (event.selectionMode !== 'LOTTERY') throw new AppError('WRONG_SELECTION_MODE')
    if (event.drawAt) throw new AppError('DRAW_ALREADY_DONE')
    if (event.cancelledAt) throw new AppError('EVENT_CANCELLED')
    if (now < event.signupClosesAt) throw new AppError('CONFLICT', '报名截止后才能抽签')
    const applicants = await findRegistrationsOfEvent(tx, eventId, 'APPLIED')
    const candidates = applicants.map((r) => ({ code: r.publicCode, category: r.category, region: r.region, ageBand: r.ageBand, gender: r.gender }))
    const seats = Math.max(0, event.capacity - event.reservedSeats - event.confirmedCount)
    const selected = new Set(runLottery(body.seed, candidates, body.quotas, seats))
    if (selected.size > 0 && !(await takeSeat(tx, eventId, selected.size))) throw new AppError('CONFLICT', '席位数已变化，请重试')
    for (const applicant of applicants) {
      const won = selected.has(applicant.publicCode)
      await setRegistrationStatus(tx, applicant.id, won ? 'SELECTED' : 'NOT_SELECTED', won ? {} : { reviewReason: '公开抽签未抽中' })
      await tellStatus(deps, tx, applicant.citizenId, event, won ? 'SELECTED' : 'NOT_SELECTED', won ? '公开抽签已抽中，请凭签到码参加。' : '公开抽签未抽中。抽签记录已公开，可在活动页面查看。')
    }
    const record: DrawRecord = { eventId, seed: body.seed, drawAt: iso(now), witnesses: body.witnesses, seats, quotas: body.quotas, candidates, selected: [...selected] }
    await updateEvent(tx, eventId, { drawSeed: body.seed, drawAt: now, drawWitnesses: body.witnesses, drawRecord: record })
    await recordAudit(tx, auditorOf(context), { action: 'drawLottery', entity: 'event', entityId: eventId, after: { seed: body.seed, seats, selected: record.selected } })
    return record
  })
}

export async function getDraw(deps: Deps, eventId: number): Promise<DrawRecord> {
  const event = await findEventDraw(deps.db, eventId)
  if (!event?.publishedAt || event.publishedAt > deps.clock()) throw notFound('活动')
  if (!event.drawRecord) throw notFound('抽签记录')
  return DrawRecordSchema.parse(event.drawRecord)
}

/** Each code works once, only for a selected registration of this event. */
export async function checkIn(deps: Deps, context: StaffContext, eventId: number, code: string) {
  const now = deps.clock()
  await requireInScope(deps.db, context.actor, 'event', eventId)
  const checked = await checkInByCode(deps.db, eventId, code, now)
  if (!checked) {
    const found = await findByCheckInCode(deps.db, code)
    if (!found || found.eventId !== eventId) throw new AppError('CHECK_IN_CODE_INVALID')
    if (found.status === 'CHECKED_IN') throw new AppError('CHECK_IN_CODE_USED')
    throw new AppError('NOT_SELECTED_FOR_CHECK_IN', `该报名状态为「${registrationStatusLabels[found.status]}」，不能签到`)
  }
  await recordContactRead(deps.db, auditorOf(context), { via: 'checkIn', entity: 'registration', entityId: checked.id, records: 1, fields: ['name'] })
  return {
    registrationId: checked.id,
    name: checked.name,
    category: checked.category,
    checkedInAt: iso(checked.checkedInAt!),
    attendeeCount: await countCheckedIn(deps.db, eventId),
  }
}

/** The day-before reminder to everyone selected (once each). */
export async function sendDueReminders(deps: Deps): Promise<number> {
  const now = deps.clock()
  let sent = 0
  for (const due of await findDueReminders(deps.db, now, new Date(now.getTime() + 24 * 3_600_000))) {
    await deps.db.$transaction(async (tx) => {
      if (!(await markReminded(tx, due.id, now))) return
      await notify(deps, tx, {
        citizenId: due.citizenId!,
        kind: 'EVENT_REMINDER',
        title: '活动提醒：明天参加',
        body: `您已入选的「${due.event.title}」将于明天举行，地点：${due.event.place}。请携带签到码准时参加。`,
        link: eventLink(due.event.id),
        templateData: buildTemplateData({ thing1: due.event.title, time2: due.event.startsAt, thing3: due.event.place }),
      })
      sent++
    })
  }
  return sent
}

export { attendeeCategoryLabels }
