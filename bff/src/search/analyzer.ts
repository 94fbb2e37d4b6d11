/**
 * Text analysis for the Q&A search: how a question, an answer or a citizen's query becomes tokens.
 *
 * No word dictionary: Chinese is indexed as overlapping character bigrams (the unit that carries
 * meaning in most two-character words) plus single characters (a weak signal that gives partial
 * and typo tolerance: 养老经 still shares 养 and 老 with 养老金). Latin letters and digits form
 * whole words ("etc", "12333", "c1").
 *
 * Filler that only makes a sentence a question (怎么办, 如何, 能不能, 请问, 吗…) is cut out before
 * bigrams are made, on both sides: citizens write 怎么 where the library writes 如何, and neither
 * says anything about the subject. Pure function characters (的 了 吗 我…) never form a token;
 * light ones (是 在 有 能…) form bigrams but not single-character tokens, so 能力 and 技能 survive.
 *
 * Offsets refer to the original text (normalisation keeps every character in place), so hits can
 * be highlighted in what the citizen or the library wrote.
 */

export interface Token {
  /** Normalised token text. */
  text: string
  /** Offset of the first character in the original text. */
  start: number
  /** Offset after the last character. */
  end: number
  /** 1: a single CJK character; 2: a CJK bigram; 0: a Latin/digit word. */
  kind: TokenKind
}

/** Question words and politeness: removed from queries and documents alike. */
export const FILLER_WORDS = [
  '请问',
  '想问',
  '问一下',
  '问问',
  '咨询一下',
  '了解一下',
  '一下',
  '您好',
  '你好',
  '谢谢',
  '麻烦',
  '打扰',
  '怎么办理',
  '怎么办',
  '怎么样',
  '怎么',
  '怎样',
  '如何',
  '咋办',
  '咋样',
  '咋弄',
  '咋整',
  '怎么弄',
  '怎么搞',
  '弄',
  '什么样',
  '什么',
  '为什么',
  '为何',
  '哪里',
  '哪儿',
  '哪些',
  '哪个',
  '哪种',
  '在哪',
  '多少',
  '几个',
  '多久',
  '多长时间',
  '是否',
  '能否',
  '可否',
  '能不能',
  '可不可以',
  '是不是',
  '有没有',
  '要不要',
  '会不会',
  '行不行',
  '用不用',
  '需不需要',
  '可以',
  '需要',
  '应该',
  '应当',
  '必须',
  '我们',
  '你们',
  '他们',
  '我家',
  '自己',
  '本人',
  '这个',
  '那个',
  '这些',
  '那些',
  '这样',
  '那样',
  '已经',
  '还是',
  '或者',
  '以及',
  '并且',
  '关于',
  '有关',
  '相关',
  '问题',
  '具体',
  '一般',
  '时候',
  '的话',
  '一些',
  '一点',
  '现在',
  '目前',
  '还有',
  '就是',
  '到底',
  '究竟',
  '我市',
  '本次',
  '相应',
  // What a long story says around its question: asking, hearsay, not knowing, hurry.
  '我想问',
  '想知道',
  '想了解',
  '请帮忙',
  '帮忙',
  '帮我',
  '听说',
  '听人说',
  '有人说',
  '不知道',
  '不清楚',
  '谢谢了',
  '着急',
  '在线等',
  '求问',
  '能告诉',
  '告诉我',
  '请告知',
  '是这样',
]

/** Characters that never form a token (except inside KEEP_WORDS). */
export const STRICT_STOP = new Set('的了吗呢吧啊呀嘛哦么我你您咋啥呗嗯哈噢哪'.split(''))
/** Characters that form bigrams but are too common to count on their own. */
const LIGHT_STOP = new Set('是在有要会能该得地着过把被给让和与及或也都就很还再又才只这那个些之其此对向从到于为以请问办'.split(''))
/** Words that contain a strict stop character and still mean something. */
const KEEP_WORDS = ['了解', '目的', '的确', '自我', '哪吒', '你好']

const isCjk = (c: number) => (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff)
const NUMERAL_RUN = /[零一二两三四五六七八九十百千]+/g
const NUMERAL_DIGITS: Record<string, number> = { 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 }
const NUMERAL_POWERS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 }
/** Units after which a Chinese numeral is a count (岁, 分, 天, 个月, 年…). */
const NUMERAL_UNITS = new Set('岁周分天个年月日号元块次级人套辆倍小公米类种项条'.split(''))

/** The value of a Chinese numeral (十二 → 12, 七十 → 70, 一百二十 → 120, 一九四九 → 1949), or null. */
export function numeralValue(text: string): number | null {
  if (![...text].some((c) => c in NUMERAL_POWERS)) {
    // Digit by digit (一九四九), or one digit.
    let out = ''
    for (const c of text) {
      const d = NUMERAL_DIGITS[c]
      if (d === undefined) return null
      out += String(d)
    }
    return Number(out)
  }
  let total = 0
  let digit = -1
  for (const c of text) {
    const power = NUMERAL_POWERS[c]
    if (power !== undefined) {
      total += (digit < 0 ? 1 : digit) * power
      digit = -1
    } else {
      const d = NUMERAL_DIGITS[c]
      if (d === undefined) return null
      if (digit > 0) return null // 五六十: a range, not a number
      digit = d
    }
  }
  return total + Math.max(0, digit)
}

const isDigit = (c: number) => c >= 0x30 && c <= 0x39
const isWordChar = (c: number) => (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39)

/**
 * Full-width ASCII → half-width, ideographic space → space, A–Z → a–z, nothing else: one
 * character in, one character out, so offsets stay valid.
 */
export function normalize(text: string): string {
  let out = ''
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i)
    if (c >= 0xff01 && c <= 0xff5e) c -= 0xfee0
    else if (c === 0x3000) c = 0x20
    if (c >= 0x41 && c <= 0x5a) c += 0x20
    out += String.fromCharCode(c)
  }
  return out
}

class WordTable {
  private readonly byFirst = new Map<string, string[]>()
  constructor(words: readonly string[]) {
    for (const w of words) {
      const list = this.byFirst.get(w.charAt(0)) ?? []
      list.push(w)
      this.byFirst.set(w.charAt(0), list)
    }
    for (const list of this.byFirst.values()) list.sort((a, b) => b.length - a.length)
  }
  /** The longest word starting at `i`, or null. */
  at(text: string, i: number): string | null {
    const list = this.byFirst.get(text.charAt(i))
    if (list) for (const w of list) if (text.startsWith(w, i)) return w
    return null
  }
}

/** Kinds of token: a Latin/digit word, a single CJK character, a CJK bigram. */
export type TokenKind = 0 | 1 | 2

/**
 * The numeric key of a CJK token (a character's code, or `first * 65536 + second` for a bigram) —
 * the index keys its vocabulary by these to avoid making a string per token; words keep their text.
 */
export type TermKey = number | string

/**
 * What an analysis cuts and keeps. The Q&A search and the opinion clustering use the same tokenizer
 * and differ only here: which words and characters say nothing, which words survive although they
 * contain one, and whether every content character is also a token or only one standing alone.
 */
export interface AnalyzerProfile {
  /** Words cut out before bigrams are made (question fillers, politeness, hedges). */
  cutWords: readonly string[]
  /** Characters that never form a token. */
  cutChars: ReadonlySet<string>
  /** Characters that form bigrams but no single-character token. */
  lightChars: ReadonlySet<string>
  /** Words that contain a cut character and still mean something: never cut. */
  keepWords: readonly string[]
  /** 'content': every content character is also a token; 'isolated': only one with no neighbour in its piece. */
  unigrams: 'content' | 'isolated'
  /** A word of letters glued to a number (12123app) is also its parts, when each is two characters or more (c1, pm2, n95 stay whole). */
  splitGlued?: boolean
  /** A number in Chinese numerals before a unit (七十岁, 十二分, 第三) is also the number in digits (70, 12, 3). */
  numerals?: boolean
}

export interface Analyzer {
  /**
   * Walk the tokens of a text without allocating them: `emit(kind, start, end, key)`. Queries and
   * documents go through the same walk, so they are analysed identically.
   */
  scan(text: string, emit: (kind: TokenKind, start: number, end: number, key: TermKey) => void): void
  /** Tokens of a text in order of position. */
  tokenize(text: string): Token[]
}

export function createAnalyzer(profile: AnalyzerProfile): Analyzer {
  const cut = new WordTable(profile.cutWords)
  const keep = new WordTable(profile.keepWords)
  const isolatedOnly = profile.unigrams === 'isolated'

  /** Marks, for one normalised CJK run: 0 content, 1 light (no single-character token), 2 cut. */
  function classify(run: string): Uint8Array {
    const marks = new Uint8Array(run.length)
    let i = 0
    while (i < run.length) {
      const kept = keep.at(run, i)
      if (kept) {
        i += kept.length
        continue
      }
      const word = cut.at(run, i)
      if (word) {
        marks.fill(2, i, i + word.length)
        i += word.length
        continue
      }
      const ch = run.charAt(i)
      if (profile.cutChars.has(ch)) marks[i] = 2
      else if (profile.lightChars.has(ch)) marks[i] = 1
      i++
    }
    return marks
  }

  function scan(text: string, emit: (kind: TokenKind, start: number, end: number, key: TermKey) => void): void {
    const s = normalize(text)
    let i = 0
    while (i < s.length) {
      const c = s.charCodeAt(i)
      let j = i + 1
      if (isWordChar(c)) {
        while (j < s.length && isWordChar(s.charCodeAt(j))) j++
        emit(0, i, j, s.slice(i, j))
        if (profile.splitGlued) emitParts(s, i, j, emit)
      } else if (isCjk(c)) {
        while (j < s.length && isCjk(s.charCodeAt(j))) j++
        const run = s.slice(i, j)
        const marks = classify(run)
        for (let k = 0; k < run.length; k++) {
          if (marks[k] === 2) continue
          const code = run.charCodeAt(k)
          const alone = (k === 0 || marks[k - 1] === 2) && (k + 1 === run.length || marks[k + 1] === 2)
          if (marks[k] === 0 && (!isolatedOnly || alone)) emit(1, i + k, i + k + 1, code)
          if (k + 1 < run.length && marks[k + 1] !== 2) emit(2, i + k, i + k + 2, code * 65536 + run.charCodeAt(k + 1))
        }
        if (profile.numerals) emitNumerals(run, i, emit)
      }
      i = j
    }
  }

  /** Numbers written in Chinese numerals before a unit or after 第, as digits (the library writes 12分, citizens 十二分). */
  function emitNumerals(run: string, offset: number, emit: (kind: TokenKind, start: number, end: number, key: TermKey) => void) {
    for (const m of run.matchAll(NUMERAL_RUN)) {
      const start = m.index as number
      const end = start + m[0].length
      const value = numeralValue(m[0])
      const counted = NUMERAL_UNITS.has(run.charAt(end)) || run.charAt(start - 1) === '第'
      if (value === null || !counted || (value < 2 && m[0].length === 1)) continue
      const digits = String(value)
      emit(0, offset + start, offset + end, digits)
    }
  }

  /** The letter and digit parts of a glued word, when there are several and each has two characters or more. */
  function emitParts(s: string, from: number, to: number, emit: (kind: TokenKind, start: number, end: number, key: TermKey) => void) {
    const parts: [number, number][] = []
    let start = from
    for (let k = from + 1; k <= to; k++) {
      if (k === to || isDigit(s.charCodeAt(k)) !== isDigit(s.charCodeAt(k - 1))) {
        if (k - start < 2) return
        parts.push([start, k])
        start = k
      }
    }
    if (parts.length > 1) for (const [a, b] of parts) emit(0, a, b, s.slice(a, b))
  }

  function tokenize(text: string): Token[] {
    const s = normalize(text)
    const tokens: Token[] = []
    // A word's key is its text (a numeral's is its digits: 十二 → 12).
    scan(text, (kind, start, end, key) => tokens.push({ text: typeof key === 'string' ? key : s.slice(start, end), start, end, kind }))
    return tokens
  }

  return { scan, tokenize }
}

/** The Q&A search's analysis (library, queries, highlights). */
const qaAnalyzer = createAnalyzer({
  cutWords: FILLER_WORDS,
  cutChars: STRICT_STOP,
  lightChars: LIGHT_STOP,
  keepWords: KEEP_WORDS,
  unigrams: 'content',
  splitGlued: true,
  numerals: true,
})
export const scan = qaAnalyzer.scan
export const tokenize = qaAnalyzer.tokenize

/** The key of a token's text (see TermKey). */
export function termKey(text: string): TermKey {
  if (text.length === 1 && isCjk(text.charCodeAt(0))) return text.charCodeAt(0)
  if (text.length === 2 && isCjk(text.charCodeAt(0)) && isCjk(text.charCodeAt(1))) return text.charCodeAt(0) * 65536 + text.charCodeAt(1)
  return text
}

/** True when the text contains a function character (的, 了, 个, 能…): such phrases are not words. */
export function hasFunctionCharacter(text: string): boolean {
  for (const ch of text) if (STRICT_STOP.has(ch) || LIGHT_STOP.has(ch)) return true
  return false
}

/** Bigrams and words only (the tokens that carry a phrase), e.g. to measure a phrase's length. */
export function phraseTokens(text: string): string[] {
  return tokenize(text)
    .filter((t) => t.kind !== 1)
    .map((t) => t.text)
}
