// The staff answer form: 采纳情况 with what each means, the reason where required, department, reply date and reply text, with personal-data review.
import { Text, View } from '@tarojs/components'
import { type Adoption, adoptionDefinitions, adoptionLabels, adoptionNeedsReason, adoptions, type Department, type UnmaskedSpan } from '@gm/shared'
import type { FieldErrors } from '../../utils/form'
import { ActionButton } from '../ActionButton'
import { AnswerTemplatePicker } from '../AnswerTemplatePicker'
import { ChoiceGroup } from '../ChoiceGroup'
import { Chips } from '../Chips'
import { FormField } from '../FormField'
import { FormFailure, type PersonalInfoRefusal } from '../PersonalInfoOverride'
import { TextAreaField } from '../TextAreaField'
import './index.scss'

export type AnswerValues = { adoption: string; reason: string; content: string; departmentId: string; repliedOn: string }

export interface AnswerFormProps {
  values: AnswerValues
  errors: FieldErrors<keyof AnswerValues>
  formError?: string
  submitting: boolean
  departments: readonly Department[]
  onChange: (name: keyof AnswerValues, value: string) => void
  onSubmit: () => void
  submitLabel?: string
  /** After PERSONAL_INFO_UNMASKED: what is still unmasked, 隐去 and 仍然公开. */
  privacy?: PersonalInfoRefusal
  /** 答复模板 the staff member may use here; choosing one calls onUseTemplate (the page fills 答复内容). */
  templates?: readonly { id: number; title: string }[]
  onUseTemplate?: (id: number) => void
}

const fieldNames: Record<string, string> = { content: '答复内容', reason: '理由' }
const describe = (s: UnmaskedSpan) => `${fieldNames[s.field] ?? ''}${fieldNames[s.field] ? ' · ' : ''}${s.label}：${s.text}`

/** 答复: 采纳情况 (with what each means), the reason where required, department, date, reply. */
export function AnswerForm({
  values,
  errors,
  formError,
  submitting,
  departments,
  onChange,
  onSubmit,
  submitLabel = '保存答复',
  privacy,
  templates,
  onUseTemplate,
}: AnswerFormProps) {
  const needsReason = values.adoption !== '' && adoptionNeedsReason(values.adoption as Adoption)
  return (
    <View className="gm-answer-form">
      <ChoiceGroup<Adoption>
        name="adoption"
        label="采纳情况"
        options={adoptions.map((a) => ({ value: a, label: adoptionLabels[a], hint: adoptionDefinitions[a] }))}
        value={values.adoption as Adoption | ''}
        error={errors.adoption}
        onChange={(v) => onChange('adoption', v)}
      />
      <TextAreaField
        name="reason"
        label={needsReason ? '理由（必填）' : '理由或说明（选填）'}
        value={values.reason}
        hint="部分采纳、不予采纳必须说明理由，理由将随答复一并公开"
        error={errors.reason}
        onInput={(v) => onChange('reason', v)}
      />
      {templates && onUseTemplate && <AnswerTemplatePicker templates={templates} onUse={onUseTemplate} />}
      <TextAreaField name="content" label="答复内容" value={values.content} error={errors.content} onInput={(v) => onChange('content', v)} />
      <View className="gm-answer-form__group">
        <Text className="gm-answer-form__label">答复部门</Text>
        <Chips<number>
          label="答复部门"
          allLabel="未选择"
          options={departments.map((d) => ({ value: d.id, label: d.name }))}
          value={values.departmentId ? Number(values.departmentId) : undefined}
          onChange={(id) => onChange('departmentId', id === undefined ? '' : String(id))}
        />
        {errors.departmentId && <Text className="gm-field__error">{errors.departmentId}</Text>}
      </View>
      <FormField
        name="repliedOn"
        label="答复日期"
        value={values.repliedOn}
        hint="格式：2026-11-21（北京时间）"
        maxlength={10}
        error={errors.repliedOn}
        onInput={(v) => onChange('repliedOn', v)}
      />
      <FormFailure
        formError={formError}
        privacy={privacy}
        describe={describe}
        hint="答复和理由将公开：请点「隐去」或自行改写后再保存；确需公开时："
        maskedText="已隐去，请再次保存。"
      />
      <ActionButton tone="primary" onPress={onSubmit} busy={submitting} busyText="正在保存…">
        {submitLabel}
      </ActionButton>
    </View>
  )
}
