// Wire shapes of answer templates (答复模板): a department's reusable answer text with placeholders, and the staff body that writes one.
import { z } from 'zod'
import { answerTemplatePlaceholders, unknownPlaceholders } from '../rules/answerTemplate'
import { DepartmentSchema, IdNumberSchema, IdSchema, InstantSchema, longText, plainText } from './common'

export const AnswerTemplateSchema = z.object({
  id: z.number().int(),
  department: DepartmentSchema,
  title: z.string(),
  body: z.string(),
  updatedAt: InstantSchema,
})
export type AnswerTemplate = z.infer<typeof AnswerTemplateSchema>

const known = Object.keys(answerTemplatePlaceholders)
  .map((name) => `{{${name}}}`)
  .join('、')

export const AnswerTemplateBodySchema = z.strictObject({
  departmentId: IdNumberSchema,
  title: plainText().min(2, '模板名称至少 2 个字').max(40, '模板名称最多 40 个字'),
  body: longText()
    .min(10, '模板内容至少 10 个字')
    .max(2000, '模板内容最多 2000 字')
    .superRefine((body, ctx) => {
      const unknown = unknownPlaceholders(body)
      if (unknown.length > 0) ctx.addIssue({ code: 'custom', message: `未知的占位符：${unknown.map((n) => `{{${n}}}`).join('、')}；可用：${known}` })
    }),
})
export type AnswerTemplateBody = z.infer<typeof AnswerTemplateBodySchema>

export const AnswerTemplateListQuerySchema = z.strictObject({
  departmentId: IdSchema.optional(),
})
