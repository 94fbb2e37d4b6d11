// 答复模板 (reviewers, administrators): the department's templates in a table and the form to write or change one beside it.
import { Text, View } from '@tarojs/components'
import { AnswerTemplateForm } from '../../../../components/AnswerTemplateForm'
import { AnswerTemplateTable } from '../../../../components/AnswerTemplateTable'
import { Notice } from '../../../../components/Notice'
import { PageShell } from '../../../../components/PageShell'
import { Section } from '../../../../components/Section'
import { StaffGate } from '../../../../components/StaffGate'
import { useMyDepartments, useStaffGate } from '../../../../hooks'
import { useAnswerTemplateDesk } from '../../../../hooks/useAnswerTemplates'
import './index.scss'

export default function StaffAnswerTemplatesPage() {
  const gate = useStaffGate('REVIEWER', 'ADMIN')
  const departments = useMyDepartments()
  const desk = useAnswerTemplateDesk(gate.allowed, gate.allowed ? gate.me.department.id : undefined)
  if (!gate.allowed) return <StaffGate gate={gate} className="gm-staff-answer-templates" refusal="只有「审核」角色和管理员可以管理答复模板。" />
  const failure = desk.save.error && Object.keys(desk.save.error.fields).length === 0 ? desk.save.error.message : undefined
  return (
    <PageShell className="gm-staff-answer-templates">
      <Text className="gm-page__title">答复模板</Text>
      {desk.notice && <Notice tone="success">{desk.notice}</Notice>}
      {desk.remove.error && <Notice tone="error">{desk.remove.error.message}</Notice>}
      <View className="gm-staff-answer-templates__desk">
        <View className="gm-staff-answer-templates__list">
          <AnswerTemplateTable
            templates={desk.list.data ?? []}
            editingId={desk.editingId}
            busyId={desk.removingId}
            emptyText={desk.list.error ? `加载失败：${desk.list.error.message}` : desk.list.loading ? '正在加载…' : '还没有答复模板'}
            onEdit={desk.edit}
            onDelete={(t) => void desk.remove.run(t.id)}
          />
        </View>
        <Section title={desk.editingId === null ? '新增模板' : '修改模板'} className="gm-staff-answer-templates__form">
          <AnswerTemplateForm
            values={desk.values}
            errors={desk.errors}
            departments={departments.data ?? []}
            editing={desk.editingId !== null}
            saving={desk.save.running}
            formError={failure}
            onChange={desk.setField}
            onSave={() => void desk.save.run()}
            onCancel={desk.startNew}
          />
        </Section>
      </View>
    </PageShell>
  )
}
