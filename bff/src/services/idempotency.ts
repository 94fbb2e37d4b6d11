// Replays the first result of a citizen's keyed write (signup, cancellation) for retries with the same key.
import { createHash } from 'node:crypto'
import type { DbOrTx, JsonInput } from '../db/client'
import { AppError } from '../domain/errors'
import { claimIdempotencyKey, purgeIdempotencyKeys, storeIdempotentResponse } from '../repositories/idempotency'
import type { Deps } from '../deps'

/** A stable digest of what was asked (operation + input), to tell a retry from a different request with a reused key. */
export function requestDigest(operation: string, input: unknown): string {
  return createHash('sha256')
    .update(JSON.stringify([operation, input]))
    .digest('hex')
}

/**
 * Run `write` once per (citizen, key), inside the caller's transaction: the claim and the result
 * commit together with the write, so a retry after a lost response gets the first result, and a
 * write that failed (and rolled back) can simply be tried again. Without a key, `write` just runs.
 * The same key with a different request is IDEMPOTENCY_KEY_REUSED. When the result is `known` before
 * the write (computed up front), it is stored with the claim and nothing is written after `write`.
 */
export async function onceForKey<T>(
  tx: DbOrTx,
  claim: { citizenId: number; key: string | undefined; operation: string; input: unknown },
  write: () => Promise<T>,
  known?: T,
): Promise<T> {
  if (!claim.key) return write()
  const requestHash = requestDigest(claim.operation, claim.input)
  const stored = await claimIdempotencyKey(tx, claim.citizenId, claim.key, claim.operation, requestHash, known as JsonInput | undefined)
  if (stored) return replayStored<T>(claim, stored)
  const result = await write()
  if (known === undefined) await storeIdempotentResponse(tx, claim.citizenId, claim.key, result as JsonInput)
  return result
}

/** The first result stored for a key (read before or within the claim): the same request replays it, another one is IDEMPOTENCY_KEY_REUSED. */
export function replayStored<T>(claim: { operation: string; input: unknown }, stored: { operation: string; requestHash: string; response: unknown }): T {
  if (stored.operation !== claim.operation || stored.requestHash !== requestDigest(claim.operation, claim.input)) throw new AppError('IDEMPOTENCY_KEY_REUSED')
  if (stored.response === null) throw new AppError('REQUEST_IN_PROGRESS')
  return stored.response as T
}

/** How long a key replays its first result. */
export const IDEMPOTENCY_KEY_DAYS = 7
const PURGE_EVERY_MS = 3_600_000
let lastPurge = 0

/** A worker round: at most hourly, forget keys older than IDEMPOTENCY_KEY_DAYS. */
export async function purgeOldIdempotencyKeys(deps: Deps): Promise<number> {
  const now = deps.clock().getTime()
  if (now - lastPurge < PURGE_EVERY_MS) return 0
  lastPurge = now
  return purgeIdempotencyKeys(deps.db, new Date(now - IDEMPOTENCY_KEY_DAYS * 24 * 3_600_000))
}
