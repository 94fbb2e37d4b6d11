// The working-day calendar every deadline is counted with: the chinese-days package's years plus the administrators' holiday_calendar table.
import { type HolidayArrangement, type HolidayDay, workingDayCalendar, type WorkingDayCalendar } from '@gm/shared'
import packageData from 'chinese-days/dist/chinese-days.json'
import packageInfo from 'chinese-days/package.json'
import type { Database, DbOrTx } from '../db/client'
import type { Deps } from '../deps'
import { findHolidayDays, type HolidayDayRow, holidayTableVersion } from '../repositories/holidayCalendar'

export const PACKAGE_VERSION = packageInfo.version

export const PACKAGE_SOURCE = `chinese-days ${packageInfo.version}（国务院办公厅历年节假日安排）`

/** The package's holidays (放假) and adjusted working days (调休上班) by year; each value reads "English,中文,n". */
export const PACKAGE_YEARS: ReadonlyMap<number, HolidayDay[]> = (() => {
  const byYear = new Map<number, HolidayDay[]>()
  const add = (entries: Record<string, string>, kind: HolidayDay['kind']) => {
    for (const [date, label] of Object.entries(entries)) {
      const year = Number(date.slice(0, 4))
      const days = byYear.get(year) ?? []
      days.push({ date, kind, name: label.split(',')[1] ?? '' })
      byYear.set(year, days)
    }
  }
  add(packageData.holidays, 'HOLIDAY')
  add(packageData.workdays, 'WORKDAY')
  for (const days of byYear.values()) days.sort((a, b) => a.date.localeCompare(b.date))
  return byYear
})()
export const packageYears = [...PACKAGE_YEARS.keys()].sort((a, b) => a - b)

const arrangementOf = (year: number, days: readonly Pick<HolidayDay, 'date' | 'kind'>[]): HolidayArrangement => ({
  year,
  holidays: days.filter((d) => d.kind === 'HOLIDAY').map((d) => d.date),
  workdays: days.filter((d) => d.kind === 'WORKDAY').map((d) => d.date),
})

export function byYear(rows: readonly HolidayDayRow[]): Map<number, HolidayDayRow[]> {
  const years = new Map<number, HolidayDayRow[]>()
  for (const row of rows) years.set(row.year, [...(years.get(row.year) ?? []), row])
  return years
}

/** The package's years, then the table's years (which replace the package's arrangement for that year). */
export function buildWorkingCalendar(rows: readonly HolidayDayRow[]): WorkingDayCalendar {
  const table = [...byYear(rows)].map(([year, days]) => arrangementOf(year, days))
  return workingDayCalendar([...[...PACKAGE_YEARS].map(([year, days]) => arrangementOf(year, days)), ...table])
}

/** Each instance's calendar with the table version it was built from. */
const cache = new WeakMap<Database, { version: string; calendar: WorkingDayCalendar }>()

/**
 * The calendar to count deadlines with: package data plus the holiday_calendar table. Every call asks
 * the table for its version (row count and latest change, one index-only read) and rebuilds only when
 * it moved, so a change made through any BFF instance counts on every instance from the next request.
 * Inside a transaction pass it as `db`, so the reads use the connection already held.
 */
export async function workingCalendar(deps: Pick<Deps, 'db'>, db: DbOrTx = deps.db): Promise<WorkingDayCalendar> {
  const version = await holidayTableVersion(db)
  const hit = cache.get(deps.db)
  if (hit?.version === version) return hit.calendar
  // Read after the version: a change in between only makes the next call rebuild once more.
  const calendar = buildWorkingCalendar(await findHolidayDays(db))
  cache.set(deps.db, { version, calendar })
  return calendar
}
