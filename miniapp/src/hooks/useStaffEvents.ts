// Staff work on events: the list, the event form (new or edit), one event's desk (publish, outcome, cancel, export), review, quotas, check-in and event opinions' answers.
import {
  type AnswerBody,
  CancelEventBodySchema,
  type EventDetail,
  EventDraftBodySchema,
  OutcomeBodySchema,
  type Quota,
  type ResponseOf,
  type StaffEventOpinion,
} from '@gm/shared'
import type { z } from 'zod'
import { useCallback, useState } from 'react'
import { type ApiError, api, downloadExport, type ExportFormat, toApiError } from '../api'
import type { AnswerValues } from '../components/AnswerForm'
import { replacePage, routes } from '../navigation'
import { type QuotaDraft, quotaDraftOf } from '../utils/quotas'
import { validateWith, type Validation } from '../utils/form'
import { notFound } from './notFound'
import { type Action, useAction } from './useAction'
import { useAnswerForm } from './useAnswerForm'
import { useDownload } from './useDownload'
import { useFillOnce } from './useFillOnce'
import { type FormState, useForm } from './useForm'
import { type PublishingForm, usePublishingForm } from './usePersonalInfoOverride'
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

export interface StaffEventDesk {
  view: RequestState<StaffEventView> & { update: (event: EventDetail, published?: boolean) => void }
  publish: Action<[]>
  exportFile: Action<[ExportFormat]>
  downloaded: string | null
  /** 会议结果: its summary is published, so personal information is refused unless masked or overridden. */
  outcome: PublishingForm<{ summary: string }>
  cancel: FormState<{ reason: string }>
}

/** One event for staff: publish it, export the registrations, record the outcome, cancel it. */
export function useStaffEventDesk(id: number | null, enabled: boolean, onCancelled: () => void): StaffEventDesk {
  const view = useStaffEvent(enabled ? id : null)
  const { update } = view
  const publish = useAction(async () => {
    if (id !== null) update(await api.publishEvent({ params: { id } }), true)
  })
  const { exportFile, downloaded } = useDownload(async (format: ExportFormat) =>
    id === null ? undefined : downloadExport('exportRegistrations', id, format, `报名名单-${id}.${format}`),
  )
  const outcome = usePublishingForm<{ summary: string }, z.output<typeof OutcomeBodySchema>>(
    {
      initial: { summary: '' },
      validate: (values) => validateWith(OutcomeBodySchema, values),
      submit: async (body) => {
        if (id !== null) update(await api.recordOutcome({ params: { id }, body }))
      },
    },
    ['summary'],
  )
  const cancel = useForm<{ reason: string }, z.output<typeof CancelEventBodySchema>>({
    initial: { reason: '' },
    validate: (values) => validateWith(CancelEventBodySchema, values),
    submit: async (body) => {
      if (id === null) return
      update(await api.cancelEvent({ params: { id }, body }))
      onCancelled()
    },
  })
  return { view, publish, exportFile, downloaded, outcome, cancel }
}

/** 入选 / 不予入选 (with a reason) of a review-mode application. */
export function useRegistrationReview(
  registrationId: number,
  onDone: (r: StaffRegistration) => void,
): { select: Action<[]>; reject: Action<[reason: string]> } {
  const select = useAction(async () => onDone(await api.reviewRegistration({ params: { id: registrationId }, body: { decision: 'SELECT' } })))
  const reject = useAction(async (reason: string) =>
    onDone(await api.reviewRegistration({ params: { id: registrationId }, body: { decision: 'REJECT', reason } })),
  )
  return { select, reject }
}

/** 分层配额 of a lottery event (EDITOR, before signups open). */
export function useEventQuotas(eventId: number, onSaved: (event: EventDetail) => void): Action<[quotas: Quota[]]> {
  return useAction(async (quotas: Quota[]) => onSaved(await api.setEventQuotas({ params: { id: eventId }, body: { quotas } })))
}

/** 答复 of one event opinion; `onSaved` gets the opinion as the server answered it. */
export function useEventOpinionAnswer(opinionId: number, initial: AnswerValues, onSaved: (opinion: StaffEventOpinion) => void): PublishingForm<AnswerValues> {
  return useAnswerForm(initial, async (body: AnswerBody) => onSaved(await api.answerEventOpinion({ params: { id: opinionId }, body })))
}

type EventDraft = z.output<typeof EventDraftBodySchema>

export interface EventEditor<V extends Record<string, string>> {
  form: FormState<V>
  /** The event being edited (null for a new one). */
  existing: RequestState<StaffEventView | null>
  /** The form holds the loaded event's values: it may show. */
  filled: boolean
  /** 分层配额 rows of a lottery event, beside the form's text fields. */
  quotaRows: QuotaDraft[]
  setQuotaRows: (rows: QuotaDraft[]) => void
}

/**
 * 新建活动 / 修改活动 (EDITOR): one form for both. With an id the stored event fills the form once
 * loaded and saving sends updateEvent; without one it sends createEvent. The event's page opens once saved.
 */
export function useEventEditor<V extends Record<string, string>>(
  id: number | null,
  enabled: boolean,
  options: {
    initial: V
    valuesOf: (event: EventDetail) => V
    validate: (values: V, quotaRows: readonly QuotaDraft[]) => Validation<EventDraft, Extract<keyof V, string>>
  },
): EventEditor<V> {
  const [quotaRows, setQuotaRows] = useState<QuotaDraft[]>([])
  const existing = useRequest(() => (id === null || !enabled ? Promise.resolve(null) : api.getStaffEvent({ params: { id } })), [id, enabled])
  const form = useForm<V, EventDraft>({
    initial: options.initial,
    validate: (values) => options.validate(values, quotaRows),
    submit: async (body) => {
      const event = id === null ? await api.createEvent({ body }) : await api.updateEvent({ params: { id }, body })
      replacePage(routes.staffEvent(event.id))
    },
  })
  const filled = useFillOnce(existing.data, ({ event }) => {
    form.load(options.valuesOf(event))
    setQuotaRows(event.drawQuotas.map(quotaDraftOf))
  })
  return { form, existing, filled, quotaRows, setQuotaRows }
}
