// The 记录意见 form for an event: which attendee raised it, the text and date, and the masks that make the published text.
import { View } from '@tarojs/components'
import type { FieldErrors } from '../../utils/form'
import { ActionButton } from '../ActionButton'
import { type Choice, ChoiceGroup } from '../ChoiceGroup'
import { FormField } from '../FormField'
import { MaskReview, type MaskReviewProps, type MaskSuggestion } from '../MaskReview'
import { Notice } from '../Notice'
import { TextAreaField } from '../TextAreaField'
import './index.scss'

/** The 提出人 value when the speaker is not one of the registrations (主持人转述, 未报名的发言人). */
export const NO_REGISTRATION = 'none'

/** `registrationId` is a registration's id as text, or NO_REGISTRATION; `receivedOn` the 收到日期 (YYYY-MM-DD). */
export type EventOpinionValues = { registrationId: string; text: string; receivedOn: string }

export const EVENT_OPINION_MAX_CHARS = 2000

export interface AttendeeOption {
  id: number
  /** 「张寅（编号 K7Q2）」 */
  label: string
  /** 「已签到 · 利益相关方」 */
  hint?: string
}

export interface EventOpinionFormProps {
  values: EventOpinionValues
  errors: FieldErrors<keyof EventOpinionValues>
  formError?: string
  submitting: boolean
  attendees: readonly AttendeeOption[]
  /** The registrations could not be loaded: say so, the opinion can still be recorded unlinked. */
  attendeesFailed?: boolean
  /** The text the masks refer to (as it will be recorded), its detected personal information and staff's choice. */
  recordedText: string
  suggestions: readonly MaskSuggestion[]
  confirmed: readonly boolean[]
  onToggleMask: (index: number, confirmed: boolean) => void
  /** Dismissals with a reason, manual masks and 仍然公开 (see MaskReview). */
  review?: Pick<
    MaskReviewProps,
    'extras' | 'onDismissReason' | 'onAddManual' | 'onRemoveManual' | 'unmasked' | 'overrideReason' | 'onOverrideReason' | 'onOverride' | 'overriding'
  >
  onChange: (name: keyof EventOpinionValues, value: string) => void
  onSubmit: () => void
  /** Correcting a recorded opinion: the submit button says 保存修改, and 取消 leaves the form. */
  onCancel?: () => void
}

/** 记录意见: who raised it, what was said, and exactly what will be published once masked. */
export function EventOpinionForm(props: EventOpinionFormProps) {
  const {
    values,
    errors,
    formError,
    submitting,
    attendees,
    attendeesFailed,
    recordedText,
    suggestions,
    confirmed,
    onToggleMask,
    review,
    onChange,
    onSubmit,
    onCancel,
  } = props
  const options: Choice<string>[] = [
    ...attendees.map((a) => ({ value: String(a.id), label: a.label, hint: a.hint })),
    { value: NO_REGISTRATION, label: '不关联报名人员', hint: '如主持人转述、现场未报名的发言人' },
  ]
  return (
    <View className="gm-event-opinion-form">
      {attendeesFailed && <Notice tone="info">报名名单暂时无法加载，可以先不关联报名人员记录意见。</Notice>}
      <ChoiceGroup<string>
        name="registrationId"
        label="提出人"
        options={options}
        value={values.registrationId}
        error={errors.registrationId}
        onChange={(v) => onChange('registrationId', v)}
      />
      <TextAreaField
        name="text"
        label="意见内容"
        value={values.text}
        hint="按发言人原意记录。公开前将隐去下方确认的个人信息。"
        error={errors.text}
        count={{ current: values.text.trim().length, max: EVENT_OPINION_MAX_CHARS }}
        tall
        onInput={(v) => onChange('text', v)}
      />
      <FormField
        name="receivedOn"
        label="收到日期"
        value={values.receivedOn}
        placeholder="2026-12-01"
        hint="座谈会召开或来信收到的日期；答复日期不能早于此日"
        maxlength={10}
        error={errors.receivedOn}
        onInput={(v) => onChange('receivedOn', v)}
      />
      {recordedText !== '' && <MaskReview rawText={recordedText} suggestions={suggestions} confirmed={confirmed} onToggle={onToggleMask} {...review} />}
      {formError && !review?.unmasked && <Notice tone="error">{formError}</Notice>}
      <ActionButton
        tone="primary"
        className="gm-event-opinion-form__submit"
        onPress={onSubmit}
        busy={submitting}
        busyText={onCancel ? '正在保存…' : '正在记录…'}
      >
        {onCancel ? '保存修改' : '记录意见'}
      </ActionButton>
      {onCancel && (
        <ActionButton className="gm-event-opinion-form__submit" onPress={onCancel} disabled={submitting}>
          取消修改
        </ActionButton>
      )}
    </View>
  )
}
