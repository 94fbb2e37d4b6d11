// The in-memory BM25F index over published Q&A items, with coverage re-ranking: what the Q&A search ranks with.
import { scan, type TermKey, termKey, tokenize, type TokenKind } from './analyzer'
import { createFuzzyMatcher, type FuzzyMatcher } from './fuzzy'
import { intentsOf } from './intent'
import { idf, type LibraryStats, planQuery, type QueryPlan, UNIGRAM_WEIGHT } from './query'
import type { SynonymTable } from './synonyms'

/**
 * An in-memory inverted index over the published Q&A items, ranked with BM25F: a term found in the
 * question (or one of the item's alternative phrasings) weighs several times more than the same
 * term in the answer, each field normalised by its own length.
 *
 * Postings are stored column-wise in typed arrays (CSR: one offsets array, one doc array, one
 * term-frequency array per field), so 20,000 items with long answers take tens of megabytes and a
 * query touches only the postings of its own terms.
 */

export interface IndexDoc {
  id: number
  question: string
  /** Alternative phrasings (相似问法) that count like the question. */
  aliases?: readonly string[]
  answer: string
  topic: string
  /** Title of the policy document the answer rests on, if any. */
  policy?: string | null
}

export interface Hit {
  doc: number
  id: number
  score: number
  /**
   * Share of what the citizen asked (weighted by how telling each word is) that the item explains:
   * its question fully, its answer at ANSWER_COVER_FACTOR — in [0, 1].
   */
  coverage: number
}

export type { QueryPlan }

export interface SearchResult {
  hits: Hit[]
  total: number
  plan: QueryPlan
}

export interface SearchOptions {
  topic?: string
  limit: number
  offset?: number
  excludeIds?: ReadonlySet<number>
}

const K1 = 1.2
const FIELD = {
  question: { boost: 3.0, b: 0.6 },
  answer: { boost: 1.0, b: 0.75 },
  /** The title of the policy the item rests on. */
  context: { boost: 0.5, b: 0.5 },
}
/** Candidates re-ranked with the coverage features; a search returns at most this many. */
const RERANK_DEPTH = 200
/** Score multiplier of an item that explains none of the query; 1 more for one that explains all of it. */
const RERANK_FLOOR = 0.4
/** The answer explaining the query counts less than the question doing so. */
const ANSWER_COVER_FACTOR = 0.6
/** A result must explain this share of the query, and this share of what the best result explains. */
const MIN_RESULT_COVERAGE = 0.1
const RELATIVE_RESULT_COVERAGE = 0.4
/** Terms whose IDF × weight is below this are not scored when they are also in many items (common characters in a large library). */
const MIN_CONTRIBUTION = 0.3
const SKIP_MIN_DF = 1_000
/** Up to this much more score for an item whose question asks nothing beyond the query (see questionMatch). */
const QUESTION_MATCH_WEIGHT = 1
/** More score for an item whose question asks for the kind of answer the query asks for (see intent.ts)… */
const INTENT_MATCH = 0.2
/** …and less for one asking for another kind only. */
const INTENT_MISMATCH = 0.1

export class SearchIndex implements LibraryStats {
  readonly size: number
  readonly ids: Int32Array
  private readonly docs: IndexDoc[]
  private readonly topics: string[]
  private readonly topicOf: Uint16Array
  /** The kinds of answer each item's question (or an alternative phrasing) asks for, as bits. */
  private readonly intents: Uint16Array
  private readonly normQ: Float32Array
  private readonly normA: Float32Array
  private readonly normC: Float32Array
  private readonly vocab: Map<TermKey, number>
  private readonly df: Int32Array
  /** Documents containing each character (any character, stop characters included), for cohesion. */
  private readonly charDf: Int32Array
  private readonly offsets: Int32Array
  private readonly postDoc: Int32Array
  private readonly postQ: Uint16Array
  private readonly postA: Uint16Array
  private readonly postC: Uint16Array
  private readonly byId: Map<number, number>
  /** Each document's phrasings (its question, then its aliases): ranges of phraseTerms. */
  private readonly phrasingsOf: Int32Array
  private readonly phrasingEnd: Int32Array
  /** The distinct bigrams and words of each phrasing, as term numbers. */
  private readonly phraseTerms: Int32Array
  /** Each term's IDF in this library. */
  private readonly termIdf: Float32Array
  /** Scratch: 1 for the terms of the query being ranked. */
  private readonly inQuery: Uint8Array
  /** Scratch space reused by every search (one search runs at a time: JS is single-threaded). */
  private readonly scores: Float64Array
  private readonly touched: Int32Array
  /** Scratch: 1 + a document's place among the candidates being re-ranked, 0 for the others. */
  private readonly candidateSlot: Int32Array

  readonly fuzzy: FuzzyMatcher | null

  constructor(
    docs: IndexDoc[],
    readonly synonyms: SynonymTable,
    options: { fuzzy?: boolean } = {},
  ) {
    this.docs = docs
    this.size = docs.length
    this.ids = Int32Array.from(docs, (d) => d.id)
    this.byId = new Map(docs.map((d, i) => [d.id, i]))
    const topicIndex = new Map<string, number>()
    this.topics = []
    this.topicOf = new Uint16Array(docs.length)
    this.intents = Uint16Array.from(docs, (d) => [d.question, ...(d.aliases ?? [])].reduce((bits, text) => bits | intentsOf(text), 0))
    docs.forEach((d, i) => {
      let t = topicIndex.get(d.topic)
      if (t === undefined) {
        t = this.topics.length
        topicIndex.set(d.topic, t)
        this.topics.push(d.topic)
      }
      this.topicOf[i] = t
    })

    // Pass 1: each document's distinct terms with their frequency per field, in flat growable
    // arrays; document frequencies; field lengths.
    this.vocab = new Map()
    let df = new Int32Array(1 << 16)
    let lastDoc = new Int32Array(1 << 16).fill(-1)
    let slotOf = new Int32Array(1 << 16)
    const docTerms = new Growable(Int32Array)
    const docQ = new Growable(Uint16Array)
    const docA = new Growable(Uint16Array)
    const docC = new Growable(Uint16Array)
    const docStart = new Int32Array(docs.length + 1)
    const lenQ = new Float32Array(docs.length)
    const lenA = new Float32Array(docs.length)
    const lenC = new Float32Array(docs.length)
    this.charDf = new Int32Array(1 << 16)
    const charSeen = new Int32Array(1 << 16).fill(-1)
    let field = 0 // 0: question, 1: answer, 2: context
    let d = 0
    const phrasingTerms = new Growable(Int32Array)
    const phrasingEnds = new Growable(Int32Array)
    const phrasingsOf = new Int32Array(docs.length + 1)
    let inPhrasing = new Int32Array(1 << 16).fill(-1)
    const onToken = (kind: TokenKind, _start: number, _end: number, key: TermKey) => {
      let term = this.vocab.get(key)
      if (term === undefined) {
        term = this.vocab.size
        this.vocab.set(key, term)
        if (term >= df.length) {
          df = grow(df, 0)
          lastDoc = grow(lastDoc, -1)
          slotOf = grow(slotOf, 0)
          inPhrasing = grow(inPhrasing, -1)
        }
      }
      if (field === 0 && kind !== 1 && inPhrasing[term] !== phrasingEnds.length) {
        inPhrasing[term] = phrasingEnds.length
        phrasingTerms.push(term)
      }
      if (lastDoc[term] !== d) {
        lastDoc[term] = d
        df[term] = (df[term] as number) + 1
        slotOf[term] = docTerms.length
        docTerms.push(term)
        docQ.push(0)
        docA.push(0)
        docC.push(0)
      }
      const slot = slotOf[term] as number
      const weight = kind === 1 ? UNIGRAM_WEIGHT : 1
      if (field === 0) {
        docQ.increment(slot)
        lenQ[d] = (lenQ[d] as number) + weight
      } else if (field === 1) {
        docA.increment(slot)
        lenA[d] = (lenA[d] as number) + weight
      } else {
        docC.increment(slot)
        lenC[d] = (lenC[d] as number) + weight
      }
    }
    const countChars = (text: string) => {
      for (let k = 0; k < text.length; k++) {
        const c = text.charCodeAt(k)
        if (charSeen[c] !== d) {
          charSeen[c] = d
          this.charDf[c] = (this.charDf[c] as number) + 1
        }
      }
    }
    for (d = 0; d < docs.length; d++) {
      const doc = docs[d] as IndexDoc
      docStart[d] = docTerms.length
      phrasingsOf[d] = phrasingEnds.length
      field = 0
      scan(doc.question, onToken)
      countChars(doc.question)
      phrasingEnds.push(phrasingTerms.length)
      for (const alias of doc.aliases ?? []) {
        scan(alias, onToken)
        countChars(alias)
        phrasingEnds.push(phrasingTerms.length)
      }
      field = 1
      scan(doc.answer, onToken)
      countChars(doc.answer)
      // The policy's title, not the topic: topic words (人力资源社会保障局, 交通委) would post every item
      // of a topic under common query words — measured at 20,000 items: median search time +50%, no
      // change in either query set's ranking. Topics stay a filter.
      field = 2
      if (doc.policy) scan(doc.policy, onToken)
    }
    docStart[docs.length] = docTerms.length
    phrasingsOf[docs.length] = phrasingEnds.length
    this.phrasingsOf = phrasingsOf
    this.phrasingEnd = phrasingEnds.view().slice()
    this.phraseTerms = phrasingTerms.view().slice()

    // Pass 2: postings in document order (CSR).
    const terms = this.vocab.size
    this.df = df.slice(0, terms)
    this.termIdf = Float32Array.from(this.df, (f) => idf(docs.length, f))
    this.inQuery = new Uint8Array(terms)
    this.offsets = new Int32Array(terms + 1)
    let total = 0
    for (let t = 0; t < terms; t++) {
      this.offsets[t] = total
      total += this.df[t] as number
    }
    this.offsets[terms] = total
    this.postDoc = new Int32Array(total)
    this.postQ = new Uint16Array(total)
    this.postA = new Uint16Array(total)
    this.postC = new Uint16Array(total)
    const cursor = this.offsets.slice(0, terms)
    const allTerms = docTerms.view()
    const allQ = docQ.view()
    const allA = docA.view()
    const allC = docC.view()
    for (let doc = 0; doc < docs.length; doc++) {
      for (let k = docStart[doc] as number; k < (docStart[doc + 1] as number); k++) {
        const term = allTerms[k] as number
        const at = cursor[term] as number
        cursor[term] = at + 1
        this.postDoc[at] = doc
        this.postQ[at] = allQ[k] as number
        this.postA[at] = allA[k] as number
        this.postC[at] = allC[k] as number
      }
    }

    const avgQ = mean(lenQ) || 1
    const avgA = mean(lenA) || 1
    this.normQ = Float32Array.from(lenQ, (l) => 1 - FIELD.question.b + (FIELD.question.b * l) / avgQ)
    this.normA = Float32Array.from(lenA, (l) => 1 - FIELD.answer.b + (FIELD.answer.b * l) / avgA)
    const avgC = mean(lenC) || 1
    this.normC = Float32Array.from(lenC, (l) => 1 - FIELD.context.b + (FIELD.context.b * l) / avgC)
    this.scores = new Float64Array(docs.length)
    this.touched = new Int32Array(docs.length)
    this.candidateSlot = new Int32Array(docs.length)
    this.fuzzy = options.fuzzy === false ? null : createFuzzyMatcher(this.questionBigrams())
  }

  /** Bigrams that occur in some question, with their document frequency (what typos are corrected to). */
  private *questionBigrams(): Generator<[string, number]> {
    for (const [key, term] of this.vocab) {
      if (typeof key !== 'number' || key < 65536) continue
      let inQuestion = false
      for (let p = this.offsets[term] as number; p < (this.offsets[term + 1] as number) && !inQuestion; p++) inQuestion = (this.postQ[p] as number) > 0
      if (inQuestion) yield [String.fromCharCode(Math.floor(key / 65536), key % 65536), this.df[term] as number]
    }
  }

  /** The index position of an item, or undefined. */
  indexOf(id: number): number | undefined {
    return this.byId.get(id)
  }

  doc(index: number): IndexDoc {
    return this.docs[index] as IndexDoc
  }

  documentFrequency(text: string): number {
    const t = this.vocab.get(termKey(text))
    return t === undefined ? 0 : (this.df[t] as number)
  }

  /**
   * How much a bigram behaves like a word in the library: documents with the bigram relative to
   * documents with each of its characters. 登记 and 地址 score high, the 记地 between them low.
   */
  cohesion(bigram: string): number {
    const df = this.documentFrequency(bigram)
    if (df === 0) return 0
    const a = this.charDf[bigram.charCodeAt(0)] as number
    const b = this.charDf[bigram.charCodeAt(1)] as number
    return df / Math.sqrt(Math.max(1, a) * Math.max(1, b))
  }

  plan(query: string): QueryPlan {
    return planQuery(query, this, this.synonyms, this.fuzzy)
  }

  search(query: string, options: SearchOptions): SearchResult {
    return this.run(this.plan(query), options)
  }

  /** Rank the library for a planned query. */
  run(plan: QueryPlan, options: SearchOptions): SearchResult {
    const n = this.size
    const topicFilter = options.topic === undefined ? -1 : this.topics.indexOf(options.topic)
    if (n === 0 || plan.terms.length === 0 || (options.topic !== undefined && topicFilter < 0)) return { hits: [], total: 0, plan }
    const scores = this.scores
    const touched = this.touched
    let touchedCount = 0
    const known: { term: number; weight: number; idf: number; concept: number; phrase: number; credit: number }[] = []
    for (const term of plan.terms) {
      const t = this.vocab.get(termKey(term.text))
      if (t !== undefined)
        known.push({ term: t, weight: term.weight, idf: idf(n, this.df[t] as number), concept: term.concept, phrase: term.phrase, credit: term.credit })
    }

    // Pass 1: BM25F over the postings of the query's terms. Terms that could add next to nothing
    // (a character in half the library) are skipped: they would cost the most time.
    for (const { term, weight, idf: termIdf } of known) {
      if (termIdf * weight < MIN_CONTRIBUTION && (this.df[term] as number) > SKIP_MIN_DF) continue
      const from = this.offsets[term] as number
      const to = this.offsets[term + 1] as number
      const wIdf = termIdf * weight * (K1 + 1)
      for (let p = from; p < to; p++) {
        const d = this.postDoc[p] as number
        if (topicFilter >= 0 && this.topicOf[d] !== topicFilter) continue
        // Most postings are in one field: skip the divisions of the others.
        const inQ = this.postQ[p] as number
        const inA = this.postA[p] as number
        const inC = this.postC[p] as number
        let tf = 0
        if (inQ !== 0) tf += (FIELD.question.boost * inQ) / (this.normQ[d] as number)
        if (inA !== 0) tf += (FIELD.answer.boost * inA) / (this.normA[d] as number)
        if (inC !== 0) tf += (FIELD.context.boost * inC) / (this.normC[d] as number)
        if (scores[d] === 0) touched[touchedCount++] = d
        scores[d] = (scores[d] as number) + (wIdf * tf) / (K1 + tf)
      }
    }
    // The best `keep` candidates by BM25 (a bounded min-heap: no sort of every match).
    const offset = options.offset ?? 0
    const keep = Math.min(touchedCount, RERANK_DEPTH + (options.excludeIds?.size ?? 0))
    const heap = new TopK(keep)
    for (let k = 0; k < touchedCount; k++) {
      const d = touched[k] as number
      heap.offer(d, scores[d] as number)
      scores[d] = 0
    }
    const base = heap.sorted()

    // Pass 2: re-rank the best candidates by how much of the query their question (or answer)
    // explains, each concept counted once: an item whose question says what the citizen asked
    // beats one that repeats a single word often.
    const weights = plan.conceptWeights
    const totalWeight = weights.reduce((a, b) => a + b, 0) || 1
    const depth = Math.min(base.length, RERANK_DEPTH + (options.excludeIds?.size ?? 0))
    const ranked: Hit[] = []
    const phrases = plan.phrases
    const concepts = weights.length
    const phraseConcept = new Int32Array(phrases)
    for (const k of known) {
      phraseConcept[k.phrase] = k.concept
      this.inQuery[k.term] = 1
    }
    // Each candidate's phrase credits in its question and its answer (a row of `phrases` per candidate), term by
    // term in query order: a walk of the term's postings when they are short next to the candidates, else a
    // binary search per candidate. The same sums as one binary search per candidate and term, in fewer steps;
    // the (candidate, phrase) cells credited are listed, so only they are read back.
    const candidates = base.length
    const phraseQ = new Float64Array(candidates * phrases)
    const phraseA = new Float64Array(candidates * phrases)
    const credited: number[] = []
    const slot = this.candidateSlot
    for (let k = 0; k < candidates; k++) slot[(base[k] as { d: number }).d] = k + 1
    for (const term of known) {
      const from = this.offsets[term.term] as number
      const to = this.offsets[term.term + 1] as number
      const credit = (k: number, p: number) => {
        const at = k * phrases + term.phrase
        const inQ = (this.postQ[p] as number) > 0
        const inA = (this.postA[p] as number) > 0
        if ((inQ || inA) && phraseQ[at] === 0 && phraseA[at] === 0) credited.push(at)
        if (inQ) phraseQ[at] = (phraseQ[at] as number) + term.credit
        if (inA) phraseA[at] = (phraseA[at] as number) + term.credit
      }
      if (to - from <= candidates * (Math.log2(to - from + 1) + 1)) {
        for (let p = from; p < to; p++) {
          const k = slot[this.postDoc[p] as number] as number
          if (k !== 0) credit(k - 1, p)
        }
      } else {
        for (let k = 0; k < candidates; k++) {
          const p = this.find(term.term, (base[k] as { d: number }).d)
          if (p >= 0) credit(k, p)
        }
      }
    }
    for (let k = 0; k < candidates; k++) slot[(base[k] as { d: number }).d] = 0
    // Each concept counts once: its best phrase, capped at 1 (cells never credited add nothing to a maximum).
    const conceptQ = new Float64Array(candidates * concepts)
    const conceptA = new Float64Array(candidates * concepts)
    for (const at of credited) {
      const k = Math.floor(at / phrases)
      const c = k * concepts + (phraseConcept[at - k * phrases] as number)
      conceptQ[c] = Math.max(conceptQ[c] as number, Math.min(1, phraseQ[at] as number))
      conceptA[c] = Math.max(conceptA[c] as number, Math.min(1, phraseA[at] as number))
    }
    for (let k = 0; k < base.length; k++) {
      const { d, s } = base[k] as { d: number; s: number }
      const id = this.ids[d] as number
      if (options.excludeIds?.has(id)) continue
      if (k >= depth) break
      let coverQ = 0
      let coverA = 0
      for (let c = 0; c < concepts; c++) {
        coverQ += (conceptQ[k * concepts + c] as number) * (weights[c] as number)
        coverA += (conceptA[k * concepts + c] as number) * (weights[c] as number)
      }
      coverQ /= totalWeight
      coverA /= totalWeight
      const cover = Math.max(coverQ, ANSWER_COVER_FACTOR * coverA)
      const asked = this.questionMatch(d)
      const own = this.intents[d] as number
      const intent = plan.intents === 0 || own === 0 ? 1 : (own & plan.intents) !== 0 ? 1 + INTENT_MATCH : 1 - INTENT_MISMATCH
      ranked.push({ doc: d, id, score: s * (RERANK_FLOOR + cover) * (1 + QUESTION_MATCH_WEIGHT * asked) * intent, coverage: Math.min(1, cover) })
    }
    for (const k of known) this.inQuery[k.term] = 0
    // Matches that explain little of the query next to the best one are noise (a shared character).
    const bestCoverage = ranked.reduce((m, h) => Math.max(m, h.coverage), 0)
    const cutoff = Math.max(MIN_RESULT_COVERAGE, RELATIVE_RESULT_COVERAGE * bestCoverage)
    const kept = ranked.filter((h) => h.coverage >= cutoff)
    kept.sort((a, b) => b.score - a.score || a.id - b.id)
    return { hits: kept.slice(offset, offset + options.limit), total: kept.length, plan }
  }

  /**
   * Question-to-question similarity: how much of what the item's question (or its best alternative
   * phrasing) asks the query also asks — the share of the phrasing's bigrams and words, weighted by
   * IDF, among the query's terms (its own, synonyms, corrections). An item asking about more than the
   * citizen did (水上交通事故 for 交通事故) scores lower. Needs inQuery marked for the query.
   */
  private questionMatch(d: number): number {
    let best = 0
    for (let ph = this.phrasingsOf[d] as number; ph < (this.phrasingsOf[d + 1] as number); ph++) {
      const from = ph === 0 ? 0 : (this.phrasingEnd[ph - 1] as number)
      const to = this.phrasingEnd[ph] as number
      let all = 0
      let asked = 0
      for (let k = from; k < to; k++) {
        const t = this.phraseTerms[k] as number
        const w = this.termIdf[t] as number
        all += w
        if (this.inQuery[t] === 1) asked += w
      }
      if (all > 0) best = Math.max(best, asked / all)
    }
    return best
  }

  /** Position of doc `d` in the postings of `term` (postings are in doc order), or -1. */
  private find(term: number, d: number): number {
    let lo = this.offsets[term] as number
    let hi = (this.offsets[term + 1] as number) - 1
    while (lo <= hi) {
      const mid = (lo + hi) >> 1
      const v = this.postDoc[mid] as number
      if (v === d) return mid
      if (v < d) lo = mid + 1
      else hi = mid - 1
    }
    return -1
  }

  /** The terms a highlight marks: bigrams and words; characters only when the query is nothing else. */
  highlightTerms(plan: QueryPlan): Set<string> {
    return new Set(plan.terms.filter((t) => t.kind !== 1 || plan.terms.every((u) => u.kind === 1)).map((t) => t.text))
  }

  /** Character ranges of `text` that match the plan's terms (bigrams and words; characters only when the query is one). */
  matches(text: string, plan: QueryPlan): [number, number][] {
    const wanted = this.highlightTerms(plan)
    const ranges: [number, number][] = []
    for (const token of tokenize(text)) if (wanted.has(token.text)) ranges.push([token.start, token.end])
    return mergeRanges(ranges)
  }
}

function mean(values: Float32Array): number {
  let total = 0
  for (const v of values) total += v
  return values.length ? total / values.length : 0
}

export function mergeRanges(ranges: [number, number][]): [number, number][] {
  ranges.sort((a, b) => a[0] - b[0])
  const merged: [number, number][] = []
  for (const [s, e] of ranges) {
    const last = merged[merged.length - 1]
    if (last && s <= last[1]) last[1] = Math.max(last[1], e)
    else merged.push([s, e])
  }
  return merged
}

/** A typed array that grows by doubling. */
class Growable<T extends Int32Array | Uint16Array> {
  private data: T
  length = 0
  constructor(private readonly Kind: { new (size: number): T }) {
    this.data = new Kind(1 << 16)
  }
  push(value: number) {
    if (this.length === this.data.length) {
      const bigger = new this.Kind(this.data.length * 2)
      bigger.set(this.data)
      this.data = bigger
    }
    this.data[this.length++] = value
  }
  increment(index: number) {
    if ((this.data[index] as number) < 65535) this.data[index] = (this.data[index] as number) + 1
  }
  view(): T {
    return this.data.subarray(0, this.length) as T
  }
}

function grow(array: Int32Array<ArrayBuffer>, fill: number): Int32Array<ArrayBuffer> {
  const bigger = new Int32Array(array.length * 2).fill(fill)
  bigger.set(array)
  return bigger
}

/** The k highest-scoring documents: a min-heap on typed arrays. */
class TopK {
  private readonly docs: Int32Array
  private readonly scores: Float64Array
  private size = 0
  constructor(private readonly k: number) {
    this.docs = new Int32Array(k)
    this.scores = new Float64Array(k)
  }
  /** Lower score, or same score and higher doc: ranks below. */
  private below(i: number, j: number) {
    const a = this.scores[i] as number
    const b = this.scores[j] as number
    return a < b || (a === b && (this.docs[i] as number) > (this.docs[j] as number))
  }
  private swap(i: number, j: number) {
    const d = this.docs[i] as number
    this.docs[i] = this.docs[j] as number
    this.docs[j] = d
    const s = this.scores[i] as number
    this.scores[i] = this.scores[j] as number
    this.scores[j] = s
  }
  offer(doc: number, score: number) {
    if (this.k === 0) return
    if (this.size < this.k) {
      let i = this.size++
      this.docs[i] = doc
      this.scores[i] = score
      while (i > 0) {
        const parent = (i - 1) >> 1
        if (!this.below(i, parent)) break
        this.swap(i, parent)
        i = parent
      }
      return
    }
    const top = this.scores[0] as number
    if (score < top || (score === top && doc > (this.docs[0] as number))) return
    this.docs[0] = doc
    this.scores[0] = score
    let i = 0
    for (;;) {
      const l = 2 * i + 1
      const r = l + 1
      let m = i
      if (l < this.size && this.below(l, m)) m = l
      if (r < this.size && this.below(r, m)) m = r
      if (m === i) break
      this.swap(i, m)
      i = m
    }
  }
  /** Best first. */
  sorted(): { d: number; s: number }[] {
    const out: { d: number; s: number }[] = []
    for (let i = 0; i < this.size; i++) out.push({ d: this.docs[i] as number, s: this.scores[i] as number })
    return out.sort((a, b) => b.s - a.s || a.d - b.d)
  }
}
