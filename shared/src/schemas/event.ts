// Wire shapes of events (open days, meeting attendance, hearings): kinds, selection modes, list and detail, and the staff view.
import { z } from 'zod'
import { DepartmentSchema, InstantSchema, PageQueryFields, paginated } from './common'
import { PublicAnswerSchema } from './opinion'
import { QuotaSchema } from './quota'

export const EventKindSchema = z.enum(['OPEN_DAY', 'MEETING_ATTENDANCE', 'HEARING'])
export type EventKind = z.infer<typeof EventKindSchema>
export const eventKindLabels: Record<EventKind, string> = {
  OPEN_DAY: '政府开放日',
  MEETING_ATTENDANCE: '列席会议',
  HEARING: '听证 / 座谈',
}

export const SelectionModeSchema = z.enum(['FIRST_COME', 'REVIEW', 'LOTTERY'])
export type SelectionMode = z.infer<typeof SelectionModeSchema>
export const selectionModeLabels: Record<SelectionMode, string> = {
  FIRST_COME: '先报先得',
  REVIEW: '审核遴选',
  LOTTERY: '公开抽签',
}

export const EventSummarySchema = z.object({
  id: z.number().int(),
  kind: EventKindSchema,
  title: z.string(),
  place: z.string(),
  department: DepartmentSchema,
  startsAt: InstantSchema,
  endsAt: InstantSchema,
  signupOpensAt: InstantSchema,
  signupClosesAt: InstantSchema,
  signupStatus: z.enum(['upcoming', 'open', 'closed']),
  capacity: z.number().int(),
  seatsLeft: z.number().int(),
  selectionMode: SelectionModeSchema,
})
export type EventSummary = z.infer<typeof EventSummarySchema>

export const EventDetailSchema = EventSummarySchema.extend({
  description: z.string(),
  eligibility: z.string(),
  reservedSeats: z.number().int(),
  decisionId: z.number().int().nullable(),
  cancelled: z.object({ at: InstantSchema, reason: z.string() }).nullable(),
  /** The lottery's record is public once drawn (GET /api/events/:id/draw) */
  drawn: z.boolean(),
  /** Lottery events: SHA-256 of the draw secret, public from the start of signups; the secret is revealed at the draw */
  drawCommitment: z.string().nullable(),
  /** Lottery events: the quotas the draw fills first, in order — public and locked from the start of signups */
  drawQuotas: z.array(QuotaSchema),
  /** After the event: the meeting's result, attendance, and the attendees' opinions with their answers (masked) */
  outcome: z
    .object({
      summary: z.string(),
      attendeeCount: z.number().int(),
      publishedAt: InstantSchema,
      opinions: z.array(z.object({ id: z.number().int(), text: z.string(), answer: PublicAnswerSchema })),
    })
    .nullable(),
})
export type EventDetail = z.infer<typeof EventDetailSchema>

export const EventListQuerySchema = z.strictObject({
  kind: EventKindSchema.optional(),
  ...PageQueryFields,
})
export type EventListQuery = z.input<typeof EventListQuerySchema>

export const EventListSchema = paginated(EventSummarySchema)
export type EventList = z.infer<typeof EventListSchema>

/** An event as staff see it: unpublished drafts included. */
export const StaffEventSchema = z.object({ event: EventDetailSchema, published: z.boolean() })
export type StaffEvent = z.infer<typeof StaffEventSchema>
