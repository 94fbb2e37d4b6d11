// Subscribe-message field values fitted to WeChat's per-type limits (thing, phrase, name, time…), cut by code points so nothing is rejected.
import type { TemplateData } from './client'

/**
 * Subscribe-message values that WeChat accepts. A template's keys name their type (`thing1`, `time2`,
 * `phrase3`, `character_string4`…) and each type has a limit; a value over it fails the whole send with
 * 47003. Lengths count Unicode code points, so an emoji or a rare character is never cut in half.
 */
export const TEMPLATE_LIMITS = {
  thing: 20,
  phrase: 5,
  /** 10 when the name contains Chinese characters, otherwise 20 letters. */
  name: 10,
  nameLatin: 20,
  character_string: 32,
  number: 32,
  letter: 32,
  symbol: 5,
  phone_number: 17,
  car_number: 8,
} as const

/** A value for one field: text, a number, an instant or a period (`time` / `date` fields). */
export type TemplateFieldValue = string | number | Date | { from: Date; to: Date }

/** `buildTemplateData({ thing1: opinion.title, phrase2: '已答复', time3: answeredAt })` → `{ thing1: { value } … }`. */
export function buildTemplateData(fields: Record<string, TemplateFieldValue>): TemplateData {
  return Object.fromEntries(Object.entries(fields).map(([key, value]) => [key, { value: templateValue(key, value) }]))
}

/** The value for field `key`, fitted to the rule of the type its name starts with. Throws when nothing sendable is left. */
export function templateValue(key: string, value: TemplateFieldValue): string {
  const type = key.replace(/\d+$/, '')
  const text =
    typeof value === 'string' || typeof value === 'number'
      ? String(value)
      : value instanceof Date
        ? formatShanghaiTime(value)
        : formatShanghaiPeriod(value.from, value.to)
  const fitted = fitToType(type, text)
  if (fitted === '') throw new RangeError(`订阅消息字段 ${key} 没有可发送的内容`)
  return fitted
}

function fitToType(type: string, text: string): string {
  switch (type) {
    case 'thing':
      return formatThing(text)
    case 'phrase':
      return formatPhrase(text)
    case 'name':
      return formatName(text)
    case 'character_string':
      return truncateCodePoints(text.replace(/[^\x21-\x7e]/g, ''), TEMPLATE_LIMITS.character_string, '')
    case 'letter':
      return truncateCodePoints(text.replace(/[^A-Za-z]/g, ''), TEMPLATE_LIMITS.letter, '')
    case 'number':
      return exactly(type, text.trim(), /^\d+(\.\d+)?$/, TEMPLATE_LIMITS.number)
    case 'phone_number':
      return exactly(type, text.trim(), /^[\d+\-() ]+$/, TEMPLATE_LIMITS.phone_number)
    case 'car_number':
      return exactly(type, text.trim(), /^\S+$/, TEMPLATE_LIMITS.car_number)
    case 'symbol':
      return truncateCodePoints(withoutControls(text).trim(), TEMPLATE_LIMITS.symbol, '')
    default:
      return withoutControls(text).trim()
  }
}

/** `thing`: any text up to 20 characters, on one line; longer text ends in '…'. */
export function formatThing(text: string): string {
  return truncateCodePoints(plainLine(text), TEMPLATE_LIMITS.thing)
}

/** `phrase`: up to 5 Chinese characters and nothing else, so '…' cannot mark a cut either. */
export function formatPhrase(text: string): string {
  return truncateCodePoints(text.replace(/[^\p{Script=Han}]/gu, ''), TEMPLATE_LIMITS.phrase, '')
}

/** `name`: 10 characters when Chinese (mixed names count as Chinese), 20 when Latin; cut without '…'. */
export function formatName(text: string): string {
  const line = plainLine(text)
  return truncateCodePoints(line, /\p{Script=Han}/u.test(line) ? TEMPLATE_LIMITS.name : TEMPLATE_LIMITS.nameLatin, '')
}

/** `YYYY年MM月DD日 HH:mm` in Asia/Shanghai, whatever the server's time zone. */
export function formatShanghaiTime(at: Date): string {
  const { year, month, day, hour, minute } = shanghaiParts(at)
  return `${year}年${month}月${day}日 ${hour}:${minute}`
}

/** A period as WeChat writes one, `start~end`; the end shows only its time when it falls on the same day. */
export function formatShanghaiPeriod(from: Date, to: Date): string {
  const start = shanghaiParts(from)
  const end = shanghaiParts(to)
  const sameDay = start.year === end.year && start.month === end.month && start.day === end.day
  return `${formatShanghaiTime(from)}~${sameDay ? `${end.hour}:${end.minute}` : formatShanghaiTime(to)}`
}

/** At most `max` code points; when cut, the last one is replaced by `ellipsis`. */
export function truncateCodePoints(text: string, max: number, ellipsis = '…'): string {
  const chars = Array.from(text)
  if (chars.length <= max) return text
  return (
    chars
      .slice(0, max - Array.from(ellipsis).length)
      .join('')
      .trimEnd() + ellipsis
  )
}

const SHANGHAI = new Intl.DateTimeFormat('en-US', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
})

function shanghaiParts(at: Date): Record<'year' | 'month' | 'day' | 'hour' | 'minute', string> {
  const parts = Object.fromEntries(SHANGHAI.formatToParts(at).map((part) => [part.type, part.value]))
  return { year: parts.year, month: parts.month, day: parts.day, hour: parts.hour, minute: parts.minute }
}

// Emoji (with their joiners, variation selectors, skin tones and flag letters) are reported to fail `thing`
// values with 47003, and control characters are rejected outright.
// Joiners, selectors and skin tones are listed one by one on purpose (each is refused alone).
// eslint-disable-next-line no-misleading-character-class
const EMOJI = /[\p{Extended_Pictographic}\u{1F1E6}-\u{1F1FF}\u{1F3FB}-\u{1F3FF}\u{FE0E}\u{FE0F}\u{20E3}\u{200D}]/gu

function withoutControls(text: string): string {
  return text.replace(/[\p{Cc}\p{Cf}\u2028\u2029]/gu, ' ')
}

function plainLine(text: string): string {
  return withoutControls(text.replace(EMOJI, '')).replace(/\s+/g, ' ').trim()
}

/** Types whose value cannot be shortened without changing its meaning: reject instead of cutting. */
function exactly(type: string, text: string, pattern: RegExp, max: number): string {
  if (text !== '' && (!pattern.test(text) || Array.from(text).length > max)) throw new RangeError(`订阅消息 ${type} 字段的值不符合微信的格式或超过 ${max} 位`)
  return text
}
