import { bootstrapAdmin } from '../../bff/src/services/bootstrap'
import { seedDemo } from '../../bff/src/seed/demo'
import { SIGN_IN_THROTTLE } from '../../bff/src/services/auth'
import { signInDemoCitizen, signInDemoCitizenWithoutConsent, signInStaff } from '../support/identity'
import { startTestApp, type TestApp } from '../support/testApp'
import { okBody, refusal } from '../support/contractClient'

let app: TestApp
beforeAll(async () => {
  app = await startTestApp({ settings: { demoLogin: true } })
})
afterAll(() => app.close())
beforeEach(() => {
  app.now.value = new Date()
})

const login = (username: string, password: string) => app.call('loginStaff', { body: { username, password } })
/** GET /api/me with these headers. */
const me = (headers?: Record<string, string>) => app.call('getMe', {}, { headers })
/** The password checks that failed for this staff member, as the security log records them. */
const failedChecks = (warn: jest.SpyInstance, staffId: number) =>
  warn.mock.calls.filter(([fields, message]) => message === 'staff sign-in failed' && fields.staffId === staffId).length

describe('staff password sign-in', () => {
  it('signs in with the right password and answers the same for a wrong password and an unknown user', async () => {
    const { staff, password } = await signInStaff(app, 'EDITOR', 'editor.alice')
    const warn = jest.spyOn(app.deps.log, 'warn')
    const ok = await login('editor.alice', password)
    expect(ok.status).toBe(200)
    expect(okBody(ok).me).toMatchObject({ kind: 'staff', username: 'editor.alice', role: 'EDITOR' })
    expect(JSON.stringify(ok.body)).not.toMatch(/passwordHash|scrypt/)
    const wrong = await login('editor.alice', 'not-the-password1')
    const unknown = await login('nobody.here', 'whatever-password1')
    expect(refusal(wrong)).toEqual([401, 'LOGIN_FAILED'])
    expect(refusal(unknown)).toEqual([401, 'LOGIN_FAILED'])
    // The same words for both (only the request id differs): nothing tells which usernames exist.
    expect(wrong.body).toMatchObject({ error: { message: (unknown.body as { error: { message: string } }).error.message } })
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
      expect(refusal(answer)).toEqual([401, 'LOGIN_FAILED'])
      expect(answer.body).toMatchObject({ error: { message: '用户名或密码错误' } })
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
    expect(refusal(await login('editor.dave', 'not-the-password1'))).toEqual([401, 'LOGIN_FAILED'])
    expect(refusal(await login('editor.dave', password))).toEqual([403, 'ACCOUNT_DISABLED'])
  })

  it('rejects empty and malformed credentials with field messages', async () => {
    const answer = await login('', '')
    expect(refusal(answer)).toEqual([400, 'VALIDATION_FAILED'])
    expect(answer.body).toMatchObject({ error: { details: { fields: { username: expect.any(String), password: expect.any(String) } } } })
  })
})

describe('sessions', () => {
  it('ends with logout: the token then gets SESSION_EXPIRED', async () => {
    const { auth } = await signInStaff(app, 'EDITOR')
    expect((await me(auth)).status).toBe(200)
    expect((await app.call('logout', {}, { headers: auth })).status).toBe(204)
    expect(refusal(await me(auth))).toEqual([401, 'SESSION_EXPIRED'])
  })

  it('expire after the configured lifetime', async () => {
    const { auth } = await signInStaff(app, 'EDITOR')
    app.now.value = new Date(Date.now() + 25 * 3_600_000)
    expect(refusal(await me(auth))).toEqual([401, 'SESSION_EXPIRED'])
  })

  it('distinguish "no session" (UNAUTHORIZED) from a bad token (SESSION_EXPIRED)', async () => {
    expect(refusal(await me())).toEqual([401, 'UNAUTHORIZED'])
    expect(refusal(await me({ Authorization: 'Bearer not-a-real-token-0000000000' }))).toEqual([401, 'SESSION_EXPIRED'])
    expect(refusal(await me({ Authorization: 'Basic abc' }))).toEqual([401, 'SESSION_EXPIRED'])
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
    const created = await app.call(
      'createStaff',
      { body: { username: 'new.member', displayName: '李四', role: 'REVIEWER', departmentId } },
      { headers: admin.auth },
    )
    expect(created.status).toBe(201)
    const initial = okBody(created).initialPassword
    expect(initial).toMatch(/^[\w-]{16}$/)

    const first = okBody(await login('new.member', initial))
    const auth = { Authorization: `Bearer ${first.token}` }
    expect(first.me).toMatchObject({ mustChangePassword: true })
    const second = okBody(await login('new.member', initial))
    expect((await me(auth)).status).toBe(200)
    expect(refusal(await app.call('listAudit', {}, { headers: auth }))).toEqual([403, 'PASSWORD_CHANGE_REQUIRED'])

    const changePassword = (currentPassword: string, newPassword: string) =>
      app.call('changePassword', { body: { currentPassword, newPassword } }, { headers: auth })
    const weak = await changePassword(initial, 'short')
    expect(refusal(weak)).toEqual([400, 'VALIDATION_FAILED'])
    expect(weak.body).toMatchObject({ error: { details: { fields: { newPassword: expect.stringMatching(/10/) } } } })
    expect(refusal(await changePassword('wrong-passw0rd', 'Brand-new-passw0rd'))[1]).toBe('WRONG_PASSWORD')
    expect((await changePassword(initial, 'Brand-new-passw0rd')).status).toBe(204)

    expect(okBody(await me(auth))).toMatchObject({ mustChangePassword: false })
    expect(refusal(await me({ Authorization: `Bearer ${second.token}` }))).toEqual([401, 'SESSION_EXPIRED'])
    expect(refusal(await login('new.member', initial))).toEqual([401, 'LOGIN_FAILED'])
    expect((await login('new.member', 'Brand-new-passw0rd')).status).toBe(200)
  })
})

describe('staff administration and the audit log', () => {
  it('disabling a member ends their sessions and refuses sign-in; records before/after without secrets', async () => {
    const admin = await signInStaff(app, 'ADMIN')
    const member = await signInStaff(app, 'EDITOR', 'editor.carol')
    const disabled = await app.call('updateStaff', { params: { id: member.staff.id }, body: { disabled: true } }, { headers: admin.auth })
    expect(okBody(disabled)).toMatchObject({ disabled: true })
    expect(refusal(await me(member.auth))).toEqual([401, 'SESSION_EXPIRED'])
    expect(refusal(await login('editor.carol', member.password))).toEqual([403, 'ACCOUNT_DISABLED'])

    const audit = okBody(await app.call('listAudit', { query: { entity: 'staff' } }, { headers: admin.auth }))
    const entry = audit.items.find((e) => e.action === 'updateStaff' && e.entityId === String(member.staff.id))
    expect(entry).toMatchObject({ staff: { id: admin.staff.id }, before: { disabled: false }, after: { disabled: true } })
    expect(JSON.stringify(audit)).not.toMatch(/passwordHash|scrypt|openid/)
  })

  it('has no account lock to show or lift: sign-in is throttled per username and address instead', async () => {
    const admin = await signInStaff(app, 'ADMIN')
    const member = await signInStaff(app, 'EDITOR', 'editor.gina')
    // `unlock` is not part of the contract: sent raw, it is refused as an unknown field.
    const unlock = await app.request(`/api/admin/staff/${member.staff.id}`, { method: 'PATCH', headers: admin.auth, json: { unlock: true } })
    expect([unlock.status, unlock.body.error.code]).toEqual([400, 'VALIDATION_FAILED'])
    const listed = okBody(await app.call('listStaff', {}, { headers: admin.auth })).find((s) => s.id === member.staff.id)
    expect(listed).toMatchObject({ username: 'editor.gina', disabled: false })
    expect(listed).not.toHaveProperty('locked')
    const columns = await app.db.$queryRaw<{ column_name: string }[]>`SELECT column_name::text FROM information_schema.columns WHERE table_name = 'staff'`
    expect(columns.map((c) => c.column_name)).not.toEqual(expect.arrayContaining(['locked_until']))
    expect(columns.map((c) => c.column_name)).not.toEqual(expect.arrayContaining(['failed_logins']))
  })

  it('refuses an admin disabling or demoting themselves', async () => {
    const admin = await signInStaff(app, 'ADMIN')
    const updateSelf = (body: { disabled?: boolean; role?: 'EDITOR' }) =>
      app.call('updateStaff', { params: { id: admin.staff.id }, body }, { headers: admin.auth })
    expect((await updateSelf({ disabled: true })).status).toBe(403)
    expect((await updateSelf({ role: 'EDITOR' })).status).toBe(403)
  })

  it('rejects a duplicate username (USERNAME_TAKEN) or department (DEPARTMENT_EXISTS) and stores nothing', async () => {
    const admin = await signInStaff(app, 'ADMIN')
    const departmentId = (await app.db.department.findFirstOrThrow()).id
    const createTwin = () =>
      app.call('createStaff', { body: { username: 'twin.user', displayName: '甲', role: 'EDITOR', departmentId } }, { headers: admin.auth })
    expect((await createTwin()).status).toBe(201)
    expect(refusal(await createTwin())).toEqual([409, 'USERNAME_TAKEN'])
    expect(await app.db.staff.count({ where: { username: 'twin.user' } })).toBe(1)
    const createDepartment = () => app.call('createDepartment', { body: { name: '统计局' } }, { headers: admin.auth })
    expect((await createDepartment()).status).toBe(201)
    expect(refusal(await createDepartment())).toEqual([409, 'DEPARTMENT_EXISTS'])
  })

  it('audit entries are readable by admins only', async () => {
    for (const role of ['EDITOR', 'REVIEWER'] as const) {
      const { auth } = await signInStaff(app, role)
      expect((await app.call('listAudit', {}, { headers: auth })).status).toBe(403)
    }
    const citizen = await signInDemoCitizen(app)
    expect((await app.call('listAudit', {}, { headers: citizen.auth })).status).toBe(403)
    expect((await app.call('listAudit')).status).toBe(401)
  })
})

describe('H5 demo login', () => {
  it('is refused unless enabled by configuration', async () => {
    const off = await startTestApp()
    try {
      expect(refusal(await off.call('loginDemo', { body: { name: '王五' } }))).toEqual([403, 'DEMO_LOGIN_DISABLED'])
      expect(await off.db.citizen.count()).toBe(0)
    } finally {
      await off.close()
    }
  })

  it('creates a citizen session when enabled', async () => {
    const { auth } = await signInDemoCitizenWithoutConsent(app, '王五')
    expect(okBody(await me(auth))).toMatchObject({ kind: 'citizen', nickname: '王五', privacyAccepted: false })
  })
})
