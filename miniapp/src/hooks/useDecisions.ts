// Gives the decision-catalogue pages the list of a year's major decisions and one decision's detail from the API.
import type { DecisionDetail, DecisionSummary } from '@gm/shared'
import { api } from '../api'
import { notFound } from './notFound'
import { type RequestState, useRequest } from './useRequest'

export function useDecisionList(year?: number): RequestState<DecisionSummary[]> {
  return useRequest(() => api.listDecisions({ query: { year } }), [year])
}

export function useDecision(id: number | null): RequestState<DecisionDetail> {
  return useRequest(() => (id === null ? Promise.reject(notFound()) : api.getDecision({ params: { id } })), [id])
}
