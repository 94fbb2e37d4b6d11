// Wire shapes of events (open days, meeting attendance, hearings): kinds, selection modes, list and detail, the staff view and the staff forms (event, quotas, cancellation, outcome).
import { z } from 'zod'
import { DepartmentSchema, IdSchema, InstantSchema, longText, PageQueryFields, paginated, plainText } from './common'
import { FieldDismissalSchema, OverrideReasonSchema, PublicAnswerSchema } from './opinion'
import { DrawQuotasSchema, QuotaSchema } from './quota'

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
  /** 网络直播: the https address of the live stream, or null */
  liveStreamUrl: z.string().nullable(),
  reservedSeats: z.number().int(),
  /** How many may wait for a freed seat (first-come events) */
  waitlistCapacity: z.number().int(),
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

// —— staff side: the event form, quotas, cancellation and the meeting outcome ——
/** 网络直播 address: https only (the page opens it), a real host, nothing a browser would run. */
export const LiveStreamUrlSchema = z
  .string({ error: '请填写直播网址' })
  .trim()
  .max(500, '直播网址最多 500 个字符')
  .regex(/^https:\/\//, '直播网址须以 https:// 开头')
  // A host with a dot (no user info), an optional port, then a path or query without spaces or markup (no URL object: the mini-program has none).
  .regex(/^https:\/\/[a-z0-9-]+(\.[a-z0-9-]+)+(:\d{1,5})?([/?#][^\s<>"']*)?$/i, '请填写有效的直播网址，如 https://live.example.gov.cn/123')

/** The event form, for a new event (createEvent) and for editing one (updateEvent): the same fields and checks. */
export const EventDraftBodySchema = z
  .strictObject({
    kind: EventKindSchema,
    title: plainText('请填写活动名称').min(4, '活动名称至少 4 个字').max(200, '活动名称最多 200 个字'),
    description: longText('请填写活动介绍').min(1, '请填写活动介绍').max(5000, '活动介绍最多 5000 个字'),
    place: plainText('请填写活动地点').min(2, '活动地点至少 2 个字').max(200, '活动地点最多 200 个字'),
    departmentId: IdSchema,
    decisionId: IdSchema.nullable().optional(),
    startsAt: InstantSchema,
    endsAt: InstantSchema,
    signupOpensAt: InstantSchema,
    signupClosesAt: InstantSchema,
    capacity: z.number().int().min(1).max(10_000),
    reservedSeats: z.number().int().min(0).max(10_000).default(0),
    waitlistCapacity: z.number().int().min(0).max(10_000).default(0),
    selectionMode: SelectionModeSchema,
    eligibility: longText().max(1000, '报名条件最多 1000 个字').default(''),
    /** 网络直播: null (or absent) for none */
    liveStreamUrl: LiveStreamUrlSchema.nullable().optional(),
    /** Lottery events: the quotas, public with the commitment and locked once signups open */
    drawQuotas: DrawQuotasSchema.default([]),
  })
  .refine((b) => new Date(b.endsAt) > new Date(b.startsAt), { path: ['endsAt'], message: '结束时间必须晚于开始时间' })
  .refine((b) => new Date(b.signupClosesAt) > new Date(b.signupOpensAt), { path: ['signupClosesAt'], message: '报名截止时间必须晚于开始时间' })
  .refine((b) => new Date(b.signupClosesAt) <= new Date(b.startsAt), { path: ['signupClosesAt'], message: '报名须在活动开始前截止' })
  .refine((b) => b.reservedSeats < b.capacity, { path: ['reservedSeats'], message: '预留席位须少于总席位' })
  .refine((b) => b.selectionMode === 'LOTTERY' || b.drawQuotas.length === 0, { path: ['drawQuotas'], message: '只有公开抽签的活动可以设置分层配额' })
  .superRefine((b, ctx) => quotaSeatsFit(b.drawQuotas, b.capacity - b.reservedSeats, ctx, ['drawQuotas']))

/** Why a quota does not fit the seats the lottery fills (总席位 − 预留席位). */
export const quotaSeatsMessage = (seats: number) => `名额不能超过可抽名额 ${Math.max(0, seats)} 个（总席位减预留席位）`

/** Each quota within the seats the lottery fills. */
function quotaSeatsFit(quotas: readonly { seats: number }[], seats: number, ctx: z.RefinementCtx, path: (string | number)[]): void {
  quotas.forEach((q, i) => {
    if (q.seats > seats) ctx.addIssue({ code: 'custom', path: [...path, i, 'seats'], message: quotaSeatsMessage(seats) })
  })
}

/** Change a lottery event's quotas: only before signups open and before anyone signed up. */
export const EventQuotasBodySchema = z.strictObject({ quotas: DrawQuotasSchema })

export const CancelEventBodySchema = z.strictObject({ reason: longText('请说明取消原因').min(4, '请说明取消原因').max(500, '取消原因最多 500 个字') })
export const OutcomeBodySchema = z.strictObject({
  summary: longText('请填写会议纪要摘要（至少 10 个字）').min(10, '请填写会议纪要摘要（至少 10 个字）').max(5000, '会议纪要摘要最多 5000 个字'),
  /** The summary is published at once: suggestions in it that are not personal information, or an override. */
  dismissals: z.array(FieldDismissalSchema).max(50).optional(),
  override: OverrideReasonSchema.optional(),
})
