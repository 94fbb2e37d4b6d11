// Invitee seats (受邀人员): staff of the event's department (administrators: every department) give its reserved seats to named invitees, list and remove them; audited, the phones read as contact data.
import type { BodyOf, ResponseOf } from '@gm/shared'
import type { Deps } from '../deps'
import type { StaffContext } from '../domain/actor'
import { AppError, notFound } from '../domain/errors'
import {
  deleteInvitee,
  findInvitees,
  findInviteeWithEvent,
  findReservedSeats,
  type InviteeRow,
  insertInvitee,
  releaseReservedSeat,
  takeReservedSeat,
} from '../repositories/invitee'
import { auditorOf, recordAudit, recordContactRead } from './audit'
import { assertInScope, requireInScope } from './departmentScope'
import { iso } from './paging'

type EventInvitee = ResponseOf<'assignInvitee'>

const toInvitee = (row: InviteeRow): EventInvitee => ({ ...row, createdAt: iso(row.createdAt) })

/** The reserved seats and who holds them; the read of their phones is audited like any contact data. */
export async function listEventInvitees(deps: Deps, context: StaffContext, eventId: number): Promise<ResponseOf<'listEventInvitees'>> {
  await requireInScope(deps.db, context.actor, 'event', eventId)
  const seats = await findReservedSeats(deps.db, eventId)
  if (!seats) throw notFound('活动')
  const rows = await findInvitees(deps.db, eventId)
  await recordContactRead(deps.db, auditorOf(context), {
    via: 'listEventInvitees',
    entity: 'event',
    entityId: eventId,
    records: rows.length,
    fields: ['name', 'unit', 'phone'],
  })
  return { reservedSeats: seats.reservedSeats, invitees: rows.map(toInvitee) }
}

/**
 * Give one reserved seat to a named invitee. The seat is taken by one conditional update of the
 * event row (never more than reserved_seats, whoever assigns at the same time); citizens' signups
 * count in the other seats (capacity − reserved), so each seat is counted once. 409
 * RESERVED_SEATS_EXHAUSTED when none is free, EVENT_CANCELLED for a cancelled event.
 */
export async function assignInvitee(deps: Deps, context: StaffContext, eventId: number, body: BodyOf<'assignInvitee'>): Promise<EventInvitee> {
  await requireInScope(deps.db, context.actor, 'event', eventId)
  return deps.db.$transaction(async (tx) => {
    if (!(await takeReservedSeat(tx, eventId))) {
      const seats = await findReservedSeats(tx, eventId)
      if (!seats) throw notFound('活动')
      if (seats.cancelledAt) throw new AppError('EVENT_CANCELLED')
      throw new AppError('RESERVED_SEATS_EXHAUSTED', undefined, { reservedSeats: seats.reservedSeats })
    }
    const row = await insertInvitee(tx, { eventId, name: body.name, unit: body.unit, phone: body.phone ?? null })
    // The phone stays out of the audit log (contact data); who was invited, and from where, is the record.
    await recordAudit(tx, auditorOf(context), {
      action: 'assignInvitee',
      entity: 'event',
      entityId: eventId,
      after: { inviteeId: row.id, name: row.name, unit: row.unit },
    })
    return toInvitee(row)
  })
}

/** Take an invitee's seat back (the reserved seat can be given again). Audited. */
export async function removeInvitee(deps: Deps, context: StaffContext, id: number): Promise<null> {
  return deps.db.$transaction(async (tx) => {
    const row = await findInviteeWithEvent(tx, id)
    if (!row) throw notFound('受邀人员')
    assertInScope(context.actor, row.event.departmentId)
    if (await deleteInvitee(tx, id)) await releaseReservedSeat(tx, row.eventId)
    await recordAudit(tx, auditorOf(context), {
      action: 'removeInvitee',
      entity: 'event',
      entityId: row.eventId,
      before: { inviteeId: id, name: row.name, unit: row.unit },
    })
    return null
  })
}
