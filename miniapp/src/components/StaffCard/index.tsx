import { Text, View } from '@tarojs/components'
import { formatShanghaiDateTime, type Staff, staffRoleLabels } from '@gm/shared'
import { cx } from '../../utils/format'
import { ActionButton } from '../ActionButton'
import { Badge } from '../Badge'
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
  onUnlock: (staff: Staff) => void
  onInvite: (staff: Staff) => void
}

/** One account in 工作人员管理 with its actions: 停用/启用, 解锁, 生成绑定邀请码. */
export function StaffCard({ staff, self = false, busy = false, error, invite, onToggleDisabled, onUnlock, onInvite }: StaffCardProps) {
  return (
    <View className={cx('gm-staff-card', staff.disabled && 'gm-staff-card--disabled')}>
      <View className='gm-staff-card__header'>
        <Text className='gm-staff-card__name'>{staff.displayName}</Text>
        <Text className='gm-staff-card__username'>{staff.username}</Text>
      </View>
      <Text className='gm-staff-card__meta'>{`${staffRoleLabels[staff.role]} · ${staff.department.name}`}</Text>
      <View className='gm-staff-card__badges'>
        {staff.disabled && <Badge tone='closed'>已停用</Badge>}
        {staff.locked && <Badge tone='closed'>已锁定</Badge>}
        <Badge tone={staff.wechatBound ? 'open' : 'info'}>{staff.wechatBound ? '已绑定微信' : '未绑定微信'}</Badge>
      </View>
      {error && <Notice tone='error'>{error}</Notice>}
      {invite && (
        <Notice tone='info'>{`绑定邀请码：${invite.code}\n有效期至 ${formatShanghaiDateTime(invite.expiresAt)}，请通过内部渠道告知本人，在小程序「工作人员登录 → 绑定微信」中使用。`}</Notice>
      )}
      <View className='gm-staff-card__actions'>
        {!self && (
          <ActionButton className='gm-staff-card__action' tone={staff.disabled ? 'default' : 'danger'} onPress={() => onToggleDisabled(staff)} disabled={busy}>
            {staff.disabled ? '启用' : '停用'}
          </ActionButton>
        )}
        {staff.locked && (
          <ActionButton className='gm-staff-card__action' onPress={() => onUnlock(staff)} disabled={busy}>
            解锁
          </ActionButton>
        )}
        {!staff.disabled && !staff.wechatBound && (
          <ActionButton className='gm-staff-card__action' onPress={() => onInvite(staff)} disabled={busy}>
            生成绑定邀请码
          </ActionButton>
        )}
      </View>
    </View>
  )
}
