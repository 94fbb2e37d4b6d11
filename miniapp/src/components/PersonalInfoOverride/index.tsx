// 仍然公开（需填写理由）: the findings the server refused to publish (PERSONAL_INFO_UNMASKED) and the override form.
import { Text, View } from '@tarojs/components'
import { OverrideReasonSchema, type UnmaskedSpan } from '@gm/shared'
import { useState } from 'react'
import { ActionButton } from '../ActionButton'
import { FormField } from '../FormField'
import { Notice } from '../Notice'
import './index.scss'

export interface PersonalInfoOverrideProps {
  /** `details.spans` of PERSONAL_INFO_UNMASKED: what would still be published. */
  spans: readonly UnmaskedSpan[]
  /** How to fix it instead (mask, reword, dismiss), shown before the override. */
  hint?: string
  /** A finding's line, e.g. 「意见 #12 手机号：138…」; by default 「手机号：138…」. */
  describe?: (span: UnmaskedSpan) => string
  /** With this, each finding offers 隐去 (e.g. replace it by 【已隐去】 in staff's own text). */
  onMask?: (span: UnmaskedSpan) => void
  reason: string
  onReason: (reason: string) => void
  /** Called with the checked reason (trimmed) only when the shared OverrideReasonSchema accepts it. */
  onOverride: (reason: string) => void
  overriding?: boolean
}

const describeSpan = (s: UnmaskedSpan) => `${s.label}：${s.text}`

/** The first message of the shared rule for an override reason, or undefined when it is acceptable. */
export function overrideReasonError(reason: string): string | undefined {
  const checked = OverrideReasonSchema.safeParse(reason)
  return checked.success ? undefined : (checked.error.issues[0]?.message ?? '请填写仍然公开的理由')
}

/**
 * Lists the personal information still shown and offers either to mask it or, after a reason the
 * shared schema accepts (audited, shown to administrators), 仍然公开. Presentational: the caller
 * re-sends its request with `override`.
 */
export function PersonalInfoOverride({
  spans,
  hint = '请隐去这些内容；确需公开时：',
  describe = describeSpan,
  onMask,
  reason,
  onReason,
  onOverride,
  overriding = false,
}: PersonalInfoOverrideProps) {
  const [open, setOpen] = useState(false)
  const [error, setError] = useState<string | undefined>()
  const submit = () => {
    const problem = overrideReasonError(reason)
    setError(problem)
    if (!problem) onOverride(reason.trim())
  }
  return (
    <View className="gm-pi-override" role="alert">
      <Text className="gm-pi-override__title">以下个人信息仍未隐去，暂不能公开：</Text>
      {spans.map((s, i) => (
        <View key={`${s.opinionId ?? ''}-${s.field}-${s.start}-${s.end}-${i}`} className="gm-pi-override__item">
          <Text className="gm-pi-override__text">{describe(s)}</Text>
          {onMask && (
            <ActionButton className="gm-pi-override__mask" onPress={() => onMask(s)}>
              隐去
            </ActionButton>
          )}
        </View>
      ))}
      <Text className="gm-pi-override__hint">{hint}</Text>
      {!open ? (
        <ActionButton tone="danger" className="gm-pi-override__open" onPress={() => setOpen(true)}>
          仍然公开（需填写理由）
        </ActionButton>
      ) : (
        <View className="gm-pi-override__form">
          <FormField
            name="override-reason"
            label="仍然公开的理由"
            value={reason}
            hint="理由和您的账号将记入审计日志，管理员可见"
            error={error}
            maxlength={500}
            onInput={(v) => {
              onReason(v)
              setError(undefined)
            }}
            onConfirm={submit}
          />
          <ActionButton tone="danger" className="gm-pi-override__submit" onPress={submit} busy={overriding} busyText="正在提交…">
            确认仍然公开
          </ActionButton>
        </View>
      )}
    </View>
  )
}

/** A form's side of a PERSONAL_INFO_UNMASKED refusal (see usePublishingForm): undefined `unmasked` before any. */
export interface PersonalInfoRefusal extends Pick<PersonalInfoOverrideProps, 'reason' | 'onReason' | 'onOverride' | 'onMask' | 'overriding'> {
  unmasked: readonly UnmaskedSpan[] | undefined
}

export interface FormFailureProps extends Pick<PersonalInfoOverrideProps, 'hint' | 'describe'> {
  /** The form's message for any other failure. */
  formError?: string
  privacy?: PersonalInfoRefusal
  /** Said once staff masked every finding: what to press again. */
  maskedText?: string
}

/** Where a publishing form shows why it failed: the findings with 隐去 / 仍然公开, or the message. */
export function FormFailure({ formError, privacy, hint, describe, maskedText = '已隐去，请再次提交。' }: FormFailureProps) {
  if (privacy?.unmasked) {
    if (privacy.unmasked.length === 0) return <Notice tone="info">{maskedText}</Notice>
    return (
      <PersonalInfoOverride
        spans={privacy.unmasked}
        hint={hint}
        describe={describe}
        reason={privacy.reason}
        onReason={privacy.onReason}
        onOverride={privacy.onOverride}
        onMask={privacy.onMask}
        overriding={privacy.overriding}
      />
    )
  }
  return formError ? <Notice tone="error">{formError}</Notice> : null
}
