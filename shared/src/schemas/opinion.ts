// Wire shapes of opinions: submitting online or offline, receipts, answers, feedback reports, moderation, groups and the staff opinion lists and exports.
import { z } from 'zod'
import { adoptionNeedsReason, adoptions, OPINION_MAX_CHARS, OPINION_MIN_CHARS } from '../rules/opinion'
import { DepartmentSchema, IdNumberSchema, IdSchema, InstantSchema, longText, PageQueryFields, paginated, plainText } from './common'
import { DismissalSchema, FieldDismissalSchema, MaskSchema, OverrideReasonSchema, PersonalInfoKindSchema } from './personalInfo'

export * from './personalInfo'

export const AdoptionSchema = z.enum(adoptions)
export const OpinionConsentSchema = z.enum(['PUBLISH_MASKED', 'PUBLISH_NAMED', 'PRIVATE'])
export type OpinionConsent = z.infer<typeof OpinionConsentSchema>
export const opinionConsentLabels: Record<OpinionConsent, string> = {
  PUBLISH_MASKED: '公开（隐去个人信息）',
  PUBLISH_NAMED: '公开并署名',
  PRIVATE: '不公开',
}
export const OpinionStateSchema = z.enum(['SUBMITTED', 'ACCEPTED', 'ANSWERED'])

/** How an opinion was received: online in the app, or offline and entered by staff. */
export const opinionChannels = ['ONLINE', 'PHONE', 'LETTER', 'EMAIL', 'SYMPOSIUM', 'HEARING', 'SURVEY'] as const
export const OpinionChannelSchema = z.enum(opinionChannels)
export type OpinionChannel = z.infer<typeof OpinionChannelSchema>
export const opinionChannelLabels: Record<OpinionChannel, string> = {
  ONLINE: '线上',
  PHONE: '电话',
  LETTER: '信函',
  EMAIL: '电子邮件',
  SYMPOSIUM: '座谈会',
  HEARING: '听证会',
  SURVEY: '问卷',
}
export const offlineOpinionChannels = opinionChannels.filter((c): c is Exclude<OpinionChannel, 'ONLINE'> => c !== 'ONLINE')
export const OfflineChannelSchema = z.enum(offlineOpinionChannels, { error: '请选择意见的收集渠道' })
export const ModerationSchema = z.enum(['PENDING', 'APPROVED', 'HIDDEN'])

const codePoints = (s: string) => [...s].length

export const SubmitOpinionBodySchema = z
  .strictObject({
    /** A clause of the current draft version; omitted for an opinion on the whole draft. */
    sectionId: IdNumberSchema.nullable().optional(),
    text: longText('请填写意见内容')
      .refine((t) => codePoints(t) >= OPINION_MIN_CHARS, `意见内容至少 ${OPINION_MIN_CHARS} 个字`)
      .refine((t) => codePoints(t) <= OPINION_MAX_CHARS, `意见内容最多 ${OPINION_MAX_CHARS} 个字`),
    consent: OpinionConsentSchema,
    authorName: plainText().min(1, '请填写署名').max(20, '署名最多 20 个字').optional(),
    contactPhone: plainText()
      .regex(/^1[3-9]\d{9}$/, '请填写 11 位手机号码')
      .optional(),
    /** Generated once per form by the client; a retried submit with the same key returns the first receipt. */
    idempotencyKey: plainText('缺少或无效的提交编号').regex(/^[A-Za-z0-9_-]{8,64}$/, '缺少或无效的提交编号'),
  })
  .refine((b) => b.consent !== 'PUBLISH_NAMED' || !!b.authorName, { path: ['authorName'], message: '选择署名公开时请填写署名' })
export type SubmitOpinionBody = z.infer<typeof SubmitOpinionBodySchema>

/**
 * An opinion received offline, entered by staff. It then goes through the same moderation (masking)
 * and answer flow as one submitted online. A contact phone is kept only when the person agreed to it.
 */
export const OfflineOpinionBodySchema = z
  .strictObject({
    channel: OfflineChannelSchema,
    /** 收到日期 (Shanghai calendar date): not later than today, within the consultation's window. */
    receivedOn: z.iso.date({ error: '请填写收到日期（YYYY-MM-DD）' }),
    sectionId: IdNumberSchema.nullable().optional(),
    text: longText('请填写意见内容')
      .refine((t) => codePoints(t) >= OPINION_MIN_CHARS, `意见内容至少 ${OPINION_MIN_CHARS} 个字`)
      .refine((t) => codePoints(t) <= OPINION_MAX_CHARS, `意见内容最多 ${OPINION_MAX_CHARS} 个字`),
    consent: OpinionConsentSchema.default('PUBLISH_MASKED'),
    authorName: plainText().min(1, '请填写署名').max(20, '署名最多 20 个字').optional(),
    /** Mobile or landline (with area code). */
    contactPhone: plainText()
      .regex(/^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/, '请填写 11 位手机号码或带区号的固定电话')
      .optional(),
    /** The person agreed that their contact be kept (for the answer only, never published). */
    contactConsent: z.boolean().optional(),
  })
  .refine((b) => b.consent !== 'PUBLISH_NAMED' || !!b.authorName, { path: ['authorName'], message: '选择署名公开时请填写署名' })
  .refine((b) => !b.contactPhone || b.contactConsent === true, { path: ['contactConsent'], message: '留存联系方式须经本人同意，请确认已征得同意' })
export type OfflineOpinionBody = z.infer<typeof OfflineOpinionBodySchema>
export const OpinionReceiptSchema = z.object({
  id: z.number().int(),
  receiptCode: z.string(),
  state: OpinionStateSchema,
  createdAt: InstantSchema,
  /** True when the content was held for a human check before it can be published. */
  heldForReview: z.boolean(),
})
export type OpinionReceipt = z.infer<typeof OpinionReceiptSchema>

export const PublicAnswerSchema = z.object({
  adoption: AdoptionSchema,
  reason: z.string().nullable(),
  content: z.string(),
  department: DepartmentSchema,
  repliedAt: InstantSchema,
})
export type PublicAnswer = z.infer<typeof PublicAnswerSchema>

export const MyOpinionSchema = z.object({
  id: z.number().int(),
  receiptCode: z.string(),
  consultation: z.object({ id: z.number().int(), title: z.string() }),
  section: z.object({ id: z.number().int(), heading: z.string() }).nullable(),
  /** The draft version (第 N 稿) the opinion was made on. */
  draftVersion: z.number().int(),
  text: z.string(),
  consent: OpinionConsentSchema,
  state: OpinionStateSchema,
  createdAt: InstantSchema,
  /** The concentrated-opinion group it joined, once feedback is published. */
  group: z.object({ title: z.string() }).nullable(),
  answer: PublicAnswerSchema.nullable(),
})
export type MyOpinion = z.infer<typeof MyOpinionSchema>
export const MyOpinionListSchema = paginated(MyOpinionSchema)

export const FeedbackReportSchema = z.object({
  collected: z.number().int(),
  valid: z.number().int(),
  adopted: z.number().int(),
  partiallyAdopted: z.number().int(),
  notAdopted: z.number().int(),
  explained: z.number().int(),
  /** Collected and valid opinions per channel (线上 always listed, offline channels when any). */
  channels: z.array(z.object({ channel: OpinionChannelSchema, collected: z.number().int(), valid: z.number().int() })),
})
export type FeedbackReport = z.infer<typeof FeedbackReportSchema>

export const PublishedGroupSchema = z.object({
  id: z.number().int(),
  title: z.string(),
  opinionCount: z.number().int(),
  answer: PublicAnswerSchema,
})

export const PublishedOpinionSchema = z.object({
  id: z.number().int(),
  /** Masked text; null when the author chose not to publish it. */
  text: z.string().nullable(),
  authorName: z.string().nullable(),
  section: z.object({ id: z.number().int(), heading: z.string() }).nullable(),
  /** The draft version (第 N 稿) the opinion was made on. */
  draftVersion: z.number().int(),
  channel: OpinionChannelSchema,
  receivedAt: InstantSchema,
  groupTitle: z.string().nullable(),
  answer: PublicAnswerSchema,
})
export type PublishedOpinion = z.infer<typeof PublishedOpinionSchema>

export const FeedbackSchema = z.object({
  consultationId: z.number().int(),
  title: z.string(),
  publishedAt: InstantSchema,
  report: FeedbackReportSchema,
  definitions: z.record(AdoptionSchema, z.string()),
  groups: z.array(PublishedGroupSchema),
  opinions: z.array(PublishedOpinionSchema),
})
export type Feedback = z.infer<typeof FeedbackSchema>

// —— staff side ——
/**
 * Approving publishes the raw text with `masks` applied. The server refuses (PERSONAL_INFO_UNMASKED)
 * while a detected span is neither masked nor dismissed, unless `override` gives a reason.
 */
/**
 * The moderation the form was opened on: when the opinion has been moderated since (another reviewer, a stale
 * 待审核 list), the server refuses (OPINION_MODERATION_CHANGED) instead of replacing that moderation and its masks.
 */
const moderationFrom = { from: ModerationSchema.optional() }
export const ModerationBodySchema = z.discriminatedUnion('decision', [
  z.strictObject({
    decision: z.literal('APPROVE'),
    masks: z.array(MaskSchema).max(200),
    dismissals: z.array(DismissalSchema).max(200).optional(),
    override: OverrideReasonSchema.optional(),
    ...moderationFrom,
  }),
  z.strictObject({
    decision: z.literal('HIDE'),
    reason: longText('请填写不予公开的理由').min(2, '请填写不予公开的理由').max(200, '理由最多 200 个字'),
    ...moderationFrom,
  }),
])

const answerFields = {
  adoption: AdoptionSchema,
  reason: longText().max(2000, '理由最多 2000 个字').nullable().optional(),
  content: longText('请填写答复内容').min(2, '请填写答复内容').max(5000, '答复内容最多 5000 个字'),
  departmentId: IdSchema,
  /** 答复日期, Shanghai calendar date */
  repliedOn: z.iso.date({ error: '请填写答复日期（YYYY-MM-DD）' }),
  /** Suggestions in `content` (or `reason`, with field: 'reason') that are not personal information. */
  dismissals: z.array(FieldDismissalSchema).max(50).optional(),
  /** Publish although the answer still shows personal information (audited). */
  override: OverrideReasonSchema.optional(),
}
/** A reason is mandatory for 部分采纳 and 不予采纳 (the database enforces the same). */
const reasonRule = <T extends { adoption: (typeof adoptions)[number]; reason?: string | null }>(b: T) => !adoptionNeedsReason(b.adoption) || !!b.reason?.trim()
export const AnswerBodySchema = z.strictObject(answerFields).refine(reasonRule, { path: ['reason'], message: '部分采纳或不予采纳须说明理由' })
export type AnswerBody = z.infer<typeof AnswerBodySchema>

export const GroupBodySchema = z.strictObject({
  title: plainText('请填写集中意见的概括').min(2, '请填写集中意见的概括').max(200, '概括最多 200 个字'),
  opinionIds: z.array(IdNumberSchema).min(1, '至少选择一条意见').max(2000),
  /** The title is published with the feedback: suggestions in it that are not personal information, or an override. */
  dismissals: z.array(FieldDismissalSchema).max(20).optional(),
  override: OverrideReasonSchema.optional(),
})

/**
 * Publishing the feedback re-checks every approved opinion's published text with the current detector:
 * refused with PERSONAL_INFO_UNMASKED (details.spans with opinionId) unless `override` gives a reason (audited).
 */
export const PublishFeedbackBodySchema = z.strictObject({ override: OverrideReasonSchema.optional() }).optional()
export type PublishFeedbackBody = z.infer<typeof PublishFeedbackBodySchema>

export const StaffAnswerSchema = PublicAnswerSchema.extend({ revisions: z.number().int() })

export const StaffOpinionSchema = z.object({
  id: z.number().int(),
  receiptCode: z.string(),
  section: z.object({ id: z.number().int(), heading: z.string() }).nullable(),
  rawText: z.string(),
  publishedText: z.string().nullable(),
  suggestedMasks: z.array(z.object({ kind: PersonalInfoKindSchema, start: z.number().int(), end: z.number().int(), text: z.string() })),
  /** The masks of rawText that made publishedText (as approved; none while pending or hidden): moderating again starts from them. */
  masks: z.array(MaskSchema),
  consent: OpinionConsentSchema,
  authorName: z.string().nullable(),
  contactPhone: z.string().nullable(),
  secCheckSuggest: z.string().nullable(),
  moderation: ModerationSchema,
  hiddenReason: z.string().nullable(),
  channel: OpinionChannelSchema,
  /** When it was received (an offline opinion's 收到日期); the reply deadline counts from it. */
  receivedAt: InstantSchema,
  createdAt: InstantSchema,
  replyDeadline: InstantSchema,
  /** The deadline runs through a year without an official holiday arrangement: counted by weekends only. */
  deadlineEstimated: z.boolean(),
  overdue: z.boolean(),
  group: z.object({ id: z.number().int(), title: z.string() }).nullable(),
  answer: StaffAnswerSchema.nullable(),
})
export type StaffOpinion = z.infer<typeof StaffOpinionSchema>
export const StaffOpinionListSchema = paginated(StaffOpinionSchema)
export const StaffOpinionListQuerySchema = z.strictObject({
  moderation: ModerationSchema.optional(),
  unanswered: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  ...PageQueryFields,
})

export const GroupSuggestionSchema = z.object({ opinionIds: z.array(z.number().int()), score: z.number(), keywords: z.array(z.string()) })
export const GroupSchema = z.object({
  id: z.number().int(),
  title: z.string(),
  opinionIds: z.array(z.number().int()),
  answer: StaffAnswerSchema.omit({ revisions: true }).nullable(),
})

export const OverdueOpinionSchema = z.object({
  id: z.number().int(),
  receiptCode: z.string(),
  consultation: z.object({ id: z.number().int(), title: z.string() }),
  createdAt: InstantSchema,
  replyDeadline: InstantSchema,
  /** Counted by weekends only through a year without an official holiday arrangement. */
  deadlineEstimated: z.boolean(),
})

export const ExportQuerySchema = z.strictObject({ format: z.enum(['csv', 'xlsx']).default('csv') })
