// Seats an edit frees on a first-come event (fewer reserved seats, a larger capacity) go to the waitlist in signup order, told like any promotion; a newcomer after the edit does not jump the queue; an edit racing signups never over-fills.
import { eventForm } from '../support/eventForm'
import { signInDemoCitizen, signInStaff } from '../support/identity'
import { startTestApp, type TestApp } from '../support/testApp'

let app: TestApp
let departmentId: number
let editor: Record<string, string>
let reviewer: Record<string, string>

beforeAll(async () => {
  app = await startTestApp({ settings: { demoLogin: true } })
  departmentId = (await app.db.department.create({ data: { name: '预留释放局' } })).id
  editor = (await signInStaff(app, 'EDITOR', undefined, { departments: [departmentId] })).auth
  reviewer = (await signInStaff(app, 'REVIEWER', undefined, { departments: [departmentId] })).auth
})
afterAll(() => app.close())

const PROMOTED = '有名额空出，您已由候补递补入选，请凭签到码参加。'

async function openEvent(overrides: Record<string, unknown>) {
  const form = eventForm(app, departmentId, { title: '政府开放日（预留释放）', ...overrides })
  const created = await app.request('/api/staff/events', { method: 'POST', headers: editor, json: form })
  expect(created.status).toBe(201)
  expect((await app.request(`/api/staff/events/${created.body.id}/publish`, { method: 'POST', headers: reviewer })).status).toBe(200)
  return { id: created.body.id as number, form }
}
let seq = 0
const citizen = () => signInDemoCitizen(app, `候补市民${++seq}`)
const join = (eventId: number, who: { auth: Record<string, string> }) =>
  app.request(`/api/events/${eventId}/registrations`, {
    method: 'POST',
    headers: who.auth,
    json: { name: `市民${seq}`, phone: '13800138000', category: 'PUBLIC' },
  })
const edit = (eventId: number, form: Record<string, unknown>) => app.request(`/api/staff/events/${eventId}`, { method: 'PUT', headers: editor, json: form })
const statusOf = async (ids: number[]) =>
  (await app.db.registration.findMany({ where: { id: { in: ids } }, orderBy: { id: 'asc' }, select: { status: true } })).map((r) => r.status)
const counters = (id: number) =>
  app.db.event.findUniqueOrThrow({
    where: { id },
    select: { capacity: true, reservedSeats: true, confirmedCount: true, invitedCount: true, waitlistCount: true },
  })

/** Two seated, three waiting on a 4-seat event with 2 reserved seats (1 given to an invitee). */
async function fullWithWaitlist(waitlistCapacity = 5) {
  const event = await openEvent({ capacity: 4, reservedSeats: 2, waitlistCapacity })
  expect(
    (await app.request(`/api/staff/events/${event.id}/invitees`, { method: 'POST', headers: editor, json: { name: '王建国', unit: '区人大常委会' } })).status,
  ).toBe(201)
  const people = []
  for (let i = 0; i < 5; i++) {
    const who = await citizen()
    const joined = await join(event.id, who)
    expect(joined.body.status).toBe(i < 2 ? 'SELECTED' : 'WAITLISTED')
    people.push({ ...who, registrationId: joined.body.id as number })
  }
  return { ...event, waiting: people.slice(2) }
}

it('gives the seats freed by lowering reserved seats to the waitlist in signup order, told like a promotion after a cancellation, and audited', async () => {
  const { id, form, waiting } = await fullWithWaitlist()
  // Down to the one seat an invitee holds: one seat freed, the first waiting person takes it.
  const saved = await edit(id, { ...form, reservedSeats: 1 })
  expect(saved.status).toBe(200)
  expect(await statusOf(waiting.map((w) => w.registrationId))).toEqual(['SELECTED', 'WAITLISTED', 'WAITLISTED'])
  expect(await counters(id)).toEqual({ capacity: 4, reservedSeats: 1, confirmedCount: 3, invitedCount: 1, waitlistCount: 2 })
  const told = await app.db.notification.findMany({ where: { citizenId: waiting[0]!.citizenId, body: { contains: PROMOTED } } })
  expect(told).toHaveLength(1)
  expect(told[0]).toMatchObject({ kind: 'REGISTRATION_RESULT' })
  expect(await app.db.notification.count({ where: { citizenId: { in: [waiting[1]!.citizenId, waiting[2]!.citizenId] }, body: { contains: PROMOTED } } })).toBe(
    0,
  )
  const audit = await app.db.auditLog.findMany({ where: { action: 'updateEvent', entityId: String(id) }, select: { before: true, after: true } })
  expect(audit).toEqual([{ before: { reservedSeats: 2 }, after: { reservedSeats: 1 } }])

  // The same notice as a promotion after a cancellation: the next seated person cancels, the next waiting one is promoted.
  const seatedAuth = waiting[0]!.auth
  expect((await app.request(`/api/me/registrations/${waiting[0]!.registrationId}/cancel`, { method: 'POST', headers: seatedAuth })).status).toBe(200)
  const [byEdit, byCancel] = [
    (await app.db.notification.findFirstOrThrow({ where: { citizenId: waiting[0]!.citizenId, body: { contains: PROMOTED } } }))!,
    (await app.db.notification.findFirstOrThrow({ where: { citizenId: waiting[1]!.citizenId, body: { contains: PROMOTED } } }))!,
  ]
  expect([byEdit.kind, byEdit.title, byEdit.body, byEdit.link]).toEqual([byCancel.kind, byCancel.title, byCancel.body, byCancel.link])
})

it('gives the seats of a larger capacity to the waitlist first; a signup after the edit waits behind them', async () => {
  const { id, form, waiting } = await fullWithWaitlist()
  expect((await edit(id, { ...form, capacity: 6 })).status).toBe(200)
  expect(await statusOf(waiting.map((w) => w.registrationId))).toEqual(['SELECTED', 'SELECTED', 'WAITLISTED'])
  const newcomer = await join(id, await citizen())
  expect(newcomer.body.status).toBe('WAITLISTED')
  expect(await counters(id)).toMatchObject({ confirmedCount: 4, waitlistCount: 2 })
  // Once the waitlist is seated, a freed seat can go to the public.
  expect((await edit(id, { ...form, capacity: 8 })).status).toBe(200)
  expect(await statusOf([waiting[2]!.registrationId, newcomer.body.id])).toEqual(['SELECTED', 'SELECTED'])
  expect(await counters(id)).toMatchObject({ confirmedCount: 6, waitlistCount: 0 })
})

it('never seats more than the capacity when an edit freeing seats races 20 signups, and keeps first-come order', async () => {
  const { id, form } = await fullWithWaitlist(30)
  const crowd = await Promise.all(Array.from({ length: 20 }, () => citizen()))
  // A waitlist as large as the crowd: nobody is refused, whenever the edit runs among the signups.
  const answers = await Promise.all([edit(id, { ...form, reservedSeats: 1, capacity: 7, waitlistCapacity: 30 }), ...crowd.map((c) => join(id, c))])
  expect(answers.map((a) => a.status)).toEqual([200, ...Array(20).fill(201)])
  const seats = await counters(id)
  expect(seats).toMatchObject({ capacity: 7, reservedSeats: 1, invitedCount: 1, confirmedCount: 6, waitlistCount: 25 - 6 })
  const rows = await app.db.registration.findMany({ where: { eventId: id }, orderBy: { id: 'asc' }, select: { id: true, status: true } })
  expect(rows.filter((r) => r.status === 'SELECTED')).toHaveLength(6)
  // First come, first seated: the six seated are the six earliest signups.
  expect(rows.map((r) => r.status)).toEqual([...Array(6).fill('SELECTED'), ...Array(19).fill('WAITLISTED')])
})

it('keeps refusing a lottery’s seats once signups opened (DRAW_QUOTAS_LOCKED)', async () => {
  const { id, form } = await openEvent({ selectionMode: 'LOTTERY', capacity: 4, reservedSeats: 2 })
  const refused = await edit(id, { ...form, reservedSeats: 0 })
  expect([refused.status, refused.body.error.code]).toEqual([409, 'DRAW_QUOTAS_LOCKED'])
  expect((await counters(id)).reservedSeats).toBe(2)
})

describe('释放未分配的预留席位 (releaseReservedSeats)', () => {
  const release = (eventId: number, headers = editor) => app.request(`/api/staff/events/${eventId}/release-reserved-seats`, { method: 'POST', headers })

  it('brings the reserved seats down to those given, seats the waitlist in order with the promotion notice, audited as an edit; again it changes nothing', async () => {
    const { id, waiting } = await fullWithWaitlist()
    const released = await release(id)
    expect(released.status).toBe(200)
    expect(released.body).toMatchObject({ capacity: 4, reservedSeats: 1 })
    expect(await statusOf(waiting.map((w) => w.registrationId))).toEqual(['SELECTED', 'WAITLISTED', 'WAITLISTED'])
    expect(await counters(id)).toEqual({ capacity: 4, reservedSeats: 1, confirmedCount: 3, invitedCount: 1, waitlistCount: 2 })
    expect(await app.db.notification.count({ where: { citizenId: waiting[0]!.citizenId, kind: 'REGISTRATION_RESULT', body: { contains: PROMOTED } } })).toBe(1)
    const audit = () => app.db.auditLog.findMany({ where: { action: 'updateEvent', entityId: String(id) }, select: { before: true, after: true } })
    expect(await audit()).toEqual([{ before: { reservedSeats: 2 }, after: { reservedSeats: 1 } }])
    // Nothing left to release: the same answer, no second audit entry, nobody else seated.
    expect((await release(id)).body).toMatchObject({ reservedSeats: 1 })
    expect(await audit()).toHaveLength(1)
    expect(await counters(id)).toMatchObject({ confirmedCount: 3, waitlistCount: 2 })
  })

  it('is for editors: a reviewer is refused (403) and nothing changes', async () => {
    const { id } = await fullWithWaitlist()
    expect((await release(id, reviewer)).status).toBe(403)
    expect(await counters(id)).toMatchObject({ reservedSeats: 2, confirmedCount: 2, waitlistCount: 3 })
  })

  it('keeps refusing a lottery once signups opened (DRAW_QUOTAS_LOCKED) and a cancelled event (EVENT_CANCELLED)', async () => {
    const lottery = await openEvent({ selectionMode: 'LOTTERY', capacity: 4, reservedSeats: 2 })
    const refused = await release(lottery.id)
    expect([refused.status, refused.body.error.code]).toEqual([409, 'DRAW_QUOTAS_LOCKED'])
    expect((await counters(lottery.id)).reservedSeats).toBe(2)
    const cancelled = await openEvent({ capacity: 4, reservedSeats: 2 })
    await app.request(`/api/staff/events/${cancelled.id}/cancel`, { method: 'POST', headers: reviewer, json: { reason: '场地调整，活动取消' } })
    expect((await release(cancelled.id)).body.error.code).toBe('EVENT_CANCELLED')
  })

  it('racing 20 signups and an invitee given a seat: never over-fills, the invitee keeps the seat, the earliest are seated', async () => {
    const { id } = await fullWithWaitlist(30)
    const crowd = await Promise.all(Array.from({ length: 20 }, () => citizen()))
    const answers = await Promise.all([
      release(id),
      app.request(`/api/staff/events/${id}/invitees`, { method: 'POST', headers: editor, json: { name: '李记者', unit: '高新区融媒体中心' } }),
      ...crowd.map((c) => join(id, c)),
    ])
    expect(answers[0]!.status).toBe(200)
    expect(answers.slice(2).map((a) => a.status)).toEqual(Array(20).fill(201))
    const seats = await counters(id)
    // The invitee came first (2 reserved, both given, nothing freed) or after the release (refused: no reserved seat left).
    const invited = answers[1]!.status === 201
    if (!invited) expect(answers[1]!.body.error.code).toBe('RESERVED_SEATS_EXHAUSTED')
    expect(seats).toEqual({
      capacity: 4,
      reservedSeats: 2 - (invited ? 0 : 1),
      invitedCount: invited ? 2 : 1,
      confirmedCount: invited ? 2 : 3,
      waitlistCount: 23 - (invited ? 0 : 1),
    })
    expect(seats.confirmedCount + seats.reservedSeats).toBeLessThanOrEqual(seats.capacity)
    const rows = await app.db.registration.findMany({ where: { eventId: id }, orderBy: { id: 'asc' }, select: { status: true } })
    expect(rows.map((r) => r.status)).toEqual([...Array(seats.confirmedCount).fill('SELECTED'), ...Array(seats.waitlistCount).fill('WAITLISTED')])
  })
})
