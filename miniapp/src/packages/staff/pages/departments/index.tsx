// 部门管理 (administrators): every department in a table and a form beside it to add one.
import { Text, View } from '@tarojs/components'
import { ActionButton } from '../../../../components/ActionButton'
import { DataTable } from '../../../../components/DataTable'
import { FormField } from '../../../../components/FormField'
import { Notice } from '../../../../components/Notice'
import { PageShell } from '../../../../components/PageShell'
import { Section } from '../../../../components/Section'
import { StaffGate } from '../../../../components/StaffGate'
import { useStaffGate } from '../../../../hooks'
import { useDepartmentAdmin } from '../../../../hooks/useDepartmentAdmin'
import './index.scss'

export default function StaffDepartmentsPage() {
  const gate = useStaffGate('ADMIN')
  const admin = useDepartmentAdmin(gate.allowed)
  if (!gate.allowed) return <StaffGate gate={gate} className="gm-staff-departments" refusal="只有管理员可以管理部门。" />
  return (
    <PageShell className="gm-staff-departments">
      <Text className="gm-page__title">部门管理</Text>
      <View className="gm-staff-departments__desk">
        <View className="gm-staff-departments__list">
          <DataTable
            caption={`部门（${admin.list.data?.length ?? 0} 个）`}
            columns={[
              { key: 'id', label: '编号', numeric: true },
              { key: 'name', label: '部门名称' },
            ]}
            rows={(admin.list.data ?? []).map((d) => ({ key: d.id, id: d.id, name: d.name }))}
            emptyText={admin.list.error ? `加载失败：${admin.list.error.message}` : '还没有部门'}
          />
        </View>
        <Section title="新增部门" className="gm-staff-departments__form">
          {admin.created && <Notice tone="success">{`已新增「${admin.created.name}」`}</Notice>}
          <FormField
            name="departmentName"
            label="部门名称"
            value={admin.name}
            maxlength={40}
            onInput={admin.setName}
            error={admin.create.error?.fields.name ?? admin.create.error?.message}
          />
          <ActionButton tone="primary" busy={admin.create.running} disabled={admin.name.trim().length < 2} onPress={() => void admin.create.run()}>
            新增部门
          </ActionButton>
        </Section>
      </View>
    </PageShell>
  )
}
