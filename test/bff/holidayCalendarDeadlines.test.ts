import { shanghaiTime } from '@gm/shared'
import { signInDemoCitizen, signInStaff } from '../support/identity'
import { startTestApp, type TestApp } from '../support/testApp'

/**
 * Reply deadlines the BFF gives once an administrator has entered 2027 through 工作台 → 放假安排 (PUT
 * /api/admin/holiday-calendar/2027): they skip 春节 and count its adjusted working weekend days, and a
 * deadline that runs into 2028 (in neither the package nor the table) is flagged. The 2027 rows are a
 * TEST FIXTURE around the real date of 春节 2027 (02-06), not the State Council's notice (chinese-days
 * 1.5.7 has no 2027).
 */
let app: TestApp
let admin: Awaited<ReturnType<typeof signInStaff>>
let reviewer: Awaited<ReturnType<typeof signInStaff>>
let consultationId: number
let seq = 0

const endOf = (y: number, m: number, d: number) => new Date(shanghaiTime(y, m, d + 1, 0, 0).getTime() - 1).toISOString()
const days = (from: string, to: string, kind: 'HOLIDAY' | 'WORKDAY', name: string) => {
  const out: { date: string; kind: string; name: string }[] = []
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000)
    out.push({ date: new Date(t).toISOString().slice(0, 10), kind, name })
  return out
}
const FIXTURE_2027 = {
  source: '测试数据（非官方，仅用于测试）',
  days: [
    ...days('2027-01-01', '2027-01-03', 'HOLIDAY', '元旦'),
    ...days('2027-02-06', '2027-02-14', 'HOLIDAY', '春节'),
    ...days('2027-01-31', '2027-01-31', 'WORKDAY', '春节'), // Sunday worked
    ...days('2027-02-20', '2027-02-20', 'WORKDAY', '春节'), // Saturday worked
    ...days('2027-10-01', '2027-10-07', 'HOLIDAY', '国庆节'),
    ...days('2027-09-26', '2027-09-26', 'WORKDAY', '国庆节'),
    ...days('2027-10-09', '2027-10-09', 'WORKDAY', '国庆节'),
  ],
}

/** An opinion sent (and approved) at `at`; what staff see of its reply deadline. */
async function opinionAt(at: Date) {
  app.now.value = at
  const citizen = await signInDemoCitizen(app, `放假${++seq}`)
  const sent = await app.request(`/api/consultations/${consultationId}/opinions`, {
    method: 'POST',
    headers: citizen.auth,
    json: { text: `停车收费标准建议第 ${seq} 条。`, consent: 'PUBLISH_MASKED', idempotencyKey: `holiday-deadline-${seq}` },
  })
  expect(sent.status).toBe(201)
  expect(
    (await app.request(`/api/staff/opinions/${sent.body.id}/moderation`, { method: 'POST', headers: reviewer.auth, json: { decision: 'APPROVE', masks: [] } }))
      .status,
  ).toBe(200)
  return sent.body.id as number
}
const staffView = async (id: number) =>
  ((await app.request(`/api/staff/consultations/${consultationId}/opinions`, { headers: reviewer.auth })).body.items as { id: number }[]).find(
    (o) => o.id === id,
  )

beforeAll(async () => {
  app = await startTestApp({ now: shanghaiTime(2027, 1, 4, 9, 0), settings: { demoLogin: true, sessionTtlHours: 24 * 400 } })
  const { id: departmentId } = await app.db.department.create({ data: { name: '放假安排期限测试局' } })
  admin = await signInStaff(app, 'ADMIN', undefined, { departments: [departmentId] })
  reviewer = await signInStaff(app, 'REVIEWER', undefined, { departments: [departmentId] })
  consultationId = (
    await app.db.consultation.create({
      data: {
        departmentId,
        title: '高新区公共停车场收费管理办法（征求意见稿）',
        summary: '全年征集',
        opensAt: shanghaiTime(2027, 1, 4, 0, 0),
        closesAt: shanghaiTime(2028, 1, 1, 0, 0),
        publishedAt: shanghaiTime(2027, 1, 4, 0, 0),
      },
    })
  ).id
})
afterAll(() => app.close())

describe('reply deadlines with 2027 entered by an administrator (test fixture)', () => {
  let springFestival: number
  let beforeSundayWorked: number

  it('are counted by weekends only and flagged before 2027 is entered', async () => {
    springFestival = await opinionAt(shanghaiTime(2027, 2, 5, 16, 0)) // the Friday before 春节
    beforeSundayWorked = await opinionAt(shanghaiTime(2027, 1, 29, 18, 0)) // Friday evening
    expect(await staffView(springFestival)).toMatchObject({ replyDeadline: endOf(2027, 3, 5), deadlineEstimated: true })
    expect(await staffView(beforeSundayWorked)).toMatchObject({ replyDeadline: endOf(2027, 2, 26), deadlineEstimated: true })
  })

  it('skip 春节 and count its working Saturday and Sunday once the admin path has 2027', async () => {
    const saved = await app.request('/api/admin/holiday-calendar/2027', { method: 'PUT', headers: admin.auth, json: FIXTURE_2027 })
    expect([saved.status, saved.body.origin]).toEqual([200, 'TABLE'])
    // 02-08..02-12 are off, Saturday 02-20 is worked: 20 working days end on Thursday 03-11, not Friday 03-05.
    expect(await staffView(springFestival)).toMatchObject({ replyDeadline: endOf(2027, 3, 11), deadlineEstimated: false })
    // Sunday 01-31 is the first working day after Friday 01-29; 春节 then holds the count until 02-15.
    expect(await staffView(beforeSundayWorked)).toMatchObject({ replyDeadline: endOf(2027, 3, 3), deadlineEstimated: false })
  })

  it('flag a deadline that runs into 2028, a year in neither the package nor the table', async () => {
    const december = await opinionAt(shanghaiTime(2027, 12, 10, 10, 0))
    expect(await staffView(december)).toMatchObject({ deadlineEstimated: true })
    const october = await opinionAt(shanghaiTime(2027, 9, 30, 10, 0))
    // 国庆 2027 skipped, Saturday 10-09 counted: the fixture's 20th working day is 11-03, and it is official.
    expect(await staffView(october)).toMatchObject({ replyDeadline: endOf(2027, 11, 3), deadlineEstimated: false })
  })
})
