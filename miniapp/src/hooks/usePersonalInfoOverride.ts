// The state behind 仍然公开（需填写理由）: the spans of a PERSONAL_INFO_UNMASKED refusal and the reason typed.
import type { UnmaskedSpan } from '@gm/shared'
import { useCallback, useRef, useState } from 'react'
import type { ApiError } from '../api'
import type { PersonalInfoRefusal } from '../components/PersonalInfoOverride'
import { maskIn, spansStillIn, unmaskedSpansOf } from '../utils/personalInfo'
import { type FormOptions, type FormState, useForm } from './useForm'

export interface PersonalInfoOverrideState {
  /** What the server refused to publish; kept on screen while the override is being sent. */
  spans: UnmaskedSpan[] | undefined
  reason: string
  setReason: (reason: string) => void
  clear: () => void
}

/** Follows the refusals of one publishing request (`error`, `running` of its action or form). */
export function usePersonalInfoOverride(error: ApiError | null | undefined, running: boolean): PersonalInfoOverrideState {
  const [reason, setReason] = useState('')
  const [shown, setShown] = useState<UnmaskedSpan[] | undefined>(undefined)
  const current = unmaskedSpansOf(error)
  // Derived state (React's pattern for it): the last refusal stays while the request is re-sent.
  if (current !== shown && (current !== undefined || !running)) setShown(current)
  const clear = useCallback(() => {
    setReason('')
    setShown(undefined)
  }, [])
  return { spans: current ?? (running ? shown : undefined), reason, setReason, clear }
}

export interface PublishingForm<V extends Record<string, string>> extends FormState<V> {
  /** PERSONAL_INFO_UNMASKED: the findings still in the text, 隐去 and 仍然公开 (for FormFailure / AnswerForm). */
  privacy: PersonalInfoRefusal
}

/**
 * A form whose text is published: when the server refuses personal information, staff mask it in
 * their text (`textFields`, named as the refusal's `field`) or send the same body again with `override`.
 */
export function usePublishingForm<V extends Record<string, string>, T extends object>(
  options: FormOptions<V, T>,
  textFields: readonly Extract<keyof V, string>[],
): PublishingForm<V> {
  const override = useRef<string | undefined>(undefined)
  const { submit } = options
  const form = useForm<V, T>({ ...options, submit: (body) => submit(override.current ? { ...body, override: override.current } : body) })
  const { values, setField, handleSubmit } = form
  const refusal = usePersonalInfoOverride(form.formError, form.submitting)
  const onOverride = useCallback(
    (reason: string) => {
      override.current = reason
      void handleSubmit().finally(() => {
        override.current = undefined
      })
    },
    [handleSubmit],
  )
  const fieldOf = (span: UnmaskedSpan) => textFields.find((f) => f === span.field)
  const onMask = (span: UnmaskedSpan) => {
    const field = fieldOf(span)
    if (field) setField(field, maskIn(values[field], span))
  }
  const unmasked = spansStillIn(refusal.spans, Object.fromEntries(textFields.map((f) => [f, values[f]])))
  return { ...form, privacy: { unmasked, reason: refusal.reason, onReason: refusal.setReason, onOverride, onMask, overriding: form.submitting } }
}
