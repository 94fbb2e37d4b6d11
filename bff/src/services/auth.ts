import type { Session } from '@gm/shared'
import type { DbOrTx } from '../db/client'
import type { Deps } from '../deps'
import type { RequestContext, SignedInActor, StaffActor } from '../http/actor'
import { AppError } from '../http/errors'
import { upsertCitizenByOpenid } from '../repositories/citizen'
import { createSession, revokeSession, revokeSessionsOf } from '../repositories/session'
import {
  countFailedLogin,
  findStaffByOpenid,
  findStaffByUsername,
  findStaffPasswordHash,
  type StaffRow,
  updateStaffRow,
} from '../repositories/staff'
import { hashPassword, UNUSABLE_HASH, verifyPassword } from '../security/password'
import { hashToken, newToken } from '../security/tokens'
import { auditorOf, recordAudit } from './audit'
import { citizenMe } from './me'
import { staffMe } from './staffView'
import { callWechat } from './wechat'

export const MAX_FAILED_LOGINS = 5
export const LOCKOUT_MS = 15 * 60_000

async function openSession(deps: Deps, db: DbOrTx, owner: { citizenId: number } | { staffId: number }) {
  const token = newToken()
  const expiresAt = new Date(deps.clock().getTime() + deps.settings.sessionTtlHours * 3_600_000)
  await createSession(db, owner, hashToken(token), expiresAt)
  return { token, expiresAt: expiresAt.toISOString() }
}

/** wx.login code → code2Session → our own session; session_key stays on the server. */
export async function loginWithWechat(deps: Deps, code: string): Promise<Session> {
  const identity = await callWechat(deps, (wechat) => wechat.code2Session(code))
  const citizen = await upsertCitizenByOpenid(deps.db, identity.openid, { unionid: identity.unionid, sessionKey: identity.sessionKey })
  return { ...(await openSession(deps, deps.db, { citizenId: citizen.id })), me: citizenMe(citizen) }
}

/** The H5 build's demo citizen: a fresh identity per sign-in, only when explicitly enabled. */
export async function loginDemo(deps: Deps, name: string): Promise<Session> {
  if (!deps.settings.demoLogin) throw new AppError('DEMO_LOGIN_DISABLED')
  const citizen = await upsertCitizenByOpenid(deps.db, `demo:${newToken()}`, { nickname: name })
  return { ...(await openSession(deps, deps.db, { citizenId: citizen.id })), me: citizenMe(citizen) }
}

function ensureActive(staff: StaffRow, now: Date) {
  if (staff.disabledAt) throw new AppError('ACCOUNT_DISABLED')
  if (staff.lockedUntil && staff.lockedUntil > now) throw new AppError('ACCOUNT_LOCKED')
}

/**
 * Username + password. The same answer (and time) for an unknown user and a wrong password;
 * after MAX_FAILED_LOGINS failures in a row the account locks for LOCKOUT_MS.
 */
export async function loginStaff(deps: Deps, username: string, password: string): Promise<Session> {
  const staff = await findStaffByUsername(deps.db, username)
  const now = deps.clock()
  if (!staff) {
    await verifyPassword(password, UNUSABLE_HASH)
    throw new AppError('LOGIN_FAILED')
  }
  ensureActive(staff, now)
  if (!(await verifyPassword(password, staff.passwordHash))) {
    const failures = await countFailedLogin(deps.db, staff.id)
    if (failures >= MAX_FAILED_LOGINS) {
      await updateStaffRow(deps.db, staff.id, { lockedUntil: new Date(now.getTime() + LOCKOUT_MS), failedLogins: 0 })
      deps.log.warn({ staffId: staff.id }, 'staff account locked after repeated failed sign-ins')
      throw new AppError('ACCOUNT_LOCKED')
    }
    throw new AppError('LOGIN_FAILED')
  }
  const current = await updateStaffRow(deps.db, staff.id, { failedLogins: 0, lockedUntil: null })
  return { ...(await openSession(deps, deps.db, { staffId: staff.id })), me: staffMe(current) }
}

/** A staff member whose WeChat identity was bound with an invite signs in from the mini-program. */
export async function loginStaffWithWechat(deps: Deps, code: string): Promise<Session> {
  const { openid } = await callWechat(deps, (wechat) => wechat.code2Session(code))
  const staff = await findStaffByOpenid(deps.db, openid)
  if (!staff) throw new AppError('FORBIDDEN', '该微信未绑定工作人员账号')
  ensureActive(staff, deps.clock())
  return { ...(await openSession(deps, deps.db, { staffId: staff.id })), me: staffMe(staff) }
}

export async function logout(deps: Deps, actor: SignedInActor): Promise<null> {
  await revokeSession(deps.db, actor.sessionId, deps.clock())
  return null
}

/** Changing the password ends the member's other sessions. */
export async function changePassword(deps: Deps, context: RequestContext & { actor: StaffActor }, currentPassword: string, newPassword: string): Promise<null> {
  const { actor } = context
  const stored = await findStaffPasswordHash(deps.db, actor.staffId)
  if (!stored || !(await verifyPassword(currentPassword, stored.passwordHash))) {
    throw new AppError('WRONG_PASSWORD', undefined, { fields: { currentPassword: '当前密码不正确' } })
  }
  if (currentPassword === newPassword) {
    throw new AppError('VALIDATION_FAILED', undefined, { fields: { newPassword: '新密码不能与当前密码相同' } })
  }
  const passwordHash = await hashPassword(newPassword)
  await deps.db.$transaction(async (tx) => {
    await updateStaffRow(tx, actor.staffId, { passwordHash, mustChangePassword: false })
    await revokeSessionsOf(tx, { staffId: actor.staffId }, deps.clock(), actor.sessionId)
    await recordAudit(tx, auditorOf(context), { action: 'changePassword', entity: 'staff', entityId: actor.staffId })
  })
  return null
}
