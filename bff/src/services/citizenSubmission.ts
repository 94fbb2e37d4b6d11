// What every citizen text submission shares: WeChat's content check before storing, and keyed submit-once with idempotency-key reuse detection.
import { isUniqueViolation } from '../db/errors'
import type { Deps } from '../deps'
import { AppError } from '../domain/errors'
import { findCitizenOpenid } from '../repositories/citizen'

/**
 * WeChat's content check (msgSecCheck v2) on a citizen's text before it is stored. Risky or
 * uncertain text, or a check that could not run ('unchecked'), is kept and marked for staff —
 * never dropped. Null when no check applies (WeChat not configured, or the H5 demo identity).
 */
export async function contentCheck(deps: Deps, citizenId: number, text: string): Promise<string | null> {
  if (!deps.wechat) return null
  const openid = (await findCitizenOpenid(deps.db, citizenId))?.openid
  if (!openid || openid.startsWith('demo:')) return null
  try {
    return (await deps.wechat.msgSecCheck({ openid, content: text, scene: 2 })).suggest
  } catch (err) {
    deps.log.warn({ err }, 'msgSecCheck failed; the text is held for staff')
    return 'unchecked'
  }
}

/**
 * A citizen's keyed submission (opinion, policy question): the same idempotency key returns the
 * first result, the key with different content is IDEMPOTENCY_KEY_REUSED, and a concurrent
 * duplicate that loses the race on the unique (citizen, key) index answers with the winner's result.
 * With `lookupFirst: false` the stored result is looked for only when the create hits that index
 * (one round trip less for a fresh submission; a retry costs the failed insert instead).
 */
export async function submitOnce<Row extends { requestHash: string | null }, Result>(submission: {
  requestHash: string
  findExisting: () => Promise<Row | null>
  toResult: (row: Row) => Result
  /** Gets the lookup of a stored result, for a create that finds out late that it may be a retry. */
  create: (replay: () => Promise<Result | null>) => Promise<Result>
  lookupFirst?: boolean
}): Promise<Result> {
  const replay = async () => {
    const existing = await submission.findExisting()
    if (!existing) return null
    if (existing.requestHash !== submission.requestHash) throw new AppError('IDEMPOTENCY_KEY_REUSED')
    return submission.toResult(existing)
  }
  const replayed = submission.lookupFirst === false ? null : await replay()
  if (replayed) return replayed
  try {
    return await submission.create(replay)
  } catch (err) {
    if (err instanceof AppError || !isUniqueViolation(err)) throw err
    const first = await replay()
    if (!first) throw err
    return first
  }
}
