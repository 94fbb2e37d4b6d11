// Gives staff pages one answer form (opinion, group or event opinion): values, checks against the shared AnswerBodySchema, and personal-data refusals to mask or override.
import { type AnswerBody, AnswerBodySchema, type PublicAnswer } from '@gm/shared'
import type { AnswerValues } from '../components/AnswerForm'
import { type FieldErrors, validateWith } from '../utils/form'
import { shanghaiToday } from '../utils/datetime'
import { type PublishingForm, usePublishingForm } from './usePersonalInfoOverride'

type AnswerField = keyof AnswerValues

/** The form's values for an existing answer, or a new one dated today (Asia/Shanghai). */
export function answerValues(
  answer: (Omit<PublicAnswer, 'reason'> & { reason: string | null }) | null | undefined,
  defaultDepartmentId?: number,
): AnswerValues {
  if (!answer)
    return { adoption: '', reason: '', content: '', departmentId: defaultDepartmentId ? String(defaultDepartmentId) : '', repliedOn: shanghaiToday() }
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

/**
 * One answer form (an opinion's, a group's or an event opinion's); REASON_REQUIRED from the server
 * lands on 理由. When the server refuses personal information in 答复内容 or 理由, staff mask it
 * there or send again with an override reason.
 */
export function useAnswerForm(initial: AnswerValues, submit: (body: AnswerBody) => Promise<void>): PublishingForm<AnswerValues> {
  return usePublishingForm<AnswerValues, AnswerBody>({ initial, validate: validateAnswer, submit, fieldOfCode: { REASON_REQUIRED: 'reason' } }, [
    'content',
    'reason',
  ])
}
