// Working-day arithmetic in Asia/Shanghai over a caller-supplied holiday calendar: reply deadlines, extensions and days between two instants.
import { DAY_MS, type Instant, SHANGHAI_OFFSET_MS, toDate } from './time'

/**
 * Working days (工作日) in Asia/Shanghai under the State Council's holiday arrangements, computed from
 * a calendar the caller supplies (the BFF builds it from the `chinese-days` package and the
 * administrators' holiday_calendar table; no dates live here, so nothing of it reaches the mini-program).
 *
 * A day is a working day when it is Monday–Friday and not an official holiday, or when it is a
 * weekend day the arrangement makes a working day (调休上班).
 *
 * A year without a known arrangement falls back to **weekends only**: every Monday–Friday counts,
 * including dates that will later be declared holidays. A deadline counted through such a year is
 * `estimated`, and staff see "截止日期按周末估算，以国务院放假安排为准".
 */

/** Replies are due within 20 working days of an opinion's submission… */
export const REPLY_DEADLINE_WORKING_DAYS = 20
/** …and may be extended once, by at most another 20 working days. */
export const REPLY_EXTENSION_MAX_WORKING_DAYS = 20

/** What staff are told about a deadline counted through a year without an official arrangement. */
export const ESTIMATED_DEADLINE_NOTE = '截止日期按周末估算，以国务院放假安排为准'

/** One year's official arrangement: the days off (放假调休) and the weekend days worked (调休上班), YYYY-MM-DD. */
export interface HolidayArrangement {
  year: number
  holidays: readonly string[]
  workdays: readonly string[]
}

/** The arrangements known to the caller, ready for counting. Build it with `workingDayCalendar`. */
export interface WorkingDayCalendar {
  readonly officialYears: ReadonlySet<number>
  readonly holidays: ReadonlySet<number>
  readonly workdays: ReadonlySet<number>
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/

/** Days since 1970-01-01 of a YYYY-MM-DD calendar date (the date itself, no time zone involved). */
function dayOfDate(date: string): number {
  const m = DATE.exec(date)
  if (!m) throw new RangeError(`not a YYYY-MM-DD date: ${date}`)
  const day = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / DAY_MS
  if (new Date(day * DAY_MS).toISOString().slice(0, 10) !== date) throw new RangeError(`not a calendar date: ${date}`)
  return day
}

const yearOfDay = (day: number) => new Date(day * DAY_MS).getUTCFullYear()

/**
 * A calendar from whole years' arrangements. Each listed year is official (even one with no
 * adjusted working day); a year listed twice keeps its last arrangement, so later sources (the
 * administrators' table) replace earlier ones (the package). A date outside its year is refused.
 */
export function workingDayCalendar(arrangements: Iterable<HolidayArrangement>): WorkingDayCalendar {
  const byYear = new Map<number, HolidayArrangement>()
  for (const arrangement of arrangements) byYear.set(arrangement.year, arrangement)
  const holidays = new Set<number>()
  const workdays = new Set<number>()
  for (const { year, holidays: off, workdays: on } of byYear.values()) {
    for (const [set, dates] of [
      [holidays, off],
      [workdays, on],
    ] as const) {
      for (const date of dates) {
        const day = dayOfDate(date)
        if (yearOfDay(day) !== year) throw new RangeError(`${date} is not in ${year}`)
        set.add(day)
      }
    }
  }
  return { officialYears: new Set(byYear.keys()), holidays, workdays }
}

export function hasOfficialCalendar(calendar: WorkingDayCalendar, year: number): boolean {
  return calendar.officialYears.has(year)
}

/** The Shanghai calendar day of an instant, as days since 1970-01-01. */
function shanghaiDay(value: Instant): number {
  const t = toDate(value).getTime()
  if (Number.isNaN(t)) throw new RangeError(`not a valid instant: ${String(value)}`)
  return Math.floor((t + SHANGHAI_OFFSET_MS) / DAY_MS)
}

function isWorkingDayNumber(calendar: WorkingDayCalendar, day: number): boolean {
  if (calendar.workdays.has(day)) return true
  if (calendar.holidays.has(day)) return false
  const weekday = (((day + 4) % 7) + 7) % 7 // 1970-01-01 was a Thursday; 0 = Sunday
  return weekday !== 0 && weekday !== 6
}

/** Whether the Shanghai calendar day containing `date` is a working day. */
export function isWorkingDay(date: Instant, calendar: WorkingDayCalendar): boolean {
  return isWorkingDayNumber(calendar, shanghaiDay(date))
}

/**
 * The deadline `days` working days after `from`: 23:59:59.999 Shanghai time on the `days`-th working
 * day after `from`'s Shanghai day. That day itself never counts, whatever the hour or whether it is a
 * working day, so an opinion sent on Friday evening and one sent on Saturday share a deadline.
 * `days` = 0 gives the end of `from`'s own day. Throws a RangeError for a negative or fractional count.
 */
export function addWorkingDays(from: Instant, days: number, calendar: WorkingDayCalendar): Date {
  if (!Number.isInteger(days) || days < 0) throw new RangeError(`days must be a non-negative integer, got ${days}`)
  let day = shanghaiDay(from)
  for (let counted = 0; counted < days;) {
    day++
    if (isWorkingDayNumber(calendar, day)) counted++
  }
  return new Date((day + 1) * DAY_MS - SHANGHAI_OFFSET_MS - 1)
}

/**
 * Working days strictly after `from`'s Shanghai day up to and including `to`'s Shanghai day; 0 when
 * `to` is not after `from`. For any n ≥ 0, `workingDaysBetween(from, addWorkingDays(from, n, c), c) === n`.
 */
export function workingDaysBetween(from: Instant, to: Instant, calendar: WorkingDayCalendar): number {
  if (toDate(to).getTime() <= toDate(from).getTime()) return 0
  const last = shanghaiDay(to)
  let count = 0
  for (let day = shanghaiDay(from) + 1; day <= last; day++) if (isWorkingDayNumber(calendar, day)) count++
  return count
}

/**
 * Whether a deadline counted from `from` to `deadline` is only an estimate: some Shanghai year the
 * count runs through (from the day after `from` to the deadline's day) has no official arrangement.
 */
export function isDeadlineEstimated(from: Instant, deadline: Instant, calendar: WorkingDayCalendar): boolean {
  const first = yearOfDay(Math.min(shanghaiDay(from) + 1, shanghaiDay(deadline)))
  const last = yearOfDay(shanghaiDay(deadline))
  for (let year = first; year <= last; year++) if (!calendar.officialYears.has(year)) return true
  return false
}

/** The deadline `days` working days after `from`, and whether it is estimated (see `isDeadlineEstimated`). */
export function workingDayDeadline(from: Instant, days: number, calendar: WorkingDayCalendar): { deadline: Date; estimated: boolean } {
  const deadline = addWorkingDays(from, days, calendar)
  return { deadline, estimated: isDeadlineEstimated(from, deadline, calendar) }
}
