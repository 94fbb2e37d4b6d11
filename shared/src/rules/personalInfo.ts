/**
 * Personal information in citizens' free text (去标识化 before an opinion is published).
 *
 * `findPersonalInfo` only *suggests* spans; staff confirm them and `applyMasks` writes the published
 * text. The detectors therefore favour precision on the things that are certainly personal (ID numbers
 * with a valid check digit, mobile numbers, e-mail addresses…) and stay conservative where language is
 * ambiguous (names, addresses), so that staff are not asked to dismiss noise on every opinion.
 *
 * Runs in Node and in the WeChat runtime on old phones: no lookbehind, no named groups, no `u`/`s`
 * flags, no `matchAll`/`replaceAll`; offsets are UTF-16 code units (what `String#slice` uses).
 */

import { normalizeWidth } from './text'

export type PersonalInfoKind = 'ID_NUMBER' | 'PHONE' | 'LANDLINE' | 'EMAIL' | 'PLATE' | 'BANK_CARD' | 'ADDRESS' | 'NAME' | 'WECHAT_ID'

/** Every kind, in a stable order (schemas and labels are built from it). */
export const personalInfoKinds = [
  'ID_NUMBER',
  'PHONE',
  'LANDLINE',
  'EMAIL',
  'PLATE',
  'BANK_CARD',
  'ADDRESS',
  'NAME',
  'WECHAT_ID',
] as const satisfies readonly PersonalInfoKind[]

export interface PersonalInfoMatch {
  kind: PersonalInfoKind
  /** UTF-16 offset of the first character. */
  start: number
  /** UTF-16 offset after the last character (exclusive). */
  end: number
  text: string
}

export const personalInfoLabels: Record<PersonalInfoKind, string> = {
  ID_NUMBER: '身份证号',
  PHONE: '手机号',
  LANDLINE: '固定电话',
  EMAIL: '电子邮箱',
  PLATE: '车牌号',
  BANK_CARD: '银行卡号',
  ADDRESS: '详细地址',
  NAME: '姓名',
  WECHAT_ID: '微信号',
}

// ---------------------------------------------------------------------------------------------
// Detection
// ---------------------------------------------------------------------------------------------

/** When two candidates overlap and are equally long, the lower rank wins (more specific). */
const SPECIFICITY: Record<PersonalInfoKind, number> = {
  ID_NUMBER: 0,
  EMAIL: 1,
  BANK_CARD: 2,
  PHONE: 3,
  LANDLINE: 4,
  PLATE: 5,
  WECHAT_ID: 6,
  ADDRESS: 7,
  NAME: 8,
}

/**
 * Sorted, non-overlapping personal-information spans in `text`.
 *
 * Overlaps are resolved greedily: the longest candidate wins, then the more specific kind
 * (ID number > e-mail > bank card > mobile > landline > plate > address > name), then the earlier one.
 */
export function findPersonalInfo(text: string): PersonalInfoMatch[] {
  const s = normalizeWidth(text)
  const candidates: Candidate[] = [
    ...findDigitRuns(s),
    ...findSpacedNumbers(s),
    ...findMobiles(s),
    ...findLandlines(s),
    ...findEmails(s),
    ...findWechatIds(s),
    ...findPlates(s),
    ...mergeAdjacent(findAddresses(s), s),
    ...findNames(s),
  ]
  candidates.sort((a, b) => b.end - b.start - (a.end - a.start) || SPECIFICITY[a.kind] - SPECIFICITY[b.kind] || a.start - b.start)
  const taken: Candidate[] = []
  for (const c of candidates) {
    if (taken.every((t) => c.end <= t.start || c.start >= t.end)) taken.push(c)
  }
  taken.sort((a, b) => a.start - b.start)
  return taken.map((c) => ({ kind: c.kind, start: c.start, end: c.end, text: text.slice(c.start, c.end) }))
}

interface Candidate {
  kind: PersonalInfoKind
  start: number
  end: number
}

// Helpers take one character; `charAt` past either end gives '' and every predicate is false for ''.
const isDigit = (ch: string) => ch !== '' && ch >= '0' && ch <= '9'
const isAsciiLetter = (ch: string) => ch !== '' && ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z'))
const isAsciiAlnum = (ch: string) => isDigit(ch) || isAsciiLetter(ch)
const isCjk = (ch: string) => ch !== '' && ch >= '\u4e00' && ch <= '\u9fff'

/** Runs `re` (which must have the g flag) and yields [start, end) of matches accepted by `accept`. */
function scan(s: string, re: RegExp, accept: (m: RegExpExecArray, start: number, end: number) => boolean) {
  const found: [number, number][] = []
  re.lastIndex = 0
  let m: RegExpExecArray | null
  while ((m = re.exec(s)) !== null) {
    const start = m.index
    const end = start + m[0].length
    if (accept(m, start, end)) {
      found.push([start, end])
    } else {
      // Retry from the next character: a rejected match must not hide one that starts inside it.
      re.lastIndex = start + 1
    }
  }
  return found
}

// --- ID numbers and bank cards -----------------------------------------------------------------

/** First two digits of a resident ID: province-level codes (incl. 71 台湾, 81 香港, 82 澳门, 83 台湾居民居住证). */
const PROVINCE_CODES = new Set([
  11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82, 83,
])
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
const ID_CHECK_CHARS = '10X98765432'

function isValidDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false
  const days = [31, (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
  return day <= (days[month - 1] as number)
}

/** An 18-digit resident ID: province code, a real birth date and the ISO 7064 MOD 11-2 check character. */
export function isValidResidentId18(id: string): boolean {
  if (!/^\d{17}[\dXx]$/.test(id)) return false
  if (!PROVINCE_CODES.has(Number(id.slice(0, 2)))) return false
  const year = Number(id.slice(6, 10))
  if (year < 1900 || year > 2100 || !isValidDate(year, Number(id.slice(10, 12)), Number(id.slice(12, 14)))) return false
  let sum = 0
  for (let i = 0; i < 17; i++) sum += Number(id.charAt(i)) * (ID_WEIGHTS[i] as number)
  return ID_CHECK_CHARS.charAt(sum % 11) === id.charAt(17).toUpperCase()
}

/** A 15-digit first-generation ID (no check digit): province code and a real 19yy birth date. */
function isValidResidentId15(id: string): boolean {
  if (!/^\d{15}$/.test(id)) return false
  if (!PROVINCE_CODES.has(Number(id.slice(0, 2)))) return false
  return isValidDate(1900 + Number(id.slice(6, 8)), Number(id.slice(8, 10)), Number(id.slice(10, 12)))
}

/** Luhn (mod 10) check used by bank card numbers. */
export function passesLuhn(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false
  let sum = 0
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits.charAt(digits.length - 1 - i))
    if (i % 2 === 1) {
      d *= 2
      if (d > 9) d -= 9
    }
    sum += d
  }
  return sum % 10 === 0
}

const isBankCardNumber = (digits: string) => digits.length >= 16 && digits.length <= 19 && digits.charAt(0) !== '0' && passesLuhn(digits)

/** Words just before a number that say what it is. The nearest cue within a few characters wins. */
const ID_CUES = ['身份证', '证件', '身份号', '公民身份']
const CARD_CUES = ['卡号', '银行卡', '账号', '帐号', '储蓄卡', '信用卡', '社保卡', '银行账户']
const NOT_PERSONAL_CUES = ['订单', '流水', '单号', '编号', '运单', '快递', '工单', '批次', '序列号', '发票', '文号', '合同号', '案号']
type NumberCue = 'ID' | 'CARD' | 'NOT_PERSONAL' | null

function cueBefore(s: string, start: number, window = 8): NumberCue {
  const before = s.slice(Math.max(0, start - window), start)
  let best: NumberCue = null
  let bestAt = -1
  const look = (cues: string[], kind: NumberCue) => {
    for (const cue of cues) {
      const at = before.lastIndexOf(cue)
      if (at >= 0 && at + cue.length > bestAt) {
        bestAt = at + cue.length
        best = kind
      }
    }
  }
  look(NOT_PERSONAL_CUES, 'NOT_PERSONAL')
  look(CARD_CUES, 'CARD')
  look(ID_CUES, 'ID')
  return best
}

/** An 18-character number with a province code and a real birth date, whatever its check character. */
function looksLikeResidentId18(id: string): boolean {
  if (!/^\d{17}[\dXx]$/.test(id)) return false
  if (!PROVINCE_CODES.has(Number(id.slice(0, 2)))) return false
  const year = Number(id.slice(6, 10))
  return year >= 1900 && year <= 2100 && isValidDate(year, Number(id.slice(10, 12)), Number(id.slice(12, 14)))
}

/**
 * What an isolated run of digits is. Any 18-character ID-like number counts as an ID number whatever
 * its check character (people mistype them, and a wrong digit is still someone's ID); a cue such as
 * 订单号 keeps order and serial numbers out unless the digits look like an ID.
 */
function classifyNumber(s: string, start: number, compact: string): PersonalInfoKind | null {
  const cue = cueBefore(s, start)
  const len = compact.length
  const endsInX = /[Xx]$/.test(compact)
  if (endsInX && len !== 18 && len !== 15) return null
  if (cue === 'ID' && (len === 18 || len === 15)) return 'ID_NUMBER'
  if (len === 18) {
    if (looksLikeResidentId18(compact) || endsInX) return 'ID_NUMBER'
    if (cue === 'NOT_PERSONAL') return null
    if (cue === 'CARD' || isBankCardNumber(compact)) return 'BANK_CARD'
    return 'ID_NUMBER'
  }
  if (len === 15 && isValidResidentId15(compact)) return 'ID_NUMBER'
  if (endsInX || cue === 'NOT_PERSONAL') return null
  if (len >= 16 && len <= 19 && (cue === 'CARD' || isBankCardNumber(compact))) return 'BANK_CARD'
  return null
}

/** Maximal runs of digits (an ID may end in X): 18/15-character IDs and 16–19-digit bank cards. */
function findDigitRuns(s: string): Candidate[] {
  const out: Candidate[] = []
  const re = /\d+[Xx]?/g
  let m: RegExpExecArray | null
  while ((m = re.exec(s)) !== null) {
    const start = m.index
    const end = start + m[0].length
    if (isAsciiAlnum(s.charAt(end))) continue // part of a longer code such as an order number
    if (isAsciiLetter(s.charAt(start - 1))) continue
    const kind = classifyNumber(s, start, m[0])
    if (kind) out.push({ kind, start, end })
  }
  return out
}

/** IDs written 6-8-4 or 6-4-4-4 and cards written in groups of four, separated by spaces or dashes. */
function findSpacedNumbers(s: string): Candidate[] {
  const out: Candidate[] = []
  const bounded = (start: number, end: number) => !isAsciiAlnum(s.charAt(start - 1)) && !isAsciiAlnum(s.charAt(end))
  for (const [start, end] of scan(s, /\d{6}[ -]\d{4}[ -]?\d{4}[ -]\d{3}[\dXx]/g, (_m, a, b) => bounded(a, b))) {
    out.push({ kind: 'ID_NUMBER', start, end })
  }
  for (const [start, end] of scan(s, /\d{4}(?:[ -]\d{4}){3}(?:[ -]?\d{1,3})?/g, (m, a, b) => {
    if (!/[ -]/.test(m[0])) return false // contiguous runs are handled by findDigitRuns
    const compact = m[0].replace(/[ -]/g, '')
    return bounded(a, b) && cueBefore(s, a) !== 'NOT_PERSONAL' && (isBankCardNumber(compact) || cueBefore(s, a) === 'CARD')
  })) {
    out.push({ kind: 'BANK_CARD', start, end })
  }
  return out
}

// --- Phones --------------------------------------------------------------------------------------

/** 1[3-9]x xxxx xxxx, with optional +86 / 0086 / (+86) prefix and space or dash separators. */
function findMobiles(s: string): Candidate[] {
  const re = /(?:(?:\+|00)86[ -]?|\(\+86\) ?)?1[3-9]\d(?:[ -]?\d{4}){2}/g
  return scan(s, re, (_, start, end) => {
    const before = s.charAt(start - 1)
    return !isDigit(before) && before !== '+' && !isAsciiLetter(before) && !isDigit(s.charAt(end))
  }).map(([start, end]) => ({ kind: 'PHONE' as const, start, end }))
}

/**
 * Area code (010, 02x, or 0 + three digits for other cities) and a 7–8 digit local number starting
 * 2–8 (written whole or as 4+4 / 3+4), optionally parenthesised or separated, optionally followed by
 * 转 + an extension. A local number without area code counts only right after 电话/座机/…
 */
function findLandlines(s: string): Candidate[] {
  const re = /(?:\(0(?:10|2\d|[3-9]\d\d)\) ?|0(?:10|2\d|[3-9]\d\d)[ -]?)[2-8]\d{2,3}[ -]?\d{4}(?:转\d{1,5})?/g
  const withArea = scan(s, re, (m, start, end) => {
    if (isDigit(s.charAt(start - 1)) || isDigit(s.charAt(end))) return false
    // 3-digit area codes (010, 02x) go with 8-digit local numbers.
    const digits = m[0].replace(/转\d+$/, '').replace(/\D/g, '')
    return !(/^0(?:10|2\d)/.test(digits) && digits.length !== 11)
  })
  const local = scan(s, /[2-8]\d{2,3}[ -]?\d{4}(?:转\d{1,5})?/g, (_m, start, end) => {
    if (isDigit(s.charAt(start - 1)) || isDigit(s.charAt(end)) || s.charAt(start - 1) === '-') return false
    const before = s.slice(Math.max(0, start - 6), start).replace(/[ :：是为]+$/, '')
    return /(?:电话|座机|固话|联系方式|tel|Tel|TEL)$/.test(before)
  })
  return withArea.concat(local).map(([start, end]) => ({ kind: 'LANDLINE' as const, start, end }))
}

// --- E-mail and plates ---------------------------------------------------------------------------

function findEmails(s: string): Candidate[] {
  const re = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g
  return scan(s, re, (_m, _start, end) => !isAsciiAlnum(s.charAt(end))).map(([start, end]) => {
    // Dots before the local part are punctuation, not part of the address.
    let a = start
    while (s.charAt(a) === '.') a++
    return { kind: 'EMAIL' as const, start: a, end }
  })
}

/**
 * WeChat IDs after a cue (微信/微信号/vx/VX/wx/v信/薇信…): 6–20 letters, digits, _ or -, as WeChat
 * allows; and the internal form wxid_… anywhere. Only the ID is the span, not the cue.
 */
function findWechatIds(s: string): Candidate[] {
  const out: Candidate[] = []
  const cue = /(?:微信|威信|薇信|[vV]信|[vV][xX]|[wW][xX]|weixin|wechat|WeChat)(?:号|账号|帐号|id|ID|Id)?[ ]*[:：]?[ ]*(?:是|为|：)?[ ]*/g
  let m: RegExpExecArray | null
  while ((m = cue.exec(s)) !== null) {
    const cueStart = m.index
    if (isAsciiLetter(s.charAt(cueStart - 1)) && isAsciiLetter(s.charAt(cueStart))) continue // inside a word
    const idStart = cueStart + m[0].length
    const id = /^[A-Za-z0-9][-_A-Za-z0-9]{5,19}/.exec(s.slice(idStart, idStart + 21))
    if (!id || isAsciiAlnum(s.charAt(idStart + id[0].length)) || s.charAt(idStart + id[0].length) === '_') continue
    // Six or more characters with a letter or a digit run that is not a year or an amount.
    if (/^\d+$/.test(id[0]) && id[0].length < 7) continue
    out.push({ kind: 'WECHAT_ID', start: idStart, end: idStart + id[0].length })
    cue.lastIndex = idStart + id[0].length
  }
  for (const [start, end] of scan(s, /wxid_[A-Za-z0-9_-]{4,30}/g, (_m, a) => !isAsciiAlnum(s.charAt(a - 1)))) {
    out.push({ kind: 'WECHAT_ID', start, end })
  }
  return out
}

const PLATE_PROVINCES = '京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼'

/**
 * Province abbreviation + issuing-authority letter (no I/O) + 5 characters (regular) or 6 (new energy),
 * optionally separated by a dot or space; at least two digits in the tail keeps words out.
 */
function findPlates(s: string): Candidate[] {
  const re = new RegExp(`[${PLATE_PROVINCES}][A-HJ-NP-Z][·•. -]?[A-HJ-NP-Z0-9]{5,6}`, 'gi')
  return scan(s, re, (m, _start, end) => {
    if (isAsciiAlnum(s.charAt(end))) return false
    const tail = m[0].slice(2).replace(/^[·•. -]/, '')
    return (tail.match(/\d/g) || []).length >= 2
  }).map(([start, end]) => ({ kind: 'PLATE' as const, start, end }))
}

// --- Addresses -----------------------------------------------------------------------------------

const CN_NUMERALS = '零〇一二三四五六七八九十百两'

/** Suffixes of the detailed part, longest first. */
const DETAIL_SUFFIXES = ['号院', '号楼', '单元', '号', '弄', '栋', '幢', '座', '层', '楼', '室', '户', '组', '期']
/** Suffixes after which a bare number is a room number ("2单元501"). */
const ROOM_PREFIX_SUFFIXES = new Set(['单元', '栋', '幢', '座', '号楼', '层', '楼'])

const ROAD_MARKERS = ['大道', '大街', '胡同', '路', '街', '巷', '道', '弄']
const ESTATE_MARKERS = [
  '小区',
  '花园',
  '公寓',
  '家园',
  '新村',
  '大厦',
  '公馆',
  '社区',
  '宿舍',
  '大院',
  '苑',
  '园',
  '庭',
  '村',
  '里',
  '坊',
  '城',
  '庄',
  '屯',
  '湾',
  '府',
]

/**
 * Characters that end a place name when reading backwards from a marker: prepositions and verbs
 * around addresses, pronouns, and administrative-division suffixes. Stopping at 区/县/镇 keeps a lone
 * district name ("高新区") out of the mask; only the road or estate and its numbers are detailed.
 */
const NAME_STOP_CHARS = new Set('在住于到至从与及或的了是我你他她们位址近靠旁边对往向省市区县镇乡旗盟州本该此这那每各号楼栋室组'.split(''))

function readNumber(s: string, i: number): number {
  let j = i
  if (isDigit(s.charAt(j))) {
    while (isDigit(s.charAt(j))) j++
  } else if (isAsciiLetter(s.charAt(j)) && !isAsciiAlnum(s.charAt(j + 1))) {
    j++ // a building letter: A座, B栋 (checked against the suffix by the caller)
  } else {
    while (j < s.length && CN_NUMERALS.indexOf(s.charAt(j)) >= 0) j++
  }
  return j
}

function readSuffix(s: string, i: number): string | null {
  for (const suffix of DETAIL_SUFFIXES) if (s.slice(i, i + suffix.length) === suffix) return suffix
  return null
}

/** Skips at most two spaces: people write "幸福小区 3 栋 2 单元 501 室". */
function skipSpaces(s: string, i: number): number {
  let j = i
  while (j - i < 2 && s.charAt(j) === ' ') j++
  return j
}

/** Units after a bare number that mean it is not a room number ("3栋 2026年", "2单元 50人"). */
const NOT_ROOM_FOLLOWERS = '年月日元人个岁万千百点分号次天周期%条款项位户名辆'
const LETTER_SUFFIXES = new Set(['栋', '座', '幢', '号楼', '单元'])

/**
 * Reads detail items ("88号", "3栋", "2单元", "501室", "3-2-501", "A座") from `i`, spaces allowed
 * around the numbers. The first item must end in one of `firstSuffixes`. Returns the end of the
 * detailed part (never trailing spaces), or -1 when there is none.
 */
function readDetails(s: string, i: number, firstSuffixes: string[]): number {
  let pos = i
  let last: string | null = null
  for (let n = 0; n < 8; n++) {
    const p = skipSpaces(s, pos)
    const numEnd = readNumber(s, p)
    if (numEnd === p) break
    const letter = isAsciiLetter(s.charAt(p))
    let end = numEnd
    let parts = 1
    while (!letter && s.charAt(end) === '-' && isDigit(s.charAt(end + 1))) {
      end = readNumber(s, end + 1)
      parts++
    }
    const suffixAt = skipSpaces(s, end)
    const suffix = readSuffix(s, suffixAt)
    if (suffix !== null && (!letter || LETTER_SUFFIXES.has(suffix))) {
      if (n === 0 && firstSuffixes.indexOf(suffix) < 0 && parts < 3) return -1
      if (suffix === '号' && s.charAt(suffixAt + 1) === '线') return n === 0 ? -1 : pos // 地铁2号线
      pos = suffixAt + suffix.length
      last = suffix
      continue
    }
    if (letter) break
    const ascii = isDigit(s.charAt(p))
    if (ascii && parts >= 3) {
      pos = end // "3-2-501"
      last = '室'
      continue
    }
    const follower = s.charAt(skipSpaces(s, end))
    if (
      ascii &&
      last !== null &&
      ROOM_PREFIX_SUFFIXES.has(last) &&
      end - p >= 2 &&
      end - p <= 5 &&
      (follower === '' || NOT_ROOM_FOLLOWERS.indexOf(follower) < 0)
    ) {
      pos = end // "2单元501"
      last = '室'
    }
    break
  }
  return last === null ? -1 : pos
}

/** Start of the place name that ends at `markerStart`, reading back at most `max` characters. */
function nameStart(s: string, markerStart: number, max: number): number {
  let a = markerStart
  while (a > 0 && markerStart - a < max) {
    const ch = s.charAt(a - 1)
    if (!(isCjk(ch) || isAsciiAlnum(ch)) || NAME_STOP_CHARS.has(ch)) break
    if (ch === '道' && s.charAt(a - 2) === '街') break // 街道 (sub-district) is not part of a road name
    a--
  }
  return a
}

function findAddresses(s: string): Candidate[] {
  const out: Candidate[] = []
  const tryMarkers = (markers: string[], firstSuffixes: string[], maxBack: number, minBack: number) => {
    for (let i = 0; i < s.length; i++) {
      for (const marker of markers) {
        if (s.slice(i, i + marker.length) !== marker) continue
        const after = i + marker.length
        const end = readDetails(s, after, firstSuffixes)
        if (end < 0) break
        const start = nameStart(s, i, maxBack)
        if (i - start >= minBack) out.push({ kind: 'ADDRESS', start, end })
        break
      }
    }
  }
  // …路/街/巷/道 + 号: a road name of up to five characters and the house number.
  tryMarkers(ROAD_MARKERS, ['号', '号院', '号楼', '弄'], 5, 1)
  // …小区/花园/…村 + 栋/号楼/单元/室/组: the estate or village and what follows.
  tryMarkers(ESTATE_MARKERS, ['号', '号院', '号楼', '栋', '幢', '座', '单元', '室', '组', '期'], 6, 0)
  // A building, unit and room without the estate's name ("我住3号楼2单元501室"): two items at least.
  for (let i = 0; i < s.length; i++) {
    const ch = s.charAt(i)
    if (!(isDigit(ch) || isAsciiLetter(ch)) || isAsciiAlnum(s.charAt(i - 1)) || s.charAt(i - 1) === '-') continue
    const end = readDetails(s, i, ['号楼', '栋', '幢', '座', '单元'])
    if (end < 0) continue
    const items = s.slice(i, end).match(/号楼|栋|幢|座|单元|室|层/g) || []
    if (items.length >= 2 || /^\d{1,3}-\d{1,3}-\d{3,4}$/.test(s.slice(i, end))) out.push({ kind: 'ADDRESS', start: i, end })
  }
  return out
}

/** Overlapping or touching address pieces ("创业路88号" + "阳光小区3栋") form one address. */
function mergeAdjacent(addresses: Candidate[], s: string): Candidate[] {
  const sorted = addresses.slice().sort((a, b) => a.start - b.start || b.end - a.end)
  const out: Candidate[] = []
  for (const c of sorted) {
    const prev = out[out.length - 1]
    if (prev && c.start <= prev.end + 1 && s.slice(prev.end, c.start).trim() === '') {
      prev.end = Math.max(prev.end, c.end)
    } else {
      out.push({ ...c })
    }
  }
  return out
}

// --- Names ---------------------------------------------------------------------------------------

/**
 * Common single-character surnames. Characters that are surnames but far more often function words
 * in opinions (于 向 和 文 时 明 安 党 强 云 海 南 甘 吉 …) are left out on purpose.
 */
const SURNAMES = new Set(
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫阎段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔汤常温康施牛樊葛邢齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴鲍华喻祁蒲房滕屈饶解牟艾尤穆农卓缪简车项连芦麦褚娄窦戚岑景宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩佘池查麻苑迟邝封谈匡鞠惠荆乐冀郁胥班储栗燕楚鄢劳谌奚皮粟冼蔺'.split(
    '',
  ),
)
const COMPOUND_SURNAMES = ['欧阳', '司马', '上官', '诸葛', '皇甫', '司徒', '夏侯', '令狐', '慕容', '公孙', '宇文', '尉迟', '长孙', '东方']

/** Characters that do not occur in given names here: function words, honorifics, place suffixes. */
const NOT_GIVEN = new Set(
  (
    '的了是在住和与及也都就说认要对向从于把被给让已曾经多很太最非常有没不无这那此其之个位名年岁们些么吗呢吧啊女士先生同志老师傅人今现来电手联身居想觉作为叫姓反希' +
    '区市县镇乡村街路省州楼栋号院校局委厅部处科所园苑单元室组'
  ).split(''),
)

/** What may follow a name after a weak cue (我是/本人) — anything else means we read a phrase, not a name. */
const NAME_FOLLOWERS = [
  '的',
  '反映',
  '住',
  '家住',
  '现住',
  '居住',
  '是',
  '系',
  '今年',
  '现年',
  '联系',
  '电话',
  '手机',
  '身份证',
  '来自',
  '在',
  '认为',
  '建议',
  '希望',
  '想',
  '要求',
  '对',
  '作为',
  '向',
  '就',
  '同志',
  '先生',
  '女士',
  '和',
  '与',
  '也',
  '于',
  '曾',
  '已',
  '家',
]

/** Words that start with a surname character and follow 我是/本人 often enough to matter. */
const NOT_NAMES = new Set([
  '周边',
  '周围',
  '周末',
  '高新',
  '高中',
  '高龄',
  '高层',
  '方便',
  '黄金',
  '金融',
  '马路',
  '江边',
  '常住',
  '常年',
  '武汉',
  '温州',
  '宁波',
  '宁夏',
  '唐山',
  '包头',
  '苏州',
  '徐州',
  '郑州',
  '常州',
  '江苏',
  '江西',
  '石家庄',
  '秦皇岛',
  '华人',
  '毕业',
  '申请',
  '关心',
  '关注',
  '成员',
  '成年',
  '成都',
  '梁山',
  '龙岗',
  '许多',
  '任何',
  '项目',
  '车主',
  '车友',
  '房东',
  '房主',
  '路人',
  '应该',
  '应当',
  '单位',
  '单身',
  '农民',
  '农户',
  '商户',
  '商家',
  '商人',
  '劳动',
  '班主',
  '游客',
  '卫生',
  '管理',
  '师范',
  '师傅',
  '温馨',
])

type Cue = { text: string; strong: boolean }
const NAME_CUES: Cue[] = [
  { text: '我叫', strong: true },
  { text: '名叫', strong: true },
  { text: '姓名', strong: true },
  { text: '联系人', strong: true },
  { text: '本人', strong: false },
  { text: '我是', strong: false },
]

/** Forms of address after a surname: 张先生, 李女士, 王阿姨, 赵师傅, 刘老师 (the first five also after a full name). */
const HONORIFICS_AFTER_NAME = ['先生', '女士', '小姐', '同志', '老师']
const HONORIFICS_AFTER_SURNAME = ['阿姨', '叔叔', '大爷', '大妈', '大娘', '大姐', '大哥', '奶奶', '爷爷', '婆婆', '师傅', '医生']
/** Words before 老师/先生… that start with a surname character but are not names. */
const NOT_HONORED_NAMES = new Set(['全体', '全班', '任课', '代课', '金牌', '严格', '安全', '康复', '武术', '刘海'])
/** Words whose last character is a surname, before 师傅/老师/阿姨…: 值班医生 is no 班医生, 门卫大爷 no 卫大爷. */
const NOT_SURNAME_CONTEXT = new Set(
  (
    '值班 加班 上班 下班 跟班 同班 各班 全班 主任 责任 信任 兼任 担任 前任 现任 新任 继任 首任 连任 门卫 保卫 环卫 后卫 开车 租车 货车 ' +
    '班车 汽车 电车 叉车 吊车 专车 打车 修车 驾车 停车 水管 物管 城管 主管 监管 托管 宿管 房管 校车 厨师 的士 女士 男士 护士 ' +
    '义工 民警 交警 老师 大师 技师 律师 导师'
  ).split(' '),
)

function isSurnameAt(s: string, i: number): number {
  if (i < 0) return 0
  for (const compound of COMPOUND_SURNAMES) if (s.slice(i, i + 2) === compound) return 2
  return SURNAMES.has(s.charAt(i)) ? 1 : 0
}

const givenOk = (ch: string) => isCjk(ch) && !NOT_GIVEN.has(ch)

/** Surname (+ up to two given-name characters for 先生/女士/…) + a form of address; the span includes it. */
function findHonorificNames(s: string): Candidate[] {
  const out: Candidate[] = []
  const honorifics = HONORIFICS_AFTER_NAME.concat(HONORIFICS_AFTER_SURNAME)
  for (const h of honorifics) {
    let from = 0
    let at: number
    while ((at = s.indexOf(h, from)) >= 0) {
      from = at + 1
      const end = at + h.length
      let start = -1
      // Longest reading first: "王小华先生" is 王小华, not 华先生.
      const givenMax = HONORIFICS_AFTER_NAME.indexOf(h) >= 0 ? 2 : 0
      for (let given = givenMax; given >= 0 && start < 0; given--) {
        for (const surnameLength of [2, 1]) {
          const a = at - given - surnameLength
          if (a < 0 || isSurnameAt(s, a) !== surnameLength) continue
          let ok = true
          for (let k = a + surnameLength; k < at; k++) if (!givenOk(s.charAt(k))) ok = false
          const name = s.slice(a, at)
          if (given === 0 && surnameLength === 1 && NOT_SURNAME_CONTEXT.has(s.slice(a - 1, a + 1))) continue
          if (!ok || (given > 0 && (NOT_NAMES.has(name) || NOT_NAMES.has(name.slice(0, 2)) || NOT_HONORED_NAMES.has(name.slice(0, 2))))) continue
          start = a
          break
        }
      }
      if (start >= 0) out.push({ kind: 'NAME', start, end })
    }
  }
  return out
}

function findNames(s: string): Candidate[] {
  const out: Candidate[] = findHonorificNames(s)
  for (const cue of NAME_CUES) {
    let from = 0
    let at: number
    while ((at = s.indexOf(cue.text, from)) >= 0) {
      from = at + cue.text.length
      let p = from
      while (s.charAt(p) === ' ' || s.charAt(p) === ':' || s.charAt(p) === '：') p++
      const found = readName(s, p, cue.strong)
      if (found > p) out.push({ kind: 'NAME', start: p, end: found })
    }
  }
  return out
}

/** End of a name starting at `p`, or `p` when there is none. */
function readName(s: string, p: number, strong: boolean): number {
  let surnameLength = 0
  for (const compound of COMPOUND_SURNAMES) if (s.slice(p, p + 2) === compound) surnameLength = 2
  if (surnameLength === 0 && SURNAMES.has(s.charAt(p))) surnameLength = 1
  if (surnameLength === 0) return p
  let given = 0
  while (given < 2) {
    const ch = s.charAt(p + surnameLength + given)
    if (!isCjk(ch) || NOT_GIVEN.has(ch)) break
    given++
  }
  for (let g = given; g >= 1; g--) {
    const end = p + surnameLength + g
    const name = s.slice(p, end)
    if (NOT_NAMES.has(name) || NOT_NAMES.has(name.slice(0, 2))) continue
    if (strong) return end
    const next = s.charAt(end)
    if (!isCjk(next) || NAME_FOLLOWERS.some((f) => s.slice(end, end + f.length) === f)) return end
  }
  return p
}

// ---------------------------------------------------------------------------------------------
// Enforcement: what would still be published
// ---------------------------------------------------------------------------------------------

export interface Span {
  start: number
  end: number
}

/** Whether the masks (which may be adjacent) cover every character of `span`. */
function coveredByMasks(span: Span, masks: readonly Span[]): boolean {
  const sorted = masks.slice().sort((a, b) => a.start - b.start)
  let pos = span.start
  for (const m of sorted) {
    if (m.start > pos) break
    if (m.end > pos) pos = m.end
    if (pos >= span.end) return true
  }
  return pos >= span.end
}

/**
 * The personal information the detector finds in `text` that publishing it with `masks` would still
 * show: spans not fully covered by masks and not dismissed by staff (a dismissal covers the whole span).
 * Publishing is allowed when this is empty, or with a recorded override reason. Both sides use it.
 */
export function unmaskedPersonalInfo(text: string, masks: readonly Span[], dismissals: readonly Span[] = []): PersonalInfoMatch[] {
  return findPersonalInfo(text).filter((m) => !dismissals.some((d) => d.start <= m.start && d.end >= m.end) && !coveredByMasks(m, masks))
}

/**
 * Where spans of `text` left unmasked (dismissed or overridden) land in `applyMasks(text, masks)`:
 * the published-text ranges that recorded decisions exempt from the public rendering's guard.
 * An offset inside a mask is moved to that mask's edge (start outwards to its start, end to its end).
 */
export function publishedSpans(text: string, masks: readonly { start: number; end: number; kind?: PersonalInfoKind }[], spans: readonly Span[]): Span[] {
  const sorted = masks.slice().sort((a, b) => a.start - b.start)
  const map = (offset: number, side: 'start' | 'end') => {
    let delta = 0
    for (const m of sorted) {
      const growth = maskFor(text.slice(m.start, m.end), m.kind).length - (m.end - m.start)
      if (m.end <= offset) delta += growth
      else if (m.start < offset) return side === 'start' ? m.start + delta : m.end + delta + growth
      else break
    }
    return offset + delta
  }
  return spans.map((s) => ({ start: map(s.start, 'start'), end: map(s.end, 'end') }))
}

/** Detected personal information in an already published text that no recorded dismissal or override covers. */
export function unexemptedPersonalInfo(publishedText: string, exemptions: readonly Span[]): PersonalInfoMatch[] {
  return findPersonalInfo(publishedText).filter((m) => !exemptions.some((e) => e.start <= m.start && e.end >= m.end))
}

/**
 * The public rendering's last guard: masks whatever the current detector finds in a published text
 * that no recorded dismissal or override covers (opinions approved before masking was enforced, or
 * found by a newer detector), so old data never shows raw personal information.
 */
export function maskUnexempted(publishedText: string, exemptions: readonly Span[]): string {
  const left = unexemptedPersonalInfo(publishedText, exemptions)
  return left.length === 0 ? publishedText : applyMasks(publishedText, left)
}

/**
 * Why a list of ranges does not fit `text` (a Chinese message), or null. Ranges are UTF-16 offsets,
 * integers, 0 ≤ start < end ≤ length, not splitting a character; `disjoint` also forbids overlaps.
 */
export function spanProblem(text: string, spans: readonly Span[], disjoint: boolean): string | null {
  const sorted = spans.slice().sort((a, b) => a.start - b.start || a.end - b.end)
  let previousEnd = 0
  for (const m of sorted) {
    if (!Number.isInteger(m.start) || !Number.isInteger(m.end) || m.start < 0 || m.end > text.length || m.start >= m.end) {
      return `范围 [${m.start}, ${m.end}) 超出原文（共 ${text.length} 个字符）或为空`
    }
    if (splitsSurrogatePair(text, m.start) || splitsSurrogatePair(text, m.end)) return `范围 [${m.start}, ${m.end}) 截断了一个字符`
    if (disjoint && m.start < previousEnd) return `范围 [${m.start}, ${m.end}) 与前一个范围重叠`
    previousEnd = Math.max(previousEnd, m.end)
  }
  return null
}

// ---------------------------------------------------------------------------------------------
// Masking
// ---------------------------------------------------------------------------------------------

/**
 * Replaces each range with a readable mask. Ranges are UTF-16 offsets, end exclusive; they must be
 * integers within the text, non-empty, not split a surrogate pair, and not overlap once sorted —
 * otherwise a RangeError is thrown and nothing is masked.
 *
 * Masks (consistent rule: keep only what says *what kind* of thing was there, never who):
 * - NAME: the surname (two characters for a compound surname) + "**" whatever the length → 张**, 欧阳**
 * - PHONE: the first 3 and last 4 digits of the 11-digit number; prefix and separators kept → 138****8000
 * - ID_NUMBER: the first 6 (region) and last 4 characters → 110105********002X
 * - BANK_CARD: the last 4 digits; separators kept → ***************1234
 * - LANDLINE: the area code → 0571-********
 * - EMAIL: first character of the local part and the domain → z***@163.com
 * - PLATE: province and letter → 京A*****
 * - ADDRESS: 【已隐去：详细地址】; WECHAT_ID: 【已隐去：微信号】
 * - no kind (a span staff selected by hand): 【已隐去】
 */
export function applyMasks(text: string, masks: { start: number; end: number; kind?: PersonalInfoKind }[]): string {
  const sorted = masks.slice().sort((a, b) => a.start - b.start || a.end - b.end)
  let previousEnd = 0
  for (const m of sorted) {
    if (!Number.isInteger(m.start) || !Number.isInteger(m.end) || m.start < 0 || m.end > text.length || m.start >= m.end) {
      throw new RangeError(`mask [${m.start}, ${m.end}) is outside the text (length ${text.length}) or empty`)
    }
    if (m.start < previousEnd) throw new RangeError(`mask [${m.start}, ${m.end}) overlaps the previous mask`)
    if (splitsSurrogatePair(text, m.start) || splitsSurrogatePair(text, m.end)) {
      throw new RangeError(`mask [${m.start}, ${m.end}) splits a character`)
    }
    previousEnd = m.end
  }
  let out = ''
  let cursor = 0
  for (const m of sorted) {
    out += text.slice(cursor, m.start) + maskFor(text.slice(m.start, m.end), m.kind)
    cursor = m.end
  }
  return out + text.slice(cursor)
}

function splitsSurrogatePair(text: string, offset: number): boolean {
  if (offset <= 0 || offset >= text.length) return false
  const before = text.charCodeAt(offset - 1)
  const after = text.charCodeAt(offset)
  return before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff
}

/** The published form of one detected or selected span (see `applyMasks`). */
export function maskFor(span: string, kind?: PersonalInfoKind): string {
  switch (kind) {
    case 'NAME': {
      const keep = COMPOUND_SURNAMES.indexOf(span.slice(0, 2)) >= 0 ? 2 : 1
      return span.slice(0, keep) + '**'
    }
    case 'PHONE': {
      const n = countAlnum(span)
      // Keep the 3 leading digits of the 11-digit national number (after any +86) and the last 4.
      return n >= 8 ? starAlnum(span, Math.max(n - 11, 0) + 3, 4) : starAlnum(span, 0, 0)
    }
    case 'ID_NUMBER':
      return starAlnum(span, 6, 4)
    case 'BANK_CARD':
      return starAlnum(span, 0, 4)
    case 'LANDLINE': {
      const digits = span.replace(/\D/g, '')
      const area = /^0(?:10|2\d)/.test(digits) ? 3 : digits.charAt(0) === '0' ? 4 : 0
      return starAlnum(span, area, 0)
    }
    case 'EMAIL': {
      const at = span.indexOf('@')
      return at > 0 ? span.charAt(0) + '***' + span.slice(at) : '【已隐去：电子邮箱】'
    }
    case 'PLATE':
      return span.slice(0, 2) + starAlnum(span.slice(2), 0, 0)
    case 'ADDRESS':
    case 'WECHAT_ID':
      return `【已隐去：${personalInfoLabels[kind]}】`
    default:
      return '【已隐去】'
  }
}

const isAlnumUnit = (ch: string) => isAsciiAlnum(ch) || (ch >= '\uff10' && ch <= '\uff19')

function countAlnum(span: string): number {
  let n = 0
  for (let i = 0; i < span.length; i++) if (isAlnumUnit(span.charAt(i))) n++
  return n
}

/** Replaces ASCII (or full-width) digits and letters with *, except the first `head` and last `tail`. */
function starAlnum(span: string, head: number, tail: number): string {
  const total = countAlnum(span)
  let seen = 0
  let out = ''
  for (let i = 0; i < span.length; i++) {
    const ch = span.charAt(i)
    if (!isAlnumUnit(ch)) {
      out += ch
      continue
    }
    out += seen < head || seen >= total - tail ? ch : '*'
    seen++
  }
  return out
}
