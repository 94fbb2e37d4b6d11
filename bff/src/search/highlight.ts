import type { TextSegment } from '@gm/shared'

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
 * A window of about `length` characters with the most matched characters (the start when nothing
 * matched), as segments; `…` (not a hit) marks where the text was cut.
 */
export function snippet(text: string, ranges: [number, number][], length = 120): TextSegment[] {
  if (text.length <= length) return segments(text, ranges)
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
  const inside = ranges.filter(([s, e]) => s >= bestStart && e <= end).map(([s, e]): [number, number] => [s - bestStart, e - bestStart])
  const body = segments(text.slice(bestStart, end), inside)
  return [...(bestStart > 0 ? [{ text: '…', hit: false }] : []), ...body, ...(end < text.length ? [{ text: '…', hit: false }] : [])]
}
