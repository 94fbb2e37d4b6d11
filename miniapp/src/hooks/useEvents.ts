// Gives the event pages the paged event list (by kind) and one event's detail from the API.
import type { EventDetail, EventKind, EventSummary } from '@gm/shared'
import { api } from '../api'
import { notFound } from './notFound'
import { PAGE_SIZE, type PagedListState, usePagedList } from './usePagedList'
import { type RequestState, useRequest } from './useRequest'

export function useEventList(kind?: EventKind): PagedListState<EventSummary> {
  return usePagedList((page) => api.listEvents({ query: { kind, page, pageSize: PAGE_SIZE } }), [kind])
}

export function useEvent(id: number | null): RequestState<EventDetail> {
  return useRequest(() => (id === null ? Promise.reject(notFound()) : api.getEvent({ params: { id } })), [id])
}
