// A recorded event opinion (座谈会) can be corrected or removed by reviewers of the event's department until the outcome is public, audited with before and after; other departments and roles are refused.
import { eventForm } from '../support/eventForm'
import { signInStaff } from '../support/identity'
import { startTestApp, type TestApp } from '../support/testApp'

const DAY = 24 * 3_600_000
let app: TestApp
let departmentId: number
let reviewer: Record<string, string>
let editor: Record<string, string>
let otherReviewer: Record<string, string>
let eventId: number

beforeAll(async () => {
  app = await startTestApp()
  departmentId = (await app.db.department.create({ data: { name: '座谈会甲局' } })).id
  const otherId = (await app.db.department.create({ data: { name: '座谈会乙局' } })).id
  reviewer = (await signInStaff(app, 'REVIEWER', undefined, { departments: [departmentId] })).auth
  editor = (await signInStaff(app, 'EDITOR', undefined, { departments: [departmentId] })).auth
  otherReviewer = (await signInStaff(app, 'REVIEWER', undefined, { departments: [otherId] })).auth
  const created = await app.request('/api/staff/events', {
    method: 'POST',
    headers: editor,
    json: eventForm(app, departmentId, {
      kind: 'MEETING_ATTENDANCE',
      title: '停车管理办法座谈会',
      signupOpensAt: new Date(app.now.value.getTime() + DAY).toISOString(),
    }),
  })
  expect(created.status).toBe(201)
  eventId = created.body.id
})
afterAll(() => app.close())

const record = async (text: string) => {
  const res = await app.request(`/api/staff/events/${eventId}/opinions`, { method: 'POST', headers: reviewer, json: { text, receivedOn: '2026-11-10' } })
  expect(res.status).toBe(201)
  return res.body.id as number
}
const put = (id: number, body: unknown, headers = reviewer) => app.request(`/api/staff/event-opinions/${id}`, { method: 'PUT', headers, json: body })
const remove = (id: number, headers = reviewer) => app.request(`/api/staff/event-opinions/${id}`, { method: 'DELETE', headers })
const auditsOf = (id: number, action: string) => app.db.auditLog.findMany({ where: { entity: 'eventOpinion', entityId: String(id), action } })

it('corrects the text and its masks, keeps the answer, and audits the published text before and after (never the raw text)', async () => {
  const id = await record('建议增加夜间停车位')
  const answered = await app.request(`/api/staff/event-opinions/${id}/answer`, {
    method: 'PUT',
    headers: reviewer,
    json: { adoption: 'ADOPTED', content: '已采纳。', departmentId, repliedOn: '2026-11-15' },
  })
  expect(answered.status).toBe(200)
  const text = '刘辰建议增加夜间停车位，联系电话 13912345678'
  const masks = [
    { start: 0, end: 2, kind: 'NAME' },
    { start: text.indexOf('139'), end: text.indexOf('139') + 11, kind: 'PHONE' },
  ]
  const corrected = await put(id, { text, masks, receivedOn: '2026-11-12' })
  expect(corrected.status).toBe(200)
  expect(corrected.body).toMatchObject({ id, rawText: text, answer: { adoption: 'ADOPTED' } })
  expect(corrected.body.publishedText).not.toMatch(/刘辰|13912345678/)
  const stored = await app.db.eventOpinion.findUniqueOrThrow({ where: { id } })
  expect([stored.rawText, stored.publishedText]).toEqual([text, corrected.body.publishedText])

  const [audit] = await auditsOf(id, 'updateEventOpinion')
  expect(audit).toBeDefined()
  expect(audit!.before).toMatchObject({ publishedText: '建议增加夜间停车位' })
  expect(audit!.after).toMatchObject({ publishedText: corrected.body.publishedText })
  expect(JSON.stringify([audit!.before, audit!.after])).not.toMatch(/刘辰|13912345678/)

  // An answer cannot come before its receipt: 收到日期 may not move past the 答复日期.
  const late = await put(id, { text, masks, receivedOn: '2026-11-16' })
  expect([late.status, late.body.error.code, Object.keys(late.body.error.details.fields)]).toEqual([400, 'VALIDATION_FAILED', ['receivedOn']])
  // Unmasked personal information is refused as when recording.
  const unmasked = await put(id, { text })
  expect([unmasked.status, unmasked.body.error.code]).toEqual([422, 'PERSONAL_INFO_UNMASKED'])
})

it('deletes a recorded opinion, audited with what it was', async () => {
  const id = await record('建议座谈会提前一周通知')
  const res = await remove(id)
  expect(res.status).toBe(204)
  expect(await app.db.eventOpinion.findUnique({ where: { id } })).toBeNull()
  const [audit] = await auditsOf(id, 'deleteEventOpinion')
  expect(audit!.before).toMatchObject({ eventId, publishedText: '建议座谈会提前一周通知' })
  expect((await remove(id)).status).toBe(404)
})

it('refuses a reviewer of another department (403 FORBIDDEN_DEPARTMENT) and an editor (403 FORBIDDEN), leaving the record as it was', async () => {
  const id = await record('建议增加无障碍停车位')
  for (const attempt of [put(id, { text: '被其他部门改写' }, otherReviewer), remove(id, otherReviewer)]) {
    const res = await attempt
    expect([res.status, res.body.error.code]).toEqual([403, 'FORBIDDEN_DEPARTMENT'])
  }
  for (const attempt of [put(id, { text: '被编辑改写' }, editor), remove(id, editor)]) {
    const res = await attempt
    expect([res.status, res.body.error.code]).toEqual([403, 'FORBIDDEN'])
  }
  expect((await app.db.eventOpinion.findUniqueOrThrow({ where: { id } })).rawText).toBe('建议增加无障碍停车位')
  expect(
    await app.db.auditLog.count({ where: { entity: 'eventOpinion', entityId: String(id), action: { in: ['updateEventOpinion', 'deleteEventOpinion'] } } }),
  ).toBe(0)
})

it('keeps the record once the outcome is public (409 FEEDBACK_ALREADY_PUBLISHED)', async () => {
  const id = await record('建议公开会议纪要')
  await app.db.event.update({ where: { id: eventId }, data: { outcomePublishedAt: new Date(), outcomeSummary: '会议审议通过。' } })
  try {
    for (const res of [await put(id, { text: '会后改写' }), await remove(id)])
      expect([res.status, res.body.error.code]).toEqual([409, 'FEEDBACK_ALREADY_PUBLISHED'])
    expect(await app.db.eventOpinion.findUnique({ where: { id } })).not.toBeNull()
  } finally {
    await app.db.event.update({ where: { id: eventId }, data: { outcomePublishedAt: null, outcomeSummary: null } })
  }
})

it('keeps the masks staff added by hand: the list returns them, and a correction sent with them keeps the published text masked', async () => {
  const text = '老街坊阿福说建议增加夜间停车位'
  const manual = { start: text.indexOf('阿福'), end: text.indexOf('阿福') + 2 }
  const created = await app.request(`/api/staff/events/${eventId}/opinions`, {
    method: 'POST',
    headers: reviewer,
    json: { text, masks: [manual], receivedOn: '2026-11-10' },
  })
  expect(created.status).toBe(201)
  expect(created.body).toMatchObject({ publishedText: '老街坊【已隐去】说建议增加夜间停车位', masks: [manual] })
  const id = created.body.id as number

  const listed = await app.request(`/api/staff/events/${eventId}/opinions`, { headers: reviewer })
  expect(listed.status).toBe(200)
  const opinion = listed.body.find((o: { id: number }) => o.id === id)
  expect(opinion.masks).toEqual([manual])

  // 修改记录 sends the listed masks back with the corrected date: 阿福 stays hidden.
  const corrected = await put(id, { text: opinion.rawText, masks: opinion.masks, receivedOn: '2026-11-11' })
  expect(corrected.status).toBe(200)
  expect(corrected.body).toMatchObject({ publishedText: '老街坊【已隐去】说建议增加夜间停车位', masks: [manual] })
  expect((await app.db.eventOpinion.findUniqueOrThrow({ where: { id } })).publishedText).not.toMatch(/阿福/)

  // Hostile masks are refused as when recording, and the stored masks stay.
  for (const masks of [[{ start: 0, end: text.length + 5 }], [manual, { start: manual.start + 1, end: manual.end + 1 }]]) {
    const res = await put(id, { text, masks })
    expect([res.status, res.body.error.code]).toEqual([400, 'VALIDATION_FAILED'])
    expect(Object.values(res.body.error.details.fields).join()).toMatch(/[\u4e00-\u9fff]/)
  }
  expect((await app.db.eventOpinion.findUniqueOrThrow({ where: { id } })).masks).toEqual([manual])
})
