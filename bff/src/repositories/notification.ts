// Notifications and the subscribe-message delivery queue: in-app messages, read marks, subscription credits, and claiming and settling due deliveries.
import type { NotificationKind } from '@gm/shared'
import type { DbOrTx } from '../db/client'
import type { Prisma } from '../generated/prisma/client'

const notificationSelect = { id: true, kind: true, title: true, body: true, link: true, createdAt: true, readAt: true } as const

/**
 * The in-app message. With a `dedupeKey` (the moment told) a second insert for the same citizen and
 * moment writes nothing and answers `created: false` with the first one's id, without failing the
 * caller's transaction (ON CONFLICT, not a caught unique violation).
 */
export async function insertNotification(
  db: DbOrTx,
  data: { citizenId: number; kind: NotificationKind; title: string; body: string; link?: string; dedupeKey?: string },
): Promise<{ id: number; created: boolean }> {
  if (!data.dedupeKey) {
    const { dedupeKey: _none, ...plain } = data
    return { ...(await db.notification.create({ data: plain, select: { id: true } })), created: true }
  }
  const inserted = await db.$queryRaw<{ id: number }[]>`
    INSERT INTO notification (citizen_id, kind, title, body, link, dedupe_key)
    VALUES (${data.citizenId}, ${data.kind}, ${data.title}, ${data.body}, ${data.link ?? null}, ${data.dedupeKey})
    ON CONFLICT (citizen_id, dedupe_key) DO NOTHING
    RETURNING id`
  if (inserted[0]) return { id: inserted[0].id, created: true }
  const first = await db.notification.findUniqueOrThrow({
    where: { citizenId_dedupeKey: { citizenId: data.citizenId, dedupeKey: data.dedupeKey } },
    select: { id: true },
  })
  return { id: first.id, created: false }
}

export function insertDelivery(
  db: DbOrTx,
  data: { notificationId: number; templateId: string; page?: string; data: Prisma.InputJsonValue; nextAttemptAt: Date },
) {
  return db.notificationDelivery.create({ data, select: { id: true } })
}

export async function findNotifications(db: DbOrTx, citizenId: number, page: { skip: number; take: number }) {
  const [rows, total] = await Promise.all([
    db.notification.findMany({ where: { citizenId }, select: notificationSelect, orderBy: { id: 'desc' }, skip: page.skip, take: page.take }),
    db.notification.count({ where: { citizenId } }),
  ])
  return { rows, total }
}

export function findAllNotifications(db: DbOrTx, citizenId: number) {
  return db.notification.findMany({ where: { citizenId }, select: notificationSelect, orderBy: { id: 'desc' } })
}

/** Only the owner's notification is marked; returns whether one was found. */
export async function markNotificationRead(db: DbOrTx, citizenId: number, id: number, now: Date) {
  const found = await db.notification.findFirst({ where: { id, citizenId }, select: { readAt: true } })
  if (!found) return false
  if (!found.readAt) await db.notification.update({ where: { id }, data: { readAt: now } })
  return true
}

export function addSubscribeCredits(db: DbOrTx, citizenId: number, kinds: NotificationKind[]) {
  return Promise.all(
    kinds.map((kind) =>
      db.subscribeCredit.upsert({
        where: { citizenId_kind: { citizenId, kind } },
        create: { citizenId, kind, credits: 1 },
        update: { credits: { increment: 1 } },
      }),
    ),
  )
}

/** Spend one accepted subscription, atomically; false when the citizen has none left. */
export async function takeSubscribeCredit(db: DbOrTx, citizenId: number, kind: NotificationKind) {
  const taken = await db.subscribeCredit.updateMany({ where: { citizenId, kind, credits: { gt: 0 } }, data: { credits: { decrement: 1 } } })
  return taken.count === 1
}

/**
 * Claim due deliveries for this worker: FOR UPDATE SKIP LOCKED lets several BFF instances drain
 * the queue without sending one message twice. The claim pushes next_attempt_at forward so a
 * crashed worker's claims come back after the lease.
 */
export async function claimDueDeliveries(db: DbOrTx, now: Date, leaseMs: number, limit: number) {
  return db.$queryRaw<{ id: number; template_id: string; page: string | null; data: Prisma.JsonValue; attempts: number; openid: string }[]>`
    WITH due AS (
      SELECT d.id FROM notification_delivery d
      WHERE d.status = 'PENDING' AND d.next_attempt_at <= ${now}
      ORDER BY d.next_attempt_at
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED
    )
    UPDATE notification_delivery d
    SET next_attempt_at = ${new Date(now.getTime() + leaseMs)}, attempts = d.attempts + 1
    FROM due, notification n, citizen c
    WHERE d.id = due.id AND n.id = d.notification_id AND c.id = n.citizen_id
    RETURNING d.id, d.template_id, d.page, d.data, d.attempts, c.openid`
}

export function settleDelivery(
  db: DbOrTx,
  id: number,
  outcome: { status: 'SENT' | 'REFUSED' | 'FAILED' | 'PENDING'; sentAt?: Date; lastError?: string; nextAttemptAt?: Date },
) {
  return db.notificationDelivery.update({ where: { id }, data: outcome, select: { id: true } })
}
