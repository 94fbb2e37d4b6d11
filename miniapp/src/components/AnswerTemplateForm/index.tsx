// The form of one 答复模板: department, name, text with the placeholders offered as insertable chips, and a preview with example values.
import { Text, View } from '@tarojs/components'
import { answerTemplatePlaceholders, type AnswerTemplatePlaceholder, type Department, fillAnswerTemplate } from '@gm/shared'
import { a11y } from '../../utils/a11y'
import type { FieldErrors } from '../../utils/form'
import { ActionButton } from '../ActionButton'
import { Chips } from '../Chips'
import { FormField } from '../FormField'
import { TextAreaField } from '../TextAreaField'
import './index.scss'

export type AnswerTemplateFormValues = { departmentId: string; title: string; body: string }

export interface AnswerTemplateFormProps {
  values: AnswerTemplateFormValues
  errors: FieldErrors<keyof AnswerTemplateFormValues>
  departments: readonly Department[]
  editing: boolean
  saving: boolean
  formError?: string
  onChange: (name: keyof AnswerTemplateFormValues, value: string) => void
  onSave: () => void
  onCancel: () => void
}

/** What the preview puts in place of each placeholder. */
const EXAMPLE: Record<AnswerTemplatePlaceholder, string> = {
  称呼: '市民朋友',
  征集名称: '某某条例（征求意见稿）',
  收到日期: '2026年11月21日',
  答复部门: '市某某局',
  答复日期: '2026年12月1日',
  回执编号: 'YJ20261121-0001',
}

export function AnswerTemplateForm({ values, errors, departments, editing, saving, formError, onChange, onSave, onCancel }: AnswerTemplateFormProps) {
  const names = Object.keys(answerTemplatePlaceholders) as AnswerTemplatePlaceholder[]
  return (
    <View className="gm-answer-template-form">
      <View className="gm-answer-template-form__group">
        <Text className="gm-answer-template-form__label">所属部门</Text>
        <Chips<number>
          label="所属部门"
          allLabel="未选择"
          options={departments.map((d) => ({ value: d.id, label: d.name }))}
          value={values.departmentId ? Number(values.departmentId) : undefined}
          onChange={(id) => onChange('departmentId', id === undefined ? '' : String(id))}
        />
        {errors.departmentId && <Text className="gm-field__error">{errors.departmentId}</Text>}
      </View>
      <FormField name="templateTitle" label="模板名称" value={values.title} maxlength={40} error={errors.title} onInput={(v) => onChange('title', v)} />
      <TextAreaField
        name="templateBody"
        label="模板内容"
        value={values.body}
        hint="点下方的占位符插入；套用时自动替换为该条意见的内容，替换后仍可修改"
        error={errors.body}
        count={{ current: values.body.length, max: 2000 }}
        tall
        onInput={(v) => onChange('body', v)}
      />
      <View className="gm-answer-template-form__placeholders" {...a11y('插入占位符', 'group')}>
        {names.map((name) => (
          <Text
            key={name}
            className="gm-answer-template-form__placeholder"
            onClick={() => onChange('body', `${values.body}{{${name}}}`)}
            {...a11y(`插入 {{${name}}}：${answerTemplatePlaceholders[name]}`, 'button')}
          >
            {`{{${name}}}`}
          </Text>
        ))}
      </View>
      {values.body.trim() && (
        <View className="gm-answer-template-form__preview">
          <Text className="gm-answer-template-form__label">预览（示例内容）</Text>
          <Text className="gm-answer-template-form__preview-text">{fillAnswerTemplate(values.body, EXAMPLE)}</Text>
        </View>
      )}
      {formError && <Text className="gm-field__error">{formError}</Text>}
      <ActionButton tone="primary" busy={saving} busyText="正在保存…" onPress={onSave}>
        {editing ? '保存修改' : '新增模板'}
      </ActionButton>
      {editing && <ActionButton onPress={onCancel}>放弃修改，新建模板</ActionButton>}
    </View>
  )
}
