// 起草 / 修改问答 (EDITOR): one Q&A item, its similar questions, answer, topic and cited policy.
import { Text } from '@tarojs/components'
import { Notice } from '../../../../components/Notice'
import { PageShell } from '../../../../components/PageShell'
import { QaItemForm } from '../../../../components/QaItemForm'
import { StaffGate } from '../../../../components/StaffGate'
import { useQaItemEditor, useRouteId, useStaffGate } from '../../../../hooks'
import './index.scss'

/** 新建 / 修改问答 (EDITOR). A published item keeps its public answer until a reviewer publishes the change. */
export default function StaffQaItemPage() {
  const id = useRouteId()
  const gate = useStaffGate('EDITOR')
  const editor = useQaItemEditor(id, gate.allowed)
  const { existing, form, policy, saved } = editor

  const waiting = id !== null && !editor.filled
  if (!gate.allowed || waiting)
    return (
      <StaffGate
        gate={gate}
        className="gm-staff-qa-item"
        refusal="只有「编辑」角色可以起草和修改问答，审核人员可在问答库列表中发布、复核和撤下。"
        loading={existing}
      />
    )

  const item = saved ?? existing.data ?? null
  const published = item?.status === 'PUBLISHED'
  return (
    <PageShell className="gm-staff-qa-item">
      <Text className="gm-page__title">{item ? '修改问答' : '新建问答'}</Text>
      {published && !saved && <Notice tone="info">这条问答已发布。修改提交后须由审核人员发布，发布前公众仍看到原来的内容。</Notice>}
      {item?.reviewNotice && <Notice tone="error">{`待复核：${item.reviewNotice}`}</Notice>}
      {saved && (
        <Notice tone="success">{saved.status === 'PUBLISHED' ? '修改已提交，审核人员发布后替换公开的内容。' : '已保存为草稿，审核人员发布后公开。'}</Notice>
      )}
      <QaItemForm
        values={form.values}
        errors={form.errors}
        formError={form.formError}
        submitting={form.submitting}
        topics={editor.topics.data ?? []}
        departments={editor.departments}
        richAnswer={editor.richAnswer}
        policy={policy.selected}
        policyResults={policy.results.data}
        policyError={policy.results.error ?? policy.clauses.error}
        searchingPolicies={policy.results.loading}
        clauses={policy.clauses.loading ? undefined : policy.clauses.data}
        submitLabel={published ? '提交修改（待审核）' : '保存草稿'}
        onChange={form.setField}
        onSearchPolicies={policy.search}
        onChoosePolicy={policy.choose}
        onSubmit={() => void form.handleSubmit()}
      />
    </PageShell>
  )
}
