// Wire shapes of consultations (意见征集): public list and detail, the list query, and the staff side (drafts, revisions, window changes, the staff list).
import { z } from 'zod'
import { DepartmentSchema, IdSchema, InstantSchema, KeywordSchema, longText, PageQueryFields, paginated, plainText } from './common'

export const ConsultationStatusSchema = z.enum(['upcoming', 'open', 'closed'])

export const ConsultationSummarySchema = z.object({
  id: z.number().int(),
  title: z.string(),
  summary: z.string(),
  department: DepartmentSchema,
  decisionId: z.number().int().nullable(),
  opensAt: InstantSchema,
  closesAt: InstantSchema,
  status: ConsultationStatusSchema,
  daysLeft: z.number().int(),
  opinionCount: z.number().int(),
  feedbackPublished: z.boolean(),
})
export type ConsultationSummary = z.infer<typeof ConsultationSummarySchema>

export const DraftSectionSchema = z.object({
  id: z.number().int(),
  position: z.number().int(),
  heading: z.string(),
  body: z.string(),
})
export type DraftSection = z.infer<typeof DraftSectionSchema>

/** Extending or closing early is recorded with a reason and shown publicly. */
export const WindowChangeSchema = z.object({
  kind: z.enum(['EXTENDED', 'CLOSED_EARLY']),
  previousClosesAt: InstantSchema,
  closesAt: InstantSchema,
  reason: z.string(),
  at: InstantSchema,
})

export const ConsultationDetailSchema = ConsultationSummarySchema.extend({
  explanation: z.string(),
  background: z.string(),
  isMajorDecision: z.boolean(),
  shortWindowReason: z.string().nullable(),
  draftVersion: z.number().int(),
  /** What changed in the current version, when the draft was revised. */
  versionNote: z.string().nullable(),
  sections: z.array(DraftSectionSchema),
  windowChanges: z.array(WindowChangeSchema),
})
export type ConsultationDetail = z.infer<typeof ConsultationDetailSchema>

/** One published version of a draft (第 N 稿): when, and what changed in it. */
export const DraftVersionSummarySchema = z.object({
  version: z.number().int(),
  note: z.string(),
  publishedAt: InstantSchema,
  clauseCount: z.number().int(),
})
export const DraftVersionListSchema = z.object({ current: z.number().int(), versions: z.array(DraftVersionSummarySchema) })
export type DraftVersionList = z.infer<typeof DraftVersionListSchema>

export const DraftCompareQuerySchema = z.strictObject({
  from: IdSchema,
  to: IdSchema,
})

/** A run of text in a changed clause: kept, added in the later version, or removed from the earlier one. */
export const TextChangeSchema = z.object({ op: z.enum(['same', 'added', 'removed']), text: z.string() })
export type TextChange = z.infer<typeof TextChangeSchema>
const ClauseTextSchema = z.object({ position: z.number().int(), heading: z.string(), body: z.string() })
/** One clause of the comparison: in both versions unchanged or changed, only in the later one (added) or only in the earlier one (removed). */
export const ClauseChangeSchema = z.object({
  kind: z.enum(['unchanged', 'changed', 'added', 'removed']),
  before: ClauseTextSchema.nullable(),
  after: ClauseTextSchema.nullable(),
  /** For a changed clause: its text (heading and body) as runs kept, added and removed. */
  segments: z.array(TextChangeSchema),
})
export type ClauseChange = z.infer<typeof ClauseChangeSchema>
export const DraftComparisonSchema = z.object({
  from: DraftVersionSummarySchema,
  to: DraftVersionSummarySchema,
  counts: z.object({ added: z.number().int(), removed: z.number().int(), changed: z.number().int(), unchanged: z.number().int() }),
  changes: z.array(ClauseChangeSchema),
})
export type DraftComparison = z.infer<typeof DraftComparisonSchema>

export const ConsultationListQuerySchema = z.strictObject({
  status: ConsultationStatusSchema.optional(),
  departmentId: IdSchema.optional(),
  q: KeywordSchema,
  ...PageQueryFields,
})
export type ConsultationListQuery = z.input<typeof ConsultationListQuerySchema>

export const ConsultationListSchema = paginated(ConsultationSummarySchema)
export type ConsultationList = z.infer<typeof ConsultationListSchema>

// —— staff side: drafting, revisions, window changes and the staff list ——
const SectionInputSchema = z.strictObject({
  heading: plainText('请填写条款标题').min(1, '请填写条款标题').max(100, '条款标题最多 100 个字'),
  body: longText('请填写条款内容').min(1, '请填写条款内容').max(5000, '条款内容最多 5000 个字'),
})

export const ConsultationDraftBodySchema = z
  .strictObject({
    title: plainText('请填写标题').min(5, '标题至少 5 个字').max(200, '标题最多 200 个字'),
    summary: longText('请填写摘要').min(1, '请填写摘要').max(500, '摘要最多 500 个字'),
    explanation: longText().max(10_000, '起草说明最多 10000 个字').default(''),
    background: longText().max(10_000, '依据与背景最多 10000 个字').default(''),
    departmentId: IdSchema,
    decisionId: IdSchema.nullable().optional(),
    /** Only for a consultation not linked to the catalog: one linked to a catalog decision is major by definition. */
    isMajorDecision: z.boolean().default(false),
    opensAt: InstantSchema,
    closesAt: InstantSchema,
    shortWindowReason: longText().min(5, '理由至少 5 个字').max(500, '理由最多 500 个字').nullable().optional(),
    sections: z.array(SectionInputSchema).min(1, '草案至少包含一个条款').max(300),
  })
  .refine((b) => new Date(b.closesAt) > new Date(b.opensAt), { path: ['closesAt'], message: '截止时间必须晚于开始时间' })
export type ConsultationDraftBody = z.infer<typeof ConsultationDraftBodySchema>

export const RevisionBodySchema = z.strictObject({
  note: longText('请说明修订内容').min(2, '请说明修订内容').max(500, '修订说明最多 500 个字'),
  sections: z.array(SectionInputSchema).min(1).max(300),
})

export const WindowChangeBodySchema = z.strictObject({
  closesAt: InstantSchema,
  reason: longText('请说明理由（至少 5 个字）').min(5, '请说明理由（至少 5 个字）').max(500, '理由最多 500 个字'),
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
