import { type AnswerBody, AnswerBodySchema, type PublicAnswer, type UnmaskedSpan } from '@gm/shared'
import { useCallback, useRef } from 'react'
import type { AnswerPrivacy, AnswerValues } from '../components/AnswerForm'
import { type FieldErrors, validateWith } from '../utils/form'
import { shanghaiToday } from '../utils/datetime'
import { type FormState, useForm } from './useForm'
import { usePersonalInfoOverride } from './usePersonalInfoOverride'

type AnswerField = keyof AnswerValues

/** The form's values for an existing answer, or a new one dated today (Asia/Shanghai). */
export function answerValues(answer: (Omit<PublicAnswer, 'reason'> & { reason: string | null }) | null | undefined, defaultDepartmentId?: number): AnswerValues {
  if (!answer) return { adoption: '', reason: '', content: '', departmentId: defaultDepartmentId ? String(defaultDepartmentId) : '', repliedOn: shanghaiToday() }
  return {
    adoption: answer.adoption,
    reason: answer.reason ?? '',
    content: answer.content,
    departmentId: String(answer.department.id),
    repliedOn: shanghaiToday(answer.repliedAt),
  }
}

/**
 * The shared AnswerBodySchema decides (reason required for 部分采纳 / 不予采纳), with plain
 * questions for the two choices left empty.
 */
export function validateAnswer(values: AnswerValues) {
  const checked = validateWith<typeof AnswerBodySchema, AnswerField>(AnswerBodySchema, {
    adoption: values.adoption,
    reason: values.reason.trim() ? values.reason : null,
    content: values.content,
    departmentId: values.departmentId ? Number(values.departmentId) : undefined,
    repliedOn: values.repliedOn.trim(),
  })
  const missing: FieldErrors<AnswerField> = {}
  if (!values.adoption) missing.adoption = '请选择采纳情况'
  if (!values.departmentId) missing.departmentId = '请选择答复部门'
  if (Object.keys(missing).length === 0) return checked
  return { ok: false as const, errors: { ...(checked.ok ? {} : checked.errors), ...missing } }
}

/** What replaces personal information staff mask in their own answer. */
export const MASKED_TEXT = '【已隐去】'

/** A refused span's text field in the answer form, if it is one staff typed there. */
const answerField = (s: UnmaskedSpan): 'content' | 'reason' | null => (s.field === 'content' || s.field === 'reason' ? s.field : null)

export interface AnswerFormState extends FormState<AnswerValues> {
  /** PERSONAL_INFO_UNMASKED: the findings still in the text, 隐去 and 仍然公开 (pass to AnswerForm). */
  privacy: AnswerPrivacy
}

/**
 * One answer form (an opinion's, a group's or an event opinion's); REASON_REQUIRED from the server
 * lands on 理由. When the server refuses personal information, staff mask it in their text or
 * send again with an override reason.
 */
export function useAnswerForm(initial: AnswerValues, submit: (body: AnswerBody) => Promise<void>): AnswerFormState {
  const override = useRef<string | undefined>(undefined)
  const form = useForm<AnswerValues, AnswerBody>({
    initial,
    validate: validateAnswer,
    submit: (body) => submit(override.current ? { ...body, override: override.current } : body),
    fieldOfCode: { REASON_REQUIRED: 'reason' },
  })
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
  const onMask = useCallback(
    (span: UnmaskedSpan) => {
      const field = answerField(span)
      if (field) setField(field, values[field].replace(span.text, MASKED_TEXT))
    },
    [setField, values],
  )
  // A finding staff masked (or reworded) since the refusal is no longer listed.
  const unmasked = refusal.spans?.filter((s) => {
    const field = answerField(s)
    return field === null || values[field].includes(s.text)
  })
  return {
    ...form,
    privacy: { unmasked, reason: refusal.reason, onReason: refusal.setReason, onOverride, onMask, overriding: form.submitting },
  }
}
