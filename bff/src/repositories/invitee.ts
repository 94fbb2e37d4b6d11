// Invitee seats: the named invitees of an event and the reserved-seat counter they hold (event.invited_count).
import type { DbOrTx } from '../db/client'
import type { Prisma } from '../generated/prisma/client'

export const inviteeSelect = { id: true, name: true, unit: true, phone: true, createdAt: true } satisfies Prisma.EventInviteeSelect
export type InviteeRow = Prisma.EventInviteeGetPayload<{ select: typeof inviteeSelect }>

/**
 * Take one reserved seat when one is free, in one conditional statement: it locks the event row, so
 * concurrent assignments and an edit of the seats (which locks the same row) take turns and never
 * give more seats than reserved. False when none is free or the event is cancelled or gone.
 */
export async function takeReservedSeat(db: DbOrTx, eventId: number): Promise<boolean> {
  const taken = await db.$executeRaw`
    UPDATE event SET invited_count = invited_count + 1
    WHERE id = ${eventId} AND invited_count < reserved_seats AND cancelled_at IS NULL`
  return taken === 1
}

/** Give a reserved seat back (an invitee removed). */
export function releaseReservedSeat(db: DbOrTx, eventId: number) {
  return db.$executeRaw`UPDATE event SET invited_count = invited_count - 1 WHERE id = ${eventId} AND invited_count > 0`
}

export function insertInvitee(db: DbOrTx, data: { eventId: number; name: string; unit: string; phone: string | null }) {
  return db.eventInvitee.create({ data, select: inviteeSelect })
}

export function findInvitees(db: DbOrTx, eventId: number) {
  return db.eventInvitee.findMany({ where: { eventId }, select: inviteeSelect, orderBy: { id: 'asc' } })
}

/** One invitee with the event's department (scope) and id. */
export function findInviteeWithEvent(db: DbOrTx, id: number) {
  return db.eventInvitee.findUnique({ where: { id }, select: { ...inviteeSelect, eventId: true, event: { select: { departmentId: true } } } })
}

/** Remove an invitee; false when it was already gone (two staff removing it at once free one seat). */
export async function deleteInvitee(db: DbOrTx, id: number): Promise<boolean> {
  const { count } = await db.eventInvitee.deleteMany({ where: { id } })
  return count === 1
}

/** The reserved seats of an event (null when there is no such event). */
export function findReservedSeats(db: DbOrTx, eventId: number) {
  return db.event.findUnique({ where: { id: eventId }, select: { reservedSeats: true, invitedCount: true, cancelledAt: true } })
}
