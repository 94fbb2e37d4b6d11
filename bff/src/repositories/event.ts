// Events' rows: public and staff lists and details, counts, edits, and the lottery's locked row, secret, quotas and draw rounds.
import type { DbOrTx } from '../db/client'
import type { EventKind, Prisma } from '../generated/prisma/client'
import { AppError, notFound } from '../domain/errors'

const summarySelect = {
  id: true,
  kind: true,
  title: true,
  place: true,
  startsAt: true,
  endsAt: true,
  signupOpensAt: true,
  signupClosesAt: true,
  capacity: true,
  reservedSeats: true,
  confirmedCount: true,
  selectionMode: true,
  department: { select: { id: true, name: true } },
} satisfies Prisma.EventSelect

export async function findEvents(db: DbOrTx, filter: { kind?: EventKind; now: Date }, page: { skip: number; take: number }) {
  const where: Prisma.EventWhereInput = { publishedAt: { lte: filter.now }, ...(filter.kind ? { kind: filter.kind } : {}) }
  const [rows, total] = await Promise.all([
    db.event.findMany({ where, select: summarySelect, orderBy: [{ startsAt: 'desc' }, { id: 'desc' }], skip: page.skip, take: page.take }),
    db.event.count({ where }),
  ])
  return { rows, total }
}

const detailSelect = {
  ...summarySelect,
  description: true,
  eligibility: true,
  liveStreamUrl: true,
  waitlistCapacity: true,
  decisionId: true,
  cancelledAt: true,
  cancelReason: true,
  drawAt: true,
  drawCommitment: true,
  drawQuotas: true,
  outcomeSummary: true,
  outcomePublishedAt: true,
  publishedAt: true,
  startsAt: true,
  _count: { select: { registrations: { where: { status: 'CHECKED_IN' } } } },
  eventOpinions: {
    select: {
      id: true,
      publishedText: true,
      publishedExemptions: true,
      adoption: true,
      reason: true,
      content: true,
      repliedAt: true,
      department: { select: { id: true, name: true } },
    },
    orderBy: { id: 'asc' },
  },
} satisfies Prisma.EventSelect

/** An event with what its page shows; `publishedBy` hides unpublished ones from the public. */
export function findEventById(db: DbOrTx, id: number, visibility: { publishedBy: Date } | 'staff') {
  return db.event.findFirst({
    where: { id, ...(visibility === 'staff' ? {} : { publishedAt: { lte: visibility.publishedBy } }) },
    select: detailSelect,
  })
}

/** Events by id with what their page shows (the open-data feed; the caller chose published ones). */
export function findEventsByIds(db: DbOrTx, ids: readonly number[]) {
  return db.event.findMany({ where: { id: { in: [...ids] } }, select: detailSelect, orderBy: { id: 'asc' } })
}

/** Every event, unpublished included (staff); only those of `departmentIds` when given (department scope). */
export function findEventsForStaff(db: DbOrTx, departmentIds?: readonly number[]) {
  return db.event.findMany({
    where: departmentIds ? { departmentId: { in: [...departmentIds] } } : {},
    select: detailSelect,
    orderBy: [{ startsAt: 'desc' }, { id: 'desc' }],
  })
}
export type EventDetailRow = NonNullable<Awaited<ReturnType<typeof findEventById>>>

export function countUpcomingEvents(db: DbOrTx, now: Date) {
  return db.event.count({ where: { startsAt: { gt: now }, publishedAt: { lte: now }, cancelledAt: null } })
}

export function insertEvent(db: DbOrTx, data: Prisma.EventUncheckedCreateInput) {
  return db.event.create({ data, select: { id: true } })
}

export function updateEvent(db: DbOrTx, id: number, data: Prisma.EventUncheckedUpdateInput) {
  return db.event.update({ where: { id }, data, select: { id: true } })
}

const isQuotasLocked = (err: unknown) => /DRAW_QUOTAS_LOCKED/.test(err instanceof Error ? `${err.message} ${JSON.stringify(err)}` : String(err))

/** Lock the event's row until the transaction ends; false when there is no such event. */
async function lockEventRow(db: DbOrTx, id: number) {
  const rows = await db.$queryRaw<{ id: number }[]>`SELECT id FROM event WHERE id = ${id} FOR UPDATE`
  return rows.length > 0
}

/** The event row locked for an edit, with every field of the event form and what registrants already hold. */
export async function lockEventForEdit(db: DbOrTx, id: number) {
  if (!(await lockEventRow(db, id))) return null
  return db.event.findUnique({
    where: { id },
    select: {
      id: true,
      kind: true,
      title: true,
      description: true,
      place: true,
      departmentId: true,
      decisionId: true,
      startsAt: true,
      endsAt: true,
      signupOpensAt: true,
      signupClosesAt: true,
      capacity: true,
      reservedSeats: true,
      waitlistCapacity: true,
      selectionMode: true,
      eligibility: true,
      liveStreamUrl: true,
      drawQuotas: true,
      publishedAt: true,
      cancelledAt: true,
      confirmedCount: true,
      invitedCount: true,
      waitlistCount: true,
      drawCommitment: true,
      drawAt: true,
      _count: { select: { registrations: true } },
    },
  })
}
export type EventEditRow = NonNullable<Awaited<ReturnType<typeof lockEventForEdit>>>

/**
 * Store an edit of the event form. A lottery event's quotas and seats never change once signups
 * open: the database trigger refuses, and that refusal becomes DRAW_QUOTAS_LOCKED here.
 */
export async function updateEventForm(db: DbOrTx, id: number, data: Prisma.EventUncheckedUpdateInput): Promise<void> {
  try {
    await db.event.update({ where: { id }, data, select: { id: true } })
  } catch (err) {
    if (isQuotasLocked(err)) throw new AppError('DRAW_QUOTAS_LOCKED')
    if ((err as { code?: string }).code === 'P2025') throw notFound('活动')
    throw err
  }
}

/** The public record of an event's lottery: commitment, secret (revealed by the service once drawn), rounds. */
export function findEventDraw(db: DbOrTx, id: number, algorithm: string) {
  return db.event.findUnique({
    where: { id },
    select: {
      id: true,
      publishedAt: true,
      drawSecret: true,
      drawCommitment: true,
      drawQuotas: true,
      drawAt: true,
      draws: { where: { algorithm }, select: { round: true, record: true }, orderBy: { round: 'asc' } },
    },
  })
}

/** The event row locked for a draw, with what the draw needs (the secret included). */
export async function lockEventForDraw(db: DbOrTx, id: number) {
  if (!(await lockEventRow(db, id))) return null
  return db.event.findUnique({
    where: { id },
    select: {
      id: true,
      title: true,
      startsAt: true,
      publishedAt: true,
      cancelledAt: true,
      signupOpensAt: true,
      signupClosesAt: true,
      selectionMode: true,
      capacity: true,
      reservedSeats: true,
      confirmedCount: true,
      drawSecret: true,
      drawCommitment: true,
      drawQuotas: true,
      drawAt: true,
      _count: { select: { draws: true, registrations: true } },
    },
  })
}

const isSecretLocked = (err: unknown) => /DRAW_SECRET_LOCKED/.test(err instanceof Error ? `${err.message} ${JSON.stringify(err)}` : String(err))

/**
 * Store the draw secret and its commitment. Once set they never change: the database trigger
 * refuses, and that refusal becomes DRAW_SECRET_LOCKED here.
 */
export async function setDrawSecret(db: DbOrTx, id: number, secret: string, commitment: string): Promise<void> {
  try {
    await db.event.update({ where: { id }, data: { drawSecret: secret, drawCommitment: commitment }, select: { id: true } })
  } catch (err) {
    if (isSecretLocked(err)) throw new AppError('DRAW_SECRET_LOCKED')
    if ((err as { code?: string }).code === 'P2025') throw notFound('活动')
    throw err
  }
}

/**
 * Store a lottery event's quotas. Once signups open (or anyone signed up) they never change: the
 * database trigger refuses, and that refusal becomes DRAW_QUOTAS_LOCKED here.
 */
export async function setDrawQuotas(db: DbOrTx, id: number, quotas: Prisma.InputJsonValue): Promise<void> {
  try {
    await db.event.update({ where: { id }, data: { drawQuotas: quotas }, select: { id: true } })
  } catch (err) {
    if (isQuotasLocked(err)) throw new AppError('DRAW_QUOTAS_LOCKED')
    if ((err as { code?: string }).code === 'P2025') throw notFound('活动')
    throw err
  }
}

export function insertEventDraw(
  db: DbOrTx,
  data: { eventId: number; round: number; algorithm: string; reason: string | null; record: Prisma.InputJsonValue; drawnById: number | null; drawnAt: Date },
) {
  return db.eventDraw.create({ data, select: { id: true } })
}

/** Give back seats held by the previous round before a redraw. */
export function releaseSeats(db: DbOrTx, eventId: number, seats: number) {
  return db.$executeRaw`UPDATE event SET confirmed_count = confirmed_count - ${seats} WHERE id = ${eventId}`
}
