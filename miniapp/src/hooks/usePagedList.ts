// Gives list pages paging on top of useRequest: first page on filter change, more on reach-bottom or 加载更多, pull-down refresh, and the list's status.
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { type DependencyList, useCallback, useRef, useState } from 'react'
import { type ApiError, toApiError } from '../api'
import { useRequest } from './useRequest'

export interface Page<T> {
  items: T[]
  total: number
  page: number
  pageSize: number
}

/** What a list shows below its items (see components/ListState). */
export type ListStatus = 'loading' | 'error' | 'empty' | 'more' | 'loading-more' | 'error-more' | 'end'

export interface PagedListState<T> {
  data: T[]
  total: number
  loading: boolean
  error: ApiError | null
  status: ListStatus
  hasMore: boolean
  reload: () => Promise<void>
  loadMore: () => void
  /** Retry whatever failed: the first page or the next one. */
  retry: () => void
}

export const PAGE_SIZE = 10

interface MorePages<T> {
  /** The first page these follow; a new first page invalidates them. */
  base: Page<T> | undefined
  pages: Page<T>[]
  loading: boolean
  error: ApiError | null
}

export function listStatus(s: { loading: boolean; error: unknown; count: number; hasMore: boolean; loadingMore: boolean; moreError: unknown }): ListStatus {
  if (s.count === 0) {
    if (s.loading) return 'loading'
    if (s.error) return 'error'
    return 'empty'
  }
  if (s.loadingMore) return 'loading-more'
  if (s.moreError) return 'error-more'
  return s.hasMore ? 'more' : 'end'
}

/**
 * A paged list on top of useRequest: page 1 reloads when `deps` change, further pages are appended
 * on reach-bottom or through `loadMore` (the 「加载更多」 button), pull-down refresh reloads.
 */
export function usePagedList<T extends { id: number }>(fetchPage: (page: number) => Promise<Page<T>>, deps: DependencyList): PagedListState<T> {
  const fetchRef = useRef(fetchPage)
  fetchRef.current = fetchPage
  const first = useRequest(() => fetchRef.current(1), deps)
  const [more, setMore] = useState<MorePages<T>>({ base: undefined, pages: [], loading: false, error: null })
  const inFlight = useRef(false)

  const current = more.base !== undefined && more.base === first.data ? more : { pages: [] as Page<T>[], loading: false, error: null }
  const pages = first.data ? [first.data, ...current.pages] : []
  const seen = new Set<number>()
  const data: T[] = []
  for (const page of pages) {
    for (const item of page.items) {
      if (!seen.has(item.id)) {
        seen.add(item.id)
        data.push(item)
      }
    }
  }
  const last = pages[pages.length - 1]
  const total = last?.total ?? 0
  const hasMore = last !== undefined && last.items.length > 0 && last.page * last.pageSize < last.total

  const loadMore = useCallback(() => {
    const base = first.data
    if (!base || !last || !hasMore || inFlight.current || first.loading) return
    inFlight.current = true
    const keep = more.base === base ? more.pages : []
    setMore({ base, pages: keep, loading: true, error: null })
    const settle = (next: Partial<MorePages<T>>) => {
      inFlight.current = false
      setMore((m) => (m.base === base ? { ...m, loading: false, ...next } : m))
    }
    fetchRef.current(last.page + 1).then(
      (page) => settle({ pages: [...keep, page], error: null }),
      (error: unknown) => settle({ error: toApiError(error) }),
    )
  }, [first.data, first.loading, last, hasMore, more])

  const status = listStatus({
    loading: first.loading,
    error: first.error,
    count: data.length,
    hasMore,
    loadingMore: current.loading,
    moreError: current.error,
  })

  const retry = useCallback(() => {
    if (status === 'error-more') loadMore()
    else void first.reload()
  }, [status, loadMore, first])

  useReachBottom(() => {
    if (status === 'more') loadMore()
  })
  usePullDownRefresh(() => {
    void first.reload().finally(() => Taro.stopPullDownRefresh())
  })

  return {
    data,
    total,
    loading: first.loading || current.loading,
    error: first.error ?? current.error,
    status,
    hasMore,
    reload: first.reload,
    loadMore,
    retry,
  }
}
