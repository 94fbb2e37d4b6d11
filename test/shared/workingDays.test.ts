import { formatShanghaiDateTime, shanghaiTime } from '../../shared/src/rules/time'
import {
  addWorkingDays,
  hasOfficialCalendar,
  isWorkingDay,
  OFFICIAL_CALENDAR_YEARS,
  REPLY_DEADLINE_WORKING_DAYS,
  REPLY_EXTENSION_MAX_WORKING_DAYS,
  workingDaysBetween,
} from '../../shared/src/rules/workingDays'

/** Noon in Shanghai on a calendar day. */
const day = (y: number, m: number, d: number) => shanghaiTime(y, m, d, 12, 0)
/** The deadline instant for a Shanghai calendar day: 23:59:59.999 there. */
const endOf = (y: number, m: number, d: number) => new Date(shanghaiTime(y, m, d + 1, 0, 0).getTime() - 1)

describe('isWorkingDay under the State Council arrangements', () => {
  it.each([
    // 2025 国庆节、中秋节: 10-01..10-08 off; Sunday 09-28 and Saturday 10-11 worked
    ['2025-09-28 (Sun, 调休上班)', day(2025, 9, 28), true],
    ['2025-10-01 (国庆)', day(2025, 10, 1), false],
    ['2025-10-08 (国庆, 中秋 merged)', day(2025, 10, 8), false],
    ['2025-10-09 (Thu)', day(2025, 10, 9), true],
    ['2025-10-11 (Sat, 调休上班)', day(2025, 10, 11), true],
    ['2025-10-12 (Sun)', day(2025, 10, 12), false],
    // 2025 春节: 01-28..02-04 off; 01-26 (Sun) and 02-08 (Sat) worked
    ['2025-01-26 (Sun, 调休上班)', day(2025, 1, 26), true],
    ['2025-01-28 (除夕)', day(2025, 1, 28), false],
    ['2025-02-08 (Sat, 调休上班)', day(2025, 2, 8), true],
    // 2026
    ['2026-01-02 (Fri, 元旦)', day(2026, 1, 2), false],
    ['2026-01-04 (Sun, 调休上班)', day(2026, 1, 4), true],
    ['2026-02-14 (Sat, 调休上班)', day(2026, 2, 14), true],
    ['2026-02-16 (除夕)', day(2026, 2, 16), false],
    ['2026-02-23 (Mon, 正月初七)', day(2026, 2, 23), false],
    ['2026-02-24 (Tue)', day(2026, 2, 24), true],
    ['2026-02-28 (Sat, 调休上班)', day(2026, 2, 28), true],
    ['2026-05-05 (Tue, 劳动节)', day(2026, 5, 5), false],
    ['2026-05-09 (Sat, 调休上班)', day(2026, 5, 9), true],
    ['2026-06-19 (Fri, 端午)', day(2026, 6, 19), false],
    ['2026-09-20 (Sun, 调休上班)', day(2026, 9, 20), true],
    ['2026-09-25 (Fri, 中秋)', day(2026, 9, 25), false],
    ['2026-10-07 (Wed, 国庆)', day(2026, 10, 7), false],
    ['2026-10-10 (Sat, 调休上班)', day(2026, 10, 10), true],
    ['2026-11-21 (an ordinary Saturday)', day(2026, 11, 21), false],
    ['2026-11-23 (an ordinary Monday)', day(2026, 11, 23), true],
  ])('%s', (_, date, expected) => {
    expect(isWorkingDay(date)).toBe(expected)
  })

  it('reads the Shanghai calendar day, not the UTC one', () => {
    // 23:30 UTC on Sep 30 is already 07:30 on Oct 1 in Shanghai: a holiday.
    expect(isWorkingDay(new Date('2026-09-30T23:30:00Z'))).toBe(false)
    expect(isWorkingDay(new Date('2026-09-30T15:59:59.999Z'))).toBe(true) // 23:59:59.999 on Sep 30
    // 16:00 UTC on Friday Oct 9 is 00:00 on Saturday Oct 10 in Shanghai: a 调休 working day.
    expect(isWorkingDay('2026-10-09T16:00:00Z')).toBe(true)
  })

  it('falls back to weekends only outside the encoded years', () => {
    expect(OFFICIAL_CALENDAR_YEARS).toEqual([2025, 2026])
    expect(hasOfficialCalendar(2026)).toBe(true)
    expect(hasOfficialCalendar(2027)).toBe(false)
    // 2027-01-01 is a Friday: counted as a working day until the 2027 arrangement is added.
    expect(isWorkingDay(day(2027, 1, 1))).toBe(true)
    expect(isWorkingDay(day(2027, 1, 2))).toBe(false)
    expect(isWorkingDay(day(2024, 10, 1))).toBe(true)
  })

  it('rejects an invalid date', () => {
    expect(() => isWorkingDay(new Date('not a date'))).toThrow(RangeError)
  })
})

describe('addWorkingDays', () => {
  it('gives the end of the 20th working day after a Friday-evening submission', () => {
    const fridayEvening = shanghaiTime(2026, 11, 20, 18, 30)
    const deadline = addWorkingDays(fridayEvening, REPLY_DEADLINE_WORKING_DAYS)
    expect(deadline.toISOString()).toBe('2026-12-18T15:59:59.999Z')
    expect(formatShanghaiDateTime(deadline)).toBe('2026-12-18 23:59')
  })

  it('gives a Saturday or Sunday submission the same deadline as the Friday before', () => {
    const friday = addWorkingDays(shanghaiTime(2026, 11, 20, 9, 0), 20)
    expect(addWorkingDays(shanghaiTime(2026, 11, 21, 10, 0), 20)).toEqual(friday)
    expect(addWorkingDays(shanghaiTime(2026, 11, 22, 23, 59), 20)).toEqual(friday)
  })

  it.each([
    ['across 国庆 2026, counting the 调休 Saturday', shanghaiTime(2026, 9, 30, 10, 0), 3, endOf(2026, 10, 10)],
    ['20 working days across 国庆 2026', shanghaiTime(2026, 9, 30, 10, 0), 20, endOf(2026, 11, 3)],
    ['across 中秋 2026 with the 调休 Sunday before it', shanghaiTime(2026, 9, 18, 17, 0), 6, endOf(2026, 9, 28)],
    ['across 国庆 2025 (eight days off)', shanghaiTime(2025, 9, 30, 10, 0), 3, endOf(2025, 10, 11)],
    ['across 春节 2026 from the Friday before', shanghaiTime(2026, 2, 13, 16, 0), 2, endOf(2026, 2, 24)],
    ['to the 调休 Saturday after 春节 2026', shanghaiTime(2026, 2, 13, 16, 0), 6, endOf(2026, 2, 28)],
    ['across 春节 2025', shanghaiTime(2025, 1, 27, 9, 0), 1, endOf(2025, 2, 5)],
    ['into 2027, where only weekends are known', shanghaiTime(2026, 12, 31, 9, 0), 1, endOf(2027, 1, 1)],
  ])('%s', (_, from, days, expected) => {
    expect(addWorkingDays(from, days).toISOString()).toBe(expected.toISOString())
  })

  it('starts counting from the Shanghai day of the instant (midnight boundary)', () => {
    // 23:30 UTC on Thursday Nov 19 is 07:30 on Friday Nov 20 in Shanghai: the next working day is Monday.
    expect(addWorkingDays('2026-11-19T23:30:00Z', 1).toISOString()).toBe(endOf(2026, 11, 23).toISOString())
    // 15:59 UTC on Nov 19 is still Thursday 23:59 in Shanghai: the next working day is Friday.
    expect(addWorkingDays('2026-11-19T15:59:00Z', 1).toISOString()).toBe(endOf(2026, 11, 20).toISOString())
  })

  it('gives the end of the same day for 0 and rejects negative or fractional counts', () => {
    expect(addWorkingDays(shanghaiTime(2026, 10, 3, 8, 0), 0).toISOString()).toBe(endOf(2026, 10, 3).toISOString())
    expect(() => addWorkingDays(new Date(), -1)).toThrow(RangeError)
    expect(() => addWorkingDays(new Date(), 1.5)).toThrow(RangeError)
  })

  it('allows an extension of at most another 20 working days', () => {
    expect(REPLY_DEADLINE_WORKING_DAYS).toBe(20)
    expect(REPLY_EXTENSION_MAX_WORKING_DAYS).toBe(20)
  })
})

describe('workingDaysBetween', () => {
  it('counts working days after the first day up to and including the last', () => {
    expect(workingDaysBetween(shanghaiTime(2026, 11, 20, 18, 0), shanghaiTime(2026, 11, 23, 9, 0))).toBe(1)
    expect(workingDaysBetween(day(2026, 9, 30), day(2026, 10, 8))).toBe(1)
    expect(workingDaysBetween(day(2026, 2, 13), day(2026, 2, 28))).toBe(6)
  })

  it('is 0 for the same day or when the end is not after the start', () => {
    expect(workingDaysBetween(shanghaiTime(2026, 11, 23, 9, 0), shanghaiTime(2026, 11, 23, 17, 0))).toBe(0)
    expect(workingDaysBetween(day(2026, 11, 23), day(2026, 11, 23))).toBe(0)
    expect(workingDaysBetween(day(2026, 11, 30), day(2026, 11, 23))).toBe(0)
  })

  it('undoes addWorkingDays across the holiday table', () => {
    const starts = [
      shanghaiTime(2025, 1, 24, 20, 0),
      shanghaiTime(2025, 9, 27, 8, 0),
      new Date('2026-02-13T23:30:00Z'),
      shanghaiTime(2026, 9, 19, 12, 0),
      shanghaiTime(2026, 12, 1, 9, 0),
    ]
    for (const from of starts) {
      for (let n = 0; n <= 45; n++) expect(workingDaysBetween(from, addWorkingDays(from, n))).toBe(n)
    }
  })
})
