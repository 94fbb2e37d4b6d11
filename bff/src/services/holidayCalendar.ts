// Administrators' holiday arrangements (放假安排): the per-year view of package and table data, and replacing a year.
import { type BodyOf, type HolidayYear, type ResponseOf } from '@gm/shared'
import type { Deps } from '../deps'
import type { StaffContext } from '../domain/actor'
import { validationFailed } from '../domain/errors'
import { findHolidayDays, type HolidayDayRow, replaceHolidayYear as replaceRows } from '../repositories/holidayCalendar'
import { auditorOf, recordAudit } from './audit'
import { recountPolicyQuestionDueDates } from './policyQuestion'
import { iso } from './paging'
import { buildWorkingCalendar, byYear, PACKAGE_SOURCE, PACKAGE_VERSION, PACKAGE_YEARS, packageYears } from './workingCalendar'

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
    package: { name: 'chinese-days', version: PACKAGE_VERSION, firstYear: packageYears[0] ?? 0, lastYear: packageYears.at(-1) ?? 0 },
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
