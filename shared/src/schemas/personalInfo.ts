// What staff send when they publish citizens' text: masks, dismissed suggestions and an override reason.
import { z } from 'zod'
import { personalInfoKinds } from '../rules/personalInfo'
import { longText } from './common'

export const PersonalInfoKindSchema = z.enum(personalInfoKinds)

/** A UTF-16 offset into the raw text; bounded so that hostile values never reach the masking code. */
const OffsetSchema = z.number({ error: '范围的位置须为数字' }).int('范围的位置须为整数').min(0, '范围的位置不能为负数').max(100_000, '范围超出原文')

const startBeforeEnd = { path: ['end'], message: '范围的结束位置须大于开始位置' }

/** A range of the raw text to mask; `kind` (as detected) picks the mask's form, none means a manual mask (【已隐去】). */
export const MaskSchema = z
  .strictObject({
    start: OffsetSchema,
    end: OffsetSchema,
    kind: PersonalInfoKindSchema.optional(),
  })
  .refine((m) => m.start < m.end, startBeforeEnd)
export type Mask = z.infer<typeof MaskSchema>

const DismissalReasonSchema = longText('请说明为何这不是需要隐去的个人信息').min(2, '请说明为何这不是需要隐去的个人信息').max(200, '理由最多 200 个字')

/** A detector suggestion staff judged wrong ("王府井大街" is a street, not a person): published as is, with the reason audited. */
export const DismissalSchema = z
  .strictObject({ start: OffsetSchema, end: OffsetSchema, reason: DismissalReasonSchema })
  .refine((d) => d.start < d.end, startBeforeEnd)
export type Dismissal = z.infer<typeof DismissalSchema>

/**
 * Publishing although personal information is still shown: the reviewer's reason, in Chinese,
 * written to the audit log with who, when, what and the kinds of information.
 */
export const OverrideReasonSchema = longText('请填写仍然公开的理由')
  .min(4, '请填写仍然公开的理由（至少 4 个字）')
  .max(500, '理由最多 500 个字')
  .refine((t) => /[\u4e00-\u9fff]/.test(t), '请用中文说明仍然公开的理由')

/** The fields of a staff-written text that are published (answers, promoted questions). */
export const PublishedFieldSchema = z.enum(['text', 'content', 'reason', 'question', 'answer', 'title', 'summary'])
export type PublishedField = z.infer<typeof PublishedFieldSchema>

/** A dismissal in a body with several published fields; `field` defaults to the main one. */
export const FieldDismissalSchema = z
  .strictObject({ field: PublishedFieldSchema.optional(), start: OffsetSchema, end: OffsetSchema, reason: DismissalReasonSchema })
  .refine((d) => d.start < d.end, startBeforeEnd)
export type FieldDismissal = z.infer<typeof FieldDismissalSchema>

/** `details.spans` of PERSONAL_INFO_UNMASKED: what would still be published, per field. */
export const UnmaskedSpanSchema = z.object({
  /** At feedback publication: the opinion whose published text still shows it. */
  opinionId: z.number().int().optional(),
  field: PublishedFieldSchema,
  kind: PersonalInfoKindSchema,
  label: z.string(),
  start: z.number().int(),
  end: z.number().int(),
  text: z.string(),
})
export type UnmaskedSpan = z.infer<typeof UnmaskedSpanSchema>
