// Public Q&A use cases: ranked search with highlights and the good-answer cut, listings, item detail with views, topics, helpful votes and the hot list.
import { DAY_MS, formatShanghaiDate, QA_EXCERPT_CHARS, type QaHighlight, type QaItemDetail, type QaListItem, type QueryOf, type ResponseOf } from '@gm/shared'
import { createHash } from 'node:crypto'
import { LRUCache } from 'lru-cache'
import type { Deps } from '../deps'
import { notFound } from '../domain/errors'
import {
  adjustQaFeedback,
  countQaTopics,
  findHotQaItems,
  findPublishedQaItem,
  findPublishedQaItems,
  findPublishedQaItemsByIds,
  findQaVote,
  lockPublishedQaItem,
  recordFirstQaView,
  recordQaUnanswered,
  saveQaVote,
} from '../repositories/qa'
import type { SearchIndex, SearchResult } from '../search/engine'
import { snippet, segments } from '../search/highlight'
import { libraryOf } from '../search/library'
import { searchHitDigest } from '../security/voter'
import { pageOf, pageWindow } from './paging'
import { storedBlocks } from './qaText'
import { toQaItem, toQaListItem } from './qaView'

/**
 * The best item must explain at least this share of what the citizen asked (each word weighted by
 * how telling it is; the answer explaining it counts 0.6 of the question doing so) for the answer
 * to count as good; below it the client offers to ask staff. Calibrated on the Beijing library:
 * 20 questions it cannot answer (天气, 比特币, 宠物医院…) score 0.10–0.45 (18 of them below 0.40),
 * the right item for the 123 fixture queries 0.21–1.0 (71% at or above 0.40). A wrong "no good
 * answer" only adds the offer to ask staff beside the results, so the cut leans towards offering it.
 */
export const GOOD_ANSWER_COVERAGE = 0.4
const HOT_WINDOW_DAYS = 30
const RELATED_COUNT = 5
/** Related questions must share at least this much with the item's question. */
const RELATED_MIN_COVERAGE = 0.15

/** The index this process searches (rebuilt when the library changed anywhere). */
export function qaSearchIndex(deps: Deps): Promise<SearchIndex> {
  return libraryOf(deps.db).index(deps)
}

/** Matches in an answer are looked for in its first this many characters (the snippet shows QA_EXCERPT_CHARS). */
const SNIPPET_SCAN_CHARS = 4_000

/** Highlights of one returned item: its question, and only the answer window the card shows. */
function highlightOf(index: SearchIndex, result: SearchResult, doc: number): QaHighlight {
  const item = index.doc(doc)
  const exact = (text: string) => index.matches(text, result.plan)
  return {
    question: segments(item.question, exact(item.question)),
    answer: snippet(item.answer, index.highlightTerms(result.plan), exact, QA_EXCERPT_CHARS, SNIPPET_SCAN_CHARS),
  }
}

/**
 * Search in the citizen's own words: ranked ids from the in-memory index, the page's items read
 * fresh from the database (so a withdrawn item never shows), highlights as text segments.
 */
export async function searchQa(
  deps: Deps,
  query: { q: string; topic?: string; page: number; pageSize: number },
  searcher?: string,
): Promise<ResponseOf<'searchQa'>> {
  const index = await qaSearchIndex(deps)
  const { skip, take } = pageWindow(query)
  const result = index.search(query.q, { topic: query.topic, limit: take, offset: skip })
  const best = skip === 0 ? result.hits[0] : index.search(query.q, { topic: query.topic, limit: 1 }).hits[0]
  const noGoodAnswer = !best || best.coverage < GOOD_ANSWER_COVERAGE
  const rows = await findPublishedQaItemsByIds(
    deps.db,
    result.hits.map((h) => h.id),
  )
  const byId = new Map(rows.map((row) => [row.id, row]))
  const items: QaListItem[] = result.hits.flatMap((hit) => {
    const row = byId.get(hit.id)
    return row ? [{ ...toQaListItem(row), highlight: highlightOf(index, result, hit.doc) }] : []
  })
  const answer = { ...pageOf(items, result.total, query), noGoodAnswer }
  if (searcher) await countSearchHit(deps, answer, searcher, query.q)
  return answer
}

/**
 * Marks of "already counted" this instance remembers, so a repeated search or view (a cached answer
 * served again) costs no database round trip; the database still counts each once across instances.
 */
const countedHere = new LRUCache<string, true>({ max: 50_000 })

async function countOnce(deps: Deps, itemId: number, key: string, kind: 'views' | 'searchHits', now: Date) {
  const mark = `${kind}:${itemId}:${key}`
  if (countedHere.has(mark)) return
  if (await recordFirstQaView(deps.db, itemId, key)) libraryOf(deps.db).count(itemId, kind, now, deps.log)
  countedHere.set(mark, true)
}

/**
 * A search's first page with a good answer counts a hit for its best item, once per searcher, item
 * and day, so repeating a search cannot push an item up the hot list. Separate from the answer,
 * which depends on nobody (the public-read cache serves it to everyone, see routes/publicReads.ts).
 */
export async function countSearchHit(
  deps: Deps,
  answer: { page: number; items: { id: number }[]; noGoodAnswer: boolean },
  searcher: string,
  q: string,
): Promise<void> {
  if (answer.page !== 1) return
  const now = deps.clock()
  const unanswered = answer.noGoodAnswer || answer.items.length === 0
  const first = countSearchOnce(deps, unanswered, searchHitDigest(searcher, now), q, now)
  if (unanswered && first) await noteUnanswered(deps, q, now)
  const best = answer.items[0]
  if (!best || answer.noGoodAnswer) return
  await countOnce(deps, best.id, searchHitDigest(searcher, now), 'searchHits', now)
}

/**
 * The statistics' searches and searches without a good answer: a searcher's same words count once a
 * day in this instance (a refresh or the next page is not another search). Only a digest of the words
 * is held, in memory; nothing of them is stored.
 */
function countSearchOnce(deps: Deps, unanswered: boolean, searcherToday: string, q: string, now: Date): boolean {
  const mark = `search:${createHash('sha256').update(`${searcherToday}\u0000${q}`).digest('base64url')}`
  if (countedHere.has(mark)) return false
  countedHere.set(mark, true)
  libraryOf(deps.db).countSearch(unanswered, now, deps.log)
  return true
}

/**
 * A search without a good answer goes on the staff list 群众想问但库里没有的 (the words only, not who
 * searched; best effort: a failure to note it never fails the search).
 */
async function noteUnanswered(deps: Deps, q: string, now: Date) {
  const text = q.trim().replace(/\s+/g, ' ').slice(0, 50)
  if (text === '') return
  await recordQaUnanswered(deps.db, text, now).catch((err: unknown) => deps.log.warn({ err }, 'qa unanswered search not recorded'))
}

/** Counts a view the first time this viewer (a digest of the person, device or address, see voterKeyOf) opens an item. */
export async function countQaView(deps: Deps, id: number, viewer: string): Promise<void> {
  await countOnce(deps, id, viewer, 'views', deps.clock())
}

/** The library page: a search when there is a query, otherwise a listing (most viewed first). */
export async function listQaItems(deps: Deps, query: QueryOf<'listQaItems'>, searcher?: string): Promise<ResponseOf<'listQaItems'>> {
  if (query.q) return searchQa(deps, { ...query, q: query.q }, searcher)
  const { rows, total } = await findPublishedQaItems(deps.db, { topic: query.topic }, pageWindow(query))
  return { ...pageOf(rows.map(toQaListItem), total, query), noGoodAnswer: false }
}

/**
 * An item with its clause, the policy's current validity, and related questions. Counts a view the
 * first time this viewer (a digest of the person, device or address, see voterKeyOf) opens it.
 */
export async function getQaItem(deps: Deps, id: number, viewer?: string): Promise<QaItemDetail> {
  const row = await findPublishedQaItem(deps.db, id)
  if (!row) throw notFound('问答')
  if (viewer) await countQaView(deps, id, viewer)
  const index = await qaSearchIndex(deps)
  const related = index
    .search(row.question, { limit: RELATED_COUNT, excludeIds: new Set([id]) })
    .hits.filter((hit) => hit.coverage >= RELATED_MIN_COVERAGE)
    .map((hit) => {
      const doc = index.doc(hit.doc)
      return { id: doc.id, question: doc.question, topic: doc.topic }
    })
  const policy = row.policyDocument && row.policyDocument.status === 'PUBLISHED' ? row.policyDocument : null
  const replacedBy = policy?.replacedBy?.status === 'PUBLISHED' ? policy.replacedBy : null
  return {
    ...toQaItem(row),
    policy: policy
      ? {
          id: policy.id,
          title: policy.title,
          docNumber: policy.docNumber,
          validity: policy.validity,
          validityChangedAt: policy.validityChangedAt ? policy.validityChangedAt.toISOString() : null,
          replacedBy: replacedBy ? { id: replacedBy.id, title: replacedBy.title, docNumber: replacedBy.docNumber } : null,
        }
      : null,
    answerBlocks: storedBlocks(row.answer, row.answerBlocks),
    aliases: row.aliases,
    clause: policy ? row.clause : null,
    related,
  }
}

/** Topics in list order with their published items, then any topic items use that is not listed. */
export async function listQaTopics(deps: Deps): Promise<ResponseOf<'listQaTopics'>> {
  const { groups, topics } = await countQaTopics(deps.db)
  const counts = new Map(groups.map((g) => [g.topic, g.count]))
  const listed = topics.map((t) => ({ topic: t.name, count: counts.get(t.name) ?? 0 }))
  const names = new Set(topics.map((t) => t.name))
  const unlisted = groups.filter((g) => !names.has(g.topic)).sort((a, b) => b.count - a.count || (a.topic < b.topic ? -1 : 1))
  return [...listed, ...unlisted]
}

/**
 * 有帮助/没帮助: one vote per voter and item. Voting again the same way changes nothing (so a retry is
 * harmless); voting the other way moves the vote.
 */
export async function rateQaItem(deps: Deps, id: number, helpful: boolean, voter: string): Promise<ResponseOf<'rateQaItem'>> {
  return deps.db.$transaction(async (tx) => {
    if (!(await lockPublishedQaItem(tx, id))) throw notFound('问答')
    const before = await findQaVote(tx, id, voter)
    if (before === helpful) return adjustQaFeedback(tx, id, { helpful: 0, unhelpful: 0 })
    await saveQaVote(tx, id, voter, helpful)
    const sign = (counted: boolean) => (counted === helpful ? 1 : 0) - (before === counted ? 1 : 0)
    return adjustQaFeedback(tx, id, { helpful: sign(true), unhelpful: sign(false) })
  })
}

/** Most viewed and most found items of the last 30 days (per topic when given). */
export async function listHotQa(deps: Deps, query: QueryOf<'listHotQa'>): Promise<ResponseOf<'listHotQa'>> {
  await libraryOf(deps.db).flush(deps.log)
  const since = formatShanghaiDate(new Date(deps.clock().getTime() - HOT_WINDOW_DAYS * DAY_MS))
  return findHotQaItems(deps.db, { topic: query.topic, since, limit: query.limit })
}
