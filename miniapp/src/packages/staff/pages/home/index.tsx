// 工作台 (staff): who is signed in and the way to every staff page; for an administrator, staff accounts and the audit log.
import { Text, View } from '@tarojs/components'
import { CreateStaffBodySchema, type Staff, type StaffRole, staffRoleLabels } from '@gm/shared'
import { useState } from 'react'
import { ActionButton } from '../../../../components/ActionButton'
import { AuditCard } from '../../../../components/AuditCard'
import { ConfirmDialog } from '../../../../components/ConfirmDialog'
import { InfoList } from '../../../../components/InfoList'
import { LinkRow } from '../../../../components/LinkRow'
import { ListState } from '../../../../components/ListState'
import { Notice } from '../../../../components/Notice'
import { PagedList } from '../../../../components/PagedList'
import { PageShell } from '../../../../components/PageShell'
import { Section } from '../../../../components/Section'
import { StaffCard } from '../../../../components/StaffCard'
import { StaffForm, type StaffFormValues } from '../../../../components/StaffForm'
import { StaffGate } from '../../../../components/StaffGate'
import { WorkQueue } from '../../../../components/WorkQueue'
import { parseDepartmentIds } from '../../../../components/DepartmentPicker'
import { useAction, useAuditLog, useDepartments, useForm, useSession, useStaffAdmin, useStaffGate } from '../../../../hooks'
import { useWorkQueue } from '../../../../hooks/useWorkQueue'
import { openPage, openTab, routes } from '../../../../navigation'
import { platform } from '../../../../platform'
import type { FieldErrors } from '../../../../utils/form'
import { validateWith } from '../../../../utils/form'
import './index.scss'

function validateNewStaff(values: StaffFormValues) {
  const missing: FieldErrors<keyof StaffFormValues> = {}
  const departmentIds = parseDepartmentIds(values.departmentIds)
  if (!values.role) missing.role = '请选择角色'
  if (departmentIds.length === 0) missing.departmentIds = '请选择所属部门'
  const checked = validateWith<typeof CreateStaffBodySchema, keyof StaffFormValues>(CreateStaffBodySchema, {
    username: values.username,
    displayName: values.displayName,
    role: (values.role || 'EDITOR') as StaffRole,
    departmentId: departmentIds[0] ?? 1,
    departmentIds: departmentIds.length > 0 ? departmentIds : [1],
  })
  if (Object.keys(missing).length === 0) return checked
  return { ok: false as const, errors: { ...(checked.ok ? {} : checked.errors), ...missing } }
}

const emptyStaff: StaffFormValues = { username: '', displayName: '', role: '', departmentIds: '' }

/** 工作台: who is signed in; for an ADMIN, staff accounts and the audit log. */
export default function StaffHomePage() {
  const session = useSession()
  const gate = useStaffGate()
  const isAdmin = gate.can('ADMIN')
  const admin = useStaffAdmin(isAdmin)
  const audit = useAuditLog(isAdmin)
  const departments = useDepartments()
  const queue = useWorkQueue(gate.allowed)
  const signOut = useAction(async () => {
    await session.signOut()
    openTab(routes.mine())
  })
  const [showForm, setShowForm] = useState(false)
  const [disabling, setDisabling] = useState<Staff | null>(null)
  const [resetting, setResetting] = useState<Staff | null>(null)
  const form = useForm({
    initial: emptyStaff,
    validate: validateNewStaff,
    submit: async (input) => {
      await admin.create(input)
      setShowForm(false)
      form.reset()
    },
  })

  if (!gate.allowed) return <StaffGate gate={gate} className="gm-staff-home" signInText="工作台仅供工作人员使用，请使用工作人员账号登录。" />
  const { me } = gate

  return (
    <PageShell className="gm-staff-home">
      <Text className="gm-page__title">{`您好，${me.displayName}`}</Text>
      <Section title="待办">
        {queue.data ? (
          <WorkQueue
            entries={queue.data.entries}
            onOpen={(target) =>
              openPage(target === 'events' ? routes.staffEvents() : target === 'policyQuestions' ? routes.staffPolicyQuestions() : routes.staffConsultations())
            }
          />
        ) : (
          <ListState status={queue.error ? 'error' : 'loading'} errorMessage={queue.error?.message} onRetry={() => void queue.reload()} />
        )}
      </Section>
      <Section title="我的账号">
        <InfoList
          items={[
            { label: '姓名', value: me.displayName },
            { label: '角色', value: staffRoleLabels[me.role] },
            { label: '所属部门', value: me.role === 'ADMIN' ? '全部部门' : (me.departments ?? [me.department]).map((d) => d.name).join('、') },
            { label: '用户名', value: me.username },
            { label: '微信', value: me.wechatBound ? '已绑定' : '未绑定' },
          ]}
        />
      </Section>
      <LinkRow
        title="意见征集管理"
        hint={
          me.role === 'EDITOR'
            ? '起草和修改意见征集、录入线下意见'
            : me.role === 'REVIEWER'
              ? '发布征集、审核与答复意见、集中意见、公开采纳情况'
              : '全部部门的意见：审核与答复、集中意见、公开采纳情况、录入线下意见'
        }
        onOpen={() => openPage(routes.staffConsultations())}
      />
      <LinkRow
        title="活动管理"
        hint={
          me.role === 'EDITOR'
            ? '创建活动、现场签到'
            : me.role === 'REVIEWER'
              ? '发布活动、报名审核、抽签、签到、会议结果'
              : '全部部门的活动：报名审核、抽签、签到、参加人员意见、会议结果'
        }
        onOpen={() => openPage(routes.staffEvents())}
      />
      <LinkRow
        title="政策问答库管理"
        hint={
          me.role === 'EDITOR'
            ? '起草和修改问答、批量导入、同义词'
            : me.role === 'REVIEWER'
              ? '发布与撤下问答、政策变化后复核、批量导入、同义词'
              : '查看和导出问答库'
        }
        onOpen={() => openPage(routes.staffQa())}
      />
      {me.role === 'REVIEWER' && (
        <LinkRow title="政策咨询" hint="答复群众的政策咨询，好的答复可加入问答库" onOpen={() => openPage(routes.staffPolicyQuestions())} />
      )}
      {me.role !== 'ADMIN' && (
        <LinkRow title="政策文件管理" hint="文件、效力状态、政策解读（发布后 3 个工作日内）" onOpen={() => openPage(routes.staffPolicies())} />
      )}
      <LinkRow
        title="决策事项目录"
        hint={me.role === 'EDITOR' ? '新增和修改决策事项及其各阶段' : '查看公开的决策事项目录（由编辑维护）'}
        onOpen={() => openPage(routes.staffDecisions())}
      />
      <LinkRow
        title="统计分析"
        hint={
          me.role === 'ADMIN'
            ? '全部部门的意见、采纳、答复用时、活动与列席、问答统计及图表，导出 Excel'
            : '本部门的意见、采纳、答复用时、活动与列席统计及图表，导出 Excel'
        }
        onOpen={() => openPage(routes.staffStatistics())}
      />
      {isAdmin && (
        <LinkRow
          title="放假安排"
          hint="答复期限按国务院放假调休安排计算；内置数据没有的年度在这里录入"
          onOpen={() => openPage(routes.staffHolidayCalendar())}
        />
      )}
      {isAdmin && <LinkRow title="部门管理" hint="承办单位与答复部门：查看和新增" onOpen={() => openPage(routes.staffDepartments())} />}
      {(isAdmin || me.role === 'REVIEWER') && (
        <LinkRow title="答复模板" hint="本部门常用的答复文本，含 {{称呼}}、{{征集名称}} 等占位符" onOpen={() => openPage(routes.staffAnswerTemplates())} />
      )}
      <LinkRow title="修改密码" onOpen={() => openPage(routes.staffPassword())} />
      {platform.canLoginSilently && !me.wechatBound && (
        <LinkRow title="绑定微信" hint="凭管理员生成的邀请码绑定，之后可用微信快捷登录" onOpen={() => openPage(routes.staffBind())} />
      )}

      {isAdmin && (
        <Section title="工作人员管理" className="gm-staff-home__admin">
          {admin.created && (
            <View className="gm-staff-home__created">
              <Notice tone="success">
                {`已创建账号「${admin.created.staff.username}」（${admin.created.staff.displayName}）。\n初始密码：${admin.created.initialPassword}\n该密码只显示这一次，请立即告知本人。本人首次登录时必须修改密码。`}
              </Notice>
              <ActionButton onPress={admin.dismissCreated}>我已记下，关闭</ActionButton>
            </View>
          )}
          {showForm ? (
            <View className="gm-staff-home__form">
              <Text className="gm-staff-home__subtitle">新增工作人员</Text>
              <StaffForm
                values={form.values}
                errors={form.errors}
                formError={form.formError?.message}
                submitting={form.submitting}
                departments={departments.data ?? []}
                onChange={form.setField}
                onSubmit={() => void form.handleSubmit()}
              />
              <ActionButton className="gm-staff-home__cancel" onPress={() => setShowForm(false)}>
                取消
              </ActionButton>
            </View>
          ) : (
            <ActionButton tone="primary" className="gm-staff-home__add" onPress={() => setShowForm(true)}>
              新增工作人员
            </ActionButton>
          )}
          {admin.list.data ? (
            admin.list.data.map((staff) => (
              <StaffCard
                key={staff.id}
                staff={staff}
                self={staff.id === me.id}
                busy={admin.busyId === staff.id}
                error={admin.rowErrors[staff.id]}
                invite={admin.invites[staff.id]}
                departments={departments.data ?? []}
                onSaveDepartments={(s, ids) => admin.update(s.id, { departmentId: ids[0] ?? s.department.id, departmentIds: ids })}
                onToggleDisabled={(s) => (s.disabled ? void admin.update(s.id, { disabled: false }) : setDisabling(s))}
                onInvite={(s) => void admin.invite(s.id)}
                onResetPassword={setResetting}
                resetPassword={admin.resetPasswords[staff.id]}
                onDismissReset={(s) => admin.dismissReset(s.id)}
              />
            ))
          ) : (
            <ListState status={admin.list.error ? 'error' : 'loading'} errorMessage={admin.list.error?.message} onRetry={() => void admin.list.reload()} />
          )}
        </Section>
      )}

      {isAdmin && (
        <Section title="审计日志" className="gm-staff-home__audit">
          <PagedList
            items={audit.data}
            status={audit.status}
            keyOf={(entry) => entry.id}
            renderItem={(entry) => <AuditCard entry={entry} />}
            errorMessage={audit.error?.message}
            emptyText="暂无操作记录"
            onRetry={audit.retry}
            onLoadMore={audit.loadMore}
          />
        </Section>
      )}

      {signOut.error && <Notice tone="error">{signOut.error.message}</Notice>}
      <ActionButton onPress={() => void signOut.run()} busy={signOut.running} busyText="正在退出…">
        退出登录
      </ActionButton>

      {disabling && (
        <ConfirmDialog
          title={`停用「${disabling.displayName}」？`}
          confirmText="确认停用"
          danger
          busy={admin.busyId === disabling.id}
          onCancel={() => setDisabling(null)}
          onConfirm={() => void admin.update(disabling.id, { disabled: true }).then(() => setDisabling(null))}
        >
          <Text>停用后该账号立即退出所有已登录的设备，且不能再登录，直到重新启用。</Text>
        </ConfirmDialog>
      )}
      {resetting && (
        <ConfirmDialog
          title={`重置「${resetting.displayName}」的密码？`}
          confirmText="确认重置"
          busy={admin.busyId === resetting.id}
          onCancel={() => setResetting(null)}
          onConfirm={() => void admin.resetPassword(resetting.id).then(() => setResetting(null))}
        >
          <Text>将生成新的一次性密码（只显示一次），原密码立即失效，该账号已登录的设备全部退出；本人用新密码登录后必须修改密码。</Text>
        </ConfirmDialog>
      )}
    </PageShell>
  )
}
