// Reads behind the statistics: consultations, their opinions with answers, events with registration counts, Q&A usage of a year.
import { type DbOrTx } from '../db/client'
import { type Adoption, type ModerationStatus, type OpinionChannel, Prisma } from '../generated/prisma/client'

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

/** An answer as the statistics need it: what decides whether it stands (see publicAnswer), never its text. */
export interface AnswerFacts {
  adoption: Adoption | null
  /** '' when the answer has content (its text is not read), null when it has none */
  content: string | null
  reason: null
  repliedAt: Date | null
  department: { id: number; name: string } | null
}

export interface StatisticsOpinion {
  id: number
  consultationId: number
  citizenId: number | null
  rawText: string
  moderation: ModerationStatus
  channel: OpinionChannel
  receivedAt: Date
  answer: AnswerFacts | null
  group: AnswerFacts | null
}

type OpinionFactsRow = {
  id: number
  consultation_id: number
  citizen_id: number | null
  raw_text: string
  moderation: ModerationStatus
  channel: OpinionChannel
  received_at: Date
  a_adoption: Adoption | null
  a_replied_at: Date | null
  a_department_id: number | null
  g_adoption: Adoption | null
  g_content: boolean | null
  g_replied_at: Date | null
  g_department_id: number | null
}

const facts = (adoption: Adoption | null, hasContent: boolean, repliedAt: Date | null, departmentId: number | null): AnswerFacts => ({
  adoption,
  content: hasContent ? '' : null,
  reason: null,
  repliedAt,
  department: departmentId === null ? null : { id: departmentId, name: '' },
})

/**
 * Consultations opened in [from, to), each with every opinion (in order of receipt) and the facts of its
 * answer and its group's answer. One flat query for the opinions: a year can hold tens of thousands.
 */
export async function findConsultationsWithOpinions(
  db: DbOrTx,
  filter: Omit<StatisticsFilter, 'from' | 'to'> & Partial<Pick<StatisticsFilter, 'from' | 'to'>>,
) {
  const consultations = await db.consultation.findMany({
    where: {
      ...(filter.from && filter.to ? { opensAt: { gte: filter.from, lt: filter.to } } : {}),
      publishedAt: filter.publishedBy ? { lte: filter.publishedBy } : { not: null },
      ...(filter.publishedBy ? { feedbackPublishedAt: { lte: filter.publishedBy } } : {}),
      ...(filter.departmentIds ? { departmentId: { in: [...filter.departmentIds] } } : {}),
      ...(filter.consultationIds ? { id: { in: [...filter.consultationIds] } } : {}),
    },
    select: { id: true, title: true, opensAt: true, closesAt: true, feedbackPublishedAt: true, department: { select: { id: true, name: true } } },
    orderBy: [{ opensAt: 'asc' }, { id: 'asc' }],
  })
  if (consultations.length === 0) return []
  const rows = await db.$queryRaw<OpinionFactsRow[]>`
    SELECT o.id, o.consultation_id, o.citizen_id, o.raw_text, o.moderation::text AS moderation, o.channel::text AS channel, o.received_at,
           a.adoption::text AS a_adoption, a.replied_at AS a_replied_at, a.department_id AS a_department_id,
           g.adoption::text AS g_adoption, g.content IS NOT NULL AS g_content, g.replied_at AS g_replied_at, g.department_id AS g_department_id
    FROM opinion o
    LEFT JOIN opinion_answer a ON a.opinion_id = o.id
    LEFT JOIN opinion_group g ON g.id = o.group_id
    WHERE o.consultation_id = ANY(${consultations.map((c) => c.id)}::int[])
    ORDER BY o.received_at, o.id`
  const byConsultation = new Map<number, StatisticsOpinion[]>(consultations.map((c) => [c.id, []]))
  for (const r of rows) {
    byConsultation.get(r.consultation_id)!.push({
      id: r.id,
      consultationId: r.consultation_id,
      citizenId: r.citizen_id,
      rawText: r.raw_text,
      moderation: r.moderation,
      channel: r.channel,
      receivedAt: r.received_at,
      answer: r.a_adoption === null ? null : facts(r.a_adoption, true, r.a_replied_at, r.a_department_id),
      group: r.g_content === null ? null : facts(r.g_adoption, r.g_content === true, r.g_replied_at, r.g_department_id),
    })
  }
  return consultations.map((c) => ({ ...c, opinions: byConsultation.get(c.id)! }))
}
export type ConsultationWithOpinions = Awaited<ReturnType<typeof findConsultationsWithOpinions>>[number]

/** Published, not cancelled events starting in [from, to), with registrations by outcome. */
export async function findEventFigures(db: DbOrTx, filter: StatisticsFilter) {
  const published = filter.publishedBy ? Prisma.sql`AND e.published_at <= ${filter.publishedBy}` : Prisma.empty
  const departments = filter.departmentIds ? Prisma.sql`AND e.department_id = ANY(${[...filter.departmentIds]}::int[])` : Prisma.empty
  const rows = await db.$queryRaw<
    { id: number; department_id: number; kind: string; starts_at: Date; registrations: bigint; selected: bigint; attended: bigint }[]
  >`
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
