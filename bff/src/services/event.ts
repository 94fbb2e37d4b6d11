// Public event use cases: the list and detail with seats left, signup status, lottery commitment and outcome.
import { type EventDetail, type EventSummary, type QueryOf, QuotaSchema, type ResponseOf, seatsLeft, signupStatus } from '@gm/shared'
import type { DbOrTx } from '../db/client'
import type { Deps } from '../deps'
import { notFound } from '../domain/errors'
import { type EventDetailRow, findEventById, findEvents } from '../repositories/event'
import { publicOpinionText } from './personalInfo'
import { publicAnswer } from './opinionView'
import { iso, pageOf, pageWindow } from './paging'

type EventRow = Awaited<ReturnType<typeof findEvents>>['rows'][number]

function toSummary(row: EventRow, now: Date): EventSummary {
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    place: row.place,
    department: row.department,
    startsAt: iso(row.startsAt),
    endsAt: iso(row.endsAt),
    signupOpensAt: iso(row.signupOpensAt),
    signupClosesAt: iso(row.signupClosesAt),
    signupStatus: signupStatus(row.signupOpensAt, row.signupClosesAt, now),
    capacity: row.capacity,
    seatsLeft: seatsLeft(row.capacity, row.reservedSeats, row.confirmedCount),
    selectionMode: row.selectionMode,
  }
}

export function toEventDetail(row: EventDetailRow, now: Date): EventDetail {
  return {
    ...toSummary(row, now),
    description: row.description,
    eligibility: row.eligibility,
    liveStreamUrl: row.liveStreamUrl,
    reservedSeats: row.reservedSeats,
    waitlistCapacity: row.waitlistCapacity,
    decisionId: row.decisionId,
    cancelled: row.cancelledAt ? { at: iso(row.cancelledAt), reason: row.cancelReason ?? '' } : null,
    drawn: row.drawAt !== null,
    drawCommitment: row.drawCommitment,
    drawQuotas: QuotaSchema.array().parse(row.drawQuotas),
    outcome:
      row.outcomeSummary && row.outcomePublishedAt
        ? {
            summary: row.outcomeSummary,
            attendeeCount: row._count.registrations,
            publishedAt: iso(row.outcomePublishedAt),
            opinions: row.eventOpinions.flatMap((o) => {
              const answer = publicAnswer(o)
              return answer ? [{ id: o.id, text: publicOpinionText(o) ?? '', answer }] : []
            }),
          }
        : null,
  }
}

export async function listEvents(deps: Deps, query: QueryOf<'listEvents'>): Promise<ResponseOf<'listEvents'>> {
  const now = deps.clock()
  const { rows, total } = await findEvents(deps.db, { kind: query.kind, now }, pageWindow(query))
  return pageOf(
    rows.map((row) => toSummary(row, now)),
    total,
    query,
  )
}

export async function eventDetail(deps: Deps, db: DbOrTx, id: number, visibility: 'public' | 'staff'): Promise<EventDetail> {
  const now = deps.clock()
  const row = await findEventById(db, id, visibility === 'staff' ? 'staff' : { publishedBy: now })
  if (!row) throw notFound('活动')
  return toEventDetail(row, now)
}

export const getEvent = (deps: Deps, id: number) => eventDetail(deps, deps.db, id, 'public')
