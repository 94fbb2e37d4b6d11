// The home tab's one search box: each area searched for the same words, answered as groups with the matches marked.
import { type QueryOf, type ResponseOf, SEARCH_EXCERPT_CHARS, SEARCH_GROUP_SIZE, type SearchGroup, type TextSegment } from '@gm/shared'
import type { Deps } from '../deps'
import { type SearchRow, searchConsultations, searchEvents, searchInterpretations, searchPolicies } from '../repositories/search'
import { FILLER_WORDS, STRICT_STOP } from '../search/analyzer'
import { searchQa } from './qa'

/** Longest first: 怎么办理 is cut before 怎么. */
const FILLERS = [...FILLER_WORDS].sort((a, b) => b.length - a.length)
const SEPARATORS = /[\s,.;:!?，。；：！？、“”‘’"'（）()《》【】[\]]+/

/**
 * The words a query is searched for (any of them; items with more of them rank first): cut at spaces
 * and punctuation, at question words (怎么, 如何…) and at function characters (的, 吗…), so 开放日怎么报名
 * looks for 开放日 and 报名. A query made only of such words is searched as typed.
 */
export function searchTerms(q: string): string[] {
  let text = q
  for (const filler of FILLERS) text = text.split(filler).join(' ')
  text = [...text].map((c) => (STRICT_STOP.has(c) ? ' ' : c)).join('')
  const terms = [...new Set(text.split(SEPARATORS).filter((t) => t.length > 0))]
  return terms.length > 0 ? terms.slice(0, 8) : [q]
}

/** `text` cut into segments, each case-insensitive occurrence of a term marked as a hit. */
export function markHits(text: string, terms: string[]): TextSegment[] {
  const lower = text.toLowerCase()
  const wanted = terms.map((t) => t.toLowerCase()).filter((t) => t.length > 0)
  const segments: TextSegment[] = []
  let from = 0
  // toLowerCase keeps lengths for the CJK and ASCII text searched here; when it does not, nothing is marked.
  if (lower.length === text.length) {
    for (let at = 0; at < text.length;) {
      const term = wanted.filter((t) => lower.startsWith(t, at)).sort((a, b) => b.length - a.length)[0]
      if (!term) {
        at += 1
        continue
      }
      if (at > from) segments.push({ text: text.slice(from, at), hit: false })
      segments.push({ text: text.slice(at, at + term.length), hit: true })
      at += term.length
      from = at
    }
  }
  if (from < text.length) segments.push({ text: text.slice(from), hit: false })
  return segments
}

/** A window of about SEARCH_EXCERPT_CHARS characters of `text` around the first match, `…` marking cuts. */
export function excerptAround(text: string, terms: string[]): TextSegment[] {
  const flat = text.replace(/\s+/g, ' ').trim()
  const lower = flat.toLowerCase()
  const found = terms.map((t) => lower.indexOf(t.toLowerCase())).filter((at) => at >= 0)
  const at = found.length > 0 ? Math.min(...found) : 0
  const start = Math.max(0, Math.min(at - Math.floor(SEARCH_EXCERPT_CHARS / 3), flat.length - SEARCH_EXCERPT_CHARS))
  const end = Math.min(flat.length, start + SEARCH_EXCERPT_CHARS)
  const window = `${start > 0 ? '…' : ''}${flat.slice(start, end)}${end < flat.length ? '…' : ''}`
  return markHits(window, terms)
}

const links = {
  consultations: (id: number) => `/packages/consultation/pages/detail/index?id=${id}`,
  policies: (id: number) => `/packages/qa/pages/policy/index?id=${id}`,
  interpretations: (id: number) => `/packages/qa/pages/interpretation/index?id=${id}`,
  events: (id: number) => `/packages/event/pages/detail/index?id=${id}`,
  qa: (id: number) => `/packages/qa/pages/detail/index?id=${id}`,
} as const

function groupOf(area: Exclude<SearchGroup['area'], 'qa'>, label: string, rows: SearchRow[], terms: string[]): SearchGroup {
  return {
    area,
    label,
    items: rows.map((row) => ({ id: row.id, title: markHits(row.title, terms), excerpt: excerptAround(row.text, terms), link: links[area](row.id) })),
  }
}

/**
 * Searches published content only: consultations (title, summary, current clauses), released policies
 * and interpretations, published events, and the Q&A library through its own ranked search. Searching
 * here records no Q&A hit (the Q&A page's own search does).
 */
export async function searchAll(deps: Deps, query: QueryOf<'searchAll'>): Promise<ResponseOf<'searchAll'>> {
  const { q } = query
  const now = deps.clock()
  const take = SEARCH_GROUP_SIZE
  const terms = searchTerms(q)
  const [consultations, policies, interpretations, events, qa] = await Promise.all([
    searchConsultations(deps.db, terms, now, take),
    searchPolicies(deps.db, terms, take),
    searchInterpretations(deps.db, terms, take),
    searchEvents(deps.db, terms, now, take),
    searchQa(deps, { q, page: 1, pageSize: take }),
  ])
  return {
    groups: [
      groupOf('consultations', '意见征集', consultations, terms),
      groupOf('policies', '政策文件', policies, terms),
      groupOf('interpretations', '政策解读', interpretations, terms),
      groupOf('events', '活动', events, terms),
      {
        area: 'qa',
        label: '政策问答',
        // Loosely related answers (the Q&A search's noGoodAnswer) would bury the other groups' exact matches.
        items: (qa.noGoodAnswer ? [] : qa.items).map((item) => ({
          id: item.id,
          title: item.highlight?.question ?? markHits(item.question, terms),
          excerpt: item.highlight?.answer ?? excerptAround(item.answerExcerpt, terms),
          link: links.qa(item.id),
        })),
      },
    ],
  }
}
