import type { EventDetail, ResponseOf } from '@gm/shared'
import { useCallback, useState } from 'react'
import { type ApiError, api, toApiError } from '../api'
import { notFound } from './notFound'
import { PAGE_SIZE, type PagedListState, usePagedList } from './usePagedList'
import { type RequestState, useRequest } from './useRequest'

export type StaffRegistration = ResponseOf<'listRegistrations'>[number]
export type CheckInResult = ResponseOf<'checkIn'>

export interface StaffEventList extends PagedListState<EventDetail | ResponseOf<'listEvents'>['items'][number]> {
  /** Events not published yet (drafts), from the staff list. */
  drafts: EventDetail[]
}

/** 活动管理: unpublished drafts (visible to every staff member), then the published events. */
export function useStaffEventList(): StaffEventList {
  const list = usePagedList((page) => api.listEvents({ query: { page, pageSize: PAGE_SIZE } }), [])
  const staff = useRequest(() => api.listStaffEvents(), [])
  const drafts = (staff.data ?? []).filter((e) => !e.published).map((e) => e.event)
  return { ...list, drafts }
}

export interface StaffEventView {
  event: EventDetail
  /** False while the public cannot see it yet. */
  published: boolean
}

/** One event for staff, drafts included. `update` shows a use case's answer without a reload. */
export function useStaffEvent(id: number | null): RequestState<StaffEventView> & { update: (event: EventDetail, published?: boolean) => void } {
  const [updated, setUpdated] = useState<StaffEventView | null>(null)
  const state = useRequest(async (): Promise<StaffEventView> => {
    if (id === null) throw notFound()
    return api.getStaffEvent({ params: { id } })
  }, [id])
  const current = updated && updated.event.id === id ? updated : state.data
  const update = useCallback(
    (event: EventDetail, published?: boolean) => setUpdated({ event, published: published ?? current?.published ?? false }),
    [current?.published],
  )
  return { ...state, data: current, update }
}

export interface EventRegistrations extends RequestState<StaffRegistration[]> {
  replace: (registration: StaffRegistration) => void
}

/** 报名名单 (reviewers): names and phones, for review and export. */
export function useEventRegistrations(eventId: number | null, enabled: boolean): EventRegistrations {
  const list = useRequest(() => {
    if (!enabled) return Promise.resolve([] as StaffRegistration[])
    if (eventId === null) return Promise.reject(notFound())
    return api.listRegistrations({ params: { id: eventId } })
  }, [eventId, enabled])
  const [replaced, setReplaced] = useState<Record<number, StaffRegistration>>({})
  const replace = useCallback((r: StaffRegistration) => setReplaced((all) => ({ ...all, [r.id]: r })), [])
  return { ...list, data: list.data?.map((r) => replaced[r.id] ?? r), replace }
}

export interface CheckInDesk {
  running: boolean
  /** The latest person checked in (name, category, running attendee count). */
  last: CheckInResult | null
  /** Attendees so far, from the latest answer; null before the first check-in here. */
  attendeeCount: number | null
  error: ApiError | null
  checkIn: (code: string) => Promise<boolean>
}

/** 现场签到: each code once; the answer carries the person's name and the attendance so far. */
export function useCheckIn(eventId: number | null): CheckInDesk {
  const [running, setRunning] = useState(false)
  const [last, setLast] = useState<CheckInResult | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  const checkIn = useCallback(
    async (code: string) => {
      if (eventId === null) return false
      setRunning(true)
      setError(null)
      try {
        setLast(await api.checkIn({ params: { id: eventId }, body: { code } }))
        return true
      } catch (e) {
        setError(toApiError(e))
        return false
      } finally {
        setRunning(false)
      }
    },
    [eventId],
  )
  return { running, last, attendeeCount: last?.attendeeCount ?? null, error, checkIn }
}
