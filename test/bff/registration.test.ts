import { sendDueReminders } from '../../bff/src/services/registration'
import { signInDemoCitizen, signInStaff } from '../support/identity'
import { startTestApp, type TestApp } from '../support/testApp'

const DAY = 86_400_000
let app: TestApp
let editor: Awaited<ReturnType<typeof signInStaff>>
let reviewer: Awaited<ReturnType<typeof signInStaff>>
let departmentId: number

beforeAll(async () => {
  app = await startTestApp({ settings: { demoLogin: true, sessionTtlHours: 24 * 90 } })
  departmentId = (await app.db.department.create({ data: { name: '政务服务中心' } })).id
  editor = await signInStaff(app, 'EDITOR')
  reviewer = await signInStaff(app, 'REVIEWER')
})
afterAll(() => app.close())

const person = (name: string, extra: Record<string, unknown> = {}) => ({ name, phone: '13800138000', category: 'PUBLIC', ...extra })

/** A published event whose signup is open now. */
async function openEvent(overrides: Record<string, unknown> = {}) {
  const now = app.now.value.getTime()
  const created = await app.request('/api/staff/events', {
    method: 'POST',
    headers: editor.auth,
    json: {
      kind: 'OPEN_DAY',
      title: '政府开放日：走进政务服务中心',
      description: '参观大厅',
      place: '政务服务中心',
      departmentId,
      startsAt: new Date(now + 10 * DAY).toISOString(),
      endsAt: new Date(now + 10 * DAY + 3 * 3_600_000).toISOString(),
      signupOpensAt: new Date(now - DAY).toISOString(),
      signupClosesAt: new Date(now + 5 * DAY).toISOString(),
      capacity: 3,
      reservedSeats: 1,
      waitlistCapacity: 1,
      selectionMode: 'FIRST_COME',
      ...overrides,
    },
  })
  if (created.status !== 201) throw new Error(JSON.stringify(created.body))
  expect((await app.request(`/api/events/${created.body.id}`)).status).toBe(404)
  expect((await app.request(`/api/staff/events/${created.body.id}/publish`, { method: 'POST', headers: reviewer.auth })).status).toBe(200)
  return created.body.id as number
}

const join = (id: number, who: { auth: Record<string, string> }, body = person('报名人')) =>
  app.request(`/api/events/${id}/registrations`, { method: 'POST', headers: who.auth, json: body })

describe('staff views of events', () => {
  it('show an unpublished draft to every staff member (not only its author) and never to the public', async () => {
    const now = app.now.value.getTime()
    const created = await app.request('/api/staff/events', {
      method: 'POST',
      headers: editor.auth,
      json: {
        kind: 'OPEN_DAY',
        title: '未发布的开放日草稿',
        description: '—',
        place: '政务服务中心',
        departmentId,
        startsAt: new Date(now + 10 * DAY).toISOString(),
        endsAt: new Date(now + 10 * DAY + 3_600_000).toISOString(),
        signupOpensAt: new Date(now - DAY).toISOString(),
        signupClosesAt: new Date(now + 5 * DAY).toISOString(),
        capacity: 10,
        selectionMode: 'FIRST_COME',
      },
    })
    expect(created.status).toBe(201)
    const id = created.body.id
    const otherStaff = await signInStaff(app, 'REVIEWER')
    expect((await app.request(`/api/staff/events/${id}`, { headers: otherStaff.auth })).body).toMatchObject({
      published: false,
      event: { id, title: '未发布的开放日草稿' },
    })
    const all = (await app.request('/api/staff/events', { headers: otherStaff.auth })).body as { event: { id: number }; published: boolean }[]
    expect(all.find((e) => e.event.id === id)?.published).toBe(false)
    expect((await app.request(`/api/events/${id}`)).status).toBe(404)
    expect((await app.request('/api/staff/events/999999', { headers: otherStaff.auth })).status).toBe(404)
  })
})

describe('first come, first served', () => {
  it('confirms while public seats last, then waitlists, then refuses with SEATS_EXHAUSTED; one registration per person', async () => {
    const id = await openEvent()
    const people = await Promise.all(['甲', '乙', '丙', '丁'].map((n) => signInDemoCitizen(app, n)))
    const statuses = []
    for (const p of people.slice(0, 3)) statuses.push((await join(id, p)).body.status)
    expect(statuses).toEqual(['SELECTED', 'SELECTED', 'WAITLISTED'])
    const fourth = await join(id, people[3]!)
    expect([fourth.status, fourth.body.error?.code]).toEqual([409, 'SEATS_EXHAUSTED'])
    const again = await join(id, people[0]!)
    expect([again.status, again.body.error.code]).toEqual([409, 'ALREADY_REGISTERED'])
    const event = await app.db.event.findUniqueOrThrow({ where: { id } })
    expect([event.confirmedCount, event.waitlistCount]).toEqual([2, 1])
    expect(await app.db.registration.count({ where: { eventId: id } })).toBe(3)
    const detail = (await app.request(`/api/events/${id}`)).body
    expect(detail.seatsLeft).toBe(0)
    expect(JSON.stringify(detail)).not.toMatch(/甲|乙|丙|13800138000/)
  })

  it('promotes the first waitlisted person when a confirmed one cancels, and tells them', async () => {
    const id = await openEvent()
    const [a, b, c] = await Promise.all(['戊', '己', '庚'].map((n) => signInDemoCitizen(app, n)))
    const first = (await join(id, a!)).body
    await join(id, b!)
    expect((await join(id, c!)).body.status).toBe('WAITLISTED')
    expect(first.checkInCode).toMatch(/^[A-Z2-9]{8}$/)
    const cancelled = await app.request(`/api/me/registrations/${first.id}/cancel`, { method: 'POST', headers: a!.auth })
    expect(cancelled.body).toMatchObject({ status: 'CANCELLED', checkInCode: null })
    const mine = (await app.request('/api/me/registrations', { headers: c!.auth })).body
    expect(mine[0]).toMatchObject({ status: 'SELECTED', checkInCode: expect.any(String) })
    const notes = (await app.request('/api/me/notifications', { headers: c!.auth })).body.items
    expect(notes[0].body).toMatch(/递补/)
    const event = await app.db.event.findUniqueOrThrow({ where: { id } })
    expect([event.confirmedCount, event.waitlistCount]).toEqual([2, 0])
    expect((await app.request(`/api/me/registrations/${first.id}/cancel`, { method: 'POST', headers: b!.auth })).status).toBe(404)
    // A cancelled registration does not block signing up again.
    expect((await join(id, a!)).body.status).toBe('WAITLISTED')
  })

  it('refuses signups outside the window or for a cancelled event, storing nothing', async () => {
    const citizen = await signInDemoCitizen(app, '辛')
    const now = app.now.value.getTime()
    const early = await openEvent({ signupOpensAt: new Date(now + DAY).toISOString() })
    expect((await join(early, citizen)).body.error.code).toBe('SIGNUP_NOT_OPEN')
    const closing = await openEvent()
    app.now.value = new Date(now + 6 * DAY)
    expect((await join(closing, citizen)).body.error.code).toBe('SIGNUP_CLOSED')
    app.now.value = new Date(now)
    const cancelled = await openEvent()
    const reasonless = await app.request(`/api/staff/events/${cancelled}/cancel`, { method: 'POST', headers: reviewer.auth, json: { reason: '' } })
    expect(reasonless.status).toBe(400)
    expect(
      (await app.request(`/api/staff/events/${cancelled}/cancel`, { method: 'POST', headers: reviewer.auth, json: { reason: '因天气原因取消' } })).status,
    ).toBe(200)
    expect((await join(cancelled, citizen)).body.error.code).toBe('EVENT_CANCELLED')
    expect((await app.request(`/api/events/${cancelled}`)).body.cancelled).toMatchObject({ reason: '因天气原因取消' })
    expect((await join(cancelled, citizen, { ...person('辛'), phone: '123' })).status).toBe(400)
    expect(await app.db.registration.count({ where: { eventId: { in: [early, closing, cancelled] } } })).toBe(0)
  })
})

describe('check-in', () => {
  it('accepts each code once, only for its own event, and shows 已签到 to the citizen', async () => {
    const id = await openEvent()
    const other = await openEvent()
    const citizen = await signInDemoCitizen(app, '壬')
    const mine = (await join(id, citizen)).body
    const check = (eventId: number, code: string, who = editor) =>
      app.request(`/api/staff/events/${eventId}/check-ins`, { method: 'POST', headers: who.auth, json: { code } })
    // Check-in opens on the event day (the events start in 10 days): an hour before the start.
    const now = app.now.value
    app.now.value = new Date(now.getTime() + 10 * DAY - 3_600_000)
    try {
      expect((await check(other, mine.checkInCode)).body.error.code).toBe('CHECK_IN_CODE_INVALID')
      expect((await check(id, 'ZZZZZZZZ')).body.error.code).toBe('CHECK_IN_CODE_INVALID')
      const ok = await check(id, mine.checkInCode.toLowerCase())
      expect(ok.body).toMatchObject({ name: '报名人', attendeeCount: 1 })
      const used = await check(id, mine.checkInCode)
      expect([used.status, used.body.error.code]).toEqual([409, 'CHECK_IN_CODE_USED'])
    } finally {
      app.now.value = now
    }
    expect((await app.request('/api/me/registrations', { headers: citizen.auth })).body[0].status).toBe('CHECKED_IN')
    expect((await app.request(`/api/me/registrations/${mine.id}/cancel`, { method: 'POST', headers: citizen.auth })).status).toBe(409)
  })
})

describe('review mode', () => {
  it('keeps applications pending until a reviewer selects, or rejects with a reason', async () => {
    const id = await openEvent({ selectionMode: 'REVIEW', kind: 'HEARING', title: '停车收费听证会' })
    const [a, b] = await Promise.all(['癸', '子'].map((n) => signInDemoCitizen(app, n)))
    const ra = (await join(id, a!)).body
    const rb = (await join(id, b!)).body
    expect([ra.status, ra.checkInCode]).toEqual(['APPLIED', null])
    const review = (rid: number, body: unknown) => app.request(`/api/staff/registrations/${rid}/review`, { method: 'POST', headers: reviewer.auth, json: body })
    expect((await review(ra.id, { decision: 'SELECT' })).body.status).toBe('SELECTED')
    expect((await review(rb.id, { decision: 'REJECT' })).status).toBe(400)
    expect((await review(rb.id, { decision: 'REJECT', reason: '同一小区已有代表' })).body).toMatchObject({
      status: 'NOT_SELECTED',
      reviewReason: '同一小区已有代表',
    })
    expect((await review(ra.id, { decision: 'REJECT', reason: '重复审核' })).status).toBe(409)
    expect((await app.request('/api/me/registrations', { headers: b!.auth })).body[0]).toMatchObject({
      status: 'NOT_SELECTED',
      reviewReason: '同一小区已有代表',
    })
  })
})

describe('after the event', () => {
  it('reminds selected people the day before, once, and publishes the outcome to attendees', async () => {
    const now = app.now.value.getTime()
    const id = await openEvent()
    const citizen = await signInDemoCitizen(app, '丑')
    const registration = (await join(id, citizen)).body
    app.now.value = new Date(now + 9.5 * DAY)
    expect(await sendDueReminders(app.deps)).toBeGreaterThanOrEqual(1)
    expect(await sendDueReminders(app.deps)).toBe(0)
    const titles = (await app.request('/api/me/notifications', { headers: citizen.auth })).body.items.map((n: { title: string }) => n.title)
    expect(titles.filter((t: string) => t.startsWith('活动提醒'))).toHaveLength(1)

    expect(
      (await app.request(`/api/staff/events/${id}/outcome`, { method: 'PUT', headers: reviewer.auth, json: { summary: '会议审议通过了开放日改进方案。' } }))
        .body.error.code,
    ).toBe('OUTCOME_TOO_EARLY')
    app.now.value = new Date(now + 10 * DAY + 3_600_000)
    await app.request(`/api/staff/events/${id}/check-ins`, { method: 'POST', headers: editor.auth, json: { code: registration.checkInCode } })
    const outcome = await app.request(`/api/staff/events/${id}/outcome`, {
      method: 'PUT',
      headers: reviewer.auth,
      json: { summary: '会议审议通过了开放日改进方案，采纳市民意见 3 条。' },
    })
    expect(outcome.body.outcome).toMatchObject({ attendeeCount: 1 })
    expect((await app.request(`/api/events/${id}`)).body.outcome.summary).toMatch(/采纳市民意见/)
    expect((await app.request('/api/me/notifications', { headers: citizen.auth })).body.items[0].title).toBe('会议结果已公开')
    const csv = await fetch(`${app.baseUrl}/api/staff/events/${id}/export?format=csv`, { headers: reviewer.auth })
    expect(Buffer.from(await csv.arrayBuffer()).toString('utf8')).toContain('已签到')
    app.now.value = new Date(now)
  })
})

describe('deleting one’s personal data', () => {
  it('releases held seats to the waitlist, withdraws a published name and de-identifies registrations, after showing them in the export', async () => {
    const id = await openEvent({ capacity: 2, reservedSeats: 1 })
    const leaving = await signInDemoCitizen(app, '寅')
    const waiting = await signInDemoCitizen(app, '卯')
    expect((await join(id, leaving, person('张寅'))).body.status).toBe('SELECTED')
    expect((await join(id, waiting)).body.status).toBe('WAITLISTED')
    const consultation = await app.db.consultation.create({
      data: {
        departmentId,
        title: '删除个人信息测试草案',
        summary: '—',
        opensAt: new Date(app.now.value.getTime() - DAY),
        closesAt: new Date(app.now.value.getTime() + 40 * DAY),
        publishedAt: new Date(app.now.value.getTime() - DAY),
      },
    })
    const opinion = await app.request(`/api/consultations/${consultation.id}/opinions`, {
      method: 'POST',
      headers: leaving.auth,
      json: { text: '署名公开的意见内容', consent: 'PUBLISH_NAMED', authorName: '张寅', contactPhone: '13700001111', idempotencyKey: 'delete-me-01' },
    })
    expect(opinion.status).toBe(201)

    const exported = (await app.request('/api/me/data', { headers: leaving.auth })).body
    expect(exported.registrations).toEqual([expect.objectContaining({ name: '张寅', phone: '13800138000', status: 'SELECTED' })])
    expect(exported.opinions).toEqual([expect.objectContaining({ authorName: '张寅', contactPhone: '13700001111' })])

    expect((await app.request('/api/me', { method: 'DELETE', headers: leaving.auth })).status).toBe(204)
    const stored = await app.db.opinion.findUniqueOrThrow({ where: { id: opinion.body.id } })
    expect(stored).toMatchObject({ citizenId: null, authorName: null, contactPhone: null, consent: 'PUBLISH_MASKED', rawText: '署名公开的意见内容' })
    const registrations = await app.db.registration.findMany({ where: { eventId: id }, orderBy: { id: 'asc' } })
    expect(registrations[0]).toMatchObject({ citizenId: null, name: '（已删除）', phone: '', status: 'CANCELLED' })
    expect(registrations[1]!.status).toBe('SELECTED')
    expect((await app.db.event.findUniqueOrThrow({ where: { id } })).confirmedCount).toBe(1)
    expect(JSON.stringify(await app.db.registration.findMany({ where: { eventId: id } }))).not.toContain('张寅')
  })
})

describe('attendees’ opinions', () => {
  it('are recorded de-identified, answered with a mandatory reason when not adopted, and published with the outcome', async () => {
    const now = app.now.value.getTime()
    const id = await openEvent({ kind: 'MEETING_ATTENDANCE', title: '列席主任办公会（审议停车办法）' })
    const attendee = await signInDemoCitizen(app, '辰')
    const registration = (await join(id, attendee, person('刘辰'))).body
    const text = '我叫刘辰，建议夜间停车免费，联系电话 13912345678。'
    const masks = [
      { start: text.indexOf('刘辰'), end: text.indexOf('刘辰') + 2, kind: 'NAME' },
      { start: text.indexOf('139'), end: text.indexOf('139') + 11, kind: 'PHONE' },
    ]
    const recorded = await app.request(`/api/staff/events/${id}/opinions`, {
      method: 'POST',
      headers: reviewer.auth,
      json: { registrationId: registration.id, text, masks },
    })
    expect(recorded.status).toBe(201)
    expect(recorded.body.publishedText).not.toMatch(/刘辰|13912345678/)
    const foreign = await app.request(`/api/staff/events/${id}/opinions`, {
      method: 'POST',
      headers: reviewer.auth,
      json: { registrationId: 999999, text: '不属于本活动的报名' },
    })
    expect(foreign.body.error.details.fields.registrationId).toBeDefined()

    app.now.value = new Date(now + 10.5 * DAY)
    const blocked = await app.request(`/api/staff/events/${id}/outcome`, {
      method: 'PUT',
      headers: reviewer.auth,
      json: { summary: '会议审议通过停车管理办法。' },
    })
    expect(blocked.body.error).toMatchObject({ code: 'FEEDBACK_NOT_READY', details: { unanswered: 1 } })
    const answer = (extra: Record<string, unknown>) => ({
      adoption: 'NOT_ADOPTED',
      content: '夜间停车收费用于周转管理。',
      departmentId,
      repliedOn: '2026-12-10',
      ...extra,
    })
    const noReason = await app.request(`/api/staff/event-opinions/${recorded.body.id}/answer`, { method: 'PUT', headers: reviewer.auth, json: answer({}) })
    expect(noReason.body.error.details.fields.reason).toBeDefined()
    const answered = await app.request(`/api/staff/event-opinions/${recorded.body.id}/answer`, {
      method: 'PUT',
      headers: reviewer.auth,
      json: answer({ reason: '夜间免费将导致车位长期占用' }),
    })
    expect(answered.body.answer).toMatchObject({ adoption: 'NOT_ADOPTED', reason: '夜间免费将导致车位长期占用' })

    expect(
      (await app.request(`/api/staff/events/${id}/outcome`, { method: 'PUT', headers: reviewer.auth, json: { summary: '会议审议通过停车管理办法。' } })).status,
    ).toBe(200)
    const publicView = (await app.request(`/api/events/${id}`)).body
    expect(publicView.outcome.opinions).toEqual([
      expect.objectContaining({ answer: expect.objectContaining({ adoption: 'NOT_ADOPTED', reason: '夜间免费将导致车位长期占用' }) }),
    ])
    expect(JSON.stringify(publicView)).not.toMatch(/刘辰|13912345678/)
    const note = (await app.request('/api/me/notifications', { headers: attendee.auth })).body.items[0]
    expect(note.body).toMatch(/不予采纳（夜间免费将导致车位长期占用）/)
    expect(
      (await app.request(`/api/staff/event-opinions/${recorded.body.id}/answer`, { method: 'PUT', headers: reviewer.auth, json: answer({ reason: '改' }) }))
        .body.error.code,
    ).toBe('FEEDBACK_ALREADY_PUBLISHED')
    app.now.value = new Date(now)
  })
})

describe('idempotency keys on signups', () => {
  it('replays the first registration for a retry with the same key, refuses a malformed key, and forgets keys after a week', async () => {
    const { purgeOldIdempotencyKeys } = await import('../../bff/src/services/idempotency')
    const id = await openEvent({ capacity: 10, reservedSeats: 0, waitlistCapacity: 5 })
    const citizen = await signInDemoCitizen(app, '重试的人')
    const keyed = (key: string) =>
      app.request(`/api/events/${id}/registrations`, { method: 'POST', headers: { ...citizen.auth, 'Idempotency-Key': key }, json: person('重试的人') })
    const first = await keyed('retry-key-0001')
    expect([first.status, first.body.status]).toEqual([201, 'SELECTED'])
    const again = await keyed('retry-key-0001')
    expect([again.status, again.body]).toEqual([201, first.body])
    expect((await keyed('bad key!')).body.error).toMatchObject({ code: 'VALIDATION_FAILED', details: { fields: { 'Idempotency-Key': expect.any(String) } } })
    // A week later the key is forgotten: the same request is a second signup.
    app.now.value = new Date(Date.now() + 8 * DAY)
    try {
      await app.db.$executeRaw`UPDATE idempotent_request SET created_at = now() - interval '8 days'`
      expect(await purgeOldIdempotencyKeys(app.deps)).toBeGreaterThan(0)
    } finally {
      app.now.value = new Date()
    }
    expect((await keyed('retry-key-0001')).body.error.code).toBe('ALREADY_REGISTERED')
  })
})
