// Clause-by-clause comparison of two draft versions: which clauses were added, removed, changed or kept, and within a changed clause the text runs added and removed.
import type { ClauseChange, TextChange } from '@gm/shared'

export interface Clause {
  position: number
  heading: string
  body: string
}

/** Largest table (cells) of the character comparison; beyond it a changed text shows as removed + added whole. */
const MAX_CELLS = 4_000_000
/** Two clauses that are not identical count as the same clause changed when their text is at least this similar. */
const SAME_CLAUSE_SIMILARITY = 0.5

const clauseKey = (c: Clause) => `${c.heading}\n${c.body}`
const clauseText = (c: Clause) => `${c.heading}\n${c.body}`

/** Index pairs of a longest common subsequence of `a` and `b` under `equal`. */
function commonPairs<T>(a: readonly T[], b: readonly T[], equal: (x: T, y: T) => boolean): Array<[number, number]> {
  const n = a.length
  const m = b.length
  const table = new Uint32Array((n + 1) * (m + 1))
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      table[i * (m + 1) + j] = equal(a[i], b[j]) ? table[(i + 1) * (m + 1) + j + 1] + 1 : Math.max(table[(i + 1) * (m + 1) + j], table[i * (m + 1) + j + 1])
    }
  }
  const pairs: Array<[number, number]> = []
  let i = 0
  let j = 0
  while (i < n && j < m) {
    if (equal(a[i], b[j])) {
      pairs.push([i, j])
      i++
      j++
    } else if (table[(i + 1) * (m + 1) + j] >= table[i * (m + 1) + j + 1]) i++
    else j++
  }
  return pairs
}

function bigrams(text: string): Map<string, number> {
  const chars = [...text.replace(/\s+/g, '')]
  const grams = new Map<string, number>()
  for (let i = 0; i + 1 < chars.length; i++) {
    const g = chars[i] + chars[i + 1]
    grams.set(g, (grams.get(g) ?? 0) + 1)
  }
  return grams
}

/** Dice coefficient of the character bigrams (0…1). */
export function similarity(a: string, b: string): number {
  const x = bigrams(a)
  const y = bigrams(b)
  let total = 0
  let shared = 0
  for (const count of x.values()) total += count
  for (const [gram, count] of y) {
    total += count
    shared += Math.min(count, x.get(gram) ?? 0)
  }
  return total === 0 ? (a.trim() === b.trim() ? 1 : 0) : (2 * shared) / total
}

function push(runs: TextChange[], op: TextChange['op'], text: string) {
  if (!text) return
  const last = runs[runs.length - 1]
  if (last && last.op === op) last.text += text
  else runs.push({ op, text })
}

/** The text of `after` against `before` as runs kept, added and removed (by character, common ends first). */
export function textChanges(before: string, after: string): TextChange[] {
  const a = [...before]
  const b = [...after]
  let start = 0
  while (start < a.length && start < b.length && a[start] === b[start]) start++
  let endA = a.length
  let endB = b.length
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--
    endB--
  }
  const runs: TextChange[] = []
  push(runs, 'same', a.slice(0, start).join(''))
  const midA = a.slice(start, endA)
  const midB = b.slice(start, endB)
  if ((midA.length + 1) * (midB.length + 1) > MAX_CELLS) {
    push(runs, 'removed', midA.join(''))
    push(runs, 'added', midB.join(''))
  } else {
    let i = 0
    let j = 0
    for (const [pi, pj] of commonPairs(midA, midB, (x, y) => x === y)) {
      push(runs, 'removed', midA.slice(i, pi).join(''))
      push(runs, 'added', midB.slice(j, pj).join(''))
      push(runs, 'same', midA[pi])
      i = pi + 1
      j = pj + 1
    }
    push(runs, 'removed', midA.slice(i).join(''))
    push(runs, 'added', midB.slice(j).join(''))
  }
  push(runs, 'same', a.slice(endA).join(''))
  return runs
}

/**
 * Clauses identical in both versions anchor the comparison (longest common run, in order). Between two
 * anchors, a later clause is the same clause changed when it has the earlier one's heading or a text at
 * least half alike (taken in order); the rest were removed or added. Removed clauses are listed where they stood.
 */
export function compareClauses(before: readonly Clause[], after: readonly Clause[]): ClauseChange[] {
  const anchors = commonPairs(before, after, (x, y) => clauseKey(x) === clauseKey(y))
  const changes: ClauseChange[] = []
  let i = 0
  let j = 0
  const gap = (endI: number, endJ: number) => {
    const olds = before.slice(i, endI)
    const news = after.slice(j, endJ)
    let next = 0
    for (const clause of news) {
      let match = -1
      for (let k = next; k < olds.length; k++) {
        if (olds[k].heading === clause.heading || similarity(clauseText(olds[k]), clauseText(clause)) >= SAME_CLAUSE_SIMILARITY) {
          match = k
          break
        }
      }
      if (match === -1) {
        changes.push({ kind: 'added', before: null, after: clause, segments: [] })
        continue
      }
      for (const removed of olds.slice(next, match)) changes.push({ kind: 'removed', before: removed, after: null, segments: [] })
      const old = olds[match]
      changes.push({ kind: 'changed', before: old, after: clause, segments: textChanges(clauseText(old), clauseText(clause)) })
      next = match + 1
    }
    for (const removed of olds.slice(next)) changes.push({ kind: 'removed', before: removed, after: null, segments: [] })
  }
  for (const [ai, aj] of anchors) {
    gap(ai, aj)
    changes.push({ kind: 'unchanged', before: before[ai], after: after[aj], segments: [] })
    i = ai + 1
    j = aj + 1
  }
  gap(before.length, after.length)
  return changes
}
