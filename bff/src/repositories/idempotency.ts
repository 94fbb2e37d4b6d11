// Citizens' keyed writes: the claim on (citizen, key) and the first result stored with it.
import type { DbOrTx } from '../db/client'
import type { Prisma } from '../generated/prisma/client'

/**
 * Claim a key inside the caller's transaction. A concurrent claim of the same key waits on the
 * primary key until this transaction ends; after a commit it finds the stored row, after a
 * rollback it takes the claim itself. Returns null when the claim is new, else the stored row.
 */
export async function claimIdempotencyKey(
  db: DbOrTx,
  citizenId: number,
  key: string,
  operation: string,
  requestHash: string,
  response?: Prisma.InputJsonValue,
) {
  const inserted = await db.$executeRaw`
    INSERT INTO idempotent_request (citizen_id, key, operation, request_hash, response)
    VALUES (${citizenId}, ${key}, ${operation}, ${requestHash}, ${response === undefined ? null : JSON.stringify(response)}::jsonb)
    ON CONFLICT (citizen_id, key) DO NOTHING`
  if (inserted === 1) return null
  return db.idempotentRequest.findUnique({
    where: { citizenId_key: { citizenId, key } },
    select: { operation: true, requestHash: true, response: true },
  })
}

export async function storeIdempotentResponse(db: DbOrTx, citizenId: number, key: string, response: Prisma.InputJsonValue) {
  await db.idempotentRequest.update({ where: { citizenId_key: { citizenId, key } }, data: { response }, select: { key: true } })
}

/** Forget keys claimed before `before` (a retry comes within minutes; a week is plenty). */
export async function purgeIdempotencyKeys(db: DbOrTx, before: Date) {
  const { count } = await db.idempotentRequest.deleteMany({ where: { createdAt: { lt: before } } })
  return count
}
