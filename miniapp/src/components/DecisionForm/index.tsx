// The 决策事项 form: year, name, summary, department, planned time, participation methods and the stages, with errors inline.
import { Text, View } from '@tarojs/components'
import type { DecisionStageKind, Department } from '@gm/shared'
import type { ApiError } from '../../api'
import type { DecisionErrors, DecisionValues, StageDraft } from '../../utils/decisionForm'
import { a11y } from '../../utils/a11y'
import { ActionButton } from '../ActionButton'
import { Chips } from '../Chips'
import { DecisionStagesEditor } from '../DecisionStagesEditor'
import { FormField } from '../FormField'
import { ListState } from '../ListState'
import { Notice } from '../Notice'
import { Section } from '../Section'
import { TextAreaField } from '../TextAreaField'
import './index.scss'

export interface DecisionFormProps {
  values: DecisionValues
  stages: readonly StageDraft[]
  errors: DecisionErrors
  formError?: ApiError | null
  submitting: boolean
  departments: readonly Department[]
  /** The departments could not be loaded: shown with 重新加载 under 承办单位. */
  departmentsError?: ApiError | null
  onRetryDepartments?: () => void
  submitLabel: string
  onChange: (name: keyof DecisionValues, value: string) => void
  onStageChange: (kind: DecisionStageKind, patch: Partial<Omit<StageDraft, 'kind'>>) => void
  onSubmit: () => void
}

/** 决策事项: what is decided, by whom and when, how the public takes part, then its stages. */
export function DecisionForm(props: DecisionFormProps) {
  const { values, errors, onChange } = props
  const invalid = Object.values(errors).some(Boolean)
  return (
    <View className="gm-decision-form" {...a11y('决策事项', 'form')}>
      <Section title="基本信息">
        <FormField
          name="year"
          label="年度"
          value={values.year}
          placeholder="2026"
          hint="列入哪一年度的决策事项目录"
          maxlength={4}
          error={errors.year}
          onInput={(v) => onChange('year', v)}
        />
        <FormField name="title" label="事项名称" value={values.title} maxlength={200} error={errors.title} onInput={(v) => onChange('title', v)} />
        <TextAreaField
          name="summary"
          label="事项简介"
          value={values.summary}
          placeholder="决策要解决什么问题、主要内容"
          error={errors.summary}
          onInput={(v) => onChange('summary', v)}
        />
        <View className="gm-decision-form__group gm-decision-form__group--department">
          <Text className="gm-decision-form__label">承办单位</Text>
          <Chips<number>
            label="承办单位"
            allLabel="未选择"
            options={props.departments.map((d) => ({ value: d.id, label: d.name }))}
            value={values.departmentId ? Number(values.departmentId) : undefined}
            onChange={(v) => onChange('departmentId', v === undefined ? '' : String(v))}
          />
          {props.departmentsError && (
            <ListState status="error" errorMessage={`承办单位加载失败：${props.departmentsError.message}`} onRetry={props.onRetryDepartments} />
          )}
          {errors.departmentId && (
            <Text className="gm-field__error" {...a11y(undefined, 'alert')}>
              {errors.departmentId}
            </Text>
          )}
        </View>
        <FormField
          name="plannedDecisionAt"
          label="计划决策时间"
          value={values.plannedDecisionAt}
          placeholder="2026年第四季度"
          hint="如“2026年第四季度”“2026年10月”"
          maxlength={40}
          error={errors.plannedDecisionAt}
          onInput={(v) => onChange('plannedDecisionAt', v)}
        />
        <FormField
          name="participationMethods"
          label="公众参与方式（选填）"
          value={values.participationMethods}
          placeholder="网上征求意见、座谈会、听证会"
          hint="多种方式用顿号“、”隔开，最多 10 种"
          maxlength={250}
          error={errors.participationMethods}
          onInput={(v) => onChange('participationMethods', v)}
        />
      </Section>

      <Section title="决策阶段">
        <Text className="gm-decision-form__hint">勾选已经或将要进行的阶段。保存时各阶段整体替换：取消勾选的阶段将从目录中去掉。</Text>
        <DecisionStagesEditor stages={props.stages} errors={errors} onChange={props.onStageChange} />
      </Section>

      {invalid && <Notice tone="error">请按提示修改标红的内容后再保存。</Notice>}
      {props.formError && <Notice tone="error">{props.formError.message}</Notice>}
      <ActionButton tone="primary" className="gm-decision-form__submit" onPress={props.onSubmit} busy={props.submitting} busyText="正在保存…">
        {props.submitLabel}
      </ActionButton>
    </View>
  )
}
