// Event registration use cases: signing up (first come, review, lottery) and cancelling with the waitlist moving up, staff review, check-in and reminders.
import {
  attendeeCategoryLabels,
  type BodyOf,
  checkInStatus,
  checkInWindow,
  DEFAULT_CHECK_IN_OPENS_HOURS_BEFORE,
  formatShanghaiDateTime,
  type MyRegistration,
  registrationStatusLabels,
  type SignupDefaults,
  signupFieldsFor,
  signupStatus,
} from '@gm/shared'
import type { DbOrTx } from '../db/client'
import { isUniqueViolation } from '../db/errors'
import type { Deps } from '../deps'
import { newCode } from '../security/tokens'
import type { CitizenActor, StaffContext } from '../domain/actor'
import { AppError, notFound, validationFailed } from '../domain/errors'
import { buildTemplateData } from '../integrations/wechat/templateData'
import {
  checkInByCode,
  countCheckedIn,
  findByCheckInCode,
  findDueReminders,
  findEventForSignup,
  findLatestSignupDetails,
  findRegistrants,
  findMyRegistration,
  findMyRegistrations,
  findRegistration,
  findRegistrationsOfEvent,
  insertRegistration,
  lockEventForSignup,
  nextRegistrationId,
  lockNextWaitlisted,
  lockRegistration,
  peekSignup,
  takePlaceAndRegister,
  markReminded,
  type RegistrationRow,
  releaseSeat,
  releaseWaitlistPlace,
  setRegistrationStatus,
  takeSeat,
  takeWaitlistPlace,
} from '../repositories/registration'
import { findCitizen } from '../repositories/citizen'
import { auditorOf, recordAudit, recordContactRead } from './audit'
import { requireInScope } from './departmentScope'
import { onceForKey, replayStored } from './idempotency'
import { codeTaken, redrawWhileTaken } from './receiptCode'
import { notify } from './notification'
import { iso } from './paging'

type EventBrief = {
  id: number
  title: string
  kind: MyRegistration['event']['kind']
  startsAt: Date
  place: string
  selectionMode: MyRegistration['event']['selectionMode']
}

function toMyRegistration(row: RegistrationRow & { event: EventBrief }): MyRegistration {
  const usable = row.status === 'SELECTED' || row.status === 'CHECKED_IN'
  return {
    id: row.id,
    event: {
      id: row.event.id,
      title: row.event.title,
      kind: row.event.kind,
      startsAt: iso(row.event.startsAt),
      place: row.event.place,
      selectionMode: row.event.selectionMode,
    },
    category: row.category,
    status: row.status,
    checkInCode: usable ? row.checkInCode : null,
    reviewReason: row.reviewReason,
    publicCode: row.publicCode,
    createdAt: iso(row.createdAt),
  }
}

const eventLink = (eventId: number) => `/packages/event/pages/detail/index?id=${eventId}`

/**
 * Tell the person how their registration stands (in-app; WeChat when subscribed). With the
 * registration's id each status is told once per registration (a re-signup is a new registration).
 */
export function tellStatus(
  deps: Deps,
  tx: DbOrTx,
  citizenId: number | null,
  event: { id: number; title: string; startsAt: Date },
  status: keyof typeof registrationStatusLabels,
  detail: string,
  registrationId?: number,
) {
  if (!citizenId) return Promise.resolve()
  const label = registrationStatusLabels[status]
  return notify(deps, tx, {
    citizenId,
    kind: 'REGISTRATION_RESULT',
    title: `活动报名：${label}`,
    body: `您报名的「${event.title}」${detail}`,
    link: eventLink(event.id),
    templateData: buildTemplateData({ thing1: event.title, phrase2: label.replace(/（.*）/, '').slice(0, 5), time3: event.startsAt }),
    dedupeKey: registrationId ? `registration:${registrationId}:${status}` : undefined,
  })
}

/**
 * Sign up. One plain read first (peekSignup): a retry of a committed signup gets its first
 * result, and a closed, cancelled or unknown event, a second signup of the same person, or a
 * first-come event with neither a seat nor a waitlist place left is refused there — no
 * transaction, no write — so the crowd arriving after the last seat costs one statement each.
 * (An earlier attempt with the same key still in flight cannot make the event look full: any place
 * it takes is an uncommitted change of the event row that other signups wait for.)
 *
 * Otherwise, in one transaction: for a first-come seat while nobody waits, the key is claimed with the
 * answer, the notice written, and then one statement takes the seat and inserts the registration
 * (takePlaceAndRegister) right before the commit, so the event row the crowd queues for is held for
 * one statement; for a waitlist place that statement comes first (its id is the waitlist's order) and
 * the key is claimed after it (a crowd that lost the last place meanwhile is refused on a re-read,
 * having written nothing); first-come
 * stays first-come because that conditional UPDATE holds the event row until commit, a seat is
 * taken only while nobody waits, and a waitlist place only when no seat is free. What that
 * statement cannot settle (a seat free while people wait, e.g. after staff raised the capacity;
 * the place gone meanwhile) and review and lottery events take the locked path: the event row is
 * locked, anyone waiting is seated first, and the application is recorded. The partial unique
 * index makes a second active registration by the same person ALREADY_REGISTERED, and the whole
 * transaction rolls back.
 */
export async function joinEvent(deps: Deps, actor: CitizenActor, eventId: number, body: BodyOf<'joinEvent'>, idempotencyKey?: string): Promise<MyRegistration> {
  const now = deps.clock()
  const { idempotencyKey: bodyKey, ...input } = body
  const claim = { citizenId: actor.citizenId, key: idempotencyKey ?? bodyKey, operation: 'joinEvent', input: { eventId, ...input } }
  const check = (event: { publishedAt: Date | null; cancelledAt: Date | null; signupOpensAt: Date; signupClosesAt: Date } | null) => {
    if (!event?.publishedAt || event.publishedAt > now) throw notFound('活动')
    if (event.cancelledAt) throw new AppError('EVENT_CANCELLED')
    const window = signupStatus(event.signupOpensAt, event.signupClosesAt, now)
    if (window === 'upcoming') throw new AppError('SIGNUP_NOT_OPEN')
    if (window === 'closed') throw new AppError('SIGNUP_CLOSED')
  }
  // Known full on this instance (and nothing of this person's there): refused without a statement.
  if (deps.fullEvents?.refuses(eventId, actor.citizenId)) throw new AppError('SEATS_EXHAUSTED')
  const generation = deps.fullEvents?.current ?? 0
  const peek = await peekSignup(deps.db, eventId, actor.citizenId, claim.key ?? null)
  if (peek?.stored) return replayStored<MyRegistration>(claim, peek.stored)
  check(peek)
  if (peek!.registered) throw new AppError('ALREADY_REGISTERED')
  // Only what the event's selection mode uses is asked and kept: a first-come signup records 公众代表 and nothing for balancing or the 代表库.
  const asked = signupFieldsFor(peek!.selectionMode)
  if (asked.category && !body.category) throw validationFailed({ category: '请选择报名类别' })
  if (peek!.full) {
    await learnFull(deps, generation, eventId, peek!.signupClosesAt)
    throw new AppError('SEATS_EXHAUSTED')
  }

  const registration = () => ({
    eventId,
    citizenId: actor.citizenId,
    name: body.name,
    phone: body.phone,
    category: (asked.category && body.category) || 'PUBLIC',
    region: (asked.balancing && body.region) || null,
    sector: (asked.balancing && body.sector) || null,
    ageBand: (asked.balancing && body.ageBand) || null,
    gender: (asked.balancing && body.gender) || null,
    accessibilityNeeds: body.accessibilityNeeds ?? null,
    keepInPool: asked.pool && (body.keepInPool ?? false),
    checkInCode: newCode(8),
    publicCode: `R${newCode(7)}`,
  })
  const detail = {
    SELECTED: '已确认入选，请凭签到码参加。',
    WAITLISTED: '已进入候补，有名额空出时将依次递补并通知您。',
    APPLIED: '已收到，遴选结果将另行通知。',
  }
  // Whatever the order, a crowd that arrives before the last place is gone and then loses it writes nothing
  // (its transaction rolls back, the key's claim with it); a retry racing its own first attempt meets it on
  // the claim or on the one-registration-per-person index and gets its result.
  let replayed: { result: MyRegistration } | null = null
  const once = (tx: DbOrTx, write: () => Promise<MyRegistration>, known?: MyRegistration) => {
    let wrote = false
    const run = () => {
      wrote = true
      return write()
    }
    return onceForKey(tx, claim, run, known).then((result) => {
      if (wrote) return result
      // A first attempt committed meanwhile: undo this one's writes and answer with that result.
      replayed = { result }
      throw new Error('a first attempt with this key committed meanwhile')
    })
  }
  // A free seat while nobody waits: everything that does not need the event row comes first (the key's claim
  // with the answer, the registration's id, the notice), and the one statement taking the seat last, so the
  // row that every signup of the crowd queues for is held only from that statement to the commit.
  const seatFirst = async (): Promise<MyRegistration> =>
    deps.db.$transaction(async (tx) => {
      const id = await nextRegistrationId(tx)
      const data = { ...registration(), id, createdAt: now }
      const event = { id: eventId, title: peek!.title, kind: peek!.kind, startsAt: peek!.startsAt, place: peek!.place, selectionMode: peek!.selectionMode }
      const answer = toMyRegistration({ ...data, status: 'SELECTED', reviewReason: null, checkedInAt: null, event })
      return once(
        tx,
        async () => {
          await tellStatus(deps, tx, actor.citizenId, event, 'SELECTED', detail.SELECTED, id)
          if (!(await takePlaceAndRegister(tx, 'seat', data, now))) throw new SeatGone()
          return answer
        },
        answer,
      )
    })
  try {
    // A code someone else holds: the transaction rolled back whole, and the signup runs again with new ones (registration() draws them).
    return await redrawWhileTaken(REGISTRATION_CODES, async () => {
      if (peek!.firstCome && peek!.seatFree && peek!.waitlistCount === 0) {
        try {
          return await seatFirst()
        } catch (err) {
          if (!(err instanceof SeatGone)) throw err
          // Taken meanwhile (the crowd that arrived before the last seat): the claim and the notice were rolled back with it.
        }
      }
      return await deps.db.$transaction(async (tx) => {
        if (peek!.firstCome) {
          // A waitlist place while no seat is free: one statement (the place and the registration, whose id keeps the waitlist's order).
          const taken = !peek!.seatFree && peek!.waitlistFree ? await takePlaceAndRegister(tx, 'waitlist', registration(), now) : null
          if (taken) {
            return once(tx, async () => {
              await tellStatus(deps, tx, actor.citizenId, taken.event, 'WAITLISTED', detail.WAITLISTED, taken.id)
              return toMyRegistration(taken)
            })
          }
          // Gone meanwhile (the crowd that arrived before the last place): refused on a plain read, without queueing for the event row.
          if ((await peekSignup(tx, eventId, actor.citizenId, null))?.full) throw new AppError('SEATS_EXHAUSTED')
        }
        const seats = await lockEventForSignup(tx, eventId)
        return once(tx, async () => {
          const event = seats && (await findEventForSignup(tx, eventId))
          check(event)
          if (!seats || !event) throw notFound('活动')
          if (event.selectionMode === 'FIRST_COME' && seats.full) throw new AppError('SEATS_EXHAUSTED')

          // The registration first: a duplicate fails before any seat is touched.
          const row = await insertRegistration(tx, { ...registration(), status: 'APPLIED' })
          let status: 'SELECTED' | 'WAITLISTED' | 'APPLIED' = 'APPLIED'
          if (event.selectionMode === 'FIRST_COME') {
            // Anyone already waiting comes first (a seat can be free while people wait, e.g. after staff raised the capacity).
            if (seats.waitlistCount > 0) await fillFromWaitlist(deps, tx, event)
            const stillWaiting = seats.waitlistCount > 0 && (await lockNextWaitlisted(tx, eventId)) !== null
            if (!stillWaiting && (await takeSeat(tx, eventId))) status = 'SELECTED'
            else if (await takeWaitlistPlace(tx, eventId)) status = 'WAITLISTED'
            else throw new AppError('SEATS_EXHAUSTED')
          }
          const saved = status === 'APPLIED' ? row : await setRegistrationStatus(tx, row.id, status)
          await tellStatus(deps, tx, actor.citizenId, event, status, detail[status], row.id)
          return toMyRegistration(saved)
        })
      })
    })
  } catch (err) {
    if (replayed) return (replayed as { result: MyRegistration }).result
    if (codeTaken(err, REGISTRATION_CODES)) throw new AppError('SERVICE_UNAVAILABLE')
    // The partial unique index (one active registration per person and event): a first attempt with
    // this key that committed meanwhile is answered with its result, anything else is a second signup.
    if (isUniqueViolation(err)) {
      const stored = claim.key ? (await peekSignup(deps.db, eventId, actor.citizenId, claim.key))?.stored : null
      if (stored) return replayStored<MyRegistration>(claim, stored)
      throw new AppError('ALREADY_REGISTERED')
    }
    throw err
  }
}

/** A registration's check-in code (8 of 31 characters) and public code (R + 7), each unique over every registration ever made. */
const REGISTRATION_CODES = /^(check_?in_?code|public_?code)$/i

/** The seat a signup was about to take went to someone else first (its transaction is rolled back). */
class SeatGone extends Error {}

/** Remember a first-come event read full (one statement: who has a registration there, and their sessions), once per instance until a change is reported. */
async function learnFull(deps: Deps, generation: number, eventId: number, closesAt: Date) {
  const full = deps.fullEvents
  if (!full?.wants(eventId)) return
  full.learn(generation, eventId, closesAt, await findRegistrants(deps.db, eventId))
}

/**
 * While a seat is free and anyone waits, the first waiting person (signup order) takes it and is
 * told. The caller holds the event row's lock.
 */
export async function fillFromWaitlist(deps: Deps, tx: DbOrTx, event: { id: number; title: string; startsAt: Date }) {
  for (;;) {
    const next = await lockNextWaitlisted(tx, event.id)
    if (next === null || !(await takeSeat(tx, event.id))) return
    const promoted = await setRegistrationStatus(tx, next, 'SELECTED')
    await releaseWaitlistPlace(tx, event.id)
    await tellStatus(deps, tx, promoted.citizenId, event, 'SELECTED', '有名额空出，您已由候补递补入选，请凭签到码参加。', next)
  }
}

/** What a new signup form starts with: the latest registration's details, else the phone bound to the profile. */
export async function getSignupDefaults(deps: Deps, actor: CitizenActor): Promise<SignupDefaults> {
  const [latest, citizen] = await Promise.all([findLatestSignupDetails(deps.db, actor.citizenId), findCitizen(deps.db, actor.citizenId)])
  return {
    name: latest?.name ?? null,
    phone: latest?.phone ?? citizen?.phone ?? null,
    region: latest?.region ?? null,
    sector: latest?.sector ?? null,
    ageBand: latest?.ageBand ?? null,
    gender: latest?.gender ?? null,
    accessibilityNeeds: latest?.accessibilityNeeds ?? null,
  }
}

export async function listMyRegistrations(deps: Deps, actor: CitizenActor): Promise<MyRegistration[]> {
  return (await findMyRegistrations(deps.db, actor.citizenId)).map(toMyRegistration)
}

/**
 * Cancel; a freed seat goes to the first person on the waitlist in the same transaction (or back
 * to the pool when nobody waits). Cancelling twice is harmless; with an idempotency key a retry
 * gets the first result.
 */
export async function cancelRegistration(deps: Deps, actor: CitizenActor, id: number, idempotencyKey?: string): Promise<MyRegistration> {
  const now = deps.clock()
  return deps.db.$transaction(async (tx) =>
    onceForKey(tx, { citizenId: actor.citizenId, key: idempotencyKey, operation: 'cancelRegistration', input: { id } }, async () => {
      const found = await findMyRegistration(tx, actor.citizenId, id)
      if (!found) throw notFound('报名')
      await lockEventForSignup(tx, found.eventId)
      if (!(await lockRegistration(tx, id))) throw notFound('报名')
      const mine = (await findMyRegistration(tx, actor.citizenId, id))!
      if (mine.status === 'CANCELLED') return toMyRegistration(mine)
      if (mine.status === 'CHECKED_IN') throw new AppError('CANCEL_TOO_LATE', '已签到的报名不能取消')
      if (mine.event.startsAt <= now) throw new AppError('CANCEL_TOO_LATE', '活动已开始，不能取消报名')
      return toMyRegistration(await cancelLockedRegistration(deps, tx, id))
    }),
  )
}

/**
 * Cancel a registration: its event row, then the registration, are locked here (the same order as
 * signups). A freed seat goes to the first on the waitlist.
 */
export async function cancelLockedRegistration(deps: Deps, tx: DbOrTx, id: number) {
  const located = await findRegistration(tx, id)
  if (!located) throw notFound('报名')
  await lockEventForSignup(tx, located.eventId)
  if (!(await lockRegistration(tx, id))) throw notFound('报名')
  const before = (await findRegistration(tx, id))!
  const cancelled = await setRegistrationStatus(tx, id, 'CANCELLED')
  if (before.status === 'WAITLISTED') await releaseWaitlistPlace(tx, before.eventId)
  if (before.status === 'SELECTED') {
    await releaseSeat(tx, before.eventId)
    await fillFromWaitlist(deps, tx, before.event)
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
  await recordContactRead(deps.db, auditorOf(context), {
    via: 'listRegistrations',
    entity: 'event',
    entityId: eventId,
    records: rows.length,
    fields: ['name', 'phone'],
  })
  return rows.map(toStaffRegistration)
}

/** Review-mode selection: select (while seats last) or not, with a reason. */
export async function reviewRegistration(deps: Deps, context: StaffContext, id: number, body: BodyOf<'reviewRegistration'>) {
  await requireInScope(deps.db, context.actor, 'registration', id)
  return deps.db.$transaction(async (tx) => {
    if (!(await lockRegistration(tx, id))) throw notFound('报名')
    const registration = (await findRegistration(tx, id))!
    if (registration.event.selectionMode !== 'REVIEW') throw new AppError('WRONG_SELECTION_MODE')
    if (registration.status !== 'APPLIED')
      throw new AppError('REVIEW_NOT_PENDING', `该报名当前为「${registrationStatusLabels[registration.status]}」，不能再审核`)
    let updated: RegistrationRow
    if (body.decision === 'SELECT') {
      if (!(await takeSeat(tx, registration.eventId))) throw new AppError('SEATS_EXHAUSTED', '名额已满')
      updated = await setRegistrationStatus(tx, id, 'SELECTED')
      await tellStatus(deps, tx, registration.citizenId, { ...registration.event }, 'SELECTED', '经审核已入选，请凭签到码参加。', id)
    } else {
      updated = await setRegistrationStatus(tx, id, 'NOT_SELECTED', { reviewReason: body.reason })
      await tellStatus(deps, tx, registration.citizenId, registration.event, 'NOT_SELECTED', `未入选：${body.reason}`, id)
    }
    await recordAudit(tx, auditorOf(context), {
      action: 'reviewRegistration',
      entity: 'registration',
      entityId: id,
      before: { status: registration.status },
      after: { status: updated.status, reason: body.decision === 'REJECT' ? body.reason : undefined },
    })
    return toStaffRegistration(updated)
  })
}

/** Each code works once, only for a selected registration of this event. */
export async function checkIn(deps: Deps, context: StaffContext, eventId: number, code: string) {
  const now = deps.clock()
  await requireInScope(deps.db, context.actor, 'event', eventId)
  const event = await findEventForSignup(deps.db, eventId)
  if (!event) throw notFound('活动')
  if (event.cancelledAt) throw new AppError('EVENT_CANCELLED')
  // Only on the event day: from the configured hours before the start until the end.
  const hours = deps.settings.checkInOpensHoursBefore ?? DEFAULT_CHECK_IN_OPENS_HOURS_BEFORE
  const status = checkInStatus(event.startsAt, event.endsAt, hours, now)
  if (status === 'early') {
    const opensAt = checkInWindow(event.startsAt, event.endsAt, hours).opensAt
    throw new AppError('CHECK_IN_NOT_OPEN', `尚未到签到时间：签到于 ${formatShanghaiDateTime(opensAt)}（活动开始前 ${hours} 小时）开始`, {
      opensAt: opensAt.toISOString(),
    })
  }
  if (status === 'closed') throw new AppError('CHECK_IN_CLOSED')
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
        dedupeKey: `event-reminder:${due.id}`,
      })
      sent++
    })
  }
  return sent
}

export { attendeeCategoryLabels }
