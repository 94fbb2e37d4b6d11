// Staff work on consultations: the list, one consultation's desk (publish, window, feedback, export), opinions, moderation, answers and groups.
import { type AnswerBody, type Dismissal, type Mask, OfflineOpinionBodySchema, type ResponseOf, type StaffOpinion, WindowChangeBodySchema } from '@gm/shared'
import type { z } from 'zod'
import { useCallback, useState } from 'react'
import { api, type ExportFormat, downloadExport } from '../api'
import type { AnswerValues } from '../components/AnswerForm'
import type { OfflineOpinionValues } from '../components/OfflineOpinionForm'
import { isoFromShanghai } from '../utils/datetime'
import { type FieldErrors, validateWith } from '../utils/form'
import { notFound } from './notFound'
import { type Action, useAction } from './useAction'
import { useAnswerForm } from './useAnswerForm'
import { useDownload } from './useDownload'
import { type FormState, useForm } from './useForm'
import type { PublishingForm } from './usePersonalInfoOverride'
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
  const list = usePagedList(
    (page) => {
      if (consultationId === null) return Promise.reject(notFound())
      const query = {
        page,
        pageSize: 20,
        ...(queue === 'pending' ? { moderation: 'PENDING' as const } : {}),
        ...(queue === 'unanswered' ? { unanswered: 'true' as const } : {}),
      }
      return api.listStaffOpinions({ params: { id: consultationId }, query })
    },
    [consultationId, queue],
  )
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

export type WindowValues = { closesAt: string; reason: string }

/** 延长或提前结束: the new close (Beijing time, typed) and the reason, checked with the shared schema. */
export function validateWindow(values: WindowValues) {
  const closesAt = isoFromShanghai(values.closesAt)
  const checked = validateWith<typeof WindowChangeBodySchema, keyof WindowValues>(WindowChangeBodySchema, { closesAt, reason: values.reason })
  if (closesAt) return checked
  return { ok: false as const, errors: { ...(checked.ok ? {} : checked.errors), closesAt: '请按“2026-12-01 09:00”的格式填写（北京时间）' } }
}

export interface ConsultationDesk {
  view: RequestState<StaffConsultationView>
  publish: Action<[]>
  /** 公开采纳情况, with an override reason when the server found personal information. */
  publishFeedback: Action<[override?: string]>
  /** What was just published, for the notice. */
  published: string | null
  exportFile: Action<[ExportFormat]>
  downloaded: string | null
  windowForm: FormState<WindowValues>
}

/** One consultation for staff: publish it, change its window, publish the feedback, export the opinions. */
export function useConsultationDesk(id: number | null, enabled: boolean, onWindowChanged: () => void): ConsultationDesk {
  const view = useStaffConsultation(enabled ? id : null)
  const [published, setPublished] = useState<string | null>(null)
  const publish = useAction(async () => {
    if (id === null) return
    await api.publishConsultation({ params: { id } })
    setPublished('征集已发布，公众现在可以看到并提交意见。')
    await view.reload()
  })
  const publishFeedback = useAction(async (override?: string) => {
    if (id === null) return
    await api.publishFeedback({ params: { id }, body: override ? { override } : {} })
    setPublished('意见采纳情况已公开，已通知提交意见的公众。')
    await view.reload()
  })
  const { exportFile, downloaded } = useDownload(async (format: ExportFormat) =>
    id === null ? undefined : downloadExport('exportOpinions', id, format, `意见与答复-${id}.${format}`),
  )
  const windowForm = useForm<WindowValues, z.output<typeof WindowChangeBodySchema>>({
    initial: { closesAt: '', reason: '' },
    validate: validateWindow,
    submit: async (body) => {
      if (id === null) return
      await api.changeWindow({ params: { id }, body })
      onWindowChanged()
      windowForm.reset()
      await view.reload()
    },
  })
  return { view, publish, publishFeedback, published, exportFile, downloaded, windowForm }
}

export interface ModerationInput {
  masks: Mask[]
  dismissals: Dismissal[]
  override?: string
}

/**
 * 审核 of one opinion: approve with the confirmed masks (or an override reason), or hide it with a reason. Both
 * name the moderation the form was opened on (`from`): when someone moderated it since, the server refuses.
 */
export function useModeration(
  opinion: Pick<StaffOpinion, 'id' | 'moderation'>,
  onChanged: (opinion: StaffOpinion) => void,
): { approve: Action<[ModerationInput]>; hide: Action<[reason: string]> } {
  const { id, moderation: from } = opinion
  const approve = useAction(async ({ masks, dismissals, override }: ModerationInput) => {
    onChanged(await api.moderateOpinion({ params: { id }, body: { decision: 'APPROVE', masks, dismissals, ...(override ? { override } : {}), from } }))
  })
  const hide = useAction(async (reason: string) => {
    onChanged(await api.moderateOpinion({ params: { id }, body: { decision: 'HIDE', reason, from } }))
  })
  return { approve, hide }
}

/** 答复 of one opinion; `onSaved` gets the opinion as the server answered it. */
export function useOpinionAnswer(opinionId: number, initial: AnswerValues, onSaved: (opinion: StaffOpinion) => void): PublishingForm<AnswerValues> {
  return useAnswerForm(initial, async (body: AnswerBody) => onSaved(await api.answerOpinion({ params: { id: opinionId }, body })))
}

/** 集中意见: accept a suggestion as a group with a title (an override reason when the server found personal information). */
export function useCreateGroup(consultationId: number, onDone: () => void): Action<[title: string, opinionIds: number[], override?: string]> {
  return useAction(async (title: string, opinionIds: number[], override?: string) => {
    await api.createGroup({ params: { id: consultationId }, body: { title, opinionIds, ...(override ? { override } : {}) } })
    onDone()
  })
}

/** The one reasoned answer of a group. */
export function useGroupAnswer(groupId: number, initial: AnswerValues, onSaved: () => void): PublishingForm<AnswerValues> {
  return useAnswerForm(initial, async (body: AnswerBody) => {
    await api.answerGroup({ params: { id: groupId }, body })
    onSaved()
  })
}

// —— 录入线下意见 ————————————————————————————————————————————————————————————————————

const blankOffline = (today: string): OfflineOpinionValues => ({
  channel: '',
  receivedOn: today,
  sectionId: '',
  text: '',
  consent: 'PUBLISH_MASKED',
  authorName: '',
  contactPhone: '',
  contactConsent: '',
})

/** The form's values as the endpoint's body, checked with the same shared schema the BFF uses. */
export function validateOfflineOpinion(values: OfflineOpinionValues) {
  const phone = values.contactPhone.trim()
  const checked = validateWith<typeof OfflineOpinionBodySchema, keyof OfflineOpinionValues>(OfflineOpinionBodySchema, {
    channel: values.channel || undefined,
    receivedOn: values.receivedOn || undefined,
    sectionId: values.sectionId ? Number(values.sectionId) : null,
    text: values.text,
    consent: values.consent,
    ...(values.consent === 'PUBLISH_NAMED' ? { authorName: values.authorName } : {}),
    ...(phone ? { contactPhone: phone, contactConsent: values.contactConsent === 'yes' } : {}),
  })
  if (checked.ok || values.channel) return checked
  const errors: FieldErrors<keyof OfflineOpinionValues> = { ...checked.errors, channel: '请选择意见的收集渠道' }
  return { ok: false as const, errors }
}

export interface OfflineOpinionEntry {
  form: FormState<OfflineOpinionValues>
  /** Opinions entered in this visit, newest first. */
  entered: StaffOpinion[]
}

/** 录入线下意见 of one consultation; after each one the channel and the date stay for the next of the same batch. */
export function useOfflineOpinionForm(consultationId: number | null, today: string): OfflineOpinionEntry {
  const [entered, setEntered] = useState<StaffOpinion[]>([])
  const form = useForm({
    initial: blankOffline(today),
    validate: validateOfflineOpinion,
    submit: async (body) => {
      if (consultationId === null) return
      const opinion = await api.recordOfflineOpinion({ params: { id: consultationId }, body })
      setEntered((list) => [opinion, ...list])
      // Letters or speeches of one 座谈会 come in batches: keep the channel and the date.
      form.reset()
      form.setField('channel', body.channel)
      form.setField('receivedOn', body.receivedOn)
    },
  })
  return { form, entered }
}
