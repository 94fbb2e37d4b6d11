// Staff actions on a policy question: answer or decline with a reason (personal-data override included), and 加入问答库 for an answered one.
import { Text, View } from '@tarojs/components'
import {
  type AnswerPolicyQuestionBody,
  AnswerPolicyQuestionBodySchema,
  type Department,
  PromotePolicyQuestionBodySchema,
  type StaffPolicyQuestion,
  type UnmaskedSpan,
} from '@gm/shared'
import { useState } from 'react'
import type { ApiError } from '../../api'
import { type FieldErrors, validateWith } from '../../utils/form'
import { maskIn, spansStillIn, unmaskedSpansOf } from '../../utils/personalInfo'
import { ActionButton } from '../ActionButton'
import { ChoiceGroup } from '../ChoiceGroup'
import { FormField } from '../FormField'
import { Notice } from '../Notice'
import { PersonalInfoOverride } from '../PersonalInfoOverride'
import { TextAreaField } from '../TextAreaField'
import './index.scss'

type Mode = 'idle' | 'answer' | 'decline' | 'promote'
type Field = 'answer' | 'departmentId' | 'reason' | 'question' | 'topic'

export interface PolicyQuestionStaffActionsProps {
  question: StaffPolicyQuestion
  departments: readonly Department[]
  /** The reviewer's own department, chosen first. */
  defaultDepartmentId: number
  busy: boolean
  error?: ApiError
  onAnswer: (body: AnswerPolicyQuestionBody) => Promise<boolean>
  /** `override`: 仍然公开 after PERSONAL_INFO_UNMASKED, with the reviewer's reason (audited). */
  onPromote: (body: { question: string; topic: string; answer?: string; override?: string }) => Promise<boolean>
  onOpenItem: (id: number) => void
}

/** 答复 / 不予答复 (with a reason) for a pending question, 加入问答库 for an answered one. */
export function PolicyQuestionStaffActions({
  question: q,
  departments,
  defaultDepartmentId,
  busy,
  error,
  onAnswer,
  onPromote,
  onOpenItem,
}: PolicyQuestionStaffActionsProps) {
  const [mode, setMode] = useState<Mode>('idle')
  const [values, setValues] = useState({
    answer: '',
    departmentId: String(defaultDepartmentId),
    reason: '',
    question: q.text.slice(0, 300),
    topic: q.topic ?? '',
  })
  const [errors, setErrors] = useState<FieldErrors<Field>>({})
  const set = (name: Field, value: string) => {
    setValues((v) => ({ ...v, [name]: value }))
    setErrors((e) => ({ ...e, [name]: undefined }))
  }

  const submitAnswer = async (decision: 'ANSWER' | 'DECLINE') => {
    const body =
      decision === 'ANSWER' ? { decision, answer: values.answer, departmentId: Number(values.departmentId) || 0 } : { decision, reason: values.reason }
    const checked = validateWith<typeof AnswerPolicyQuestionBodySchema, Field>(AnswerPolicyQuestionBodySchema, body)
    if (!checked.ok) {
      setErrors(checked.errors)
      return
    }
    if (await onAnswer(checked.data)) setMode('idle')
  }

  const [overrideReason, setOverrideReason] = useState('')
  const submitPromote = async (override?: string) => {
    const checked = validateWith<typeof PromotePolicyQuestionBodySchema, Field>(PromotePolicyQuestionBodySchema, {
      question: values.question,
      topic: values.topic,
      ...(values.answer.trim() ? { answer: values.answer } : {}),
    })
    if (!checked.ok) {
      setErrors(checked.errors)
      return
    }
    const { question, topic, answer } = checked.data
    if (await onPromote({ question, topic, ...(answer ? { answer } : {}), ...(override ? { override } : {}) })) setMode('idle')
  }

  const failure = error && <Notice tone="error">{error.message}</Notice>
  const cancel = (
    <ActionButton onPress={() => setMode('idle')} disabled={busy}>
      取消
    </ActionButton>
  )

  if (q.status === 'PENDING') {
    if (mode === 'answer') {
      return (
        <View className="gm-policy-question-actions">
          <TextAreaField
            name="answer"
            label="答复内容"
            value={values.answer}
            placeholder="请写明依据的政策和办理方式"
            error={errors.answer}
            tall
            onInput={(v) => set('answer', v)}
          />
          <ChoiceGroup<string>
            name="departmentId"
            label="答复单位"
            options={departments.map((d) => ({ value: String(d.id), label: d.name }))}
            value={values.departmentId}
            error={errors.departmentId}
            onChange={(v) => set('departmentId', v)}
          />
          {failure}
          <ActionButton tone="primary" busy={busy} busyText="正在提交…" onPress={() => void submitAnswer('ANSWER')}>
            提交答复
          </ActionButton>
          {cancel}
        </View>
      )
    }
    if (mode === 'decline') {
      return (
        <View className="gm-policy-question-actions">
          <TextAreaField
            name="reason"
            label="不予答复的理由"
            value={values.reason}
            placeholder="将告知提问人"
            error={errors.reason}
            onInput={(v) => set('reason', v)}
          />
          {failure}
          <ActionButton tone="danger" busy={busy} busyText="正在提交…" onPress={() => void submitAnswer('DECLINE')}>
            确认不予答复
          </ActionButton>
          {cancel}
        </View>
      )
    }
    return (
      <View className="gm-policy-question-actions gm-policy-question-actions--row">
        {failure}
        <ActionButton tone="primary" onPress={() => setMode('answer')}>
          答复
        </ActionButton>
        <ActionButton onPress={() => setMode('decline')}>不予答复</ActionButton>
      </View>
    )
  }

  if (q.status === 'ANSWERED') {
    if (q.promotedItemId) {
      const itemId = q.promotedItemId
      return (
        <View className="gm-policy-question-actions">
          <Text className="gm-policy-question-actions__done">已收入问答库</Text>
          <ActionButton onPress={() => onOpenItem(itemId)}>查看问答</ActionButton>
        </View>
      )
    }
    if (mode === 'promote') {
      // The library item is public: what the server still finds in the question or the answer used.
      const ownAnswer = values.answer.trim() ? values.answer : undefined
      const refused = spansStillIn(unmaskedSpansOf(error), { question: values.question, ...(ownAnswer ? { answer: ownAnswer } : {}) })
      const mask = (span: UnmaskedSpan) => {
        if (span.field === 'question') set('question', maskIn(values.question, span))
        if (span.field === 'answer') set('answer', maskIn(ownAnswer ?? q.answer ?? '', span))
      }
      return (
        <View className="gm-policy-question-actions">
          <Text className="gm-policy-question-actions__hint">请改写为通用的问法，去掉提问人的个人信息。答案留空则使用原答复。</Text>
          <TextAreaField name="question" label="问题" value={values.question} error={errors.question} onInput={(v) => set('question', v)} />
          <FormField
            name="topic"
            label="主题"
            value={values.topic}
            placeholder="如：养老"
            maxlength={20}
            error={errors.topic}
            onInput={(v) => set('topic', v)}
          />
          <TextAreaField
            name="answer"
            label="答案（选填）"
            value={values.answer}
            placeholder="留空则使用原答复"
            error={errors.answer}
            onInput={(v) => set('answer', v)}
          />
          {refused
            ? refused.length > 0 && (
                <PersonalInfoOverride
                  spans={refused}
                  describe={(s) => `${s.field === 'question' ? '问题' : '答案'} · ${s.label}：${s.text}`}
                  hint="问答将向社会公开：请点「隐去」或改写后再加入；确需公开时："
                  onMask={mask}
                  reason={overrideReason}
                  onReason={setOverrideReason}
                  onOverride={(reason) => void submitPromote(reason)}
                  overriding={busy}
                />
              )
            : failure}
          <ActionButton tone="primary" busy={busy} busyText="正在加入…" onPress={() => void submitPromote()}>
            确认加入问答库
          </ActionButton>
          {cancel}
        </View>
      )
    }
    return (
      <View className="gm-policy-question-actions">
        {failure}
        <ActionButton onPress={() => setMode('promote')}>加入问答库</ActionButton>
      </View>
    )
  }
  return null
}
