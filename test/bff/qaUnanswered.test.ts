import { seedDemo } from '../../bff/src/seed/demo'
import { signInDemoCitizen, signInStaff } from '../support/identity'
import { startTestApp, type TestApp } from '../support/testApp'

/**
 * 群众想问但库里没有的: a search without a good answer lands on a staff list (the words and how many
 * searched, no identity), readable by the Q&A editors and reviewers only; drafting an item from a
 * row removes it from the list in the same transaction.
 */
let app: TestApp
let editor: Awaited<ReturnType<typeof signInStaff>>
let reviewer: Awaited<ReturnType<typeof signInStaff>>
let admin: Awaited<ReturnType<typeof signInStaff>>

const NO_ANSWER = '小区门口的共享单车太多了怎么处理'

beforeAll(async () => {
  app = await startTestApp({ settings: { demoLogin: true } })
  await seedDemo(app.db, app.now.value)
  editor = await signInStaff(app, 'EDITOR')
  reviewer = await signInStaff(app, 'REVIEWER')
  admin = await signInStaff(app, 'ADMIN')
})
afterAll(() => app.close())

const searchAs = (device: string, q: string) => app.request(`/api/qa/search?q=${encodeURIComponent(q)}`, { headers: { 'X-Device-Id': device } })
type Row = { id: number; text: string; searches: number }
const list = async (who: { auth: Record<string, string> }) => (await app.request('/api/staff/qa-unanswered', { headers: who.auth })).body as Row[]

it('lists a search without a good answer for staff, counted once per searcher, and not a well-answered one', async () => {
  const found = await searchAs('device-a', '公积金怎么提取')
  expect(found.body.noGoodAnswer).toBe(false)
  const missing = await searchAs('device-a', NO_ANSWER)
  expect(missing.body.noGoodAnswer).toBe(true)
  await searchAs('device-a', NO_ANSWER) // the same searcher again: not another search
  await searchAs('device-b', `  ${NO_ANSWER} `)
  const rows = await list(editor)
  expect(rows.find((r) => r.text === NO_ANSWER)).toMatchObject({ searches: 2, firstAskedAt: expect.any(String), lastAskedAt: expect.any(String) })
  expect(rows.some((r) => r.text === '公积金怎么提取')).toBe(false)
  expect((await list(reviewer)).some((r) => r.text === NO_ANSWER)).toBe(true)
})

it('is not readable by citizens, anonymous callers or administrators', async () => {
  const citizen = await signInDemoCitizen(app)
  expect((await app.request('/api/staff/qa-unanswered', { headers: citizen.auth })).status).toBe(403)
  expect((await app.request('/api/staff/qa-unanswered')).status).toBe(401)
  expect((await app.request('/api/staff/qa-unanswered', { headers: admin.auth })).status).toBe(403)
})

it('removes the row when an editor drafts an item from it, in one step; a second attempt is 404 and drafts nothing', async () => {
  const row = (await list(editor)).find((r) => r.text === NO_ANSWER) as Row
  const body = { question: '小区门口共享单车乱停放找谁处理？', answer: '可拨打 12345 或在单车 App 内举报，由城市管理部门督促运营企业清运。', topic: '营商环境' }
  expect((await app.request(`/api/staff/qa-unanswered/${row.id}/item`, { method: 'POST', headers: reviewer.auth, json: body })).status).toBe(403)
  const created = await app.request(`/api/staff/qa-unanswered/${row.id}/item`, { method: 'POST', headers: editor.auth, json: body })
  expect(created.status).toBe(201)
  expect(created.body).toMatchObject({ status: 'DRAFT', question: body.question })
  expect((await list(editor)).some((r) => r.id === row.id)).toBe(false)
  const before = await app.db.qaItem.count()
  const again = await app.request(`/api/staff/qa-unanswered/${row.id}/item`, { method: 'POST', headers: editor.auth, json: body })
  expect([again.status, again.body.error.code]).toEqual([404, 'NOT_FOUND'])
  expect(await app.db.qaItem.count()).toBe(before)
})

it('keeps the row when the draft is refused (unknown topic): nothing is half done', async () => {
  await searchAs('device-c', '火星移民怎么申请')
  const row = (await list(editor)).find((r) => r.text === '火星移民怎么申请') as Row
  const refused = await app.request(`/api/staff/qa-unanswered/${row.id}/item`, {
    method: 'POST',
    headers: editor.auth,
    json: { question: '火星移民？', answer: '暂无此项业务。', topic: '没有这个主题' },
  })
  expect([refused.status, refused.body.error.code]).toEqual([400, 'TOPIC_UNKNOWN'])
  expect((await list(editor)).some((r) => r.id === row.id)).toBe(true)
})
