import { Text, View } from '@tarojs/components'
import { ActionButton } from '../../../../components/ActionButton'
import { DecisionForm } from '../../../../components/DecisionForm'
import { ListState } from '../../../../components/ListState'
import { Notice } from '../../../../components/Notice'
import { PageShell } from '../../../../components/PageShell'
import { StaffSignIn } from '../../../../components/StaffSignIn'
import { useDecisionEditor, useRouteId, useStaffMe } from '../../../../hooks'
import { goBackTo, openPage, routes } from '../../../../navigation'
import './index.scss'

/** 新增 / 修改决策事项 (EDITOR). The catalog is public: a saved change shows at once. */
export default function StaffDecisionFormPage() {
  const id = useRouteId()
  const { me, can } = useStaffMe()
  const allowed = can('EDITOR')
  const editor = useDecisionEditor(id, allowed)
  const { existing, saved } = editor

  if (!me) {
    return (
      <PageShell className='gm-staff-decision-form'>
        <StaffSignIn onSignIn={() => openPage(routes.staffLogin())} />
      </PageShell>
    )
  }
  if (!allowed) {
    return (
      <PageShell className='gm-staff-decision-form'>
        <Notice tone='info'>只有「编辑」角色可以新增和修改决策事项。</Notice>
      </PageShell>
    )
  }
  if (id !== null && !existing.data) {
    return (
      <PageShell className='gm-staff-decision-form'>
        <ListState status={existing.error ? 'error' : 'loading'} errorMessage={existing.error?.message} onRetry={() => void existing.reload()} />
      </PageShell>
    )
  }

  const editing = id !== null || saved !== null
  return (
    <PageShell className='gm-staff-decision-form'>
      <Text className='gm-page__title'>{editing ? '修改决策事项' : '新增决策事项'}</Text>
      <Notice tone='info'>决策事项目录是公开的：保存后群众即可看到修改后的内容。</Notice>
      <DecisionForm
        values={editor.values}
        stages={editor.stages}
        errors={editor.errors}
        formError={editor.formError}
        submitting={editor.saving}
        departments={editor.departments.data ?? []}
        departmentsError={editor.departments.data === undefined ? editor.departments.error : null}
        onRetryDepartments={() => void editor.departments.reload()}
        submitLabel={editing ? '保存修改' : '保存并公开'}
        onChange={editor.setField}
        onStageChange={editor.setStage}
        onSubmit={() => void editor.save()}
      />
      {saved && (
        <View className='gm-staff-decision-form__saved'>
          <Notice tone='success'>{`已保存「${saved.title}」，决策事项目录已公开更新后的内容。`}</Notice>
          <ActionButton tone='primary' onPress={() => goBackTo(routes.staffDecisions())}>
            返回决策事项目录
          </ActionButton>
          <ActionButton onPress={() => openPage(routes.decisionDetail(saved.id))}>查看公开页面</ActionButton>
        </View>
      )}
    </PageShell>
  )
}
