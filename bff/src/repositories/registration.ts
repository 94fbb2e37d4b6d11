// Event registrations: race-free seat and waitlist taking, cancellations, staff review, check-in by code and due reminders.
import type { DbOrTx } from '../db/client'
import { type AttendeeCategory, type EventKind, Prisma, type RegistrationStatus, type SelectionMode } from '../generated/prisma/client'

export const registrationSelect = {
  id: true,
  eventId: true,
  citizenId: true,
  name: true,
  phone: true,
  category: true,
  region: true,
  sector: true,
  ageBand: true,
  gender: true,
  accessibilityNeeds: true,
  status: true,
  checkInCode: true,
  publicCode: true,
  reviewReason: true,
  keepInPool: true,
  checkedInAt: true,
  createdAt: true,
} satisfies Prisma.RegistrationSelect
export type RegistrationRow = Prisma.RegistrationGetPayload<{ select: typeof registrationSelect }>

const eventBrief = { select: { id: true, title: true, kind: true, startsAt: true, place: true, selectionMode: true } } as const

/** The event as signup needs it; null when it does not exist. */
export function findEventForSignup(db: DbOrTx, id: number) {
  return db.event.findUnique({
    where: { id },
    select: {
      id: true,
      title: true,
      startsAt: true,
      endsAt: true,
      publishedAt: true,
      cancelledAt: true,
      signupOpensAt: true,
      signupClosesAt: true,
      selectionMode: true,
      capacity: true,
      reservedSeats: true,
      confirmedCount: true,
      drawAt: true,
    },
  })
}

/**
 * Everything a signup decides before writing, in one plain read (no transaction, no lock): the
 * event's state, whether a first-come event has neither a seat nor a waitlist place left, whether
 * the person already holds an active registration there, and what was stored for their
 * idempotency key (a committed earlier attempt). Null when the event does not exist.
 */
export async function peekSignup(db: DbOrTx, eventId: number, citizenId: number, key: string | null) {
  const rows = await db.$queryRaw<
    {
      publishedAt: Date | null
      cancelledAt: Date | null
      signupOpensAt: Date
      signupClosesAt: Date
      selectionMode: SelectionMode
      firstCome: boolean
      seatFree: boolean
      waitlistFree: boolean
      waitlistCount: number
      full: boolean
      registered: boolean
      storedOperation: string | null
      storedRequestHash: string | null
      storedResponse: unknown
      title: string
      kind: EventKind
      startsAt: Date
      place: string
    }[]
  >`
    SELECT e.title, e.kind::text AS kind, e.starts_at AS "startsAt", e.place, e.published_at AS "publishedAt", e.cancelled_at AS "cancelledAt", e.signup_opens_at AS "signupOpensAt", e.signup_closes_at AS "signupClosesAt",
           e.selection_mode::text AS "selectionMode", e.selection_mode = 'FIRST_COME' AS "firstCome",
           e.confirmed_count < e.capacity - e.reserved_seats AS "seatFree",
           e.waitlist_count < e.waitlist_capacity AS "waitlistFree",
           e.waitlist_count AS "waitlistCount",
           (e.selection_mode = 'FIRST_COME' AND e.confirmed_count >= e.capacity - e.reserved_seats AND e.waitlist_count >= e.waitlist_capacity) AS full,
           EXISTS (SELECT 1 FROM registration r WHERE r.event_id = e.id AND r.citizen_id = ${citizenId} AND r.status <> 'CANCELLED') AS registered,
           k.operation AS "storedOperation", k.request_hash AS "storedRequestHash", k.response AS "storedResponse"
    FROM event e LEFT JOIN idempotent_request k ON k.citizen_id = ${citizenId} AND k.key = ${key}
    WHERE e.id = ${eventId}`
  const row = rows[0]
  if (!row) return null
  const { storedOperation, storedRequestHash, storedResponse, ...peek } = row
  return { ...peek, stored: storedOperation === null ? null : { operation: storedOperation, requestHash: storedRequestHash!, response: storedResponse } }
}

/**
 * Everyone who has a registration on the event, in any status (what a full event's quick refusal must
 * leave to the database), with the token hashes of their sessions that are still valid, so their
 * requests can be told apart before sign-in.
 */
export async function findRegistrants(db: DbOrTx, eventId: number) {
  const rows = await db.$queryRaw<{ citizenId: number; tokenHash: string | null }[]>`
    SELECT r.citizen_id AS "citizenId", s.token_hash AS "tokenHash"
    FROM (SELECT DISTINCT citizen_id FROM registration WHERE event_id = ${eventId} AND citizen_id IS NOT NULL) r
    LEFT JOIN session s ON s.citizen_id = r.citizen_id AND s.revoked_at IS NULL AND s.expires_at > now()`
  return {
    citizenIds: [...new Set(rows.map((r) => r.citizenId))],
    tokenHashes: rows.flatMap((r) => (r.tokenHash ? [r.tokenHash] : [])),
  }
}

export type NewRegistration = {
  eventId: number
  citizenId: number
  name: string
  phone: string
  category: AttendeeCategory
  region: string | null
  sector: string | null
  ageBand: string | null
  gender: string | null
  accessibilityNeeds: string | null
  keepInPool: boolean
  status: RegistrationStatus
  checkInCode: string
  publicCode: string
}

/**
 * A first-come signup in one statement: take a seat (only while nobody waits, so the waitlist
 * keeps its turn) or a waitlist place (only when no seat is free) with a conditional UPDATE of the
 * event's counters, and insert the registration in the same statement. The UPDATE re-checks its
 * condition on the newest row version and holds the event row until commit, so places are never
 * over-taken and waitlist ids follow the order the places were taken. Null when the place is not
 * there (full, someone waits while a seat is free, or the event is no longer open to signups at
 * `now`); a second active registration of the person fails on the partial unique index.
 */
export async function takePlaceAndRegister(
  db: DbOrTx,
  place: 'seat' | 'waitlist',
  data: Omit<NewRegistration, 'status'> & { id?: number; createdAt?: Date },
  now: Date,
) {
  const status: RegistrationStatus = place === 'seat' ? 'SELECTED' : 'WAITLISTED'
  const condition =
    place === 'seat'
      ? Prisma.sql`confirmed_count < capacity - reserved_seats AND waitlist_count = 0`
      : Prisma.sql`confirmed_count >= capacity - reserved_seats AND waitlist_count < waitlist_capacity`
  const counter = place === 'seat' ? Prisma.sql`confirmed_count = confirmed_count + 1` : Prisma.sql`waitlist_count = waitlist_count + 1`
  const rows = await db.$queryRaw<
    (Omit<RegistrationRow, 'status' | 'category'> & {
      status: RegistrationStatus
      category: AttendeeCategory
      eventTitle: string
      eventKind: EventKind
      eventStartsAt: Date
      eventPlace: string
    })[]
  >`
    WITH place AS (
      UPDATE event SET ${counter}
      WHERE id = ${data.eventId} AND selection_mode = 'FIRST_COME' AND cancelled_at IS NULL
        AND published_at <= ${now}::timestamptz AND signup_opens_at <= ${now}::timestamptz AND signup_closes_at > ${now}::timestamptz
        AND ${condition}
      RETURNING id, title, kind, starts_at, place
    ), reg AS (
      INSERT INTO registration (id, event_id, citizen_id, name, phone, category, region, sector, age_band, gender, accessibility_needs,
                                keep_in_pool, status, check_in_code, public_code, created_at, updated_at)
      SELECT COALESCE(${data.id ?? null}::int, nextval(pg_get_serial_sequence('registration', 'id'))::int), place.id, ${data.citizenId}, ${data.name}, ${data.phone},
             ${data.category}::attendee_category, ${data.region}, ${data.sector}, ${data.ageBand}, ${data.gender}, ${data.accessibilityNeeds}, ${data.keepInPool},
             ${status}::registration_status, ${data.checkInCode}, ${data.publicCode}, COALESCE(${data.createdAt ?? null}::timestamptz, now()), now()
      FROM place
      RETURNING *
    )
    SELECT reg.id, reg.event_id AS "eventId", reg.citizen_id AS "citizenId", reg.name, reg.phone, reg.category::text AS category, reg.region, reg.sector,
           reg.age_band AS "ageBand", reg.gender, reg.accessibility_needs AS "accessibilityNeeds", reg.status::text AS status, reg.check_in_code AS "checkInCode",
           reg.public_code AS "publicCode", reg.review_reason AS "reviewReason", reg.keep_in_pool AS "keepInPool", reg.checked_in_at AS "checkedInAt",
           reg.created_at AS "createdAt", place.title AS "eventTitle", place.kind::text AS "eventKind", place.starts_at AS "eventStartsAt", place.place AS "eventPlace"
    FROM reg CROSS JOIN place`
  const row = rows[0]
  if (!row) return null
  const { eventTitle, eventKind, eventStartsAt, eventPlace, ...registration } = row
  // Only a first-come event's places are taken this way (the UPDATE's condition).
  const event = {
    id: registration.eventId,
    title: eventTitle,
    kind: eventKind,
    startsAt: eventStartsAt,
    place: eventPlace,
    selectionMode: 'FIRST_COME' as const,
  }
  return { ...registration, event }
}

/** An id for a registration about to be inserted (taken from the table's own sequence, so it never meets another). */
export async function nextRegistrationId(db: DbOrTx): Promise<number> {
  const rows = await db.$queryRaw<{ id: number }[]>`SELECT nextval(pg_get_serial_sequence('registration', 'id'))::int AS id`
  return rows[0]!.id
}

/**
 * Lock the event row for a signup or cancellation (they take turns per event, which keeps the
 * waitlist first-come), with whether it has neither a seat nor a waitlist place left; null when the
 * event does not exist.
 */
export async function lockEventForSignup(db: DbOrTx, eventId: number) {
  const rows = await db.$queryRaw<{ confirmed_count: number; waitlist_count: number; full: boolean }[]>`
    SELECT confirmed_count, waitlist_count, confirmed_count >= capacity - reserved_seats AND waitlist_count >= waitlist_capacity AS full
    FROM event WHERE id = ${eventId} FOR UPDATE`
  const row = rows[0]
  return row ? { confirmedCount: row.confirmed_count, waitlistCount: row.waitlist_count, full: row.full } : null
}

/**
 * Take a seat if one is left. A single conditional UPDATE: READ COMMITTED re-checks the WHERE on
 * the newest row version, so concurrent signups can never take more seats than exist.
 */
export async function takeSeat(db: DbOrTx, eventId: number, seats = 1): Promise<boolean> {
  const taken = await db.$executeRaw`
    UPDATE event SET confirmed_count = confirmed_count + ${seats}
    WHERE id = ${eventId} AND confirmed_count + ${seats} <= capacity - reserved_seats`
  return taken === 1
}

export async function takeWaitlistPlace(db: DbOrTx, eventId: number): Promise<boolean> {
  const taken = await db.$executeRaw`
    UPDATE event SET waitlist_count = waitlist_count + 1
    WHERE id = ${eventId} AND waitlist_count < waitlist_capacity`
  return taken === 1
}

export function releaseSeat(db: DbOrTx, eventId: number) {
  return db.$executeRaw`UPDATE event SET confirmed_count = confirmed_count - 1 WHERE id = ${eventId}`
}

export function releaseWaitlistPlace(db: DbOrTx, eventId: number) {
  return db.$executeRaw`UPDATE event SET waitlist_count = waitlist_count - 1 WHERE id = ${eventId}`
}

export function insertRegistration(db: DbOrTx, data: NewRegistration) {
  return db.registration.create({ data, select: { ...registrationSelect, event: eventBrief } })
}

/** Registrations of people a department invited (no citizen account), in one statement: a past meeting's attendance (the demo). */
export function insertInvitedRegistrations(
  db: DbOrTx,
  rows: {
    eventId: number
    name: string
    phone: string
    category: AttendeeCategory
    status: RegistrationStatus
    checkInCode: string
    publicCode: string
    checkedInAt: Date | null
  }[],
) {
  return db.registration.createMany({ data: rows })
}

export function findMyRegistrations(db: DbOrTx, citizenId: number) {
  return db.registration.findMany({ where: { citizenId }, select: { ...registrationSelect, event: eventBrief }, orderBy: { id: 'desc' } })
}

/** The details given with the citizen's latest registration that still holds them (a de-identified one does not): the next signup form starts with them. */
export function findLatestSignupDetails(db: DbOrTx, citizenId: number) {
  return db.registration.findFirst({
    where: { citizenId, NOT: { phone: '' } },
    select: { name: true, phone: true, region: true, sector: true, ageBand: true, gender: true, accessibilityNeeds: true },
    orderBy: { id: 'desc' },
  })
}

export function findMyRegistration(db: DbOrTx, citizenId: number, id: number) {
  return db.registration.findFirst({ where: { id, citizenId }, select: { ...registrationSelect, event: eventBrief } })
}

/** Lock one registration for a state change. */
export async function lockRegistration(db: DbOrTx, id: number) {
  const rows = await db.$queryRaw<{ id: number }[]>`SELECT id FROM registration WHERE id = ${id} FOR UPDATE`
  return rows.length === 1
}

export function setRegistrationStatus(db: DbOrTx, id: number, status: RegistrationStatus, extra: { reviewReason?: string | null; checkedInAt?: Date } = {}) {
  return db.registration.update({ where: { id }, data: { status, ...extra }, select: { ...registrationSelect, event: eventBrief } })
}

/**
 * The first person on the waitlist (signup order), locked. Callers hold the event row's lock, so
 * nobody else promotes or cancels on this event meanwhile.
 */
export async function lockNextWaitlisted(db: DbOrTx, eventId: number) {
  const rows = await db.$queryRaw<{ id: number }[]>`
    SELECT id FROM registration WHERE event_id = ${eventId} AND status = 'WAITLISTED'
    ORDER BY id LIMIT 1 FOR UPDATE`
  return rows[0]?.id ?? null
}

export function findRegistrationsOfEvent(db: DbOrTx, eventId: number, status?: RegistrationStatus) {
  return db.registration.findMany({ where: { eventId, ...(status ? { status } : {}) }, select: registrationSelect, orderBy: { id: 'asc' } })
}

export function findRegistration(db: DbOrTx, id: number) {
  return db.registration.findUnique({
    where: { id },
    select: { ...registrationSelect, event: { select: { id: true, selectionMode: true, startsAt: true, title: true } } },
  })
}

/** Check in by code, once: only a selected registration of this event changes. */
export async function checkInByCode(db: DbOrTx, eventId: number, code: string, now: Date) {
  const changed = await db.registration.updateManyAndReturn({
    where: { eventId, checkInCode: code, status: 'SELECTED' },
    data: { status: 'CHECKED_IN', checkedInAt: now },
    select: { id: true, name: true, category: true, checkedInAt: true },
  })
  return changed[0] ?? null
}

export function findByCheckInCode(db: DbOrTx, code: string) {
  return db.registration.findUnique({ where: { checkInCode: code }, select: { eventId: true, status: true } })
}

export function countCheckedIn(db: DbOrTx, eventId: number) {
  return db.registration.count({ where: { eventId, status: 'CHECKED_IN' } })
}

/** Selected people of events starting within the window who have not been reminded yet. */
export function findDueReminders(db: DbOrTx, from: Date, to: Date) {
  return db.registration.findMany({
    where: { status: 'SELECTED', remindedAt: null, citizenId: { not: null }, event: { startsAt: { gt: from, lte: to }, cancelledAt: null } },
    select: { id: true, citizenId: true, event: { select: { id: true, title: true, startsAt: true, place: true } } },
    take: 500,
  })
}

export async function markReminded(db: DbOrTx, id: number, now: Date) {
  const marked = await db.registration.updateMany({ where: { id, remindedAt: null }, data: { remindedAt: now } })
  return marked.count === 1
}
