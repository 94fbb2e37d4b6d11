import type { Me, Staff } from '@gm/shared'
import type { StaffRow } from '../repositories/staff'
import { iso } from './paging'

export function staffMe(row: StaffRow): Me {
  return {
    kind: 'staff',
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    role: row.role,
    department: row.department,
    mustChangePassword: row.mustChangePassword,
    wechatBound: row.wechatOpenid !== null,
  }
}

export function toStaff(row: StaffRow, now: Date): Staff {
  return {
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    role: row.role,
    department: row.department,
    disabled: row.disabledAt !== null,
    locked: row.lockedUntil !== null && row.lockedUntil > now,
    wechatBound: row.wechatOpenid !== null,
    createdAt: iso(row.createdAt),
  }
}

/** What the audit log keeps of a staff record: never the password hash or the openid. */
export function auditableStaff(row: StaffRow) {
  return {
    username: row.username,
    displayName: row.displayName,
    role: row.role,
    departmentId: row.departmentId,
    disabled: row.disabledAt !== null,
    wechatBound: row.wechatOpenid !== null,
  }
}
