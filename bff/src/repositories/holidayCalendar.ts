// The administrators' holiday_calendar table: State Council arrangements for years the bundled package lacks.
import type { DbOrTx } from '../db/client'

export interface HolidayDayRow {
  year: number
  /** YYYY-MM-DD */
  date: string
  kind: 'HOLIDAY' | 'WORKDAY'
  name: string
  source: string
  updatedAt: Date
}

const select = { year: true, date: true, kind: true, name: true, source: true, updatedAt: true } as const

const toRow = (row: { year: number; date: Date; kind: 'HOLIDAY' | 'WORKDAY'; name: string; source: string; updatedAt: Date }): HolidayDayRow => ({
  ...row,
  date: row.date.toISOString().slice(0, 10),
})

/** Every row of the table, by date (a few dozen a year). */
export async function findHolidayDays(db: DbOrTx, year?: number): Promise<HolidayDayRow[]> {
  const rows = await db.holidayCalendarDay.findMany({ where: year === undefined ? {} : { year }, select, orderBy: { date: 'asc' } })
  return rows.map(toRow)
}

/**
 * What changes whenever the table does: its row count and latest updated_at (a replacement deletes and
 * inserts rows stamped with its transaction's time, an emptied year lowers the count).
 */
export async function holidayTableVersion(db: DbOrTx): Promise<string> {
  const { _count, _max } = await db.holidayCalendarDay.aggregate({ _count: { _all: true }, _max: { updatedAt: true } })
  return `${_count._all}:${_max.updatedAt?.getTime() ?? 0}`
}

/** Replace one year's rows (none: the year falls back to the package, or to weekends only). */
export async function replaceHolidayYear(
  db: DbOrTx,
  year: number,
  days: readonly { date: string; kind: 'HOLIDAY' | 'WORKDAY'; name: string }[],
  source: string,
): Promise<void> {
  await db.holidayCalendarDay.deleteMany({ where: { year } })
  if (days.length === 0) return
  await db.holidayCalendarDay.createMany({
    data: days.map((d) => ({ year, date: new Date(`${d.date}T00:00:00Z`), kind: d.kind, name: d.name, source })),
  })
}
