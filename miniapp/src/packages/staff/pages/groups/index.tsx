// 集中意见 (staff, reviewers and administrators): group similar opinions and give each group one reasoned answer.
import { Text, View } from '@tarojs/components'
import type { AnswerTemplate, Department, StaffOpinion } from '@gm/shared'
import { useState } from 'react'
import { ActionButton } from '../../../../components/ActionButton'
import { AnswerForm } from '../../../../components/AnswerForm'
import { AnswerView } from '../../../../components/AnswerView'
import { CheckRow } from '../../../../components/CheckRow'
import { Notice } from '../../../../components/Notice'
import { FormField } from '../../../../components/FormField'
import { LoadGate } from '../../../../components/LoadGate'
import { PageShell } from '../../../../components/PageShell'
import { PersonalInfoOverride } from '../../../../components/PersonalInfoOverride'
import { Section } from '../../../../components/Section'
import { StaffGate } from '../../../../components/StaffGate'
import {
  answerValues,
  type GroupSuggestion,
  type OpinionGroup,
  useCreateGroup,
  useGroupAnswer,
  useGroupWork,
  useMyDepartments,
  usePersonalInfoOverride,
  useRouteId,
  useStaffConsultation,
  useStaffGate,
} from '../../../../hooks'
import { useGroupEditor } from '../../../../hooks/useGroupEditor'
import { templateChooser, useAnswerTemplates } from '../../../../hooks/useAnswerTemplates'
import { excerpt } from '../../../../utils/format'
import { maskIn, spansStillIn } from '../../../../utils/personalInfo'
import './index.scss'

function Members({ ids, opinions }: { ids: readonly number[]; opinions: Map<number, StaffOpinion> }) {
  return (
    <View className="gm-staff-groups__members">
      {ids.map((id) => {
        const o = opinions.get(id)
        return (
          <Text key={id} className="gm-staff-groups__member">
            {o ? `${o.receiptCode}：${excerpt(o.publishedText ?? o.rawText, 50)}` : `意见 #${id}`}
          </Text>
        )
      })}
    </View>
  )
}

/** Accept a suggestion into a group, with a title staff write (the keywords are only a start). */
function SuggestionCard({
  suggestion,
  opinions,
  consultationId,
  onDone,
}: {
  suggestion: GroupSuggestion
  opinions: Map<number, StaffOpinion>
  consultationId: number
  onDone: () => void
}) {
  const [title, setTitle] = useState(suggestion.keywords.length ? `关于${suggestion.keywords.slice(0, 3).join('、')}的意见` : '')
  const [titleError, setTitleError] = useState<string | undefined>()
  const create = useCreateGroup(consultationId, onDone)
  const accept = { ...create, run: (override?: string) => create.run(title, suggestion.opinionIds, override) }
  const refusal = usePersonalInfoOverride(accept.error, accept.running)
  const unmasked = spansStillIn(refusal.spans, { title })
  return (
    <View className="gm-staff-groups__card">
      <Text className="gm-staff-groups__meta">{`相似度 ${Math.round(suggestion.score * 100)}% · 关键词：${suggestion.keywords.join('、') || '无'} · ${suggestion.opinionIds.length} 条意见`}</Text>
      <Members ids={suggestion.opinionIds} opinions={opinions} />
      <FormField
        name="groupTitle"
        label="集中意见概括"
        value={title}
        maxlength={200}
        error={titleError ?? accept.error?.fields.title ?? (accept.error && !accept.error.fields.title && !refusal.spans ? accept.error.message : undefined)}
        onInput={(v) => {
          setTitle(v)
          setTitleError(undefined)
        }}
      />
      {unmasked && unmasked.length > 0 && (
        <PersonalInfoOverride
          spans={unmasked}
          hint="概括将随采纳情况公开：请点「隐去」或改写概括；确需公开时："
          onMask={(span) => setTitle((t) => maskIn(t, span))}
          reason={refusal.reason}
          onReason={refusal.setReason}
          onOverride={(reason) => void accept.run(reason)}
          overriding={accept.running}
        />
      )}
      <ActionButton
        tone="primary"
        onPress={() => (title.trim().length < 2 ? setTitleError('请填写集中意见的概括') : void accept.run(undefined))}
        busy={accept.running}
        busyText="正在归并…"
      >
        归为一条集中意见
      </ActionButton>
    </View>
  )
}

/** Rename a group, pick its members from every opinion (one in another group moves here), or split some members into a new group. */
function GroupEditorPanel({
  group,
  groups,
  opinions,
  consultationId,
  onDone,
}: {
  group: OpinionGroup
  groups: readonly OpinionGroup[]
  opinions: Map<number, StaffOpinion>
  consultationId: number
  onDone: () => void
}) {
  const editor = useGroupEditor(group, consultationId, onDone)
  const [newTitle, setNewTitle] = useState('')
  const groupOf = new Map(groups.flatMap((g) => g.opinionIds.map((id) => [id, g] as const)))
  const error = editor.save.error ?? editor.split.error
  return (
    <View className="gm-staff-groups__editor">
      <FormField name="editGroupTitle" label="集中意见概括" value={editor.title} maxlength={200} onInput={editor.setTitle} />
      <Text className="gm-staff-groups__hint">勾选属于本集中意见的意见；勾选其他集中意见中的意见，会将它移到这里。</Text>
      <View className="gm-staff-groups__picker">
        {[...opinions.values()].map((o) => {
          const other = groupOf.get(o.id)
          return (
            <CheckRow
              key={o.id}
              className="gm-staff-groups__pick"
              label={`${o.receiptCode}：${excerpt(o.publishedText ?? o.rawText, 40)}`}
              hint={other && other.id !== group.id ? `现属「${other.title}」` : undefined}
              checked={editor.picked.has(o.id)}
              onChange={(on) => editor.toggle(o.id, on)}
            />
          )
        })}
      </View>
      {error && <Notice tone="error">{error.message}</Notice>}
      <ActionButton tone="primary" busy={editor.save.running} busyText="保存中…" disabled={editor.picked.size === 0} onPress={() => void editor.save.run()}>
        保存概括与成员
      </ActionButton>
      <Section title="拆分">
        {group.opinionIds.map((id) => {
          const o = opinions.get(id)
          return (
            <CheckRow
              key={id}
              className="gm-staff-groups__split-pick"
              label={o ? `${o.receiptCode}：${excerpt(o.publishedText ?? o.rawText, 40)}` : `意见 #${id}`}
              checked={editor.splitOut.has(id)}
              onChange={(on) => editor.toggleSplit(id, on)}
            />
          )
        })}
        <FormField name="splitTitle" label="新集中意见概括" value={newTitle} maxlength={200} onInput={setNewTitle} />
        <ActionButton
          busy={editor.split.running}
          disabled={editor.splitOut.size === 0 || newTitle.trim().length < 2 || editor.splitOut.size === group.opinionIds.length}
          onPress={() => void editor.split.run(newTitle)}
        >
          拆分为新的集中意见
        </ActionButton>
      </Section>
    </View>
  )
}

/** One group and its single reasoned answer for every opinion in it. */
function GroupCard({
  group,
  groups,
  consultationId,
  opinions,
  departments,
  defaultDepartmentId,
  onDone,
  templates,
  consultationTitle,
}: {
  group: OpinionGroup
  groups: readonly OpinionGroup[]
  consultationId: number
  opinions: Map<number, StaffOpinion>
  departments: readonly Department[]
  defaultDepartmentId: number
  onDone: () => void
  /** 答复模板 in the reviewer's scope, and the consultation's title for {{征集名称}}. */
  templates: readonly AnswerTemplate[]
  consultationTitle: string | undefined
}) {
  const [editing, setEditing] = useState(group.answer === null)
  const [editingMembers, setEditingMembers] = useState(false)
  const form = useGroupAnswer(group.id, answerValues(group.answer, defaultDepartmentId), () => {
    setEditing(false)
    onDone()
  })
  // A group answers many opinions: 收到日期 and 回执编号 stay as written for staff to fill or remove.
  const chooser = templateChooser(templates, departments, form, { 征集名称: consultationTitle })
  return (
    <View className="gm-staff-groups__card">
      <Text className="gm-staff-groups__title">{group.title}</Text>
      <Text className="gm-staff-groups__meta">{`${group.opinionIds.length} 条意见`}</Text>
      <Members ids={group.opinionIds} opinions={opinions} />
      <ActionButton onPress={() => setEditingMembers(!editingMembers)}>{editingMembers ? '收起编辑' : '编辑概括与成员'}</ActionButton>
      {editingMembers && (
        <GroupEditorPanel
          group={group}
          groups={groups}
          opinions={opinions}
          consultationId={consultationId}
          onDone={() => {
            setEditingMembers(false)
            onDone()
          }}
        />
      )}
      {!editing && group.answer ? (
        <View>
          <AnswerView answer={group.answer} />
          <ActionButton onPress={() => setEditing(true)}>修改答复</ActionButton>
        </View>
      ) : (
        <AnswerForm
          values={form.values}
          errors={form.errors}
          formError={form.formError?.message}
          submitting={form.submitting}
          departments={departments}
          onChange={form.setField}
          onSubmit={() => void form.handleSubmit()}
          privacy={form.privacy}
          submitLabel="保存集中意见的答复"
          templates={chooser.offered}
          onUseTemplate={chooser.use}
        />
      )}
    </View>
  )
}

/** 集中意见 (REVIEWER, and administrators): suggestions from text similarity, groups and their answers. */
export default function StaffGroupsPage() {
  const id = useRouteId()
  const gate = useStaffGate('REVIEWER', 'ADMIN')
  const work = useGroupWork(gate.allowed ? id : null)
  const departments = useMyDepartments()
  const templates = useAnswerTemplates(gate.allowed)
  const consultation = useStaffConsultation(gate.allowed ? id : null)

  if (!gate.allowed || id === null) return <StaffGate gate={gate} className="gm-staff-groups" refusal="只有「审核」角色和管理员可以归并和答复集中意见。" />
  const { me } = gate
  const reload = () => void work.reload()
  return (
    <PageShell className="gm-staff-groups">
      <LoadGate data={work.data} loading={work.loading} error={work.error} onRetry={reload}>
        {(w) => (
          <View>
            <Section title={`集中意见（${w.groups.length} 项）`}>
              {w.groups.length === 0 ? (
                <Text className="gm-staff-groups__empty">还没有集中意见。可从下方的归类建议中归并。</Text>
              ) : (
                w.groups.map((g) => (
                  <GroupCard
                    key={`${g.id}-${g.title}-${g.opinionIds.join(',')}`}
                    group={g}
                    groups={w.groups}
                    consultationId={id}
                    opinions={w.opinions}
                    departments={departments.data ?? []}
                    defaultDepartmentId={me.department.id}
                    onDone={reload}
                    templates={templates.data ?? []}
                    consultationTitle={consultation.data?.detail.title}
                  />
                ))
              )}
            </Section>
            <Section title={`归类建议（${w.suggestions.length} 项）`}>
              <Text className="gm-staff-groups__hint">根据意见文字的相似程度自动生成，请核对后再归并；概括可以修改。</Text>
              {w.suggestions.length === 0 ? (
                <Text className="gm-staff-groups__empty">暂无相似的意见。</Text>
              ) : (
                w.suggestions.map((s) => (
                  <SuggestionCard key={s.opinionIds.join('-')} suggestion={s} opinions={w.opinions} consultationId={id} onDone={reload} />
                ))
              )}
            </Section>
          </View>
        )}
      </LoadGate>
    </PageShell>
  )
}
