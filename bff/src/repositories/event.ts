import type { DbOrTx } from '../db/client'
import type { EventKind, Prisma } from '../generated/prisma/client'

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
  decisionId: true,
  cancelledAt: true,
  cancelReason: true,
  drawAt: true,
  outcomeSummary: true,
  outcomePublishedAt: true,
  publishedAt: true,
  startsAt: true,
  _count: { select: { registrations: { where: { status: 'CHECKED_IN' } } } },
  eventOpinions: {
    select: { id: true, publishedText: true, adoption: true, reason: true, content: true, repliedAt: true, department: { select: { id: true, name: true } } },
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

/** Every event, unpublished included (staff). */
export function findEventsForStaff(db: DbOrTx) {
  return db.event.findMany({ select: detailSelect, orderBy: [{ startsAt: 'desc' }, { id: 'desc' }] })
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

export function findEventDraw(db: DbOrTx, id: number) {
  return db.event.findUnique({ where: { id }, select: { id: true, publishedAt: true, drawSeed: true, drawAt: true, drawWitnesses: true, drawRecord: true } })
}
