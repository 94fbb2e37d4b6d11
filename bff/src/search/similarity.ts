/**
 * Similar opinions, to suggest "concentrated opinions" (集中意见) that staff accept or edit.
 *
 * - `segment` turns text into tokens without a dictionary: Latin words and numbers whole, CJK runs as
 *   character bigrams (a one-character run as itself), after cutting out words that carry no meaning
 *   in an opinion (建议, 希望, 政府, 我们, 的, 了 …). Cutting *before* making bigrams matters: "希望政府
 *   加装电梯" yields 加装 装电 电梯, not the 望政 / 府加 that every polite opinion would share.
 * - `similarity(a, b)` is the cosine of raw token counts: no corpus needed, 1 for the same wording.
 * - `buildIndex(texts)` weighs tokens by smoothed IDF over the texts, so words most opinions on a draft
 *   share (小区, 居民, the draft's own title) count for little; `suggestGroups` uses it.
 * - `suggestGroups` is average-linkage agglomerative clustering: two groups merge only while the mean
 *   similarity of all their cross pairs stays at or above the threshold, so a chain A~B~C does not pull
 *   unrelated A and C together the way single linkage (union-find over pairs) would.
 *
 * BFF-only (the mini-program never clusters): text is normalised by the search analyzer's `normalize`, the one
 * width/case rule of the BFF's search code.
 */

import { createAnalyzer, normalize } from './analyzer'

// ---------------------------------------------------------------------------------------------
// Segmentation
// ---------------------------------------------------------------------------------------------

/**
 * Function characters cut out of CJK runs unless part of a KEEP word: particles, pronouns,
 * prepositions, modal and degree words (向 应 对 有 要 太 多 更 最 时 — "补贴向老人", "应多补", "改造时").
 */
const STOP_CHARS = new Set('的了吗呢吧啊呀哦嘛呗是在我你他她它们也都就很把被给让这那请和与及或并而又还再等之其该此向应对有太要多更最时'.split(''))

/** Words with no meaning in an opinion: requests, hedges, pronouns, connectives, the addressee. */
const STOP_WORDS = [
  '建议',
  '希望',
  '请求',
  '恳请',
  '恳切',
  '请问',
  '敬请',
  '提请',
  '呼吁',
  '我们',
  '你们',
  '他们',
  '大家',
  '本人',
  '个人',
  '认为',
  '觉得',
  '感觉',
  '应该',
  '应当',
  '需要',
  '必须',
  '可以',
  '能够',
  '能否',
  '是否',
  '可否',
  '进一步',
  '一些',
  '一下',
  '一点',
  '一个',
  '这个',
  '那个',
  '这些',
  '那些',
  '这样',
  '那样',
  '这里',
  '那里',
  '这种',
  '因为',
  '所以',
  '但是',
  '如果',
  '而且',
  '并且',
  '或者',
  '以及',
  '还是',
  '然后',
  '非常',
  '特别',
  '比较',
  '十分',
  '真的',
  '确实',
  '一定',
  '尽快',
  '尽量',
  '目前',
  '现在',
  '已经',
  '问题',
  '方面',
  '情况',
  '有关',
  '相关',
  '关于',
  '对于',
  '政府',
  '部门',
  '领导',
  '意见',
  '谢谢',
  '感谢',
  '等等',
  '什么',
  '怎么',
  '如何',
  '为什么',
  '没有',
  '不要',
  '不能',
  '能不能',
  '有没有',
  '一直',
  '总是',
  '经常',
  '真是',
  '实在',
  '其实',
  '另外',
  '同时',
  '此外',
  '因此',
]

/** Words containing a stop character that still carry meaning; they are kept whole. */
const KEEP_WORDS = [
  '了解',
  '目的',
  '的确',
  '存在',
  '所在',
  '在建',
  '在线',
  '其他',
  '其它',
  '其中',
  '尤其',
  '就业',
  '就医',
  '就学',
  '就近',
  '就诊',
  '成就',
  '还款',
  '还贷',
  '归还',
  '偿还',
  '再生',
  '再次',
  '等候',
  '等待',
  '等级',
  '平等',
  '之间',
  '之前',
  '之后',
  '申请',
  '邀请',
  '聘请',
  '参与',
  '给予',
  '给水',
  '供给',
  '转让',
  '出让',
  '让利',
  '合并',
  '并网',
  '他人',
  '和谐',
  '及时',
  '涉及',
  '普及',
  '危及',
  '首都',
  '都市',
  '酒吧',
  '网吧',
  '把关',
  '方向',
  '导向',
  '倾向',
  '面向',
  '走向',
  '去向',
  '应急',
  '应对',
  '响应',
  '供应',
  '相应',
  '适应',
  '对应',
  '反应',
  '回应',
  '应用',
  '反对',
  '针对',
  '对面',
  '面对',
  '对接',
  '绝对',
  '相对',
  '对比',
  '核对',
  '对象',
  '所有',
  '具有',
  '拥有',
  '有效',
  '有序',
  '有害',
  '有限',
  '有偿',
  '国有',
  '私有',
  '公有',
  '有毒',
  '太阳',
  '太原',
  '重要',
  '要求',
  '主要',
  '必要',
  '要点',
  '只要',
  '多元',
  '多样',
  '许多',
  '多层',
  '多数',
  '增多',
  '过多',
  '多少',
  '多次',
  '更新',
  '更换',
  '变更',
  '更改',
  '最低',
  '最高',
  '最多',
  '最少',
  '时间',
  '临时',
  '按时',
  '准时',
  '时段',
  '时候',
  '小时',
  '时期',
  '平时',
  '随时',
  '定时',
  '实时',
  '适时',
  '届时',
]

/** The search analyzer's tokenizer with the opinion lists: a one-character piece counts as itself, longer pieces as bigrams. */
const opinionAnalyzer = createAnalyzer({ cutWords: STOP_WORDS, cutChars: STOP_CHARS, lightChars: new Set(), keepWords: KEEP_WORDS, unigrams: 'isolated' })

/**
 * Tokens of `text` in order, duplicates kept: Latin/number runs ("5g", "2026", "pm2") whole, CJK
 * runs as bigrams after stop words are cut out, one-character pieces as unigrams. Punctuation and
 * everything else separates runs.
 */
export function segment(text: string): string[] {
  return opinionAnalyzer.tokenize(text).map((token) => token.text)
}

// ---------------------------------------------------------------------------------------------
// Vectors
// ---------------------------------------------------------------------------------------------

type Vector = Map<string, number>

function counts(tokens: string[]): Vector {
  const v: Vector = new Map()
  for (const t of tokens) v.set(t, (v.get(t) || 0) + 1)
  return v
}

function normalized(v: Vector): Vector {
  let norm = 0
  for (const x of v.values()) norm += x * x
  norm = Math.sqrt(norm)
  const out: Vector = new Map()
  if (norm > 0) v.forEach((x, t) => out.set(t, x / norm))
  return out
}

function dot(a: Vector, b: Vector): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a]
  let sum = 0
  small.forEach((x, t) => {
    const y = large.get(t)
    if (y !== undefined) sum += x * y
  })
  return sum
}

/** Keeps rounding from producing 1.0000000000000002 or -1e-17. */
const clamp01 = (x: number) => (x < 0 ? 0 : x > 1 ? 1 : x)

/**
 * Cosine similarity of token counts, in [0, 1]. A text with no meaningful tokens (empty, only
 * punctuation or stop words) is similar to nothing, itself included: 0.
 */
export function similarity(a: string, b: string): number {
  return clamp01(dot(normalized(counts(segment(a))), normalized(counts(segment(b)))))
}

export interface TextIndex {
  readonly size: number
  /** TF-IDF cosine similarity of texts i and j, in [0, 1]. */
  similarity(i: number, j: number): number
  /** Inverse document frequency of a token in the indexed texts (0 for an unknown token). */
  idf(token: string): number
  /** The unit-length TF-IDF vector of text i (token → weight). */
  vector(i: number): ReadonlyMap<string, number>
}

/**
 * TF-IDF over `texts`: term frequency is the raw count, IDF is ln((1 + N) / (1 + df)) + 1 (smoothed,
 * so a token in every text still weighs 1 rather than 0 and small corpora behave).
 */
export function buildIndex(texts: string[]): TextIndex {
  const raw = texts.map((t) => counts(segment(t)))
  const df = new Map<string, number>()
  for (const v of raw) for (const t of v.keys()) df.set(t, (df.get(t) || 0) + 1)
  const n = texts.length
  const idf = new Map<string, number>()
  for (const [t, d] of df) idf.set(t, Math.log((1 + n) / (1 + d)) + 1)
  const vectors = raw.map((v) => {
    const w: Vector = new Map()
    for (const [t, c] of v) w.set(t, c * (idf.get(t) as number))
    return normalized(w)
  })
  const at = (i: number) => {
    const v = vectors[i]
    if (v === undefined) throw new RangeError(`no text at index ${i} (size ${n})`)
    return v
  }
  return {
    size: n,
    similarity: (i, j) => clamp01(dot(at(i), at(j))),
    idf: (token) => idf.get(token) || 0,
    vector: (i) => at(i),
  }
}

// ---------------------------------------------------------------------------------------------
// Grouping
// ---------------------------------------------------------------------------------------------

export interface OpinionGroupSuggestion {
  /** Member ids, ascending. */
  ids: number[]
  /** Mean TF-IDF cosine similarity over all member pairs. */
  score: number
  /** Up to five tokens that best characterise the group (shared by most members, rare elsewhere). */
  keywords: string[]
}

export interface SuggestGroupsOptions {
  /** Minimum average-linkage similarity for two groups to merge (default 0.15). */
  threshold?: number
  /** Minimum members for a suggestion (default 2). */
  minSize?: number
  /**
   * Linked opinions up to this many are clustered with a dense matrix (fast, memory grows with the
   * square: 16 MB at 2,000); larger ones with sparse maps (memory grows with the number of similar
   * pairs). Both give the same groups. Default 2,500; a memory-tight runtime can pass less.
   */
  maxDenseComponent?: number
}

/**
 * Paraphrases of one request typically score 0.12–0.4 with character bigrams, unrelated opinions on
 * the same draft below 0.1; on the hand-labelled set in the tests every threshold in 0.12–0.18 gives
 * the intended groups. Staff can pass their own.
 */
export const DEFAULT_GROUP_THRESHOLD = 0.15
export const DEFAULT_GROUP_MIN_SIZE = 2
const DEFAULT_MAX_DENSE_COMPONENT = 2500
const KEYWORD_COUNT = 5

/**
 * Suggested groups of similar opinions: each has at least `minSize` members (default 2) whose
 * average-linkage similarity is at least `threshold` (default 0.15, TF-IDF cosine over the items).
 * Ordered largest first, then by smallest id; the result does not depend on the order of `items`.
 *
 * How: identical texts are collapsed first (a copied campaign text is one node with a count); the
 * similar pairs come from an inverted index, so only pairs sharing a token are scored; clusters never
 * span two connected components of the "similarity ≥ threshold" graph (an average can only reach the
 * threshold if some pair does), so each component is clustered on its own. Pairs below half the
 * threshold count as 0 when averaging: they cannot decide a merge on their own, and dropping them
 * keeps the work proportional to the pairs that matter.
 */
export function suggestGroups(items: { id: number; text: string }[], options: SuggestGroupsOptions = {}): OpinionGroupSuggestion[] {
  const threshold = options.threshold ?? DEFAULT_GROUP_THRESHOLD
  const minSize = Math.max(options.minSize ?? DEFAULT_GROUP_MIN_SIZE, 2)
  const maxDense = options.maxDenseComponent ?? DEFAULT_MAX_DENSE_COMPONENT
  const sorted = items.slice().sort((a, b) => a.id - b.id)
  const texts = sorted.map((item) => item.text)
  const index = buildIndex(texts)
  const vectors: Vector[] = []
  for (let i = 0; i < sorted.length; i++) vectors.push(index.vector(i) as Vector)

  const nodes = collapseDuplicates(vectors)
  const pairs = similarPairs(
    nodes.map((docs) => vectors[docs[0] as number] as Vector),
    threshold / 2,
  )

  // Connected components over pairs at or above the threshold.
  const component = new UnionFind(nodes.length)
  for (let p = 0; p < pairs.sim.length; p++) {
    if ((pairs.sim[p] as number) >= threshold) component.union(pairs.a[p] as number, pairs.b[p] as number)
  }
  const componentNodes = new Map<number, number[]>()
  for (let node = 0; node < nodes.length; node++) {
    const root = component.find(node)
    const list = componentNodes.get(root)
    if (list) list.push(node)
    else componentNodes.set(root, [node])
  }
  const componentPairs = new Map<number, number[]>()
  for (let p = 0; p < pairs.sim.length; p++) {
    const root = component.find(pairs.a[p] as number)
    if (root !== component.find(pairs.b[p] as number)) continue
    const list = componentPairs.get(root)
    if (list) list.push(p)
    else componentPairs.set(root, [p])
  }

  const groups: OpinionGroupSuggestion[] = []
  const local = new Int32Array(nodes.length)
  componentNodes.forEach((members, root) => {
    const m = members.length
    const sizes = new Float64Array(m)
    for (let k = 0; k < m; k++) {
      local[members[k] as number] = k
      sizes[k] = (nodes[members[k] as number] as number[]).length
    }
    const links: Link[] = (componentPairs.get(root) || []).map((p) => {
      const a = local[pairs.a[p] as number] as number
      const b = local[pairs.b[p] as number] as number
      return { a, b, sum: (pairs.sim[p] as number) * (sizes[a] as number) * (sizes[b] as number) }
    })
    const labels = m === 1 ? [0] : m <= maxDense ? clusterDense(sizes, links, threshold) : clusterSparse(sizes, links, threshold)
    const byLabel = new Map<number, number[]>()
    for (let k = 0; k < m; k++) {
      const docs = byLabel.get(labels[k] as number) || []
      for (const d of nodes[members[k] as number] as number[]) docs.push(d)
      byLabel.set(labels[k] as number, docs)
    }
    byLabel.forEach((docs) => {
      if (docs.length < minSize) return
      docs.sort((a, b) => a - b)
      groups.push({
        ids: docs.map((d) => (sorted[d] as { id: number }).id),
        score: meanPairwise(docs, vectors),
        keywords: keywords(docs, vectors, index, texts),
      })
    })
  })
  groups.sort((a, b) => b.ids.length - a.ids.length || (a.ids[0] as number) - (b.ids[0] as number))
  return groups
}

/** Documents grouped by identical non-empty vectors, in order of first appearance. */
function collapseDuplicates(vectors: Vector[]): number[][] {
  const nodes: number[][] = []
  const byContent = new Map<string, number>()
  vectors.forEach((v, i) => {
    let key = ''
    v.forEach((w, t) => {
      key += t + '\u0001' + w + '\u0002'
    })
    const node = v.size > 0 ? byContent.get(key) : undefined
    if (node !== undefined) {
      ;(nodes[node] as number[]).push(i)
    } else {
      if (v.size > 0) byContent.set(key, nodes.length)
      nodes.push([i])
    }
  })
  return nodes
}

/**
 * Pairs (a < b) of unit vectors whose dot product is at least `floor`, through an inverted index so
 * only pairs sharing a token are visited. Postings list (vector, weight) in ascending order; when
 * vector a is processed its own entry in each list is at that list's cursor, and only later ones
 * are read.
 */
function similarPairs(vectors: Vector[], floor: number): { a: number[]; b: number[]; sim: number[] } {
  const termIds = new Map<string, number>()
  const postingIds: number[][] = []
  const postingWeights: number[][] = []
  const terms: number[][] = []
  vectors.forEach((v, i) => {
    const own: number[] = []
    v.forEach((w, t) => {
      let id = termIds.get(t)
      if (id === undefined) {
        id = postingIds.length
        termIds.set(t, id)
        postingIds.push([])
        postingWeights.push([])
      }
      ;(postingIds[id] as number[]).push(i)
      ;(postingWeights[id] as number[]).push(w)
      own.push(id)
    })
    terms.push(own)
  })
  const out = { a: [] as number[], b: [] as number[], sim: [] as number[] }
  const cursor = new Int32Array(postingIds.length)
  const acc = new Float64Array(vectors.length)
  const touched: number[] = []
  for (let i = 0; i < vectors.length; i++) {
    for (const t of terms[i] as number[]) {
      const ids = postingIds[t] as number[]
      const weights = postingWeights[t] as number[]
      const own = cursor[t] as number
      cursor[t] = own + 1
      const w = weights[own] as number
      for (let k = own + 1; k < ids.length; k++) {
        const j = ids[k] as number
        if (acc[j] === 0) touched.push(j)
        acc[j] = (acc[j] as number) + w * (weights[k] as number)
      }
    }
    for (const j of touched) {
      const sim = acc[j] as number
      acc[j] = 0
      if (sim < floor) continue
      out.a.push(i)
      out.b.push(j)
      out.sim.push(sim)
    }
    touched.length = 0
  }
  return out
}

class UnionFind {
  private readonly parent: Int32Array

  constructor(size: number) {
    this.parent = new Int32Array(size)
    for (let i = 0; i < size; i++) this.parent[i] = i
  }

  find(x: number): number {
    const parent = this.parent
    let root = x
    while (parent[root] !== root) root = parent[root] as number
    while (parent[x] !== root) {
      const next = parent[x] as number
      parent[x] = root
      x = next
    }
    return root
  }

  /** Makes `root`'s set absorb `child`'s; `root` must be a root. */
  attach(child: number, root: number) {
    this.parent[this.find(child)] = root
  }

  /** Joins the sets of x and y; the smaller root stays the root. */
  union(x: number, y: number) {
    const a = this.find(x)
    const b = this.find(y)
    if (a < b) this.parent[b] = a
    else if (b < a) this.parent[a] = b
  }
}

/** A recorded pair between clusters a and b: `sum` is the similarity summed over their member pairs. */
interface Link {
  a: number
  b: number
  sum: number
}

/**
 * Average linkage by the nearest-neighbour chain on a dense matrix of similarity sums: O(m²) time and
 * memory. It builds the whole dendrogram; average linkage never merges above an earlier merge's
 * height, so keeping the merges at or above the threshold gives exactly what greedy merging of the
 * closest pair would. Returns a label (a member's index) per node.
 */
function clusterDense(sizes: Float64Array, links: Link[], threshold: number): Int32Array {
  const m = sizes.length
  const size = Float64Array.from(sizes)
  const S = new Float32Array(m * m)
  for (const { a, b, sum } of links) {
    S[a * m + b] = sum
    S[b * m + a] = sum
  }
  const active = new Uint8Array(m)
  active.fill(1)
  const joined = new UnionFind(m)
  const chain: number[] = []
  let remaining = m
  let first = 0
  while (remaining > 1) {
    if (chain.length === 0) {
      while (active[first] === 0) first++
      chain.push(first)
    }
    const a = chain[chain.length - 1] as number
    const previous = chain.length > 1 ? (chain[chain.length - 2] as number) : -1
    const row = a * m
    const sizeA = size[a] as number
    // Nearest neighbour of a; on a tie the previous chain element wins, which guarantees progress.
    let best = previous
    let bestLinkage = previous >= 0 ? (S[row + previous] as number) / (sizeA * (size[previous] as number)) : -1
    for (let c = 0; c < m; c++) {
      if (c === a || active[c] === 0) continue
      const linkage = (S[row + c] as number) / (sizeA * (size[c] as number))
      if (linkage > bestLinkage) {
        bestLinkage = linkage
        best = c
      }
    }
    if (best !== previous) {
      chain.push(best)
      continue
    }
    // a and previous are each other's nearest: merge them into the smaller index.
    chain.length -= 2
    const keep = a < best ? a : best
    const gone = a < best ? best : a
    if (bestLinkage >= threshold) joined.union(keep, gone)
    const keepRow = keep * m
    const goneRow = gone * m
    for (let c = 0; c < m; c++) {
      if (active[c] === 0) continue
      const sum = (S[keepRow + c] as number) + (S[goneRow + c] as number)
      S[keepRow + c] = sum
      S[c * m + keep] = sum
    }
    size[keep] = (size[keep] as number) + (size[gone] as number)
    active[gone] = 0
    remaining--
  }
  const labels = new Int32Array(m)
  for (let k = 0; k < m; k++) labels[k] = joined.find(k)
  return labels
}

/**
 * Average linkage by greedy merging with a lazy max-heap over sparse neighbour maps: memory grows with
 * the number of links rather than m². Heap entries name clusters by any member (resolved through
 * union-find) and may be stale: a merged cluster's linkage to C is the size-weighted mean of its
 * parts' linkages, so an entry always bounds the true value from above; a popped entry that no longer
 * holds is recomputed and pushed back, one that still holds is the true maximum.
 */
function clusterSparse(sizes: Float64Array, links: Link[], threshold: number): Int32Array {
  const m = sizes.length
  const size = Float64Array.from(sizes)
  const neighbours: Map<number, number>[] = []
  for (let k = 0; k < m; k++) neighbours.push(new Map())
  const heap = new CandidateHeap()
  for (const { a, b, sum } of links) {
    ;(neighbours[a] as Map<number, number>).set(b, sum)
    ;(neighbours[b] as Map<number, number>).set(a, sum)
    const linkage = sum / ((size[a] as number) * (size[b] as number))
    if (linkage >= threshold) heap.push(linkage, a < b ? a : b, a < b ? b : a)
  }
  const joined = new UnionFind(m)
  // Many original entries come to resolve to the same pair of clusters; `repushed` remembers the value
  // last pushed back for a pair so that each is pushed back once, not once per original entry.
  const repushed = new Map<number, number>()
  while (heap.size > 0) {
    const value = heap.topValue()
    let x = joined.find(heap.topA())
    let y = joined.find(heap.topB())
    heap.pop()
    if (x === y) continue
    if (x > y) {
      const swap = x
      x = y
      y = swap
    }
    const key = x * m + y
    if (repushed.get(key) === value) repushed.delete(key)
    const X = neighbours[x] as Map<number, number>
    const Y = neighbours[y] as Map<number, number>
    const linkage = (X.get(y) || 0) / ((size[x] as number) * (size[y] as number))
    if (linkage < value - 1e-12) {
      if (linkage >= threshold && repushed.get(key) !== linkage) {
        repushed.set(key, linkage)
        heap.push(linkage, x, y)
      }
      continue
    }
    // The cluster with more neighbours absorbs the other, so only the smaller map's entries move.
    const keep = X.size >= Y.size ? x : y
    const gone = keep === x ? y : x
    const K = keep === x ? X : Y
    const G = keep === x ? Y : X
    joined.attach(gone, keep)
    K.delete(gone)
    G.forEach((sum, c) => {
      if (c === keep) return
      const merged = (K.get(c) || 0) + sum
      K.set(c, merged)
      const C = neighbours[c] as Map<number, number>
      C.delete(gone)
      C.set(keep, merged)
    })
    neighbours[gone] = new Map()
    size[keep] = (size[keep] as number) + (size[gone] as number)
  }
  const labels = new Int32Array(m)
  for (let k = 0; k < m; k++) labels[k] = joined.find(k)
  return labels
}

/** Mean cosine over all pairs of unit vectors: (|Σv|² − Σ|v|²) / (k(k − 1)), exact and O(k). */
function meanPairwise(members: number[], vectors: Vector[]): number {
  const sum: Vector = new Map()
  let selfDots = 0
  for (const m of members) {
    const v = vectors[m] as Vector
    if (v.size > 0) selfDots += 1
    for (const [t, w] of v) sum.set(t, (sum.get(t) || 0) + w)
  }
  let squared = 0
  for (const w of sum.values()) squared += w * w
  const k = members.length
  return clamp01((squared - selfDots) / (k * (k - 1)))
}

/**
 * Up to five keywords: tokens of two or more characters, not bare numbers, shared by at least two
 * members, ranked by (members containing it) × IDF
 * (ties by total weight, then alphabetically). Overlapping bigrams are joined into the phrase they
 * come from when most members contain that phrase ("加装" + "装电" + "电梯" → "加装电梯"), and a keyword
 * inside a longer one is dropped.
 */
function keywords(members: number[], vectors: Vector[], index: TextIndex, texts: string[]): string[] {
  const stats = new Map<string, { docs: number; weight: number }>()
  for (const m of members) {
    ;(vectors[m] as Vector).forEach((w, t) => {
      const s = stats.get(t)
      if (s) {
        s.docs++
        s.weight += w
      } else stats.set(t, { docs: 1, weight: w })
    })
  }
  const ranked: { token: string; score: number; weight: number }[] = []
  stats.forEach((s, token) => {
    if (s.docs >= 2 && token.length >= 2 && !/^[0-9]+$/.test(token)) {
      ranked.push({ token, score: s.docs * index.idf(token), weight: s.weight })
    }
  })
  ranked.sort((a, b) => b.score - a.score || b.weight - a.weight || (a.token < b.token ? -1 : a.token > b.token ? 1 : 0))
  const phrases = ranked.slice(0, 3 * KEYWORD_COUNT).map((r) => r.token)

  const normalizedMembers = members.map((m) => normalize(texts[m] as string))
  const support = (phrase: string) => normalizedMembers.reduce((n, text) => (text.indexOf(phrase) >= 0 ? n + 1 : n), 0)
  for (let merged = true; merged;) {
    merged = false
    for (let i = 0; i < phrases.length && !merged; i++) {
      for (let j = 0; j < phrases.length && !merged; j++) {
        const p = phrases[i] as string
        const q = phrases[j] as string
        if (i === j || q.length < 2 || p.charAt(p.length - 1) !== q.charAt(0)) continue
        const joined = p + q.slice(1)
        if (support(joined) >= Math.max(2, Math.min(support(p), support(q)) / 2)) {
          phrases[Math.min(i, j)] = joined
          phrases.splice(Math.max(i, j), 1)
          merged = true
        }
      }
    }
  }
  return phrases.filter((p, i) => !phrases.some((q, j) => j !== i && q.length > p.length && q.indexOf(p) >= 0)).slice(0, KEYWORD_COUNT)
}

/** Max-heap of (linkage, a, b) in parallel arrays; ties go to smaller indices, so runs are repeatable. */
class CandidateHeap {
  private readonly values: number[] = []
  private readonly as: number[] = []
  private readonly bs: number[] = []

  get size(): number {
    return this.values.length
  }

  topValue(): number {
    return this.values[0] as number
  }

  topA(): number {
    return this.as[0] as number
  }

  topB(): number {
    return this.bs[0] as number
  }

  push(value: number, a: number, b: number) {
    this.values.push(value)
    this.as.push(a)
    this.bs.push(b)
    let i = this.values.length - 1
    while (i > 0) {
      const up = (i - 1) >> 1
      if (!this.before(i, up)) break
      this.swap(i, up)
      i = up
    }
  }

  pop() {
    const last = this.values.length - 1
    this.swap(0, last)
    this.values.pop()
    this.as.pop()
    this.bs.pop()
    let i = 0
    for (;;) {
      const l = 2 * i + 1
      const r = l + 1
      let best = i
      if (l < last && this.before(l, best)) best = l
      if (r < last && this.before(r, best)) best = r
      if (best === i) return
      this.swap(i, best)
      i = best
    }
  }

  private before(i: number, j: number): boolean {
    const vi = this.values[i] as number
    const vj = this.values[j] as number
    if (vi !== vj) return vi > vj
    const ai = this.as[i] as number
    const aj = this.as[j] as number
    return ai !== aj ? ai < aj : (this.bs[i] as number) < (this.bs[j] as number)
  }

  private swap(i: number, j: number) {
    const { values, as, bs } = this
    const v = values[i] as number
    values[i] = values[j] as number
    values[j] = v
    const a = as[i] as number
    as[i] = as[j] as number
    as[j] = a
    const b = bs[i] as number
    bs[i] = bs[j] as number
    bs[j] = b
  }
}
