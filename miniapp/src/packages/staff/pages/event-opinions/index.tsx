// 参加人员的意见 (staff: reviewers and administrators): record what attendees of a decision meeting said, correct or delete a record, and answer it.
import { Text, View } from '@tarojs/components'
import {
  type AnswerTemplate,
  chosenCategoryLabel,
  type Department,
  eventKindLabels,
  formatShanghaiDate,
  registrationStatusLabels,
  type SelectionMode,
  type StaffEventOpinion,
  staffRolesOf,
} from '@gm/shared'
import { useState } from 'react'
import type { ApiError } from '../../../../api'
import { ActionButton } from '../../../../components/ActionButton'
import { AnswerForm } from '../../../../components/AnswerForm'
import { AnswerView } from '../../../../components/AnswerView'
import { ConfirmDialog } from '../../../../components/ConfirmDialog'
import { EventOpinionCard } from '../../../../components/EventOpinionCard'
import { EventOpinionForm } from '../../../../components/EventOpinionForm'
import { ListState } from '../../../../components/ListState'
import { LoadGate } from '../../../../components/LoadGate'
import { Notice } from '../../../../components/Notice'
import { PageShell } from '../../../../components/PageShell'
import { Section } from '../../../../components/Section'
import { StaffGate } from '../../../../components/StaffGate'
import { WhenText } from '../../../../components/WhenText'
import {
  answerValues,
  type StaffRegistration,
  useEventOpinionAnswer,
  useEventOpinionDesk,
  useEventOpinionForm,
  useEventOpinionRemoval,
  useMyDepartments,
  useRouteId,
  useStaffGate,
} from '../../../../hooks'
import { chineseDate, templateChooser, useAnswerTemplates } from '../../../../hooks/useAnswerTemplates'
import { momentText, timeRangeParts } from '../../../../utils/format'
import './index.scss'

const attendeeLabel = (r: StaffRegistration) => `${r.name}（编号 ${r.publicCode}）`

/** A failure's field messages when there are any (VALIDATION_FAILED), else its message. */
const messageOf = (error: ApiError) => Object.values(error.fields).join('；') || error.message

interface AnswerProps {
  opinion: StaffEventOpinion
  /** The event's title, for a template's {{征集名称}}. */
  eventTitle: string
  /** 答复模板 in the reviewer's scope; the 答复部门's are offered. */
  templates: readonly AnswerTemplate[]
  departments: readonly Department[]
  defaultDepartmentId: number
  /** The outcome is public: answers can no longer change. */
  locked: boolean
  onChanged: (opinion: StaffEventOpinion) => void
}

/** 答复, with the same adoption model as a consultation's opinions (shared AnswerBodySchema). */
function Answer({ opinion, eventTitle, templates, departments, defaultDepartmentId, locked, onChanged }: AnswerProps) {
  const [editing, setEditing] = useState(opinion.answer === null)
  const form = useEventOpinionAnswer(opinion.id, answerValues(opinion.answer, defaultDepartmentId), (saved) => {
    onChanged(saved)
    setEditing(false)
  })
  // The same chooser as the opinion and group answers; an event opinion has no 回执编号.
  const chooser = templateChooser(templates, departments, form, {
    征集名称: eventTitle,
    收到日期: chineseDate(formatShanghaiDate(opinion.receivedAt)),
  })
  if (opinion.answer && (locked || !editing)) {
    return (
      <View className="gm-staff-event-opinions__answer">
        <Text className="gm-staff-event-opinions__answer-title">{locked ? '答复（已随会议结果公开）' : '答复（公开会议结果时一并公开）'}</Text>
        <AnswerView answer={opinion.answer} receivedAt={opinion.createdAt} />
        {!locked && <ActionButton onPress={() => setEditing(true)}>修改答复</ActionButton>}
      </View>
    )
  }
  if (locked) return null
  return (
    <AnswerForm
      values={form.values}
      errors={form.errors}
      formError={form.formError ? messageOf(form.formError) : undefined}
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

/** 记录意见 for one event, or with `editing` 修改 of a recorded opinion (then `onCancel` leaves the form); 报名类别 in an attendee's hint only where the event's `selectionMode` asked for one. */
function Record({
  eventId,
  selectionMode,
  attendees,
  attendeesFailed,
  onRecorded,
  editing,
  onCancel,
}: {
  eventId: number
  selectionMode: SelectionMode
  attendees: readonly StaffRegistration[]
  attendeesFailed: boolean
  onRecorded: (o: StaffEventOpinion) => void
  editing?: StaffEventOpinion
  onCancel?: () => void
}) {
  const form = useEventOpinionForm(eventId, onRecorded, editing)
  return (
    <View>
      {form.recorded && !editing && <Notice tone="success">已记录。请在上方「已记录的意见」中答复。</Notice>}
      <EventOpinionForm
        values={form.values}
        errors={form.errors}
        formError={form.formError ? messageOf(form.formError) : undefined}
        submitting={form.submitting}
        attendees={attendees.map((r) => ({
          id: r.id,
          label: attendeeLabel(r),
          hint: [registrationStatusLabels[r.status], chosenCategoryLabel(selectionMode, r.category)].filter(Boolean).join(' · '),
        }))}
        attendeesFailed={attendeesFailed}
        recordedText={form.recordedText}
        suggestions={form.suggestions}
        confirmed={form.confirmed}
        onToggleMask={form.toggleMask}
        review={{
          extras: form.extras,
          onDismissReason: form.setDismissReason,
          onAddManual: form.addManual,
          onRemoveManual: form.removeManual,
          unmasked: form.unmasked,
          overrideReason: form.overrideReason,
          onOverrideReason: form.setOverrideReason,
          onOverride: form.submitWithOverride,
          overriding: form.submitting,
        }}
        onChange={form.setField}
        onSubmit={() => void form.handleSubmit()}
        onCancel={onCancel}
      />
    </View>
  )
}

/** 参加人员意见 of one event (the roles its endpoints admit: reviewers, administrators): record what attendees said and answer each before the outcome is published. */
export default function StaffEventOpinionsPage() {
  const id = useRouteId()
  const gate = useStaffGate(...staffRolesOf('listEventOpinions'))
  const desk = useEventOpinionDesk(id, gate.allowed)
  const departments = useMyDepartments()
  const templates = useAnswerTemplates(gate.allowed)
  const { event, opinions } = desk
  const [editingId, setEditingId] = useState<number | null>(null)
  const [deleting, setDeleting] = useState<StaffEventOpinion | null>(null)
  const removal = useEventOpinionRemoval((removed) => {
    opinions.drop(removed)
    setDeleting(null)
  })

  if (!gate.allowed) return <StaffGate gate={gate} className="gm-staff-event-opinions" refusal="只有「审核」角色和管理员可以记录和答复参加人员的意见。" />
  const { me } = gate

  const list = (eventId: number, selectionMode: SelectionMode, eventTitle: string, locked: boolean) => {
    if (opinions.data === undefined)
      return <ListState status={opinions.error ? 'error' : 'loading'} errorMessage={opinions.error?.message} onRetry={() => void opinions.reload()} />
    if (opinions.data.length === 0) return <ListState status="empty" emptyText={locked ? '本次活动没有记录参加人员的意见' : '还没有记录意见'} />
    const unanswered = opinions.data.filter((o) => o.answer === null).length
    return (
      <View>
        <Text className="gm-staff-event-opinions__count">{`共 ${opinions.data.length} 条，待答复 ${unanswered} 条`}</Text>
        {!locked && unanswered === 0 && <Notice tone="success">全部意见已答复，可以回到活动页面公开会议结果。</Notice>}
        {opinions.data.map((o) => {
          const r = desk.registrationOf(o.registrationId)
          const attendee = r ? attendeeLabel(r) : o.registrationId !== null ? `报名 #${o.registrationId}` : null
          if (!locked && editingId === o.id) {
            return (
              <Section key={o.id} title={`修改记录：${attendee ?? '未关联报名人员'}`}>
                <Record
                  eventId={eventId}
                  selectionMode={selectionMode}
                  attendees={desk.attendees}
                  attendeesFailed={desk.attendeesFailed}
                  editing={o}
                  onRecorded={(saved) => {
                    opinions.put(saved)
                    setEditingId(null)
                  }}
                  onCancel={() => setEditingId(null)}
                />
              </Section>
            )
          }
          return (
            <EventOpinionCard key={o.id} opinion={o} attendee={attendee}>
              {!locked && (
                <View className="gm-staff-event-opinions__record-actions">
                  <ActionButton onPress={() => setEditingId(o.id)}>修改记录</ActionButton>
                  <ActionButton tone="danger" onPress={() => setDeleting(o)}>
                    删除记录
                  </ActionButton>
                </View>
              )}
              <Answer
                opinion={o}
                eventTitle={eventTitle}
                templates={templates.data ?? []}
                departments={departments.data ?? []}
                defaultDepartmentId={me.department.id}
                locked={locked}
                onChanged={opinions.put}
              />
            </EventOpinionCard>
          )
        })}
      </View>
    )
  }

  return (
    <PageShell className="gm-staff-event-opinions">
      <LoadGate data={event.data} loading={event.loading} error={event.error} onRetry={() => void event.reload()}>
        {({ event: e }) => {
          const locked = e.outcome !== null
          return (
            <View>
              <Text className="gm-staff-event-opinions__kind">{eventKindLabels[e.kind]}</Text>
              <Text className="gm-page__title">{e.title}</Text>
              <WhenText className="gm-staff-event-opinions__meta" parts={timeRangeParts(e.startsAt, e.endsAt)} />
              {e.outcome ? (
                <Notice tone="info">{`会议结果已于 ${momentText(e.outcome.publishedAt)} 公开，以下意见及答复已一并公开（隐去个人信息），不能再补录或修改。`}</Notice>
              ) : (
                <Notice tone="info">记录参加人员在活动中提出的意见并逐条答复。全部答复后才能公开会议结果，意见的公开文本和答复将随会议结果一并公开。</Notice>
              )}
              <Section title="已记录的意见">{list(e.id, e.selectionMode, e.title, locked)}</Section>
              {deleting && (
                <ConfirmDialog
                  title="删除这条意见记录？"
                  confirmText="删除"
                  danger
                  busy={removal.running}
                  onConfirm={() => void removal.run(deleting.id)}
                  onCancel={() => setDeleting(null)}
                >
                  <Text>{`「${deleting.publishedText.slice(0, 40)}」将从本次活动的意见中删除（记入审计日志），其答复一并删除。`}</Text>
                  {removal.error && <Notice tone="error">{removal.error.message}</Notice>}
                </ConfirmDialog>
              )}
              {!locked && (
                <Section title="记录意见">
                  <Record
                    eventId={e.id}
                    selectionMode={e.selectionMode}
                    attendees={desk.attendees}
                    attendeesFailed={desk.attendeesFailed}
                    onRecorded={opinions.put}
                  />
                </Section>
              )}
            </View>
          )
        }}
      </LoadGate>
    </PageShell>
  )
}
