import {
  buildTemplateData,
  formatName,
  formatPhrase,
  formatShanghaiPeriod,
  formatShanghaiTime,
  formatThing,
  splitForSecCheck,
  templateValue,
  truncateCodePoints,
} from '../../bff/src/integrations/wechat'

const codePoints = (text: string) => Array.from(text).length

describe('subscribe-message values', () => {
  it('keeps a thing of exactly 20 characters and cuts a longer one to 20 ending in …', () => {
    const twenty = '一二三四五六七八九十一二三四五六七八九十'
    expect(formatThing(twenty)).toBe(twenty)
    expect(formatThing(twenty + '多')).toBe('一二三四五六七八九十一二三四五六七八九…')
    expect(codePoints(formatThing('意'.repeat(100)))).toBe(20)
  })

  it('counts a character outside the BMP as one and never cuts it in half', () => {
    const rare = '𠮷'.repeat(25)
    const fitted = formatThing(rare)
    expect(codePoints(fitted)).toBe(20)
    expect(fitted).toBe('𠮷'.repeat(19) + '…')
  })

  it('puts a thing on one line without emoji or control characters', () => {
    expect(formatThing('意见\n已答复👍🏻\t请查看\u0000')).toBe('意见 已答复 请查看')
    expect(formatThing('👨‍👩‍👧 家庭医生签约')).toBe('家庭医生签约')
  })

  it('keeps only up to five Chinese characters in a phrase, with no ellipsis', () => {
    expect(formatPhrase('已答复')).toBe('已答复')
    expect(formatPhrase(' 已 答复! ')).toBe('已答复')
    expect(formatPhrase('已经正式答复了')).toBe('已经正式答')
  })

  it('cuts a Chinese name at 10 characters and a Latin one at 20', () => {
    expect(formatName('欧阳'.repeat(8))).toBe('欧阳'.repeat(5))
    expect(formatName('Alexandria Featherstonehaugh')).toBe('Alexandria Featherst')
  })

  it('formats instants in Asia/Shanghai as YYYY年MM月DD日 HH:mm', () => {
    expect(formatShanghaiTime(new Date('2026-03-01T16:05:00Z'))).toBe('2026年03月02日 00:05')
    expect(formatShanghaiTime(new Date('2026-12-31T15:59:00Z'))).toBe('2026年12月31日 23:59')
  })

  it('writes a period with ~, the end as a time only on the same day', () => {
    expect(formatShanghaiPeriod(new Date('2026-05-01T01:00:00Z'), new Date('2026-05-01T03:30:00Z'))).toBe('2026年05月01日 09:00~11:30')
    expect(formatShanghaiPeriod(new Date('2026-05-01T01:00:00Z'), new Date('2026-05-02T01:00:00Z'))).toBe('2026年05月01日 09:00~2026年05月02日 09:00')
  })

  it('applies the rule named by each key', () => {
    expect(
      buildTemplateData({
        thing1: '关于本市老旧小区加装电梯与停车位改造的补充意见征集',
        phrase2: '已答复了',
        time3: new Date('2026-03-02T08:30:00Z'),
        character_string4: 'GM-2026-0042 号',
        number5: 42,
        date6: { from: new Date('2026-05-01T01:00:00Z'), to: new Date('2026-05-01T03:30:00Z') },
        name7: '张三',
        letter8: 'ab-c1',
      }),
    ).toEqual({
      thing1: { value: '关于本市老旧小区加装电梯与停车位改造的…' },
      phrase2: { value: '已答复了' },
      time3: { value: '2026年03月02日 16:30' },
      character_string4: { value: 'GM-2026-0042' },
      number5: { value: '42' },
      date6: { value: '2026年05月01日 09:00~11:30' },
      name7: { value: '张三' },
      letter8: { value: 'abc' },
    })
  })

  it('keeps character strings to 32 ASCII characters', () => {
    expect(templateValue('character_string1', 'x'.repeat(40))).toBe('x'.repeat(32))
  })

  it('refuses values that would be sent empty or that cannot be shortened without changing them', () => {
    expect(() => templateValue('thing1', '🎉🎉')).toThrow(/thing1/)
    expect(() => templateValue('phrase2', 'OK')).toThrow(RangeError)
    expect(() => templateValue('number3', '12a')).toThrow(RangeError)
    expect(() => templateValue('number3', '1'.repeat(33))).toThrow(RangeError)
    expect(() => templateValue('phone_number4', '+86-0766-66888866-12345')).toThrow(RangeError)
  })

  it('truncates by code points with a chosen ellipsis', () => {
    expect(truncateCodePoints('abcdef', 4)).toBe('abc…')
    expect(truncateCodePoints('abcdef', 4, '')).toBe('abcd')
    expect(truncateCodePoints('abc', 4)).toBe('abc')
  })
})

describe('splitting text for msg_sec_check', () => {
  it('leaves text of 2,500 characters whole', () => {
    expect(splitForSecCheck('字'.repeat(2_500))).toEqual(['字'.repeat(2_500)])
  })

  it('splits longer text into overlapping pieces that cover all of it', () => {
    const text = Array.from({ length: 6_000 }, (_, i) => String.fromCharCode(0x4e00 + (i % 500))).join('')
    const chunks = splitForSecCheck(text)
    expect(chunks.every((chunk) => chunk.length <= 2_500)).toBe(true)
    expect(chunks[0]).toBe(text.slice(0, 2_500))
    expect(chunks[1]?.startsWith(text.slice(2_450, 2_500))).toBe(true)
    expect(chunks.at(-1)?.endsWith(text.slice(-100))).toBe(true)
    expect(chunks).toHaveLength(3)
  })

  it('never splits a surrogate pair and stays within 2,500 UTF-16 units', () => {
    const chunks = splitForSecCheck('𠮷'.repeat(3_000))
    expect(chunks.length).toBeGreaterThan(2)
    expect(chunks.every((chunk) => chunk.length <= 2_500 && /^(𠮷)+$/u.test(chunk))).toBe(true)
  })
})
