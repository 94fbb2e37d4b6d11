// Sign-in use cases: citizens through WeChat or the H5 demo, staff by password (throttled) or bound WeChat; sign-out and password changes.
import type { Session } from '@gm/shared'
import type { DbOrTx } from '../db/client'
import type { Deps } from '../deps'
import type { RequestContext, SignedInActor, StaffActor } from '../domain/actor'
import { AppError } from '../domain/errors'
import { upsertCitizenByOpenid } from '../repositories/citizen'
import { createSession, revokeSession, revokeSessionsOf } from '../repositories/session'
import { findStaffByOpenid, findStaffByUsername, findStaffPasswordHash, type StaffRow, updateStaffRow } from '../repositories/staff'
import { createLimiterStore, type LimiterStore } from '../security/limiter'
import { hashPassword, UNUSABLE_HASH, verifyPassword } from '../security/password'
import { hashToken, newToken } from '../security/tokens'
import { auditorOf, recordAudit } from './audit'
import { citizenMe } from './me'
import { staffMe } from './staffView'
import { callWechat } from './wechat'

/**
 * Staff sign-in throttling. Each attempt is reserved (an atomic counter, shared across instances
 * through Redis) BEFORE the password is checked, so a parallel burst checks at most
 * `perAccountAndAddress.points` passwords; past the limit even the right password is refused with
 * the same answer. Counted per username and address, so nobody elsewhere can lock a member out, and
 * per address over a day, so one address cannot try many usernames. A success clears the count.
 */
export const SIGN_IN_THROTTLE = {
  perAccountAndAddress: { points: 5, duration: 15 * 60, blockDuration: 15 * 60 },
  perAddress: { points: 100, duration: 24 * 60 * 60 },
} as const

/** In-process counters for apps built without a limiter store (one per database client). */
const fallbackStores = new WeakMap<object, LimiterStore>()

function signInLimiters(deps: Deps) {
  let store = deps.limits
  if (!store) {
    store = fallbackStores.get(deps.db) ?? createLimiterStore({ prefix: 'gm:signin', multiplier: 1 })
    fallbackStores.set(deps.db, store)
  }
  return {
    perAccount: store.limiter('signin:account', SIGN_IN_THROTTLE.perAccountAndAddress, { scaled: false }),
    perAddress: store.limiter('signin:address', SIGN_IN_THROTTLE.perAddress, { scaled: false }),
  }
}

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

function ensureActive(staff: StaffRow) {
  if (staff.disabledAt) throw new AppError('ACCOUNT_DISABLED')
}

/**
 * Username + password. Unknown user, wrong password and a throttled attempt get the same answer
 * (401 LOGIN_FAILED) after the same work; only the right password reveals that an account is disabled.
 */
export async function loginStaff(deps: Deps, username: string, password: string, clientIp = 'unknown'): Promise<Session> {
  const { perAccount, perAddress } = signInLimiters(deps)
  const accountKey = `${username}|${clientIp}`
  const reserved = (await perAccount.take(accountKey)).allowed && (await perAddress.take(clientIp)).allowed
  if (!reserved) {
    deps.log.warn({ username, clientIp }, 'staff sign-in throttled')
    throw new AppError('LOGIN_FAILED')
  }
  const staff = await findStaffByUsername(deps.db, username)
  const matches = await verifyPassword(password, staff?.passwordHash ?? UNUSABLE_HASH)
  if (!staff || !matches) {
    // The security record of password checks that failed (the throttle above is what refuses); what was typed as a username is not logged.
    deps.log.warn({ staffId: staff?.id ?? null, clientIp }, 'staff sign-in failed')
    throw new AppError('LOGIN_FAILED')
  }
  await perAccount.reset(accountKey)
  await perAddress.giveBack(clientIp)
  ensureActive(staff)
  return { ...(await openSession(deps, deps.db, { staffId: staff.id })), me: staffMe(staff) }
}

/** A staff member whose WeChat identity was bound with an invite signs in from the mini-program. */
export async function loginStaffWithWechat(deps: Deps, code: string): Promise<Session> {
  const { openid } = await callWechat(deps, (wechat) => wechat.code2Session(code))
  const staff = await findStaffByOpenid(deps.db, openid)
  if (!staff) throw new AppError('FORBIDDEN', '该微信未绑定工作人员账号')
  ensureActive(staff)
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
