// 活动报名 for citizens: 我的报名 with cancelling, the public lottery record, and the 我要报名 form.
import { type DrawRecord, JoinEventBodySchema, type MyRegistration } from '@gm/shared'
import { useCallback, useState } from 'react'
import { ApiError, api, toApiError } from '../api'
import { type FieldErrors, validateWith } from '../utils/form'
import { notFound } from './notFound'
import type { FormState } from './useForm'
import { useKeyedSubmission } from './useKeyedSubmission'
import { type RequestState, useRequest } from './useRequest'
import { useSession } from './useSession'

/** The public record of an event's lottery. */
export function useDraw(eventId: number | null): RequestState<DrawRecord> {
  return useRequest(() => (eventId === null ? Promise.reject(notFound()) : api.getDraw({ params: { id: eventId } })), [eventId])
}

export interface MyRegistrations extends RequestState<MyRegistration[]> {
  /** The registration whose cancellation is under way. */
  cancellingId: number | null
  cancelError: { id: number; error: ApiError } | null
  /** Cancel (only after the user confirmed); true when done. */
  cancel: (id: number) => Promise<boolean>
}

function signInFirst(): ApiError {
  return new ApiError({ status: 401, code: 'UNAUTHORIZED', message: '请先登录后查看您的报名' })
}

/** 我的报名 with cancelling; an answered cancellation replaces the row at once. */
export function useMyRegistrations(): MyRegistrations {
  const { me } = useSession()
  const citizenId = me?.kind === 'citizen' ? me.id : null
  const list = useRequest(() => (citizenId === null ? Promise.reject(signInFirst()) : api.listMyRegistrations()), [citizenId])
  const [replaced, setReplaced] = useState<Record<number, MyRegistration>>({})
  const [cancellingId, setCancellingId] = useState<number | null>(null)
  const [cancelError, setCancelError] = useState<MyRegistrations['cancelError']>(null)

  const cancel = useCallback(async (id: number) => {
    setCancellingId(id)
    setCancelError(null)
    try {
      const updated = await api.cancelRegistration({ params: { id } })
      setReplaced((r) => ({ ...r, [id]: updated }))
      return true
    } catch (e) {
      setCancelError({ id, error: toApiError(e) })
      return false
    } finally {
      setCancellingId(null)
    }
  }, [])

  const { reload } = list
  const reloadAll = useCallback(async () => {
    await reload()
    setReplaced({})
  }, [reload])

  const data = list.data?.map((r) => replaced[r.id] ?? r)
  return { ...list, data, reload: reloadAll, cancellingId, cancelError, cancel }
}

export type SignupValues = {
  name: string
  phone: string
  category: string
  region: string
  sector: string
  ageBand: string
  gender: string
  accessibilityNeeds: string
  /** 'true' when the person agrees to stay in the 代表库 */
  keepInPool: string
}
type SignupField = keyof SignupValues

const emptySignup: SignupValues = { name: '', phone: '', category: '', region: '', sector: '', ageBand: '', gender: '', accessibilityNeeds: '', keepInPool: '' }

const optional = (value: string) => (value.trim() ? value : undefined)

/** The contract body: empty optional fields are left out. */
export function signupBody(values: SignupValues) {
  return {
    name: values.name,
    phone: values.phone,
    category: values.category,
    region: optional(values.region),
    sector: optional(values.sector),
    ageBand: optional(values.ageBand),
    gender: optional(values.gender),
    accessibilityNeeds: optional(values.accessibilityNeeds),
    keepInPool: values.keepInPool === 'true',
  }
}

export function validateSignup(values: SignupValues) {
  const checked = validateWith<typeof JoinEventBodySchema, SignupField>(JoinEventBodySchema, signupBody(values))
  if (values.category !== '') return checked
  const errors: FieldErrors<SignupField> = { ...(checked.ok ? {} : checked.errors), category: '请选择报名类别' }
  return { ok: false as const, errors }
}

export interface SignupForm {
  form: FormState<SignupValues>
  /** The registration once it is recorded. */
  result: MyRegistration | null
}

/**
 * 我要报名: subscribe consent (报名结果、活动提醒) at the first submit tap, then joinEvent. One
 * idempotency key per form, reused when the user submits again after a failure: if the lost
 * attempt was recorded after all, the BFF answers with that registration instead of 您已报名该活动.
 */
export function useSignupForm(eventId: number | null): SignupForm {
  const { form, result } = useKeyedSubmission({
    initial: emptySignup,
    validate: validateSignup,
    send: (body, idempotencyKey) =>
      eventId === null ? Promise.reject(notFound()) : api.joinEvent({ params: { id: eventId }, body: { ...body, idempotencyKey } }),
    subscribeTo: ['REGISTRATION_RESULT', 'EVENT_REMINDER'],
  })
  return { form, result }
}
