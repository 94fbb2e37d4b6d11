// Statistics, exports and open data agree with the stored answers counted independently; the feed carries no personal data; staff statistics are department-scoped.
import ExcelJS from 'exceljs'
import { libraryOf } from '../../bff/src/search/library'
import { conditionalGet } from '../support/conditionalGet'
import { signInDemoCitizen, signInStaff } from '../support/identity'
import { startTestApp, type TestApp } from '../support/testApp'

const DAY = 86_400_000
const start = new Date('2026-12-01T01:00:00Z')

const RAW = { name: '张先生', mobile: '13812345678', id: '110105194912310021' }
const PII_TEXT = `我是${RAW.name}，手机${RAW.mobile}，身份证号${RAW.id}。建议在社区增设垃圾分类指导员。`
const OFFLINE = { authorName: '赵六', phone: '13900001111' }

let app: TestApp
type Who = { auth: Record<string, string> }
let editor: Who & { staff: { departmentId: number } }
let reviewer: Who
let otherReviewer: Who
let departmentId: number
let otherDepartmentId: number
let consultationId: number
let otherConsultationId: number

const as = (who: Who | null, path: string, json?: unknown, method = json === undefined ? 'GET' : 'POST') =>
  app.request(path, { method, headers: who?.auth ?? {}, ...(json !== undefined ? { json } : {}) })
const ok = async (response: Promise<{ status: number; body: any }>, status = 200) => {
  const r = await response
  if (r.status !== status) throw new Error(`${r.status} ${JSON.stringify(r.body)}`)
  return r.body
}

beforeAll(async () => {
  app = await startTestApp({ now: start, settings: { demoLogin: true, sessionTtlHours: 24 * 90 } })
  editor = await signInStaff(app, 'EDITOR')
  departmentId = editor.staff.departmentId
  reviewer = await signInStaff(app, 'REVIEWER')
  otherDepartmentId = (await app.db.department.create({ data: { name: '统计乙局' } })).id
  otherReviewer = await signInStaff(app, 'REVIEWER', undefined, { departments: [otherDepartmentId] })

  // —— department A: a consultation walked through the API to published feedback ——
  const created = await ok(
    as(editor, '/api/staff/consultations', {
      title: '高新区生活垃圾分类管理办法（征求意见稿）',
      summary: '规范生活垃圾分类投放。',
      departmentId,
      isMajorDecision: false,
      opensAt: new Date(start.getTime() + DAY).toISOString(),
      closesAt: new Date(start.getTime() + 8 * DAY).toISOString(),
      sections: [{ heading: '第一条 适用范围', body: '本办法适用于高新区。' }],
    }),
    201,
  )
  consultationId = created.id
  await ok(as(reviewer, `/api/staff/consultations/${consultationId}/publish`, {}))
  app.now.value = new Date(start.getTime() + 2 * DAY) // 2026-12-03
  const [one, two, three] = [await signInDemoCitizen(app, '市民甲'), await signInDemoCitizen(app, '市民乙'), await signInDemoCitizen(app, '市民丙')]
  const submit = async (who: Who, text: string, key: string) =>
    (await ok(as(who, `/api/consultations/${consultationId}/opinions`, { text, consent: 'PUBLISH_MASKED', idempotencyKey: key }), 201)).id as number
  const pii = await submit(one, PII_TEXT, 'stat-00001')
  const bus1 = await submit(one, '建议增加夜间公交班次，方便下班。', 'stat-00002')
  const bus2 = await submit(two, '建议增加夜间公交班次！方便下班', 'stat-00003') // the same words: 重复
  const advert = await submit(three, '低价出售二手车，欢迎咨询。', 'stat-00004')
  const lids = await submit(three, '建议垃圾桶加盖，减少异味。', 'stat-00005')
  const offline = (
    await ok(
      as(reviewer, `/api/staff/consultations/${consultationId}/offline-opinions`, {
        channel: 'PHONE',
        receivedOn: '2026-12-03',
        text: '电话反映：建议延长厨余垃圾投放时间。',
        consent: 'PUBLISH_NAMED',
        authorName: OFFLINE.authorName,
        contactPhone: OFFLINE.phone,
        contactConsent: true,
      }),
      201,
    )
  ).id as number

  const list = await ok(as(reviewer, `/api/staff/consultations/${consultationId}/opinions?pageSize=50`))
  const masksOf = (id: number) =>
    list.items
      .find((o: { id: number }) => o.id === id)
      .suggestedMasks.map(({ start, end, kind }: { start: number; end: number; kind: string }) => ({ start, end, kind }))
  for (const id of [pii, bus1, bus2, lids, offline]) await ok(as(reviewer, `/api/staff/opinions/${id}/moderation`, { decision: 'APPROVE', masks: masksOf(id) }))
  await ok(as(reviewer, `/api/staff/opinions/${advert}/moderation`, { decision: 'HIDE', reason: '与草案无关的广告' }))

  app.now.value = new Date('2027-01-20T02:00:00Z')
  const answer = (adoption: string, repliedOn: string, reason?: string) => ({
    adoption,
    content: '感谢您的意见，答复如下。',
    departmentId,
    repliedOn,
    ...(reason ? { reason } : {}),
  })
  await ok(as(reviewer, `/api/staff/opinions/${pii}/answer`, answer('ADOPTED', '2026-12-04'), 'PUT'))
  await ok(as(reviewer, `/api/staff/opinions/${bus1}/answer`, answer('PARTIALLY_ADOPTED', '2026-12-10', '部分线路已有夜班车'), 'PUT'))
  const group = await ok(as(reviewer, `/api/staff/consultations/${consultationId}/groups`, { title: '关于夜间公交的意见', opinionIds: [bus1, bus2] }), 201)
  await ok(as(reviewer, `/api/staff/groups/${group.id}/answer`, answer('NOT_ADOPTED', '2026-12-17', '不属于本办法调整范围'), 'PUT'))
  await ok(as(reviewer, `/api/staff/opinions/${advert}/answer`, answer('EXPLAINED', '2026-12-04'), 'PUT'))
  await ok(as(reviewer, `/api/staff/opinions/${lids}/answer`, answer('EXPLAINED', '2026-12-31'), 'PUT'))
  await ok(as(reviewer, `/api/staff/opinions/${offline}/answer`, answer('ADOPTED', '2027-01-05'), 'PUT')) // after the 20th working day
  await ok(as(reviewer, `/api/staff/consultations/${consultationId}/feedback`, {}))

  // —— department B: feedback not published (staff only), one opinion ——
  const other = await app.db.consultation.create({
    data: {
      departmentId: otherDepartmentId,
      title: '乙局停车管理办法（征求意见稿）',
      summary: '乙局',
      opensAt: new Date('2026-11-01T00:00:00Z'),
      closesAt: new Date('2026-12-31T00:00:00Z'),
      publishedAt: new Date('2026-11-01T00:00:00Z'),
    },
  })
  otherConsultationId = other.id
  await app.db.opinion.create({
    data: { consultationId: other.id, receiptCode: 'YJSTATB0001', rawText: '乙局的意见', moderation: 'PENDING', receivedAt: new Date('2026-11-02T00:00:00Z') },
  })

  // —— events: department A held two 列席 meetings, B one ——
  const event = (dept: number, kind: 'MEETING_ATTENDANCE' | 'OPEN_DAY', startsAt: string) =>
    app.db.event.create({
      data: {
        kind,
        title: `活动${startsAt}`,
        description: '统计',
        place: '会议室',
        departmentId: dept,
        startsAt: new Date(startsAt),
        endsAt: new Date(new Date(startsAt).getTime() + 3_600_000),
        signupOpensAt: new Date('2026-10-01T00:00:00Z'),
        signupClosesAt: new Date(startsAt),
        capacity: 10,
        selectionMode: 'REVIEW',
        publishedAt: new Date('2026-10-01T00:00:00Z'),
      },
    })
  const meetings = [
    await event(departmentId, 'MEETING_ATTENDANCE', '2026-11-10T02:00:00Z'),
    await event(departmentId, 'MEETING_ATTENDANCE', '2026-12-15T02:00:00Z'),
    await event(otherDepartmentId, 'MEETING_ATTENDANCE', '2026-12-16T02:00:00Z'),
  ]
  await event(departmentId, 'OPEN_DAY', '2026-12-20T02:00:00Z')
  let n = 0
  for (const [e, status] of [
    [meetings[0]!, 'CHECKED_IN'],
    [meetings[0]!, 'SELECTED'],
    [meetings[0]!, 'NOT_SELECTED'],
    [meetings[0]!, 'CANCELLED'],
    [meetings[1]!, 'CHECKED_IN'],
  ] as const) {
    n++
    await app.db.registration.create({
      data: { eventId: e.id, name: `报名人${n}`, phone: `1370000000${n}`, category: 'PUBLIC', status, checkInCode: `CK${n}STAT`, publicCode: `PB${n}STAT` },
    })
  }
}, 120_000)
afterAll(() => app.close())

/** The figures counted straight from the tables with SQL of its own (no BFF code). */
async function countedInSql(id: number) {
  const [row] = await app.db.$queryRawUnsafe<Record<string, bigint>[]>(
    `WITH o AS (
       SELECT o.*, CASE WHEN g.adoption IS NOT NULL AND g.replied_at IS NOT NULL THEN g.adoption ELSE a.adoption END AS eff,
              CASE WHEN g.adoption IS NOT NULL AND g.replied_at IS NOT NULL THEN g.replied_at ELSE a.replied_at END AS replied,
              regexp_replace(o.raw_text, '[[:space:][:punct:]，。！？、；：]', '', 'g') AS words
       FROM opinion o LEFT JOIN opinion_answer a ON a.opinion_id = o.id LEFT JOIN opinion_group g ON g.id = o.group_id
       WHERE o.consultation_id = $1)
     SELECT count(*) AS received,
            count(*) FILTER (WHERE moderation = 'APPROVED') AS valid,
            count(*) FILTER (WHERE moderation = 'PENDING') AS pending,
            count(*) FILTER (WHERE moderation = 'HIDDEN') AS "outOfScope",
            count(*) FILTER (WHERE EXISTS (SELECT 1 FROM o p WHERE p.words = o.words AND (p.received_at, p.id) < (o.received_at, o.id))) AS duplicate,
            count(*) FILTER (WHERE moderation = 'APPROVED' AND eff IS NOT NULL) AS answered,
            count(*) FILTER (WHERE moderation = 'APPROVED' AND eff = 'ADOPTED') AS adopted,
            count(*) FILTER (WHERE moderation = 'APPROVED' AND eff = 'PARTIALLY_ADOPTED') AS "partiallyAdopted",
            count(*) FILTER (WHERE moderation = 'APPROVED' AND eff = 'NOT_ADOPTED') AS "notAdopted",
            count(*) FILTER (WHERE moderation = 'APPROVED' AND eff = 'EXPLAINED') AS explained,
            count(DISTINCT citizen_id) + count(*) FILTER (WHERE citizen_id IS NULL) AS participants,
            -- Monday–Friday days after the day received up to the reply day (December 2026 has no holiday; 2027 is counted by weekends)
            max((SELECT count(*) FROM generate_series((received_at AT TIME ZONE 'Asia/Shanghai')::date + 1, (replied AT TIME ZONE 'Asia/Shanghai')::date, '1 day') d
                 WHERE extract(isodow FROM d) < 6)) FILTER (WHERE moderation = 'APPROVED' AND replied IS NOT NULL) AS "replyDaysMax"
     FROM o`,
    id,
  )
  return Object.fromEntries(Object.entries(row!).map(([k, v]) => [k, Number(v)]))
}

describe('statistics agree with the stored answers everywhere', () => {
  it('the published report, the public and staff statistics, the Excel workbook and the open-data feed give the same figures', async () => {
    const expected = await countedInSql(consultationId)
    expect(expected).toEqual({
      received: 6,
      valid: 5,
      pending: 0,
      outOfScope: 1,
      duplicate: 1,
      answered: 5,
      adopted: 2,
      partiallyAdopted: 0,
      notAdopted: 2,
      explained: 1,
      participants: 4,
      replyDaysMax: 23,
    })

    // The published report (GET /feedback)
    const feedback = await ok(as(null, `/api/consultations/${consultationId}/feedback`))
    const { channels: _channels, collected, ...report } = feedback.report
    expect({ received: collected, ...report }).toEqual({
      received: expected.received,
      valid: expected.valid,
      adopted: expected.adopted,
      partiallyAdopted: expected.partiallyAdopted,
      notAdopted: expected.notAdopted,
      explained: expected.explained,
    })

    // The public statistics: per consultation and per year
    const pick = (figures: Record<string, unknown>) => Object.fromEntries(Object.keys(expected).map((k) => [k, figures[k]]))
    const single = await ok(as(null, `/api/statistics/consultations/${consultationId}`))
    expect(pick(single.consultation.figures)).toEqual(expected)
    expect(single.consultation.figures).toMatchObject({ overdueAnswered: 1, overdueOpen: 0, overdue: 1, replyDaysMedian: 10 })
    const year = await ok(as(null, '/api/statistics?year=2026'))
    expect(year.byConsultation.map((c: { id: number }) => c.id)).toEqual([consultationId]) // B's feedback is not published
    expect(pick(year.totals)).toEqual(expected)
    expect(year.definitions.duplicate.definition).toMatch(/重复/)
    expect(year.replyTime.reduce((n: number, b: { count: number }) => n + b.count, 0)).toBe(expected.answered)

    // Staff (administrator's view is all departments; this reviewer's is department A)
    const staff = await ok(as(reviewer, '/api/staff/statistics?year=2026'))
    expect(staff.scope.departments.map((d: { id: number }) => d.id)).toEqual([departmentId])
    expect(pick(staff.byConsultation[0].figures)).toEqual(expected)

    // The Excel workbook, opened and read back
    const file = await app.request('/api/staff/statistics/export?year=2026&format=xlsx', { headers: reviewer.auth })
    expect(file.status).toBe(200)
    expect(file.headers.get('content-type')).toMatch(/spreadsheetml/)
    const bytes = Buffer.from(await (await fetch(`${app.baseUrl}/api/staff/statistics/export?year=2026&format=xlsx`, { headers: reviewer.auth })).arrayBuffer())
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer)
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['年度报告', '部门统计', '征集统计', '活动与列席', '政策问答', '口径说明'])
    const sheetRows = (name: string) => (workbook.getWorksheet(name)!.getSheetValues().slice(1) as unknown[][]).map((r) => r.slice(1))
    const [header, consultationRow] = sheetRows('征集统计')
    const { statisticDefinitions } = await import('@gm/shared')
    const fromSheet = Object.fromEntries(Object.keys(expected).map((k) => [k, consultationRow![header!.indexOf(statisticDefinitions[k as 'received'].label)]]))
    expect(fromSheet).toEqual(expected)
    const annual = new Map(sheetRows('年度报告').map((r) => [r[0], r[1]]))
    expect(annual.get(statisticDefinitions.received.label)).toBe(expected.received)
    expect(annual.get(statisticDefinitions.adopted.label)).toBe(expected.adopted)

    // The open-data feed
    const feed = await ok(as(null, '/api/open-data/consultations'))
    const item = feed.items.find((c: { id: number }) => c.id === consultationId)
    expect(pick(item.figures)).toEqual(expected)
    const opinions = await ok(as(null, '/api/open-data/opinions'))
    expect(opinions.total).toBe(expected.valid)
    const adoptionOf = (a: string) => opinions.items.filter((o: { answer: { adoption: string } }) => o.answer.adoption === a).length
    expect([adoptionOf('ADOPTED'), adoptionOf('PARTIALLY_ADOPTED'), adoptionOf('NOT_ADOPTED'), adoptionOf('EXPLAINED')]).toEqual([
      expected.adopted,
      expected.partiallyAdopted,
      expected.notAdopted,
      expected.explained,
    ])
    const groups = await ok(as(null, '/api/open-data/groups'))
    expect(groups.items).toEqual([expect.objectContaining({ consultationId, opinionCount: 2, answer: expect.objectContaining({ adoption: 'NOT_ADOPTED' }) })])
  })

  it('counts events and 列席 per department against the minimum of two', async () => {
    const staff = await ok(as(reviewer, '/api/staff/statistics?year=2026'))
    const [sql] = await app.db.$queryRawUnsafe<Record<string, bigint>[]>(
      `SELECT count(DISTINCT e.id) AS events,
              count(r.id) FILTER (WHERE r.status <> 'CANCELLED') AS registrations,
              count(r.id) FILTER (WHERE r.status IN ('SELECTED', 'CHECKED_IN')) AS selected,
              count(r.id) FILTER (WHERE r.status = 'CHECKED_IN') AS attended,
              count(DISTINCT e.id) FILTER (WHERE e.kind = 'MEETING_ATTENDANCE' AND e.starts_at <= $2) AS "meetingAttendance"
       FROM event e LEFT JOIN registration r ON r.event_id = e.id WHERE e.department_id = $1`,
      departmentId,
      app.now.value,
    )
    expect(staff.events.byDepartment).toEqual([
      {
        department: expect.objectContaining({ id: departmentId }),
        figures: { ...Object.fromEntries(Object.entries(sql!).map(([k, v]) => [k, Number(v)])), meetingAttendanceRequired: 2, meetingAttendanceMet: true },
      },
    ])
    expect(staff.events.byDepartment[0].figures).toMatchObject({ events: 3, registrations: 4, selected: 3, attended: 2, meetingAttendance: 2 })
    const other = await ok(as(otherReviewer, '/api/staff/statistics?year=2026'))
    expect(other.events.byDepartment[0].figures).toMatchObject({ meetingAttendance: 1, meetingAttendanceMet: false })
    const events = await ok(as(null, '/api/open-data/events'))
    expect(events.total).toBe(4)
  })
})

describe('Q&A statistics', () => {
  it('counts searches and searches without a good answer (once per searcher and words a day), keeping none of the words', async () => {
    const item = await app.db.qaItem.create({
      data: { question: '高龄津贴怎么申请？', answer: '年满 80 周岁的老人可以申请高龄津贴。', topic: '养老', status: 'PUBLISHED', publishedAt: app.now.value },
    })
    const search = (q: string, page = 1) => ok(as(null, `/api/qa/search?q=${encodeURIComponent(q)}&page=${page}`))
    expect((await search('高龄津贴怎么申请')).items[0]).toMatchObject({ id: item.id })
    await search('高龄津贴怎么申请') // the same words again: not another search
    await search('高龄津贴怎么申请', 2) // the next page: neither
    expect((await search(`我的手机号${RAW.mobile}能查社保吗`)).noGoodAnswer).toBe(true)
    await libraryOf(app.db).flush(app.deps.log)
    const year = new Date(app.now.value.getTime() + 8 * 3_600_000).getUTCFullYear()
    const staff = await ok(as(reviewer, `/api/staff/statistics?year=${year}`))
    expect(staff.qa).toMatchObject({ publishedItems: 1, searches: 2, unansweredSearches: 1, searchHits: 1 })
    expect(staff.qa.mostAsked).toEqual([expect.objectContaining({ id: item.id, searchHits: 1 })])
    expect((await ok(as(null, `/api/statistics?year=${year}`))).qa).toMatchObject({ searches: 2, unansweredSearches: 1 })
    expect(JSON.stringify(await app.db.$queryRawUnsafe('SELECT * FROM qa_search_daily_stat'))).not.toContain(RAW.mobile)
    const file = await fetch(`${app.baseUrl}/api/staff/statistics/export?year=${year}&format=xlsx`, { headers: reviewer.auth })
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(Buffer.from(await file.arrayBuffer()) as unknown as ArrayBuffer)
    const { statisticDefinitions } = await import('@gm/shared')
    const annual = new Map((workbook.getWorksheet('年度报告')!.getSheetValues().slice(2) as unknown[][]).map((r) => [r[1], r[2]]))
    expect([annual.get(statisticDefinitions.searches.label), annual.get(statisticDefinitions.unansweredSearches.label)]).toEqual([2, 1])
  })
})

describe('department scope', () => {
  it('a department’s staff cannot read another department’s statistics, and see only their own consultations', async () => {
    for (const path of [
      `/api/staff/statistics?departmentId=${departmentId}`,
      `/api/staff/statistics/export?departmentId=${departmentId}`,
      `/api/staff/statistics/export?departmentId=${departmentId}&format=csv&table=consultations`,
    ]) {
      const refused = await as(otherReviewer, path)
      expect([path, refused.status, refused.body.error?.code]).toEqual([path, 403, 'FORBIDDEN_DEPARTMENT'])
    }
    const own = await ok(as(otherReviewer, '/api/staff/statistics?year=2026'))
    expect(own.scope).toEqual({ all: false, departments: [{ id: otherDepartmentId, name: '统计乙局' }] })
    expect(own.byConsultation.map((c: { id: number }) => c.id)).toEqual([otherConsultationId])
    expect(own.totals).toMatchObject({ received: 1, pending: 1, valid: 0 })
    const csv = await app.request(`/api/staff/statistics/export?year=2026&format=csv&table=consultations`, { headers: otherReviewer.auth })
    expect(csv.body).toContain('乙局停车管理办法')
    expect(csv.body).not.toContain('垃圾分类')
    const admin = await signInStaff(app, 'ADMIN')
    const all = await ok(as(admin, '/api/staff/statistics?year=2026'))
    expect(all.scope.all).toBe(true)
    expect(all.byConsultation.map((c: { id: number }) => c.id).sort()).toEqual([consultationId, otherConsultationId].sort())
  })

  it('refuses hostile query values with 400 and a code', async () => {
    for (const query of ['year=1999', 'year=abc', 'year=2026.5', 'departmentId=-1', 'format=pdf', 'table=users', 'extra=1']) {
      const refused = await as(reviewer, `/api/staff/statistics/export?${query}`)
      expect([query, refused.status, refused.body.error?.code]).toEqual([query, 400, 'VALIDATION_FAILED'])
    }
    for (const query of ['pageSize=201', 'page=0', 'updatedSince=yesterday', 'q=x']) {
      const refused = await as(null, `/api/open-data/opinions?${query}`)
      expect([query, refused.status, refused.body.error?.code]).toEqual([query, 400, 'VALIDATION_FAILED'])
    }
  })
})

describe('open data', () => {
  async function everything(): Promise<string> {
    const texts = [JSON.stringify((await ok(as(null, '/api/open-data'))).datasets)]
    for (const set of ['consultations', 'opinions', 'groups', 'events', 'qa']) {
      for (let page: number | null = 1; page !== null;) {
        const body: { items: unknown[]; nextPage: number | null } = await ok(as(null, `/api/open-data/${set}?page=${page}&pageSize=2`))
        texts.push(JSON.stringify(body))
        page = body.nextPage
      }
      const csv = await app.request(`/api/open-data/${set}.csv`)
      expect([set, csv.status, csv.headers.get('content-type')]).toEqual([set, 200, 'text/csv; charset=utf-8'])
      texts.push(csv.body as string)
    }
    return texts.join('\n')
  }

  it('never contains personal data: not the raw name, phone or ID number, nor an offline opinion’s name and contact', async () => {
    const all = await everything()
    expect(all).toContain('手机138****5678') // the masked opinion is in the feed…
    expect(all).toContain('建议延长厨余垃圾投放时间') // …and the offline one
    for (const secret of [RAW.name, RAW.mobile, RAW.id, OFFLINE.authorName, OFFLINE.phone, '报名人1', '13700000001'])
      expect([secret, all.includes(secret)]).toEqual([secret, false])
    // The consented name is in the published feedback, never in the bulk feed.
    expect(JSON.stringify((await ok(as(null, `/api/consultations/${consultationId}/feedback`))).opinions)).toContain(OFFLINE.authorName)
  })

  it('pages in stable id order with updatedAt and filters by updatedSince', async () => {
    const first = await ok(as(null, '/api/open-data/opinions?pageSize=2'))
    const second = await ok(as(null, '/api/open-data/opinions?pageSize=2&page=2'))
    expect(first).toMatchObject({ dataset: 'opinions', page: 1, pageSize: 2, total: 5, nextPage: 2 })
    const ids = [...first.items, ...second.items].map((o: { id: number }) => o.id)
    expect(ids).toEqual([...ids].sort((a, b) => a - b))
    expect(first.items.every((o: { updatedAt: string }) => !Number.isNaN(Date.parse(o.updatedAt)))).toBe(true)
    const latest = first.items[0].updatedAt
    const since = await ok(as(null, `/api/open-data/opinions?updatedSince=${encodeURIComponent(new Date(Date.parse(latest) + 1).toISOString())}`))
    expect(since.items.every((o: { updatedAt: string }) => o.updatedAt > latest)).toBe(true)
    const catalog = await ok(as(null, '/api/open-data'))
    expect(catalog.datasets.find((d: { id: string }) => d.id === 'opinions')).toMatchObject({
      total: 5,
      path: '/api/open-data/opinions',
      csvPath: '/api/open-data/opinions.csv',
    })
  })

  it('is cacheable: answers 304 to a matching If-None-Match', async () => {
    for (const path of ['/api/open-data/opinions', '/api/open-data/consultations.csv', '/api/statistics?year=2026']) {
      const first = await conditionalGet(`${app.baseUrl}${path}`, {})
      const etag = first.headers.etag
      expect([path, first.status, etag]).toEqual([path, 200, expect.any(String)])
      expect(first.headers['cache-control'] ?? '').not.toMatch(/no-store/)
      const again = await conditionalGet(`${app.baseUrl}${path}`, { 'If-None-Match': etag! })
      expect([path, again.status, again.body]).toEqual([path, 304, ''])
      // Another answer (a later page) has another tag.
      const other = await conditionalGet(`${app.baseUrl}${path}${path.includes('?') ? '&' : '?'}updatedSince=2030-01-01T00:00:00Z`, { 'If-None-Match': etag! })
      if (!path.startsWith('/api/statistics')) expect([path, other.status]).toEqual([path, 200])
    }
  })

  it('is documented in the OpenAPI document', async () => {
    const doc = await ok(as(null, '/api/openapi.json'))
    for (const path of ['/api/open-data', '/api/open-data/opinions', '/api/open-data/qa.csv', '/api/statistics', '/api/staff/statistics'])
      expect([path, path in doc.paths]).toEqual([path, true])
    const feed = doc.paths['/api/open-data/opinions'].get
    expect(feed.parameters.map((p: { name: string }) => p.name)).toEqual(['page', 'pageSize', 'updatedSince'])
    expect(Object.keys(feed.responses['200'].content['application/json'].schema.properties.items.items.properties)).toEqual(
      expect.arrayContaining(['id', 'text', 'answer', 'updatedAt']),
    )
    expect(feed.responses).toHaveProperty('304')
    expect(feed.responses['200'].headers).toHaveProperty('ETag')
    expect(Object.keys(doc.paths['/api/open-data/qa.csv'].get.responses['200'].content)).toEqual(['text/csv; charset=utf-8'])
    expect(Object.keys(doc.paths['/api/staff/statistics/export'].get.responses['200'].content)).toEqual([
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'text/csv; charset=utf-8',
    ])
    expect(doc.paths['/api/staff/statistics'].get.responses).not.toHaveProperty('304')
  })
})

describe('open data through the public-read cache', () => {
  let cached: TestApp
  beforeAll(async () => {
    cached = await startTestApp({ now: start, publicCache: {} })
  })
  afterAll(() => cached.close())

  it('serves the feed from the cache and shows a change made anywhere (here: SQL by hand) within seconds', async () => {
    const department = await cached.db.department.create({ data: { name: '缓存测试局' } })
    const published = (title: string) =>
      cached.db.consultation.create({
        data: { departmentId: department.id, title, summary: '—', opensAt: start, closesAt: new Date(start.getTime() + 30 * DAY), publishedAt: start },
      })
    await published('第一个公开的征集')
    const read = () => cached.request('/api/open-data/consultations')
    // A read can show the insert before the change feed reports it (the report then empties the cache once more):
    // read until the feed has caught up, i.e. the answer with the insert comes from the cache.
    let first = await read()
    for (let i = 0; i < 50 && !(first.body.total === 1 && first.headers.get('x-cache') === 'HIT'); i++) {
      await new Promise((resolve) => setTimeout(resolve, 100))
      first = await read()
    }
    const again = await read()
    expect([first.body.total, first.headers.get('x-cache'), again.headers.get('x-cache'), again.headers.get('etag')]).toEqual([
      1,
      'HIT',
      'HIT',
      first.headers.get('etag'),
    ])
    const second = await published('第二个公开的征集')
    let seen = again
    for (let i = 0; i < 30 && seen.body.total !== 2; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100))
      seen = await read()
    }
    expect(seen.body.items.map((c: { id: number }) => c.id)).toContain(second.id)
  })
})
