// Statistics: staff see their departments' figures per year and export them; citizens see the published figures per year or per consultation.
import { type ConsultationStatistics, type StaffStatistics, type Statistics, type StatisticsTable, statisticsTableLabels } from '@gm/shared'
import { useState } from 'react'
import { api, downloadStatisticsExport, type ExportFormat } from '../api'
import { type Action, useAction } from './useAction'
import { useLargeFont } from './useLargeFont'
import { type RequestState, useRequest } from './useRequest'

export interface StaffStatisticsState {
  statistics: RequestState<StaffStatistics | undefined>
  /** The chosen year; undefined: the current year (the server's default). */
  year: number | undefined
  setYear: (year: number | undefined) => void
  /** One department of the caller's scope; undefined: all of it. */
  departmentId: number | undefined
  setDepartmentId: (id: number | undefined) => void
  /** Download the workbook (xlsx) or one table (csv) of what is on screen. */
  exportFile: Action<[format: ExportFormat, table?: StatisticsTable]>
  /** What the last download saved, for the notice. */
  downloaded: string | null
  /** 大字模式: the charts' text follows it. */
  large: boolean
}

export function useStaffStatistics(enabled: boolean): StaffStatisticsState {
  const [year, setYear] = useState<number | undefined>(undefined)
  const [departmentId, setDepartmentId] = useState<number | undefined>(undefined)
  const [downloaded, setDownloaded] = useState<string | null>(null)
  const statistics = useRequest(
    () => (enabled ? api.getStaffStatistics({ query: { ...(year ? { year } : {}), ...(departmentId ? { departmentId } : {}) } }) : Promise.resolve(undefined)),
    [enabled, year, departmentId],
  )
  const shownYear = statistics.data?.year ?? year
  const exportFile = useAction(async (format: ExportFormat, table?: StatisticsTable) => {
    setDownloaded(null)
    const name = format === 'xlsx' ? `统计-${shownYear ?? ''}.xlsx` : `${statisticsTableLabels[table ?? 'annual']}-${shownYear ?? ''}.csv`
    const file = await downloadStatisticsExport(format, name, {
      ...(shownYear ? { year: shownYear } : {}),
      ...(departmentId ? { departmentId } : {}),
      ...(table ? { table } : {}),
    })
    setDownloaded(file.opened ? `已下载：${file.filename}` : `已下载：${file.filename}（请在电脑上打开）`)
  })
  const { enabled: large } = useLargeFont()
  return { statistics, year, setYear, departmentId, setDepartmentId, exportFile, downloaded, large }
}

export interface PublicStatisticsState {
  statistics: RequestState<Statistics>
  year: number | undefined
  setYear: (year: number | undefined) => void
  large: boolean
}

/** 数据公开: the year's published figures (consultations whose 采纳情况 is out, events and 列席, Q&A). */
export function usePublicStatistics(): PublicStatisticsState {
  const [year, setYear] = useState<number | undefined>(undefined)
  const statistics = useRequest(() => api.getPublicStatistics({ query: year ? { year } : {} }), [year])
  const { enabled: large } = useLargeFont()
  return { statistics, year, setYear, large }
}

/** One consultation's published figures (available once its 采纳情况 is published). */
export function useConsultationStatistics(id: number | null): { statistics: RequestState<ConsultationStatistics | undefined>; large: boolean } {
  const statistics = useRequest(() => (id ? api.getConsultationStatistics({ params: { id } }) : Promise.resolve(undefined)), [id])
  const { enabled: large } = useLargeFont()
  return { statistics, large }
}
