import { shanghaiTime } from '@gm/shared'
import { seedDemo } from '../../bff/src/seed/demo'
import { startTestApp, type TestApp } from '../support/testApp'

const opensAt = shanghaiTime(2026, 12, 1, 9, 0)
const closesAt = shanghaiTime(2026, 12, 31, 0, 0)
const minute = 60_000

let app: TestApp
let boundaryId: number
beforeAll(async () => {
  app = await startTestApp()
  await seedDemo(app.db, new Date())
  const department = await app.db.department.create({ data: { name: '测试承办单位' } })
  const consultation = await app.db.consultation.create({
    data: {
      departmentId: department.id,
      title: '边界测试草案',
      summary: '用于窗口边界测试',
      publishedAt: new Date('2026-01-01T00:00:00Z'),
      opensAt,
      closesAt,
      sections: {
        create: [
          { version: 1, position: 2, heading: '第二条', body: '旧版第二条' },
          { version: 1, position: 1, heading: '第一条', body: '旧版第一条' },
          { version: 2, position: 1, heading: '第一条', body: '修订后的第一条' },
        ],
      },
      draftVersion: 2,
    },
  })
  boundaryId = consultation.id
})
afterAll(() => app.close())

async function statusAt(now: number) {
  app.now.value = new Date(now)
  const detail = await app.request(`/api/consultations/${boundaryId}`)
  const ids = async (status: string) => (await app.request(`/api/consultations?status=${status}&q=边界测试`)).body.items.map((c: { id: number }) => c.id)
  return { shown: detail.body.status, open: await ids('open'), upcoming: await ids('upcoming'), closed: await ids('closed') }
}

describe('consultation status derived from the window in Asia/Shanghai', () => {
  it.each([
    ['a minute before opening', opensAt.getTime() - minute, 'upcoming'],
    ['the first minute', opensAt.getTime(), 'open'],
    ['the last minute', closesAt.getTime() - minute, 'open'],
    ['after closing', closesAt.getTime(), 'closed'],
  ])('at %s it is shown and listed as %s, in one tab only', async (_, now, expected) => {
    const result = await statusAt(now)
    expect(result.shown).toBe(expected)
    expect(result[expected as 'open' | 'upcoming' | 'closed']).toEqual([boundaryId])
    const others = (['open', 'upcoming', 'closed'] as const).filter((s) => s !== expected)
    for (const other of others) expect(result[other]).toEqual([])
  })
})

describe('consultation list', () => {
  beforeAll(() => {
    app.now.value = new Date()
  })

  it('has seeded consultations in each state with opinion counts', async () => {
    for (const status of ['open', 'upcoming', 'closed']) {
      const { body } = await app.request(`/api/consultations?status=${status}`)
      expect(body.items.length).toBeGreaterThan(0)
      for (const item of body.items) expect(item.status).toBe(status)
    }
    const open = (await app.request('/api/consultations?status=open&q=老旧小区')).body.items[0]
    expect(open.opinionCount).toBe(2)
    expect(open.daysLeft).toBeGreaterThan(0)
  })

  it('filters by department and keyword and pages through results', async () => {
    const departments = (await app.request('/api/departments')).body as { id: number; name: string }[]
    const education = departments.find((d) => d.name === '教育和体育事业中心')!
    const byDepartment = await app.request(`/api/consultations?departmentId=${education.id}`)
    expect(byDepartment.body.items.map((c: { department: { name: string } }) => c.department.name)).toEqual(['教育和体育事业中心'])

    const page1 = await app.request('/api/consultations?pageSize=2&page=1')
    const page2 = await app.request('/api/consultations?pageSize=2&page=2')
    expect(page1.body.total).toBe(5)
    expect(page1.body.items).toHaveLength(2)
    expect(page2.body.items[0].id).not.toBe(page1.body.items[0].id)
    expect((await app.request('/api/consultations?q=不存在的关键词')).body).toMatchObject({ items: [], total: 0 })
  })

  it('shows the current draft version as ordered clauses', async () => {
    const { status, body } = await app.request(`/api/consultations/${boundaryId}`)
    expect(status).toBe(200)
    expect(body.draftVersion).toBe(2)
    expect(body.sections.map((s: { body: string }) => s.body)).toEqual(['修订后的第一条'])
  })

  it('records why a major decision was consulted on for less than 30 days', async () => {
    const { body } = await app.request('/api/consultations?q=停车')
    const detail = (await app.request(`/api/consultations/${body.items[0].id}`)).body
    expect(detail.isMajorDecision).toBe(true)
    expect(detail.shortWindowReason).toMatch(/缩短/)
  })

  it('answers an unknown id with 404 and a malformed one with 400', async () => {
    expect((await app.request('/api/consultations/999999')).body.error.code).toBe('NOT_FOUND')
    expect((await app.request('/api/consultations/abc')).status).toBe(400)
  })

  it('never exposes raw opinion text through the public consultation endpoints', async () => {
    const list = JSON.stringify((await app.request('/api/consultations?pageSize=50')).body)
    const opinions = await app.db.opinion.findMany({ select: { rawText: true, consultationId: true } })
    const details = await Promise.all([...new Set(opinions.map((o) => o.consultationId))].map((id) => app.request(`/api/consultations/${id}`)))
    for (const { rawText } of opinions) {
      expect(list).not.toContain(rawText)
      for (const detail of details) expect(JSON.stringify(detail.body)).not.toContain(rawText)
    }
  })
})

describe('the seeded closed consultation', () => {
  it('publishes its adoption report with the reason the concentrated opinion was not adopted, de-identified', async () => {
    app.now.value = new Date()
    const closed = (await app.request(`/api/consultations?status=closed&q=${encodeURIComponent('科技型')}`)).body.items[0]
    expect(closed.feedbackPublished).toBe(true)
    const { status, body } = await app.request(`/api/consultations/${closed.id}/feedback`)
    expect(status).toBe(200)
    expect(body.report).toEqual({
      collected: 4,
      valid: 4,
      adopted: 1,
      partiallyAdopted: 1,
      notAdopted: 2,
      explained: 0,
      channels: [{ channel: 'ONLINE', collected: 4, valid: 4 }],
    })
    expect(body.groups).toEqual([
      expect.objectContaining({
        title: '建议降低研发投入补助门槛',
        opinionCount: 2,
        answer: expect.objectContaining({ adoption: 'NOT_ADOPTED', reason: expect.stringContaining('省级') }),
      }),
    ])
    expect(JSON.stringify(body)).not.toContain('13912345678')
    const open = (await app.request('/api/consultations?status=open&q=老旧小区')).body.items[0]
    expect((await app.request(`/api/consultations/${open.id}/feedback`)).body.error.code).toBe('FEEDBACK_NOT_PUBLISHED')
  })
})
