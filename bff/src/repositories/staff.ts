// Staff accounts' rows: lookups by username or WeChat openid, password hashes, departments, admins count, and single-use invites.
import type { DbOrTx } from '../db/client'
import { refusingDuplicates } from '../db/errors'
import type { Prisma, StaffRole } from '../generated/prisma/client'

export const staffSelect = {
  id: true,
  username: true,
  displayName: true,
  role: true,
  departmentId: true,
  department: { select: { id: true, name: true } },
  departments: { select: { department: { select: { id: true, name: true } } }, orderBy: { departmentId: 'asc' } },
  mustChangePassword: true,
  disabledAt: true,
  wechatOpenid: true,
  createdAt: true,
} satisfies Prisma.StaffSelect
export type StaffRow = Prisma.StaffGetPayload<{ select: typeof staffSelect }>

export function findStaffByUsername(db: DbOrTx, username: string) {
  return db.staff.findUnique({ where: { username }, select: { ...staffSelect, passwordHash: true } })
}

export function findStaffByOpenid(db: DbOrTx, wechatOpenid: string) {
  return db.staff.findUnique({ where: { wechatOpenid }, select: staffSelect })
}

export function findStaff(db: DbOrTx, id: number) {
  return db.staff.findUnique({ where: { id }, select: staffSelect })
}

export function findStaffPasswordHash(db: DbOrTx, id: number) {
  return db.staff.findUnique({ where: { id }, select: { passwordHash: true } })
}

export function listAllStaff(db: DbOrTx) {
  return db.staff.findMany({ select: staffSelect, orderBy: { id: 'asc' } })
}

export function countActiveAdmins(db: DbOrTx) {
  return db.staff.count({ where: { role: 'ADMIN', disabledAt: null } })
}

export function insertStaff(
  db: DbOrTx,
  data: { username: string; displayName: string; role: StaffRole; departmentId: number; passwordHash: string; mustChangePassword: boolean },
) {
  return refusingDuplicates(db.staff.create({ data, select: staffSelect }), 'USERNAME_TAKEN')
}

export function updateStaffRow(db: DbOrTx, id: number, data: Prisma.StaffUncheckedUpdateInput) {
  return db.staff.update({ where: { id }, data, select: staffSelect })
}

/** The staff member works for exactly these departments from now on. */
export async function replaceStaffDepartments(db: DbOrTx, staffId: number, departmentIds: readonly number[]) {
  await db.staffDepartment.deleteMany({ where: { staffId, departmentId: { notIn: [...departmentIds] } } })
  await db.staffDepartment.createMany({ data: departmentIds.map((departmentId) => ({ staffId, departmentId })), skipDuplicates: true })
}

export function createInvite(db: DbOrTx, staffId: number, codeHash: string, expiresAt: Date) {
  return db.staffInvite.create({ data: { staffId, codeHash, expiresAt }, select: { id: true } })
}

/** Use an invite once: only an unused, unexpired invite is consumed. */
export async function consumeInvite(db: DbOrTx, codeHash: string, now: Date) {
  const invite = await db.staffInvite.findUnique({ where: { codeHash }, select: { id: true, staffId: true } })
  if (!invite) return null
  const used = await db.staffInvite.updateMany({ where: { id: invite.id, usedAt: null, expiresAt: { gt: now } }, data: { usedAt: now } })
  return used.count === 1 ? invite.staffId : null
}
