// Chinese word segmentation for the Q&A search: jieba (@node-rs/jieba, native, BFF only) with a government-service user dictionary.
import { readFileSync } from 'node:fs'
import { Jieba } from '@node-rs/jieba'
import { normalize } from './analyzer'

/**
 * Where the words are in a citizen's question. jieba's dictionary knows everyday Chinese; the user
 * dictionary below adds the words of public services it lacks or splits (年审, 养老钱, 居住证,
 * 加计扣除…), and every term of the colloquial dictionary (built-in and staff entries) is added
 * when the search index is built, so a term the synonym table knows is always one word.
 *
 * Dictionary mode only (no HMM guessing of unknown words): a character string jieba does not know
 * stays single characters, and the query planner falls back to the library's own statistics
 * (cohesion) for it. Segmentation is deterministic for a given dictionary.
 *
 * One line per domain: social insurance; housing; residence and documents; vehicles and traffic;
 * work, business and tax; welfare and city life.
 */
export const DOMAIN_WORDS: readonly string[] = `
社保 社保卡 医保 医保卡 社会保障卡 养老金 养老钱 退休金 基本养老金 养老保险 医疗保险 失业保险 失业金 失业保险金 生育保险 生育津贴 工伤保险 工伤认定 参保 参保人 参保人员 断缴 补缴 缴费年限 缴费基数 个人账户 视同缴费 灵活就业 异地就医 就医备案 直接结算 手工报销 门诊 定点医院 定点医药机构 大病保险 城乡居民 丧葬补助 抚恤金 遗属
公积金 住房公积金 公积金贷款 商业贷款 组合贷款 贷款额度 提取 销户 公租房 廉租房 共有产权房 经适房 经济适用住房 保障性住房 不动产 不动产权证书 房产证 房本 网签 存量房 二手房 租赁住房 租房补贴 物业费 维修资金 老旧小区
户口 户口簿 户口本 户籍 落户 积分落户 居住证 居住登记卡 暂住证 身份证 居民身份证 临时身份证 港澳通行证 护照 结婚登记 离婚登记 出生医学证明 独生子女
驾照 驾驶证 行驶证 年审 年检 车检 验车 号牌 小客车 小客车指标 摇号 进京证 网约车 电动自行车 交通事故 违章 记分 酒驾 醉驾 机动车 新能源车 尾号限行
劳动合同 劳动仲裁 最低工资 加班费 年休假 高校毕业生 灵活就业 营业执照 个体工商户 高新技术企业 高企 研发费用 加计扣除 个税 个人所得税 专项附加扣除 发票 纳税人 营商环境 一网通办 政务服务
老年人 养老助残卡 高龄津贴 失能 低保 最低生活保障 特困 残疾人 残疾证 养犬 养犬登记 犬证 狂犬病 垃圾分类 厨余垃圾 违法建设 噪声
`
  .split(/\s+/)
  .filter(Boolean)

/** jieba's own dictionary (349,045 words with frequencies and parts of speech), shipped with the package. */
const DICTIONARY_FILE = require.resolve('@node-rs/jieba/dict.txt')

/**
 * One jieba per process, made on first use. The native jieba keeps its dictionary in about 27 MB;
 * jieba-wasm held the same dictionary in 60 MB of WebAssembly memory that never shrinks, plus the
 * compiled module (bench/README.md, "Memory").
 */
let jieba: Jieba | null = null
/** The sum of the dictionary's frequencies, as jieba keeps it (words added below included). */
let total = 0
/** Frequencies of the words this process added (they override the dictionary's). */
const added = new Map<string, number>()

function segmenter(): Jieba {
  if (jieba) return jieba
  const dictionary = readFileSync(DICTIONARY_FILE)
  jieba = Jieba.withDict(dictionary)
  addDictionaryWords(DOMAIN_WORDS, dictionary)
  return jieba
}

/**
 * One pass over jieba's dictionary (lines "word frequency tag", UTF-8): the frequencies of the words
 * asked for, and the sum of all. It reads the bytes in place: splitting the 5 MB file into 349,045
 * strings at once would grow the heap by tens of megabytes that the process then keeps.
 */
function frequencies(dictionary: Buffer, wanted: ReadonlySet<string>) {
  const keys = new Map<string, string>()
  for (const word of wanted) keys.set(Buffer.from(word, 'utf8').toString('latin1'), word)
  const found = new Map<string, number>()
  let sum = 0
  const SPACE = 0x20
  const NEWLINE = 0x0a
  for (let at = 0; at < dictionary.length;) {
    const newline = dictionary.indexOf(NEWLINE, at)
    const lineEnd = newline === -1 ? dictionary.length : newline
    const wordEnd = dictionary.indexOf(SPACE, at)
    if (wordEnd > at && wordEnd < lineEnd) {
      let freq = 0
      for (let i = wordEnd + 1; i < lineEnd && dictionary[i]! >= 0x30 && dictionary[i]! <= 0x39; i++) freq = freq * 10 + dictionary[i]! - 0x30
      sum += freq
      const word = keys.get(dictionary.toString('latin1', at, wordEnd))
      if (word !== undefined) found.set(word, freq)
    }
    at = lineEnd + 1
  }
  return { found, total: sum }
}

/**
 * jieba's `add_word(word)` without a frequency, which @node-rs/jieba does not expose: the word gets
 * the frequency that makes it just likelier than the pieces jieba cuts it into (jieba-rs
 * `suggest_freq`: max(⌊total × Π freq(piece)/total⌋ + 1, its own frequency)), and is loaded as a
 * dictionary line. Words are added one by one, as jieba does, so a word sees those added before it.
 */
function addWords(j: Jieba, words: readonly string[], dictionary: Buffer) {
  const substrings = new Set<string>()
  for (const w of words) for (let a = 0; a < w.length; a++) for (let b = a + 1; b <= w.length; b++) substrings.add(w.slice(a, b))
  const { found: base, total: dictionaryTotal } = frequencies(dictionary, substrings)
  // The first words added (the domain words, with the dictionary just loaded) start from the dictionary's own sum.
  if (added.size === 0) total = dictionaryTotal
  const freqOf = (w: string, fallback: number) => added.get(w) ?? base.get(w) ?? fallback
  for (const word of words) {
    const logTotal = Math.log(total)
    const logFreq = j.cut(word, false).reduce((sum, piece) => sum + Math.log(freqOf(piece, 1)) - logTotal, 0)
    const freq = Math.max(Math.floor(Math.exp(logFreq + logTotal)) + 1, freqOf(word, 1))
    j.loadDict(Buffer.from(`${word} ${freq}\n`))
    total += freq - freqOf(word, 0)
    added.set(word, freq)
  }
}

const dictionaryWords = new Set<string>()

/** Add words to the segmenter's dictionary (each once per process); returns how many were new. */
export function addDictionaryWords(words: Iterable<string>, dictionary?: Buffer): number {
  const j = segmenter()
  const fresh: string[] = []
  for (const raw of words) {
    const word = normalize(raw.trim())
    if (word.length < 2 || dictionaryWords.has(word) || !/^[\u3400-\u9fff]+$/.test(word)) continue
    dictionaryWords.add(word)
    fresh.push(word)
  }
  if (fresh.length > 0) addWords(j, fresh, dictionary ?? readFileSync(DICTIONARY_FILE))
  return fresh.length
}

/**
 * Parts of speech that only hold a sentence together (adverbs, pronouns, prepositions, conjunctions,
 * particles, modal and time words, locatives): 一直, 现在, 我们, 关于, 已经 say nothing about the subject.
 */
const FUNCTION_TAGS = /^(d|r|p|c|u|y|e|o|t|f|q)/

export interface WordSpan {
  start: number
  end: number
  /** A function word (see FUNCTION_TAGS). */
  function: boolean
}

/** The words of a text, two characters or longer, by offset (the text is normalised first; offsets are the same). */
export function wordSpans(text: string): WordSpan[] {
  const j = segmenter()
  const spans: WordSpan[] = []
  const s = normalize(text)
  let at = 0
  for (const { word, tag: pos } of j.tag(s, false)) {
    if (word.length >= 2) spans.push({ start: at, end: at + word.length, function: FUNCTION_TAGS.test(pos) })
    at += word.length
  }
  // jieba returns every character of its input in order; if it ever did not, offsets would lie.
  if (at !== s.length) return []
  return spans
}
