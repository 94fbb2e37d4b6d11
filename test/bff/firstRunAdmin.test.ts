// The first-run path: the bootstrap administrator acts on opinions itself, and administrators reset a staff member's forgotten password.
import { bootstrapAdmin } from '../../bff/src/services/bootstrap'
import { shanghaiToday } from '../support/departments'
import { signInStaff } from '../support/identity'
import { startTestApp, type TestApp } from '../support/testApp'

const DAY = 86_400_000
let app: TestApp
let admin: { id: number; auth: Record<string, string> }

beforeAll(async () => {
  app = await startTestApp()
  admin = await firstAdmin()
})
afterAll(() => app.close())

const post = (path: string, auth: Record<string, string>, json?: unknown) =>
  app.request(path, { method: 'POST', headers: auth, ...(json !== undefined ? { json } : {}) })
const signIn = (username: string, password: string) => app.request('/api/auth/staff', { method: 'POST', json: { username, password } })

/** The bootstrap administrator (the only one: it is created when none exists) after its forced first password change. */
async function firstAdmin() {
  const username = 'admin.first'
  expect(await bootstrapAdmin(app.deps, username, 'Bootstrap-once-1')).toBe(true)
  const first = await signIn(username, 'Bootstrap-once-1')
  expect(first.body.me.mustChangePassword).toBe(true)
  const auth = { Authorization: `Bearer ${first.body.token}` }
  expect(
    (
      await app.request('/api/auth/password', {
        method: 'PUT',
        headers: auth,
        json: { currentPassword: 'Bootstrap-once-1', newPassword: 'Admin-own-passw0rd' },
      })
    ).status,
  ).toBe(204)
  const again = await signIn(username, 'Admin-own-passw0rd')
  return { id: again.body.me.id as number, auth: { Authorization: `Bearer ${again.body.token}` } }
}

describe('the bootstrap administrator and opinions', () => {
  it('lists, masks and approves, answers and publishes the feedback without creating a reviewer first', async () => {
    const { id: departmentId } = await app.db.department.create({ data: { name: '首次运行测试局' } })
    const now = Date.now()
    const consultation = await app.db.consultation.create({
      data: {
        departmentId,
        title: '首次运行测试办法（征求意见稿）',
        summary: '首次运行',
        isMajorDecision: false,
        opensAt: new Date(now - 20 * DAY),
        closesAt: new Date(now - DAY),
        publishedAt: new Date(now - 20 * DAY),
      },
    })
    const opinion = await app.db.opinion.create({
      data: {
        consultationId: consultation.id,
        receiptCode: `YJ-FIRST-${now}`,
        rawText: '建议增加公交班次，我的电话 13912345678。',
        createdAt: new Date(now - 10 * DAY),
      },
    })

    const list = await app.request(`/api/staff/consultations/${consultation.id}/opinions`, { headers: admin.auth })
    expect(list.status).toBe(200)
    const [row] = list.body.items
    const masks = row.suggestedMasks.map(({ kind, start, end }: { kind: string; start: number; end: number }) => ({ kind, start, end }))
    expect((await post(`/api/staff/opinions/${opinion.id}/moderation`, admin.auth, { decision: 'APPROVE', masks })).status).toBe(200)
    const answered = await app.request(`/api/staff/opinions/${opinion.id}/answer`, {
      method: 'PUT',
      headers: admin.auth,
      json: { adoption: 'ADOPTED', content: '已采纳，将增加高峰时段班次。', departmentId, repliedOn: shanghaiToday() },
    })
    expect(answered.status).toBe(200)
    expect((await post(`/api/staff/consultations/${consultation.id}/feedback`, admin.auth, {})).status).toBe(200)
    const feedback = await app.request(`/api/consultations/${consultation.id}/feedback`)
    expect(feedback.body.report).toMatchObject({ collected: 1, adopted: 1 })
    expect(JSON.stringify(feedback.body)).not.toContain('13912345678')
  })
})

describe('resetting a staff member’s password', () => {
  it('gives a new one-time password, ends their sessions, forces a change at the next sign-in, and is audited without the password', async () => {
    const editor = await signInStaff(app, 'EDITOR')
    const reset = await post(`/api/admin/staff/${editor.staff.id}/password-reset`, admin.auth)
    expect(reset.status).toBe(200)
    expect(reset.body.staff).toMatchObject({ id: editor.staff.id, username: editor.staff.username })
    const oneTime = reset.body.initialPassword as string
    expect(oneTime.length).toBeGreaterThanOrEqual(10)

    expect((await app.request('/api/me', { headers: editor.auth })).status).toBe(401)
    expect((await signIn(editor.staff.username, editor.password)).status).toBe(401)
    const fresh = await signIn(editor.staff.username, oneTime)
    expect(fresh.status).toBe(200)
    expect(fresh.body.me.mustChangePassword).toBe(true)
    const freshAuth = { Authorization: `Bearer ${fresh.body.token}` }
    expect((await app.request('/api/staff/consultations', { headers: freshAuth })).body.error.code).toBe('PASSWORD_CHANGE_REQUIRED')

    const audit = await app.db.auditLog.findMany({ where: { action: 'resetStaffPassword', entityId: String(editor.staff.id) } })
    expect(audit).toHaveLength(1)
    expect(audit[0]).toMatchObject({ staffId: admin.id, entity: 'staff', after: { mustChangePassword: true, sessionsEnded: true } })
    expect(JSON.stringify(audit)).not.toContain(oneTime)
  })

  it('refuses the administrator’s own account (修改密码 is for that), an unknown id, and anyone but an administrator', async () => {
    const self = await post(`/api/admin/staff/${admin.id}/password-reset`, admin.auth)
    expect(self.status).toBe(403)
    expect(self.body.error).toMatchObject({ code: 'FORBIDDEN', message: '不能重置自己的密码，请在「修改密码」中修改' })
    const unknown = await post('/api/admin/staff/999999/password-reset', admin.auth)
    expect([unknown.status, unknown.body.error.code]).toEqual([404, 'NOT_FOUND'])
    const reviewer = await signInStaff(app, 'REVIEWER')
    const editor = await signInStaff(app, 'EDITOR')
    const refused = await post(`/api/admin/staff/${editor.staff.id}/password-reset`, reviewer.auth)
    expect(refused.status).toBe(403)
    expect((await signIn(editor.staff.username, editor.password)).status).toBe(200)
  })
})
