import { hasOfficialCalendar, isWorkingDay, shanghaiTime } from '@gm/shared'
import pino from 'pino'
import { createDatabaseClient } from '../../bff/src/db/client'
import { workingCalendar } from '../../bff/src/services/workingCalendar'
import { signInDemoCitizen, signInStaff } from '../support/identity'
import { startTestApp, type TestApp } from '../support/testApp'

/**
 * The holiday calendar administrators keep for years the chinese-days package does not have yet
 * (admin only, validated, audited), and the reply deadline staff see: flagged while it runs into a
 * year without an official arrangement, official once the year is entered. The 2027 rows below are
 * test data, not the State Council's 2027 notice.
 */
let app: TestApp
let admin: Awaited<ReturnType<typeof signInStaff>>
let editor: Awaited<ReturnType<typeof signInStaff>>
let reviewer: Awaited<ReturnType<typeof signInStaff>>
let consultationId: number
let opinionId: number

const sentAt = shanghaiTime(2026, 12, 5, 10, 0) // a Saturday: the opinion of issue 14
const endOf = (y: number, m: number, d: number) => new Date(shanghaiTime(y, m, d + 1, 0, 0).getTime() - 1).toISOString()
const TEST_2027 = {
  source: '测试数据（非官方）',
  days: [
    { date: '2027-01-01', kind: 'HOLIDAY', name: '元旦' },
    { date: '2027-01-02', kind: 'HOLIDAY', name: '元旦' },
    { date: '2027-01-03', kind: 'HOLIDAY', name: '元旦' },
    { date: '2027-02-06', kind: 'HOLIDAY', name: '春节' },
    { date: '2027-02-20', kind: 'WORKDAY', name: '春节' },
  ],
}
const put = (who: { auth: Record<string, string> }, year: number | string, json: unknown) =>
  app.request(`/api/admin/holiday-calendar/${year}`, { method: 'PUT', headers: who.auth, json })
const staffView = async () =>
  (await app.request(`/api/staff/consultations/${consultationId}/opinions`, { headers: reviewer.auth })).body.items.find(
    (o: { id: number }) => o.id === opinionId,
  )
const overdue = async () => (await app.request('/api/staff/opinions/overdue', { headers: reviewer.auth })).body.find((o: { id: number }) => o.id === opinionId)

beforeAll(async () => {
  app = await startTestApp({ now: sentAt, settings: { demoLogin: true, sessionTtlHours: 24 * 90 } })
  const { id: departmentId } = await app.db.department.create({ data: { name: '放假安排测试局' } })
  admin = await signInStaff(app, 'ADMIN', undefined, { departments: [departmentId] })
  editor = await signInStaff(app, 'EDITOR', undefined, { departments: [departmentId] })
  reviewer = await signInStaff(app, 'REVIEWER', undefined, { departments: [departmentId] })
  const consultation = await app.db.consultation.create({
    data: {
      departmentId,
      title: '高新区公共停车场收费管理办法（征求意见稿）',
      summary: '年底征集',
      opensAt: shanghaiTime(2026, 11, 20, 9, 0),
      closesAt: shanghaiTime(2026, 12, 25, 18, 0),
      publishedAt: shanghaiTime(2026, 11, 20, 9, 0),
    },
  })
  consultationId = consultation.id
  const citizen = await signInDemoCitizen(app, '钱十')
  const sent = await app.request(`/api/consultations/${consultationId}/opinions`, {
    method: 'POST',
    headers: citizen.auth,
    json: { text: '夜间停车收费标准建议下调。', consent: 'PUBLISH_MASKED', idempotencyKey: 'holiday-0001' },
  })
  expect(sent.status).toBe(201)
  opinionId = sent.body.id
  const approved = await app.request(`/api/staff/opinions/${opinionId}/moderation`, {
    method: 'POST',
    headers: reviewer.auth,
    json: { decision: 'APPROVE', masks: [] },
  })
  expect(approved.status).toBe(200)
})
afterAll(() => app.close())

describe('a reply deadline running into a year without an official arrangement', () => {
  it('is flagged to staff while 2027 is missing (counted by weekends: 元旦 counts as a working day)', async () => {
    expect(await staffView()).toMatchObject({ replyDeadline: endOf(2027, 1, 1), deadlineEstimated: true, overdue: false })
  })

  it('is flagged on the overdue dashboard by the same rule', async () => {
    app.now.value = shanghaiTime(2027, 1, 2, 10, 0)
    expect(await overdue()).toMatchObject({ replyDeadline: endOf(2027, 1, 1), deadlineEstimated: true })
    expect(await staffView()).toMatchObject({ overdue: true, deadlineEstimated: true })
  })

  it('becomes official once an administrator enters 2027: past 元旦, no flag, not overdue yet', async () => {
    const saved = await put(admin, 2027, TEST_2027)
    expect(saved.status).toBe(200)
    expect(saved.body).toMatchObject({ year: 2027, origin: 'TABLE', source: '测试数据（非官方）' })
    expect(saved.body.days).toHaveLength(5)
    expect(await staffView()).toMatchObject({ replyDeadline: endOf(2027, 1, 4), deadlineEstimated: false, overdue: false })
    expect(await overdue()).toBeUndefined()
    app.now.value = shanghaiTime(2027, 1, 5, 10, 0)
    expect(await overdue()).toMatchObject({ replyDeadline: endOf(2027, 1, 4), deadlineEstimated: false })
  })

  it('is flagged again when the year is emptied', async () => {
    const cleared = await put(admin, 2027, { source: '撤回测试数据', days: [] })
    expect(cleared.body).toMatchObject({ year: 2027, origin: 'NONE', days: [] })
    expect(await staffView()).toMatchObject({ replyDeadline: endOf(2027, 1, 1), deadlineEstimated: true })
    await put(admin, 2027, TEST_2027)
  })
})

describe('the table behind every BFF instance', () => {
  it('counts on another instance (its own connection and calendar) from its next request after a change', async () => {
    const other = createDatabaseClient(app.databaseUrl, { poolMax: 2, log: pino({ level: 'silent' }) })
    try {
      const newYearsDay = shanghaiTime(2029, 1, 1, 12, 0)
      const before = await workingCalendar({ db: other.db })
      expect(hasOfficialCalendar(before, 2029)).toBe(false)
      expect(await workingCalendar({ db: other.db })).toBe(before) // unchanged table: the instance's copy
      expect((await put(admin, 2029, { source: '测试数据（非官方）', days: [{ date: '2029-01-01', kind: 'HOLIDAY', name: '元旦' }] })).status).toBe(200)
      const entered = await workingCalendar({ db: other.db })
      expect(hasOfficialCalendar(entered, 2029)).toBe(true)
      expect(isWorkingDay(newYearsDay, entered)).toBe(false)
      expect((await put(admin, 2029, { source: '撤回测试数据', days: [] })).status).toBe(200)
      expect(hasOfficialCalendar(await workingCalendar({ db: other.db }), 2029)).toBe(false)
    } finally {
      await other.close()
    }
  })
})

describe('the holiday calendar endpoints', () => {
  it('are for administrators only', async () => {
    for (const who of [editor, reviewer]) {
      expect((await app.request('/api/admin/holiday-calendar', { headers: who.auth })).status).toBe(403)
      expect((await app.request('/api/admin/holiday-calendar/2027', { headers: who.auth })).status).toBe(403)
      const refused = await put(who, 2027, { source: '越权', days: [] })
      expect(refused.status).toBe(403)
      expect(refused.body.error.code).toBe('FORBIDDEN')
    }
    expect((await app.request('/api/admin/holiday-calendar')).status).toBe(401)
    expect((await app.request('/api/admin/holiday-calendar/2027', { headers: admin.auth })).body.days).toHaveLength(5) // unchanged
  })

  it('show where each year comes from: the package, the table, or nowhere', async () => {
    const overview = await app.request('/api/admin/holiday-calendar', { headers: admin.auth })
    expect(overview.body.package).toMatchObject({ name: 'chinese-days', version: '1.5.7', firstYear: 2004, lastYear: 2026 })
    expect(overview.body.tableYears).toEqual([expect.objectContaining({ year: 2027, source: '测试数据（非官方）', days: 5 })])
    const y2026 = (await app.request('/api/admin/holiday-calendar/2026', { headers: admin.auth })).body
    expect(y2026).toMatchObject({ year: 2026, origin: 'PACKAGE', source: expect.stringContaining('chinese-days 1.5.7') })
    expect(y2026.days).toEqual(
      expect.arrayContaining([
        { date: '2026-02-14', kind: 'WORKDAY', name: '春节' },
        { date: '2026-10-01', kind: 'HOLIDAY', name: '国庆节' },
      ]),
    )
    expect((await app.request('/api/admin/holiday-calendar/2028', { headers: admin.auth })).body).toEqual({
      year: 2028,
      origin: 'NONE',
      source: null,
      updatedAt: null,
      days: [],
    })
  })

  it.each([
    [
      'a 调休上班 day that is not a weekend',
      {
        source: '通知',
        days: [
          { date: '2027-01-01', kind: 'HOLIDAY' },
          { date: '2027-01-05', kind: 'WORKDAY' },
        ],
      },
      'days.1.kind',
      /周六或周日/,
    ],
    ['a date in another year', { source: '通知', days: [{ date: '2028-01-01', kind: 'HOLIDAY' }] }, 'days.0.date', /不在 2027 年内/],
    [
      'a date twice',
      {
        source: '通知',
        days: [
          { date: '2027-01-01', kind: 'HOLIDAY' },
          { date: '2027-01-01', kind: 'HOLIDAY' },
        ],
      },
      'days.1.date',
      /重复/,
    ],
    ['only 调休上班 days', { source: '通知', days: [{ date: '2027-02-20', kind: 'WORKDAY' }] }, 'days', /至少包含一个放假日/],
    ['no source', { source: '  ', days: [{ date: '2027-01-01', kind: 'HOLIDAY' }] }, 'source', /依据/],
    ['an impossible date', { source: '通知', days: [{ date: '2027-02-30', kind: 'HOLIDAY' }] }, 'days.0.date', /YYYY-MM-DD/],
    ['an unknown kind', { source: '通知', days: [{ date: '2027-01-01', kind: 'OFF' }] }, 'days.0.kind', /放假/],
  ])('refuse %s with 400 and a Chinese message', async (_, body, field, message) => {
    const refused = await put(admin, 2027, body)
    expect(refused.status).toBe(400)
    expect(refused.body.error.code).toBe('VALIDATION_FAILED')
    expect(refused.body.error.details.fields[field]).toMatch(message)
    expect((await app.request('/api/admin/holiday-calendar/2027', { headers: admin.auth })).body.days).toHaveLength(5) // nothing changed
  })

  it('refuse a year outside 2000–2100', async () => {
    const refused = await put(admin, 1999, TEST_2027)
    expect(refused.status).toBe(400)
    expect(refused.body.error.details.fields.year).toMatch(/2000/)
  })

  it('audit every change with the arrangement before and after', async () => {
    await put(admin, 2027, { ...TEST_2027, source: '测试数据（非官方，第二版）' })
    const audit = await app.request('/api/admin/audit?entity=holiday_calendar', { headers: admin.auth })
    const latest = audit.body.items[0]
    expect(latest).toMatchObject({ action: 'replaceHolidayYear', entity: 'holiday_calendar', entityId: '2027', staff: { id: admin.staff.id } })
    expect(latest.before.source).toBe('测试数据（非官方）')
    expect(latest.after.source).toBe('测试数据（非官方，第二版）')
    expect(latest.after.days).toHaveLength(5)
  })
})

describe('a policy question whose stored due date runs into a year without an arrangement', () => {
  it('is flagged to staff, and moves and loses the flag when an administrator enters the year', async () => {
    expect((await put(admin, 2027, { source: '撤回测试数据', days: [] })).status).toBe(200)
    app.now.value = shanghaiTime(2026, 12, 28, 10, 0) // a Monday: 5 working days reach into 2027
    const citizen = await signInDemoCitizen(app, '孙十一')
    const asked = await app.request('/api/policy-questions', {
      method: 'POST',
      headers: citizen.auth,
      json: { text: '元旦前后办理居住证需要多久？', idempotencyKey: 'holiday-question-1' },
    })
    expect(asked.status).toBe(201)
    expect(asked.body.dueAt).toBe(endOf(2027, 1, 4)) // 元旦 counted as a working day
    const staffView = async () =>
      (await app.request('/api/staff/policy-questions', { headers: reviewer.auth })).body.items.find((q: { id: number }) => q.id === asked.body.id)
    expect(await staffView()).toMatchObject({ dueAt: endOf(2027, 1, 4), dueAtEstimated: true })

    expect((await put(admin, 2027, TEST_2027)).status).toBe(200)
    expect(await staffView()).toMatchObject({ dueAt: endOf(2027, 1, 5), dueAtEstimated: false })
    const audit = await app.request('/api/admin/audit?entity=holiday_calendar', { headers: admin.auth })
    expect(audit.body.items[0].after.policyQuestionsMoved).toBe(1)
  })
})
