// 意见 for citizens: the published feedback report, 我的意见, and the 提交意见 form.
import { type Feedback, type MyOpinion, type OpinionConsent, type OpinionReceipt, type SubmitOpinionBody, SubmitOpinionBodySchema } from '@gm/shared'
import { api } from '../api'
import { type FieldErrors, validateWith } from '../utils/form'
import { notFound } from './notFound'
import type { FormState } from './useForm'
import { useKeyedSubmission } from './useKeyedSubmission'
import { PAGE_SIZE, type PagedListState, usePagedList } from './usePagedList'
import { type RequestState, useRequest } from './useRequest'
import { useSession } from './useSession'

/** The public adoption report of a consultation (FEEDBACK_NOT_PUBLISHED until it is published). */
export function useFeedback(id: number | null): RequestState<Feedback> {
  return useRequest(() => (id === null ? Promise.reject(notFound()) : api.getFeedback({ params: { id } })), [id])
}

/** 我的意见, page by page; reloads when another person signs in. */
export function useMyOpinions(): PagedListState<MyOpinion> {
  const { me } = useSession()
  return usePagedList((page) => api.listMyOpinions({ query: { page, pageSize: PAGE_SIZE } }), [me?.kind, me?.id])
}

export type OpinionValues = { text: string; consent: string; authorName: string; contactPhone: string }
type OpinionField = keyof OpinionValues

const emptyOpinion: OpinionValues = { text: '', consent: '', authorName: '', contactPhone: '' }

/** The contract body from what the form holds; the name only goes with 署名公开. */
export function opinionBody(values: OpinionValues, sectionId: number | null, idempotencyKey: string) {
  return {
    ...(sectionId === null ? {} : { sectionId }),
    text: values.text,
    consent: values.consent as OpinionConsent,
    ...(values.consent === 'PUBLISH_NAMED' && values.authorName.trim() ? { authorName: values.authorName } : {}),
    ...(values.contactPhone.trim() ? { contactPhone: values.contactPhone } : {}),
    idempotencyKey,
  }
}

/** Check with the shared schema, with a plain question for the consent choice. */
export function validateOpinion(values: OpinionValues, sectionId: number | null, idempotencyKey: string) {
  const checked = validateWith<typeof SubmitOpinionBodySchema, OpinionField>(SubmitOpinionBodySchema, opinionBody(values, sectionId, idempotencyKey))
  if (values.consent !== '') return checked
  const errors: FieldErrors<OpinionField> = { ...(checked.ok ? {} : checked.errors), consent: '请选择您的意见是否公开' }
  return { ok: false as const, errors }
}

export interface OpinionForm {
  form: FormState<OpinionValues>
  /** The receipt once the opinion is stored. */
  receipt: OpinionReceipt | null
  /** Kept for every retry of this form; a new one only for a new opinion. */
  idempotencyKey: string
  /** Start a new opinion on the same consultation (a new key). */
  startOver: () => void
  /** When the form opened with an unsent opinion kept on the device: when it was saved (ms). */
  restoredAt: number | null
  /** Forget the kept opinion and empty the form. */
  discardDraft: () => void
}

/**
 * 提交意见: the form keeps what was typed; one idempotency key per form, reused when the user
 * retries after a failure (the BFF answers a replay with the first receipt). WeChat's subscribe
 * consent for 意见答复 is asked at the first submit tap, before the request.
 */
export function useOpinionForm(consultationId: number | null, sectionId: number | null): OpinionForm {
  const { result, ...rest } = useKeyedSubmission<OpinionValues, SubmitOpinionBody, OpinionReceipt>({
    initial: emptyOpinion,
    validate: (values, key) => validateOpinion(values, sectionId, key),
    send: (body) => (consultationId === null ? Promise.reject(notFound()) : api.submitOpinion({ params: { id: consultationId }, body })),
    subscribeTo: ['OPINION_ANSWERED'],
    // The text and the publication choice only: a name or phone number is never kept on the device.
    draft: consultationId === null ? undefined : { name: `opinion:${consultationId}:${sectionId ?? 'all'}`, fields: OPINION_DRAFT_FIELDS },
  })
  return { ...rest, receipt: result }
}

const OPINION_DRAFT_FIELDS = ['text', 'consent'] as const
