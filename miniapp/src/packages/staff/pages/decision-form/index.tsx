// 新增 / 修改决策事项 (EDITOR): one entry of the public decision catalog and its stages.
import { Text, View } from '@tarojs/components'
import { ActionButton } from '../../../../components/ActionButton'
import { DecisionForm } from '../../../../components/DecisionForm'
import { Notice } from '../../../../components/Notice'
import { PageShell } from '../../../../components/PageShell'
import { StaffGate } from '../../../../components/StaffGate'
import { useDecisionEditor, useRouteId, useStaffGate } from '../../../../hooks'
import { goBackTo, openPage, routes } from '../../../../navigation'
import './index.scss'

/** 新增 / 修改决策事项 (EDITOR). The catalog is public: a saved change shows at once. */
export default function StaffDecisionFormPage() {
  const id = useRouteId()
  const gate = useStaffGate('EDITOR')
  const editor = useDecisionEditor(id, gate.allowed)
  const { existing, saved } = editor

  const waiting = id !== null && !editor.filled
  if (!gate.allowed || waiting)
    return <StaffGate gate={gate} className="gm-staff-decision-form" refusal="只有「编辑」角色可以新增和修改决策事项。" loading={existing} />

  const editing = id !== null || saved !== null
  return (
    <PageShell className="gm-staff-decision-form">
      <Text className="gm-page__title">{editing ? '修改决策事项' : '新增决策事项'}</Text>
      <Notice tone="info">决策事项目录是公开的：保存后群众即可看到修改后的内容。</Notice>
      <DecisionForm
        values={editor.values}
        stages={editor.stages}
        errors={editor.errors}
        formError={editor.formError}
        submitting={editor.saving}
        departments={editor.departments.data ?? []}
        departmentsError={editor.departments.data === undefined ? editor.departments.error : null}
        onRetryDepartments={() => void editor.departments.reload()}
        submitLabel={editing ? '保存修改' : '保存为草稿'}
        onChange={editor.setField}
        onStageChange={editor.setStage}
        onSubmit={() => void editor.save()}
      />
      {saved && (
        <View className="gm-staff-decision-form__saved">
          <Notice tone="success">
            {saved.publishedAt ? `已保存「${saved.title}」，决策事项目录已公开更新后的内容。` : `已保存「${saved.title}」（草稿），本部门审核人员发布后公开。`}
          </Notice>
          <ActionButton tone="primary" onPress={() => goBackTo(routes.staffDecisions())}>
            返回决策事项目录
          </ActionButton>
          {saved.publishedAt && <ActionButton onPress={() => openPage(routes.decisionDetail(saved.id))}>查看公开页面</ActionButton>}
        </View>
      )}
    </PageShell>
  )
}
