import type { DbOrTx } from '../db/client'
import type { AttendeeCategory, Prisma, RegistrationStatus } from '../generated/prisma/client'

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

const eventBrief = { select: { id: true, title: true, kind: true, startsAt: true, place: true } } as const

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
 * Whether a first-come event has neither a seat nor a waitlist place left (a plain read, no lock),
 * and whether the person already holds an active registration there.
 */
export async function peekFull(db: DbOrTx, eventId: number, citizenId: number) {
  const rows = await db.$queryRaw<{ full: boolean; registered: boolean }[]>`
    SELECT (e.selection_mode = 'FIRST_COME' AND e.confirmed_count >= e.capacity - e.reserved_seats AND e.waitlist_count >= e.waitlist_capacity) AS full,
           EXISTS (SELECT 1 FROM registration r WHERE r.event_id = e.id AND r.citizen_id = ${citizenId} AND r.status <> 'CANCELLED') AS registered
    FROM event e WHERE e.id = ${eventId}`
  return rows[0] ?? null
}

/**
 * Lock the event row for a signup or cancellation (they take turns per event, which keeps the
 * waitlist first-come); null when the event does not exist.
 */
export async function lockEventForSignup(db: DbOrTx, eventId: number) {
  const rows = await db.$queryRaw<{ confirmed_count: number; waitlist_count: number }[]>`
    SELECT confirmed_count, waitlist_count FROM event WHERE id = ${eventId} FOR UPDATE`
  const row = rows[0]
  return row ? { confirmedCount: row.confirmed_count, waitlistCount: row.waitlist_count } : null
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

export function insertRegistration(
  db: DbOrTx,
  data: {
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
  },
) {
  return db.registration.create({ data, select: { ...registrationSelect, event: eventBrief } })
}

export function findMyRegistrations(db: DbOrTx, citizenId: number) {
  return db.registration.findMany({ where: { citizenId }, select: { ...registrationSelect, event: eventBrief }, orderBy: { id: 'desc' } })
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
  return db.registration.findUnique({ where: { id }, select: { ...registrationSelect, event: { select: { id: true, selectionMode: true, startsAt: true, title: true } } } })
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
