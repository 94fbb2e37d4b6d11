// Instants PostgreSQL or Prisma cannot store (year 0, a year after 9999 reached through an ISO offset): refused on the field by the shared schema, and by the database mapping behind it — 400, never 500, and nothing stored.
import { translateDatabaseError } from '../../bff/src/db/errors'
import { seedDemo } from '../../bff/src/seed/demo'
import { signInStaff } from '../support/identity'
import { startTestApp, type TestApp } from '../support/testApp'

let app: TestApp
let departmentId: number
let editor: { auth: Record<string, string> }

beforeAll(async () => {
  app = await startTestApp()
  await seedDemo(app.db, new Date())
  departmentId = (await app.db.department.create({ data: { name: '时间边界测试局' } })).id
  editor = await signInStaff(app, 'EDITOR', undefined, { departments: [departmentId] })
})
afterAll(() => app.close())

/**
 * [opens, closes, ends]: year 0 (PostgreSQL: out of range), year 10000 through a negative offset (Prisma cannot
 * send it), year 1 that an offset moves back into year 0. Each in order, so the schema's own rules pass.
 */
const OUT_OF_RANGE = [
  ['0000-01-01T00:00:00Z', '0000-03-01T00:00:00Z', '0000-03-02T00:00:00Z'],
  ['9999-12-31T23:00:00Z', '9999-12-31T23:59:59-23:00', '9999-12-31T23:59:59-23:59'],
  ['0001-01-01T00:00:00+14:00', '0001-02-01T00:00:00Z', '0001-02-02T00:00:00Z'],
] as const

const consultation = (opensAt: string, closesAt: string) => ({
  title: '时间边界测试管理办法',
  summary: '用于时间边界测试',
  departmentId,
  opensAt,
  closesAt,
  shortWindowReason: '时间边界测试的理由',
  sections: [{ heading: '第一条', body: '条款内容' }],
})
const event = (opensAt: string, closesAt: string, endsAt: string) => ({
  kind: 'OPEN_DAY',
  title: '时间边界测试开放日',
  description: '用于时间边界测试',
  place: '政务服务中心',
  departmentId,
  signupOpensAt: opensAt,
  signupClosesAt: closesAt,
  startsAt: closesAt,
  endsAt,
  capacity: 10,
  selectionMode: 'FIRST_COME',
})

function expectOutOfRange(response: { status: number; body: any }) {
  expect({ status: response.status, code: response.body?.error?.code }).toEqual({ status: 400, code: 'VALIDATION_FAILED' })
  expect(JSON.stringify(response.body.error.details)).toContain('日期时间须在 2000 年至 2099 年之间')
}

describe('instants outside what the database can store', () => {
  it.each(OUT_OF_RANGE)('refuses a consultation opening %s with 400, and stores nothing', async (opensAt, closesAt) => {
    const before = await app.db.consultation.count()
    expectOutOfRange(await app.request('/api/staff/consultations', { method: 'POST', headers: editor.auth, json: consultation(opensAt, closesAt) }))
    expect(await app.db.consultation.count()).toBe(before)
  })

  it.each(OUT_OF_RANGE)('refuses an event whose signup opens %s with 400, and stores nothing', async (opensAt, closesAt, endsAt) => {
    const before = await app.db.event.count()
    expectOutOfRange(await app.request('/api/staff/events', { method: 'POST', headers: editor.auth, json: event(opensAt, closesAt, endsAt) }))
    expect(await app.db.event.count()).toBe(before)
  })

  it('maps what the database itself refuses to 400 as well (defence in depth behind the schema)', async () => {
    const translated = async (query: () => Promise<unknown>) => {
      try {
        await query()
      } catch (err) {
        return translateDatabaseError(err)
      }
      throw new Error('the database accepted it')
    }
    for (const at of ['0000-01-01T00:00:00Z', '0001-01-01T00:00:00+14:00']) {
      const error = await translated(() => app.db.$queryRawUnsafe('select $1::timestamptz', new Date(at)))
      expect([error?.status, error?.code, error?.message]).toEqual([400, 'VALIDATION_FAILED', '日期时间超出可保存的范围（公元 1 年至 9999 年）'])
    }
  })

  it('still accepts the same drafts with ordinary dates', async () => {
    const day = 86_400_000
    const opens = new Date(Date.now() + day).toISOString()
    const closes = new Date(Date.now() + 40 * day).toISOString()
    expect((await app.request('/api/staff/consultations', { method: 'POST', headers: editor.auth, json: consultation(opens, closes) })).status).toBe(201)
    expect(
      (
        await app.request('/api/staff/events', {
          method: 'POST',
          headers: editor.auth,
          json: event(opens, new Date(Date.now() + 3 * day).toISOString(), new Date(Date.now() + 4 * day).toISOString()),
        })
      ).status,
    ).toBe(201)
  })
})
