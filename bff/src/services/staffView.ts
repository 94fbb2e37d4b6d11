// Staff rows in wire shapes: their departments, the staff "me", the admin list entry, and what the audit log keeps.
import type { Department, Me, Staff } from '@gm/shared'
import type { StaffRow } from '../repositories/staff'
import { iso } from './paging'

/** Every department of a staff member, the primary one first. */
export function departmentsOf(row: StaffRow): Department[] {
  return [row.department, ...row.departments.map((d) => d.department).filter((d) => d.id !== row.department.id)]
}

export function staffMe(row: StaffRow): Me {
  return {
    kind: 'staff',
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    role: row.role,
    department: row.department,
    departments: departmentsOf(row),
    mustChangePassword: row.mustChangePassword,
    wechatBound: row.wechatOpenid !== null,
  }
}

export function toStaff(row: StaffRow): Staff {
  return {
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    role: row.role,
    department: row.department,
    departments: departmentsOf(row),
    disabled: row.disabledAt !== null,
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
    departmentIds: departmentsOf(row).map((d) => d.id),
    disabled: row.disabledAt !== null,
    wechatBound: row.wechatOpenid !== null,
  }
}
