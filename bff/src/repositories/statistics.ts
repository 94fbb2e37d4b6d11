// Reads behind the statistics: consultations, their opinions with answers, events with registration counts, Q&A usage of a year.
import { type DbOrTx } from '../db/client'
import { Prisma } from '../generated/prisma/client'

export interface StatisticsFilter {
  /** Consultations opened, events starting in [from, to) */
  from: Date
  to: Date
  /** undefined: every department */
  departmentIds?: readonly number[]
  /** Public figures: only consultations whose 采纳情况 is published by `now`, events published by `now` */
  publishedBy?: Date
  /** Only these consultations */
  consultationIds?: readonly number[]
}

const answerSelect = { adoption: true, reason: true, content: true, repliedAt: true, department: { select: { id: true, name: true } } } satisfies Prisma.OpinionAnswerSelect

/** Consultations opened in [from, to) with every opinion and its answer (and its group's). */
export function findConsultationsWithOpinions(db: DbOrTx, filter: Omit<StatisticsFilter, 'from' | 'to'> & Partial<Pick<StatisticsFilter, 'from' | 'to'>>) {
  return db.consultation.findMany({
    where: {
      ...(filter.from && filter.to ? { opensAt: { gte: filter.from, lt: filter.to } } : {}),
      publishedAt: filter.publishedBy ? { lte: filter.publishedBy } : { not: null },
      ...(filter.publishedBy ? { feedbackPublishedAt: { lte: filter.publishedBy } } : {}),
      ...(filter.departmentIds ? { departmentId: { in: [...filter.departmentIds] } } : {}),
      ...(filter.consultationIds ? { id: { in: [...filter.consultationIds] } } : {}),
    },
    select: {
      id: true,
      title: true,
      opensAt: true,
      closesAt: true,
      feedbackPublishedAt: true,
      department: { select: { id: true, name: true } },
      opinions: {
        select: {
          id: true,
          citizenId: true,
          rawText: true,
          moderation: true,
          channel: true,
          receivedAt: true,
          answer: { select: answerSelect },
          group: { select: { id: true, ...answerSelect } },
        },
        orderBy: [{ receivedAt: 'asc' }, { id: 'asc' }],
      },
    },
    orderBy: [{ opensAt: 'asc' }, { id: 'asc' }],
  })
}
export type ConsultationWithOpinions = Awaited<ReturnType<typeof findConsultationsWithOpinions>>[number]
export type StatisticsOpinion = ConsultationWithOpinions['opinions'][number]

/** Published, not cancelled events starting in [from, to), with registrations by outcome. */
export async function findEventFigures(db: DbOrTx, filter: StatisticsFilter) {
  const published = filter.publishedBy ? Prisma.sql`AND e.published_at <= ${filter.publishedBy}` : Prisma.empty
  const departments = filter.departmentIds ? Prisma.sql`AND e.department_id = ANY(${[...filter.departmentIds]}::int[])` : Prisma.empty
  const rows = await db.$queryRaw<{ id: number; department_id: number; kind: string; starts_at: Date; registrations: bigint; selected: bigint; attended: bigint }[]>`
    SELECT e.id, e.department_id, e.kind::text AS kind, e.starts_at,
           count(r.id) FILTER (WHERE r.status <> 'CANCELLED') AS registrations,
           count(r.id) FILTER (WHERE r.status IN ('SELECTED', 'CHECKED_IN')) AS selected,
           count(r.id) FILTER (WHERE r.status = 'CHECKED_IN') AS attended
    FROM event e
    LEFT JOIN registration r ON r.event_id = e.id
    WHERE e.starts_at >= ${filter.from} AND e.starts_at < ${filter.to}
      AND e.published_at IS NOT NULL ${published}
      AND e.cancelled_at IS NULL ${departments}
    GROUP BY e.id
    ORDER BY e.id`
  return rows.map((r) => ({
    id: r.id,
    departmentId: r.department_id,
    kind: r.kind,
    startsAt: r.starts_at,
    registrations: Number(r.registrations),
    selected: Number(r.selected),
    attended: Number(r.attended),
  }))
}

/** Q&A library usage: published items and votes now; views, search hits, searches and searches without an answer on days in [from, to); the most asked. */
export async function findQaFigures(db: DbOrTx, from: Date, to: Date) {
  const [totals] = await db.$queryRaw<{ items: bigint; helpful: bigint | null; unhelpful: bigint | null }[]>`
    SELECT count(*) AS items, sum(helpful_count) AS helpful, sum(unhelpful_count) AS unhelpful
    FROM qa_item WHERE status = 'PUBLISHED'`
  const usage = await db.$queryRaw<{ id: number; question: string; topic: string; views: bigint; search_hits: bigint }[]>`
    SELECT q.id, q.question, q.topic, sum(s.views) AS views, sum(s.search_hits) AS search_hits
    FROM qa_item_daily_stat s JOIN qa_item q ON q.id = s.item_id
    WHERE q.status = 'PUBLISHED' AND s.day >= (${from}::timestamptz AT TIME ZONE 'Asia/Shanghai')::date
      AND s.day < (${to}::timestamptz AT TIME ZONE 'Asia/Shanghai')::date
    GROUP BY q.id
    ORDER BY sum(s.views) + sum(s.search_hits) DESC, q.id ASC`
  const [searches] = await db.$queryRaw<{ searches: bigint | null; unanswered: bigint | null }[]>`
    SELECT sum(searches) AS searches, sum(unanswered) AS unanswered FROM qa_search_daily_stat
    WHERE day >= (${from}::timestamptz AT TIME ZONE 'Asia/Shanghai')::date AND day < (${to}::timestamptz AT TIME ZONE 'Asia/Shanghai')::date`
  return {
    searches: Number(searches?.searches ?? 0),
    unansweredSearches: Number(searches?.unanswered ?? 0),
    publishedItems: Number(totals?.items ?? 0),
    helpfulVotes: Number(totals?.helpful ?? 0),
    unhelpfulVotes: Number(totals?.unhelpful ?? 0),
    usage: usage.map((u) => ({ id: u.id, question: u.question, topic: u.topic, views: Number(u.views), searchHits: Number(u.search_hits) })),
  }
}

/** Shanghai years with a published consultation or event, newest first. */
export async function findStatisticsYears(db: DbOrTx): Promise<number[]> {
  const rows = await db.$queryRaw<{ year: number }[]>`
    SELECT DISTINCT year FROM (
      SELECT extract(year FROM opens_at AT TIME ZONE 'Asia/Shanghai')::int AS year FROM consultation WHERE published_at IS NOT NULL
      UNION SELECT extract(year FROM starts_at AT TIME ZONE 'Asia/Shanghai')::int FROM event WHERE published_at IS NOT NULL
    ) y ORDER BY year DESC`
  return rows.map((r) => r.year)
}
