// Gives a page a form that keeps its input, checks it before sending, and shows server errors by field and one message for the rest.
import { useCallback, useRef, useState } from 'react'
import { ApiError, toApiError } from '../api'
import { type FieldErrors, serverFieldErrors, type Validation } from '../utils/form'

export interface FormOptions<V extends Record<string, string>, T> {
  initial: V
  /** Check the values before sending (usually `validateWith(SharedSchema, …)`). */
  validate: (values: V) => Validation<T, Extract<keyof V, string>>
  submit: (data: T) => Promise<void>
  /** Error codes that belong to one field, e.g. `{ WRONG_PASSWORD: 'currentPassword' }`. */
  fieldOfCode?: Partial<Record<string, Extract<keyof V, string>>>
}

export interface FormState<V extends Record<string, string>> {
  values: V
  errors: FieldErrors<Extract<keyof V, string>>
  /** A failure that belongs to no single field (LOGIN_FAILED, RATE_LIMITED, network…). */
  formError: ApiError | null
  submitting: boolean
  setField: (name: Extract<keyof V, string>, value: string) => void
  /** Validate, then submit; what the user typed stays whatever happens. */
  handleSubmit: () => Promise<void>
  reset: () => void
  /** Fill the form with stored values (editing what exists), clearing errors. */
  load: (values: V) => void
}

/** A form that keeps its input, shows field errors inline and one message for the rest. */
export function useForm<V extends Record<string, string>, T>({ initial, validate, submit, fieldOfCode = {} }: FormOptions<V, T>): FormState<V> {
  type K = Extract<keyof V, string>
  const [values, setValues] = useState<V>(initial)
  const [errors, setErrors] = useState<FieldErrors<K>>({})
  const [formError, setFormError] = useState<ApiError | null>(null)
  const [submitting, setSubmitting] = useState(false)
  const busy = useRef(false)
  const latest = useRef({ values, validate, submit, fieldOfCode })
  latest.current = { values, validate, submit, fieldOfCode }

  const setField = useCallback((name: K, value: string) => {
    setValues((v) => ({ ...v, [name]: value }))
    setErrors((e) => (e[name] === undefined ? e : { ...e, [name]: undefined }))
  }, [])

  const handleSubmit = useCallback(async () => {
    if (busy.current) return
    const { values: current, validate: check, submit: send, fieldOfCode: codeFields } = latest.current
    const checked = check(current)
    if (!checked.ok) {
      setErrors(checked.errors)
      setFormError(null)
      return
    }
    busy.current = true
    setSubmitting(true)
    setErrors({})
    setFormError(null)
    try {
      await send(checked.data)
    } catch (cause) {
      const error = toApiError(cause)
      const names = Object.keys(current) as K[]
      const field = codeFields[error.code]
      const fieldErrors = field ? ({ [field]: error.message } as FieldErrors<K>) : serverFieldErrors(error.fields, names)
      if (Object.keys(fieldErrors).length > 0) setErrors(fieldErrors)
      else setFormError(error)
    } finally {
      busy.current = false
      setSubmitting(false)
    }
  }, [])

  const reset = useCallback(() => {
    setValues(initial)
    setErrors({})
    setFormError(null)
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the initial values of the first render
  }, [])

  const load = useCallback((stored: V) => {
    setValues(stored)
    setErrors({})
    setFormError(null)
  }, [])

  return { values, errors, formError, submitting, setField, handleSubmit, reset, load }
}
