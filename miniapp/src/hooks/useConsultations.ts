// Gives the consultation pages their data from the API: the filtered paged list, one consultation's detail, its draft versions and their comparison, and the departments for the filter.
import type { ConsultationDetail, ConsultationSummary, Department, DraftComparison, DraftVersionList } from '@gm/shared'
import { useCallback, useState } from 'react'
import { api } from '../api'
import { notFound } from './notFound'
import { PAGE_SIZE, type PagedListState, usePagedList } from './usePagedList'
import { type RequestState, useRequest } from './useRequest'

export interface ConsultationFilter {
  status: 'open' | 'upcoming' | 'closed'
  q?: string
  departmentId?: number
}

export function useConsultationList({ status, q, departmentId }: ConsultationFilter): PagedListState<ConsultationSummary> {
  return usePagedList((page) => api.listConsultations({ query: { status, q, departmentId, page, pageSize: PAGE_SIZE } }), [status, q, departmentId])
}

export function useConsultation(id: number | null): RequestState<ConsultationDetail> {
  return useRequest(() => (id === null ? Promise.reject(notFound()) : api.getConsultation({ params: { id } })), [id])
}

export function useDepartments(): RequestState<Department[]> {
  return useRequest(() => api.listDepartments(), [])
}

export interface DraftVersionsState {
  versions: RequestState<DraftVersionList>
  from: number | undefined
  to: number | undefined
  choose: (which: 'from' | 'to', version: number | undefined) => void
  /** The comparison of the chosen pair (null while fewer than two different versions are chosen). */
  comparison: RequestState<DraftComparison | null>
}

/** 历次版本: the published versions and the comparison of two of them (the previous and the current one at first). */
export function useDraftVersions(id: number | null): DraftVersionsState {
  const versions = useRequest(() => (id === null ? Promise.reject(notFound()) : api.listDraftVersions({ params: { id } })), [id])
  const [chosen, setChosen] = useState<{ from?: number; to?: number }>({})
  const current = versions.data?.current
  const from = chosen.from ?? (current !== undefined && current > 1 ? current - 1 : undefined)
  const to = chosen.to ?? current
  const choose = useCallback((which: 'from' | 'to', version: number | undefined) => setChosen((c) => ({ ...c, [which]: version })), [])
  const comparison = useRequest(
    () =>
      id === null || from === undefined || to === undefined || from === to
        ? Promise.resolve(null)
        : api.compareDraftVersions({ params: { id }, query: { from, to } }),
    [id, from, to],
  )
  return { versions, from, to, choose, comparison }
}
