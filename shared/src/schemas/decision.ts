// Wire shapes of the major-decision catalogue: entries with their stages, the list query, and the staff body that replaces an entry.
import { z } from 'zod'
import { decisionStageKinds } from '../rules/decisionStage'
import { DepartmentSchema, IdSchema, InstantSchema, longText, plainText, wholeNumber } from './common'

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

/** An entry as staff see it: `publishedAt` null while it is a draft (no public read shows it). */
export const StaffDecisionSummarySchema = DecisionSummarySchema.extend({ publishedAt: InstantSchema.nullable() })
export type StaffDecisionSummary = z.infer<typeof StaffDecisionSummarySchema>
export const StaffDecisionDetailSchema = DecisionDetailSchema.extend({ publishedAt: InstantSchema.nullable() })
export type StaffDecisionDetail = z.infer<typeof StaffDecisionDetailSchema>

export const DecisionListQuerySchema = z.strictObject({
  year: wholeNumber('年度须为整数').pipe(z.number().min(2000, '年度不正确').max(2100, '年度不正确')).optional(),
})
export type DecisionListQuery = z.infer<typeof DecisionListQuerySchema>

// —— staff side ——
/** An in-app page (`/packages/...`) or a web address (`https://...`): nothing a browser would run. */
const StageLinkSchema = plainText()
  .max(500, '链接最多 500 个字符')
  .refine((link) => /^\/(?!\/)\S*$/.test(link) || /^https:\/\/\S+$/.test(link), '链接须为小程序内页面（以 / 开头）或 https:// 网址')

export const DecisionStageInputSchema = z
  .strictObject({
    kind: DecisionStageKindSchema,
    startsAt: InstantSchema.nullable().default(null),
    endsAt: InstantSchema.nullable().default(null),
    summary: longText().max(500, '阶段说明最多 500 字').default(''),
    link: StageLinkSchema.nullable().default(null),
  })
  .refine((s) => !s.startsAt || !s.endsAt || new Date(s.endsAt) >= new Date(s.startsAt), { path: ['endsAt'], message: '结束时间不能早于开始时间' })
export type DecisionStageInput = z.infer<typeof DecisionStageInputSchema>

/** 决策事项目录中的一项，连同各阶段（整体替换）。 */
export const DecisionBodySchema = z
  .strictObject({
    year: z.number({ error: '请填写年度' }).int().min(2000, '年度不正确').max(2100, '年度不正确'),
    title: plainText().min(5, '事项名称至少 5 个字').max(200, '事项名称最多 200 字'),
    summary: longText().min(1, '请填写事项简介').max(2000, '事项简介最多 2000 字'),
    departmentId: IdSchema,
    plannedDecisionAt: plainText().min(2, '请填写计划决策时间，如“2026年第四季度”').max(40),
    participationMethods: z.array(plainText().min(1, '请填写参与方式').max(20, '每种参与方式最多 20 字')).max(10, '参与方式最多 10 种').default([]),
    stages: z.array(DecisionStageInputSchema).max(decisionStageKinds.length).default([]),
  })
  .superRefine((body, ctx) => {
    const seen = new Set<string>()
    body.stages.forEach((stage, index) => {
      if (seen.has(stage.kind)) ctx.addIssue({ code: 'custom', path: ['stages', index, 'kind'], message: '同一阶段只能填写一次' })
      seen.add(stage.kind)
    })
  })
export type DecisionBody = z.infer<typeof DecisionBodySchema>
