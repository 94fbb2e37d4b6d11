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
