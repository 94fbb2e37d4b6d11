// Reads behind the open-data feed: which published rows a page holds (stable id order, computed updatedAt), then the rows.
import type { OpenDataSet } from '@gm/shared'
import type { DbOrTx } from '../db/client'
import { Prisma } from '../generated/prisma/client'

export interface FeedWindow {
  now: Date
  updatedSince?: Date
  /** undefined: the whole set (CSV) */
  page?: { skip: number; take: number }
}

/** A group's own answer is complete (the same test as publicAnswer). */
const groupAnswered = Prisma.sql`g.adoption IS NOT NULL AND g.content IS NOT NULL AND g.replied_at IS NOT NULL AND g.department_id IS NOT NULL`

/** Each set's published rows with their `updatedAt` (GREATEST skips NULLs). */
function publishedRows(set: OpenDataSet, now: Date): Prisma.Sql {
  switch (set) {
    case 'consultations':
      return Prisma.sql`
        SELECT c.id, GREATEST(c.published_at,
                              CASE WHEN c.feedback_published_at <= ${now} THEN c.feedback_published_at END,
                              (SELECT max(v.published_at) FROM draft_version v WHERE v.consultation_id = c.id AND v.published_at <= ${now}),
                              (SELECT max(w.at) FROM window_change w WHERE w.consultation_id = c.id)) AS updated_at
        FROM consultation c WHERE c.published_at <= ${now}`
    case 'opinions':
      return Prisma.sql`
        SELECT o.id, GREATEST(c.feedback_published_at, a.updated_at, CASE WHEN ${groupAnswered} THEN g.replied_at END) AS updated_at
        FROM opinion o
        JOIN consultation c ON c.id = o.consultation_id
        LEFT JOIN opinion_answer a ON a.opinion_id = o.id
        LEFT JOIN opinion_group g ON g.id = o.group_id
        WHERE o.moderation = 'APPROVED' AND c.published_at <= ${now} AND c.feedback_published_at <= ${now}
          AND (a.id IS NOT NULL OR (${groupAnswered}))`
    case 'groups':
      return Prisma.sql`
        SELECT g.id, GREATEST(c.feedback_published_at, g.replied_at) AS updated_at
        FROM opinion_group g JOIN consultation c ON c.id = g.consultation_id
        WHERE c.published_at <= ${now} AND c.feedback_published_at <= ${now} AND ${groupAnswered}
          AND EXISTS (SELECT 1 FROM opinion o WHERE o.group_id = g.id AND o.moderation = 'APPROVED')`
    case 'events':
      return Prisma.sql`
        SELECT e.id, GREATEST(e.published_at, e.cancelled_at, e.draw_at, CASE WHEN e.outcome_published_at <= ${now} THEN e.outcome_published_at END) AS updated_at
        FROM event e WHERE e.published_at <= ${now}`
    case 'qa':
      return Prisma.sql`
        SELECT q.id, GREATEST(q.published_at, q.updated_at) AS updated_at
        FROM qa_item q WHERE q.status = 'PUBLISHED' AND q.published_at IS NOT NULL`
  }
}

/** The ids (ascending) and updatedAt of one page of a set, and how many rows the set (since `updatedSince`) has. */
export async function findFeedPage(db: DbOrTx, set: OpenDataSet, window: FeedWindow) {
  const since = window.updatedSince ? Prisma.sql`WHERE updated_at >= ${window.updatedSince}` : Prisma.empty
  const limit = window.page ? Prisma.sql`LIMIT ${window.page.take} OFFSET ${window.page.skip}` : Prisma.empty
  const rows = await db.$queryRaw<{ id: number; updated_at: Date; total: bigint }[]>`
    SELECT id, updated_at, count(*) OVER () AS total FROM (${publishedRows(set, window.now)}) s ${since} ORDER BY id ${limit}`
  let total = rows.length > 0 ? Number(rows[0]!.total) : 0
  if (rows.length === 0 && window.page && window.page.skip > 0) {
    const [count] = await db.$queryRaw<{ total: bigint }[]>`SELECT count(*) AS total FROM (${publishedRows(set, window.now)}) s ${since}`
    total = Number(count?.total ?? 0)
  }
  return { rows: rows.map((r) => ({ id: r.id, updatedAt: r.updated_at })), total }
}

/** Each set's size and latest updatedAt (the catalog). */
export async function findFeedSummary(db: DbOrTx, set: OpenDataSet, now: Date) {
  const [row] = await db.$queryRaw<{ total: bigint; updated_at: Date | null }[]>`
    SELECT count(*) AS total, max(updated_at) AS updated_at FROM (${publishedRows(set, now)}) s`
  return { total: Number(row?.total ?? 0), updatedAt: row?.updated_at ?? null }
}

const departmentSelect = { select: { id: true, name: true } } as const

export function findOpenConsultations(db: DbOrTx, ids: readonly number[]) {
  return db.consultation.findMany({
    where: { id: { in: [...ids] } },
    select: {
      id: true,
      title: true,
      summary: true,
      decisionId: true,
      isMajorDecision: true,
      opensAt: true,
      closesAt: true,
      draftVersion: true,
      publishedAt: true,
      feedbackPublishedAt: true,
      department: departmentSelect,
    },
    orderBy: { id: 'asc' },
  })
}

const answerSelect = { adoption: true, reason: true, content: true, repliedAt: true, department: departmentSelect } as const

export function findOpenOpinions(db: DbOrTx, ids: readonly number[]) {
  return db.opinion.findMany({
    where: { id: { in: [...ids] } },
    select: {
      id: true,
      consultationId: true,
      channel: true,
      receivedAt: true,
      consent: true,
      publishedText: true,
      publishedExemptions: true,
      section: { select: { id: true, heading: true } },
      answer: { select: answerSelect },
      group: { select: { id: true, ...answerSelect } },
    },
    orderBy: { id: 'asc' },
  })
}

export function findOpenGroups(db: DbOrTx, ids: readonly number[]) {
  return db.opinionGroup.findMany({
    where: { id: { in: [...ids] } },
    select: { id: true, consultationId: true, title: true, ...answerSelect, _count: { select: { opinions: { where: { moderation: 'APPROVED' } } } } },
    orderBy: { id: 'asc' },
  })
}

export function findOpenQaItems(db: DbOrTx, ids: readonly number[]) {
  return db.qaItem.findMany({
    where: { id: { in: [...ids] } },
    select: {
      id: true,
      question: true,
      aliases: true,
      answer: true,
      topic: true,
      reviewNotice: true,
      helpfulCount: true,
      unhelpfulCount: true,
      publishedAt: true,
      department: departmentSelect,
      policyDocument: { select: { id: true, title: true, docNumber: true } },
    },
    orderBy: { id: 'asc' },
  })
}
