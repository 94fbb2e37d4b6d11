// NUL bytes, lone surrogates, invisible-only text and huge or non-canonical ids at real endpoints: 400, never 500.
import { translateDatabaseError } from '../../bff/src/db/errors'
import { startTestApp, type TestApp } from '../support/testApp'
import { signInDemoCitizen, signInStaff } from '../support/identity'

let app: TestApp
let consultationId: number
let citizen: { auth: Record<string, string> }
let admin: { auth: Record<string, string> }

beforeAll(async () => {
  app = await startTestApp({ settings: { demoLogin: true } })
  const department = await app.db.department.create({ data: { name: '文本边界测试单位' } })
  const consultation = await app.db.consultation.create({
    data: {
      departmentId: department.id,
      title: '文本边界测试草案',
      summary: '用于输入边界测试',
      publishedAt: new Date(Date.now() - 86_400_000),
      opensAt: new Date(Date.now() - 86_400_000),
      closesAt: new Date(Date.now() + 30 * 86_400_000),
      sections: { create: [{ version: 1, position: 1, heading: '第一条', body: '条款内容' }] },
      draftVersion: 1,
    },
  })
  consultationId = consultation.id
  citizen = await signInDemoCitizen(app, '文本边界')
  admin = await signInStaff(app, 'ADMIN')
})
afterAll(() => app.close())

/** A JSON body sent as written: `\ud800` escapes reach the server as lone surrogates after parsing. */
const rawJson = (text: string, headers: Record<string, string> = {}) => ({
  method: 'POST',
  body: text,
  headers: { 'content-type': 'application/json', ...headers },
})

function expectValidationFailed(response: { status: number; body: any }, field?: string) {
  expect({ status: response.status, code: response.body?.error?.code }).toEqual({ status: 400, code: 'VALIDATION_FAILED' })
  expect(response.body.error.message).toMatch(/[\u4e00-\u9fa5]/)
  if (field) expect(response.body.error.details.fields[field]).toMatch(/[\u4e00-\u9fa5]/)
}

let keys = 0
const opinion = (text: string) => ({ text, consent: 'PRIVATE', idempotencyKey: `boundary-key-${++keys}` })

describe('text at the input boundary', () => {
  it('refuses NUL and lone surrogates in the anonymous staff sign-in, password included', async () => {
    expectValidationFailed(await app.request('/api/auth/staff', { method: 'POST', json: { username: 'admin\u0000', password: 'Passw0rd-x' } }), 'username')
    expectValidationFailed(await app.request('/api/auth/staff', { method: 'POST', json: { username: 'admin', password: 'Passw0rd\u0000' } }), 'password')
    expectValidationFailed(await app.request('/api/auth/staff', rawJson('{"username":"admin","password":"pass\\ud800word"}')), 'password')
    expectValidationFailed(await app.request('/api/auth/staff', rawJson('{"username":"\\udfffadmin","password":"Passw0rd-x"}')), 'username')
  })

  it('refuses a NUL or a lone surrogate in a search query', async () => {
    expectValidationFailed(await app.request('/api/qa/search?q=%00'), 'q')
    expectValidationFailed(await app.request('/api/qa/search?q=%E5%85%BB%E8%80%81%00%E9%87%91'), 'q')
    expectValidationFailed(await app.request('/api/qa?q=%00'), 'q')
    expectValidationFailed(await app.request('/api/policies?q=%1B%5B31m'), 'q')
  })

  it('refuses opinion text with NUL, a lone surrogate or nothing visible, and keeps nothing of it', async () => {
    const path = `/api/consultations/${consultationId}/opinions`
    expectValidationFailed(await app.request(path, { method: 'POST', headers: citizen.auth, json: opinion('我支持这个草案\u0000第二句') }), 'text')
    expectValidationFailed(await app.request(path, rawJson(JSON.stringify(opinion('我支持这个草案')).replace('草案', '草案\\ud800'), citizen.auth)), 'text')
    expectValidationFailed(
      await app.request(path, rawJson(JSON.stringify(opinion('x')).replace('"x"', '"\\udc00\\ud800\\udc00\\ud800\\udc00"'), citizen.auth)),
      'text',
    )
    const invisible = await app.request(path, { method: 'POST', headers: citizen.auth, json: opinion('\u200b\u200c\u200d\u2060\ufeff\u3000\u3000 ') })
    expectValidationFailed(invisible, 'text')
    expect(invisible.body.error.details.fields.text).toMatch(/至少 5 个字/)
    expect(await app.db.opinion.count({ where: { consultationId } })).toBe(0)
    // The same form with real words (an emoji included) is taken.
    const accepted = await app.request(path, { method: 'POST', headers: citizen.auth, json: opinion('  我支持这个草案👍🏽  ') })
    expect(accepted.status).toBe(201)
    expect((await app.db.opinion.findFirstOrThrow({ where: { consultationId } })).rawText).toBe('我支持这个草案👍🏽')
  })

  it('refuses a citizen name and a staff department name made of invisible characters or holding NUL', async () => {
    expectValidationFailed(await app.request('/api/auth/demo', { method: 'POST', json: { name: '\u3164\u200b' } }), 'name')
    expectValidationFailed(await app.request('/api/admin/departments', { method: 'POST', headers: admin.auth, json: { name: '部门\u0000名称' } }), 'name')
    expectValidationFailed(await app.request('/api/admin/departments', rawJson('{"name":"部门\\ud800名称"}', admin.auth)), 'name')
    expectValidationFailed(
      await app.request('/api/admin/departments', { method: 'POST', headers: admin.auth, json: { name: '\ufe0f\ufe0f\u2800\u2800' } }),
      'name',
    )
  })
})

describe('ids and numbers at the input boundary', () => {
  it.each(['%201', '1%20', '0x2', '1e3', '+1', '01', '2147483648', '99999999999999999999', '-1'])('refuses the path id %s', async (id) => {
    expectValidationFailed(await app.request(`/api/consultations/${id}`), 'id')
    expectValidationFailed(await app.request(`/api/qa/${id}/feedback`, { method: 'POST', json: { helpful: true } }), 'id')
  })

  it('refuses non-canonical or out-of-range numbers in a query string', async () => {
    expectValidationFailed(await app.request('/api/consultations?departmentId=2147483648'), 'departmentId')
    expectValidationFailed(await app.request('/api/consultations?departmentId=%201'), 'departmentId')
    expectValidationFailed(await app.request('/api/consultations?page=1e3'), 'page')
    expectValidationFailed(await app.request('/api/qa/hot?limit=0x5'), 'limit')
    expectValidationFailed(await app.request('/api/decisions?year=2026.0'), 'year')
  })

  it('refuses ids beyond a PostgreSQL integer in a JSON body', async () => {
    const staff = { username: 'boundary.user', displayName: '边界测试', role: 'EDITOR' }
    expectValidationFailed(
      await app.request('/api/admin/staff', { method: 'POST', headers: admin.auth, json: { ...staff, departmentId: 2 ** 31 } }),
      'departmentId',
    )
    expectValidationFailed(
      await app.request('/api/admin/staff', rawJson(`{"username":"boundary.user","displayName":"边界测试","role":"EDITOR","departmentId":1e400}`, admin.auth)),
    )
    const path = `/api/consultations/${consultationId}/opinions`
    expectValidationFailed(
      await app.request(path, { method: 'POST', headers: citizen.auth, json: { ...opinion('对第一条的意见'), sectionId: 2 ** 53 } }),
      'sectionId',
    )
  })
})

describe('the database as a second line', () => {
  const translated = async (query: () => Promise<unknown>) => {
    const err = await query().then(
      () => null,
      (e: unknown) => e,
    )
    expect(err).not.toBeNull()
    return translateDatabaseError(err)
  }

  it('turns a number out of range (22003) into VALIDATION_FAILED, not a 500', async () => {
    expect((await translated(() => app.db.department.findUnique({ where: { id: 2 ** 31 } })))?.code).toBe('VALIDATION_FAILED')
    expect((await translated(() => app.db.$queryRawUnsafe('select $1::int4', 2 ** 31)))?.status).toBe(400)
  })

  it('turns bytes PostgreSQL cannot store (22021, 22P05) and a lone surrogate into VALIDATION_FAILED', async () => {
    expect((await translated(() => app.db.department.create({ data: { name: '含\u0000字符' } })))?.code).toBe('VALIDATION_FAILED')
    expect((await translated(() => app.db.$transaction((tx) => tx.department.create({ data: { name: '含\u0000字符' } }))))?.code).toBe('VALIDATION_FAILED')
    expect((await translated(() => app.db.$queryRawUnsafe(`select '"\\u0000"'::jsonb::text`)))?.code).toBe('VALIDATION_FAILED')
    expect((await translated(() => app.db.department.create({ data: { name: '含\ud800字符' } })))?.code).toBe('VALIDATION_FAILED')
  })
})
