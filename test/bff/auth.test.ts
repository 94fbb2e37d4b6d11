import { bootstrapAdmin } from '../../bff/src/services/bootstrap'
import { seedDemo } from '../../bff/src/seed/demo'
import { SIGN_IN_THROTTLE } from '../../bff/src/services/auth'
import { signInDemoCitizen, signInDemoCitizenWithoutConsent, signInStaff } from '../support/identity'
import { startTestApp, type TestApp } from '../support/testApp'

let app: TestApp
beforeAll(async () => {
  app = await startTestApp({ settings: { demoLogin: true } })
})
afterAll(() => app.close())
beforeEach(() => {
  app.now.value = new Date()
})

const login = (username: string, password: string) => app.request('/api/auth/staff', { method: 'POST', json: { username, password } })
/** The password checks that failed for this staff member, as the security log records them. */
const failedChecks = (warn: jest.SpyInstance, staffId: number) =>
  warn.mock.calls.filter(([fields, message]) => message === 'staff sign-in failed' && fields.staffId === staffId).length

describe('staff password sign-in', () => {
  it('signs in with the right password and answers the same for a wrong password and an unknown user', async () => {
    const { staff, password } = await signInStaff(app, 'EDITOR', 'editor.alice')
    const warn = jest.spyOn(app.deps.log, 'warn')
    const ok = await login('editor.alice', password)
    expect(ok.status).toBe(200)
    expect(ok.body.me).toMatchObject({ kind: 'staff', username: 'editor.alice', role: 'EDITOR' })
    expect(JSON.stringify(ok.body)).not.toMatch(/passwordHash|scrypt/)
    const wrong = await login('editor.alice', 'not-the-password1')
    const unknown = await login('nobody.here', 'whatever-password1')
    expect([wrong.status, wrong.body.error.code]).toEqual([401, 'LOGIN_FAILED'])
    expect([unknown.status, unknown.body.error.code]).toEqual([401, 'LOGIN_FAILED'])
    expect(wrong.body.error.message).toBe(unknown.body.error.message)
    expect(failedChecks(warn, staff.id)).toBe(1)
    // What was typed as a username is not logged.
    expect(JSON.stringify(warn.mock.calls)).not.toContain('nobody.here')
    warn.mockRestore()
  })

  it(`throttles after ${SIGN_IN_THROTTLE.perAccountAndAddress.points} failures from one address: even the right password then gets the same 401, other accounts are unaffected`, async () => {
    const { staff, password } = await signInStaff(app, 'REVIEWER', 'reviewer.bob')
    const warn = jest.spyOn(app.deps.log, 'warn')
    const limit = SIGN_IN_THROTTLE.perAccountAndAddress.points
    const answers = []
    for (let i = 1; i <= limit + 3; i++) answers.push(await login('reviewer.bob', `wrong-password-${i}`))
    const throttled = await login('reviewer.bob', password)
    for (const answer of [...answers, throttled]) {
      expect([answer.status, answer.body.error.code, answer.body.error.message]).toEqual([401, 'LOGIN_FAILED', '用户名或密码错误'])
    }
    // Only the reserved attempts reached the password check.
    expect(failedChecks(warn, staff.id)).toBe(limit)
    warn.mockRestore()
    const other = await signInStaff(app, 'EDITOR', 'editor.erin')
    expect((await login('editor.erin', other.password)).status).toBe(200)
  })

  it('answers a disabled account like a wrong password unless the password is right', async () => {
    const { staff, password } = await signInStaff(app, 'EDITOR', 'editor.dave')
    await app.db.staff.update({ where: { id: staff.id }, data: { disabledAt: new Date() } })
    const wrong = await login('editor.dave', 'not-the-password1')
    expect([wrong.status, wrong.body.error.code]).toEqual([401, 'LOGIN_FAILED'])
    const right = await login('editor.dave', password)
    expect([right.status, right.body.error.code]).toEqual([403, 'ACCOUNT_DISABLED'])
  })

  it('rejects empty and malformed credentials with field messages', async () => {
    const { status, body } = await app.request('/api/auth/staff', { method: 'POST', json: { username: '', password: '' } })
    expect(status).toBe(400)
    expect(Object.keys(body.error.details.fields).sort()).toEqual(['password', 'username'])
  })
})

describe('sessions', () => {
  it('ends with logout: the token then gets SESSION_EXPIRED', async () => {
    const { auth } = await signInStaff(app, 'EDITOR')
    expect((await app.request('/api/me', { headers: auth })).status).toBe(200)
    expect((await app.request('/api/auth/logout', { method: 'POST', headers: auth })).status).toBe(204)
    const after = await app.request('/api/me', { headers: auth })
    expect([after.status, after.body.error.code]).toEqual([401, 'SESSION_EXPIRED'])
  })

  it('expire after the configured lifetime', async () => {
    const { auth } = await signInStaff(app, 'EDITOR')
    app.now.value = new Date(Date.now() + 25 * 3_600_000)
    expect((await app.request('/api/me', { headers: auth })).body.error.code).toBe('SESSION_EXPIRED')
  })

  it('distinguish "no session" (UNAUTHORIZED) from a bad token (SESSION_EXPIRED)', async () => {
    expect((await app.request('/api/me')).body.error.code).toBe('UNAUTHORIZED')
    expect((await app.request('/api/me', { headers: { Authorization: 'Bearer not-a-real-token-0000000000' } })).body.error.code).toBe('SESSION_EXPIRED')
    expect((await app.request('/api/me', { headers: { Authorization: 'Basic abc' } })).body.error.code).toBe('SESSION_EXPIRED')
  })

  it('store only a hash of the token', async () => {
    const { token } = await signInStaff(app, 'EDITOR')
    const rows = await app.db.session.findMany({ select: { tokenHash: true } })
    expect(rows.some((r) => r.tokenHash === token)).toBe(false)
    expect(rows.every((r) => /^[0-9a-f]{64}$/.test(r.tokenHash))).toBe(true)
  })
})

describe('first administrator and password change', () => {
  it('creates the bootstrap admin only while no active admin exists (other staff, e.g. demo content, do not count)', async () => {
    const empty = await startTestApp()
    try {
      await seedDemo(empty.db, new Date())
      expect(await bootstrapAdmin(empty.deps, 'root.admin', 'Initial-passw0rd')).toBe(true)
      expect(await bootstrapAdmin(empty.deps, 'second.admin', 'Initial-passw0rd')).toBe(false)
      expect(await empty.db.staff.count({ where: { role: 'ADMIN' } })).toBe(1)
    } finally {
      await empty.close()
    }
  })

  it('makes a new staff member change the one-time password before doing anything else, and ends other sessions', async () => {
    const admin = await signInStaff(app, 'ADMIN')
    const departmentId = (await app.db.department.findFirstOrThrow()).id
    const created = await app.request('/api/admin/staff', {
      method: 'POST',
      headers: admin.auth,
      json: { username: 'new.member', displayName: '李四', role: 'REVIEWER', departmentId },
    })
    expect(created.status).toBe(201)
    const initial = created.body.initialPassword as string
    expect(initial).toMatch(/^[\w-]{16}$/)

    const first = await login('new.member', initial)
    const auth = { Authorization: `Bearer ${first.body.token}` }
    expect(first.body.me.mustChangePassword).toBe(true)
    const second = await login('new.member', initial)
    expect((await app.request('/api/me', { headers: auth })).status).toBe(200)
    expect((await app.request('/api/admin/audit', { headers: auth })).body.error.code).toBe('PASSWORD_CHANGE_REQUIRED')

    const weak = await app.request('/api/auth/password', { method: 'PUT', headers: auth, json: { currentPassword: initial, newPassword: 'short' } })
    expect(weak.body.error.details.fields.newPassword).toMatch(/10/)
    const wrong = await app.request('/api/auth/password', {
      method: 'PUT',
      headers: auth,
      json: { currentPassword: 'wrong-passw0rd', newPassword: 'Brand-new-passw0rd' },
    })
    expect(wrong.body.error.code).toBe('WRONG_PASSWORD')
    const changed = await app.request('/api/auth/password', {
      method: 'PUT',
      headers: auth,
      json: { currentPassword: initial, newPassword: 'Brand-new-passw0rd' },
    })
    expect(changed.status).toBe(204)

    expect((await app.request('/api/me', { headers: auth })).body.mustChangePassword).toBe(false)
    expect((await app.request('/api/me', { headers: { Authorization: `Bearer ${second.body.token}` } })).body.error.code).toBe('SESSION_EXPIRED')
    expect((await login('new.member', initial)).body.error.code).toBe('LOGIN_FAILED')
    expect((await login('new.member', 'Brand-new-passw0rd')).status).toBe(200)
  })
})

describe('staff administration and the audit log', () => {
  it('disabling a member ends their sessions and refuses sign-in; records before/after without secrets', async () => {
    const admin = await signInStaff(app, 'ADMIN')
    const member = await signInStaff(app, 'EDITOR', 'editor.carol')
    const disabled = await app.request(`/api/admin/staff/${member.staff.id}`, { method: 'PATCH', headers: admin.auth, json: { disabled: true } })
    expect(disabled.body).toMatchObject({ disabled: true })
    expect((await app.request('/api/me', { headers: member.auth })).body.error.code).toBe('SESSION_EXPIRED')
    expect((await login('editor.carol', member.password)).body.error.code).toBe('ACCOUNT_DISABLED')

    const audit = await app.request('/api/admin/audit?entity=staff', { headers: admin.auth })
    const entry = audit.body.items.find((e: { action: string; entityId: string }) => e.action === 'updateStaff' && e.entityId === String(member.staff.id))
    expect(entry).toMatchObject({ staff: { id: admin.staff.id }, before: { disabled: false }, after: { disabled: true } })
    expect(JSON.stringify(audit.body)).not.toMatch(/passwordHash|scrypt|openid/)
  })

  it('has no account lock to show or lift: sign-in is throttled per username and address instead', async () => {
    const admin = await signInStaff(app, 'ADMIN')
    const member = await signInStaff(app, 'EDITOR', 'editor.gina')
    const unlock = await app.request(`/api/admin/staff/${member.staff.id}`, { method: 'PATCH', headers: admin.auth, json: { unlock: true } })
    expect([unlock.status, unlock.body.error.code]).toEqual([400, 'VALIDATION_FAILED'])
    const listed = (await app.request('/api/admin/staff', { headers: admin.auth })).body.find((s: { id: number }) => s.id === member.staff.id)
    expect(listed).toMatchObject({ username: 'editor.gina', disabled: false })
    expect(listed).not.toHaveProperty('locked')
    const columns = await app.db.$queryRaw<{ column_name: string }[]>`SELECT column_name::text FROM information_schema.columns WHERE table_name = 'staff'`
    expect(columns.map((c) => c.column_name)).not.toEqual(expect.arrayContaining(['locked_until']))
    expect(columns.map((c) => c.column_name)).not.toEqual(expect.arrayContaining(['failed_logins']))
  })

  it('refuses an admin disabling or demoting themselves', async () => {
    const admin = await signInStaff(app, 'ADMIN')
    expect((await app.request(`/api/admin/staff/${admin.staff.id}`, { method: 'PATCH', headers: admin.auth, json: { disabled: true } })).status).toBe(403)
    expect((await app.request(`/api/admin/staff/${admin.staff.id}`, { method: 'PATCH', headers: admin.auth, json: { role: 'EDITOR' } })).status).toBe(403)
  })

  it('rejects a duplicate username (USERNAME_TAKEN) or department (DEPARTMENT_EXISTS) and stores nothing', async () => {
    const admin = await signInStaff(app, 'ADMIN')
    const departmentId = (await app.db.department.findFirstOrThrow()).id
    const body = { username: 'twin.user', displayName: '甲', role: 'EDITOR', departmentId }
    expect((await app.request('/api/admin/staff', { method: 'POST', headers: admin.auth, json: body })).status).toBe(201)
    const again = await app.request('/api/admin/staff', { method: 'POST', headers: admin.auth, json: body })
    expect([again.status, again.body.error.code]).toEqual([409, 'USERNAME_TAKEN'])
    expect(await app.db.staff.count({ where: { username: 'twin.user' } })).toBe(1)
    expect((await app.request('/api/admin/departments', { method: 'POST', headers: admin.auth, json: { name: '统计局' } })).status).toBe(201)
    expect((await app.request('/api/admin/departments', { method: 'POST', headers: admin.auth, json: { name: '统计局' } })).body.error.code).toBe(
      'DEPARTMENT_EXISTS',
    )
  })

  it('audit entries are readable by admins only', async () => {
    for (const role of ['EDITOR', 'REVIEWER'] as const) {
      const { auth } = await signInStaff(app, role)
      expect((await app.request('/api/admin/audit', { headers: auth })).status).toBe(403)
    }
    const citizen = await signInDemoCitizen(app)
    expect((await app.request('/api/admin/audit', { headers: citizen.auth })).status).toBe(403)
    expect((await app.request('/api/admin/audit')).status).toBe(401)
  })
})

describe('H5 demo login', () => {
  it('is refused unless enabled by configuration', async () => {
    const off = await startTestApp()
    try {
      const { status, body } = await off.request('/api/auth/demo', { method: 'POST', json: { name: '王五' } })
      expect([status, body.error.code]).toEqual([403, 'DEMO_LOGIN_DISABLED'])
      expect(await off.db.citizen.count()).toBe(0)
    } finally {
      await off.close()
    }
  })

  it('creates a citizen session when enabled', async () => {
    const { auth } = await signInDemoCitizenWithoutConsent(app, '王五')
    expect((await app.request('/api/me', { headers: auth })).body).toMatchObject({ kind: 'citizen', nickname: '王五', privacyAccepted: false })
  })
})
