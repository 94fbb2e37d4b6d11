/** Lottery quotas: set on the event before signups open, public from then on, the only quotas a draw uses. */
import { z } from 'zod'
import { quotaChoices, quotaFieldLabels, quotaFields } from '../rules/lottery'
import { plainText } from './common'

/** One quota as published: up to `seats` of the seats go first to candidates whose `field` equals `value`. */
export const QuotaSchema = z.strictObject({
  field: z.enum(quotaFields),
  value: plainText('请填写配额条件').min(1, '请填写配额条件').max(20, '配额条件最多 20 个字'),
  seats: z.number({ error: '名额须为整数' }).int('名额须为整数').min(1, '名额至少 1 个').max(1000, '名额最多 1000 个'),
})
export type Quota = z.infer<typeof QuotaSchema>

/**
 * An event's quotas as staff set them, filled in this order: at most 20, each condition once, and for
 * 类别 / 年龄段 / 性别 only values the signup form offers (a quota nobody can match would be fixed in public).
 */
export const DrawQuotasSchema = z
  .array(QuotaSchema)
  .max(20, '配额最多 20 项')
  .superRefine((quotas, ctx) => {
    const seen = new Set<string>()
    quotas.forEach((q, i) => {
      const choices = quotaChoices[q.field]
      if (choices && !choices.includes(q.value)) {
        const message = q.field === 'category' ? '请选择报名类别' : `${quotaFieldLabels[q.field]}只能是：${choices.join('、')}`
        ctx.addIssue({ code: 'custom', path: [i, 'value'], message })
      }
      const key = `${q.field}\u0000${q.value}`
      if (seen.has(key)) ctx.addIssue({ code: 'custom', path: [i, 'value'], message: '同一条件的配额只能设一项' })
      seen.add(key)
    })
  })
