// Wire shapes of event signups and their handling: joining, my registrations, staff review, the lottery draw record, check-in, event drafts and outcomes.
import { z } from 'zod'
import { IdSchema, InstantSchema, longText, plainText } from './common'
import { EventKindSchema, SelectionModeSchema } from './event'
import { DismissalSchema, MaskSchema, OverrideReasonSchema, PublicAnswerSchema } from './opinion'
import { QuotaSchema } from './quota'
import { LOTTERY_ALGORITHM } from '../rules/lottery'

export const attendeeCategories = ['STAKEHOLDER', 'PUBLIC', 'EXPERT', 'MEDIA'] as const
export const AttendeeCategorySchema = z.enum(attendeeCategories)
export type AttendeeCategory = z.infer<typeof AttendeeCategorySchema>
export const attendeeCategoryLabels: Record<AttendeeCategory, string> = { STAKEHOLDER: '利益相关方', PUBLIC: '公众代表', EXPERT: '专家', MEDIA: '媒体' }

export const registrationStatuses = ['APPLIED', 'SELECTED', 'NOT_SELECTED', 'WAITLISTED', 'CHECKED_IN', 'CANCELLED'] as const
export const RegistrationStatusSchema = z.enum(registrationStatuses)
export type RegistrationStatus = z.infer<typeof RegistrationStatusSchema>
export const registrationStatusLabels: Record<RegistrationStatus, string> = {
  APPLIED: '已报名（待遴选）',
  SELECTED: '已入选',
  NOT_SELECTED: '未入选',
  WAITLISTED: '候补',
  CHECKED_IN: '已签到',
  CANCELLED: '已取消',
}

export const ageBands = ['18-35', '36-59', '60+'] as const

export const JoinEventBodySchema = z.strictObject({
  name: plainText('请填写姓名').min(1, '请填写姓名').max(20, '姓名最多 20 个字'),
  phone: plainText('请填写 11 位手机号码').regex(/^1[3-9]\d{9}$/, '请填写 11 位手机号码'),
  /** Required by events that select by category (审核、抽签); a first-come event records 公众代表 (see signupFieldsFor) */
  category: AttendeeCategorySchema.optional(),
  region: plainText().max(20, '地区最多 20 个字').optional(),
  sector: plainText().max(20, '行业最多 20 个字').optional(),
  ageBand: z.enum(ageBands).optional(),
  gender: z.enum(['男', '女']).optional(),
  accessibilityNeeds: longText().max(200, '最多 200 个字').optional(),
  /** Keep me in the 代表库 for later events if I am not selected */
  keepInPool: z.boolean().optional(),
  /** One per signup attempt, kept across retries (or the Idempotency-Key header): a retry gets the first result */
  idempotencyKey: plainText('提交编号格式不正确')
    .regex(/^[A-Za-z0-9_-]{8,64}$/, '提交编号格式不正确')
    .optional(),
})
export type JoinEventBody = z.infer<typeof JoinEventBodySchema>

/** What a new signup form starts with: the details of the citizen's latest registration, else the phone from their profile. */
export const SignupDefaultsSchema = z.object({
  name: z.string().nullable(),
  phone: z.string().nullable(),
  region: z.string().nullable(),
  sector: z.string().nullable(),
  ageBand: z.string().nullable(),
  gender: z.string().nullable(),
  accessibilityNeeds: z.string().nullable(),
})
export type SignupDefaults = z.infer<typeof SignupDefaultsSchema>

export const MyRegistrationSchema = z.object({
  id: z.number().int(),
  event: z.object({
    id: z.number().int(),
    title: z.string(),
    kind: EventKindSchema,
    startsAt: InstantSchema,
    place: z.string(),
    /** How people are selected: 报名类别 means something only where the event asked for it (not first come, see signupFieldsFor) */
    selectionMode: SelectionModeSchema,
  }),
  category: AttendeeCategorySchema,
  status: RegistrationStatusSchema,
  /** Only while it can be used: selected, or already checked in */
  checkInCode: z.string().nullable(),
  reviewReason: z.string().nullable(),
  /** Public candidate code: the person finds themselves with it in the published lottery list */
  publicCode: z.string(),
  createdAt: InstantSchema,
})
export type MyRegistration = z.infer<typeof MyRegistrationSchema>

export const StaffRegistrationSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  phone: z.string(),
  category: AttendeeCategorySchema,
  region: z.string().nullable(),
  sector: z.string().nullable(),
  ageBand: z.string().nullable(),
  gender: z.string().nullable(),
  accessibilityNeeds: z.string().nullable(),
  status: RegistrationStatusSchema,
  publicCode: z.string(),
  reviewReason: z.string().nullable(),
  keepInPool: z.boolean(),
  checkedInAt: InstantSchema.nullable(),
  createdAt: InstantSchema,
})

/** Quotas are the event's, fixed before signups opened: a (re)draw request naming any is refused. */
const noQuotasAtDraw = z.never({ error: '抽签只使用活动在报名开始前公布的配额，不能在抽签时指定配额' }).optional()

/**
 * Run the draw. No seed: the randomness is the secret committed when the event was created, and the
 * quotas are the event's (public and locked since signups opened). The staff member confirms the
 * candidate list hash shown in the preview; a list that changed since is refused.
 */
export const DrawBodySchema = z.strictObject({
  listHash: plainText('请先查看抽签预览并确认').regex(/^[0-9a-f]{64}$/, '请先查看抽签预览并确认'),
  witnesses: z.array(plainText('请填写见证人').min(2, '见证人至少 2 个字').max(40, '见证人最多 40 个字')).max(10, '见证人最多 10 位').default([]),
  quotas: noQuotasAtDraw,
})
/** A redraw: allowed only with a reason, which is published with the new result (same stored quotas). */
export const RedrawBodySchema = z.strictObject({
  listHash: plainText('请先查看抽签预览并确认').regex(/^[0-9a-f]{64}$/, '请先查看抽签预览并确认'),
  reason: longText().max(500, '重新抽签的理由最多 500 个字').optional(),
  witnesses: z.array(plainText('请填写见证人').min(2, '见证人至少 2 个字').max(40, '见证人最多 40 个字')).max(10, '见证人最多 10 位').default([]),
  quotas: noQuotasAtDraw,
})

export const DrawCandidateSchema = z.object({
  code: z.string(),
  category: AttendeeCategorySchema,
  region: z.string().nullable(),
  sector: z.string().nullable(),
  ageBand: z.string().nullable(),
  gender: z.string().nullable(),
})
export type DrawCandidate = z.infer<typeof DrawCandidateSchema>

/** One round of the draw with every input needed to recompute it (see shared/rules/lottery.ts). */
export const DrawRoundSchema = z.object({
  round: z.number().int(),
  algorithm: z.literal(LOTTERY_ALGORITHM),
  drawAt: InstantSchema,
  /** Why this round replaced the previous one (null for the first draw) */
  reason: z.string().nullable(),
  witnesses: z.array(z.string()),
  seats: z.number().int(),
  quotas: z.array(QuotaSchema),
  listHash: z.string(),
  seed: z.string(),
  /** Everyone who took part, in signup order, by public candidate code */
  candidates: z.array(DrawCandidateSchema),
  selected: z.array(z.string()),
})
export type DrawRound = z.infer<typeof DrawRoundSchema>

/** The public record: commitment and revealed secret, the round in force, and every earlier round. */
export const DrawRecordSchema = DrawRoundSchema.extend({
  eventId: z.number().int(),
  commitment: z.string(),
  secret: z.string(),
  /** The quotas published on the event before signups opened; every round must have used exactly these */
  announcedQuotas: z.array(QuotaSchema),
  /** Earlier rounds replaced by a redraw, oldest first */
  previousRounds: z.array(DrawRoundSchema),
})
export type DrawRecord = z.infer<typeof DrawRecordSchema>

/** What staff confirm before the draw runs. */
export const DrawPreviewSchema = z.object({
  eventId: z.number().int(),
  drawn: z.boolean(),
  /** Whether signups have closed (the draw runs only after) */
  signupClosed: z.boolean(),
  commitment: z.string().nullable(),
  candidateCount: z.number().int(),
  seats: z.number().int(),
  listHash: z.string(),
  /** The event's quotas (fixed before signups opened); the draw uses exactly these */
  quotas: z.array(QuotaSchema),
  /** How many candidates have each attribute value, next to the quotas */
  counts: z.object({
    category: z.record(z.string(), z.number().int()),
    region: z.record(z.string(), z.number().int()),
    sector: z.record(z.string(), z.number().int()),
    ageBand: z.record(z.string(), z.number().int()),
    gender: z.record(z.string(), z.number().int()),
  }),
})
export type DrawPreview = z.infer<typeof DrawPreviewSchema>

export const ReviewRegistrationBodySchema = z.discriminatedUnion('decision', [
  z.strictObject({ decision: z.literal('SELECT') }),
  z.strictObject({ decision: z.literal('REJECT'), reason: longText('请填写未入选理由').min(2, '请填写未入选理由').max(200, '理由最多 200 个字') }),
])

export const CheckInBodySchema = z.strictObject({
  code: plainText('请填写签到码')
    .toUpperCase()
    .regex(/^[A-Z0-9]{6,16}$/, '签到码格式不正确'),
})
export const CheckInResultSchema = z.object({
  registrationId: z.number().int(),
  name: z.string(),
  category: AttendeeCategorySchema,
  checkedInAt: InstantSchema,
  attendeeCount: z.number().int(),
})

/** An opinion raised at the event, recorded by staff; `masks` de-identify the published text. */
export const RecordEventOpinionBodySchema = z.strictObject({
  registrationId: IdSchema.nullable().optional(),
  text: longText('请填写意见内容').min(2, '请填写意见内容').max(2000, '最多 2000 个字'),
  masks: z.array(MaskSchema).max(200).default([]),
  /** Suggestions staff judged not personal, each with a reason (audited). */
  dismissals: z.array(DismissalSchema).max(200).optional(),
  /** Record although detected personal information stays unmasked (audited). */
  override: OverrideReasonSchema.optional(),
  /** 收到日期 (Shanghai calendar date): the meeting's day or a letter's arrival; today when left out. */
  receivedOn: z.iso.date({ error: '请填写收到日期（YYYY-MM-DD）' }).optional(),
})

export const StaffEventOpinionSchema = z.object({
  id: z.number().int(),
  registrationId: z.number().int().nullable(),
  rawText: z.string(),
  publishedText: z.string(),
  /** The masks of rawText that made publishedText (as recorded): correcting the record starts from them. */
  masks: z.array(MaskSchema),
  answer: PublicAnswerSchema.nullable(),
  /** When the opinion was received; an answer cannot be dated earlier. */
  receivedAt: InstantSchema,
  createdAt: InstantSchema,
})
export type StaffEventOpinion = z.infer<typeof StaffEventOpinionSchema>
