import ExcelJS from 'exceljs'
import { shanghaiTime } from '@gm/shared'
import { type FakeWechat, startFakeWechat } from '../../bff/src/dev/fakeWechat/server'
import { setCitizenConsent, signInDemoCitizen, signInStaff } from '../support/identity'
import { startTestApp, TEST_WECHAT, type TestApp } from '../support/testApp'

/**
 * The whole loop against PostgreSQL: draft → publish → opinions (whole draft and clause) →
 * moderation with masks → answers (reason enforced) → concentrated opinions → published feedback,
 * and nothing internal visible publicly before that.
 */
const opensAt = shanghaiTime(2026, 12, 1, 9, 0)
const closesAt = shanghaiTime(2026, 12, 21, 18, 0) // 20 days: needs a reason for a major decision
const minute = 60_000

let wechat: FakeWechat
let app: TestApp
let editor: Awaited<ReturnType<typeof signInStaff>>
let reviewer: Awaited<ReturnType<typeof signInStaff>>
let departmentId: number
let consultationId: number
let clauseId: number
/** The citizen who writes most opinions below. */
let author: { auth: Record<string, string> }

const draft = () => ({
  title: '高新区生活垃圾分类管理办法（征求意见稿）',
  summary: '规范生活垃圾分类投放、收集、运输和处理。',
  explanation: '依据《城市生活垃圾管理办法》起草。',
  background: '辖区日均产生生活垃圾 480 吨。',
  departmentId,
  isMajorDecision: true,
  opensAt: opensAt.toISOString(),
  closesAt: closesAt.toISOString(),
  sections: [
    { heading: '第一条 适用范围', body: '本办法适用于高新区内生活垃圾分类管理活动。' },
    { heading: '第二条 分类标准', body: '生活垃圾分为可回收物、有害垃圾、厨余垃圾和其他垃圾。' },
  ],
})

const staffPost = (who: { auth: Record<string, string> }, path: string, json?: unknown, method = 'POST') =>
  app.request(path, { method, headers: who.auth, ...(json !== undefined ? { json } : {}) })

beforeAll(async () => {
  wechat = await startFakeWechat(TEST_WECHAT)
  app = await startTestApp({
    now: new Date(opensAt.getTime() - 3 * 86_400_000),
    wechatBaseUrl: wechat.baseUrl,
    settings: { demoLogin: true, sessionTtlHours: 24 * 90 },
  })
  departmentId = (await app.db.department.create({ data: { name: '城市管理局' } })).id
  editor = await signInStaff(app, 'EDITOR')
  reviewer = await signInStaff(app, 'REVIEWER')
})
afterAll(async () => {
  await app.close()
  await wechat.close()
})

describe('drafting and publishing', () => {
  it('keeps a draft invisible until published, and requires a reason for a major decision under 30 days', async () => {
    const created = await staffPost(editor, '/api/staff/consultations', draft())
    expect(created.status).toBe(201)
    consultationId = created.body.id
    clauseId = created.body.sections[1].id
    expect((await app.request(`/api/consultations/${consultationId}`)).status).toBe(404)
    expect((await app.request('/api/consultations')).body.items.map((c: { id: number }) => c.id)).not.toContain(consultationId)

    const refused = await staffPost(reviewer, `/api/staff/consultations/${consultationId}/publish`)
    expect([refused.status, refused.body.error.code]).toEqual([400, 'SHORT_WINDOW_REASON_REQUIRED'])
    expect((await staffPost(editor, `/api/staff/consultations/${consultationId}/publish`)).status).toBe(403)

    const updated = await staffPost(
      editor,
      `/api/staff/consultations/${consultationId}`,
      { ...draft(), shortWindowReason: '需在年底前出台以衔接市级条例，经主任办公会同意缩短期限' },
      'PUT',
    )
    expect(updated.status).toBe(200)
    clauseId = updated.body.sections[1].id
    const published = await staffPost(reviewer, `/api/staff/consultations/${consultationId}/publish`)
    expect(published.status).toBe(200)
    const publicView = await app.request(`/api/consultations/${consultationId}`)
    expect(publicView.body).toMatchObject({ status: 'upcoming', shortWindowReason: expect.stringContaining('缩短'), draftVersion: 1 })
    expect((await staffPost(editor, `/api/staff/consultations/${consultationId}`, draft(), 'PUT')).body.error.code).toBe('DRAFT_IMMUTABLE')
  })
})

describe('submitting opinions within the window (Asia/Shanghai)', () => {
  let citizen: Awaited<ReturnType<typeof signInDemoCitizen>>
  const submit = (body: Record<string, unknown>, who = citizen) =>
    app.request(`/api/consultations/${consultationId}/opinions`, { method: 'POST', headers: who.auth, json: body })
  const opinion = (text: string, key: string, extra: Record<string, unknown> = {}) => ({ text, consent: 'PUBLISH_MASKED', idempotencyKey: key, ...extra })

  beforeAll(async () => {
    citizen = await signInDemoCitizen(app, '赵六')
    author = citizen
  })

  it.each([
    ['a minute before opening', opensAt.getTime() - minute, 409, 'CONSULTATION_NOT_OPEN'],
    ['the first minute', opensAt.getTime(), 201, undefined],
    ['the last minute', closesAt.getTime() - minute, 201, undefined],
    ['the closing instant', closesAt.getTime(), 409, 'CONSULTATION_CLOSED'],
    ['after closing', closesAt.getTime() + 60 * minute, 409, 'CONSULTATION_CLOSED'],
  ])('at %s answers %s', async (_, now, status, code) => {
    app.now.value = new Date(now)
    const before = await app.db.opinion.count()
    const response = await submit(opinion('窗口边界测试意见内容', `window-${now}`))
    expect([response.status, response.body.error?.code]).toEqual([status, code])
    expect(await app.db.opinion.count()).toBe(before + (status === 201 ? 1 : 0))
  })

  it('accepts opinions on the whole draft and on one clause, each with a receipt code', async () => {
    app.now.value = new Date(opensAt.getTime() + 86_400_000)
    const whole = await submit(opinion('建议增加对老年人分类投放的上门指导，我叫王小明，电话 13812345678。', 'whole-0001', { contactPhone: '13812345678' }))
    expect(whole.status).toBe(201)
    expect(whole.body).toMatchObject({ receiptCode: expect.stringMatching(/^YJ\d{8}-[A-Z2-9]{6}$/), state: 'SUBMITTED' })
    const clause = await submit(
      opinion('厨余垃圾的定义应包括家庭装修产生的绿植废弃物。', 'clause-0001', { sectionId: clauseId, consent: 'PUBLISH_NAMED', authorName: '赵六' }),
    )
    expect(clause.status).toBe(201)
  })

  it('never creates a second opinion for a retried submit, and refuses the key with different content', async () => {
    const body = opinion('重复提交测试：建议延长厨余垃圾投放时间。', 'retry-0001')
    const first = await submit(body)
    const again = await submit(body)
    expect(again.body).toEqual(first.body)
    const concurrent = await Promise.all(Array.from({ length: 5 }, () => submit(opinion('并发重复提交测试意见内容', 'retry-0002'))))
    expect(new Set(concurrent.map((r) => r.body.id)).size).toBe(1)
    expect(await app.db.opinion.count({ where: { idempotencyKey: { in: ['retry-0001', 'retry-0002'] } } })).toBe(2)
    const changed = await submit(opinion('换了内容但用了同一个编号', 'retry-0001'))
    expect([changed.status, changed.body.error.code]).toEqual([422, 'IDEMPOTENCY_KEY_REUSED'])
  })

  it('rejects empty, oversized, wrong-clause and malformed submissions, storing nothing', async () => {
    const before = await app.db.opinion.count()
    const cases: [Record<string, unknown>, string][] = [
      [opinion('', 'bad-00001'), 'text'],
      [opinion('字'.repeat(2001), 'bad-00002'), 'text'],
      [opinion('指向不存在的条款的意见', 'bad-00003', { sectionId: 999999 }), 'sectionId'],
      [opinion('署名公开却没有署名', 'bad-00004', { consent: 'PUBLISH_NAMED' }), 'authorName'],
      [opinion('手机号格式不对的意见', 'bad-00005', { contactPhone: '12345' }), 'contactPhone'],
      [{ text: '缺少提交编号的意见', consent: 'PUBLISH_MASKED' }, 'idempotencyKey'],
      [opinion('夹带字段的意见内容', 'bad-00006', { moderation: 'APPROVED' }), 'moderation'],
    ]
    for (const [body, field] of cases) {
      const response = await submit(body)
      expect([field, response.status, response.body.error.code]).toEqual([field, 400, 'VALIDATION_FAILED'])
      expect(response.body.error.details.fields[field]).toMatch(/[\u4e00-\u9fa5]/)
    }
    expect((await app.request(`/api/consultations/${consultationId}/opinions`, { method: 'POST', json: opinion('未登录提交', 'anon-0001') })).status).toBe(401)
    expect(await app.db.opinion.count()).toBe(before)
  })

  it('holds risky content flagged by WeChat for human review', async () => {
    const code = wechat.issueLoginCode('openid-risky-writer')
    const login = await app.request('/api/auth/wechat', { method: 'POST', json: { code } })
    await setCitizenConsent(app, login.body.me.id, 'current')
    wechat.markRisky('违禁词样例')
    const response = await submit(opinion('这里有违禁词样例的意见内容', 'risky-0001'), { auth: { Authorization: `Bearer ${login.body.token}` } } as never)
    expect(response.status).toBe(201)
    expect(response.body.heldForReview).toBe(true)
    expect((await app.db.opinion.findUniqueOrThrow({ where: { id: response.body.id } })).secCheckSuggest).toBe('risky')
    expect(wechat.requests.some((r) => r.path === '/wxa/msg_sec_check')).toBe(true)
  })
})

describe('before feedback is published nothing internal leaks', () => {
  it('shows no raw text, contact, answer or report through any public endpoint', async () => {
    const raw = await app.db.opinion.findMany({ where: { consultationId }, select: { rawText: true, contactPhone: true } })
    const publicBodies = await Promise.all([
      app.request(`/api/consultations/${consultationId}`),
      app.request('/api/consultations?pageSize=50'),
      app.request(`/api/consultations/${consultationId}/feedback`),
      app.request('/api/overview'),
    ])
    expect(publicBodies[2].body.error.code).toBe('FEEDBACK_NOT_PUBLISHED')
    const text = JSON.stringify(publicBodies.map((r) => r.body))
    for (const { rawText, contactPhone } of raw) {
      expect(text).not.toContain(rawText)
      if (contactPhone) expect(text).not.toContain(contactPhone)
    }
  })
})

describe('moderation, answers and concentrated opinions', () => {
  const list = async (query = '') =>
    (await app.request(`/api/staff/consultations/${consultationId}/opinions?pageSize=50${query}`, { headers: reviewer.auth })).body.items
  const today = '2026-12-02'
  const answer = (extra: Record<string, unknown>) => ({
    adoption: 'ADOPTED',
    content: '已采纳，修改后的办法将增加相关规定。',
    departmentId,
    repliedOn: today,
    ...extra,
  })

  it('proposes masks for personal information and publishes only the confirmed masked text', async () => {
    const target = (await list()).find((o: { rawText: string }) => o.rawText.includes('13812345678'))
    const kinds = target.suggestedMasks.map((m: { kind: string }) => m.kind)
    expect(kinds).toEqual(expect.arrayContaining(['PHONE', 'NAME']))
    const approved = await staffPost(reviewer, `/api/staff/opinions/${target.id}/moderation`, {
      decision: 'APPROVE',
      masks: target.suggestedMasks.map(({ start, end, kind }: { start: number; end: number; kind: string }) => ({ start, end, kind })),
    })
    expect(approved.body.moderation).toBe('APPROVED')
    expect(approved.body.publishedText).not.toContain('13812345678')
    expect(approved.body.publishedText).not.toContain('王小明')
    const audit = await app.request('/api/admin/audit?entity=opinion', { headers: (await signInStaff(app, 'ADMIN')).auth })
    const entry = audit.body.items.find((e: { entityId: string }) => e.entityId === String(target.id))
    expect(entry.after.redactions.map((r: { kind: string }) => r.kind)).toEqual(expect.arrayContaining(['PHONE', 'NAME']))
    expect(JSON.stringify(entry)).not.toContain('13812345678')
  })

  it('rejects masks outside the text and hides with a reason', async () => {
    const [first, second] = (await list('&moderation=PENDING')) as { id: number; rawText: string }[]
    const bad = await staffPost(reviewer, `/api/staff/opinions/${first!.id}/moderation`, { decision: 'APPROVE', masks: [{ start: 0, end: 99999 }] })
    expect(bad.body.error.details.fields.masks).toBeDefined()
    expect((await staffPost(reviewer, `/api/staff/opinions/${first!.id}/moderation`, { decision: 'HIDE', reason: '' })).status).toBe(400)
    const hidden = await staffPost(reviewer, `/api/staff/opinions/${second!.id}/moderation`, { decision: 'HIDE', reason: '与本草案无关' })
    expect(hidden.body).toMatchObject({ moderation: 'HIDDEN', hiddenReason: '与本草案无关', publishedText: null })
    for (const o of await list('&moderation=PENDING')) {
      expect((await staffPost(reviewer, `/api/staff/opinions/${o.id}/moderation`, { decision: 'APPROVE', masks: [] })).status).toBe(200)
    }
  })

  it('requires a reason for 不予采纳 and 部分采纳 — in the schema and in the database — and keeps every version', async () => {
    const [target] = await list()
    for (const adoption of ['NOT_ADOPTED', 'PARTIALLY_ADOPTED']) {
      const refused = await staffPost(reviewer, `/api/staff/opinions/${target.id}/answer`, answer({ adoption, reason: '  ' }), 'PUT')
      expect([refused.status, refused.body.error.details.fields.reason]).toEqual([400, expect.stringContaining('理由')])
    }
    expect(await app.db.opinionAnswer.count({ where: { opinionId: target.id } })).toBe(0)
    await expect(
      app.db.opinionAnswer.create({
        data: { opinionId: target.id, adoption: 'NOT_ADOPTED', content: '绕过接口', departmentId, repliedAt: new Date(), staffId: reviewer.staff.id },
      }),
    ).rejects.toThrow(/reason_required|check constraint/)

    expect((await staffPost(reviewer, `/api/staff/opinions/${target.id}/answer`, answer({ adoption: 'EXPLAINED' }), 'PUT')).status).toBe(200)
    const second = await staffPost(
      reviewer,
      `/api/staff/opinions/${target.id}/answer`,
      answer({ adoption: 'NOT_ADOPTED', reason: '上门指导已由社区网格员承担，无需另行规定。' }),
      'PUT',
    )
    expect(second.body.answer).toMatchObject({ adoption: 'NOT_ADOPTED', revisions: 2 })
    expect(
      (await staffPost(reviewer, `/api/staff/opinions/${target.id}/answer`, answer({ departmentId: 999999 }), 'PUT')).body.error.details.fields.departmentId,
    ).toBeDefined()
  })

  it('groups similar opinions and answers them with one reasoned answer', async () => {
    const opinions = (await list()) as { id: number; moderation: string; answer: unknown }[]
    const members = opinions
      .filter((o) => o.moderation !== 'HIDDEN' && !o.answer)
      .slice(0, 2)
      .map((o) => o.id)
    expect((await app.request(`/api/staff/consultations/${consultationId}/group-suggestions`, { headers: reviewer.auth })).status).toBe(200)
    const foreign = await staffPost(reviewer, `/api/staff/consultations/${consultationId}/groups`, {
      title: '混入其他征集的意见',
      opinionIds: [...members, 999999],
    })
    expect(foreign.body.error.details.fields.opinionIds).toBeDefined()
    const group = await staffPost(reviewer, `/api/staff/consultations/${consultationId}/groups`, { title: '关于投放时间和方式的意见', opinionIds: members })
    expect(group.status).toBe(201)
    const noReason = await staffPost(reviewer, `/api/staff/groups/${group.body.id}/answer`, answer({ adoption: 'NOT_ADOPTED' }), 'PUT')
    expect(noReason.status).toBe(400)
    const answered = await staffPost(
      reviewer,
      `/api/staff/groups/${group.body.id}/answer`,
      answer({ adoption: 'NOT_ADOPTED', reason: '投放时间由各小区根据实际确定，办法不作统一规定。' }),
      'PUT',
    )
    expect(answered.body.answer).toMatchObject({ adoption: 'NOT_ADOPTED' })
  })

  it('refuses to publish feedback while open or while opinions are unanswered', async () => {
    const early = await staffPost(reviewer, `/api/staff/consultations/${consultationId}/feedback`)
    expect(early.body.error.code).toBe('FEEDBACK_NOT_READY')
    app.now.value = new Date(closesAt.getTime() + 86_400_000)
    const unanswered = (await list('&unanswered=true')) as { id: number }[]
    expect(unanswered.length).toBeGreaterThan(0)
    const blocked = await staffPost(reviewer, `/api/staff/consultations/${consultationId}/feedback`)
    expect(blocked.body.error).toMatchObject({ code: 'FEEDBACK_NOT_READY', details: { unanswered: unanswered.length } })
    // Some came in on the last day: their answers are dated after it (a reply cannot precede receipt).
    for (const o of unanswered)
      expect((await staffPost(reviewer, `/api/staff/opinions/${o.id}/answer`, answer({ repliedOn: '2026-12-22' }), 'PUT')).status).toBe(200)
  })
})

describe('published feedback', () => {
  it('publishes all answers and the report at once, shows only masked text, and tells the authors', async () => {
    const published = await staffPost(reviewer, `/api/staff/consultations/${consultationId}/feedback`)
    expect(published.status).toBe(200)
    const { body } = await app.request(`/api/consultations/${consultationId}/feedback`)
    const total = await app.db.opinion.count({ where: { consultationId } })
    const hidden = await app.db.opinion.count({ where: { consultationId, moderation: 'HIDDEN' } })
    expect(body.report.collected).toBe(total)
    expect(body.report.valid).toBe(total - hidden)
    expect(body.report.adopted + body.report.partiallyAdopted + body.report.notAdopted + body.report.explained).toBe(body.report.valid)
    expect(body.definitions.NOT_ADOPTED).toMatch(/理由/)
    expect(body.groups).toEqual([
      expect.objectContaining({
        title: '关于投放时间和方式的意见',
        answer: expect.objectContaining({ adoption: 'NOT_ADOPTED', reason: expect.stringContaining('不作统一规定') }),
      }),
    ])
    expect(body.opinions).toHaveLength(total - hidden)
    for (const o of body.opinions) expect(o.answer).toMatchObject({ department: { name: '城市管理局' }, repliedAt: expect.any(String) })

    const text = JSON.stringify(body)
    expect(text).not.toContain('13812345678')
    expect(text).not.toContain('王小明')
    expect(text).not.toContain('与本草案无关')
    const named = body.opinions.find((o: { authorName: string | null }) => o.authorName === '赵六')
    expect(named.section.heading).toBe('第二条 分类标准')

    const author = await app.db.opinion.findFirstOrThrow({ where: { consultationId, idempotencyKey: 'whole-0001' }, select: { citizenId: true } })
    const notes = await app.db.notification.findMany({ where: { citizenId: author.citizenId! } })
    expect(notes.map((n) => n.title)).toContain('您的意见已答复')
  })

  it('shows the citizen their opinions as 已答复 with the published answer and the group they joined', async () => {
    const mine = (await app.request('/api/me/opinions?pageSize=50', { headers: author.auth })).body.items as {
      state: string
      answer: unknown
      group: unknown
      text: string
    }[]
    const me = (await app.request('/api/me', { headers: author.auth })).body
    // Every opinion of theirs is answered to them, including one hidden from the public.
    expect(mine).toHaveLength(await app.db.opinion.count({ where: { consultationId, citizenId: me.id } }))
    expect(mine.every((o) => o.state === 'ANSWERED')).toBe(true)
    expect(mine.find((o) => o.text.includes('13812345678'))).toMatchObject({ state: 'ANSWERED', answer: { adoption: 'NOT_ADOPTED' } })
    expect(mine.some((o) => (o.group as { title: string } | null)?.title === '关于投放时间和方式的意见')).toBe(true)
  })

  it('freezes answers once published', async () => {
    const any = await app.db.opinion.findFirstOrThrow({ where: { consultationId, moderation: 'APPROVED' } })
    const late = await staffPost(
      reviewer,
      `/api/staff/opinions/${any.id}/answer`,
      { adoption: 'ADOPTED', content: '改答复', departmentId, repliedOn: '2026-12-30' },
      'PUT',
    )
    expect(late.body.error.code).toBe('FEEDBACK_ALREADY_PUBLISHED')
    expect((await staffPost(reviewer, `/api/staff/consultations/${consultationId}/feedback`)).body.error.code).toBe('FEEDBACK_ALREADY_PUBLISHED')
  })

  it('exports opinions and answers as CSV and as an Excel workbook', async () => {
    const csv = await fetch(`${app.baseUrl}/api/staff/consultations/${consultationId}/export?format=csv`, { headers: reviewer.auth })
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/)
    expect(csv.headers.get('content-disposition')).toMatch(/attachment/)
    const csvBytes = Buffer.from(await csv.arrayBuffer())
    expect([...csvBytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]) // BOM: Excel reads UTF-8
    const csvText = csvBytes.toString('utf8')
    expect(csvText.slice(1).startsWith('受理编号')).toBe(true)
    expect(csvText).toContain('13812345678') // internal export keeps the contact
    const xlsx = await fetch(`${app.baseUrl}/api/staff/consultations/${consultationId}/export?format=xlsx`, { headers: reviewer.auth })
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as unknown as ArrayBuffer)
    const cells = workbook.worksheets[0]!.getSheetValues().flat().map(String)
    expect(cells).toContain('不予采纳')
    expect(cells).toContain('城市管理局')
    expect((await app.request(`/api/staff/consultations/${consultationId}/export?format=pdf`, { headers: reviewer.auth })).status).toBe(400)
    expect((await app.request(`/api/staff/consultations/${consultationId}/export`, { headers: editor.auth })).status).toBe(403)
  })
})

describe('my opinions', () => {
  it('lists a citizen’s opinions with state and, once published, the answer and group', async () => {
    const citizen = await signInDemoCitizen(app, '钱七')
    const second = await staffPost(editor, '/api/staff/consultations', {
      ...draft(),
      title: '高新区道路停车收费办法（征求意见稿）',
      opensAt: new Date(app.now.value.getTime() - 86_400_000).toISOString(),
      closesAt: new Date(app.now.value.getTime() + 40 * 86_400_000).toISOString(),
    })
    await staffPost(reviewer, `/api/staff/consultations/${second.body.id}/publish`)
    const submitted = await app.request(`/api/consultations/${second.body.id}/opinions`, {
      method: 'POST',
      headers: citizen.auth,
      json: { text: '建议夜间停车免费，方便居民。', consent: 'PUBLISH_MASKED', idempotencyKey: 'mine-00001' },
    })
    expect(submitted.status).toBe(201)
    const mine = await app.request('/api/me/opinions', { headers: citizen.auth })
    expect(mine.body.items).toEqual([expect.objectContaining({ receiptCode: submitted.body.receiptCode, state: 'SUBMITTED', answer: null })])
    await staffPost(reviewer, `/api/staff/opinions/${submitted.body.id}/moderation`, { decision: 'APPROVE', masks: [] })
    await staffPost(
      reviewer,
      `/api/staff/opinions/${submitted.body.id}/answer`,
      { adoption: 'EXPLAINED', content: '夜间停车收费标准另行制定。', departmentId, repliedOn: '2026-12-23' },
      'PUT',
    )
    const accepted = (await app.request('/api/me/opinions', { headers: citizen.auth })).body.items[0]
    expect(accepted).toMatchObject({ state: 'ACCEPTED', answer: null }) // answered, but not yet published
  })
})

describe('revisions and window changes', () => {
  it('publishes a revision as a new version, refuses opinions on superseded clauses, and shows window changes publicly', async () => {
    const now = app.now.value
    const created = await staffPost(editor, '/api/staff/consultations', {
      ...draft(),
      title: '高新区共享单车停放管理规定（征求意见稿）',
      opensAt: new Date(now.getTime() - 86_400_000).toISOString(),
      closesAt: new Date(now.getTime() + 35 * 86_400_000).toISOString(),
    })
    const id = created.body.id
    const oldClause = created.body.sections[0].id
    await staffPost(reviewer, `/api/staff/consultations/${id}/publish`)
    const revised = await staffPost(editor, `/api/staff/consultations/${id}/revisions`, {
      note: '根据企业意见调整第一条',
      sections: [{ heading: '第一条 停放区域', body: '共享单车应在施划的停放区内停放。' }],
    })
    expect(revised.status).toBe(201)
    const detail = (await app.request(`/api/consultations/${id}`)).body
    expect(detail).toMatchObject({ draftVersion: 2, versionNote: '根据企业意见调整第一条' })
    expect(await app.db.draftSection.count({ where: { consultationId: id, version: 1 } })).toBe(2)

    const citizen = await signInDemoCitizen(app, '孙八')
    const stale = await app.request(`/api/consultations/${id}/opinions`, {
      method: 'POST',
      headers: citizen.auth,
      json: { text: '针对旧版第一条的意见', consent: 'PRIVATE', sectionId: oldClause, idempotencyKey: 'stale-0001' },
    })
    expect(stale.body.error.details.fields.sectionId).toMatch(/修订/)

    const extended = await staffPost(reviewer, `/api/staff/consultations/${id}/window`, {
      closesAt: new Date(now.getTime() + 45 * 86_400_000).toISOString(),
      reason: '应企业要求延长十天',
    })
    expect(extended.body.windowChanges).toEqual([expect.objectContaining({ kind: 'EXTENDED', reason: '应企业要求延长十天' })])
    const noReason = await staffPost(reviewer, `/api/staff/consultations/${id}/window`, {
      closesAt: new Date(now.getTime() + 2 * 86_400_000).toISOString(),
      reason: '',
    })
    expect(noReason.status).toBe(400)
    const closedEarly = await staffPost(reviewer, `/api/staff/consultations/${id}/window`, {
      closesAt: new Date(now.getTime() + 60_000).toISOString(),
      reason: '上级文件已出台，提前结束征集',
    })
    expect(closedEarly.body.windowChanges.map((c: { kind: string }) => c.kind)).toEqual(['EXTENDED', 'CLOSED_EARLY'])
    expect((await app.request(`/api/consultations/${id}`)).body.windowChanges).toHaveLength(2)
  })
})

describe('reply deadlines', () => {
  it('lists moderated opinions unanswered after 20 working days as overdue', async () => {
    const citizen = await signInDemoCitizen(app, '周九')
    const now = app.now.value
    const created = await staffPost(editor, '/api/staff/consultations', {
      ...draft(),
      title: '高新区户外广告设置管理办法（征求意见稿）',
      opensAt: new Date(now.getTime() - 86_400_000).toISOString(),
      closesAt: new Date(now.getTime() + 35 * 86_400_000).toISOString(),
    })
    await staffPost(reviewer, `/api/staff/consultations/${created.body.id}/publish`)
    const submitted = await app.request(`/api/consultations/${created.body.id}/opinions`, {
      method: 'POST',
      headers: citizen.auth,
      json: { text: '广告牌夜间亮灯时间应有限制。', consent: 'PUBLISH_MASKED', idempotencyKey: 'late-00001' },
    })
    await staffPost(reviewer, `/api/staff/opinions/${submitted.body.id}/moderation`, { decision: 'APPROVE', masks: [] })
    const overdueIds = async () => (await app.request('/api/staff/opinions/overdue', { headers: reviewer.auth })).body.map((o: { id: number }) => o.id)
    app.now.value = new Date(now.getTime() + 20 * 86_400_000)
    expect(await overdueIds()).not.toContain(submitted.body.id)
    app.now.value = new Date(now.getTime() + 40 * 86_400_000)
    expect(await overdueIds()).toContain(submitted.body.id)
    const view = (await app.request(`/api/staff/consultations/${created.body.id}/opinions`, { headers: reviewer.auth })).body.items[0]
    expect(view.overdue).toBe(true)
  })
})
