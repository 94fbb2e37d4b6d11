/**
 * The 列席 lottery: a stratified random draw that anyone can re-run from the published seed and
 * candidate list and get the same result. Each candidate's place in the draw is a hash of
 * (seed, public code); quotas are filled in the order given, then the remaining seats in draw order.
 * Fairness comes from the seed being unknown until the draw (e.g. announced at the draw, with witnesses).
 */
export interface LotteryCandidate {
  /** Pseudonymous public code of the registration */
  code: string
  category: string
  region?: string | null
  ageBand?: string | null
  gender?: string | null
}

export type QuotaField = 'category' | 'region' | 'ageBand' | 'gender'
export interface LotteryQuota {
  field: QuotaField
  value: string
  seats: number
}

/** cyrb53: a fast, well-mixed 53-bit string hash (deterministic everywhere; not for secrets). */
export function cyrb53(text: string, seed = 0): number {
  let h1 = 0xdeadbeef ^ seed
  let h2 = 0x41c6ce57 ^ seed
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i)
    h1 = Math.imul(h1 ^ ch, 2654435761)
    h2 = Math.imul(h2 ^ ch, 1597334677)
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909)
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909)
  return 4294967296 * (2097151 & h2) + (h1 >>> 0)
}

/** Every candidate's place in the draw, first drawn first. */
export function drawOrder<T extends LotteryCandidate>(seed: string, candidates: readonly T[]): T[] {
  const keyed = candidates.map((c) => ({ c, key: cyrb53(`${seed}|${c.code}`) }))
  keyed.sort((a, b) => a.key - b.key || (a.c.code < b.c.code ? -1 : a.c.code > b.c.code ? 1 : 0))
  return keyed.map((k) => k.c)
}

/** The codes selected for `seats` seats: quotas first (in the order given), then draw order. */
export function drawLottery(seed: string, candidates: readonly LotteryCandidate[], quotas: readonly LotteryQuota[], seats: number): string[] {
  const order = drawOrder(seed, candidates)
  const selected = new Set<string>()
  for (const quota of quotas) {
    let taken = 0
    for (const candidate of order) {
      if (selected.size >= seats || taken >= quota.seats) break
      if (!selected.has(candidate.code) && candidate[quota.field] === quota.value) {
        selected.add(candidate.code)
        taken++
      }
    }
  }
  for (const candidate of order) {
    if (selected.size >= seats) break
    selected.add(candidate.code)
  }
  return [...selected]
}
