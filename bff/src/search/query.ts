// Turns a citizen's words into weighted search terms: word-like bigrams, single characters, synonym expansions and typo corrections, grouped by concept.
import { normalize, tokenize, type Token, type TokenKind } from './analyzer'
import type { FuzzyMatcher } from './fuzzy'
import { intentsOf } from './intent'
import { wordSpans } from './segmenter'
import type { Expansion, SynonymTable } from './synonyms'

/**
 * From a citizen's words to weighted search terms.
 *
 * The citizen's words are found by a segmenter (ICU's word breaker with a government-service dictionary, see
 * segmenter.ts); where it knows no word, the library itself tells which pairs of characters behave
 * like words (cohesion: 登记 and 地址 yes, the 记地 between them no). Seams between words count
 * little, and a character that no word-like pair covers is taken as a one-character word (狗, 涨,
 * 查) and counts almost like a word.
 *
 * Each unit of the citizen's words is a *concept*; the dictionary's expansions of a term stand for
 * the same concept as the term, so an item that says 基本养老金 where the citizen wrote 退休金
 * explains that concept as fully as one that repeats 退休金.
 */

export interface QueryTerm {
  text: string
  kind: TokenKind
  /** Weight in the ranking (BM25 contribution multiplier). */
  weight: number
  /** The unit of the citizen's words this term stands for. */
  concept: number
  /** Terms of one phrase (the citizen's bigram, or one expansion) share a phrase number. */
  phrase: number
  /** Share of the concept this term explains when found (a phrase's shares add up to at most 1). */
  credit: number
  source: 'query' | 'synonym' | 'fuzzy'
}

export interface QueryPlan {
  terms: QueryTerm[]
  /** What each concept is worth (inverse document frequency × weight), for coverage. */
  conceptWeights: number[]
  phrases: number
  expansions: Expansion[]
  /** The kinds of answer the query asks for (see intent.ts), as bits. */
  intents: number
}

/** What the planner needs to know about the library. */
export interface LibraryStats {
  size: number
  documentFrequency(text: string): number
  cohesion(bigram: string): number
}

/** How much a single character counts next to a bigram. */
export const UNIGRAM_WEIGHT = 0.3
const SYNONYM_WEIGHT = 0.85
const REVERSE_SYNONYM_WEIGHT = 0.6
const REVERSE_SYNONYM_CREDIT = 0.7
const FUZZY_WEIGHT = 0.7
const FUZZY_CREDIT = 0.8
/** Only word-like bigrams stand in for a typo. */
const FUZZY_MIN_COHESION = 0.05
/** Bigrams less cohesive than this (能在, 要去, 记地) are seams whatever their neighbours… */
const MIN_COHESION = 0.02
/** …and so are those less than this share as cohesive as an overlapping neighbour… */
const SEAM_RATIO = 0.3
/** …and they count this much. */
const SEAM_WEIGHT = 0.3
/** A character that no word-like bigram of the query covers. */
const SINGLE_CHARACTER_WORD_WEIGHT = 0.8
/** In a story of several clauses, the words before the last clause (the question) count this much. */
const STORY_CONTEXT_WEIGHT = 0.6
/** A last clause shorter than this (好吗, 谢谢) is no question of its own. */
const MIN_QUESTION_CLAUSE = 4

/** Where the last clause of a query of several clauses starts (0 for a query of one clause). */
export function questionClauseStart(query: string): number {
  const clauses = [...query.matchAll(/[^,，。;；!！?？、\s]+/g)].filter((m) => m[0].length >= 2)
  for (let k = clauses.length - 1; k > 0; k--) {
    const clause = clauses[k] as RegExpMatchArray
    if (clause[0].length >= MIN_QUESTION_CLAUSE) return clause.index as number
  }
  return 0
}

export function idf(size: number, df: number): number {
  return Math.log(1 + (size - df + 0.5) / (df + 0.5))
}

export function planQuery(query: string, stats: LibraryStats, synonyms: SynonymTable, fuzzy: FuzzyMatcher | null): QueryPlan {
  const own = tokenize(query)
  const allExpansions = synonyms.expand(query)
  const inTerm = (t: Token) => allExpansions.some((e) => e.start <= t.start && e.end >= t.end && e.end - e.start >= 2)

  // Which bigrams are words.
  const bigrams = own.filter((t) => t.kind === 2)
  const cohesion = new Map(bigrams.map((t) => [t.start, inTerm(t) ? 1 : stats.cohesion(t.text)]))
  const wordLike = (start: number) => (cohesion.get(start) ?? 0) >= MIN_COHESION
  const strong = new Set<number>()
  // The segmenter's words decide first: a bigram inside a word is a word; one across two words is a
  // seam unless the library says otherwise (cohesion). Where the segmenter knows no word (it leaves single
  // characters), the library's statistics decide alone.
  const words = wordSpans(query)
  const inWord = (start: number) => words.some((w) => !w.function && w.start <= start && start + 2 <= w.end)
  const inFunctionWord = (start: number) => words.some((w) => w.function && w.start <= start && start + 2 <= w.end)
  const acrossWords = (start: number) => !inWord(start) && words.some((w) => w.end === start + 1 || w.start === start + 1)
  for (const b of bigrams) {
    const c = cohesion.get(b.start) as number
    const neighbour = Math.max(cohesion.get(b.start - 1) ?? 0, cohesion.get(b.start + 1) ?? 0)
    const known = inTerm(b) || stats.documentFrequency(b.text) > 0
    const statistical = known ? c >= MIN_COHESION && c >= SEAM_RATIO * neighbour : !wordLike(b.start - 1) && !wordLike(b.start + 1)
    if (inWord(b.start) || (statistical && !acrossWords(b.start) && !inFunctionWord(b.start))) strong.add(b.start)
  }
  // Typo tolerance: a bigram the library never uses, replaced by word-like library bigrams that
  // sound the same (设保 → 社保); the corrected bigram then counts as a word.
  const corrections = new Map<number, string[]>()
  if (fuzzy) {
    for (const b of bigrams) {
      if (stats.documentFrequency(b.text) > 0 || inTerm(b) || inFunctionWord(b.start)) continue
      const alternatives = fuzzy.alternatives(b.text).filter((a) => stats.cohesion(a) >= FUZZY_MIN_COHESION)
      if (alternatives.length === 0) continue
      corrections.set(b.start, alternatives)
      strong.add(b.start)
    }
  }
  const isolated = (start: number) => !strong.has(start) && !strong.has(start - 1)

  const terms: QueryTerm[] = []
  const conceptWeights: number[] = []
  const conceptOf = new Map<string, number>()
  let phrases = 0
  const concept = (key: string, weight: number) => {
    let c = conceptOf.get(key)
    if (c === undefined) {
      c = conceptWeights.length
      conceptOf.set(key, c)
      conceptWeights.push(0)
    }
    conceptWeights[c] = Math.max(conceptWeights[c] as number, weight)
    return c
  }
  const push = (term: QueryTerm) => {
    const existing = terms.find((t) => t.text === term.text)
    if (!existing) terms.push(term)
    else if (term.weight > existing.weight) Object.assign(existing, term)
  }
  const questionStart = questionClauseStart(query)
  const context = (start: number) => (start < questionStart ? STORY_CONTEXT_WEIGHT : 1)
  const idfOf = (text: string) => idf(stats.size, stats.documentFrequency(text))
  // An unknown bigram's IDF is the largest possible; as a concept it counts like a rare word.
  const rareWord = idf(Math.max(stats.size, 10), 2)
  const conceptValue = (text: string, weight: number) => Math.min(idfOf(text), rareWord) * weight

  for (const token of own) {
    if (token.kind === 1) continue
    // Seams count little, and so do lone letters and digits ("1" in "1=1").
    const weight = ((token.kind === 2 && !strong.has(token.start)) || (token.kind === 0 && token.text.length === 1) ? SEAM_WEIGHT : 1) * context(token.start)
    push({
      text: token.text,
      kind: token.kind,
      weight,
      concept: concept(token.text, conceptValue(token.text, weight)),
      phrase: phrases++,
      credit: 1,
      source: 'query',
    })
  }
  for (const token of own) {
    if (token.kind !== 1) continue
    // The characters of a function word (一直, 现在) are no words of their own.
    if (words.some((w) => w.function && w.start <= token.start && token.start < w.end) && isolated(token.start)) continue
    if (isolated(token.start)) {
      const weight = SINGLE_CHARACTER_WORD_WEIGHT * context(token.start)
      const c = concept(token.text, conceptValue(token.text, weight))
      push({ text: token.text, kind: 1, weight, concept: c, phrase: phrases++, credit: 1, source: 'query' })
    } else {
      const word = bigrams.find((b) => strong.has(b.start) && (b.start === token.start || b.start === token.start - 1)) as Token
      push({
        text: token.text,
        kind: 1,
        weight: UNIGRAM_WEIGHT * context(token.start),
        concept: concept(word.text, 0),
        phrase: phrases++,
        credit: UNIGRAM_WEIGHT,
        source: 'query',
      })
    }
  }

  // A one-character dictionary term (查, 交, 卖) applies only where it stands alone as a word.
  const expansions = allExpansions.filter((e) => e.end - e.start >= 2 || isolated(e.start))
  const addExpansion = (expansion: Expansion, factor: number) => {
    const covered = own.filter((t) => t.start >= expansion.start && t.end <= expansion.end)
    const main = covered.find((t) => t.kind !== 1) ?? covered[0]
    const c = main ? (conceptOf.get(main.text) ?? concept(main.text, conceptValue(main.text, 1))) : concept(expansion.term, conceptValue(expansion.term, 1))
    const tokens = tokenize(expansion.phrase)
    const words = tokens.filter((t) => t.kind !== 1)
    const phraseCount = Math.max(1, words.length)
    const termCount = Math.max(1, covered.filter((t) => t.kind !== 1).length)
    // A long expansion of a short term should not outweigh the term: scale its terms down.
    const scale = Math.sqrt(Math.min(1, termCount / phraseCount))
    const weight = (expansion.reverse ? REVERSE_SYNONYM_WEIGHT : SYNONYM_WEIGHT) * scale * factor
    const credit = (expansion.reverse ? REVERSE_SYNONYM_CREDIT : 1) * factor
    const phrase = phrases++
    for (const token of tokens) {
      const single = words.length === 0
      push({
        text: token.text,
        kind: token.kind,
        weight: token.kind === 1 && !single ? weight * UNIGRAM_WEIGHT : weight,
        concept: c,
        phrase,
        credit: token.kind === 1 && !single ? 0 : credit / phraseCount,
        source: 'synonym',
      })
    }
  }
  for (const expansion of expansions) addExpansion(expansion, context(expansion.start))

  for (const [start, alternatives] of corrections) {
    const b = bigrams.find((t) => t.start === start) as Token
    const weight = FUZZY_WEIGHT * context(start)
    const c = concept(b.text, Math.max(...alternatives.map((a) => conceptValue(a, weight))))
    for (const alternative of alternatives) {
      push({ text: alternative, kind: 2, weight, concept: c, phrase: phrases++, credit: FUZZY_CREDIT, source: 'fuzzy' })
    }
    // The corrected words may be dictionary terms (设保卡 → 社保卡 → 社会保障卡).
    const corrected = normalize(query).slice(0, start) + (alternatives[0] as string) + normalize(query).slice(start + 2)
    for (const expansion of synonyms.expand(corrected)) {
      if (expansion.start > start + 1 || expansion.end <= start || expansions.some((e) => e.phrase === expansion.phrase)) continue
      addExpansion(expansion, FUZZY_WEIGHT * context(start))
    }
  }
  return { terms, conceptWeights, phrases, expansions, intents: intentsOf(query) }
}
