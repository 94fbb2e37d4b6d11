// 活动报名 for citizens: 我的报名 with cancelling, the public lottery record, and the 我要报名 form.
import { type DrawRecord, JoinEventBodySchema, type MyRegistration, type SelectionMode, type SignupFields, signupFieldsFor } from '@gm/shared'
import { useCallback, useEffect, useRef, useState } from 'react'
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
/** Until the event's mode is known, every question counts. */
const everyQuestion: SignupFields = { category: true, balancing: true, pool: true }

/** The contract body: empty optional fields and the questions the event's selection mode does not ask are left out. */
export function signupBody(values: SignupValues, asked: SignupFields = everyQuestion) {
  return {
    name: values.name,
    phone: values.phone,
    category: asked.category ? optional(values.category) : undefined,
    region: asked.balancing ? optional(values.region) : undefined,
    sector: asked.balancing ? optional(values.sector) : undefined,
    ageBand: asked.balancing ? optional(values.ageBand) : undefined,
    gender: asked.balancing ? optional(values.gender) : undefined,
    accessibilityNeeds: optional(values.accessibilityNeeds),
    keepInPool: asked.pool ? values.keepInPool === 'true' : undefined,
  }
}

export function validateSignup(values: SignupValues, asked: SignupFields = everyQuestion) {
  const checked = validateWith<typeof JoinEventBodySchema, SignupField>(JoinEventBodySchema, signupBody(values, asked))
  if (!asked.category || values.category !== '') return checked
  const errors: FieldErrors<SignupField> = { ...(checked.ok ? {} : checked.errors), category: '请选择报名类别' }
  return { ok: false as const, errors }
}

export interface SignupForm {
  form: FormState<SignupValues>
  /** The registration once it is recorded. */
  result: MyRegistration | null
  /** The questions the event's selection mode asks (all until it is known). */
  asked: SignupFields
  /** True once fields were filled in from the citizen's previous signup or profile. */
  prefilled: boolean
}

/**
 * 我要报名: subscribe consent (报名结果、活动提醒) at the first submit tap, then joinEvent. One
 * idempotency key per form, reused when the user submits again after a failure: if the lost
 * attempt was recorded after all, the BFF answers with that registration instead of 您已报名该活动.
 */
export function useSignupForm(eventId: number | null, selectionMode?: SelectionMode): SignupForm {
  const asked = selectionMode ? signupFieldsFor(selectionMode) : everyQuestion
  const { form, result } = useKeyedSubmission({
    initial: emptySignup,
    validate: (values) => validateSignup(values, asked),
    send: (body, idempotencyKey) =>
      eventId === null ? Promise.reject(notFound()) : api.joinEvent({ params: { id: eventId }, body: { ...body, idempotencyKey } }),
    subscribeTo: ['REGISTRATION_RESULT', 'EVENT_REMINDER'],
  })
  const prefilled = usePrefill(form)
  return { form, result, asked, prefilled }
}

/** Known details (the latest signup's, else the profile's phone) fill the fields still empty, once per signed-in citizen; nothing is lost when they are not there. */
function usePrefill(form: FormState<SignupValues>): boolean {
  const { me } = useSession()
  const citizenId = me?.kind === 'citizen' ? me.id : null
  const [prefilled, setPrefilled] = useState(false)
  const values = useRef(form.values)
  values.current = form.values
  const { setField } = form
  useEffect(() => {
    if (citizenId === null) return
    let live = true
    api
      .getSignupDefaults()
      .then((known) => {
        if (!live) return
        let filled = false
        for (const [field, value] of Object.entries(known) as [SignupField, string | null][]) {
          if (value && values.current[field] === '') {
            setField(field, value)
            filled = true
          }
        }
        setPrefilled(filled)
      })
      .catch(() => undefined) // the form simply starts empty
    return () => {
      live = false
    }
  }, [citizenId, setField])
  return prefilled
}
