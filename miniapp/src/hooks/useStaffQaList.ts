// 政策问答库管理 (staff): the items of every status page by page, the reviewer's actions per item, and the export.
import type { ContentStatus, StaffQaItem } from '@gm/shared'
import { useCallback, useState } from 'react'
import { type ApiError, api, downloadQaExport, type ExportFormat } from '../api'
import { useDownload, type Download } from './useDownload'
import { PAGE_SIZE, type PagedListState, usePagedList } from './usePagedList'
import { useRowActions } from './useRowActions'

/** 待复核 (policy changed, or an edit waiting for a reviewer), or one status. */
export type QaFilter = 'review' | ContentStatus

export interface StaffQaList extends PagedListState<StaffQaItem> {
  /** The item being changed, if any. */
  busyId: number | null
  rowErrors: Record<number, ApiError | undefined>
  publish: (id: number) => Promise<boolean>
  confirm: (id: number, note: string) => Promise<boolean>
  withdraw: (id: number, reason: string) => Promise<boolean>
}

const noItems = (page: number) => Promise.resolve({ items: [] as StaffQaItem[], total: 0, page, pageSize: PAGE_SIZE })

/** 政策问答库管理: items of every status, page by page, with the reviewer's actions per item. */
export function useStaffQaList(filter: QaFilter | undefined, q: string, enabled: boolean): StaffQaList {
  const list = usePagedList(
    (page) =>
      enabled
        ? api.listStaffQaItems({
            query: {
              ...(filter === 'review' ? { needsReview: 'true' as const } : filter ? { status: filter } : {}),
              ...(q ? { q } : {}),
              page,
              pageSize: PAGE_SIZE,
            },
          })
        : noItems(page),
    [filter, q, enabled],
  )
  const { busyId, rowErrors, runFor } = useRowActions()
  const [updated, setUpdated] = useState<Record<number, StaffQaItem>>({})

  const change = useCallback(
    (id: number, work: () => Promise<StaffQaItem>) =>
      runFor(id, async () => {
        const item = await work()
        setUpdated((u) => ({ ...u, [id]: item }))
      }),
    [runFor],
  )

  const publish = useCallback((id: number) => change(id, () => api.publishQaItem({ params: { id } })), [change])
  const confirm = useCallback(
    (id: number, note: string) => change(id, () => api.confirmQaItem({ params: { id }, body: note.trim() ? { note: note.trim() } : {} })),
    [change],
  )
  const withdraw = useCallback((id: number, reason: string) => change(id, () => api.withdrawQaItem({ params: { id }, body: { reason } })), [change])

  return { ...list, data: list.data.map((item) => updated[item.id] ?? item), busyId, rowErrors, publish, confirm, withdraw }
}

/** 导出 the library (every status, or the filter's status; 待复核 exports everything). */
export function useQaExport(filter: QaFilter | undefined): Download<[ExportFormat]> {
  return useDownload((format: ExportFormat) => {
    const status = filter === 'review' ? undefined : filter
    return downloadQaExport(format, `政策问答库.${format}`, status ? { status } : {})
  })
}
