import type { ResponseOf, StaffOpinion } from '@gm/shared'
import { useCallback, useState } from 'react'
import { api } from '../api'
import { notFound } from './notFound'
import { type PagedListState, usePagedList } from './usePagedList'
import { type RequestState, useRequest } from './useRequest'

export type StaffConsultation = ResponseOf<'listStaffConsultations'>[number]
export type OverdueOpinion = ResponseOf<'listOverdueOpinions'>[number]
export type OpinionGroup = ResponseOf<'listGroups'>[number]
export type GroupSuggestion = ResponseOf<'suggestGroups'>[number]

/** 征集管理: every consultation (drafts too) with 待审核 / 待答复 counts. */
export function useStaffConsultationList(enabled: boolean): RequestState<StaffConsultation[]> {
  return useRequest(() => (enabled ? api.listStaffConsultations() : Promise.resolve([] as StaffConsultation[])), [enabled])
}

/** 超期未答复 (reviewers only). */
export function useOverdueOpinions(enabled: boolean): RequestState<OverdueOpinion[]> {
  return useRequest(() => (enabled ? api.listOverdueOpinions() : Promise.resolve([] as OverdueOpinion[])), [enabled])
}

export interface StaffConsultationView {
  detail: ResponseOf<'getStaffConsultation'>
  /** The list row: published or not, counts. */
  summary: StaffConsultation | undefined
}

/** One consultation for staff: the draft itself and its row of the staff list. */
export function useStaffConsultation(id: number | null): RequestState<StaffConsultationView> {
  return useRequest(async () => {
    if (id === null) throw notFound()
    const [detail, list] = await Promise.all([api.getStaffConsultation({ params: { id } }), api.listStaffConsultations()])
    return { detail, summary: list.find((c) => c.id === id) }
  }, [id])
}

export type OpinionQueue = 'pending' | 'unanswered' | 'all'

export interface StaffOpinions extends PagedListState<StaffOpinion> {
  /** Show a moderated or answered opinion as the server answered it. */
  replace: (opinion: StaffOpinion) => void
}

/** 审核与答复 queue of one consultation: 待审核, 待答复 or all. */
export function useStaffOpinions(consultationId: number | null, queue: OpinionQueue): StaffOpinions {
  const list = usePagedList((page) => {
    if (consultationId === null) return Promise.reject(notFound())
    const query = { page, pageSize: 20, ...(queue === 'pending' ? { moderation: 'PENDING' as const } : {}), ...(queue === 'unanswered' ? { unanswered: 'true' as const } : {}) }
    return api.listStaffOpinions({ params: { id: consultationId }, query })
  }, [consultationId, queue])
  const [replaced, setReplaced] = useState<Record<number, StaffOpinion>>({})
  const replace = useCallback((opinion: StaffOpinion) => setReplaced((r) => ({ ...r, [opinion.id]: opinion })), [])
  const { reload } = list
  const reloadAll = useCallback(async () => {
    await reload()
    setReplaced({})
  }, [reload])
  return { ...list, data: list.data.map((o) => replaced[o.id] ?? o), reload: reloadAll, replace }
}

export interface GroupWork {
  suggestions: GroupSuggestion[]
  groups: OpinionGroup[]
  /** Every opinion of the consultation by id, to show what a suggestion or a group holds. */
  opinions: Map<number, StaffOpinion>
}

const MAX_PAGES = 20

async function allOpinions(consultationId: number): Promise<StaffOpinion[]> {
  const all: StaffOpinion[] = []
  for (let page = 1; page <= MAX_PAGES; page++) {
    const result = await api.listStaffOpinions({ params: { id: consultationId }, query: { page, pageSize: 50 } })
    all.push(...result.items)
    if (result.items.length === 0 || page * result.pageSize >= result.total) break
  }
  return all
}

/** 集中意见: suggested groups, existing groups and the opinions they hold. */
export function useGroupWork(consultationId: number | null): RequestState<GroupWork> {
  return useRequest(async () => {
    if (consultationId === null) throw notFound()
    const params = { id: consultationId }
    const [suggestions, groups, opinions] = await Promise.all([api.suggestGroups({ params }), api.listGroups({ params }), allOpinions(consultationId)])
    return { suggestions, groups, opinions: new Map(opinions.map((o) => [o.id, o])) }
  }, [consultationId])
}
