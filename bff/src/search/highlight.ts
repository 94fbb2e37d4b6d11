// Highlighting for search results: text as hit/non-hit segments, and a highlighted excerpt around where the query's terms occur most.
import type { TextSegment } from '@gm/shared'
import { normalize } from './analyzer'
import { mergeRanges } from './engine'

/** The whole text as segments, `hit` on the given character ranges (sorted, not overlapping). */
export function segments(text: string, ranges: [number, number][]): TextSegment[] {
  const out: TextSegment[] = []
  let at = 0
  for (const [start, end] of ranges) {
    if (start > at) out.push({ text: text.slice(at, start), hit: false })
    out.push({ text: text.slice(start, end), hit: true })
    at = end
  }
  if (at < text.length) out.push({ text: text.slice(at), hit: false })
  return out
}

/**
 * A window of about `length` characters of a long text where the query's terms occur most (the start
 * when none does), highlighted, as segments; `…` (not a hit) marks where the text was cut. The window
 * is chosen by plain substring search of the normalized text (normalize keeps positions) for `terms`,
 * and only the window is tokenized for the exact highlight (`exact`), so a long answer costs a few
 * indexOf calls over its first `scanChars` characters, not a tokenization of the whole text.
 */
export function snippet(text: string, terms: Iterable<string>, exact: (window: string) => [number, number][], length = 120, scanChars = 4_000): TextSegment[] {
  if (text.length <= length) return segments(text, exact(text))
  const normalized = normalize(text.slice(0, scanChars))
  const found: [number, number][] = []
  for (const term of terms) {
    if (term === '') continue
    for (let at = normalized.indexOf(term); at >= 0 && found.length < MAX_LOCATED; at = normalized.indexOf(term, at + 1)) found.push([at, at + term.length])
  }
  const ranges = mergeRanges(found)
  let bestStart = 0
  let bestScore = -1
  // Candidate windows start a little before each match.
  const starts = ranges.length > 0 ? ranges.map(([s]) => Math.max(0, Math.min(s - 20, text.length - length))) : [0]
  for (const start of starts) {
    let score = 0
    for (const [s, e] of ranges) if (s >= start && e <= start + length) score += e - s
    if (score > bestScore) {
      bestScore = score
      bestStart = start
    }
  }
  const end = bestStart + length
  const window = text.slice(bestStart, end)
  const body = segments(window, exact(window))
  return [...(bestStart > 0 ? [{ text: '…', hit: false }] : []), ...body, ...(end < text.length ? [{ text: '…', hit: false }] : [])]
}

/** Occurrences looked at when choosing a window (a term repeated thousands of times must not cost more). */
const MAX_LOCATED = 200
