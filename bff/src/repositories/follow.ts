// Follows (关注) of decisions, departments and policy topics, and the followers due a notification about what they follow.
import type { DbOrTx } from '../db/client'
import type { FollowTarget } from '../generated/prisma/client'

const followSelect = { id: true, targetType: true, targetKey: true, createdAt: true } as const

/** Follow, idempotently: following twice keeps the first follow (and its date). */
export async function insertFollow(db: DbOrTx, citizenId: number, targetType: FollowTarget, targetKey: string) {
  return db.follow.upsert({
    where: { citizenId_targetType_targetKey: { citizenId, targetType, targetKey } },
    create: { citizenId, targetType, targetKey },
    update: {},
    select: followSelect,
  })
}

/** Unfollow; returns whether there was a follow. */
export async function deleteFollow(db: DbOrTx, citizenId: number, targetType: FollowTarget, targetKey: string) {
  const deleted = await db.follow.deleteMany({ where: { citizenId, targetType, targetKey } })
  return deleted.count > 0
}

export function findFollows(db: DbOrTx, citizenId: number) {
  return db.follow.findMany({ where: { citizenId }, select: followSelect, orderBy: { id: 'desc' } })
}

export async function findFollow(db: DbOrTx, citizenId: number, targetType: FollowTarget, targetKey: string) {
  return db.follow.findUnique({ where: { citizenId_targetType_targetKey: { citizenId, targetType, targetKey } }, select: followSelect })
}

/** Names of what follows point at: decisions and departments by id (those that exist). */
export async function findFollowTargetNames(db: DbOrTx, decisionIds: number[], departmentIds: number[]) {
  const [decisions, departments] = await Promise.all([
    decisionIds.length ? db.decision.findMany({ where: { id: { in: decisionIds } }, select: { id: true, title: true } }) : [],
    departmentIds.length ? db.department.findMany({ where: { id: { in: departmentIds } }, select: { id: true, name: true } }) : [],
  ])
  return { decisions: new Map(decisions.map((d) => [d.id, d.title])), departments: new Map(departments.map((d) => [d.id, d.name])) }
}

export interface FollowAlert {
  citizenId: number
  /** The moment, as the notification's dedupe key (one per moment and citizen). */
  dedupeKey: string
  kind: 'opened' | 'closing' | 'policy' | 'qa'
  targetId: number
  title: string
  at: Date
  count: number
}

const RECENT_MS = 7 * 86_400_000
const CLOSING_MS = 3 * 86_400_000

/**
 * Followers not yet told about a moment of what they follow, at `now`:
 * - a published consultation of a followed decision or department opened (within the last 7 days),
 *   for follows made before it opened or was published;
 * - such a consultation closes within 3 days (when its window is longer than that);
 * - a policy released in a followed topic (within 7 days, after the follow);
 * - Q&A items published in a followed topic, one digest per topic and Shanghai day.
 * Already told moments (a notification with the key) are left out; the insert's ON CONFLICT stays the guard.
 */
export async function findDueFollowAlerts(db: DbOrTx, now: Date, limit = 500): Promise<FollowAlert[]> {
  const recent = new Date(now.getTime() - RECENT_MS)
  const soon = new Date(now.getTime() + CLOSING_MS)
  return db.$queryRaw<FollowAlert[]>`
    WITH consultation_follower AS (
      SELECT DISTINCT ON (f.citizen_id, c.id) f.citizen_id, f.created_at AS followed_at, c.id, c.title, c.opens_at, c.closes_at, c.published_at
      FROM consultation c
      JOIN follow f ON (f.target_type = 'DECISION' AND f.target_key = c.decision_id::text)
                    OR (f.target_type = 'DEPARTMENT' AND f.target_key = c.department_id::text)
      WHERE c.published_at IS NOT NULL AND c.published_at <= ${now} AND c.opens_at <= ${now} AND c.closes_at > ${now}
    ), alert AS (
      SELECT citizen_id AS "citizenId", 'consultation-opened:' || id AS "dedupeKey", 'opened' AS kind, id AS "targetId", title, opens_at AS at, 1 AS count
      FROM consultation_follower
      WHERE opens_at > ${recent} AND followed_at <= greatest(opens_at, published_at)
      UNION ALL
      SELECT citizen_id, 'consultation-closing:' || id, 'closing', id, title, closes_at, 1
      FROM consultation_follower
      WHERE closes_at <= ${soon} AND closes_at - opens_at > interval '3 days'
      UNION ALL
      SELECT f.citizen_id, 'topic-policy:' || p.id, 'policy', p.id, p.title, p.released_at, 1
      FROM policy_document p JOIN follow f ON f.target_type = 'TOPIC' AND f.target_key = p.topic
      WHERE p.status = 'PUBLISHED' AND p.released_at > ${recent} AND p.released_at <= ${now} AND f.created_at <= p.released_at
      UNION ALL
      SELECT f.citizen_id, 'topic-qa:' || q.topic || ':' || to_char(q.published_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD'), 'qa',
             min(q.id), q.topic, max(q.published_at), count(*)::int
      FROM qa_item q JOIN follow f ON f.target_type = 'TOPIC' AND f.target_key = q.topic
      WHERE q.status = 'PUBLISHED' AND q.published_at > ${recent} AND q.published_at <= ${now} AND f.created_at <= q.published_at
      GROUP BY f.citizen_id, q.topic, to_char(q.published_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD')
    )
    SELECT a.* FROM alert a
    WHERE NOT EXISTS (SELECT 1 FROM notification n WHERE n.citizen_id = a."citizenId" AND n.dedupe_key = a."dedupeKey")
    ORDER BY a.at
    LIMIT ${limit}`
}

/** Whether a published decision, a department with this id exists, or a topic of this name (a listed Q&A topic, a policy's topic or a published Q&A item's). */
export async function followTargetExists(db: DbOrTx, targetType: FollowTarget, targetKey: string) {
  if (targetType === 'TOPIC') {
    const [found] = await db.$queryRaw<{ found: boolean }[]>`
      SELECT EXISTS (SELECT 1 FROM qa_topic WHERE name = ${targetKey}) OR EXISTS (SELECT 1 FROM policy_document WHERE topic = ${targetKey})
             OR EXISTS (SELECT 1 FROM qa_item WHERE topic = ${targetKey} AND status = 'PUBLISHED') AS found`
    return found?.found === true
  }
  if (!/^[1-9]\d{0,9}$/.test(targetKey) || Number(targetKey) > 2_147_483_647) return false
  const id = Number(targetKey)
  return targetType === 'DECISION'
    ? (await db.decision.count({ where: { id, publishedAt: { not: null } } })) > 0
    : (await db.department.count({ where: { id } })) > 0
}
