// Chinese word segmentation of a citizen's question: ICU's word breaker (Intl.Segmenter, built into Node) with a government-service dictionary on top.
import { normalize } from './analyzer'
import { FUNCTION_WORDS } from './functionWords'

/**
 * Where the words are in a citizen's question (only queries are segmented; the library is indexed by
 * characters and bigrams). ICU's dictionary knows everyday Chinese; the words below add those of
 * public services it lacks or splits (年审, 养老钱, 居住证, 加计扣除…), and every term of the
 * colloquial dictionary (built-in and staff entries) is added when the search index is built, so a
 * term the synonym table knows is always one word. A character string ICU does not know stays single
 * characters, and the query planner falls back to the library's own statistics (cohesion) for it.
 * Segmentation is deterministic for a given dictionary.
 *
 * It was jieba (@node-rs/jieba) until 2026-12-07: its 349,045-word dictionary cost every process that
 * served a search ~31 MB of native memory to cut queries of a few words; ICU's dictionary is part of
 * Node's own data (bench/README.md, "Memory").
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

/** The added words (normalised), and the length of the longest. */
const dictionaryWords = new Set<string>()
let longest = 0

/** Add words to the segmenter's dictionary (each once per process); returns how many were new. */
export function addDictionaryWords(words: Iterable<string>): number {
  let fresh = 0
  for (const raw of words) {
    const word = normalize(raw.trim())
    if (word.length < 2 || dictionaryWords.has(word) || !/^[\u3400-\u9fff]+$/.test(word)) continue
    dictionaryWords.add(word)
    longest = Math.max(longest, word.length)
    fresh++
  }
  return fresh
}
addDictionaryWords(DOMAIN_WORDS)

const icu = new Intl.Segmenter('zh', { granularity: 'word' })

export interface WordSpan {
  start: number
  end: number
  /** A function word (functionWords.ts). */
  function: boolean
}

/**
 * The words of a text, two characters or longer, by offset (the text is normalised first; offsets are the same).
 * The added words are taken first, longest first from left to right; ICU cuts what lies between them.
 */
export function wordSpans(text: string): WordSpan[] {
  const s = normalize(text)
  const spans: WordSpan[] = []
  const cut = (from: number, to: number) => {
    if (to - from < 2) return
    for (const { segment, index } of icu.segment(s.slice(from, to))) {
      const start = from + index
      if (segment.length < 2) continue
      if (FUNCTION_WORDS.has(segment)) spans.push({ start, end: start + segment.length, function: true })
      // ICU attaches a character to some function words (一直在, 已经是), which jieba cut off (一直|在).
      else if (segment.length >= 3 && FUNCTION_WORDS.has(segment.slice(0, -1))) spans.push({ start, end: start + segment.length - 1, function: true })
      else spans.push({ start, end: start + segment.length, function: false })
    }
  }
  let gap = 0
  for (let at = 0; at < s.length;) {
    let length = Math.min(longest, s.length - at)
    while (length >= 2 && !dictionaryWords.has(s.slice(at, at + length))) length--
    if (length < 2) {
      at++
      continue
    }
    cut(gap, at)
    spans.push({ start: at, end: at + length, function: false })
    at += length
    gap = at
  }
  cut(gap, s.length)
  return spans
}
