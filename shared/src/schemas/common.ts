// Building blocks of every request schema: safe text (plain, long, raw), ids and whole numbers, instants, keywords and paginated lists.
import { z } from 'zod'

// —— text at the input boundary ——————————————————————————————————————————————————————————
//
// Every string a request carries goes through one of these: no NUL or other control characters
// (a multi-line text keeps \n \r \t), no lone UTF-16 surrogates (they cannot be stored or encoded),
// trimmed, and text made only of invisible characters counts as empty, so a required field refuses it.

/* eslint-disable no-control-regex, no-misleading-character-class -- control, format and combining characters are matched on purpose */
const CONTROL_SINGLE_LINE = /[\u0000-\u001f\u007f]/
const CONTROL_MULTI_LINE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/

/**
 * Characters that show nothing: whitespace, controls, zero-width and direction marks, fillers,
 * variation selectors and tags. A text made only of these is blank.
 */
const INVISIBLE_ONLY =
  /^[\s\u0000-\u001f\u007f-\u00a0\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e\u2060-\u206f\u2800\u3000\u3164\ufe00-\ufe0f\ufeff\uffa0\u{1d173}-\u{1d17a}\u{e0000}-\u{e007f}\u{e0100}-\u{e01ef}]*$/u
/* eslint-enable no-control-regex, no-misleading-character-class */

/** Whether every UTF-16 surrogate in `text` is half of a pair (String#isWellFormed where the runtime has it). */
export function isWellFormedText(text: string): boolean {
  const native = (text as { isWellFormed?: () => boolean }).isWellFormed
  if (typeof native === 'function') return native.call(text)
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i)
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = text.charCodeAt(i + 1)
      if (next >= 0xdc00 && next <= 0xdfff) i++
      else return false
    } else if (unit >= 0xdc00 && unit <= 0xdfff) return false
  }
  return true
}

/** Whether `text` shows nothing at all (empty, spaces, zero-width characters…). */
export const isInvisibleText = (text: string) => INVISIBLE_ONLY.test(text)

export const TEXT_MESSAGES = {
  malformed: '含有无效的字符编码，请重新输入',
  controlSingleLine: '不能包含换行、制表符或其他控制字符',
  controlMultiLine: '不能包含控制字符',
} as const

const wellFormed = (error?: string) => z.string(error ? { error } : undefined).refine(isWellFormedText, TEXT_MESSAGES.malformed)

/** Single-line text (names, titles, codes, keywords): trimmed; blank when only invisible characters. */
export const plainText = (error?: string) =>
  wellFormed(error)
    .trim()
    .refine((t) => !CONTROL_SINGLE_LINE.test(t), TEXT_MESSAGES.controlSingleLine)
    .overwrite((t) => (isInvisibleText(t) ? '' : t))

/** Multi-line text (opinions, answers, reasons, bodies): like plainText but keeps line breaks and tabs. */
export const longText = (error?: string) =>
  wellFormed(error)
    .trim()
    .refine((t) => !CONTROL_MULTI_LINE.test(t), TEXT_MESSAGES.controlMultiLine)
    .overwrite((t) => (isInvisibleText(t) ? '' : t))

/**
 * Text kept exactly as typed (passwords, the pieces of rich text whose spaces matter): not trimmed,
 * but still no NUL or other control characters beyond \n \r \t and no lone surrogates.
 */
export const rawText = (error?: string) => wellFormed(error).refine((t) => !CONTROL_MULTI_LINE.test(t), TEXT_MESSAGES.controlMultiLine)

// —— numbers at the input boundary ——————————————————————————————————————————————————————————

/** The largest value of a PostgreSQL `integer` (int4) column: every id and count we store. */
export const INT4_MAX = 2_147_483_647

const DECIMAL = /^(0|[1-9][0-9]{0,9})$/

/**
 * A whole number given as a JSON number or, from a path or query string, as plain decimal digits
 * only: " 1", "0x2", "1e3", "+1", "01" are refused (no coercion). Bound it with `.pipe(z.number()…)`.
 */
export const wholeNumber = (message: string) => z.union([z.number().int(message), z.string().regex(DECIMAL, message)], { error: message }).transform(Number)

const ID_MESSAGE = '编号须为正整数'
/** A row id, 1…2147483647: a JSON number or canonical decimal digits (paths, query strings). */
export const IdSchema = wholeNumber(ID_MESSAGE).pipe(z.number().min(1, ID_MESSAGE).max(INT4_MAX, '编号超出范围'))
/** A row id in a JSON body where only a number is accepted. */
export const IdNumberSchema = z.number({ error: ID_MESSAGE }).int(ID_MESSAGE).min(1, ID_MESSAGE).max(INT4_MAX, '编号超出范围')
export const IdParamsSchema = z.strictObject({ id: IdSchema })

/** The instants this channel can mean (a draft's window, a meeting, a reply): 2000-01-01 to 2099-12-31 UTC. */
const INSTANT_MIN = Date.UTC(2000, 0, 1)
const INSTANT_MAX = Date.UTC(2100, 0, 1)

/** Instants travel as ISO-8601 strings with an offset; nonsense years (0000, 9999, 1970…) are refused on the field. */
export const InstantSchema = z.iso.datetime({ offset: true, error: '请填写有效的日期时间（ISO 8601，含时区）' }).refine((v) => {
  const at = Date.parse(v)
  return at >= INSTANT_MIN && at < INSTANT_MAX
}, '日期时间须在 2000 年至 2099 年之间')

export const PageQueryFields = {
  page: wholeNumber('页码须为整数').pipe(z.number().min(1, '页码从 1 开始').max(10_000, '页码最多 10000')).default(1),
  pageSize: wholeNumber('每页条数须为整数').pipe(z.number().min(1, '每页至少 1 条').max(50, '每页最多 50 条')).default(20),
}

/** Free-text filter: trimmed, blank (or invisible) means "no filter". */
export const KeywordSchema = plainText()
  .max(50, '关键词最多 50 个字')
  .optional()
  .transform((v) => (v ? v : undefined))

export function paginated<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  })
}

export const DepartmentSchema = z.object({ id: z.number().int(), name: z.string() })
export type Department = z.infer<typeof DepartmentSchema>
