// Gives the 政策问答 pages search in the citizen's own words or the library by topic with hot questions, and one item's detail with 有帮助吗 votes.
import type { QaHot, QaItemDetail, QaList, QaListItem, QaTopics } from '@gm/shared'
import { useCallback, useState } from 'react'
import { type ApiError, api, toApiError } from '../api'
import { notFound } from './notFound'
import { PAGE_SIZE, type PagedListState, usePagedList } from './usePagedList'
import { type RequestState, useRequest } from './useRequest'

export interface QaSearch extends PagedListState<QaListItem> {
  topics: RequestState<QaTopics>
  /** Hot questions of the chosen topic, loaded while the box is empty. */
  hot: RequestState<QaHot>
  /** The search found nothing that answers the query well: offer to ask staff. */
  noGoodAnswer: boolean
}

/**
 * 政策问答: with words in the box, `searchQa` (the citizen's own words, highlighted snippets);
 * without, the library by topic (most viewed first) and that topic's hot questions.
 */
export function useQaSearch(q: string, topic: string | undefined): QaSearch {
  const query = q.trim()
  const key = `${query}\u0000${topic ?? ''}`
  const topics = useRequest(() => api.listQaTopics(), [])
  const hot = useRequest(() => (query ? Promise.resolve([] as QaHot) : api.listHotQa({ query: { topic, limit: 5 } })), [query, topic])
  const [flag, setFlag] = useState<{ key: string; noGoodAnswer: boolean }>({ key: '', noGoodAnswer: false })
  const results = usePagedList(
    (page) => {
      const request: Promise<QaList> = query
        ? api.searchQa({ query: { q: query, topic, page, pageSize: PAGE_SIZE } })
        : api.listQaItems({ query: { topic, page, pageSize: PAGE_SIZE } })
      return request.then((list) => {
        if (page === 1) setFlag({ key, noGoodAnswer: list.noGoodAnswer })
        return list
      })
    },
    [query, topic],
  )
  const noGoodAnswer = query !== '' && flag.key === key && flag.noGoodAnswer && !results.loading
  return { ...results, topics, hot, noGoodAnswer }
}

export type RatingState = { status: 'idle' | 'sending' | 'done' } | { status: 'error'; error: ApiError }

export interface QaItemState extends RequestState<QaItemDetail> {
  rating: RatingState
  rate: (helpful: boolean) => void
}

/** A Q&A item with its structured answer, policy and clause, related questions, and 「有帮助吗」. */
export function useQaItem(id: number | null): QaItemState {
  const item = useRequest(() => (id === null ? Promise.reject(notFound()) : api.getQaItem({ params: { id } })), [id])
  const [rating, setRating] = useState<RatingState>({ status: 'idle' })
  const [counts, setCounts] = useState<{ helpfulCount: number; unhelpfulCount: number } | null>(null)

  const rate = useCallback(
    (helpful: boolean) => {
      if (id === null || rating.status === 'sending' || rating.status === 'done') return
      setRating({ status: 'sending' })
      api.rateQaItem({ params: { id }, body: { helpful } }).then(
        (result) => {
          setCounts(result)
          setRating({ status: 'done' })
        },
        (error: unknown) => setRating({ status: 'error', error: toApiError(error) }),
      )
    },
    [id, rating.status],
  )

  const data = item.data && counts ? { ...item.data, ...counts } : item.data
  return { ...item, data, rating, rate }
}
