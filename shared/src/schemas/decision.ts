import { z } from 'zod'
import { decisionStageKinds } from '../rules/decisionStage'
import { DepartmentSchema, InstantSchema } from './common'

export const DecisionStageKindSchema = z.enum(decisionStageKinds)

export const DecisionStageSchema = z.object({
  kind: DecisionStageKindSchema,
  startsAt: InstantSchema.nullable(),
  endsAt: InstantSchema.nullable(),
  summary: z.string(),
  link: z.string().nullable(),
})
export type DecisionStage = z.infer<typeof DecisionStageSchema>

export const DecisionSummarySchema = z.object({
  id: z.number().int(),
  year: z.number().int(),
  title: z.string(),
  summary: z.string(),
  department: DepartmentSchema,
  plannedDecisionAt: z.string(),
  participationMethods: z.array(z.string()),
  currentStage: DecisionStageKindSchema.nullable(),
})
export type DecisionSummary = z.infer<typeof DecisionSummarySchema>

export const DecisionDetailSchema = DecisionSummarySchema.extend({
  stages: z.array(DecisionStageSchema),
  consultations: z.array(z.object({ id: z.number().int(), title: z.string() })),
  events: z.array(z.object({ id: z.number().int(), title: z.string() })),
})
export type DecisionDetail = z.infer<typeof DecisionDetailSchema>

export const DecisionListQuerySchema = z.strictObject({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
})
export type DecisionListQuery = z.infer<typeof DecisionListQuerySchema>
