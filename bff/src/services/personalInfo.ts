// The server's guard on every publishing path: no detected personal information goes public unless masked, dismissed or overridden.
import {
  type FieldDismissal,
  type Mask,
  MaskSchema,
  maskUnexempted,
  type PublishedField,
  personalInfoLabels,
  publishedSpans,
  type Span,
  spanProblem,
  type UnmaskedSpan,
  unexemptedPersonalInfo,
  unmaskedPersonalInfo,
} from '@gm/shared'
import { z } from 'zod'
import type { DbOrTx } from '../db/client'
import { AppError, validationFailed } from '../domain/errors'
import { type Auditor, recordAudit } from './audit'

/** One text about to be published, with the masks that will be applied to it (none for staff-written text). */
export interface PublishedText {
  field: PublishedField
  text: string
  masks?: readonly Mask[]
}

/** The parts of an answer that are published, for the check. */
export const answerTexts = (answer: { content: string; reason: string | null }): PublishedText[] => [
  { field: 'content', text: answer.content },
  { field: 'reason', text: answer.reason ?? '' },
]

export interface PublicationReview {
  /** Suggestions staff judged not personal; `field` defaults to the first text's. */
  dismissals?: readonly FieldDismissal[]
  override?: string
}

export interface PublicationCheck {
  /** Detected spans published unmasked under the override (empty without one). */
  overridden: UnmaskedSpan[]
  dismissed: (FieldDismissal & { field: PublishedField; kinds: string[] })[]
}

/**
 * Validates masks and dismissals against their texts (VALIDATION_FAILED with a Chinese message), then
 * refuses with PERSONAL_INFO_UNMASKED (details.spans) while any detected span is neither masked nor
 * dismissed, unless an override reason is given. Pure: audit with `auditPublication` in the same transaction.
 */
export function checkPublication(texts: readonly PublishedText[], review: PublicationReview): PublicationCheck {
  const main = texts[0]?.field ?? 'text'
  const dismissed = (review.dismissals ?? []).map((d) => ({ ...d, field: d.field ?? main, kinds: [] as string[] }))
  for (const d of dismissed) {
    if (!texts.some((t) => t.field === d.field)) throw validationFailed({ dismissals: `没有可以忽略识别结果的字段“${d.field}”` })
  }
  const unmasked: UnmaskedSpan[] = []
  for (const { field, text, masks = [] } of texts) {
    const maskProblem = spanProblem(text, masks, true)
    if (maskProblem) throw validationFailed({ masks: `隐去${maskProblem}` })
    const own = dismissed.filter((d) => d.field === field)
    const dismissalProblem = spanProblem(text, own, false)
    if (dismissalProblem) throw validationFailed({ dismissals: `忽略${dismissalProblem}` })
    for (const m of unmaskedPersonalInfo(text, masks, own)) {
      unmasked.push({ field, kind: m.kind, label: personalInfoLabels[m.kind], start: m.start, end: m.end, text: m.text })
    }
    for (const d of own) {
      d.kinds = unmaskedPersonalInfo(text, masks)
        .filter((m) => d.start <= m.start && d.end >= m.end)
        .map((m) => m.kind)
    }
  }
  if (unmasked.length > 0 && !review.override) {
    const kinds = [...new Set(unmasked.map((s) => s.label))].join('、')
    throw new AppError('PERSONAL_INFO_UNMASKED', `内容中仍有未隐去的个人信息（${kinds}），请隐去、忽略并说明理由，或填写仍然公开的理由`, { spans: unmasked })
  }
  return { overridden: review.override ? unmasked : [], dismissed }
}

/**
 * Audit entries (visible to admins in the audit list) for what the check let through: each dismissal
 * with its reason, and an override with its reason and the kinds and positions (never the content).
 */
export async function auditPublication(
  tx: DbOrTx,
  by: Auditor,
  item: { action: string; entity: string; entityId: number },
  check: PublicationCheck,
  override: string | undefined,
) {
  if (check.dismissed.length > 0) {
    await recordAudit(tx, by, {
      action: 'dismissPersonalInfo',
      entity: item.entity,
      entityId: item.entityId,
      after: { publishing: item.action, dismissals: check.dismissed.map(({ field, start, end, reason, kinds }) => ({ field, start, end, kinds, reason })) },
    })
  }
  if (override && check.overridden.length > 0) {
    await recordAudit(tx, by, {
      action: 'overridePersonalInfo',
      entity: item.entity,
      entityId: item.entityId,
      after: {
        publishing: item.action,
        reason: override,
        kinds: [...new Set(check.overridden.map((s) => s.kind))],
        spans: check.overridden.map(({ field, kind, start, end }) => ({ field, kind, start, end })),
      },
    })
  }
}

const ExemptionsSchema = z.array(z.object({ start: z.number().int(), end: z.number().int() }))

/** The recorded exemptions of a stored published text; anything unreadable counts as none (everything detected is masked). */
export function exemptionsOf(json: unknown): Span[] {
  const parsed = ExemptionsSchema.safeParse(json)
  return parsed.success ? parsed.data : []
}

const StoredMasksSchema = z.array(MaskSchema)

/** The stored masks of a published text (the contract's shape, sorted); anything unreadable counts as none. */
export function masksOf(json: unknown): Mask[] {
  const parsed = StoredMasksSchema.safeParse(json)
  return parsed.success ? parsed.data : []
}

/** Masks as they are stored: the contract's shape (no kind for a manual mask), in text order. */
export const storedMasks = (masks: readonly Mask[]): Mask[] =>
  masks.map(({ start, end, kind }) => (kind ? { start, end, kind } : { start, end })).sort((a, b) => a.start - b.start)

/**
 * What publishing `text` with `masks` leaves unmasked on purpose (dismissed or overridden in `check`),
 * in published-text coordinates: stored with the published text so that the public rendering masks nothing else.
 */
export function exemptionsFor(text: string, masks: readonly Mask[], check: PublicationCheck, field: PublishedField = 'text'): Span[] {
  const kept = [...check.dismissed.filter((d) => d.field === field), ...check.overridden.filter((o) => o.field === field)]
  return publishedSpans(text, masks, kept)
}

/** An opinion's published text as shown publicly: detected personal information no recorded decision exempts is masked. */
export function publicOpinionText(row: { publishedText: string | null; publishedExemptions: unknown }): string | null {
  return row.publishedText === null ? null : maskUnexempted(row.publishedText, exemptionsOf(row.publishedExemptions))
}

/** Detected personal information an opinion's stored published text would still show (opinions approved before enforcement). */
export function unexemptedInOpinion(row: { id: number; publishedText: string | null; publishedExemptions: unknown }): UnmaskedSpan[] {
  if (row.publishedText === null) return []
  return unexemptedPersonalInfo(row.publishedText, exemptionsOf(row.publishedExemptions)).map((m) => ({
    opinionId: row.id,
    field: 'text',
    kind: m.kind,
    label: personalInfoLabels[m.kind],
    start: m.start,
    end: m.end,
    text: m.text,
  }))
}
