// Wire shapes of policy documents, their interpretations, validity changes and citizens' policy questions (政策咨询), public and staff side.
import { z } from 'zod'
import { DepartmentSchema, IdNumberSchema, InstantSchema, KeywordSchema, longText, PageQueryFields, paginated, plainText } from './common'
import { ContentStatusSchema, PolicyValiditySchema, QaItemSchema, RichTextSchema } from './qa'
import { FieldDismissalSchema, OverrideReasonSchema } from './personalInfo'

// —— policy documents ————————————————————————————————————————————————————————————————————

export const InterpretationKindSchema = z.enum(['TEXT', 'GRAPHIC', 'QA'])
export type InterpretationKind = z.infer<typeof InterpretationKindSchema>
export const interpretationKindLabels: Record<InterpretationKind, string> = { TEXT: '文字解读', GRAPHIC: '图文解读', QA: '问答式解读' }

/** A required text field: single-line by default, `longText` for paragraphs. */
const requiredText = (label: string, max: number, text: typeof plainText = plainText) =>
  text(`请填写${label}`).min(1, `请填写${label}`).max(max, `${label}最多 ${max} 个字`)

/** A calendar date in Asia/Shanghai, e.g. "2026-12-01". */
export const CalendarDateSchema = z.iso.date({ error: '日期格式应为 YYYY-MM-DD' })

const DocRefSchema = z.object({ id: z.number().int(), title: z.string(), docNumber: z.string() })

export const PolicySummarySchema = z.object({
  id: z.number().int(),
  title: z.string(),
  issuer: z.string(),
  docNumber: z.string(),
  writtenAt: InstantSchema,
  publishedAt: InstantSchema,
  validity: PolicyValiditySchema,
  validityChangedAt: InstantSchema.nullable(),
  summary: z.string(),
  topic: z.string().nullable(),
})
export type PolicySummary = z.infer<typeof PolicySummarySchema>

export const PolicyListQuerySchema = z.strictObject({
  q: KeywordSchema,
  validity: PolicyValiditySchema.optional(),
  topic: KeywordSchema,
  ...PageQueryFields,
})
export const PolicyListSchema = paginated(PolicySummarySchema)

export const PolicySectionSchema = z.object({ id: z.number().int(), position: z.number().int(), heading: z.string(), body: z.string() })
export const PolicyAttachmentSchema = z.object({ title: z.string(), url: z.string() })

export const InterpretationSummarySchema = z.object({
  id: z.number().int(),
  kind: InterpretationKindSchema,
  title: z.string(),
  author: z.string(),
  releasedAt: InstantSchema.nullable(),
})

export const PolicyDetailSchema = PolicySummarySchema.extend({
  /** The department whose name is the 发文机关, when there is one: citizens can follow it */
  issuerDepartment: DepartmentSchema.nullable(),
  validityNote: z.string().nullable(),
  replacedBy: DocRefSchema.nullable(),
  replaces: z.array(DocRefSchema),
  sections: z.array(PolicySectionSchema),
  attachments: z.array(PolicyAttachmentSchema),
  interpretations: z.array(InterpretationSummarySchema),
  qaItems: z.array(QaItemSchema.pick({ id: true, question: true, topic: true, reviewNotice: true })),
})
export type PolicyDetail = z.infer<typeof PolicyDetailSchema>

export const StaffPolicySchema = PolicyDetailSchema.extend({
  status: ContentStatusSchema,
  releasedAt: InstantSchema.nullable(),
  interpretations: z.array(InterpretationSummarySchema.extend({ status: ContentStatusSchema })),
})
export type StaffPolicy = z.infer<typeof StaffPolicySchema>

export const StaffPolicyListQuerySchema = z.strictObject({
  status: ContentStatusSchema.optional(),
  q: KeywordSchema,
  ...PageQueryFields,
})
export const StaffPolicyListSchema = paginated(PolicySummarySchema.extend({ status: ContentStatusSchema }))

export const PolicyDraftBodySchema = z.strictObject({
  title: requiredText('标题', 200),
  issuer: requiredText('发文机关', 100),
  docNumber: requiredText('文号', 100),
  writtenOn: CalendarDateSchema,
  publishedOn: CalendarDateSchema,
  summary: longText().max(2_000, '摘要最多 2000 个字').default(''),
  topic: plainText().max(20, '主题最多 20 个字').nullable().default(null),
  sections: z
    .array(z.strictObject({ heading: requiredText('条款标题', 200), body: requiredText('条款内容', 20_000, longText) }))
    .max(500, '条款最多 500 条')
    .default([]),
  attachments: z
    .array(
      z.strictObject({
        title: requiredText('附件名称', 200),
        url: plainText('请填写附件链接')
          .max(500, '附件链接最多 500 个字符')
          .regex(/^https:\/\/[^\s<>"']+$/i, '附件链接须为 https 地址'),
      }),
    )
    .max(50)
    .default([]),
})
export type PolicyDraftBody = z.infer<typeof PolicyDraftBodySchema>

/** 修改 / 废止 / 失效 (or back to 有效): the effective date, and for 修改 or a replacement, the new document. */
export const PolicyValidityBodySchema = z.strictObject({
  validity: PolicyValiditySchema,
  effectiveOn: CalendarDateSchema,
  replacedById: IdNumberSchema.nullable().default(null),
  note: longText().max(500, '说明最多 500 个字').default(''),
})
export type PolicyValidityBody = z.infer<typeof PolicyValidityBodySchema>

export const PolicyValidityResultSchema = z.object({
  policy: StaffPolicySchema,
  /** Q&A items flagged for review because of this change. */
  flaggedQaItems: z.number().int(),
})

// —— interpretations ————————————————————————————————————————————————————————————————————

export const InterpretationBodySchema = z.strictObject({
  kind: InterpretationKindSchema,
  title: requiredText('标题', 200),
  author: plainText().max(100, '作者最多 100 个字').default(''),
  body: RichTextSchema,
})
export type InterpretationBody = z.infer<typeof InterpretationBodySchema>

export const InterpretationSchema = InterpretationSummarySchema.extend({
  body: RichTextSchema,
  document: DocRefSchema.extend({ validity: PolicyValiditySchema }),
})
export type Interpretation = z.infer<typeof InterpretationSchema>
export const StaffInterpretationSchema = InterpretationSchema.extend({ status: ContentStatusSchema })

// —— policy consultation (政策咨询) ——————————————————————————————————————————————————————————

/** Staff answer a citizen's policy question within this many working days. */
export const POLICY_QUESTION_REPLY_WORKING_DAYS = 5
/** A citizen may ask this many questions in any 24 hours. */
export const POLICY_QUESTION_DAILY_LIMIT = 5

export const PolicyQuestionStatusSchema = z.enum(['PENDING', 'ANSWERED', 'DECLINED'])
export type PolicyQuestionStatus = z.infer<typeof PolicyQuestionStatusSchema>
export const policyQuestionStatusLabels: Record<PolicyQuestionStatus, string> = { PENDING: '待答复', ANSWERED: '已答复', DECLINED: '不予答复' }

export const AskPolicyQuestionBodySchema = z.strictObject({
  text: requiredText('问题', 1_000, longText),
  topic: plainText().max(20, '主题最多 20 个字').optional(),
  policyDocumentId: IdNumberSchema.optional(),
  /** A client-made key: retrying the same submit returns the first receipt. */
  idempotencyKey: plainText('提交编号格式不正确').regex(/^[\w-]{8,64}$/, '提交编号格式不正确'),
})
export type AskPolicyQuestionBody = z.infer<typeof AskPolicyQuestionBodySchema>

export const MyPolicyQuestionSchema = z.object({
  id: z.number().int(),
  receiptCode: z.string(),
  text: z.string(),
  topic: z.string().nullable(),
  status: PolicyQuestionStatusSchema,
  createdAt: InstantSchema,
  dueAt: InstantSchema,
  answer: z.string().nullable(),
  declineReason: z.string().nullable(),
  department: DepartmentSchema.nullable(),
  answeredAt: InstantSchema.nullable(),
  /** Whether the content check held the question for a person to look at first. */
  heldForReview: z.boolean(),
})
export type MyPolicyQuestion = z.infer<typeof MyPolicyQuestionSchema>
export const MyPolicyQuestionListSchema = paginated(MyPolicyQuestionSchema)
export const MyPolicyQuestionListQuerySchema = z.strictObject({ ...PageQueryFields })

export const StaffPolicyQuestionSchema = MyPolicyQuestionSchema.extend({
  secCheckSuggest: z.string().nullable(),
  /** dueAt runs through a year without an official holiday arrangement: counted by weekends only. */
  dueAtEstimated: z.boolean(),
  overdue: z.boolean(),
  policy: DocRefSchema.nullable(),
  promotedItemId: z.number().int().nullable(),
})
export type StaffPolicyQuestion = z.infer<typeof StaffPolicyQuestionSchema>
export const StaffPolicyQuestionListQuerySchema = z.strictObject({
  status: PolicyQuestionStatusSchema.optional(),
  overdue: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  ...PageQueryFields,
})
export const StaffPolicyQuestionListSchema = paginated(StaffPolicyQuestionSchema)

export const AnswerPolicyQuestionBodySchema = z.discriminatedUnion('decision', [
  z.strictObject({ decision: z.literal('ANSWER'), answer: requiredText('答复', 5_000, longText), departmentId: IdNumberSchema }),
  z.strictObject({ decision: z.literal('DECLINE'), reason: requiredText('不予答复的理由', 500, longText) }),
])
export type AnswerPolicyQuestionBody = z.infer<typeof AnswerPolicyQuestionBodySchema>

/** One step from a good answer to a library item: staff may reword the question (no personal details). */
export const PromotePolicyQuestionBodySchema = z.strictObject({
  question: requiredText('问题', 300, longText),
  answer: requiredText('答案', 20_000, longText).optional(),
  topic: requiredText('主题', 20),
  policyDocumentId: IdNumberSchema.nullable().default(null),
  clauseId: IdNumberSchema.nullable().default(null),
  /** Suggestions in `question` (or `answer`, with field: 'answer') that are not personal information. */
  dismissals: z.array(FieldDismissalSchema).max(50).optional(),
  /** Publish although personal information was detected (audited). */
  override: OverrideReasonSchema.optional(),
})
