import type { HolidayDayRow } from '../../bff/src/repositories/holidayCalendar'
import { buildWorkingCalendar } from '../../bff/src/services/workingCalendar'
import { shanghaiTime } from '../../shared/src/rules/time'
import {
  addWorkingDays,
  hasOfficialCalendar,
  isDeadlineEstimated,
  isWorkingDay,
  REPLY_DEADLINE_WORKING_DAYS,
  REPLY_EXTENSION_MAX_WORKING_DAYS,
  workingDayCalendar,
  workingDayDeadline,
  workingDaysBetween,
} from '../../shared/src/rules/workingDays'

/** Noon in Shanghai on a calendar day. */
const day = (y: number, m: number, d: number) => shanghaiTime(y, m, d, 12, 0)
/** The deadline instant for a Shanghai calendar day: 23:59:59.999 there. */
const endOf = (y: number, m: number, d: number) => new Date(shanghaiTime(y, m, d + 1, 0, 0).getTime() - 1)

/**
 * Rows for 2027 as an administrator enters them in the holiday_calendar table. NOT the State Council's
 * 2027 notice (chinese-days 1.5.7 does not have 2027 and no dates are copied from anywhere): made-up
 * test rows around the real 2027 dates of 春节 (2027-02-06) and 国庆, with adjusted working weekends.
 */
const row = (date: string, kind: HolidayDayRow['kind'], name: string): HolidayDayRow => ({
  year: Number(date.slice(0, 4)),
  date,
  kind,
  name,
  source: '测试数据（非官方）',
  updatedAt: new Date(0),
})
const range = (from: string, to: string, name: string) => {
  const rows: HolidayDayRow[] = []
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000)
    rows.push(row(new Date(t).toISOString().slice(0, 10), 'HOLIDAY', name))
  return rows
}
const TABLE_2027: HolidayDayRow[] = [
  ...range('2027-01-01', '2027-01-03', '元旦'),
  ...range('2027-02-06', '2027-02-14', '春节'),
  row('2027-01-31', 'WORKDAY', '春节'), // Sunday
  row('2027-02-20', 'WORKDAY', '春节'), // Saturday
  ...range('2027-10-01', '2027-10-07', '国庆节'),
  row('2027-09-26', 'WORKDAY', '国庆节'), // Sunday
  row('2027-10-09', 'WORKDAY', '国庆节'), // Saturday
]

/** What the BFF counts with before anyone enters 2027: the chinese-days package only. */
const packageOnly = buildWorkingCalendar([])
/** …and after an administrator entered 2027 in the table. */
const with2027 = buildWorkingCalendar(TABLE_2027)

describe('the calendar the BFF builds (chinese-days package + holiday_calendar table)', () => {
  it('has the package years through 2026 and nothing for 2027 until the table has it', () => {
    expect(hasOfficialCalendar(packageOnly, 2004)).toBe(true)
    expect(hasOfficialCalendar(packageOnly, 2026)).toBe(true)
    expect(hasOfficialCalendar(packageOnly, 2027)).toBe(false)
    expect(hasOfficialCalendar(with2027, 2027)).toBe(true)
    expect(hasOfficialCalendar(with2027, 2028)).toBe(false)
  })

  it('lets the table replace a year the package has', () => {
    // An administrator's 2026 with National Day moved (made up): the package's 2026 no longer counts.
    const replaced = buildWorkingCalendar([...range('2026-10-05', '2026-10-09', '国庆节')])
    expect(isWorkingDay(day(2026, 10, 1), replaced)).toBe(true)
    expect(isWorkingDay(day(2026, 10, 9), replaced)).toBe(false)
    expect(isWorkingDay(day(2026, 10, 10), replaced)).toBe(false) // the package's 调休 Saturday is gone
  })
})

describe('isWorkingDay across 春节 and 国庆 with adjusted working weekends', () => {
  it.each([
    // 2026, from the package: 春节 02-15..02-23 off, Saturdays 02-14 and 02-28 worked
    ['2026-02-13 (Fri)', day(2026, 2, 13), true],
    ['2026-02-14 (Sat, 调休上班)', day(2026, 2, 14), true],
    ['2026-02-16 (除夕)', day(2026, 2, 16), false],
    ['2026-02-23 (Mon, 正月初七)', day(2026, 2, 23), false],
    ['2026-02-24 (Tue)', day(2026, 2, 24), true],
    ['2026-02-28 (Sat, 调休上班)', day(2026, 2, 28), true],
    // 2026 国庆: 10-01..10-07 off, Sunday 09-20 and Saturday 10-10 worked; 中秋 09-25..09-27
    ['2026-09-20 (Sun, 调休上班)', day(2026, 9, 20), true],
    ['2026-09-25 (Fri, 中秋)', day(2026, 9, 25), false],
    ['2026-10-01 (Thu, 国庆)', day(2026, 10, 1), false],
    ['2026-10-07 (Wed, 国庆)', day(2026, 10, 7), false],
    ['2026-10-08 (Thu)', day(2026, 10, 8), true],
    ['2026-10-10 (Sat, 调休上班)', day(2026, 10, 10), true],
    ['2026-10-11 (Sun)', day(2026, 10, 11), false],
    ['2026-11-21 (an ordinary Saturday)', day(2026, 11, 21), false],
    // 2027, from the table rows above
    ['2027-01-01 (Fri, 元旦)', day(2027, 1, 1), false],
    ['2027-01-31 (Sun, 调休上班)', day(2027, 1, 31), true],
    ['2027-02-05 (Fri)', day(2027, 2, 5), true],
    ['2027-02-08 (Mon, 春节)', day(2027, 2, 8), false],
    ['2027-02-15 (Mon)', day(2027, 2, 15), true],
    ['2027-02-20 (Sat, 调休上班)', day(2027, 2, 20), true],
    ['2027-09-26 (Sun, 调休上班)', day(2027, 9, 26), true],
    ['2027-10-04 (Mon, 国庆)', day(2027, 10, 4), false],
    ['2027-10-09 (Sat, 调休上班)', day(2027, 10, 9), true],
    ['2027-10-10 (Sun)', day(2027, 10, 10), false],
  ])('%s', (_, date, expected) => {
    expect(isWorkingDay(date, with2027)).toBe(expected)
  })

  it('counts 2027 by weekends only while the table has no 2027', () => {
    expect(isWorkingDay(day(2027, 1, 1), packageOnly)).toBe(true) // a Friday, later a holiday
    expect(isWorkingDay(day(2027, 1, 31), packageOnly)).toBe(false) // a Sunday, later worked
    expect(isWorkingDay(day(2027, 2, 8), packageOnly)).toBe(true)
  })

  it('reads the Shanghai calendar day, not the UTC one', () => {
    // 23:30 UTC on Sep 30 is already 07:30 on Oct 1 in Shanghai: a holiday.
    expect(isWorkingDay(new Date('2026-09-30T23:30:00Z'), packageOnly)).toBe(false)
    expect(isWorkingDay(new Date('2026-09-30T15:59:59.999Z'), packageOnly)).toBe(true)
    // 16:00 UTC on Friday Oct 9 is 00:00 on Saturday Oct 10 in Shanghai: a 调休 working day.
    expect(isWorkingDay('2026-10-09T16:00:00Z', packageOnly)).toBe(true)
  })

  it('rejects an invalid date, and a calendar row outside its year', () => {
    expect(() => isWorkingDay(new Date('not a date'), packageOnly)).toThrow(RangeError)
    expect(() => workingDayCalendar([{ year: 2027, holidays: ['2026-12-31'], workdays: [] }])).toThrow(RangeError)
    expect(() => workingDayCalendar([{ year: 2027, holidays: ['2027-02-30'], workdays: [] }])).toThrow(RangeError)
  })
})

describe('addWorkingDays', () => {
  it('gives the end of the 20th working day after a Friday-evening submission', () => {
    const fridayEvening = shanghaiTime(2026, 11, 20, 21, 30)
    const deadline = addWorkingDays(fridayEvening, REPLY_DEADLINE_WORKING_DAYS, packageOnly)
    expect(deadline.toISOString()).toBe(endOf(2026, 12, 18).toISOString())
  })

  it('gives a Saturday or Sunday submission the deadline of the Friday before', () => {
    const friday = addWorkingDays(shanghaiTime(2026, 11, 20, 9, 0), 20, packageOnly)
    expect(addWorkingDays(shanghaiTime(2026, 11, 21, 10, 0), 20, packageOnly)).toEqual(friday)
    expect(addWorkingDays(shanghaiTime(2026, 11, 22, 23, 59), 20, packageOnly)).toEqual(friday)
  })

  it.each([
    ['across 国庆 2026, counting the 调休 Saturday', shanghaiTime(2026, 9, 30, 10, 0), 3, endOf(2026, 10, 10)],
    ['20 working days across 国庆 2026', shanghaiTime(2026, 9, 30, 10, 0), 20, endOf(2026, 11, 3)],
    ['across 中秋 2026 with the 调休 Sunday before it', shanghaiTime(2026, 9, 18, 17, 0), 6, endOf(2026, 9, 28)],
    ['across 春节 2026 from the Friday before', shanghaiTime(2026, 2, 13, 16, 0), 2, endOf(2026, 2, 24)],
    ['to the 调休 Saturday after 春节 2026', shanghaiTime(2026, 2, 13, 16, 0), 6, endOf(2026, 2, 28)],
    ['across 国庆 2025 (eight days off)', shanghaiTime(2025, 9, 30, 10, 0), 3, endOf(2025, 10, 11)],
    ['to the 调休 Sunday before 春节 2027', shanghaiTime(2027, 1, 29, 18, 0), 1, endOf(2027, 1, 31)],
    ['across 春节 2027 from the Friday before', shanghaiTime(2027, 2, 5, 16, 0), 1, endOf(2027, 2, 15)],
    ['to the 调休 Saturday after 春节 2027', shanghaiTime(2027, 2, 5, 16, 0), 6, endOf(2027, 2, 20)],
    ['to the 调休 Sunday before 国庆 2027', shanghaiTime(2027, 9, 24, 18, 0), 1, endOf(2027, 9, 26)],
    ['across 国庆 2027, counting the 调休 Saturday', shanghaiTime(2027, 9, 30, 10, 0), 2, endOf(2027, 10, 9)],
    ['20 working days across 国庆 2027', shanghaiTime(2027, 9, 30, 10, 0), 20, endOf(2027, 11, 3)],
  ])('%s', (_, from, days, expected) => {
    expect(addWorkingDays(from, days, with2027).toISOString()).toBe(expected.toISOString())
  })

  it('counts the Shanghai day: 23:30 UTC Thursday is Friday in Shanghai', () => {
    expect(addWorkingDays('2026-11-19T23:30:00Z', 1, packageOnly).toISOString()).toBe(endOf(2026, 11, 23).toISOString())
    expect(addWorkingDays('2026-11-19T15:59:00Z', 1, packageOnly).toISOString()).toBe(endOf(2026, 11, 20).toISOString())
  })

  it('gives the end of the same day for 0 and refuses negative or fractional counts', () => {
    expect(addWorkingDays(shanghaiTime(2026, 10, 3, 8, 0), 0, packageOnly).toISOString()).toBe(endOf(2026, 10, 3).toISOString())
    expect(() => addWorkingDays(new Date(), -1, packageOnly)).toThrow(RangeError)
    expect(() => addWorkingDays(new Date(), 1.5, packageOnly)).toThrow(RangeError)
  })

  it('allows replies within 20 working days, extended once by at most 20', () => {
    expect(REPLY_DEADLINE_WORKING_DAYS).toBe(20)
    expect(REPLY_EXTENSION_MAX_WORKING_DAYS).toBe(20)
  })
})

describe('a deadline in a year without an official calendar is flagged', () => {
  const sentSaturday = shanghaiTime(2026, 12, 5, 10, 0) // the opinion of issue 14

  it('lands on 元旦 2027 and is estimated while 2027 is missing', () => {
    expect(workingDayDeadline(sentSaturday, 20, packageOnly)).toEqual({ deadline: endOf(2027, 1, 1), estimated: true })
  })

  it('moves past 元旦 and is official once the table has 2027', () => {
    expect(workingDayDeadline(sentSaturday, 20, with2027)).toEqual({ deadline: endOf(2027, 1, 4), estimated: false })
  })

  it('is not estimated when the count stays within known years', () => {
    expect(workingDayDeadline(shanghaiTime(2026, 11, 20, 9, 0), 20, packageOnly).estimated).toBe(false)
    expect(workingDayDeadline(shanghaiTime(2027, 9, 30, 9, 0), 20, with2027).estimated).toBe(false)
  })

  it('is estimated for a count that runs into 2028 (no data anywhere)', () => {
    expect(workingDayDeadline(shanghaiTime(2027, 12, 10, 9, 0), 20, with2027).estimated).toBe(true)
    expect(isDeadlineEstimated(shanghaiTime(2027, 12, 31, 9, 0), endOf(2027, 12, 31), with2027)).toBe(false) // 0 days: its own day
  })

  it('is estimated when the count starts in a year without data, even if it ends in a known one', () => {
    const oddCalendar = buildWorkingCalendar(range('2028-01-01', '2028-01-01', '元旦')) // 2028 entered, 2027 not
    expect(workingDayDeadline(shanghaiTime(2027, 12, 20, 9, 0), 20, oddCalendar).estimated).toBe(true)
  })
})

describe('workingDaysBetween', () => {
  it('counts working days after the first day up to the last', () => {
    expect(workingDaysBetween(shanghaiTime(2026, 11, 20, 18, 0), shanghaiTime(2026, 11, 23, 9, 0), packageOnly)).toBe(1)
    expect(workingDaysBetween(day(2026, 9, 30), day(2026, 10, 8), packageOnly)).toBe(1)
    expect(workingDaysBetween(day(2026, 2, 13), day(2026, 2, 28), packageOnly)).toBe(6)
    expect(workingDaysBetween(day(2027, 2, 5), day(2027, 2, 20), with2027)).toBe(6)
  })

  it('is 0 for the same day or a later start', () => {
    expect(workingDaysBetween(day(2026, 11, 23), day(2026, 11, 23), packageOnly)).toBe(0)
    expect(workingDaysBetween(day(2026, 11, 30), day(2026, 11, 23), packageOnly)).toBe(0)
  })

  it('undoes addWorkingDays across both years', () => {
    const starts = [
      shanghaiTime(2025, 9, 27, 8, 0),
      new Date('2026-02-13T23:30:00Z'),
      shanghaiTime(2026, 9, 19, 12, 0),
      shanghaiTime(2026, 12, 1, 9, 0),
      shanghaiTime(2027, 1, 29, 20, 0),
      shanghaiTime(2027, 9, 24, 9, 0),
    ]
    for (const from of starts) {
      for (let n = 0; n <= 45; n++) expect(workingDaysBetween(from, addWorkingDays(from, n, with2027), with2027)).toBe(n)
    }
  })
})
