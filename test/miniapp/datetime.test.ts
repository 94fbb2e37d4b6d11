import { isoFromShanghai, parseShanghaiDateTime, shanghaiInputValue, shanghaiToday } from '../../miniapp/src/utils/datetime'

describe('staff date-times typed in Asia/Shanghai', () => {
  it('reads wall-clock text as Shanghai time, seconds optional', () => {
    expect(isoFromShanghai('2026-12-01 09:00')).toBe('2026-12-01T01:00:00.000Z')
    expect(isoFromShanghai('2026-12-01 00:00:30')).toBe('2026-11-30T16:00:30.000Z')
    expect(isoFromShanghai('2026-12-01')).toBe('2026-11-30T16:00:00.000Z')
  })

  it('refuses what is not a real date or time', () => {
    for (const text of ['2026-02-30 09:00', '2026-13-01 09:00', '2026-12-01 24:00', '明天上午', '']) expect(parseShanghaiDateTime(text)).toBeNull()
  })

  it('writes an instant back the way it is typed, and today’s date in Shanghai', () => {
    expect(shanghaiInputValue('2026-12-01T01:00:00.000Z')).toBe('2026-12-01 09:00')
    expect(shanghaiInputValue('2026-11-30T16:00:30.000Z')).toBe('2026-12-01 00:00:30')
    expect(shanghaiToday('2026-11-30T16:30:00.000Z')).toBe('2026-12-01')
  })
})
