// The one text rule and canonical ids at the input boundary: the shared helpers, case by case.
import { z } from 'zod'
import {
  IdNumberSchema,
  IdParamsSchema,
  IdSchema,
  InstantSchema,
  INT4_MAX,
  isWellFormedText,
  KeywordSchema,
  longText,
  plainText,
  rawText,
  StaffLoginBodySchema,
} from '@gm/shared'

const required = (text: typeof plainText) => text('请填写内容').min(1, '请填写内容').max(50)
const messageOf = (result: z.ZodSafeParseResult<unknown>) => (result.success ? null : result.error.issues[0]!.message)

describe('plainText and longText', () => {
  it.each([
    ['NUL', 'abc\u0000def'],
    ['a lone NUL', '\u0000'],
    ['another C0 control (ESC)', '意见\u001b[31m'],
    ['DEL', '意见\u007f'],
    ['a lone high surrogate', '意见\ud800'],
    ['a lone low surrogate', '\udc00意见'],
    ['a high surrogate before a non-surrogate', '\ud83d意见'],
    ['zero-width and ideographic spaces only', '\u200b\u3000 '],
    ['a byte-order mark and joiners only', '\ufeff\u200d\u2060'],
    ['variation selectors and a Hangul filler only', '\ufe0f\u3164\u{e0100}'],
    ['braille blank and tags only', '\u2800\u{e0041}'],
    ['blank', '   '],
    ['empty', ''],
  ])('refuse %s in a required field', (_, value) => {
    for (const text of [plainText, longText]) {
      const result = required(text).safeParse(value)
      expect(result.success).toBe(false)
      expect(messageOf(result)).toMatch(/[\u4e00-\u9fa5]/)
    }
  })

  it.each([
    ['Chinese text', ' 建议增加社区养老服务点 ', '建议增加社区养老服务点'],
    ['emoji (surrogate pairs) and a ZWJ sequence', '支持👍🏽 👨‍👩‍👧', '支持👍🏽 👨‍👩‍👧'],
    ['an emoji with a variation selector', '❤️', '❤️'],
    ['full-width punctuation and ideographic space inside', '第一条：　公开', '第一条：　公开'],
    ['a rare CJK character outside the BMP', '𠮷野家', '𠮷野家'],
  ])('accept %s, trimmed', (_, value, expected) => {
    for (const text of [plainText, longText]) expect(required(text).parse(value)).toBe(expected)
  })

  it('keep line breaks and tabs in multi-line text only', () => {
    expect(required(longText).parse('第一段\r\n第二段\t完')).toBe('第一段\r\n第二段\t完')
    expect(messageOf(required(plainText).safeParse('第一行\n第二行'))).toBe('不能包含换行、制表符或其他控制字符')
    expect(messageOf(required(plainText).safeParse('甲\t乙'))).toBe('不能包含换行、制表符或其他控制字符')
  })

  it('explain the refusal in Chinese', () => {
    expect(messageOf(required(longText).safeParse('意见\u0000'))).toBe('不能包含控制字符')
    expect(messageOf(required(longText).safeParse('意见\ud800'))).toBe('含有无效的字符编码，请重新输入')
    expect(messageOf(required(longText).safeParse('\u200b\u3000 '))).toBe('请填写内容')
    expect(messageOf(required(longText).safeParse(42))).toBe('请填写内容')
  })

  it('turn invisible-only text in an optional field into empty text, and a blank keyword into no filter', () => {
    expect(plainText().max(20).default('').parse('\u200b\u200c')).toBe('')
    expect(KeywordSchema.parse('\u3000\u200b')).toBeUndefined()
    expect(KeywordSchema.safeParse('养老\u0000').success).toBe(false)
    expect(KeywordSchema.safeParse('\ud800').success).toBe(false)
  })
})

describe('rawText (passwords, rich-text pieces)', () => {
  it('keeps what was typed, spaces included, but refuses NUL, controls and lone surrogates', () => {
    expect(rawText().parse('  pass word ')).toBe('  pass word ')
    for (const value of ['pass\u0000word', 'pass\u0007', 'pass\ud800']) expect(rawText().safeParse(value).success).toBe(false)
  })

  it('applies to the staff sign-in password: not trimmed, NUL and lone surrogates refused', () => {
    expect(StaffLoginBodySchema.parse({ username: ' admin ', password: ' Passw0rd ' })).toEqual({ username: 'admin', password: ' Passw0rd ' })
    for (const password of ['Passw0rd\u0000', '\ud800Passw0rd', '\u200b\u3000']) {
      expect(StaffLoginBodySchema.safeParse({ username: 'admin', password }).success).toBe(false)
    }
    expect(StaffLoginBodySchema.safeParse({ username: 'ad\u0000min', password: 'x' }).success).toBe(false)
  })
})

describe('isWellFormedText', () => {
  it('agrees with String#isWellFormed, with or without the native method', () => {
    const cases = ['', 'abc', '😀', '\ud800', '\udc00', 'a\ud800b', '\ud800\udc00', '\udc00\ud800', '😀\ud83d']
    // Typed by hand: the ES2024 lib that declares String#isWellFormed is not in this project's lib.
    const prototype = String.prototype as unknown as { isWellFormed?: (this: string) => boolean }
    const native = prototype.isWellFormed!
    try {
      for (const value of cases) expect([value, isWellFormedText(value)]).toEqual([value, native.call(value)])
      delete prototype.isWellFormed
      for (const value of cases) expect([value, isWellFormedText(value)]).toEqual([value, native.call(value)])
    } finally {
      prototype.isWellFormed = native
    }
  })
})

describe('canonical ids', () => {
  it.each([' 1', '1 ', '0x2', '1e3', '+1', '-1', '01', '1.0', '1.5', '0', '', '١٢', '2147483648', '9007199254740993', 'abc', '1\u0000'])(
    'refuse the id %j in a path or query string',
    (id) => {
      const result = IdParamsSchema.safeParse({ id })
      expect(result.success).toBe(false)
      expect(messageOf(result)).toMatch(/[\u4e00-\u9fa5]/)
    },
  )

  it('accept plain decimal digits up to 2147483647', () => {
    expect(IdParamsSchema.parse({ id: '1' })).toEqual({ id: 1 })
    expect(IdParamsSchema.parse({ id: '2147483647' })).toEqual({ id: INT4_MAX })
  })

  it.each([0, -1, 1.5, 2 ** 31, 2 ** 53, Number.MAX_SAFE_INTEGER + 2, Infinity, NaN])('refuse the JSON number %p as an id', (id) => {
    expect(IdSchema.safeParse(id).success).toBe(false)
    expect(IdNumberSchema.safeParse(id).success).toBe(false)
  })

  it('accept JSON numbers within int4, and only numbers where a body asks for one', () => {
    expect(IdSchema.parse(INT4_MAX)).toBe(INT4_MAX)
    expect(IdNumberSchema.parse(7)).toBe(7)
    expect(IdNumberSchema.safeParse('7').success).toBe(false)
  })
})

describe('instants', () => {
  it('refuse years the channel cannot mean (0000, 9999, offsets that leave the range) on the field, in Chinese', () => {
    for (const bad of [
      '0000-01-01T00:00:00Z',
      '0001-01-01T00:00:00+14:00',
      '9999-12-31T23:59:59-23:59',
      '1970-01-01T00:00:00Z',
      '2100-01-01T00:00:00Z',
      '2026-13-01T00:00:00Z',
    ]) {
      const parsed = InstantSchema.safeParse(bad)
      expect([bad, parsed.success]).toEqual([bad, false])
      expect(parsed.error!.issues[0]!.message).toMatch(/[\u4e00-\u9fff]/)
    }
  })

  it('accept real instants with any offset', () => {
    for (const good of ['2026-12-05T08:00:00Z', '2026-12-05T16:00:00+08:00', '2000-01-01T00:00:00Z', '2099-12-31T23:59:59.999Z']) {
      expect([good, InstantSchema.safeParse(good).success]).toEqual([good, true])
    }
  })
})
