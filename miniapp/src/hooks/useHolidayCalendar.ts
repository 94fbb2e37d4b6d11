// 放假安排 for administrators: which years the package covers, one year's arrangement, and entering it.
import { type HolidayCalendar, type HolidayYear, type ReplaceHolidayYearBody, shanghaiParts } from '@gm/shared'
import { useEffect, useState } from 'react'
import { api } from '../api'
import { formatArrangement, parseArrangement } from '../utils/holidayCalendar'
import { type Action, useAction } from './useAction'
import { type FormState, useForm } from './useForm'
import { type RequestState, useRequest } from './useRequest'

export type ArrangementValues = { source: string; days: string }

export interface HolidayCalendarState {
  overview: RequestState<HolidayCalendar | undefined>
  /** The year on screen: chosen, or else the first year after the package's last. */
  year: number | null
  setYear: (year: number) => void
  /** Years offered: this year, the next two, and every year already in the table. */
  years: number[]
  arrangement: RequestState<HolidayYear | undefined>
  form: FormState<ArrangementValues>
  /** The year just saved (for the success notice). */
  saved: number | null
  clear: Action<[]>
}

export function validateArrangement(values: ArrangementValues) {
  const source = values.source.trim()
  const parsed = parseArrangement(values.days)
  const errors: Partial<Record<keyof ArrangementValues, string>> = {}
  if (!source) errors.source = '请填写依据（通知名称与发布日期）'
  if (!parsed.ok) errors.days = parsed.error
  else if (parsed.days.length === 0) errors.days = '请逐行填写放假和调休上班的日期'
  if (!parsed.ok || Object.keys(errors).length > 0) return { ok: false as const, errors }
  return { ok: true as const, data: { source, days: parsed.days } satisfies ReplaceHolidayYearBody }
}

export function useHolidayCalendar(enabled: boolean): HolidayCalendarState {
  const overview = useRequest(() => (enabled ? api.getHolidayCalendar() : Promise.resolve(undefined)), [enabled])
  const [chosen, setYear] = useState<number | null>(null)
  const [saved, setSaved] = useState<number | null>(null)
  const year = chosen ?? (overview.data ? overview.data.package.lastYear + 1 : null)
  const arrangement = useRequest(() => (enabled && year !== null ? api.getHolidayYear({ params: { year } }) : Promise.resolve(undefined)), [enabled, year])
  const form = useForm<ArrangementValues, ReplaceHolidayYearBody>({
    initial: { source: '', days: '' },
    validate: validateArrangement,
    submit: async (body) => {
      if (year === null) return
      await api.replaceHolidayYear({ params: { year }, body })
      setSaved(year)
      await Promise.all([overview.reload(), arrangement.reload()])
    },
  })
  const clear = useAction(async () => {
    if (year === null) return
    await api.replaceHolidayYear({ params: { year }, body: { source: '清空录入', days: [] } })
    setSaved(null)
    await Promise.all([overview.reload(), arrangement.reload()])
  })

  // What the table holds for the year is what the administrator edits; a package year starts empty.
  const loaded = arrangement.data
  const { setField } = form
  useEffect(() => {
    if (!loaded) return
    setField('source', loaded.origin === 'TABLE' ? (loaded.source ?? '') : '')
    setField('days', loaded.origin === 'TABLE' ? formatArrangement(loaded.days) : '')
  }, [loaded, setField])

  const thisYear = shanghaiParts(new Date()).year
  const years = [
    ...new Set([thisYear, thisYear + 1, thisYear + 2, ...(overview.data?.tableYears.map((y) => y.year) ?? []), ...(year !== null ? [year] : [])]),
  ].sort((a, b) => a - b)
  return { overview, year, setYear: (y) => (setSaved(null), setYear(y)), years, arrangement, form, saved, clear }
}
