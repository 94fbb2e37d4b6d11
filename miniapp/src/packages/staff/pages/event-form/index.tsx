// 新建活动 / 修改活动 (EDITOR): the event's details, times (pickers), capacity, how attendees are chosen, the live-stream link and, for a lottery, its quotas.
import { Text, View } from '@tarojs/components'
import { type EventDetail, EventDraftBodySchema, type EventKind, eventKindLabels, type SelectionMode, selectionModeLabels } from '@gm/shared'
import { ActionButton } from '../../../../components/ActionButton'
import { ChoiceGroup } from '../../../../components/ChoiceGroup'
import { Chips } from '../../../../components/Chips'
import { DateTimeField } from '../../../../components/DateTimeField'
import { DecisionPicker } from '../../../../components/DecisionPicker'
import { FormField } from '../../../../components/FormField'
import { Notice } from '../../../../components/Notice'
import { PageShell } from '../../../../components/PageShell'
import { Section } from '../../../../components/Section'
import { StaffGate } from '../../../../components/StaffGate'
import { QuotaRows } from '../../../../components/QuotaRows'
import { TextAreaField } from '../../../../components/TextAreaField'
import { useDecisionList, useEventEditor, useMyDepartments, useRouteId, useStaffGate } from '../../../../hooks'
import { a11y } from '../../../../utils/a11y'
import { isoFromShanghai, shanghaiInputValue } from '../../../../utils/datetime'
import type { FieldErrors } from '../../../../utils/form'
import { type QuotaDraft, quotaIssueText, quotasOf } from '../../../../utils/quotas'
import './index.scss'

type Values = {
  kind: string
  title: string
  description: string
  place: string
  departmentId: string
  /** The 重大行政决策事项目录 entry the event belongs to ('' for none); the decision page lists it */
  decisionId: string
  startsAt: string
  endsAt: string
  signupOpensAt: string
  signupClosesAt: string
  capacity: string
  reservedSeats: string
  waitlistCapacity: string
  selectionMode: string
  eligibility: string
  /** 网络直播 (https) or '' */
  liveStreamUrl: string
  /** Holds the message about the quota rows (the rows themselves live beside the form) */
  drawQuotas: string
}
type Field = keyof Values

const initial: Values = {
  kind: '',
  title: '',
  description: '',
  place: '',
  departmentId: '',
  decisionId: '',
  startsAt: '',
  endsAt: '',
  signupOpensAt: '',
  signupClosesAt: '',
  capacity: '',
  reservedSeats: '0',
  waitlistCapacity: '0',
  selectionMode: '',
  eligibility: '',
  liveStreamUrl: '',
  drawQuotas: '',
}

/** The stored event as the form shows it (editing). */
export const valuesOf = (e: EventDetail): Values => ({
  kind: e.kind,
  title: e.title,
  description: e.description,
  place: e.place,
  departmentId: String(e.department.id),
  decisionId: e.decisionId === null ? '' : String(e.decisionId),
  startsAt: shanghaiInputValue(e.startsAt),
  endsAt: shanghaiInputValue(e.endsAt),
  signupOpensAt: shanghaiInputValue(e.signupOpensAt),
  signupClosesAt: shanghaiInputValue(e.signupClosesAt),
  capacity: String(e.capacity),
  reservedSeats: String(e.reservedSeats),
  waitlistCapacity: String(e.waitlistCapacity),
  selectionMode: e.selectionMode,
  eligibility: e.eligibility,
  liveStreamUrl: e.liveStreamUrl ?? '',
  drawQuotas: '',
})
const DATE_HINT = '请选择日期和时间（北京时间）'
const times: Field[] = ['startsAt', 'endsAt', 'signupOpensAt', 'signupClosesAt']
const numberOf = (text: string) => (/^\d+$/.test(text.trim()) ? Number(text.trim()) : undefined)

/** Check the form and the quota rows (sent only for 公开抽签) as the BFF will. */
export function validate(values: Values, quotaRows: readonly QuotaDraft[] = []) {
  const body = {
    kind: values.kind || undefined,
    title: values.title,
    description: values.description,
    place: values.place,
    departmentId: values.departmentId ? Number(values.departmentId) : undefined,
    decisionId: values.decisionId ? Number(values.decisionId) : null,
    startsAt: isoFromShanghai(values.startsAt),
    endsAt: isoFromShanghai(values.endsAt),
    signupOpensAt: isoFromShanghai(values.signupOpensAt),
    signupClosesAt: isoFromShanghai(values.signupClosesAt),
    capacity: numberOf(values.capacity),
    reservedSeats: numberOf(values.reservedSeats),
    waitlistCapacity: numberOf(values.waitlistCapacity),
    selectionMode: values.selectionMode || undefined,
    eligibility: values.eligibility,
    liveStreamUrl: values.liveStreamUrl.trim() || null,
    drawQuotas: values.selectionMode === 'LOTTERY' ? quotasOf(quotaRows) : [],
  }
  const errors: FieldErrors<Field> = {}
  const parsed = EventDraftBodySchema.safeParse(body)
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const name = String(issue.path[0] ?? '') as Field
      if (name && errors[name] === undefined) errors[name] = name === 'drawQuotas' ? quotaIssueText(issue.path.slice(1), issue.message) : issue.message
    }
  }
  if (!values.kind) errors.kind = '请选择活动类型'
  if (!values.selectionMode) errors.selectionMode = '请选择确定方式'
  if (!values.departmentId) errors.departmentId = '请选择主办单位'
  for (const name of times) if (!body[name]) errors[name] = DATE_HINT
  for (const name of ['capacity', 'reservedSeats', 'waitlistCapacity'] as const) if (body[name] === undefined) errors[name] = '请填写整数'
  return parsed.success && Object.keys(errors).length === 0 ? { ok: true as const, data: parsed.data } : { ok: false as const, errors }
}

/** 新建活动 (EDITOR; a reviewer publishes it), or 修改活动 with `?id=` (registrants are told of a new time or place). */
export default function EventFormPage() {
  const id = useRouteId()
  const gate = useStaffGate('EDITOR')
  const departments = useMyDepartments()
  const decisions = useDecisionList()
  const { form, existing, filled, quotaRows, setQuotaRows } = useEventEditor(id, gate.allowed, { initial, valuesOf, validate })
  const waiting = id !== null && !filled
  if (!gate.allowed || waiting) return <StaffGate gate={gate} className="gm-event-form" refusal="只有「编辑」角色可以创建和修改活动。" loading={existing} />
  const editing = existing.data ?? null
  const title = editing ? '修改活动' : '新建活动'
  const { values, errors } = form
  const text = (name: Field, label: string, hint?: string, max = 200) => (
    <FormField name={name} label={label} value={values[name]} hint={hint} maxlength={max} error={errors[name]} onInput={(v) => form.setField(name, v)} />
  )
  const time = (name: Field, label: string, hint?: string) => (
    <DateTimeField name={name} label={label} value={values[name]} hint={hint} error={errors[name]} onChange={(v) => form.setField(name, v)} />
  )
  return (
    <PageShell className="gm-event-form">
      <Text className="gm-page__title">{title}</Text>
      {editing && <Text className="gm-event-form__subject">{`活动：${editing.event.title}`}</Text>}
      {editing?.published && (
        <Notice tone="info">
          修改活动时间或地点后，每位报名人都会收到变更通知（小程序消息，已订阅的另发微信通知）。已入选人数、确定方式和已开始的报名时间不能违背。
        </Notice>
      )}
      <View {...a11y(title, 'form')}>
        <Section title="基本信息">
          <ChoiceGroup<EventKind>
            name="kind"
            label="活动类型"
            options={(Object.keys(eventKindLabels) as EventKind[]).map((k) => ({ value: k, label: eventKindLabels[k] }))}
            value={values.kind as EventKind | ''}
            error={errors.kind}
            onChange={(v) => form.setField('kind', v)}
          />
          {text('title', '活动名称')}
          <TextAreaField
            name="description"
            label="活动介绍"
            value={values.description}
            error={errors.description}
            onInput={(v) => form.setField('description', v)}
          />
          {text('place', '活动地点', '可附地图说明，如“（地图：高新区政务服务中心）”')}
          <View className="gm-event-form__group">
            <Text className="gm-event-form__label">主办单位</Text>
            <Chips<number>
              label="主办单位"
              allLabel="未选择"
              options={(departments.data ?? []).map((d) => ({ value: d.id, label: d.name }))}
              value={values.departmentId ? Number(values.departmentId) : undefined}
              onChange={(v) => form.setField('departmentId', v === undefined ? '' : String(v))}
            />
            {errors.departmentId && <Text className="gm-field__error">{errors.departmentId}</Text>}
          </View>
          <DecisionPicker
            decisions={decisions.data ?? []}
            value={values.decisionId}
            error={errors.decisionId}
            onChange={(v) => form.setField('decisionId', v)}
          />
          <TextAreaField
            name="eligibility"
            label="报名条件"
            value={values.eligibility}
            error={errors.eligibility}
            onInput={(v) => form.setField('eligibility', v)}
          />
        </Section>
        <Section title="时间">
          {time('startsAt', '活动开始', '北京时间')}
          {time('endsAt', '活动结束')}
          {time('signupOpensAt', '报名开始')}
          {time('signupClosesAt', '报名截止', '须在活动开始前')}
        </Section>
        <Section title="网络直播（可选）">{text('liveStreamUrl', '直播网址', '以 https:// 开头，活动页面向公众展示；不直播请留空', 500)}</Section>
        <Section title="名额与遴选">
          {text('capacity', '总席位', undefined, 5)}
          {text('reservedSeats', '预留席位', '如为媒体、受邀专家预留，不参与公开报名', 5)}
          {text('waitlistCapacity', '候补名额', '先报先得活动满员后可候补的人数', 5)}
          <ChoiceGroup<SelectionMode>
            name="selectionMode"
            label="确定方式"
            options={(Object.keys(selectionModeLabels) as SelectionMode[]).map((m) => ({ value: m, label: selectionModeLabels[m] }))}
            value={values.selectionMode as SelectionMode | ''}
            error={errors.selectionMode}
            onChange={(v) => form.setField('selectionMode', v)}
          />
        </Section>
        {values.selectionMode === 'LOTTERY' && (
          <Section title="分层配额（可选）">
            <QuotaRows
              rows={quotaRows}
              hint="配额随抽签承诺值在报名开始时公开，报名开始后（或有人报名后）不能更改；抽签时先按顺序满足各项配额，再按抽签顺序补足剩余名额。"
              error={errors.drawQuotas}
              onChange={(rows) => {
                setQuotaRows(rows)
                form.setField('drawQuotas', '')
              }}
            />
          </Section>
        )}
        {form.formError && <Notice tone="error">{form.formError.message}</Notice>}
        <ActionButton tone="primary" onPress={() => void form.handleSubmit()} busy={form.submitting} busyText="正在保存…">
          {editing ? '保存修改' : '保存活动（待发布）'}
        </ActionButton>
      </View>
    </PageShell>
  )
}
