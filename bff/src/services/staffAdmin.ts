// Administrators' staff use cases: creating accounts with one-time passwords, roles and departments, disabling, password resets, WeChat invites, departments.
import type { BodyOf, ResponseOf, Staff } from '@gm/shared'
import type { Deps } from '../deps'
import type { StaffContext } from '../domain/actor'
import { AppError, validationFailed } from '../domain/errors'
import type { DbOrTx } from '../db/client'
import { countDepartments, insertDepartment } from '../repositories/department'
import { revokeSessionsOf } from '../repositories/session'
import { consumeInvite, createInvite, findStaff, insertStaff, listAllStaff, replaceStaffDepartments, updateStaffRow } from '../repositories/staff'
import { generatePassword, hashPassword } from '../security/password'
import { hashToken, newCode } from '../security/tokens'
import { auditorOf, recordAudit } from './audit'
import { auditableStaff, toStaff } from './staffView'
import { callWechat } from './wechat'

export const INVITE_TTL_MS = 72 * 3_600_000

export async function listStaff(deps: Deps): Promise<Staff[]> {
  return (await listAllStaff(deps.db)).map(toStaff)
}

/** The departments a staff member will work for: the primary one and the chosen ones, all existing. */
async function requireDepartments(db: DbOrTx, primary: number, chosen: readonly number[]) {
  const ids = [...new Set([primary, ...chosen])]
  if ((await countDepartments(db, ids)) !== ids.length) throw validationFailed({ departmentIds: '包含不存在的部门' })
  return ids
}

/** A new staff member gets a generated one-time password they must change at first sign-in. */
export async function createStaff(deps: Deps, context: StaffContext, input: BodyOf<'createStaff'>): Promise<ResponseOf<'createStaff'>> {
  const initialPassword = generatePassword()
  const passwordHash = await hashPassword(initialPassword)
  const { departmentIds, ...fields } = input
  const row = await deps.db.$transaction(async (tx) => {
    const ids = await requireDepartments(tx, fields.departmentId, departmentIds ?? [])
    const { id } = await insertStaff(tx, { ...fields, passwordHash, mustChangePassword: true })
    await replaceStaffDepartments(tx, id, ids)
    const created = (await findStaff(tx, id))!
    await recordAudit(tx, auditorOf(context), { action: 'createStaff', entity: 'staff', entityId: created.id, after: auditableStaff(created) })
    return created
  })
  return { staff: toStaff(row), initialPassword }
}

/** Role, departments, and disabling (which ends every session of theirs). */
export async function updateStaff(deps: Deps, context: StaffContext, id: number, input: BodyOf<'updateStaff'>): Promise<Staff> {
  if (id === context.actor.staffId && (input.disabled === true || (input.role && input.role !== 'ADMIN'))) {
    throw new AppError('FORBIDDEN', '不能停用自己或取消自己的管理员角色')
  }
  const now = deps.clock()
  const row = await deps.db.$transaction(async (tx) => {
    const before = await findStaff(tx, id)
    if (!before) throw new AppError('NOT_FOUND', '工作人员不存在')
    if (input.departmentId || input.departmentIds) {
      // A new primary department alone moves the staff member: it takes the old primary's place.
      const kept = input.departmentIds ?? before.departments.map((d) => d.department.id).filter((d) => d !== before.departmentId)
      await replaceStaffDepartments(tx, id, await requireDepartments(tx, input.departmentId ?? before.departmentId, kept))
    }
    const after = await updateStaffRow(tx, id, {
      ...(input.role ? { role: input.role } : {}),
      ...(input.departmentId ? { departmentId: input.departmentId } : {}),
      ...(input.disabled !== undefined ? { disabledAt: input.disabled ? (before.disabledAt ?? now) : null } : {}),
    })
    if (input.disabled) await revokeSessionsOf(tx, { staffId: id }, now)
    await recordAudit(tx, auditorOf(context), {
      action: 'updateStaff',
      entity: 'staff',
      entityId: id,
      before: auditableStaff(before),
      after: auditableStaff(after),
    })
    return after
  })
  return toStaff(row)
}

/**
 * A forgotten password: the administrator gives the staff member a new generated one-time password,
 * which they must change at their next sign-in; every session of theirs ends. Audited without the
 * password. Administrators change their own password themselves (修改密码).
 */
export async function resetStaffPassword(deps: Deps, context: StaffContext, id: number): Promise<ResponseOf<'resetStaffPassword'>> {
  if (id === context.actor.staffId) throw new AppError('FORBIDDEN', '不能重置自己的密码，请在「修改密码」中修改')
  const initialPassword = generatePassword()
  const passwordHash = await hashPassword(initialPassword)
  const now = deps.clock()
  const row = await deps.db.$transaction(async (tx) => {
    if (!(await findStaff(tx, id))) throw new AppError('NOT_FOUND', '工作人员不存在')
    const after = await updateStaffRow(tx, id, { passwordHash, mustChangePassword: true })
    await revokeSessionsOf(tx, { staffId: id }, now)
    await recordAudit(tx, auditorOf(context), {
      action: 'resetStaffPassword',
      entity: 'staff',
      entityId: id,
      after: { mustChangePassword: true, sessionsEnded: true },
    })
    return after
  })
  return { staff: toStaff(row), initialPassword }
}

export async function inviteStaff(deps: Deps, context: StaffContext, id: number): Promise<ResponseOf<'inviteStaff'>> {
  const code = newCode()
  const expiresAt = new Date(deps.clock().getTime() + INVITE_TTL_MS)
  await deps.db.$transaction(async (tx) => {
    if (!(await findStaff(tx, id))) throw new AppError('NOT_FOUND', '工作人员不存在')
    await createInvite(tx, id, hashToken(code), expiresAt)
    await recordAudit(tx, auditorOf(context), { action: 'inviteStaff', entity: 'staff', entityId: id, after: { expiresAt } })
  })
  return { code, expiresAt: expiresAt.toISOString() }
}

/** The invite proves who the staff member is; wx.login proves which WeChat user they are. */
export async function bindStaffWechat(deps: Deps, input: BodyOf<'bindStaffWechat'>): Promise<null> {
  const { openid } = await callWechat(deps, (wechat) => wechat.code2Session(input.code))
  await deps.db.$transaction(async (tx) => {
    const staffId = await consumeInvite(tx, hashToken(input.inviteCode.toUpperCase()), deps.clock())
    if (!staffId) throw new AppError('INVITE_INVALID')
    await updateStaffRow(tx, staffId, { wechatOpenid: openid })
    await recordAudit(tx, { staffId }, { action: 'bindWechat', entity: 'staff', entityId: staffId, after: { wechatBound: true } })
  })
  return null
}

export async function createDepartment(deps: Deps, context: StaffContext, name: string) {
  return deps.db.$transaction(async (tx) => {
    const department = await insertDepartment(tx, name)
    await recordAudit(tx, auditorOf(context), { action: 'createDepartment', entity: 'department', entityId: department.id, after: department })
    return department
  })
}
