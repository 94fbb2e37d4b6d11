// Invitee seats: staff of the event's department give reserved seats to named invitees (phone never public); the seats count once against capacity, also when assignments and citizens' signups race.
import { eventForm } from '../support/eventForm'
import { signInDemoCitizen, signInStaff } from '../support/identity'
import { startTestApp, type TestApp } from '../support/testApp'

let app: TestApp
let departmentId: number
let editor: Record<string, string>
let reviewer: Record<string, string>
let otherEditor: Record<string, string>
let admin: Record<string, string>

beforeAll(async () => {
  app = await startTestApp({ settings: { demoLogin: true } })
  departmentId = (await app.db.department.create({ data: { name: '邀请甲局' } })).id
  const otherId = (await app.db.department.create({ data: { name: '邀请乙局' } })).id
  editor = (await signInStaff(app, 'EDITOR', undefined, { departments: [departmentId] })).auth
  reviewer = (await signInStaff(app, 'REVIEWER', undefined, { departments: [departmentId] })).auth
  otherEditor = (await signInStaff(app, 'EDITOR', undefined, { departments: [otherId] })).auth
  // An administrator listed in another department: admins reach every department, as everywhere else.
  admin = (await signInStaff(app, 'ADMIN', undefined, { departments: [otherId] })).auth
})
afterAll(() => app.close())

async function openEvent(capacity: number, reservedSeats: number) {
  const created = await app.request('/api/staff/events', {
    method: 'POST',
    headers: editor,
    json: eventForm(app, departmentId, { kind: 'MEETING_ATTENDANCE', title: '列席管委会主任办公会', place: '管委会大楼', capacity, reservedSeats }),
  })
  expect(created.status).toBe(201)
  expect((await app.request(`/api/staff/events/${created.body.id}/publish`, { method: 'POST', headers: reviewer })).status).toBe(200)
  return created.body.id as number
}
const assign = (eventId: number, body: Record<string, unknown>, headers = editor) =>
  app.request(`/api/staff/events/${eventId}/invitees`, { method: 'POST', headers, json: body })
const seatsOf = (id: number) =>
  app.db.event.findUniqueOrThrow({ where: { id }, select: { capacity: true, reservedSeats: true, confirmedCount: true, invitedCount: true } })

it('gives reserved seats to named invitees up to the reserved number, lists them with phones for staff only, and frees a seat on removal', async () => {
  const eventId = await openEvent(5, 2)
  const first = await assign(eventId, { name: '王建国', unit: '区人大常委会', phone: '13900001111' })
  expect([first.status, first.body]).toEqual([201, expect.objectContaining({ name: '王建国', unit: '区人大常委会', phone: '13900001111' })])
  expect((await assign(eventId, { name: '李记者', unit: '高新区融媒体中心' }, reviewer)).status).toBe(201)
  const third = await assign(eventId, { name: '赵专家', unit: '某大学' })
  expect([third.status, third.body.error.code]).toEqual([409, 'RESERVED_SEATS_EXHAUSTED'])
  expect(third.body.error.message).toMatch(/预留席位已全部分配/)

  const listed = await app.request(`/api/staff/events/${eventId}/invitees`, { headers: reviewer })
  expect(listed.body).toMatchObject({
    reservedSeats: 2,
    invitees: [
      { name: '王建国', phone: '13900001111' },
      { name: '李记者', phone: null },
    ],
  })
  expect(await app.db.auditLog.count({ where: { action: 'readContactData', entity: 'event', entityId: String(eventId) } })).toBeGreaterThan(0)
  // Public: the seats left for citizens are unchanged (capacity − reserved), and no invitee or phone shows.
  const publicView = await app.request(`/api/events/${eventId}`)
  expect(publicView.body.seatsLeft).toBe(3)
  expect(JSON.stringify(publicView.body)).not.toMatch(/王建国|13900001111/)

  // The reserved seats cannot go below those given.
  const shrink = await app.request(`/api/staff/events/${eventId}`, { method: 'PUT', headers: editor, json: { ...(await formOf(eventId)), reservedSeats: 1 } })
  expect([shrink.status, shrink.body.error.code, Object.keys(shrink.body.error.details.fields)]).toEqual([409, 'EVENT_SEATS_TAKEN', ['reservedSeats']])

  const removed = await app.request(`/api/staff/event-invitees/${first.body.id}`, { method: 'DELETE', headers: editor })
  expect(removed.status).toBe(204)
  expect((await seatsOf(eventId)).invitedCount).toBe(1)
  expect((await assign(eventId, { name: '赵专家', unit: '某大学' })).status).toBe(201)
  expect(await app.db.auditLog.count({ where: { action: { in: ['assignInvitee', 'removeInvitee'] }, entityId: String(eventId) } })).toBe(4)
  expect(JSON.stringify(await app.db.auditLog.findMany({ where: { action: 'assignInvitee' } }))).not.toContain('13900001111')
})

it('refuses another department (403 FORBIDDEN_DEPARTMENT), a citizen (403), a bad phone (400) and a cancelled event (409)', async () => {
  const eventId = await openEvent(5, 2)
  const elsewhere = await assign(eventId, { name: '王建国', unit: '区人大常委会' }, otherEditor)
  expect([elsewhere.status, elsewhere.body.error.code]).toEqual([403, 'FORBIDDEN_DEPARTMENT'])
  expect((await app.request(`/api/staff/events/${eventId}/invitees`, { headers: otherEditor })).status).toBe(403)
  const citizen = await signInDemoCitizen(app, '市民甲')
  expect((await assign(eventId, { name: '王建国', unit: '区人大常委会' }, citizen.auth)).status).toBe(403)
  const badPhone = await assign(eventId, { name: '王建国', unit: '区人大常委会', phone: '12345' })
  expect([badPhone.status, Object.keys(badPhone.body.error.details.fields)]).toEqual([400, ['phone']])
  const mine = await assign(eventId, { name: '王建国', unit: '区人大常委会' })
  const removeElsewhere = await app.request(`/api/staff/event-invitees/${mine.body.id}`, { method: 'DELETE', headers: otherEditor })
  expect([removeElsewhere.status, removeElsewhere.body.error.code]).toEqual([403, 'FORBIDDEN_DEPARTMENT'])
  expect((await app.request(`/api/staff/events/${eventId}/cancel`, { method: 'POST', headers: reviewer, json: { reason: '场地调整' } })).status).toBe(200)
  const cancelled = await assign(eventId, { name: '李记者', unit: '融媒体中心' })
  expect([cancelled.status, cancelled.body.error.code]).toEqual([409, 'EVENT_CANCELLED'])
  expect((await seatsOf(eventId)).invitedCount).toBe(1)
})

it('lets an administrator of another department list, give and take back reserved seats, audited as theirs', async () => {
  const eventId = await openEvent(5, 2)
  const given = await assign(eventId, { name: '王建国', unit: '区人大常委会', phone: '13900001111' }, admin)
  expect([given.status, given.body]).toEqual([201, expect.objectContaining({ name: '王建国', unit: '区人大常委会' })])
  const listed = await app.request(`/api/staff/events/${eventId}/invitees`, { headers: admin })
  expect([listed.status, listed.body]).toEqual([200, expect.objectContaining({ reservedSeats: 2, invitees: [expect.objectContaining({ name: '王建国' })] })])
  const removed = await app.request(`/api/staff/event-invitees/${given.body.id}`, { method: 'DELETE', headers: admin })
  expect(removed.status).toBe(204)
  expect((await seatsOf(eventId)).invitedCount).toBe(0)
  const audits = await app.db.auditLog.findMany({
    where: { action: { in: ['assignInvitee', 'removeInvitee'] }, entityId: String(eventId) },
    select: { staff: { select: { role: true } } },
  })
  expect(audits.map((a) => a.staff?.role)).toEqual(['ADMIN', 'ADMIN'])
})

it('never gives more seats than the capacity when assignments and citizens’ signups race', async () => {
  const eventId = await openEvent(4, 2)
  const citizens = await Promise.all(Array.from({ length: 6 }, (_, i) => signInDemoCitizen(app, `报名人${i}`)))
  const answers = await Promise.all([
    ...Array.from({ length: 6 }, (_, i) => assign(eventId, { name: `受邀人${i}`, unit: '区人大常委会' }, i % 2 ? reviewer : editor)),
    ...citizens.map((c, i) =>
      app.request(`/api/events/${eventId}/registrations`, {
        method: 'POST',
        headers: c.auth,
        json: { name: `报名人${i}`, phone: '13800138000', category: 'PUBLIC' },
      }),
    ),
  ])
  const invited = answers.slice(0, 6)
  const signups = answers.slice(6)
  expect(invited.filter((a) => a.status === 201)).toHaveLength(2)
  expect(invited.filter((a) => a.status !== 201).map((a) => a.body.error.code)).toEqual(Array(4).fill('RESERVED_SEATS_EXHAUSTED'))
  expect(signups.filter((a) => a.status === 201 && a.body.status === 'SELECTED')).toHaveLength(2)
  expect(signups.every((a) => a.status < 500)).toBe(true)
  const seats = await seatsOf(eventId)
  expect(seats).toEqual({ capacity: 4, reservedSeats: 2, confirmedCount: 2, invitedCount: 2 })
  expect(await app.db.eventInvitee.count({ where: { eventId } })).toBe(2)
  expect(await app.db.registration.count({ where: { eventId, status: 'SELECTED' } })).toBe(2)
})

/** The event form as stored, for an edit. */
async function formOf(eventId: number) {
  const { event } = (await app.request(`/api/staff/events/${eventId}`, { headers: editor })).body
  return {
    kind: event.kind,
    title: event.title,
    description: event.description,
    place: event.place,
    departmentId,
    startsAt: event.startsAt,
    endsAt: event.endsAt,
    signupOpensAt: event.signupOpensAt,
    signupClosesAt: event.signupClosesAt,
    capacity: event.capacity,
    reservedSeats: event.reservedSeats,
    waitlistCapacity: event.waitlistCapacity,
    selectionMode: event.selectionMode,
  }
}
