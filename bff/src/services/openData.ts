// Open data: public, paged JSON feeds and CSV of published consultations, masked opinions with answers, groups, events with outcomes and the Q&A library.
import { type OpenDataCatalog, type OpenDataSet, openDataSets, type OpinionFigures, type QueryOf, type ResponseOf } from '@gm/shared'
import type { Deps } from '../deps'
import { toCsv, type Table } from '../lib/spreadsheet'
import { findEventsByIds } from '../repositories/event'
import {
  type FeedWindow,
  findFeedPage,
  findFeedSummary,
  findOpenConsultations,
  findOpenGroups,
  findOpenOpinions,
  findOpenQaItems,
} from '../repositories/openData'
import { toEventDetail } from './event'
import { effectiveAnswer, publicAnswer } from './opinionView'
import { iso, isoOrNull } from './paging'
import { publicOpinionText } from './personalInfo'
import { publishedFiguresOf } from './statistics'

type OpenQuery = QueryOf<'listOpenConsultations'>
type CsvQuery = QueryOf<'exportOpenConsultations'>
type Item<N extends 'listOpenConsultations' | 'listOpenOpinions' | 'listOpenGroups' | 'listOpenEvents' | 'listOpenQaItems'> = ResponseOf<N>['items'][number]

/** Rows of a set in id order, each with its updatedAt. */
type Loader<T> = (deps: Deps, rows: readonly { id: number; updatedAt: Date }[], now: Date) => Promise<T[]>

const updatedOf = (rows: readonly { id: number; updatedAt: Date }[]) => new Map(rows.map((r) => [r.id, iso(r.updatedAt)]))

const loadConsultations: Loader<Item<'listOpenConsultations'>> = async (deps, rows, now) => {
  const updated = updatedOf(rows)
  const consultations = await findOpenConsultations(deps.db, [...updated.keys()])
  const figures: Map<number, OpinionFigures> = await publishedFiguresOf(
    deps,
    consultations.filter((c) => c.feedbackPublishedAt && c.feedbackPublishedAt <= now).map((c) => c.id),
    now,
  )
  return consultations.map((c) => {
    const feedbackPublished = c.feedbackPublishedAt && c.feedbackPublishedAt <= now ? c.feedbackPublishedAt : null
    return {
      id: c.id,
      title: c.title,
      summary: c.summary,
      department: c.department,
      decisionId: c.decisionId,
      isMajorDecision: c.isMajorDecision,
      opensAt: iso(c.opensAt),
      closesAt: iso(c.closesAt),
      draftVersion: c.draftVersion,
      publishedAt: iso(c.publishedAt!),
      feedbackPublishedAt: isoOrNull(feedbackPublished),
      figures: figures.get(c.id) ?? null,
      updatedAt: updated.get(c.id)!,
    }
  })
}

const loadOpinions: Loader<Item<'listOpenOpinions'>> = async (deps, rows) => {
  const updated = updatedOf(rows)
  const opinions = await findOpenOpinions(deps.db, [...updated.keys()])
  return opinions.flatMap((o) => {
    const answer = effectiveAnswer(o)
    if (!answer) return []
    return [
      {
        id: o.id,
        consultationId: o.consultationId,
        section: o.section,
        channel: o.channel,
        receivedAt: iso(o.receivedAt),
        // Masked text only; never the name (even a consented one) or a contact: feeds are copied in bulk.
        text: o.consent === 'PRIVATE' ? null : publicOpinionText(o),
        groupId: publicAnswer(o.group) ? o.group!.id : null,
        answer,
        updatedAt: updated.get(o.id)!,
      },
    ]
  })
}

const loadGroups: Loader<Item<'listOpenGroups'>> = async (deps, rows) => {
  const updated = updatedOf(rows)
  const groups = await findOpenGroups(deps.db, [...updated.keys()])
  return groups.flatMap((g) => {
    const answer = publicAnswer(g)
    return answer
      ? [{ id: g.id, consultationId: g.consultationId, title: g.title, opinionCount: g._count.opinions, answer, updatedAt: updated.get(g.id)! }]
      : []
  })
}

const loadEvents: Loader<Item<'listOpenEvents'>> = async (deps, rows, now) => {
  const updated = updatedOf(rows)
  const events = await findEventsByIds(deps.db, [...updated.keys()])
  return events.map((row) => {
    const detail = toEventDetail(row, now)
    const outcome = detail.outcome && row.outcomePublishedAt && row.outcomePublishedAt <= now ? detail.outcome : null
    return {
      id: detail.id,
      kind: detail.kind,
      title: detail.title,
      description: detail.description,
      place: detail.place,
      department: detail.department,
      decisionId: detail.decisionId,
      startsAt: detail.startsAt,
      endsAt: detail.endsAt,
      capacity: detail.capacity,
      selectionMode: detail.selectionMode,
      cancelled: detail.cancelled,
      outcome: outcome && { summary: outcome.summary, publishedAt: outcome.publishedAt, attendeeCount: outcome.attendeeCount, opinions: outcome.opinions },
      updatedAt: updated.get(row.id)!,
    }
  })
}

const loadQaItems: Loader<Item<'listOpenQaItems'>> = async (deps, rows) => {
  const updated = updatedOf(rows)
  const items = await findOpenQaItems(deps.db, [...updated.keys()])
  return items.map((q) => ({
    id: q.id,
    question: q.question,
    aliases: q.aliases,
    answer: q.answer,
    topic: q.topic,
    department: q.department,
    policyDocument: q.policyDocument,
    reviewNotice: q.reviewNotice,
    helpfulCount: q.helpfulCount,
    unhelpfulCount: q.unhelpfulCount,
    publishedAt: iso(q.publishedAt!),
    updatedAt: updated.get(q.id)!,
  }))
}

async function feedPage<T>(deps: Deps, set: OpenDataSet, load: Loader<T>, query: OpenQuery) {
  const now = deps.clock()
  const window: FeedWindow = {
    now,
    updatedSince: query.updatedSince ? new Date(query.updatedSince) : undefined,
    page: { skip: (query.page - 1) * query.pageSize, take: query.pageSize },
  }
  const { rows, total } = await findFeedPage(deps.db, set, window)
  const items = await load(deps, rows, now)
  return { dataset: set, items, total, page: query.page, pageSize: query.pageSize, nextPage: query.page * query.pageSize < total ? query.page + 1 : null }
}

export const listOpenConsultations = (deps: Deps, query: OpenQuery) => feedPage(deps, 'consultations', loadConsultations, query)
export const listOpenOpinions = (deps: Deps, query: OpenQuery) => feedPage(deps, 'opinions', loadOpinions, query)
export const listOpenGroups = (deps: Deps, query: OpenQuery) => feedPage(deps, 'groups', loadGroups, query)
export const listOpenEvents = (deps: Deps, query: OpenQuery) => feedPage(deps, 'events', loadEvents, query)
export const listOpenQaItems = (deps: Deps, query: OpenQuery) => feedPage(deps, 'qa', loadQaItems, query)

// —— CSV: the whole set (or the part updated since), flattened ——

const CSV_BATCH = 2_000

async function allItems<T>(deps: Deps, set: OpenDataSet, load: Loader<T>, query: CsvQuery): Promise<T[]> {
  const now = deps.clock()
  const { rows } = await findFeedPage(deps.db, set, { now, updatedSince: query.updatedSince ? new Date(query.updatedSince) : undefined })
  const items: T[] = []
  for (let i = 0; i < rows.length; i += CSV_BATCH) items.push(...(await load(deps, rows.slice(i, i + CSV_BATCH), now)))
  return items
}

type Answer = Item<'listOpenOpinions'>['answer']
const answerHeader = ['adoption', 'reason', 'answer', 'answerDepartment', 'repliedAt']
const answerCells = (a: Answer) => [a.adoption, a.reason, a.content, a.department.name, a.repliedAt]
const figureKeys = ['received', 'valid', 'adopted', 'partiallyAdopted', 'notAdopted', 'explained', 'participants', 'replyDaysMean', 'overdue'] as const

function csvFile(set: OpenDataSet, table: Table, date: string) {
  return { filename: `open-data-${set}-${date}.csv`, contentType: 'text/csv; charset=utf-8', content: toCsv(table) }
}

const csvBuilders: { [S in OpenDataSet]: (deps: Deps, query: CsvQuery) => Promise<Table> } = {
  consultations: async (deps, query) => ({
    sheetName: 'consultations',
    header: [
      'id',
      'title',
      'summary',
      'departmentId',
      'department',
      'decisionId',
      'isMajorDecision',
      'opensAt',
      'closesAt',
      'draftVersion',
      'publishedAt',
      'feedbackPublishedAt',
      ...figureKeys,
      'updatedAt',
    ],
    rows: (await allItems(deps, 'consultations', loadConsultations, query)).map((c) => [
      c.id,
      c.title,
      c.summary,
      c.department.id,
      c.department.name,
      c.decisionId,
      String(c.isMajorDecision),
      c.opensAt,
      c.closesAt,
      c.draftVersion,
      c.publishedAt,
      c.feedbackPublishedAt,
      ...figureKeys.map((k) => c.figures?.[k] ?? null),
      c.updatedAt,
    ]),
  }),
  opinions: async (deps, query) => ({
    sheetName: 'opinions',
    header: ['id', 'consultationId', 'sectionId', 'section', 'channel', 'receivedAt', 'text', 'groupId', ...answerHeader, 'updatedAt'],
    rows: (await allItems(deps, 'opinions', loadOpinions, query)).map((o) => [
      o.id,
      o.consultationId,
      o.section?.id ?? null,
      o.section?.heading ?? null,
      o.channel,
      o.receivedAt,
      o.text,
      o.groupId,
      ...answerCells(o.answer),
      o.updatedAt,
    ]),
  }),
  groups: async (deps, query) => ({
    sheetName: 'groups',
    header: ['id', 'consultationId', 'title', 'opinionCount', ...answerHeader, 'updatedAt'],
    rows: (await allItems(deps, 'groups', loadGroups, query)).map((g) => [
      g.id,
      g.consultationId,
      g.title,
      g.opinionCount,
      ...answerCells(g.answer),
      g.updatedAt,
    ]),
  }),
  events: async (deps, query) => ({
    sheetName: 'events',
    header: [
      'id',
      'kind',
      'title',
      'description',
      'place',
      'departmentId',
      'department',
      'decisionId',
      'startsAt',
      'endsAt',
      'capacity',
      'selectionMode',
      'cancelledAt',
      'cancelReason',
      'outcome',
      'outcomePublishedAt',
      'attendeeCount',
      'outcomeOpinions',
      'updatedAt',
    ],
    rows: (await allItems(deps, 'events', loadEvents, query)).map((e) => [
      e.id,
      e.kind,
      e.title,
      e.description,
      e.place,
      e.department.id,
      e.department.name,
      e.decisionId,
      e.startsAt,
      e.endsAt,
      e.capacity,
      e.selectionMode,
      e.cancelled?.at ?? null,
      e.cancelled?.reason ?? null,
      e.outcome?.summary ?? null,
      e.outcome?.publishedAt ?? null,
      e.outcome?.attendeeCount ?? null,
      e.outcome ? e.outcome.opinions.length : null,
      e.updatedAt,
    ]),
  }),
  qa: async (deps, query) => ({
    sheetName: 'qa',
    header: [
      'id',
      'question',
      'aliases',
      'answer',
      'topic',
      'departmentId',
      'department',
      'policyDocumentId',
      'policyDocument',
      'docNumber',
      'reviewNotice',
      'helpfulCount',
      'unhelpfulCount',
      'publishedAt',
      'updatedAt',
    ],
    rows: (await allItems(deps, 'qa', loadQaItems, query)).map((q) => [
      q.id,
      q.question,
      q.aliases.join('|'),
      q.answer,
      q.topic,
      q.department?.id ?? null,
      q.department?.name ?? null,
      q.policyDocument?.id ?? null,
      q.policyDocument?.title ?? null,
      q.policyDocument?.docNumber ?? null,
      q.reviewNotice,
      q.helpfulCount,
      q.unhelpfulCount,
      q.publishedAt,
      q.updatedAt,
    ]),
  }),
}

export async function exportOpenData(deps: Deps, set: OpenDataSet, query: CsvQuery) {
  const table = await csvBuilders[set](deps, query)
  return csvFile(set, table, iso(deps.clock()).slice(0, 10))
}

const catalogText: Record<OpenDataSet, { title: string; description: string }> = {
  consultations: { title: '意见征集', description: '已发布的意见征集（草案标题、摘要、承办单位、征集期），采纳情况公布后附采纳统计。' },
  opinions: {
    title: '意见及答复',
    description: '采纳情况已公布的有效意见：去标识化的意见文本（本人选择不公开的为空）、所针对的条款、收集渠道与答复。不含署名、联系方式或账号。',
  },
  groups: { title: '集中意见', description: '采纳情况已公布的集中意见（相似意见归并后的概括）及其答复、所含有效意见条数。' },
  events: {
    title: '活动及会议结果',
    description: '已发布的政府开放日、列席会议、听证座谈活动，取消的附理由；会议结果公开后附结果、到场人数和去标识化的参加人员意见及答复。',
  },
  qa: { title: '政策问答库', description: '已发布的政策问答条目：问题、相似问法、答案、主题、依据文件与复核提示。' },
}

/** The catalog: no timestamps of its own, so the same data gives the same answer (and ETag). */
export async function getOpenDataCatalog(deps: Deps): Promise<OpenDataCatalog> {
  const now = deps.clock()
  const summaries = await Promise.all(openDataSets.map((set) => findFeedSummary(deps.db, set, now)))
  return {
    title: '政民互动开放数据',
    licence: '公开数据，可自由使用、复制和传播，请注明来源。',
    personalData: '开放数据只含已公开的内容：意见文本经去标识化，不含署名、联系方式、账号或报名信息。',
    datasets: openDataSets.map((set, i) => ({
      id: set,
      ...catalogText[set],
      path: `/api/open-data/${set}`,
      csvPath: `/api/open-data/${set}.csv`,
      total: summaries[i]!.total,
      updatedAt: isoOrNull(summaries[i]!.updatedAt),
    })),
  }
}
