// Administrators run an event's review work (报名名单 and review, the draw, 参加人员意见, 会议结果, the export) in every department, as they do opinions; audited as theirs. Editors stay refused.
import { eventForm } from '../support/eventForm'
import { signInDemoCitizen, signInStaff } from '../support/identity'
import { startTestApp, type TestApp } from '../support/testApp'

const DAY = 24 * 3_600_000
let app: TestApp
let start: number
let departmentId: number
let editor: Record<string, string>
let reviewer: Record<string, string>
let admin: Record<string, string>

beforeAll(async () => {
  app = await startTestApp({ settings: { demoLogin: true, sessionTtlHours: 24 * 90 } })
  start = app.now.value.getTime()
  departmentId = (await app.db.department.create({ data: { name: '管理员活动甲局' } })).id
  const otherId = (await app.db.department.create({ data: { name: '管理员活动乙局' } })).id
  editor = (await signInStaff(app, 'EDITOR', undefined, { departments: [departmentId] })).auth
  reviewer = (await signInStaff(app, 'REVIEWER', undefined, { departments: [departmentId] })).auth
  // Listed in another department: administrators reach every department through the scope check.
  admin = (await signInStaff(app, 'ADMIN', undefined, { departments: [otherId] })).auth
})
afterEach(() => {
  app.now.value = new Date(start)
})
afterAll(() => app.close())

/** A published event of 甲局 (published by its reviewer: publishing stays theirs) whose signup is open now. */
async function publishedEvent(overrides: Record<string, unknown>) {
  const created = await app.request('/api/staff/events', { method: 'POST', headers: editor, json: eventForm(app, departmentId, overrides) })
  expect(created.status).toBe(201)
  expect((await app.request(`/api/staff/events/${created.body.id}/publish`, { method: 'POST', headers: reviewer })).status).toBe(200)
  return created.body.id as number
}
async function signUp(eventId: number, name: string) {
  const citizen = await signInDemoCitizen(app, `${name}${eventId}`)
  const joined = await app.request(`/api/events/${eventId}/registrations`, {
    method: 'POST',
    headers: citizen.auth,
    json: { name, phone: '13800138000', category: 'PUBLIC', region: '东区', sector: '服务业', ageBand: '18-35', gender: '女' },
  })
  expect(joined.status).toBe(201)
  return joined.body as { id: number; status: string; checkInCode: string | null }
}
/** The roles of the staff behind an action's audit entries on one entity. */
const auditedRoles = async (action: string, entity: string, entityId: number) =>
  (
    await app.db.auditLog.findMany({
      where: { action, entity, entityId: String(entityId) },
      select: { staff: { select: { role: true } } },
      orderBy: { id: 'asc' },
    })
  ).map((a) => a.staff?.role)

it('lets an administrator of another department list and review signups and export them, audited as ADMIN; an editor is refused', async () => {
  const eventId = await publishedEvent({ selectionMode: 'REVIEW', kind: 'HEARING', title: '停车收费听证会' })
  const applied = await signUp(eventId, '申请人甲')
  expect(applied.status).toBe('APPLIED')

  const listed = await app.request(`/api/staff/events/${eventId}/registrations`, { headers: admin })
  expect([listed.status, listed.body]).toEqual([200, [expect.objectContaining({ id: applied.id, name: '申请人甲', phone: '13800138000' })]])
  const reviewed = await app.request(`/api/staff/registrations/${applied.id}/review`, { method: 'POST', headers: admin, json: { decision: 'SELECT' } })
  expect([reviewed.status, reviewed.body.status]).toEqual([200, 'SELECTED'])
  const csv = await fetch(`${app.baseUrl}/api/staff/events/${eventId}/export?format=csv`, { headers: admin })
  expect(csv.status).toBe(200)
  expect(await csv.text()).toContain('申请人甲')

  expect(await auditedRoles('reviewRegistration', 'registration', applied.id)).toEqual(['ADMIN'])
  expect(await auditedRoles('readContactData', 'event', eventId)).toEqual(['ADMIN', 'ADMIN'])

  for (const [method, path] of [
    ['GET', `/api/staff/events/${eventId}/registrations`],
    ['POST', `/api/staff/registrations/${applied.id}/review`],
    ['GET', `/api/staff/events/${eventId}/export?format=csv`],
  ] as const) {
    const refused = await app.request(path, { method, headers: editor, ...(method === 'POST' ? { json: { decision: 'SELECT' } } : {}) })
    expect([path, refused.status, refused.body.error.code]).toEqual([path, 403, 'FORBIDDEN'])
  }
})

it('lets an administrator of another department preview and hold the draw, audited as ADMIN; an editor is refused', async () => {
  const eventId = await publishedEvent({ selectionMode: 'LOTTERY', kind: 'MEETING_ATTENDANCE', title: '公众代表列席主任办公会', capacity: 2 })
  for (const name of ['抽签甲', '抽签乙', '抽签丙']) await signUp(eventId, name)
  app.now.value = new Date(start + 6 * DAY)

  const preview = await app.request(`/api/staff/events/${eventId}/draw-preview`, { headers: admin })
  expect([preview.status, preview.body.candidateCount]).toEqual([200, 3])
  const refusedPreview = await app.request(`/api/staff/events/${eventId}/draw-preview`, { headers: editor })
  expect([refusedPreview.status, refusedPreview.body.error.code]).toEqual([403, 'FORBIDDEN'])
  const body = { listHash: preview.body.listHash, witnesses: ['公证员 李某'] }
  const refused = await app.request(`/api/staff/events/${eventId}/draw`, { method: 'POST', headers: editor, json: body })
  expect([refused.status, refused.body.error.code]).toEqual([403, 'FORBIDDEN'])

  const drawn = await app.request(`/api/staff/events/${eventId}/draw`, { method: 'POST', headers: admin, json: body })
  expect([drawn.status, drawn.body.round, drawn.body.selected]).toEqual([200, 1, expect.any(Array)])
  expect(await auditedRoles('drawLottery', 'event', eventId)).toEqual(['ADMIN'])
})

it('lets an administrator of another department record and answer event opinions and publish the outcome, audited as ADMIN; an editor is refused', async () => {
  const eventId = await publishedEvent({ kind: 'MEETING_ATTENDANCE', title: '停车管理办法座谈会' })
  const attendee = await signUp(eventId, '参加人甲')

  const refusedRecord = await app.request(`/api/staff/events/${eventId}/opinions`, {
    method: 'POST',
    headers: editor,
    json: { text: '建议增加夜间停车位', receivedOn: '2026-11-10' },
  })
  expect([refusedRecord.status, refusedRecord.body.error.code]).toEqual([403, 'FORBIDDEN'])
  const recorded = await app.request(`/api/staff/events/${eventId}/opinions`, {
    method: 'POST',
    headers: admin,
    json: { text: '建议增加夜间停车位', receivedOn: '2026-11-10' },
  })
  expect([recorded.status, recorded.body.rawText]).toEqual([201, '建议增加夜间停车位'])
  const opinionId = recorded.body.id as number
  const listed = await app.request(`/api/staff/events/${eventId}/opinions`, { headers: admin })
  expect([listed.status, listed.body.map((o: { id: number }) => o.id)]).toEqual([200, [opinionId]])
  const updated = await app.request(`/api/staff/event-opinions/${opinionId}`, {
    method: 'PUT',
    headers: admin,
    json: { text: '建议增加夜间停车位和充电桩', receivedOn: '2026-11-10' },
  })
  expect([updated.status, updated.body.rawText]).toEqual([200, '建议增加夜间停车位和充电桩'])
  const answer = { adoption: 'ADOPTED', content: '已采纳。', departmentId, repliedOn: '2026-11-15' }
  expect((await app.request(`/api/staff/event-opinions/${opinionId}/answer`, { method: 'PUT', headers: editor, json: answer })).status).toBe(403)
  const answered = await app.request(`/api/staff/event-opinions/${opinionId}/answer`, { method: 'PUT', headers: admin, json: answer })
  expect([answered.status, answered.body.answer]).toEqual([200, expect.objectContaining({ adoption: 'ADOPTED' })])
  const extra = await app.request(`/api/staff/events/${eventId}/opinions`, {
    method: 'POST',
    headers: admin,
    json: { text: '记错了', receivedOn: '2026-11-10' },
  })
  expect((await app.request(`/api/staff/event-opinions/${extra.body.id}`, { method: 'DELETE', headers: editor })).status).toBe(403)
  expect((await app.request(`/api/staff/event-opinions/${extra.body.id}`, { method: 'DELETE', headers: admin })).status).toBe(204)

  app.now.value = new Date(start + 10 * DAY + 3_600_000)
  const checkedIn = await app.request(`/api/staff/events/${eventId}/check-ins`, { method: 'POST', headers: admin, json: { code: attendee.checkInCode } })
  expect(checkedIn.status).toBe(200)
  const summary = { summary: '会议听取了停车管理办法的意见。' }
  const refusedOutcome = await app.request(`/api/staff/events/${eventId}/outcome`, { method: 'PUT', headers: editor, json: summary })
  expect([refusedOutcome.status, refusedOutcome.body.error.code]).toEqual([403, 'FORBIDDEN'])
  const outcome = await app.request(`/api/staff/events/${eventId}/outcome`, { method: 'PUT', headers: admin, json: summary })
  expect([outcome.status, outcome.body.outcome]).toEqual([200, expect.objectContaining({ attendeeCount: 1 })])

  expect(await auditedRoles('recordEventOpinion', 'eventOpinion', opinionId)).toEqual(['ADMIN'])
  expect(await auditedRoles('updateEventOpinion', 'eventOpinion', opinionId)).toEqual(['ADMIN'])
  expect(await auditedRoles('answerEventOpinion', 'eventOpinion', opinionId)).toEqual(['ADMIN'])
  expect(await auditedRoles('deleteEventOpinion', 'eventOpinion', extra.body.id)).toEqual(['ADMIN'])
  expect(await auditedRoles('recordOutcome', 'event', eventId)).toEqual(['ADMIN'])
})
