import { z } from 'zod'
import { adoptionNeedsReason, adoptions, OPINION_MAX_CHARS, OPINION_MIN_CHARS } from '../rules/opinion'
import { DepartmentSchema, IdSchema, InstantSchema, PageQueryFields, paginated } from './common'
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
export const ModerationSchema = z.enum(['PENDING', 'APPROVED', 'HIDDEN'])

const codePoints = (s: string) => [...s].length

export const SubmitOpinionBodySchema = z
  .strictObject({
    /** A clause of the current draft version; omitted for an opinion on the whole draft. */
    sectionId: z.number().int().positive().nullable().optional(),
    text: z
      .string({ error: '请填写意见内容' })
      .trim()
      .refine((t) => codePoints(t) >= OPINION_MIN_CHARS, `意见内容至少 ${OPINION_MIN_CHARS} 个字`)
      .refine((t) => codePoints(t) <= OPINION_MAX_CHARS, `意见内容最多 ${OPINION_MAX_CHARS} 个字`),
    consent: OpinionConsentSchema,
    authorName: z.string().trim().min(1).max(20, '署名最多 20 个字').optional(),
    contactPhone: z
      .string()
      .trim()
      .regex(/^1[3-9]\d{9}$/, '请填写 11 位手机号码')
      .optional(),
    /** Generated once per form by the client; a retried submit with the same key returns the first receipt. */
    idempotencyKey: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, '缺少或无效的提交编号'),
  })
  .refine((b) => b.consent !== 'PUBLISH_NAMED' || !!b.authorName, { path: ['authorName'], message: '选择署名公开时请填写署名' })
export type SubmitOpinionBody = z.infer<typeof SubmitOpinionBodySchema>

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
const SectionInputSchema = z.strictObject({
  heading: z.string().trim().min(1, '请填写条款标题').max(100),
  body: z.string().trim().min(1, '请填写条款内容').max(5000),
})

export const ConsultationDraftBodySchema = z
  .strictObject({
    title: z.string().trim().min(5, '标题至少 5 个字').max(200),
    summary: z.string().trim().min(1, '请填写摘要').max(500),
    explanation: z.string().trim().max(10_000).default(''),
    background: z.string().trim().max(10_000).default(''),
    departmentId: IdSchema,
    decisionId: IdSchema.nullable().optional(),
    /** Only for a consultation not linked to the catalog: one linked to a catalog decision is major by definition. */
    isMajorDecision: z.boolean().default(false),
    opensAt: InstantSchema,
    closesAt: InstantSchema,
    shortWindowReason: z.string().trim().min(5, '理由至少 5 个字').max(500).nullable().optional(),
    sections: z.array(SectionInputSchema).min(1, '草案至少包含一个条款').max(300),
  })
  .refine((b) => new Date(b.closesAt) > new Date(b.opensAt), { path: ['closesAt'], message: '截止时间必须晚于开始时间' })
export type ConsultationDraftBody = z.infer<typeof ConsultationDraftBodySchema>

export const RevisionBodySchema = z.strictObject({
  note: z.string().trim().min(2, '请说明修订内容').max(500),
  sections: z.array(SectionInputSchema).min(1).max(300),
})

export const WindowChangeBodySchema = z.strictObject({
  closesAt: InstantSchema,
  reason: z.string().trim().min(5, '请说明理由（至少 5 个字）').max(500),
})

/**
 * Approving publishes the raw text with `masks` applied. The server refuses (PERSONAL_INFO_UNMASKED)
 * while a detected span is neither masked nor dismissed, unless `override` gives a reason.
 */
export const ModerationBodySchema = z.discriminatedUnion('decision', [
  z.strictObject({
    decision: z.literal('APPROVE'),
    masks: z.array(MaskSchema).max(200),
    dismissals: z.array(DismissalSchema).max(200).optional(),
    override: OverrideReasonSchema.optional(),
  }),
  z.strictObject({ decision: z.literal('HIDE'), reason: z.string().trim().min(2, '请填写不予公开的理由').max(200) }),
])

const answerFields = {
  adoption: AdoptionSchema,
  reason: z.string().trim().max(2000).nullable().optional(),
  content: z.string().trim().min(2, '请填写答复内容').max(5000),
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
  title: z.string().trim().min(2, '请填写集中意见的概括').max(200),
  opinionIds: z.array(z.number().int().positive()).min(1, '至少选择一条意见').max(2000),
  /** The title is published with the feedback: suggestions in it that are not personal information, or an override. */
  dismissals: z.array(FieldDismissalSchema).max(20).optional(),
  override: OverrideReasonSchema.optional(),
})

/**
 * Publishing the feedback re-checks every approved opinion's published text with the current detector:
 * refused with PERSONAL_INFO_UNMASKED (details.spans with opinionId) unless `override` gives a reason (audited).
 */
export const PublishFeedbackBodySchema = z
  .strictObject({ override: OverrideReasonSchema.optional() })
  .optional()
export type PublishFeedbackBody = z.infer<typeof PublishFeedbackBodySchema>

export const StaffAnswerSchema = PublicAnswerSchema.extend({ revisions: z.number().int() })

export const StaffOpinionSchema = z.object({
  id: z.number().int(),
  receiptCode: z.string(),
  section: z.object({ id: z.number().int(), heading: z.string() }).nullable(),
  rawText: z.string(),
  publishedText: z.string().nullable(),
  suggestedMasks: z.array(z.object({ kind: PersonalInfoKindSchema, start: z.number().int(), end: z.number().int(), text: z.string() })),
  consent: OpinionConsentSchema,
  authorName: z.string().nullable(),
  contactPhone: z.string().nullable(),
  secCheckSuggest: z.string().nullable(),
  moderation: ModerationSchema,
  hiddenReason: z.string().nullable(),
  createdAt: InstantSchema,
  replyDeadline: InstantSchema,
  overdue: z.boolean(),
  group: z.object({ id: z.number().int(), title: z.string() }).nullable(),
  answer: StaffAnswerSchema.nullable(),
})
export type StaffOpinion = z.infer<typeof StaffOpinionSchema>
export const StaffOpinionListSchema = paginated(StaffOpinionSchema)
export const StaffOpinionListQuerySchema = z.strictObject({
  moderation: ModerationSchema.optional(),
  unanswered: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  ...PageQueryFields,
})

export const StaffConsultationSchema = z.object({
  id: z.number().int(),
  title: z.string(),
  department: DepartmentSchema,
  opensAt: InstantSchema,
  closesAt: InstantSchema,
  status: z.enum(['upcoming', 'open', 'closed']),
  published: z.boolean(),
  draftVersion: z.number().int(),
  feedbackPublished: z.boolean(),
  counts: z.object({ opinions: z.number().int(), pending: z.number().int(), unanswered: z.number().int() }),
})
export const StaffConsultationListSchema = z.array(StaffConsultationSchema)

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
})

export const ExportQuerySchema = z.strictObject({ format: z.enum(['csv', 'xlsx']).default('csv') })
