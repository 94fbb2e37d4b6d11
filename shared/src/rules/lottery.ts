/**
 * The 列席/开放日 lottery, commit–reveal: anyone can recompute it with standard SHA-256.
 *
 * 1. When the event is created the server draws a random secret and publishes only its commitment
 *    `SHA-256(secret)` on the event page, from the start of signups.
 * 2. At the draw the closing candidate list (codes in signup order, with the attributes quotas use)
 *    is written as canonical JSON and hashed: `listHash = SHA-256(list)` — unknown to anyone in advance.
 * 3. `seed = SHA-256(secret + listHash)`; each candidate's key is `SHA-256(seed + "|" + code)`.
 * 4. Quotas — set on the event, public with the commitment and locked once signups open — are filled
 *    in the order given, each with the lowest keys among matching candidates; the remaining seats go
 *    to the lowest keys overall. The secret is revealed with the result.
 * All hashes are lowercase hex of SHA-256 over the UTF-8 bytes of the text.
 */
import { sha256 as sha256Bytes } from '@noble/hashes/sha2'
import { bytesToHex } from '@noble/hashes/utils'

export const LOTTERY_ALGORITHM = 'SHA256_COMMIT_REVEAL_V1'

export interface LotteryCandidate {
  /** Public candidate code of the registration (shown to the person in 我的报名) */
  code: string
  category: string
  region?: string | null
  sector?: string | null
  ageBand?: string | null
  gender?: string | null
}

export const quotaFields = ['category', 'region', 'sector', 'ageBand', 'gender'] as const
export type QuotaField = (typeof quotaFields)[number]
export const quotaFieldLabels: Record<QuotaField, string> = { category: '类别', region: '地区', sector: '行业', ageBand: '年龄段', gender: '性别' }

/**
 * The values a quota may name where signups choose from a list (地区 and 行业 are free text). Kept equal
 * to the signup form's lists (attendeeCategories, ageBands, gender) by test/shared/lottery.test.ts.
 */
export const quotaChoices: Partial<Record<QuotaField, readonly string[]>> = {
  category: ['STAKEHOLDER', 'PUBLIC', 'EXPERT', 'MEDIA'],
  ageBand: ['18-35', '36-59', '60+'],
  gender: ['男', '女'],
}

export interface LotteryQuota {
  field: QuotaField
  value: string
  seats: number
}

/** UTF-8 bytes of a string, without TextEncoder (absent in some WeChat base libraries). */
export function utf8Bytes(text: string): Uint8Array {
  const out: number[] = []
  for (let i = 0; i < text.length; i++) {
    let cp = text.charCodeAt(i)
    if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < text.length) {
      const low = text.charCodeAt(i + 1)
      if (low >= 0xdc00 && low <= 0xdfff) {
        cp = 0x10000 + ((cp - 0xd800) << 10) + (low - 0xdc00)
        i++
      }
    }
    if (cp >= 0xd800 && cp <= 0xdfff) cp = 0xfffd // a lone surrogate, as TextEncoder does
    if (cp < 0x80) out.push(cp)
    else if (cp < 0x800) out.push(0xc0 | (cp >> 6), 0x80 | (cp & 63))
    else if (cp < 0x10000) out.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63))
    else out.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 63), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63))
  }
  return Uint8Array.from(out)
}

/** Lowercase hex SHA-256 of the UTF-8 text (as `printf %s text | sha256sum`). */
export function sha256Hex(text: string): string {
  return bytesToHex(sha256Bytes(utf8Bytes(text)))
}

/** The public commitment to a draw secret. */
export const drawCommitment = (secret: string): string => sha256Hex(secret)

/**
 * The canonical candidate list: a JSON array in signup order, each entry with exactly these keys in
 * this order (missing attributes as null).
 */
export function canonicalCandidateList(candidates: readonly LotteryCandidate[]): string {
  return JSON.stringify(
    candidates.map((c) => ({
      code: c.code,
      category: c.category,
      region: c.region ?? null,
      sector: c.sector ?? null,
      ageBand: c.ageBand ?? null,
      gender: c.gender ?? null,
    })),
  )
}

export const candidateListHash = (candidates: readonly LotteryCandidate[]): string => sha256Hex(canonicalCandidateList(candidates))

export const drawSeed = (secret: string, listHash: string): string => sha256Hex(secret + listHash)

/** Every candidate's place in the draw, first drawn first (lowest key; ties — impossible in practice — by code). */
export function drawOrder<T extends LotteryCandidate>(seed: string, candidates: readonly T[]): { candidate: T; key: string }[] {
  const keyed = candidates.map((candidate) => ({ candidate, key: sha256Hex(`${seed}|${candidate.code}`) }))
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)
  return keyed.sort((a, b) => cmp(a.key, b.key) || cmp(a.candidate.code, b.candidate.code))
}

export interface LotteryInput {
  secret: string
  /** In signup order: the order is part of the list hash */
  candidates: readonly LotteryCandidate[]
  quotas: readonly LotteryQuota[]
  seats: number
}

export interface LotteryResult {
  commitment: string
  listHash: string
  seed: string
  /** Selected codes, in the order they were drawn (quotas first) */
  selected: string[]
}

/** The draw: a pure function of the secret, the candidate list, the quotas and the number of seats. */
export function drawLottery(input: LotteryInput): LotteryResult {
  const listHash = candidateListHash(input.candidates)
  const seed = drawSeed(input.secret, listHash)
  const order = drawOrder(seed, input.candidates).map((k) => k.candidate)
  const seats = Math.max(0, Math.floor(input.seats))
  const selected = new Set<string>()
  for (const quota of input.quotas) {
    let taken = 0
    for (const candidate of order) {
      if (selected.size >= seats || taken >= quota.seats) break
      if (!selected.has(candidate.code) && (candidate[quota.field] ?? null) === quota.value) {
        selected.add(candidate.code)
        taken++
      }
    }
  }
  for (const candidate of order) {
    if (selected.size >= seats) break
    selected.add(candidate.code)
  }
  return { commitment: drawCommitment(input.secret), listHash, seed, selected: [...selected] }
}

/** What a published draw states; the check needs nothing else. */
export interface PublishedDraw {
  commitment: string
  secret: string
  listHash: string
  seed: string
  candidates: readonly LotteryCandidate[]
  quotas: readonly LotteryQuota[]
  /** The quotas published on the event before signups opened: the draw must have used exactly these */
  announcedQuotas: readonly LotteryQuota[]
  seats: number
  selected: readonly string[]
}

/** Same quotas in the same order (the order decides which quota is filled first). */
export function sameQuotas(a: readonly LotteryQuota[], b: readonly LotteryQuota[]): boolean {
  return a.length === b.length && a.every((q, i) => q.field === b[i]!.field && q.value === b[i]!.value && q.seats === b[i]!.seats)
}

export interface DrawCheck {
  /** SHA-256(secret) equals the commitment published before signups closed */
  commitment: boolean
  /** The published list hashes to the published list hash */
  listHash: boolean
  /** The draw used the quotas announced on the event before signups opened */
  quotas: boolean
  seed: boolean
  /** Recomputing gives the same selected codes in the same order */
  selected: boolean
  ok: boolean
}

/** Recompute a published draw from its published inputs ("验证抽签结果"). */
export function verifyDraw(draw: PublishedDraw): DrawCheck {
  const again = drawLottery({ secret: draw.secret, candidates: draw.candidates, quotas: draw.quotas, seats: draw.seats })
  const check = {
    commitment: again.commitment === draw.commitment,
    listHash: again.listHash === draw.listHash,
    quotas: sameQuotas(draw.quotas, draw.announcedQuotas),
    seed: again.seed === draw.seed,
    selected: again.selected.length === draw.selected.length && again.selected.every((code, i) => code === draw.selected[i]),
  }
  return { ...check, ok: check.commitment && check.listHash && check.quotas && check.seed && check.selected }
}
