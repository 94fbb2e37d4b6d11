// The staff event form (createEvent / updateEvent body) as the event form page sends it, its times relative to the test app's clock.
import type { TestApp } from './testApp'

const HOUR = 3_600_000
const DAY = 24 * HOUR

/** A first-come event in ten days (two hours long), signup open since yesterday until day five; override any field. */
export function eventForm(app: TestApp, departmentId: number, overrides: Record<string, unknown> = {}) {
  const at = (offset: number) => new Date(app.now.value.getTime() + offset).toISOString()
  return {
    kind: 'OPEN_DAY',
    title: '政府开放日',
    description: '—',
    place: '政务服务中心',
    departmentId,
    startsAt: at(10 * DAY),
    endsAt: at(10 * DAY + 2 * HOUR),
    signupOpensAt: at(-DAY),
    signupClosesAt: at(5 * DAY),
    capacity: 10,
    reservedSeats: 0,
    waitlistCapacity: 0,
    selectionMode: 'FIRST_COME',
    ...overrides,
  }
}
