// Reading a PERSONAL_INFO_UNMASKED refusal and masking its findings in a text staff wrote themselves.
import type { UnmaskedSpan } from '@gm/shared'
import type { ApiError } from '../api'

const NONE: UnmaskedSpan[] = []

/** `details.spans` of a PERSONAL_INFO_UNMASKED refusal; undefined for any other outcome. */
export function unmaskedSpansOf(error: ApiError | null | undefined): UnmaskedSpan[] | undefined {
  if (error?.code !== 'PERSONAL_INFO_UNMASKED') return undefined
  const spans = error.details.spans
  return Array.isArray(spans) ? (spans as UnmaskedSpan[]) : NONE
}

/** What replaces personal information staff mask in a text they wrote themselves. */
export const MASKED_TEXT = '【已隐去】'

/** `text` with the first occurrence of the refused span's words replaced by 【已隐去】. */
export const maskIn = (text: string, span: UnmaskedSpan) => text.replace(span.text, MASKED_TEXT)

/**
 * The refused spans still present in the texts staff are editing (by field): one they masked or
 * reworded since the refusal is no longer listed. Spans of fields not given stay.
 */
export function spansStillIn(spans: readonly UnmaskedSpan[] | undefined, texts: Partial<Record<UnmaskedSpan['field'], string>>): UnmaskedSpan[] | undefined {
  return spans?.filter((s) => texts[s.field] === undefined || texts[s.field]!.includes(s.text))
}
