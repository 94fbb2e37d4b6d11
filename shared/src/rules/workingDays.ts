import { DAY_MS, type Instant, SHANGHAI_OFFSET_MS, toDate } from './time'

/**
 * Working days (工作日) in Asia/Shanghai under the State Council's holiday arrangements.
 *
 * A day is a working day when it is Monday–Friday and not an official holiday, or when it is a
 * weekend day the arrangement makes a working day (调休上班).
 *
 * Years without a published arrangement in the table below fall back to **weekends only**: every
 * Monday–Friday counts, including dates that will later be declared holidays. `hasOfficialCalendar`
 * lets callers say so in the UI ("截止日期按周末估算，以国务院放假安排为准"). The arrangement for a year is
 * published each November; add it here when it appears.
 */

/** Replies are due within 20 working days of an opinion's submission… */
export const REPLY_DEADLINE_WORKING_DAYS = 20
/** …and may be extended once, by at most another 20 working days. */
export const REPLY_EXTENSION_MAX_WORKING_DAYS = 20

interface OfficialCalendar {
  /** The notice the dates were copied from. */
  source: string
  /** Inclusive MM-DD ranges off work (放假调休). */
  holidays: [string, string][]
  /** Weekend days that are working days (调休上班), MM-DD. */
  workdays: string[]
}

const OFFICIAL_CALENDARS: Record<number, OfficialCalendar> = {
  2025: {
    source: '国务院办公厅关于2025年部分节假日安排的通知（国办发明电〔2024〕12号，2024年11月12日）',
    holidays: [
      ['01-01', '01-01'], // 元旦
      ['01-28', '02-04'], // 春节
      ['04-04', '04-06'], // 清明节
      ['05-01', '05-05'], // 劳动节
      ['05-31', '06-02'], // 端午节
      ['10-01', '10-08'], // 国庆节、中秋节
    ],
    workdays: ['01-26', '02-08', '04-27', '09-28', '10-11'],
  },
  2026: {
    source: '国务院办公厅关于2026年部分节假日安排的通知（2025年11月4日，新华社全文）',
    holidays: [
      ['01-01', '01-03'], // 元旦
      ['02-15', '02-23'], // 春节
      ['04-04', '04-06'], // 清明节
      ['05-01', '05-05'], // 劳动节
      ['06-19', '06-21'], // 端午节
      ['09-25', '09-27'], // 中秋节
      ['10-01', '10-07'], // 国庆节
    ],
    workdays: ['01-04', '02-14', '02-28', '05-09', '09-20', '10-10'],
  },
}

/** Years whose official arrangement is encoded; other years use weekends only. */
export const OFFICIAL_CALENDAR_YEARS: readonly number[] = Object.keys(OFFICIAL_CALENDARS)
  .map(Number)
  .sort((a, b) => a - b)

export function hasOfficialCalendar(year: number): boolean {
  return OFFICIAL_CALENDARS[year] !== undefined
}

/** Days since 1970-01-01 of a calendar date (the date itself, no time zone involved). */
function dayNumber(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day) / DAY_MS
}

function dayOf(year: number, mmdd: string): number {
  return dayNumber(year, Number(mmdd.slice(0, 2)), Number(mmdd.slice(3, 5)))
}

const HOLIDAYS = new Set<number>()
const ADJUSTED_WORKDAYS = new Set<number>()
for (const year of OFFICIAL_CALENDAR_YEARS) {
  const calendar = OFFICIAL_CALENDARS[year] as OfficialCalendar
  for (const [from, to] of calendar.holidays) {
    for (let d = dayOf(year, from); d <= dayOf(year, to); d++) HOLIDAYS.add(d)
  }
  for (const mmdd of calendar.workdays) ADJUSTED_WORKDAYS.add(dayOf(year, mmdd))
}

/** The Shanghai calendar day of an instant, as days since 1970-01-01. */
function shanghaiDay(value: Instant): number {
  const t = toDate(value).getTime()
  if (Number.isNaN(t)) throw new RangeError(`not a valid instant: ${String(value)}`)
  return Math.floor((t + SHANGHAI_OFFSET_MS) / DAY_MS)
}

function isWorkingDayNumber(day: number): boolean {
  if (ADJUSTED_WORKDAYS.has(day)) return true
  if (HOLIDAYS.has(day)) return false
  const weekday = (((day + 4) % 7) + 7) % 7 // 1970-01-01 was a Thursday; 0 = Sunday
  return weekday !== 0 && weekday !== 6
}

/** Whether the Shanghai calendar day containing `date` is a working day. */
export function isWorkingDay(date: Instant): boolean {
  return isWorkingDayNumber(shanghaiDay(date))
}

/**
 * The deadline `days` working days after `from`: 23:59:59.999 Shanghai time on the `days`-th working
 * day after `from`'s Shanghai day. That day itself never counts, whatever the hour or whether it is a
 * working day, so an opinion sent on Friday evening and one sent on Saturday share a deadline.
 * `days` = 0 gives the end of `from`'s own day. Throws a RangeError for a negative or fractional count.
 */
export function addWorkingDays(from: Instant, days: number): Date {
  if (!Number.isInteger(days) || days < 0) throw new RangeError(`days must be a non-negative integer, got ${days}`)
  let day = shanghaiDay(from)
  for (let counted = 0; counted < days; ) {
    day++
    if (isWorkingDayNumber(day)) counted++
  }
  return new Date((day + 1) * DAY_MS - SHANGHAI_OFFSET_MS - 1)
}

/**
 * Working days strictly after `from`'s Shanghai day up to and including `to`'s Shanghai day; 0 when
 * `to` is not after `from`. For any n ≥ 0, `workingDaysBetween(from, addWorkingDays(from, n)) === n`.
 */
export function workingDaysBetween(from: Instant, to: Instant): number {
  if (toDate(to).getTime() <= toDate(from).getTime()) return 0
  const last = shanghaiDay(to)
  let count = 0
  for (let day = shanghaiDay(from) + 1; day <= last; day++) if (isWorkingDayNumber(day)) count++
  return count
}
