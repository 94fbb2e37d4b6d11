import { PRIVACY_NOTICE_VERSION, type StaffRole } from '@gm/shared'
import { hashPassword } from '../../bff/src/security/password'
import type { TestApp } from './testApp'
import { okBody } from './contractClient'

/**
 * A staff account with a known, already-changed password, and a signed-in session for it. It works
 * for `departments` (ids, the first the primary one), by default for the first department only.
 */
export async function signInStaff(
  app: TestApp,
  role: StaffRole,
  username = `${role.toLowerCase()}${Math.floor(Math.random() * 1e9)}`,
  options: { departments?: number[] } = {},
) {
  const password = 'Passw0rd-for-tests'
  const department = options.departments?.length
    ? { id: options.departments[0]! }
    : ((await app.db.department.findFirst({ select: { id: true } })) ?? (await app.db.department.create({ data: { name: `测试部门${username}` } })))
  const staff = await app.db.staff.create({
    data: {
      username,
      displayName: `测试${role}`,
      role,
      departmentId: department.id,
      passwordHash: await hashPassword(password),
      mustChangePassword: false,
      departments: { create: (options.departments ?? [department.id]).map((departmentId) => ({ departmentId })) },
    },
  })
  const { token } = okBody(await app.call('loginStaff', { body: { username, password } }))
  return { staff, password, token, auth: { Authorization: `Bearer ${token}` } }
}

/**
 * Which privacy notice a test citizen has accepted: the current one (the default, so a citizen can
 * write), none yet, or an earlier version (a new notice asks again).
 */
export type TestConsent = 'current' | 'none' | 'outdated'
export const OUTDATED_PRIVACY_VERSION = '2020-01'

/** Record the citizen's consent state directly (the API only accepts the current version). */
export async function setCitizenConsent(app: TestApp, citizenId: number, consent: TestConsent) {
  const privacyVersion = consent === 'current' ? PRIVACY_NOTICE_VERSION : consent === 'outdated' ? OUTDATED_PRIVACY_VERSION : null
  await app.db.citizen.update({ where: { id: citizenId }, data: { privacyVersion, privacyAcceptedAt: privacyVersion ? new Date() : null } })
}

/**
 * A citizen signed in through the H5 demo login (the app must run with demoLogin on), who has
 * accepted the current privacy notice unless `consent` says otherwise.
 */
export async function signInDemoCitizen(app: TestApp, name = '张三', consent: TestConsent = 'current') {
  const { me, token } = okBody(await app.call('loginDemo', { body: { name } }))
  const citizenId = me.id
  if (consent !== 'none') await setCitizenConsent(app, citizenId, consent)
  return { citizenId, token, auth: { Authorization: `Bearer ${token}` } }
}

/** A citizen who has not accepted the privacy notice yet: every personal-data write is refused. */
export const signInDemoCitizenWithoutConsent = (app: TestApp, name = '张三') => signInDemoCitizen(app, name, 'none')
