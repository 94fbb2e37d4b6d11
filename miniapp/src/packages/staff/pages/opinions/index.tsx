// 审核与答复 (staff, reviewers and administrators): one consultation's opinions — masks, approval or hiding, answers.
import { Text, View } from '@tarojs/components'
import { type AnswerTemplate, type Department, formatShanghaiDate, type StaffOpinion } from '@gm/shared'
import { useState } from 'react'
import { ActionButton } from '../../../../components/ActionButton'
import { AnswerForm } from '../../../../components/AnswerForm'
import { AnswerView } from '../../../../components/AnswerView'
import { FormField } from '../../../../components/FormField'
import { confirmedMasks, dismissalsOf, MaskReview, type MaskReviewExtras, masksByHand, suggestionsBeside } from '../../../../components/MaskReview'
import { Notice } from '../../../../components/Notice'
import { PagedList } from '../../../../components/PagedList'
import { PageShell } from '../../../../components/PageShell'
import { StaffOpinionCard } from '../../../../components/StaffOpinionCard'
import { StaffGate } from '../../../../components/StaffGate'
import { Tabs } from '../../../../components/Tabs'
import {
  answerValues,
  type OpinionQueue,
  useModeration,
  useMyDepartments,
  useOpinionAnswer,
  usePersonalInfoOverride,
  useRouteId,
  useStaffConsultation,
  useStaffGate,
  useStaffOpinions,
} from '../../../../hooks'
import { chineseDate, templateChooser, useAnswerTemplates } from '../../../../hooks/useAnswerTemplates'
import './index.scss'

const queues = [
  { value: 'pending', label: '待审核' },
  { value: 'unanswered', label: '待答复' },
  { value: 'all', label: '全部' },
] as const

interface ItemProps {
  opinion: StaffOpinion
  departments: readonly Department[]
  defaultDepartmentId: number
  onChanged: (opinion: StaffOpinion) => void
  /** 答复模板 in the reviewer's scope, and the consultation's title for {{征集名称}}. */
  templates: readonly AnswerTemplate[]
  consultationTitle: string | undefined
  /** Once the consultation's feedback is public, a moderation can no longer change. */
  feedbackPublished: boolean
}

/**
 * 审核: confirm each suggested mask, dismiss a wrong one with a reason, mask what detection missed
 * (preview shows the published text), approve — or, when the server still finds personal
 * information, approve anyway with a reason — or hide with a reason. Moderating an opinion again
 * starts from its stored masks: those the detector gives as they are come back as ticked suggestions,
 * the others (by hand) stay masks by hand.
 */
function Moderation({ opinion, onChanged }: Pick<ItemProps, 'opinion' | 'onChanged'>) {
  const [{ suggestions, manual }] = useState(() => {
    const byHand = masksByHand(opinion.masks, opinion.suggestedMasks)
    return { suggestions: suggestionsBeside(opinion.suggestedMasks, byHand), manual: byHand }
  })
  const [confirmed, setConfirmed] = useState<boolean[]>(() => suggestions.map(() => true))
  const [extras, setExtras] = useState<MaskReviewExtras>(() => ({ dismissReasons: suggestions.map(() => ''), manual }))
  const [overrideReason, setOverrideReason] = useState('')
  const [hideReason, setHideReason] = useState('')
  const [hideError, setHideError] = useState<string | undefined>()
  const { approve, hide } = useModeration(opinion, onChanged)
  const approveWith = (override?: string) =>
    approve.run({
      masks: confirmedMasks(suggestions, confirmed, extras.manual),
      dismissals: dismissalsOf(suggestions, confirmed, extras.dismissReasons),
      ...(override ? { override } : {}),
    })
  const unmasked = usePersonalInfoOverride(approve.error, approve.running).spans
  const busy = approve.running || hide.running
  return (
    <View className="gm-staff-opinions__moderation">
      <MaskReview
        rawText={opinion.rawText}
        suggestions={suggestions}
        confirmed={confirmed}
        onToggle={(i, v) => setConfirmed((c) => c.map((x, j) => (j === i ? v : x)))}
        extras={extras}
        onDismissReason={(i, reason) => setExtras((e) => ({ ...e, dismissReasons: e.dismissReasons.map((r, j) => (j === i ? reason : r)) }))}
        onAddManual={(span) => setExtras((e) => ({ ...e, manual: [...e.manual, span] }))}
        onRemoveManual={(i) => setExtras((e) => ({ ...e, manual: e.manual.filter((_, j) => j !== i) }))}
        unmasked={unmasked}
        overrideReason={overrideReason}
        onOverrideReason={setOverrideReason}
        onOverride={() => void approveWith(overrideReason.trim())}
        overriding={approve.running}
      />
      {approve.error && !unmasked && <Notice tone="error">{Object.values(approve.error.fields).join('；') || approve.error.message}</Notice>}
      <ActionButton
        tone="primary"
        className="gm-staff-opinions__approve"
        onPress={() => void approveWith(undefined)}
        busy={approve.running}
        busyText="正在提交…"
        disabled={busy}
      >
        {suggestions.length + extras.manual.length > 0 ? '确认隐去并通过' : '审核通过'}
      </ActionButton>
      <FormField
        name={`hideReason-${opinion.id}`}
        label="不予公开的理由"
        value={hideReason}
        hint="如：与本草案无关、含有违法或不当内容"
        maxlength={200}
        error={hideError ?? (hide.error ? Object.values(hide.error.fields).join('；') || hide.error.message : undefined)}
        onInput={(v) => {
          setHideReason(v)
          setHideError(undefined)
        }}
      />
      <ActionButton
        tone="danger"
        onPress={() => (hideReason.trim().length < 2 ? setHideError('请填写不予公开的理由') : void hide.run(hideReason))}
        busy={hide.running}
        busyText="正在提交…"
        disabled={busy}
      >
        不予公开
      </ActionButton>
    </View>
  )
}

/** 答复: the shared AnswerBodySchema decides, so a missing reason for 部分采纳 / 不予采纳 shows at 理由. */
function Answer({ opinion, departments, defaultDepartmentId, onChanged, templates, consultationTitle }: ItemProps) {
  const [editing, setEditing] = useState(opinion.answer === null)
  const form = useOpinionAnswer(opinion.id, answerValues(opinion.answer, defaultDepartmentId), (saved) => {
    onChanged(saved)
    setEditing(false)
  })
  // The answering department's templates (all in scope until one is chosen); answers are public: 称呼 is never the person's name.
  const chooser = templateChooser(templates, departments, form, {
    征集名称: consultationTitle,
    收到日期: chineseDate(formatShanghaiDate(opinion.receivedAt)),
    回执编号: opinion.receiptCode,
  })
  if (!editing && opinion.answer) {
    return (
      <View className="gm-staff-opinions__answer">
        <Text className="gm-staff-opinions__answer-title">{`答复（修改 ${opinion.answer.revisions} 次，公开采纳情况前仅内部可见）`}</Text>
        <AnswerView answer={opinion.answer} receivedAt={opinion.createdAt} />
        <ActionButton onPress={() => setEditing(true)}>修改答复</ActionButton>
      </View>
    )
  }
  return (
    <AnswerForm
      values={form.values}
      errors={form.errors}
      formError={form.formError?.message}
      submitting={form.submitting}
      departments={departments}
      onChange={form.setField}
      onSubmit={() => void form.handleSubmit()}
      privacy={form.privacy}
      templates={chooser.offered}
      onUseTemplate={chooser.use}
    />
  )
}

function OpinionItem(props: ItemProps) {
  const { opinion } = props
  /** 重新审核 (until the feedback is public): the same review, from the stored masks. */
  const [again, setAgain] = useState(false)
  const onModerated = (changed: StaffOpinion) => {
    setAgain(false)
    props.onChanged(changed)
  }
  return (
    <StaffOpinionCard opinion={opinion}>
      {opinion.moderation === 'PENDING' || again ? (
        <View>
          <Moderation opinion={opinion} onChanged={onModerated} />
          {again && <ActionButton onPress={() => setAgain(false)}>不重新审核</ActionButton>}
        </View>
      ) : (
        <View>
          <Text className="gm-staff-opinions__label">{opinion.moderation === 'APPROVED' ? '公开文本' : '原文（不予公开）'}</Text>
          <Text className="gm-staff-opinions__text" userSelect>
            {opinion.moderation === 'APPROVED' ? (opinion.publishedText ?? '') : opinion.rawText}
          </Text>
          {!props.feedbackPublished && <ActionButton onPress={() => setAgain(true)}>重新审核</ActionButton>}
          {opinion.group && <Notice tone="info">{`已归入集中意见「${opinion.group.title}」：集中意见的答复将代替本条的答复。`}</Notice>}
          <Answer {...props} />
        </View>
      )}
    </StaffOpinionCard>
  )
}

/** 审核与答复 for one consultation (REVIEWER, and administrators). */
export default function StaffOpinionsPage() {
  const id = useRouteId()
  const gate = useStaffGate('REVIEWER', 'ADMIN')
  const [queue, setQueue] = useState<OpinionQueue>('pending')
  const list = useStaffOpinions(gate.allowed ? id : null, queue)
  const departments = useMyDepartments()
  const templates = useAnswerTemplates(gate.allowed)
  const consultation = useStaffConsultation(gate.allowed ? id : null)

  if (!gate.allowed) return <StaffGate gate={gate} className="gm-staff-opinions" refusal="只有「审核」角色和管理员可以审核和答复意见。" />
  const { me } = gate
  return (
    <PageShell className="gm-staff-opinions">
      {consultation.data && <Text className="gm-staff-opinions__subject">{`意见征集：${consultation.data.detail.title}`}</Text>}
      <Tabs label="意见队列" options={queues} value={queue} onChange={setQueue} />
      <PagedList
        items={list.data}
        status={list.status}
        keyOf={(o) => o.id}
        renderItem={(o) => (
          <OpinionItem
            opinion={o}
            departments={departments.data ?? []}
            defaultDepartmentId={me.department.id}
            onChanged={list.replace}
            templates={templates.data ?? []}
            consultationTitle={consultation.data?.detail.title}
            feedbackPublished={consultation.data?.detail.feedbackPublished ?? true}
          />
        )}
        errorMessage={list.error?.message}
        emptyText={queue === 'pending' ? '没有待审核的意见' : queue === 'unanswered' ? '没有待答复的意见' : '还没有收到意见'}
        onRetry={list.retry}
        onLoadMore={list.loadMore}
      />
    </PageShell>
  )
}
