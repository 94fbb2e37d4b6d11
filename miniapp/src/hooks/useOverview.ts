// Gives the 我的 page the service's headline figures from the API.
import type { Overview } from '@gm/shared'
import { api } from '../api'
import { type RequestState, useRequest } from './useRequest'

export function useOverview(): RequestState<Overview> {
  return useRequest(() => api.getOverview(), [])
}
