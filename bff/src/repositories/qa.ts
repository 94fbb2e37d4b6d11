// The Q&A library's rows: published and staff items, topics, synonyms, votes and views, usage counts, the library version, and import uploads.
import { type DbOrTx, independent } from '../db/client'
import { refusingDuplicates } from '../db/errors'
import { Prisma } from '../generated/prisma/client'
import type { ContentStatus } from '../generated/prisma/client'

const itemSelect = {
  id: true,
  question: true,
  aliases: true,
  answer: true,
  answerBlocks: true,
  topic: true,
  status: true,
  reviewedAt: true,
  reviewNotice: true,
  flaggedAt: true,
  publishedAt: true,
  helpfulCount: true,
  unhelpfulCount: true,
  viewCount: true,
  externalId: true,
  pendingRevision: true,
  clauseId: true,
  updatedAt: true,
  department: { select: { id: true, name: true } },
  policyDocument: {
    select: {
      id: true,
      title: true,
      docNumber: true,
      validity: true,
      validityChangedAt: true,
      status: true,
      replacedBy: { select: { id: true, title: true, docNumber: true, status: true } },
    },
  },
  clause: { select: { id: true, heading: true, body: true } },
} satisfies Prisma.QaItemSelect

export type QaItemRow = Prisma.QaItemGetPayload<{ select: typeof itemSelect }>

const published = { status: 'PUBLISHED' } as const

/** Published items for a listing (no query): most viewed and most helpful first. */
export async function findPublishedQaItems(db: DbOrTx, filter: { topic?: string }, page: { skip: number; take: number }) {
  const where: Prisma.QaItemWhereInput = { ...published, ...(filter.topic ? { topic: filter.topic } : {}) }
  const [rows, total] = await independent(
    db,
    () =>
      db.qaItem.findMany({
        where,
        select: itemSelect,
        orderBy: [{ viewCount: 'desc' }, { helpfulCount: 'desc' }, { id: 'asc' }],
        skip: page.skip,
        take: page.take,
      }),
    () => db.qaItem.count({ where }),
  )
  return { rows, total }
}

/** What a list shows of an item. */
export interface QaSummaryRow {
  id: number
  question: string
  answer: string
  topic: string
  reviewedAt: Date
  reviewNotice: string | null
  helpfulCount: number
  unhelpfulCount: number
  department: { id: number; name: string } | null
  policyDocument: { id: number; title: string; docNumber: string; validity: 'VALID' | 'AMENDED' | 'REPEALED' | 'EXPIRED'; status: ContentStatus } | null
}

/**
 * Published items by id, in no particular order (search results keep their own order). One SQL
 * statement: this runs on every search, where Prisma's relation loading cost several milliseconds.
 */
export async function findPublishedQaItemsByIds(db: DbOrTx, ids: number[]): Promise<QaSummaryRow[]> {
  if (ids.length === 0) return []
  const rows = await db.$queryRaw<
    {
      id: number
      question: string
      answer: string
      topic: string
      reviewed_at: Date
      review_notice: string | null
      helpful_count: number
      unhelpful_count: number
      department_id: number | null
      department_name: string | null
      policy_id: number | null
      policy_title: string | null
      policy_doc_number: string | null
      policy_validity: 'VALID' | 'AMENDED' | 'REPEALED' | 'EXPIRED' | null
      policy_status: ContentStatus | null
    }[]
  >`
    SELECT i.id, i.question, i.answer, i.topic, i.reviewed_at, i.review_notice, i.helpful_count, i.unhelpful_count,
           d.id AS department_id, d.name AS department_name,
           p.id AS policy_id, p.title AS policy_title, p.doc_number AS policy_doc_number,
           p.validity::text AS policy_validity, p.status::text AS policy_status
    FROM qa_item i
    LEFT JOIN department d ON d.id = i.department_id
    LEFT JOIN policy_document p ON p.id = i.policy_document_id
    WHERE i.id = ANY(${ids}::int[]) AND i.status = 'PUBLISHED'`
  return rows.map((r) => ({
    id: r.id,
    question: r.question,
    answer: r.answer,
    topic: r.topic,
    reviewedAt: r.reviewed_at,
    reviewNotice: r.review_notice,
    helpfulCount: r.helpful_count,
    unhelpfulCount: r.unhelpful_count,
    department: r.department_id !== null ? { id: r.department_id, name: r.department_name as string } : null,
    policyDocument:
      r.policy_id !== null
        ? { id: r.policy_id, title: r.policy_title as string, docNumber: r.policy_doc_number as string, validity: r.policy_validity!, status: r.policy_status! }
        : null,
  }))
}

export function findPublishedQaItem(db: DbOrTx, id: number) {
  return db.qaItem.findFirst({ where: { id, ...published }, select: itemSelect })
}

export function findQaItem(db: DbOrTx, id: number) {
  return db.qaItem.findUnique({ where: { id }, select: itemSelect })
}

/** Lock an item for a staff change (concurrent publish and edit serialise). */
export async function lockQaItem(db: DbOrTx, id: number) {
  await db.$queryRaw`SELECT id FROM qa_item WHERE id = ${id} FOR UPDATE`
  return findQaItem(db, id)
}

export async function findStaffQaItems(
  db: DbOrTx,
  filter: { status?: ContentStatus; needsReview?: boolean; topic?: string; q?: string },
  page: { skip: number; take: number },
) {
  const where: Prisma.QaItemWhereInput = {
    ...(filter.status ? { status: filter.status } : {}),
    ...(filter.topic ? { topic: filter.topic } : {}),
    ...(filter.needsReview === true ? { OR: [{ reviewNotice: { not: null } }, { pendingRevision: { not: Prisma.AnyNull } }] } : {}),
    ...(filter.needsReview === false ? { reviewNotice: null, pendingRevision: { equals: Prisma.AnyNull } } : {}),
    ...(filter.q
      ? { AND: [{ OR: [{ question: { contains: filter.q, mode: 'insensitive' } }, { answer: { contains: filter.q, mode: 'insensitive' } }] }] }
      : {}),
  }
  const [rows, total] = await independent(
    db,
    () =>
      db.qaItem.findMany({
        where,
        select: itemSelect,
        orderBy: [{ flaggedAt: { sort: 'desc', nulls: 'last' } }, { updatedAt: 'desc' }, { id: 'desc' }],
        skip: page.skip,
        take: page.take,
      }),
    () => db.qaItem.count({ where }),
  )
  return { rows, total }
}

export interface QaItemData {
  question: string
  aliases: string[]
  answer: string
  answerBlocks: Prisma.InputJsonValue
  topic: string
  departmentId: number | null
  policyDocumentId: number | null
  clauseId: number | null
}

export function insertQaItem(
  db: DbOrTx,
  data: QaItemData & { status?: ContentStatus; publishedAt?: Date | null; reviewedAt?: Date; externalId?: string | null; createdById?: number | null },
) {
  return db.qaItem.create({ data, select: { id: true } })
}

/** Items whose answer is plain text only (no blocks: read back as paragraphs), in one statement: a library loaded whole (the demo). */
export function insertPlainQaItems(
  db: DbOrTx,
  items: (Omit<QaItemData, 'answerBlocks'> & { status: ContentStatus; publishedAt: Date | null; reviewedAt: Date })[],
) {
  return db.qaItem.createMany({ data: items })
}

export function updateQaItem(
  db: DbOrTx,
  id: number,
  data: Partial<QaItemData> & {
    status?: ContentStatus
    publishedAt?: Date | null
    reviewedAt?: Date
    reviewNotice?: string | null
    flaggedAt?: Date | null
    pendingRevision?: Prisma.InputJsonValue | typeof Prisma.DbNull
  },
) {
  return db.qaItem.update({ where: { id }, data, select: { id: true } })
}

/** Items resting on a document (to flag when it is amended or repealed). */
export function flagQaItemsOfDocument(db: DbOrTx, documentId: number, notice: string, at: Date) {
  return db.qaItem.updateMany({ where: { policyDocumentId: documentId, status: { not: 'WITHDRAWN' } }, data: { reviewNotice: notice, flaggedAt: at } })
}

/** What the search indexes of each published item: its phrasings, answer, topic and the title of the published policy it rests on. */
export async function findSearchableQaItems(db: DbOrTx) {
  const rows = await db.qaItem.findMany({
    where: published,
    select: { id: true, question: true, aliases: true, answer: true, topic: true, policyDocument: { select: { title: true, status: true } } },
    orderBy: { id: 'asc' },
  })
  return rows.map(({ policyDocument, ...row }) => ({ ...row, policy: policyDocument?.status === 'PUBLISHED' ? policyDocument.title : null }))
}

export async function countQaTopics(db: DbOrTx) {
  const [groups, topics] = await independent(
    db,
    () => db.qaItem.groupBy({ by: ['topic'], where: published, _count: { _all: true } }),
    () => db.qaTopic.findMany({ select: { name: true, position: true }, orderBy: [{ position: 'asc' }, { id: 'asc' }] }),
  )
  return { groups: groups.map((g) => ({ topic: g.topic, count: g._count._all })), topics }
}

export function countQaItems(db: DbOrTx) {
  return db.qaItem.count({ where: published })
}

/** Lock a published item for a vote (votes on one item take turns); false when there is none. */
export async function lockPublishedQaItem(db: DbOrTx, id: number) {
  const rows = await db.$queryRaw<{ id: number }[]>`SELECT id FROM qa_item WHERE id = ${id} AND status = 'PUBLISHED' FOR UPDATE`
  return rows.length === 1
}

/** The voter's earlier vote on the item: true (helpful), false, or null when none. */
export async function findQaVote(db: DbOrTx, itemId: number, voter: string) {
  const vote = await db.qaVote.findUnique({ where: { itemId_voter: { itemId, voter } }, select: { helpful: true } })
  return vote?.helpful ?? null
}

export async function saveQaVote(db: DbOrTx, itemId: number, voter: string, helpful: boolean) {
  await db.qaVote.upsert({ where: { itemId_voter: { itemId, voter } }, create: { itemId, voter, helpful }, update: { helpful }, select: { itemId: true } })
}

/** Move the item's counts by the given amounts (a new vote: +1; a changed vote: +1 and −1). */
export function adjustQaFeedback(db: DbOrTx, id: number, change: { helpful: number; unhelpful: number }) {
  return db.qaItem.update({
    where: { id },
    data: { helpfulCount: { increment: change.helpful }, unhelpfulCount: { increment: change.unhelpful } },
    select: { helpfulCount: true, unhelpfulCount: true },
  })
}

/** Record the voter's first view of the item; false when they had viewed it before. */
export async function recordFirstQaView(db: DbOrTx, itemId: number, voter: string) {
  const inserted = await db.$executeRaw`
    INSERT INTO qa_view (item_id, voter) VALUES (${itemId}, ${voter})
    ON CONFLICT (item_id, voter) DO NOTHING`
  return inserted === 1
}

/** Forget the votes and views stored under these voter digests; the items' counts stay (anonymous totals). */
export async function deleteQaVotesAndViews(db: DbOrTx, voters: readonly string[]) {
  await db.qaVote.deleteMany({ where: { voter: { in: [...voters] } } })
  await db.qaView.deleteMany({ where: { voter: { in: [...voters] } } })
}

// —— topics and synonyms ——

export function findQaTopics(db: DbOrTx) {
  return db.qaTopic.findMany({ select: { id: true, name: true, position: true }, orderBy: [{ position: 'asc' }, { id: 'asc' }] })
}

export function insertQaTopic(db: DbOrTx, name: string, position: number) {
  return refusingDuplicates(db.qaTopic.create({ data: { name, position }, select: { id: true, name: true, position: true } }), 'QA_TOPIC_EXISTS')
}

export async function insertQaTopics(db: DbOrTx, names: string[]) {
  if (names.length > 0) await db.qaTopic.createMany({ data: names.map((name) => ({ name, position: 1000 })), skipDuplicates: true })
}

export function findQaSynonyms(db: DbOrTx) {
  return db.qaSynonym.findMany({ select: { id: true, terms: true, expansions: true }, orderBy: { id: 'asc' } })
}

export function insertQaSynonym(db: DbOrTx, data: { terms: string[]; expansions: string[]; createdById: number }) {
  return db.qaSynonym.create({ data, select: { id: true, terms: true, expansions: true } })
}

export async function deleteQaSynonym(db: DbOrTx, id: number) {
  const { count } = await db.qaSynonym.deleteMany({ where: { id } })
  return count > 0
}

// —— the library version (search index freshness) ——

/** Bump inside the transaction that changes what search sees. */
export async function bumpQaLibraryVersion(db: DbOrTx) {
  await db.$executeRaw`INSERT INTO qa_library_state (id, version) VALUES (1, 1) ON CONFLICT (id) DO UPDATE SET version = qa_library_state.version + 1`
}

export async function readQaLibraryVersion(db: DbOrTx): Promise<number> {
  const rows = await db.$queryRaw<{ version: number }[]>`SELECT version FROM qa_library_state WHERE id = 1`
  return rows[0]?.version ?? 0
}

// —— hot questions ——

export interface StatIncrement {
  itemId: number
  day: string
  views: number
  searchHits: number
}

/** Add buffered counts in one statement (items withdrawn since are still counted; deleted ones are skipped). */
export async function addQaStats(db: DbOrTx, increments: StatIncrement[]) {
  if (increments.length === 0) return
  const ids = increments.map((i) => i.itemId)
  const days = increments.map((i) => i.day)
  const views = increments.map((i) => i.views)
  const hits = increments.map((i) => i.searchHits)
  await db.$executeRaw`
    INSERT INTO qa_item_daily_stat (item_id, day, views, search_hits)
    SELECT s.item_id, s.day, s.views, s.hits
    FROM unnest(${ids}::int[], ${days}::date[], ${views}::int[], ${hits}::int[]) AS s(item_id, day, views, hits)
    WHERE EXISTS (SELECT 1 FROM qa_item WHERE qa_item.id = s.item_id)
    ON CONFLICT (item_id, day) DO UPDATE
      SET views = qa_item_daily_stat.views + EXCLUDED.views, search_hits = qa_item_daily_stat.search_hits + EXCLUDED.search_hits`
  await db.$executeRaw`
    UPDATE qa_item SET view_count = qa_item.view_count + s.views
    FROM (SELECT item_id, SUM(views)::int AS views FROM unnest(${ids}::int[], ${views}::int[]) AS u(item_id, views) GROUP BY item_id) AS s
    WHERE qa_item.id = s.item_id AND s.views > 0`
}

/** Searches made and searches without a good answer, per Shanghai day (counts only, never the words). */
export interface SearchIncrement {
  day: string
  searches: number
  unanswered: number
}

export async function addQaSearchStats(db: DbOrTx, increments: SearchIncrement[]) {
  if (increments.length === 0) return
  await db.$executeRaw`
    INSERT INTO qa_search_daily_stat (day, searches, unanswered)
    SELECT s.day, s.searches, s.unanswered
    FROM unnest(${increments.map((i) => i.day)}::date[], ${increments.map((i) => i.searches)}::int[], ${increments.map((i) => i.unanswered)}::int[]) AS s(day, searches, unanswered)
    ON CONFLICT (day) DO UPDATE
      SET searches = qa_search_daily_stat.searches + EXCLUDED.searches, unanswered = qa_search_daily_stat.unanswered + EXCLUDED.unanswered`
}

export function findHotQaItems(db: DbOrTx, filter: { topic?: string; since: string; limit: number }) {
  const topic = filter.topic ?? null
  return db.$queryRaw<{ id: number; question: string; topic: string; views: number; searches: number }[]>`
    SELECT i.id, i.question, i.topic,
           COALESCE(SUM(s.views), 0)::int AS views, COALESCE(SUM(s.search_hits), 0)::int AS searches
    FROM qa_item i
    LEFT JOIN qa_item_daily_stat s ON s.item_id = i.id AND s.day >= ${filter.since}::date
    WHERE i.status = 'PUBLISHED' AND (${topic}::text IS NULL OR i.topic = ${topic}::text)
    GROUP BY i.id
    ORDER BY COALESCE(SUM(s.views), 0) + COALESCE(SUM(s.search_hits), 0) DESC, i.helpful_count DESC, i.id ASC
    LIMIT ${filter.limit}`
}

// —— import / export ——

export function findQaItemsForExport(db: DbOrTx, filter: { status?: ContentStatus; topic?: string }) {
  return db.qaItem.findMany({
    where: { ...(filter.status ? { status: filter.status } : {}), ...(filter.topic ? { topic: filter.topic } : {}) },
    select: {
      id: true,
      externalId: true,
      question: true,
      aliases: true,
      answer: true,
      topic: true,
      status: true,
      reviewedAt: true,
      department: { select: { name: true } },
      policyDocument: { select: { docNumber: true } },
      clause: { select: { position: true } },
    },
    orderBy: { id: 'asc' },
  })
}

export function findQaItemsByExternalIds(db: DbOrTx, externalIds: string[]) {
  return db.qaItem.findMany({ where: { externalId: { in: externalIds } }, select: { id: true, externalId: true, status: true } })
}

export function insertQaImport(db: DbOrTx, data: { staffId: number; format: string; filename: string; expiresAt: Date; first: Uint8Array<ArrayBuffer> }) {
  return db.qaImport.create({
    data: { staffId: data.staffId, format: data.format, filename: data.filename, expiresAt: data.expiresAt, parts: { create: { index: 0, data: data.first } } },
    select: { id: true },
  })
}

export function findQaImport(db: DbOrTx, id: number) {
  return db.qaImport.findUnique({ where: { id }, select: { id: true, staffId: true, format: true, filename: true, committedAt: true, expiresAt: true } })
}

export async function lockQaImport(db: DbOrTx, id: number) {
  await db.$queryRaw`SELECT id FROM qa_import WHERE id = ${id} FOR UPDATE`
  return findQaImport(db, id)
}

export function upsertQaImportPart(db: DbOrTx, importId: number, index: number, data: Uint8Array<ArrayBuffer>) {
  return db.qaImportPart.upsert({
    where: { importId_index: { importId, index } },
    create: { importId, index, data },
    update: { data },
    select: { index: true },
  })
}

export async function qaImportSize(db: DbOrTx, importId: number) {
  const rows = await db.$queryRaw<{ parts: number; bytes: number }[]>`
    SELECT COUNT(*)::int AS parts, COALESCE(SUM(octet_length(data)), 0)::int AS bytes FROM qa_import_part WHERE import_id = ${importId}`
  return rows[0] ?? { parts: 0, bytes: 0 }
}

/** Parts fetched per query: converting the rows of one query blocks the event loop, so each stays small (≈ 640 KB). */
const PARTS_PER_QUERY = 16

/** The parts of an upload in order, fetched a few at a time with the event loop free in between. */
export async function findQaImportParts(db: DbOrTx, importId: number) {
  const indexes = await db.qaImportPart.findMany({ where: { importId }, select: { index: true }, orderBy: { index: 'asc' } })
  const parts: { index: number; data: Uint8Array }[] = []
  for (let at = 0; at < indexes.length; at += PARTS_PER_QUERY) {
    const wanted = indexes.slice(at, at + PARTS_PER_QUERY).map((p) => p.index)
    parts.push(
      ...(await db.qaImportPart.findMany({ where: { importId, index: { in: wanted } }, select: { index: true, data: true }, orderBy: { index: 'asc' } })),
    )
    await new Promise((resolve) => setImmediate(resolve))
  }
  return parts
}

export function markQaImportCommitted(db: DbOrTx, id: number, at: Date, result: Prisma.InputJsonValue) {
  return db.qaImport.update({ where: { id }, data: { committedAt: at, result } })
}

/** Staged uploads past their expiry go (their parts cascade). */
export function deleteExpiredQaImports(db: DbOrTx, now: Date) {
  return db.qaImport.deleteMany({ where: { expiresAt: { lt: now } } })
}

/** Count a search without a good answer under its words (a new row, or one more search). */
export async function recordQaUnanswered(db: DbOrTx, text: string, at: Date): Promise<void> {
  await db.qaUnanswered.upsert({
    where: { text },
    create: { text, firstAskedAt: at, lastAskedAt: at },
    update: { searches: { increment: 1 }, lastAskedAt: at },
  })
}

/** The most searched unanswered wordings first. */
export function findQaUnanswered(db: DbOrTx, limit: number) {
  return db.qaUnanswered.findMany({ orderBy: [{ searches: 'desc' }, { lastAskedAt: 'desc' }, { id: 'asc' }], take: limit })
}

/** Remove an unanswered wording; false when it was not there. */
export async function deleteQaUnanswered(db: DbOrTx, id: number): Promise<boolean> {
  return (await db.qaUnanswered.deleteMany({ where: { id } })).count === 1
}
