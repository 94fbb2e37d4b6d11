/** Lottery quota rows as staff type them on the event form, and the wording every page uses for a quota. */
import { type AttendeeCategory, attendeeCategoryLabels, type Quota, type QuotaField, quotaFieldLabels } from '@gm/shared'

/** One row of the quota editor: the seats are text until the form is checked. */
export interface QuotaDraft {
  key: number
  field: QuotaField
  value: string
  seats: string
}

let nextKey = 1
export const newQuotaDraft = (field: QuotaField = 'region'): QuotaDraft => ({ key: nextKey++, field, value: '', seats: '1' })
export const quotaDraftOf = (q: Quota): QuotaDraft => ({ key: nextKey++, field: q.field, value: q.value, seats: String(q.seats) })

/** The rows as the contract wants them (checked by DrawQuotasSchema in EventDraftBodySchema / EventQuotasBodySchema). */
export const quotasOf = (drafts: readonly QuotaDraft[]): Quota[] =>
  drafts.map((d) => ({ field: d.field, value: d.value.trim(), seats: /^\s*\d+\s*$/.test(d.seats) ? Number(d.seats) : Number.NaN }))

/** "配额 2：名额至少 1 个" for an issue at quotas[1].seats. */
export function quotaIssueText(path: readonly PropertyKey[], message: string): string {
  const row = path.find((p): p is number => typeof p === 'number')
  return row === undefined ? message : `配额 ${row + 1}：${message}`
}

export function quotaValueText(q: Pick<Quota, 'field' | 'value'>): string {
  return q.field === 'category' ? (attendeeCategoryLabels[q.value as AttendeeCategory] ?? q.value) : q.value
}

/** "1. 地区为「东区」：2 名" */
export const quotaText = (q: Quota, i: number) => `${i + 1}. ${quotaFieldLabels[q.field]}为「${quotaValueText(q)}」：${q.seats} 名`
