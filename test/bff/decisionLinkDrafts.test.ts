// Consultations and events link only to published catalog entries: a draft entry is refused (409 DECISION_NOT_PUBLISHED on decisionId), a published one is accepted, a kept link stays.
import { eventForm } from '../support/eventForm'
import { signInStaff } from '../support/identity'
import { startTestApp, type TestApp } from '../support/testApp'

const DAY = 24 * 3_600_000
let app: TestApp
let departmentId: number
let editor: Record<string, string>
let reviewer: Record<string, string>

beforeAll(async () => {
  app = await startTestApp()
  departmentId = (await app.db.department.create({ data: { name: '目录关联局' } })).id
  editor = (await signInStaff(app, 'EDITOR', undefined, { departments: [departmentId] })).auth
  reviewer = (await signInStaff(app, 'REVIEWER', undefined, { departments: [departmentId] })).auth
})
afterAll(() => app.close())

const at = (offset: number) => new Date(app.now.value.getTime() + offset).toISOString()
const entry = async (title: string, publish: boolean) => {
  const created = await app.request('/api/staff/decisions', {
    method: 'POST',
    headers: editor,
    json: { year: 2027, title, summary: '—', departmentId, plannedDecisionAt: '2027年', participationMethods: [], stages: [] },
  })
  expect(created.status).toBe(201)
  if (publish) expect((await app.request(`/api/staff/decisions/${created.body.id}/publish`, { method: 'POST', headers: reviewer })).status).toBe(200)
  return created.body.id as number
}
const consultation = (decisionId?: number | null) => ({
  title: '高新区停车场管理办法（征求意见稿）',
  summary: '规范公共停车场的建设和管理。',
  departmentId,
  decisionId,
  opensAt: at(DAY),
  closesAt: at(40 * DAY),
  sections: [{ heading: '第一条', body: '为了规范停车场管理，制定本办法。' }],
})
const event = (decisionId?: number | null) => eventForm(app, departmentId, { title: '停车场管理办法座谈会', decisionId, signupOpensAt: at(DAY) })
const refusedAsDraft = (res: { status: number; body: { error?: { code: string; message: string; details?: { fields?: Record<string, string> } } } }) => {
  expect([res.status, res.body.error?.code]).toEqual([409, 'DECISION_NOT_PUBLISHED'])
  expect(res.body.error?.message).toMatch(/尚未发布/)
  expect(res.body.error?.details?.fields?.decisionId).toMatch(/草稿/)
}

it('refuses creating a consultation or an event linked to a draft entry, and accepts a published one', async () => {
  const draft = await entry('停车场管理办法（草稿事项）', false)
  const published = await entry('停车场管理办法', true)

  refusedAsDraft(await app.request('/api/staff/consultations', { method: 'POST', headers: editor, json: consultation(draft) }))
  refusedAsDraft(await app.request('/api/staff/events', { method: 'POST', headers: editor, json: event(draft) }))
  expect(await app.db.consultation.count({ where: { decisionId: draft } })).toBe(0)
  expect(await app.db.event.count({ where: { decisionId: draft } })).toBe(0)

  const linked = await app.request('/api/staff/consultations', { method: 'POST', headers: editor, json: consultation(published) })
  expect([linked.status, linked.body.decisionId]).toEqual([201, published])
  const linkedEvent = await app.request('/api/staff/events', { method: 'POST', headers: editor, json: event(published) })
  expect([linkedEvent.status, linkedEvent.body.decisionId]).toEqual([201, published])

  const missing = await app.request('/api/staff/consultations', { method: 'POST', headers: editor, json: consultation(987654) })
  expect([missing.status, missing.body.error.code, missing.body.error.details.fields.decisionId]).toEqual([400, 'VALIDATION_FAILED', '所选决策事项不存在'])
})

it('refuses re-linking an unpublished consultation or an event to a draft entry; the link stays as it was', async () => {
  const draft = await entry('公园管理办法（草稿事项）', false)
  const published = await entry('公园管理办法', true)
  const c = (await app.request('/api/staff/consultations', { method: 'POST', headers: editor, json: consultation(published) })).body.id as number
  const e = (await app.request('/api/staff/events', { method: 'POST', headers: editor, json: event(null) })).body.id as number

  refusedAsDraft(await app.request(`/api/staff/consultations/${c}`, { method: 'PUT', headers: editor, json: consultation(draft) }))
  refusedAsDraft(await app.request(`/api/staff/events/${e}`, { method: 'PUT', headers: editor, json: event(draft) }))
  expect((await app.db.consultation.findUniqueOrThrow({ where: { id: c } })).decisionId).toBe(published)
  expect((await app.db.event.findUniqueOrThrow({ where: { id: e } })).decisionId).toBeNull()

  // Once the entry is published the same link is accepted.
  expect((await app.request(`/api/staff/decisions/${draft}/publish`, { method: 'POST', headers: reviewer })).status).toBe(200)
  expect((await app.request(`/api/staff/consultations/${c}`, { method: 'PUT', headers: editor, json: consultation(draft) })).body.decisionId).toBe(draft)
  expect((await app.request(`/api/staff/events/${e}`, { method: 'PUT', headers: editor, json: event(draft) })).body.decisionId).toBe(draft)
})
