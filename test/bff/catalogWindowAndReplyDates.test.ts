// The 30-day rule follows the decision catalog, and an answer cannot be dated before the opinion was received.
import { shanghaiTime } from '@gm/shared'
import { signInDemoCitizen, signInStaff } from '../support/identity'
import { startTestApp, type TestApp } from '../support/testApp'

const DAY = 86_400_000
const opensAt = shanghaiTime(2026, 12, 10, 9, 0)
let app: TestApp
let editor: Awaited<ReturnType<typeof signInStaff>>
let reviewer: Awaited<ReturnType<typeof signInStaff>>
let departmentId: number
let decisionId: number

const post = (who: { auth: Record<string, string> }, path: string, json?: unknown, method = 'POST') =>
  app.request(path, { method, headers: who.auth, ...(json !== undefined ? { json } : {}) })

const draft = (overrides: Record<string, unknown> = {}) => ({
  title: '高新区口袋公园建设管理办法（征求意见稿）',
  summary: '规范口袋公园的建设与管理。',
  departmentId,
  isMajorDecision: false,
  opensAt: opensAt.toISOString(),
  closesAt: new Date(opensAt.getTime() + 20 * DAY).toISOString(),
  sections: [{ heading: '第一条 适用范围', body: '本办法适用于高新区内口袋公园。' }],
  ...overrides,
})

beforeAll(async () => {
  app = await startTestApp({ now: new Date(opensAt.getTime() - 2 * DAY), settings: { demoLogin: true, sessionTtlHours: 24 * 90 } })
  departmentId = (await app.db.department.create({ data: { name: '园林绿化局' } })).id
  editor = await signInStaff(app, 'EDITOR')
  reviewer = await signInStaff(app, 'REVIEWER')
  decisionId = (
    await app.db.decision.create({
      data: {
        year: 2026,
        title: '高新区口袋公园建设管理办法',
        summary: '—',
        departmentId,
        plannedDecisionAt: '2027年第一季度',
        participationMethods: ['公开征求意见'],
        // Consultations link only to published catalog entries.
        publishedAt: new Date('2026-01-05T00:00:00Z'),
      },
    })
  ).id
})
afterAll(() => app.close())

describe('a consultation linked to a catalog decision is major by definition', () => {
  let id: number

  it('is major although the form said otherwise, and cannot be published for 20 days without a reason', async () => {
    const created = await post(editor, '/api/staff/consultations', draft({ decisionId, isMajorDecision: false }))
    expect(created.status).toBe(201)
    id = created.body.id
    expect(created.body.isMajorDecision).toBe(true)
    expect((await app.db.consultation.findUniqueOrThrow({ where: { id } })).isMajorDecision).toBe(true)

    const refused = await post(reviewer, `/api/staff/consultations/${id}/publish`)
    expect([refused.status, refused.body.error.code]).toEqual([400, 'SHORT_WINDOW_REASON_REQUIRED'])
    expect(refused.body.error.message).toMatch(/30 日/)
    expect(refused.body.error.details.fields.shortWindowReason).toMatch(/理由/)
    expect((await app.db.consultation.findUniqueOrThrow({ where: { id } })).publishedAt).toBeNull()
  })

  it('refuses a reason of only spaces (the schema trims it away)', async () => {
    const blank = await post(editor, `/api/staff/consultations/${id}`, draft({ decisionId, shortWindowReason: '      ' }), 'PUT')
    expect([blank.status, blank.body.error.code]).toEqual([400, 'VALIDATION_FAILED'])
  })

  it('publishes with a reason, which the public page shows', async () => {
    const reason = '须与市级条例同步施行，经主任办公会同意缩短征求意见期限'
    expect((await post(editor, `/api/staff/consultations/${id}`, draft({ decisionId, shortWindowReason: reason }), 'PUT')).status).toBe(200)
    expect((await post(reviewer, `/api/staff/consultations/${id}/publish`)).status).toBe(200)
    const shown = await app.request(`/api/consultations/${id}`)
    expect(shown.body).toMatchObject({ decisionId, isMajorDecision: true, shortWindowReason: reason })
  })

  it('asks a reason for any later shortening, and publishes it with the change', async () => {
    const earlier = new Date(opensAt.getTime() + 15 * DAY).toISOString()
    const noReason = await post(reviewer, `/api/staff/consultations/${id}/window`, { closesAt: earlier })
    expect([noReason.status, noReason.body.error.code, Object.keys(noReason.body.error.details.fields)]).toEqual([400, 'VALIDATION_FAILED', ['reason']])
    const reason = '上位法调整，需提前结束征集并重新起草'
    const shortened = await post(reviewer, `/api/staff/consultations/${id}/window`, { closesAt: earlier, reason })
    expect(shortened.status).toBe(200)
    const shown = await app.request(`/api/consultations/${id}`)
    expect(shown.body.windowChanges).toEqual([expect.objectContaining({ kind: 'CLOSED_EARLY', closesAt: earlier, reason })])
  })

  it('keeps the database from storing a catalog-linked consultation as not major', async () => {
    await expect(app.db.consultation.update({ where: { id }, data: { isMajorDecision: false } })).rejects.toThrow(/consultation_catalog_decision_is_major/)
  })

  it('lets an unlinked, ordinary consultation run 20 days without a reason', async () => {
    const created = await post(editor, '/api/staff/consultations', draft({ title: '高新区公共自行车服务调整方案（征求意见稿）' }))
    expect(created.body.isMajorDecision).toBe(false)
    expect((await post(reviewer, `/api/staff/consultations/${created.body.id}/publish`)).status).toBe(200)
  })
})

describe('the catalog link of a draft changes only when asked', () => {
  const longWindow = { closesAt: new Date(opensAt.getTime() + 40 * DAY).toISOString() }
  const stored = async (id: number) => app.db.consultation.findUniqueOrThrow({ where: { id }, select: { decisionId: true, isMajorDecision: true } })

  it('keeps the link when an update leaves decisionId out, removes it only for an explicit null', async () => {
    const created = await post(editor, '/api/staff/consultations', draft({ decisionId, ...longWindow }))
    const id = created.body.id as number
    const withoutLink = draft({ title: '高新区口袋公园建设管理办法（修改稿）', ...longWindow })
    expect(withoutLink).not.toHaveProperty('decisionId')
    const kept = await post(editor, `/api/staff/consultations/${id}`, withoutLink, 'PUT')
    expect(kept.status).toBe(200)
    expect(kept.body).toMatchObject({ decisionId, isMajorDecision: true, title: '高新区口袋公园建设管理办法（修改稿）' })
    expect(await stored(id)).toEqual({ decisionId, isMajorDecision: true })

    const unlinked = await post(editor, `/api/staff/consultations/${id}`, draft({ decisionId: null, ...longWindow }), 'PUT')
    expect(unlinked.status).toBe(200)
    expect(await stored(id)).toEqual({ decisionId: null, isMajorDecision: false })
  })

  it('refuses to unlink a published consultation with DECISION_LINK_LOCKED, and a malformed decisionId with a field error', async () => {
    const created = await post(editor, '/api/staff/consultations', draft({ decisionId, ...longWindow }))
    const id = created.body.id as number
    expect((await post(reviewer, `/api/staff/consultations/${id}/publish`)).status).toBe(200)
    const refused = await post(editor, `/api/staff/consultations/${id}`, draft({ decisionId: null, ...longWindow }), 'PUT')
    expect([refused.status, refused.body.error.code, refused.body.error.message]).toEqual([
      409,
      'DECISION_LINK_LOCKED',
      '征集已发布，不能取消与重大行政决策事项目录的关联',
    ])
    // Any other rewrite of a published draft keeps its own answer.
    const rewrite = await post(editor, `/api/staff/consultations/${id}`, draft({ ...longWindow }), 'PUT')
    expect([rewrite.status, rewrite.body.error.code]).toEqual([409, 'DRAFT_IMMUTABLE'])
    expect(await stored(id)).toEqual({ decisionId, isMajorDecision: true })

    for (const hostile of ['abc', -1, 1.5, {}]) {
      const bad = await post(editor, `/api/staff/consultations/${id}`, draft({ decisionId: hostile, ...longWindow }), 'PUT')
      expect([bad.status, bad.body.error.code, Object.keys(bad.body.error.details.fields)]).toEqual([400, 'VALIDATION_FAILED', ['decisionId']])
    }
  })
})

describe('a reply date cannot precede the day the opinion was received', () => {
  let consultationId: number
  let opinionId: number
  const answer = (repliedOn: string) => ({ adoption: 'EXPLAINED', content: '感谢您的意见，已转相关科室研究。', departmentId, repliedOn })

  beforeAll(async () => {
    const created = await post(
      editor,
      '/api/staff/consultations',
      draft({ title: '高新区夜间经济发展若干措施（征求意见稿）', closesAt: new Date(opensAt.getTime() + 40 * DAY).toISOString() }),
    )
    consultationId = created.body.id
    expect((await post(reviewer, `/api/staff/consultations/${consultationId}/publish`)).status).toBe(200)
    // Received 2026-12-12 23:30 Shanghai time (15:30 UTC).
    app.now.value = shanghaiTime(2026, 12, 12, 23, 30)
    const citizen = await signInDemoCitizen(app, '夜市摊主')
    const submitted = await post(citizen, `/api/consultations/${consultationId}/opinions`, {
      text: '建议夜市延长至凌晨一点。',
      consent: 'PRIVATE',
      idempotencyKey: 'reply-date-0001',
    })
    expect(submitted.status).toBe(201)
    opinionId = submitted.body.id
    app.now.value = shanghaiTime(2026, 12, 20, 10, 0)
    expect((await post(reviewer, `/api/staff/opinions/${opinionId}/moderation`, { decision: 'HIDE', reason: '仅供研究' })).status).toBe(200)
  })

  it.each([
    ['the day before receipt', '2026-12-11', 400],
    ['the UTC date of receipt, which is still the Shanghai day of receipt', '2026-12-12', 200],
    ['a later day', '2026-12-20', 200],
  ] as const)('answering an opinion dated %s (%s) → %s', async (_, repliedOn, status) => {
    const response = await post(reviewer, `/api/staff/opinions/${opinionId}/answer`, answer(repliedOn), 'PUT')
    expect(response.status).toBe(status)
    if (status === 400) {
      expect(response.body.error).toMatchObject({
        code: 'REPLY_BEFORE_RECEIPT',
        message: expect.stringContaining('2026-12-12'),
        details: { receivedOn: '2026-12-12', fields: { repliedOn: expect.stringMatching(/不能早于/) } },
      })
    }
  })

  it('does not change a stored answer when a later one is dated too early', async () => {
    const before = await app.db.opinionAnswer.findUniqueOrThrow({ where: { opinionId } })
    expect((await post(reviewer, `/api/staff/opinions/${opinionId}/answer`, { ...answer('2025-01-01'), content: '不应保存的答复内容' }, 'PUT')).status).toBe(
      400,
    )
    expect(await app.db.opinionAnswer.findUniqueOrThrow({ where: { opinionId } })).toEqual(before)
  })

  it('dates a concentrated opinion’s answer no earlier than its latest opinion', async () => {
    app.now.value = shanghaiTime(2026, 12, 15, 8, 0)
    const later = await signInDemoCitizen(app, '夜跑爱好者')
    const second = await post(later, `/api/consultations/${consultationId}/opinions`, {
      text: '建议夜间路灯延长开放。',
      consent: 'PRIVATE',
      idempotencyKey: 'reply-date-0002',
    })
    app.now.value = shanghaiTime(2026, 12, 20, 10, 0)
    const group = await post(reviewer, `/api/staff/consultations/${consultationId}/groups`, { title: '夜间开放时间', opinionIds: [opinionId, second.body.id] })
    expect(group.status).toBe(201)
    const early = await post(reviewer, `/api/staff/groups/${group.body.id}/answer`, answer('2026-12-14'), 'PUT')
    expect([early.status, early.body.error.code, early.body.error.details.receivedOn]).toEqual([400, 'REPLY_BEFORE_RECEIPT', '2026-12-15'])
    expect((await post(reviewer, `/api/staff/groups/${group.body.id}/answer`, answer('2026-12-15'), 'PUT')).status).toBe(200)
  })
})

describe('opinions staff record from a meeting or a letter, with the day they were received', () => {
  let eventId: number

  beforeAll(async () => {
    app.now.value = shanghaiTime(2026, 12, 20, 10, 0)
    const now = app.now.value.getTime()
    const event = await app.db.event.create({
      data: {
        kind: 'HEARING',
        title: '口袋公园建设座谈会',
        description: '—',
        place: '管委会 301',
        departmentId,
        startsAt: new Date(now - 5 * DAY),
        endsAt: new Date(now - 5 * DAY + 7_200_000),
        signupOpensAt: new Date(now - 20 * DAY),
        signupClosesAt: new Date(now - 6 * DAY),
        capacity: 10,
        reservedSeats: 0,
        waitlistCapacity: 0,
        selectionMode: 'REVIEW',
        publishedAt: new Date(now - 20 * DAY),
      },
    })
    eventId = event.id
  })

  const record = (json: Record<string, unknown>) =>
    post(reviewer, `/api/staff/events/${eventId}/opinions`, { text: '建议公园夜间照明改为感应灯。', masks: [], ...json })
  const answerIt = (id: number, repliedOn: string) =>
    post(reviewer, `/api/staff/event-opinions/${id}/answer`, { adoption: 'ADOPTED', content: '已纳入设计方案。', departmentId, repliedOn }, 'PUT')

  it('keeps the received day given by staff and refuses an answer dated before it', async () => {
    const recorded = await record({ receivedOn: '2026-12-15' })
    expect(recorded.status).toBe(201)
    expect(recorded.body.receivedAt).toBe(shanghaiTime(2026, 12, 15).toISOString())
    const early = await answerIt(recorded.body.id, '2026-12-14')
    expect(early.body.error).toMatchObject({ code: 'REPLY_BEFORE_RECEIPT', message: '答复日期不能早于意见的收到日期（2026-12-15）' })
    expect((await answerIt(recorded.body.id, '2026-12-15')).status).toBe(200)
  })

  it('takes today when no received day is given', async () => {
    const recorded = await record({})
    expect(recorded.body.receivedAt).toBe(app.now.value.toISOString())
    expect((await answerIt(recorded.body.id, '2026-12-19')).body.error.code).toBe('REPLY_BEFORE_RECEIPT')
  })

  it.each([
    ['a day in the future', '2026-12-21'],
    ['not a date', '2026-13-40'],
    ['a date with a time', '2026-12-15T00:00:00Z'],
  ])('refuses a received day that is %s', async (_, receivedOn) => {
    const refused = await record({ receivedOn })
    expect([refused.status, refused.body.error.code, Object.keys(refused.body.error.details.fields)]).toEqual([400, 'VALIDATION_FAILED', ['receivedOn']])
  })
})
