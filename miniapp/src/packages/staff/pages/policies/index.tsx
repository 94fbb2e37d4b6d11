// 政策文件管理 (staff): documents in a table beside the selected one — its text, validity (有效/修改/废止/失效), interpretations with their 3-working-day deadline, and the Q&A items resting on it.
import { Text, View } from '@tarojs/components'
import { interpretationKindLabels, type PolicyValidity, policyValidityLabels, type StaffPolicy } from '@gm/shared'
import { useEffect, useState } from 'react'
import { ActionButton } from '../../../../components/ActionButton'
import { Badge } from '../../../../components/Badge'
import { ChoiceGroup } from '../../../../components/ChoiceGroup'
import { DateField } from '../../../../components/DateField'
import { FormField } from '../../../../components/FormField'
import { ListState } from '../../../../components/ListState'
import { Notice } from '../../../../components/Notice'
import { PageShell } from '../../../../components/PageShell'
import { Section } from '../../../../components/Section'
import { StaffGate } from '../../../../components/StaffGate'
import { TextAreaField } from '../../../../components/TextAreaField'
import { useStaffGate } from '../../../../hooks'
import {
  emptyInterpretation,
  emptyPolicyDraft,
  interpretationDue,
  type InterpretationValues,
  type PolicyDraftValues,
  policyDraftValuesOf,
  useStaffPolicyDesk,
  type ValidityValues,
} from '../../../../hooks/usePolicyLibrary'
import { openPage, routes } from '../../../../navigation'
import { a11y } from '../../../../utils/a11y'
import { dateInWords } from '../../../../utils/format'
import './index.scss'

const statusLabels: Record<string, string> = { DRAFT: '草稿', PUBLISHED: '已发布', WITHDRAWN: '已撤回' }
const validityOptions = (Object.keys(policyValidityLabels) as PolicyValidity[]).map((value) => ({ value, label: policyValidityLabels[value] }))

function DocumentForm({ initial, onSave, busy }: { initial: PolicyDraftValues; onSave: (v: PolicyDraftValues) => void; busy: boolean }) {
  const [v, setV] = useState(initial)
  useEffect(() => setV(initial), [initial])
  const set = (key: keyof PolicyDraftValues) => (value: string) => setV((old) => ({ ...old, [key]: value }))
  return (
    <View className="gm-staff-policies__form">
      <FormField name="title" label="标题" value={v.title} onInput={set('title')} maxlength={200} />
      <FormField name="issuer" label="发文机关" value={v.issuer} onInput={set('issuer')} />
      <FormField name="docNumber" label="文号" value={v.docNumber} onInput={set('docNumber')} placeholder="如 某府发〔2026〕1号" />
      <DateField name="writtenOn" label="成文日期" value={v.writtenOn} onChange={set('writtenOn')} />
      <DateField name="publishedOn" label="发布日期" value={v.publishedOn} onChange={set('publishedOn')} />
      <FormField name="topic" label="主题" value={v.topic} onInput={set('topic')} maxlength={20} />
      <TextAreaField name="summary" label="摘要" value={v.summary} onInput={set('summary')} />
      <TextAreaField name="text" label="全文（条款之间空一行，每条首行为条款标题）" value={v.text} onInput={set('text')} tall />
      <ActionButton tone="primary" busy={busy} busyText="保存中…" onPress={() => onSave(v)}>
        保存文件
      </ActionButton>
    </View>
  )
}

function ValidityForm({ policy, onChange, busy }: { policy: StaffPolicy; onChange: (v: ValidityValues) => void; busy: boolean }) {
  const [v, setV] = useState<ValidityValues>({ validity: policy.validity, effectiveOn: '', replacedById: '', note: '' })
  return (
    <View className="gm-staff-policies__validity">
      <ChoiceGroup name="validity" label="效力状态" options={validityOptions} value={v.validity} onChange={(validity) => setV({ ...v, validity })} inline />
      <DateField name="effectiveOn" label="生效日期" value={v.effectiveOn} onChange={(effectiveOn) => setV({ ...v, effectiveOn })} />
      <FormField
        name="replacedById"
        label="替代文件编号（可选）"
        value={v.replacedById}
        onInput={(replacedById) => setV({ ...v, replacedById })}
        hint="修改或废止后的现行文件在本库中的编号"
      />
      <TextAreaField name="validityNote" label="说明" value={v.note} onInput={(note) => setV({ ...v, note })} />
      <ActionButton tone="danger" busy={busy} busyText="变更中…" onPress={() => onChange(v)}>
        变更效力状态
      </ActionButton>
    </View>
  )
}

function InterpretationForm({ initial, onSave, busy }: { initial: InterpretationValues; onSave: (v: InterpretationValues) => void; busy: boolean }) {
  const [v, setV] = useState(initial)
  useEffect(() => setV(initial), [initial])
  const set = (key: keyof InterpretationValues) => (value: string) => setV((old) => ({ ...old, [key]: value }))
  return (
    <View className="gm-staff-policies__interpretation-form">
      <FormField name="interpretationTitle" label="解读标题" value={v.title} onInput={set('title')} maxlength={200} />
      <FormField name="interpretationAuthor" label="解读人 / 单位" value={v.author} onInput={set('author')} />
      <TextAreaField name="interpretationText" label="解读内容（每段一行）" value={v.text} onInput={set('text')} tall />
      <FormField name="interpretationImage" label="图解图片地址（https，可选）" value={v.imageUrl} onInput={set('imageUrl')} maxlength={500} />
      <ActionButton busy={busy} busyText="保存中…" onPress={() => onSave(v)}>
        保存解读草稿
      </ActionButton>
    </View>
  )
}

export default function StaffPoliciesPage() {
  const gate = useStaffGate()
  const desk = useStaffPolicyDesk(gate.allowed)
  const canEdit = gate.can('EDITOR')
  const canReview = gate.can('REVIEWER')
  const [creating, setCreating] = useState(false)

  if (!gate.allowed) return <StaffGate gate={gate} className="gm-staff-policies" />
  const policy = desk.policy.data ?? null
  const error = desk.save.error ?? desk.publish.error ?? desk.changeValidity.error ?? desk.saveInterpretation.error ?? desk.publishInterpretation.error

  return (
    <PageShell className="gm-staff-policies">
      <Text className="gm-page__title">政策文件管理</Text>
      <View className="gm-staff-policies__tools">
        {canEdit && (
          <ActionButton
            tone="primary"
            onPress={() => {
              desk.select(null)
              setCreating(true)
            }}
          >
            录入政策文件
          </ActionButton>
        )}
        {canReview && <ActionButton onPress={() => openPage(routes.staffQaTopics())}>问答主题</ActionButton>}
      </View>
      {desk.done && <Notice tone="success">{desk.done}</Notice>}
      {error && <Notice tone="error">{error.message}</Notice>}
      <View className="gm-staff-policies__desk">
        <View className="gm-staff-policies__table" {...a11y('政策文件列表', 'group')}>
          <View className="gm-staff-policies__row gm-staff-policies__row--head">
            <Text className="gm-staff-policies__cell gm-staff-policies__cell--title">标题</Text>
            <Text className="gm-staff-policies__cell">文号</Text>
            <Text className="gm-staff-policies__cell">发布日期</Text>
            <Text className="gm-staff-policies__cell">效力</Text>
            <Text className="gm-staff-policies__cell">状态</Text>
          </View>
          {(desk.list.data?.items ?? []).map((p) => (
            <View
              key={p.id}
              className={`gm-staff-policies__row${p.id === desk.selectedId ? ' gm-staff-policies__row--selected' : ''}`}
              onClick={() => {
                setCreating(false)
                desk.select(p.id)
              }}
              {...a11y(undefined, 'button')}
            >
              <Text className="gm-staff-policies__cell gm-staff-policies__cell--title">{p.title}</Text>
              <Text className="gm-staff-policies__cell">{p.docNumber}</Text>
              <Text className="gm-staff-policies__cell">{dateInWords(p.publishedAt)}</Text>
              <Text className="gm-staff-policies__cell">{policyValidityLabels[p.validity]}</Text>
              <Text className="gm-staff-policies__cell">{statusLabels[p.status] ?? p.status}</Text>
            </View>
          ))}
          {desk.list.data === undefined ? (
            <ListState status={desk.list.error ? 'error' : 'loading'} errorMessage={desk.list.error?.message} onRetry={() => void desk.list.reload()} />
          ) : (
            desk.list.data.items.length === 0 && <ListState status="empty" emptyText="还没有政策文件" />
          )}
        </View>
        <View className="gm-staff-policies__detail">
          {creating && desk.selectedId === null && canEdit && (
            <Section title="录入政策文件">
              <DocumentForm initial={emptyPolicyDraft} onSave={(v) => void desk.save.run(v)} busy={desk.save.running} />
            </Section>
          )}
          {!creating && desk.selectedId === null && <Text className="gm-staff-policies__hint">在左侧选择一份文件查看和管理。</Text>}
          {policy && <PolicyDetail key={policy.id} policy={policy} desk={desk} canEdit={canEdit} canReview={canReview} />}
        </View>
      </View>
    </PageShell>
  )
}

function PolicyDetail({
  policy,
  desk,
  canEdit,
  canReview,
}: {
  policy: StaffPolicy
  desk: ReturnType<typeof useStaffPolicyDesk>
  canEdit: boolean
  canReview: boolean
}) {
  const due = interpretationDue(policy)
  const [initial] = useState(() => policyDraftValuesOf(policy))
  const [editing, setEditing] = useState<{ id: number | null; values: InterpretationValues }>({ id: null, values: emptyInterpretation })
  return (
    <View>
      <View className="gm-staff-policies__head">
        <Badge tone={policy.validity === 'VALID' ? 'open' : 'closed'}>{policyValidityLabels[policy.validity]}</Badge>
        <Text className="gm-staff-policies__status">{statusLabels[policy.status] ?? policy.status}</Text>
      </View>
      <Text className="gm-staff-policies__title">{policy.title}</Text>
      <Text className="gm-staff-policies__meta">{`${policy.issuer} · ${policy.docNumber} · 发布 ${dateInWords(policy.publishedAt)}`}</Text>
      {policy.replacedBy && <Text className="gm-staff-policies__meta">{`已被《${policy.replacedBy.title}》（${policy.replacedBy.docNumber}）替代`}</Text>}
      {policy.replaces.map((r) => (
        <Text key={r.id} className="gm-staff-policies__meta">{`替代《${r.title}》（${r.docNumber}）`}</Text>
      ))}
      {policy.status === 'PUBLISHED' && (
        <Notice tone={due.overdue ? 'error' : due.done ? 'success' : 'info'}>
          {due.done
            ? '政策解读已发布。'
            : `政策解读应于 ${dateInWords(due.deadline)} 前发布（发布后 3 个工作日，按周末推算）${due.overdue ? '，已逾期' : ''}。`}
        </Notice>
      )}
      {policy.status !== 'PUBLISHED' && canEdit && (
        <Section title="修改文件">
          <DocumentForm initial={initial} onSave={(v) => void desk.save.run(v)} busy={desk.save.running} />
        </Section>
      )}
      {policy.status !== 'PUBLISHED' && canReview && (
        <ActionButton tone="primary" busy={desk.publish.running} onPress={() => void desk.publish.run()}>
          发布文件
        </ActionButton>
      )}
      {policy.status === 'PUBLISHED' && canReview && (
        <Section title="效力状态">
          <ValidityForm policy={policy} busy={desk.changeValidity.running} onChange={(v) => void desk.changeValidity.run(v)} />
        </Section>
      )}
      <Section title={`政策解读（${policy.interpretations.length}）`}>
        {policy.interpretations.map((i) => (
          <View key={i.id} className="gm-staff-policies__interpretation">
            <Text className="gm-staff-policies__cell--title">{`${i.title}（${interpretationKindLabels[i.kind]}，${statusLabels[i.status] ?? i.status}）`}</Text>
            {i.status !== 'PUBLISHED' && canEdit && (
              <ActionButton onPress={() => setEditing({ id: i.id, values: { ...emptyInterpretation, kind: i.kind, title: i.title, author: i.author } })}>
                修改解读
              </ActionButton>
            )}
            {i.status !== 'PUBLISHED' && canReview && policy.status === 'PUBLISHED' && (
              <ActionButton busy={desk.publishInterpretation.running} onPress={() => void desk.publishInterpretation.run(i.id)}>
                发布解读
              </ActionButton>
            )}
          </View>
        ))}
        {canEdit && (
          <View>
            <Text className="gm-staff-policies__hint">{editing.id === null ? '新增解读（草稿，发布后公开）' : '修改解读草稿'}</Text>
            <InterpretationForm
              initial={editing.values}
              busy={desk.saveInterpretation.running}
              onSave={(v) => void desk.saveInterpretation.run(v, editing.id).then((ok) => ok && setEditing({ id: null, values: emptyInterpretation }))}
            />
          </View>
        )}
      </Section>
      <Section title={`依据本文件的问答（${policy.qaItems.length}）`}>
        {policy.qaItems.length === 0 && <Text className="gm-staff-policies__hint">暂无问答条目引用本文件。</Text>}
        {policy.qaItems.map((item) => (
          <View key={item.id} className="gm-staff-policies__qa" onClick={() => openPage(routes.staffQaItem(item.id))} {...a11y(item.question, 'link')}>
            <Text>{item.question}</Text>
            {item.reviewNotice && <Text className="gm-staff-policies__flag">待复核</Text>}
          </View>
        ))}
      </Section>
    </View>
  )
}
