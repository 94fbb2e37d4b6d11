// Wire shapes of public consultations (意见征集): list and detail, draft sections, window changes and the list query.
import { z } from 'zod'
import { DepartmentSchema, IdSchema, InstantSchema, KeywordSchema, PageQueryFields, paginated } from './common'

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

export const ConsultationListQuerySchema = z.strictObject({
  status: ConsultationStatusSchema.optional(),
  departmentId: IdSchema.optional(),
  q: KeywordSchema,
  ...PageQueryFields,
})
export type ConsultationListQuery = z.input<typeof ConsultationListQuerySchema>

export const ConsultationListSchema = paginated(ConsultationSummarySchema)
export type ConsultationList = z.infer<typeof ConsultationListSchema>
