// The home tab's one search box: every area's published content for the same words (GET /api/search).
import type { SearchResult } from '@gm/shared'
import { api } from '../api'
import { type RequestState, useRequest } from './useRequest'

/** Searches when `q` has words; with none, nothing is sent and there is no result. */
export function useSiteSearch(q: string): RequestState<SearchResult | undefined> {
  return useRequest(() => (q ? api.searchAll({ query: { q } }) : Promise.resolve(undefined)), [q])
}
