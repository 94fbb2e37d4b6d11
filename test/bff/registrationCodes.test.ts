// A check-in or public registration code someone else already holds is drawn again: the signup gets its seat, waitlist place or application, never ALREADY_REGISTERED for a person who is not.
import { eventForm } from '../support/eventForm'
import { signInDemoCitizen, signInStaff } from '../support/identity'
import { startTestApp, type TestApp } from '../support/testApp'

/** Codes the next newCode calls of each length get, in order, before random ones again (jest.mock may only reach `mock…` names). */
const mockForcedCodes = new Map<number, string[]>()
jest.mock('../../bff/src/security/tokens', () => {
  const actual = jest.requireActual('../../bff/src/security/tokens')
  return { ...actual, newCode: (length?: number) => mockForcedCodes.get(length ?? 10)?.shift() ?? actual.newCode(length) }
})
const force = (length: number, ...codes: string[]) => mockForcedCodes.set(length, [...(mockForcedCodes.get(length) ?? []), ...codes])

let app: TestApp
let departmentId: number

beforeAll(async () => {
  app = await startTestApp({ settings: { demoLogin: true } })
  departmentId = (await app.db.department.create({ data: { name: '签到码测试中心' } })).id
})
afterAll(() => app.close())
afterEach(() => mockForcedCodes.clear())

/** A published first-come event (one seat, two waitlist places) whose signup is open now. */
async function openEvent(overrides: Record<string, unknown> = {}) {
  const editor = await signInStaff(app, 'EDITOR')
  const reviewer = await signInStaff(app, 'REVIEWER')
  const form = eventForm(app, departmentId, { title: '政府开放日：签到码测试', capacity: 1, waitlistCapacity: 2, ...overrides })
  const created = await app.request('/api/staff/events', { method: 'POST', headers: editor.auth, json: form })
  if (created.status !== 201) throw new Error(JSON.stringify(created.body))
  const published = await app.request(`/api/staff/events/${created.body.id}/publish`, { method: 'POST', headers: reviewer.auth })
  if (published.status !== 200) throw new Error(JSON.stringify(published.body))
  return created.body.id as number
}

const signUp = (eventId: number, name: string, auth: Record<string, string>) =>
  app.request(`/api/events/${eventId}/registrations`, { method: 'POST', headers: auth, json: { name, phone: '13800138000', category: 'PUBLIC' } })
const join = async (eventId: number, name: string) => signUp(eventId, name, (await signInDemoCitizen(app, name)).auth)
const stored = (eventId: number) =>
  app.db.registration.findMany({ where: { eventId }, orderBy: { id: 'asc' }, select: { status: true, checkInCode: true, publicCode: true } })

describe('a registration code drawn twice', () => {
  it('a seat: the second person draws the first one’s check-in code, gets another and is seated', async () => {
    const eventId = await openEvent({ capacity: 2 })
    force(8, 'AAAAAAAA')
    const first = await join(eventId, '签到甲')
    expect([first.status, first.body.status, first.body.checkInCode]).toEqual([201, 'SELECTED', 'AAAAAAAA'])

    force(8, 'AAAAAAAA', 'BBBBBBBB')
    const second = await join(eventId, '签到乙')
    expect([second.status, second.body.status, second.body.checkInCode]).toEqual([201, 'SELECTED', 'BBBBBBBB'])
    expect((await stored(eventId)).map((r) => [r.status, r.checkInCode])).toEqual([
      ['SELECTED', 'AAAAAAAA'],
      ['SELECTED', 'BBBBBBBB'],
    ])
  })

  it('a waitlist place: the public code (R + 7) drawn again', async () => {
    const eventId = await openEvent()
    force(7, 'CCCCCCC')
    expect((await join(eventId, '候补甲')).body.status).toBe('SELECTED')

    force(7, 'CCCCCCC', 'DDDDDDD')
    const second = await join(eventId, '候补乙')
    expect([second.status, second.body.status]).toEqual([201, 'WAITLISTED'])
    expect((await stored(eventId)).map((r) => [r.status, r.publicCode])).toEqual([
      ['SELECTED', 'RCCCCCCC'],
      ['WAITLISTED', 'RDDDDDDD'],
    ])
  })

  it('an application to a reviewed meeting: recorded with a fresh code', async () => {
    const eventId = await openEvent({ kind: 'MEETING_ATTENDANCE', selectionMode: 'REVIEW', capacity: 5 })
    force(8, 'EEEEEEEE')
    expect((await join(eventId, '列席甲')).body.status).toBe('APPLIED')
    force(8, 'EEEEEEEE', 'FFFFFFFF')
    const second = await join(eventId, '列席乙')
    expect([second.status, second.body.status]).toEqual([201, 'APPLIED'])
    expect((await stored(eventId)).map((r) => r.checkInCode)).toEqual(['EEEEEEEE', 'FFFFFFFF'])
  })

  it('still answers ALREADY_REGISTERED to a person who is registered, and gives up after three taken codes', async () => {
    const eventId = await openEvent({ capacity: 3 })
    const registered = (await signInDemoCitizen(app, '重复甲')).auth
    force(8, 'GGGGGGGG')
    expect((await signUp(eventId, '重复甲', registered)).status).toBe(201)
    const again = await signUp(eventId, '重复甲', registered)
    expect([again.status, again.body.error?.code]).toEqual([409, 'ALREADY_REGISTERED'])

    force(8, 'GGGGGGGG', 'GGGGGGGG', 'GGGGGGGG')
    const unlucky = await join(eventId, '重复乙')
    expect([unlucky.status, unlucky.body.error?.code]).toEqual([503, 'SERVICE_UNAVAILABLE'])
    expect(await app.db.registration.count({ where: { eventId } })).toBe(1)
  })
})
