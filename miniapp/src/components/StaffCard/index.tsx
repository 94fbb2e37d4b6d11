// One account in 工作人员管理 with its actions: disable or enable, WeChat binding invite, departments, password reset.
import { Text, View } from '@tarojs/components'
import { type Department, type Staff, staffRoleLabels } from '@gm/shared'
import { useState } from 'react'
import { cx, momentText } from '../../utils/format'
import { ActionButton } from '../ActionButton'
import { Badge } from '../Badge'
import { DepartmentPicker } from '../DepartmentPicker'
import { Notice } from '../Notice'
import './index.scss'

export interface StaffCardProps {
  staff: Staff
  /** The signed-in admin's own row: no 停用 there. */
  self?: boolean
  busy?: boolean
  error?: string
  invite?: { code: string; expiresAt: string }
  onToggleDisabled: (staff: Staff) => void
  onInvite: (staff: Staff) => void
  /** Every department, to choose from when changing this person's departments */
  departments?: readonly Department[]
  /** Save a new set of departments (the first is the primary one) */
  onSaveDepartments?: (staff: Staff, departmentIds: number[]) => Promise<boolean>
  /** 重置密码 (asks for confirmation first); not on the admin's own row. */
  onResetPassword?: (staff: Staff) => void
  /** The one-time password a reset just issued, shown once until dismissed. */
  resetPassword?: string
  onDismissReset?: (staff: Staff) => void
}

/** One account in 工作人员管理 with its actions: 停用/启用, 生成绑定邀请码, 调整所属部门, 重置密码. */
export function StaffCard(props: StaffCardProps) {
  const {
    staff,
    self = false,
    busy = false,
    error,
    invite,
    onToggleDisabled,
    onInvite,
    departments = [],
    onSaveDepartments,
    onResetPassword,
    resetPassword,
    onDismissReset,
  } = props
  const [editing, setEditing] = useState<number[] | null>(null)
  const saveDepartments = async () => {
    if (!editing || editing.length === 0 || !onSaveDepartments) return
    if (await onSaveDepartments(staff, editing)) setEditing(null)
  }
  return (
    <View className={cx('gm-staff-card', staff.disabled && 'gm-staff-card--disabled')}>
      <View className="gm-staff-card__header">
        <Text className="gm-staff-card__name">{staff.displayName}</Text>
        <Text className="gm-staff-card__username">{staff.username}</Text>
      </View>
      <Text className="gm-staff-card__meta">{`${staffRoleLabels[staff.role]} · ${staff.role === 'ADMIN' ? '全部部门' : staff.departments.map((d) => d.name).join('、')}`}</Text>
      {editing && (
        <View className="gm-staff-card__departments">
          <DepartmentPicker
            label={`${staff.displayName}的所属部门`}
            departments={departments}
            value={editing}
            onChange={setEditing}
            error={editing.length === 0 ? '请至少选择一个部门' : undefined}
          />
          <View className="gm-staff-card__actions">
            <ActionButton className="gm-staff-card__action" tone="primary" onPress={() => void saveDepartments()} disabled={busy || editing.length === 0}>
              保存部门
            </ActionButton>
            <ActionButton className="gm-staff-card__action" onPress={() => setEditing(null)} disabled={busy}>
              取消
            </ActionButton>
          </View>
        </View>
      )}
      <View className="gm-staff-card__badges">
        {staff.disabled && <Badge tone="closed">已停用</Badge>}
        <Badge tone={staff.wechatBound ? 'open' : 'info'}>{staff.wechatBound ? '已绑定微信' : '未绑定微信'}</Badge>
      </View>
      {error && <Notice tone="error">{error}</Notice>}
      {invite && (
        <Notice tone="info">{`绑定邀请码：${invite.code}\n有效期至 ${momentText(invite.expiresAt)}，请通过内部渠道告知本人，在小程序「工作人员登录 → 绑定微信」中使用。`}</Notice>
      )}
      {resetPassword && (
        <View className="gm-staff-card__reset">
          <Notice tone="success">
            {`已重置「${staff.username}」的密码。\n一次性密码：${resetPassword}\n该密码只显示这一次，请通过内部渠道告知本人。本人下次登录时必须修改密码，已登录的设备均已退出。`}
          </Notice>
          {onDismissReset && (
            <ActionButton className="gm-staff-card__action" onPress={() => onDismissReset(staff)}>
              我已记下，关闭
            </ActionButton>
          )}
        </View>
      )}
      <View className="gm-staff-card__actions">
        {!self && onResetPassword && (
          <ActionButton className="gm-staff-card__action" onPress={() => onResetPassword(staff)} disabled={busy}>
            重置密码
          </ActionButton>
        )}
        {!self && (
          <ActionButton className="gm-staff-card__action" tone={staff.disabled ? 'default' : 'danger'} onPress={() => onToggleDisabled(staff)} disabled={busy}>
            {staff.disabled ? '启用' : '停用'}
          </ActionButton>
        )}
        {onSaveDepartments && !editing && staff.role !== 'ADMIN' && (
          <ActionButton className="gm-staff-card__action" onPress={() => setEditing(staff.departments.map((d) => d.id))} disabled={busy}>
            调整部门
          </ActionButton>
        )}
        {!staff.disabled && !staff.wechatBound && (
          <ActionButton className="gm-staff-card__action" onPress={() => onInvite(staff)} disabled={busy}>
            生成绑定邀请码
          </ActionButton>
        )}
      </View>
    </View>
  )
}
