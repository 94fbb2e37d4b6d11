// The Q&A item form: question, similar questions, answer, topic, department, and the policy document and clause it rests on.
import { Text, View } from '@tarojs/components'
import { type Department, QA_ANSWER_MAX } from '@gm/shared'
import { useState } from 'react'
import type { ApiError } from '../../api'
import type { PolicyChoice, QaItemValues } from '../../hooks/useQaItemEditor'
import { a11y } from '../../utils/a11y'
import type { FieldErrors } from '../../utils/form'
import { ActionButton } from '../ActionButton'
import { ChoiceGroup } from '../ChoiceGroup'
import { Chips } from '../Chips'
import { ListState } from '../ListState'
import { Notice } from '../Notice'
import { SearchBar } from '../SearchBar'
import { Section } from '../Section'
import { TextAreaField } from '../TextAreaField'
import './index.scss'

type Field = keyof QaItemValues

export interface QaItemFormProps {
  values: QaItemValues
  errors: FieldErrors<Field>
  formError?: ApiError | null
  submitting: boolean
  topics: readonly string[]
  departments: readonly Department[]
  /** The loaded answer has formatting (links, bold) that changing it as plain text would drop. */
  richAnswer: boolean
  policy: PolicyChoice | null
  /** Results of the last policy search: undefined before any, null while none was asked. */
  policyResults: readonly PolicyChoice[] | null | undefined
  policyError?: ApiError | null
  searchingPolicies: boolean
  clauses: readonly { id: number; label: string }[] | null | undefined
  submitLabel: string
  onChange: (name: Field, value: string) => void
  onSearchPolicies: (q: string) => void
  onChoosePolicy: (policy: PolicyChoice | null) => void
  onSubmit: () => void
}

function FieldError({ message }: { message?: string }) {
  return message ? (
    <Text className="gm-field__error" {...a11y(undefined, 'alert')}>
      {message}
    </Text>
  ) : null
}

/** 问题、相似问法、答案, then 主题 and 答复单位, then the policy document and clause it rests on. */
export function QaItemForm(props: QaItemFormProps) {
  const { values, errors, onChange, policy, policyResults, clauses } = props
  const [keyword, setKeyword] = useState('')
  return (
    <View className="gm-qa-form" {...a11y('问答条目', 'form')}>
      <Section title="问答内容">
        <TextAreaField
          name="question"
          label="问题"
          value={values.question}
          placeholder="用群众常用的说法提问"
          error={errors.question}
          onInput={(v) => onChange('question', v)}
        />
        <TextAreaField
          name="aliases"
          label="相似问法（选填）"
          value={values.aliases}
          hint="每行一条，最多 20 条，帮助群众用不同说法也能查到"
          error={errors.aliases}
          onInput={(v) => onChange('aliases', v)}
        />
        <TextAreaField
          name="answer"
          label="答案"
          value={values.answer}
          hint="每行为一段"
          tall
          count={{ current: values.answer.length, max: QA_ANSWER_MAX }}
          error={errors.answer}
          onInput={(v) => onChange('answer', v)}
        />
        {props.richAnswer && <Notice tone="info">答案含有加粗、链接或列表等格式。不改动答案时格式保持不变；改动后将按纯文本保存。</Notice>}
      </Section>

      <Section title="分类">
        <View className="gm-qa-form__group gm-qa-form__group--topic">
          <Text className="gm-qa-form__label">主题</Text>
          {props.topics.length > 0 ? (
            <Chips<string>
              label="主题"
              allLabel="未选择"
              options={props.topics.map((t) => ({ value: t, label: t }))}
              value={values.topic || undefined}
              onChange={(v) => onChange('topic', v ?? '')}
            />
          ) : (
            <Text className="gm-qa-form__hint">主题列表为空，请联系审核人员先新增主题</Text>
          )}
          <FieldError message={errors.topic} />
        </View>
        <View className="gm-qa-form__group gm-qa-form__group--department">
          <Text className="gm-qa-form__label">答复单位</Text>
          <Chips<number>
            label="答复单位"
            allLabel="不指定"
            options={props.departments.map((d) => ({ value: d.id, label: d.name }))}
            value={values.departmentId ? Number(values.departmentId) : undefined}
            onChange={(v) => onChange('departmentId', v === undefined ? '' : String(v))}
          />
          <FieldError message={errors.departmentId} />
        </View>
      </Section>

      <Section title="政策依据（选填）">
        {policy ? (
          <View className="gm-qa-form__policy">
            <Text className="gm-qa-form__policy-title">{`已选：${policy.title || '正在加载…'}${policy.docNumber ? `（${policy.docNumber}）` : ''}`}</Text>
            <ActionButton onPress={() => props.onChoosePolicy(null)}>不引用政策文件</ActionButton>
            <View className="gm-qa-form__group gm-qa-form__group--clause">
              <Text className="gm-qa-form__label">条款</Text>
              {clauses === undefined ? (
                <ListState status="loading" />
              ) : (
                <Chips<number>
                  label="条款"
                  allLabel="不引用具体条款"
                  options={(clauses ?? []).map((c) => ({ value: c.id, label: c.label }))}
                  value={values.clauseId ? Number(values.clauseId) : undefined}
                  onChange={(v) => onChange('clauseId', v === undefined ? '' : String(v))}
                />
              )}
              <FieldError message={errors.clauseId} />
            </View>
          </View>
        ) : (
          <Text className="gm-qa-form__hint">引用政策文件后，文件修改或废止时本条会提示复核。</Text>
        )}
        <FieldError message={errors.policyDocumentId} />
        <SearchBar value={keyword} placeholder="按标题或文号查找政策文件" onInput={setKeyword} onSearch={props.onSearchPolicies} />
        {props.searchingPolicies && <ListState status="loading" />}
        {props.policyError && <Notice tone="error">{props.policyError.message}</Notice>}
        {policyResults && policyResults.length === 0 && <ListState status="empty" emptyText="没有找到相应的政策文件" />}
        {policyResults && policyResults.length > 0 && (
          <ChoiceGroup<string>
            name="policyDocumentId"
            label="查找结果"
            options={policyResults.map((p) => ({ value: String(p.id), label: p.title, hint: p.docNumber }))}
            value={values.policyDocumentId}
            onChange={(v) => props.onChoosePolicy(policyResults.find((p) => String(p.id) === v) ?? null)}
          />
        )}
      </Section>

      {props.formError && <Notice tone="error">{props.formError.message}</Notice>}
      <ActionButton tone="primary" className="gm-qa-form__submit" onPress={props.onSubmit} busy={props.submitting} busyText="正在保存…">
        {props.submitLabel}
      </ActionButton>
    </View>
  )
}
