// Gives the consultation pages their data from the API: the filtered paged list, one consultation's detail, and the departments for the filter.
import type { ConsultationDetail, ConsultationSummary, Department } from '@gm/shared'
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
