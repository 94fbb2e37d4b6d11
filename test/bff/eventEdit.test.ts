// Editing an event after creation (updateEvent): audited, registrants told of a new time or place once per edit (in-app and WeChat), promises kept; the live-stream link; check-in only on the event day.
import { type FakeWechat, startFakeWechat } from '../../bff/src/dev/fakeWechat/server'
import { processDeliveries } from '../../bff/src/services/notification'
import { setCitizenConsent, signInStaff } from '../support/identity'
import { startTestApp, TEST_WECHAT, type TestApp } from '../support/testApp'

const HOUR = 3_600_000
const DAY = 24 * HOUR
let wechat: FakeWechat
let app: TestApp
let departmentId: number
let otherDepartmentId: number
let editor: Record<string, string>
let reviewer: Record<string, string>

beforeAll(async () => {
  wechat = await startFakeWechat(TEST_WECHAT)
  app = await startTestApp({
    wechatBaseUrl: wechat.baseUrl,
    settings: { templates: { REGISTRATION_RESULT: 'tmpl-registration' }, sessionTtlHours: 24 * 90, checkInOpensHoursBefore: 2 },
  })
  departmentId = (await app.db.department.create({ data: { name: '高新区文化旅游局' } })).id
  otherDepartmentId = (await app.db.department.create({ data: { name: '高新区财政局' } })).id
  editor = (await signInStaff(app, 'EDITOR', undefined, { departments: [departmentId] })).auth
  reviewer = (await signInStaff(app, 'REVIEWER', undefined, { departments: [departmentId] })).auth
})
afterAll(async () => {
  await app.close()
  await wechat.close()
})

const at = (offset: number) => new Date(app.now.value.getTime() + offset).toISOString()
/** The event form as the staff page sends it. */
const form = (overrides: Record<string, unknown> = {}) => ({
  kind: 'OPEN_DAY',
  title: '博物馆新馆公众开放日',
  description: '参观新馆展陈，听取布展意见',
  place: '高新区博物馆新馆一楼',
  departmentId,
  startsAt: at(10 * DAY),
  endsAt: at(10 * DAY + 3 * HOUR),
  signupOpensAt: at(-DAY),
  signupClosesAt: at(5 * DAY),
  capacity: 2,
  reservedSeats: 0,
  waitlistCapacity: 2,
  selectionMode: 'FIRST_COME',
  ...overrides,
})

async function createEvent(overrides: Record<string, unknown> = {}, publish = true) {
  const created = await app.request('/api/staff/events', { method: 'POST', headers: editor, json: form(overrides) })
  if (created.status !== 201) throw new Error(JSON.stringify(created.body))
  if (publish) expect((await app.request(`/api/staff/events/${created.body.id}/publish`, { method: 'POST', headers: reviewer })).status).toBe(200)
  return created.body.id as number
}
const edit = (id: number, overrides: Record<string, unknown>, headers = editor) =>
  app.request(`/api/staff/events/${id}`, { method: 'PUT', headers, json: form(overrides) })

let seq = 0
/** A WeChat citizen with consent and a 报名结果 subscription. */
async function citizen() {
  const openid = `openid-edit-${++seq}`
  const { body } = await app.request('/api/auth/wechat', { method: 'POST', json: { code: wechat.issueLoginCode(openid) } })
  const auth = { Authorization: `Bearer ${body.token}` }
  await setCitizenConsent(app, body.me.id, 'current')
  for (let i = 0; i < 3; i++) await app.request('/api/me/subscriptions', { method: 'POST', headers: auth, json: { accepted: ['REGISTRATION_RESULT'] } })
  return { id: body.me.id as number, openid, auth }
}
const join = (eventId: number, who: { auth: Record<string, string> }, name: string) =>
  app.request(`/api/events/${eventId}/registrations`, { method: 'POST', headers: who.auth, json: { name, phone: '13800138000', category: 'PUBLIC' } })
const notices = (citizenId: number) => app.db.notification.findMany({ where: { citizenId, title: { contains: '变更' } }, orderBy: { id: 'asc' } })

describe('editing an event', () => {
  it('saves the edit with an audit entry of the fields before and after, and the public page shows it', async () => {
    const id = await createEvent()
    const saved = await edit(id, { title: '博物馆新馆公众开放日（第二场）', eligibility: '年满 14 周岁' })
    expect(saved.status).toBe(200)
    expect(saved.body).toMatchObject({ title: '博物馆新馆公众开放日（第二场）', eligibility: '年满 14 周岁' })
    expect((await app.request(`/api/events/${id}`)).body.title).toBe('博物馆新馆公众开放日（第二场）')
    const audit = await app.db.auditLog.findMany({ where: { action: 'updateEvent', entityId: String(id) } })
    expect(audit.map((a) => [a.before, a.after])).toEqual([
      [
        { title: '博物馆新馆公众开放日', eligibility: '' },
        { title: '博物馆新馆公众开放日（第二场）', eligibility: '年满 14 周岁' },
      ],
    ])
    // Saving the same form again changes nothing and records nothing.
    expect((await edit(id, { title: '博物馆新馆公众开放日（第二场）', eligibility: '年满 14 周岁' })).status).toBe(200)
    expect(await app.db.auditLog.count({ where: { action: 'updateEvent', entityId: String(id) } })).toBe(1)
    // The form shows minutes: a signup opening stored with seconds, sent back to the minute, is no change (not SIGNUP_WINDOW_LOCKED).
    const stored = (await app.db.event.findUniqueOrThrow({ where: { id } })).signupOpensAt
    const minute = new Date(Math.floor(stored.getTime() / 60_000) * 60_000).toISOString()
    expect((await edit(id, { title: '博物馆新馆公众开放日（第二场）', eligibility: '年满 14 周岁', signupOpensAt: minute })).status).toBe(200)
    expect((await app.db.event.findUniqueOrThrow({ where: { id } })).signupOpensAt).toEqual(stored)
  })

  it('tells every registrant of a new time or place once per edit, in-app and on WeChat; other edits tell nobody', async () => {
    const id = await createEvent()
    const [seated, waiting, gone] = [await citizen(), await citizen(), await citizen()]
    expect((await join(id, seated, '周晓梅')).body.status).toBe('SELECTED')
    const left = await join(id, gone, '吴国强')
    expect(left.body.status).toBe('SELECTED')
    expect((await join(id, waiting, '郑丽华')).body.status).toBe('WAITLISTED')
    expect((await app.request(`/api/me/registrations/${left.body.id}/cancel`, { method: 'POST', headers: gone.auth })).status).toBe(200)

    expect((await edit(id, { description: '参观新馆展陈，听取布展和讲解意见' })).status).toBe(200)
    expect(await notices(seated.id)).toHaveLength(0)

    const moved = await edit(id, { startsAt: at(11 * DAY), endsAt: at(11 * DAY + 3 * HOUR) })
    expect(moved.status).toBe(200)
    const [first] = await notices(seated.id)
    expect(first).toMatchObject({ title: '活动时间变更', kind: 'REGISTRATION_RESULT' })
    expect(first!.body).toMatch(/时间改为 .* 至 .*（原 .*）/)
    expect(await notices(waiting.id)).toHaveLength(1)
    expect(await notices(gone.id)).toHaveLength(0)

    // A second change is a second moment: told again, with both time and place named.
    expect((await edit(id, { startsAt: at(12 * DAY), endsAt: at(12 * DAY + 3 * HOUR), place: '高新区博物馆新馆二楼报告厅' })).status).toBe(200)
    const all = await notices(seated.id)
    expect(all.map((n) => n.title)).toEqual(['活动时间变更', '活动时间和地点变更'])
    expect(all[1]!.body).toMatch(/地点改为 高新区博物馆新馆二楼报告厅（原 高新区博物馆新馆一楼）/)

    await processDeliveries(app.deps, 100)
    const sent = wechat.delivered.filter((m) => m.touser === seated.openid && /变更/.test(JSON.stringify(m.data)))
    expect(sent).toHaveLength(2)
    expect(sent[0]).toMatchObject({ template_id: 'tmpl-registration', data: { phrase2: { value: '时间变更' } } })
  })

  it('tells nobody while the event is unpublished', async () => {
    const id = await createEvent({}, false)
    expect((await edit(id, { place: '高新区博物馆老馆' })).status).toBe(200)
    expect(await app.db.notification.count({ where: { body: { contains: '高新区博物馆老馆' } } })).toBe(0)
  })

  it('seats those waiting when a first-come event gets more seats', async () => {
    const id = await createEvent({ capacity: 1 })
    const [a, b] = [await citizen(), await citizen()]
    await join(id, a, '冯建军')
    const waiting = await join(id, b, '陈秀英')
    expect(waiting.body.status).toBe('WAITLISTED')
    expect((await edit(id, { capacity: 2 })).body.seatsLeft).toBe(0)
    expect((await app.db.registration.findUnique({ where: { id: waiting.body.id } }))!.status).toBe('SELECTED')
  })
})

describe('edits that would break a promise are refused with a stable code', () => {
  it('keeps seats and waitlist places already given', async () => {
    const id = await createEvent()
    const [a, b, c] = [await citizen(), await citizen(), await citizen()]
    await join(id, a, '甲')
    await join(id, b, '乙')
    await join(id, c, '丙')
    const fewer = await edit(id, { capacity: 1 })
    expect([fewer.status, fewer.body.error.code]).toEqual([409, 'EVENT_SEATS_TAKEN'])
    expect(fewer.body.error.message).toBe('已有 2 人入选，总席位减预留席位不能少于 2 个')
    expect(fewer.body.error.details.fields).toEqual({ capacity: '已有 2 人入选，总席位减预留席位不能少于 2 个' })
    expect((await edit(id, { capacity: 3, reservedSeats: 2 })).body.error.code).toBe('EVENT_SEATS_TAKEN')
    const waitlist = await edit(id, { waitlistCapacity: 0 })
    expect([waitlist.body.error.code, waitlist.body.error.message]).toEqual(['EVENT_SEATS_TAKEN', '已有 1 人候补，候补名额不能少于 1 个'])
    expect((await app.db.event.findUnique({ where: { id } }))!.capacity).toBe(2)
  })

  it('keeps the selection mode and the signup window once signups opened', async () => {
    const id = await createEvent()
    const mode = await edit(id, { selectionMode: 'REVIEW' })
    expect([mode.status, mode.body.error.code, mode.body.error.message]).toEqual([409, 'SELECTION_MODE_LOCKED', '报名已开始或已有人报名，确定方式不能更改'])
    const opens = await edit(id, { signupOpensAt: at(-2 * DAY) })
    expect([opens.body.error.code, opens.body.error.message]).toEqual(['SIGNUP_WINDOW_LOCKED', '报名已开始，报名开始时间不能更改'])
    const closes = await edit(id, { signupClosesAt: at(-HOUR) })
    expect([closes.status, closes.body.error.details.fields]).toEqual([400, { signupClosesAt: '报名截止时间须晚于现在' }])
    // Before signups open and with nobody registered, the mode can still change.
    const later = await createEvent({ signupOpensAt: at(DAY) })
    expect((await edit(later, { signupOpensAt: at(DAY), selectionMode: 'REVIEW' })).body.selectionMode).toBe('REVIEW')
  })

  it('keeps a lottery’s seats once signups opened (DRAW_QUOTAS_LOCKED), like its quotas', async () => {
    const id = await createEvent({ selectionMode: 'LOTTERY', capacity: 10 })
    const more = await edit(id, { selectionMode: 'LOTTERY', capacity: 12 })
    expect([more.status, more.body.error.code]).toEqual([409, 'DRAW_QUOTAS_LOCKED'])
  })

  it('keeps the time and place of an event under way, and refuses a cancelled event', async () => {
    const id = await createEvent({ startsAt: at(2 * HOUR), endsAt: at(5 * HOUR), signupClosesAt: at(HOUR) })
    app.now.value = new Date(app.now.value.getTime() + 3 * HOUR)
    try {
      const moved = await edit(id, { startsAt: at(DAY), endsAt: at(DAY + HOUR), signupClosesAt: at(-2 * HOUR), signupOpensAt: at(-DAY - 3 * HOUR) })
      expect(moved.body.error.code).toBe('EVENT_ALREADY_STARTED')
    } finally {
      app.now.value = new Date(app.now.value.getTime() - 3 * HOUR)
    }
    const cancelled = await createEvent()
    await app.request(`/api/staff/events/${cancelled}/cancel`, { method: 'POST', headers: reviewer, json: { reason: '场馆检修，活动取消' } })
    expect((await edit(cancelled, { title: '博物馆新馆公众开放日（改期）' })).body.error.code).toBe('EVENT_CANCELLED')
  })

  it('is for editors of the event’s department only', async () => {
    const id = await createEvent()
    const outsider = (await signInStaff(app, 'EDITOR', undefined, { departments: [otherDepartmentId] })).auth
    expect((await edit(id, { title: '博物馆新馆开放日（外部门）', departmentId: otherDepartmentId }, outsider)).body.error.code).toBe('FORBIDDEN_DEPARTMENT')
    expect((await edit(id, { departmentId: otherDepartmentId })).body.error.code).toBe('FORBIDDEN_DEPARTMENT')
    expect((await edit(id, { title: '博物馆新馆开放日（审核人改）' }, reviewer)).status).toBe(403)
    expect((await app.db.event.findUnique({ where: { id } }))!.title).toBe('博物馆新馆公众开放日')
  })
})

describe('网络直播 link', () => {
  it('accepts an https address only, and shows it on the public page', async () => {
    const id = await createEvent()
    const http = await edit(id, { liveStreamUrl: 'http://live.example.gov.cn/123' })
    expect([http.status, http.body.error.details.fields]).toEqual([400, { liveStreamUrl: '直播网址须以 https:// 开头' }])
    expect((await edit(id, { liveStreamUrl: 'javascript:alert(1)' })).status).toBe(400)
    expect((await edit(id, { liveStreamUrl: 'https://live example' })).status).toBe(400)
    expect((await edit(id, { liveStreamUrl: 'https://live.example.gov.cn/room/123?from=app' })).status).toBe(200)
    expect((await app.request(`/api/events/${id}`)).body.liveStreamUrl).toBe('https://live.example.gov.cn/room/123?from=app')
    expect((await edit(id, { liveStreamUrl: null })).body.liveStreamUrl).toBeNull()
  })
})

describe('check-in on the event day only', () => {
  it('refuses a code days before the start and after the end; accepts it within the configured hours before the start', async () => {
    const id = await createEvent({ startsAt: at(3 * DAY), endsAt: at(3 * DAY + 3 * HOUR), signupClosesAt: at(DAY) })
    const person = await citizen()
    const registration = (await join(id, person, '何静')).body
    const checkIn = () => app.request(`/api/staff/events/${id}/check-ins`, { method: 'POST', headers: editor, json: { code: registration.checkInCode } })
    const start = app.now.value.getTime()
    try {
      const early = await checkIn()
      expect([early.status, early.body.error.code]).toEqual([409, 'CHECK_IN_NOT_OPEN'])
      expect(early.body.error.message).toMatch(/^尚未到签到时间：签到于 \d{4}-\d{2}-\d{2} \d{2}:\d{2}（活动开始前 2 小时）开始$/)
      app.now.value = new Date(start + 3 * DAY - 2.5 * HOUR)
      expect((await checkIn()).body.error.code).toBe('CHECK_IN_NOT_OPEN')
      app.now.value = new Date(start + 3 * DAY + 4 * HOUR)
      expect((await checkIn()).body.error.code).toBe('CHECK_IN_CLOSED')
      expect((await app.db.registration.findUnique({ where: { id: registration.id } }))!.status).toBe('SELECTED')
      app.now.value = new Date(start + 3 * DAY - 1.5 * HOUR)
      expect((await checkIn()).body).toMatchObject({ name: '何静', attendeeCount: 1 })
    } finally {
      app.now.value = new Date(start)
    }
  })
})
