// The working-day calendar the BFF counts deadlines with (chinese-days package + administrators' table), and its admin use cases.
import {
  type BodyOf,
  type HolidayArrangement,
  type HolidayDay,
  type HolidayYear,
  type ResponseOf,
  workingDayCalendar,
  type WorkingDayCalendar,
} from '@gm/shared'
import packageData from 'chinese-days/dist/chinese-days.json'
import packageInfo from 'chinese-days/package.json'
import type { Database, DbOrTx } from '../db/client'
import type { Deps } from '../deps'
import type { StaffContext } from '../domain/actor'
import { validationFailed } from '../domain/errors'
import { findHolidayDays, type HolidayDayRow, holidayTableVersion, replaceHolidayYear as replaceRows } from '../repositories/holidayCalendar'
import { auditorOf, recordAudit } from './audit'
import { recountPolicyQuestionDueDates } from './policyQuestion'
import { iso } from './paging'

const PACKAGE_SOURCE = `chinese-days ${packageInfo.version}（国务院办公厅历年节假日安排）`

/** The package's holidays (放假) and adjusted working days (调休上班) by year; each value reads "English,中文,n". */
const PACKAGE_YEARS: ReadonlyMap<number, HolidayDay[]> = (() => {
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
const packageYears = [...PACKAGE_YEARS.keys()].sort((a, b) => a - b)

const arrangementOf = (year: number, days: readonly Pick<HolidayDay, 'date' | 'kind'>[]): HolidayArrangement => ({
  year,
  holidays: days.filter((d) => d.kind === 'HOLIDAY').map((d) => d.date),
  workdays: days.filter((d) => d.kind === 'WORKDAY').map((d) => d.date),
})

function byYear(rows: readonly HolidayDayRow[]): Map<number, HolidayDayRow[]> {
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

function yearView(year: number, rows: readonly HolidayDayRow[]): HolidayYear {
  if (rows.length > 0) {
    const updatedAt = rows.reduce((a, r) => (r.updatedAt > a ? r.updatedAt : a), rows[0]!.updatedAt)
    return { year, origin: 'TABLE', source: rows[0]!.source, updatedAt: iso(updatedAt), days: rows.map(({ date, kind, name }) => ({ date, kind, name })) }
  }
  const days = PACKAGE_YEARS.get(year)
  if (days) return { year, origin: 'PACKAGE', source: PACKAGE_SOURCE, updatedAt: null, days }
  return { year, origin: 'NONE', source: null, updatedAt: null, days: [] }
}

export async function getHolidayCalendar(deps: Deps): Promise<ResponseOf<'getHolidayCalendar'>> {
  const rows = await findHolidayDays(deps.db)
  return {
    package: { name: 'chinese-days', version: packageInfo.version, firstYear: packageYears[0] ?? 0, lastYear: packageYears.at(-1) ?? 0 },
    tableYears: [...byYear(rows)].map(([year, days]) => ({
      year,
      source: days[0]!.source,
      days: days.length,
      updatedAt: iso(days.reduce((a, r) => (r.updatedAt > a ? r.updatedAt : a), days[0]!.updatedAt)),
    })),
  }
}

export async function getHolidayYear(deps: Deps, year: number): Promise<HolidayYear> {
  return yearView(year, await findHolidayDays(deps.db, year))
}

const WEEKEND = new Set([0, 6])
const weekdayOf = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay()

/** The checks a notice's dates must pass before they count deadlines: in the year, once each, 调休上班 on a weekend. */
function checkArrangement(year: number, days: BodyOf<'replaceHolidayYear'>['days']) {
  const fields: Record<string, string> = {}
  const seen = new Set<string>()
  days.forEach((day, i) => {
    if (Number(day.date.slice(0, 4)) !== year) fields[`days.${i}.date`] = `${day.date} 不在 ${year} 年内`
    else if (seen.has(day.date)) fields[`days.${i}.date`] = `${day.date} 重复出现`
    else if (day.kind === 'WORKDAY' && !WEEKEND.has(weekdayOf(day.date))) fields[`days.${i}.kind`] = `${day.date} 不是周六或周日，不能作为调休上班日`
    seen.add(day.date)
  })
  if (days.length > 0 && !days.some((d) => d.kind === 'HOLIDAY')) fields.days = '放假安排至少包含一个放假日'
  if (Object.keys(fields).length > 0) throw validationFailed(fields, '放假安排有误，请对照通知修改')
}

/** Enter or replace one year's arrangement (audited); an empty list removes the year from the table. */
export async function replaceHolidayYear(deps: Deps, context: StaffContext, year: number, body: BodyOf<'replaceHolidayYear'>): Promise<HolidayYear> {
  checkArrangement(year, body.days)
  const days = [...body.days].sort((a, b) => a.date.localeCompare(b.date))
  return deps.db.$transaction(async (tx) => {
    const before = yearView(year, await findHolidayDays(tx, year))
    await replaceRows(tx, year, days, body.source)
    const after = yearView(year, await findHolidayDays(tx, year))
    // Opinion deadlines are counted when read; policy questions store theirs, so those running through the year move now.
    const policyQuestionsMoved = await recountPolicyQuestionDueDates(tx, buildWorkingCalendar(await findHolidayDays(tx)), year)
    await recordAudit(tx, auditorOf(context), {
      action: 'replaceHolidayYear',
      entity: 'holiday_calendar',
      entityId: year,
      before: before.origin === 'TABLE' ? { source: before.source, days: before.days } : null,
      after: { source: body.source, days, policyQuestionsMoved },
    })
    return after
  })
}
