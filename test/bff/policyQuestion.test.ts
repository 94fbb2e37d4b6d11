import { addWorkingDays, POLICY_QUESTION_DAILY_LIMIT, shanghaiTime } from '@gm/shared'
import { type FakeWechat, startFakeWechat } from '../../bff/src/dev/fakeWechat/server'
import { buildWorkingCalendar } from '../../bff/src/services/workingCalendar'
import { setCitizenConsent, signInDemoCitizen, signInStaff } from '../support/identity'
import { startTestApp, TEST_WECHAT, type TestApp } from '../support/testApp'

/**
 * Policy consultation: a citizen asks (content check through WeChat, a daily limit, idempotent
 * retries), staff answer within a working-day deadline, the citizen is told, and a good answer
 * goes into the library in one step.
 */
const monday = shanghaiTime(2026, 11, 23, 10, 0)
let wechat: FakeWechat
let app: TestApp
let reviewer: Awaited<ReturnType<typeof signInStaff>>
let citizen: Awaited<ReturnType<typeof signInDemoCitizen>>
let departmentId: number
let seq = 0
const ask = (who: { auth: Record<string, string> }, text: string, extra: Record<string, unknown> = {}) =>
  app.request('/api/policy-questions', { method: 'POST', headers: who.auth, json: { text, idempotencyKey: `ask-${++seq}-${Date.now()}`, ...extra } })
const staff = (path: string, json?: unknown) =>
  app.request(path, { method: json === undefined ? 'GET' : 'POST', headers: reviewer.auth, ...(json !== undefined ? { json } : {}) })

beforeAll(async () => {
  wechat = await startFakeWechat(TEST_WECHAT)
  app = await startTestApp({ now: monday, wechatBaseUrl: wechat.baseUrl, settings: { demoLogin: true, sessionTtlHours: 24 * 90 } })
  reviewer = await signInStaff(app, 'REVIEWER')
  departmentId = reviewer.staff.departmentId
  citizen = await signInDemoCitizen(app, '钱七')
})
afterAll(async () => {
  await app.close()
  await wechat.close()
})

describe('asking', () => {
  it('takes a question with a receipt and a deadline of 5 working days', async () => {
    const { status, body } = await ask(citizen, '我在高新区上班，生二胎的补贴去哪里申请？', { topic: '生育' })
    expect(status).toBe(201)
    expect(body).toMatchObject({ receiptCode: expect.stringMatching(/^ZX20261123-[A-Z2-9]{6}$/), status: 'PENDING', answer: null, heldForReview: false })
    expect(body.dueAt).toBe(addWorkingDays(monday, 5, buildWorkingCalendar([])).toISOString())
    expect((await app.request('/api/me/policy-questions', { headers: citizen.auth })).body.items.map((q: { id: number }) => q.id)).toEqual([body.id])
  })

  it('refuses a 问题类别 that is not a Q&A topic with TOPIC_UNKNOWN, and takes one that published items use', async () => {
    const asker = await signInDemoCitizen(app, '孙类别') // the daily limit stays with 钱七's questions
    const before = await app.db.policyQuestion.count()
    const unknown = await ask(asker, '我想问一下公积金贷款的额度是多少？', { topic: '随便写的类别' })
    expect([unknown.status, unknown.body.error.code, unknown.body.error.message, unknown.body.error.details.fields]).toEqual([
      400,
      'TOPIC_UNKNOWN',
      '问题类别不在问答主题列表中',
      { topic: '请从列出的问题类别中选择' },
    ])
    expect(await app.db.policyQuestion.count()).toBe(before)
    // Not in the topic list, but a published item's topic: listQaTopics offers it, so it is taken.
    await app.db.qaItem.create({
      data: { question: '公积金贷款额度怎么算？', answer: '按缴存余额计算。', topic: '公积金提取', status: 'PUBLISHED', publishedAt: monday },
    })
    expect((await app.request('/api/qa/topics')).body).toEqual(expect.arrayContaining([{ topic: '公积金提取', count: 1 }]))
    const known = await ask(asker, '我想问一下公积金贷款的额度是多少？', { topic: '公积金提取' })
    expect([known.status, known.body.topic]).toEqual([201, '公积金提取'])
  })

  it('returns the first receipt for a retried submit, and refuses the key with another text', async () => {
    const json = { text: '重复提交测试：公积金能不能提取出来付房租？', idempotencyKey: 'retry-question-0001' }
    const results = await Promise.all(Array.from({ length: 4 }, () => app.request('/api/policy-questions', { method: 'POST', headers: citizen.auth, json })))
    expect(new Set(results.map((r) => r.body.id)).size).toBe(1)
    const changed = await app.request('/api/policy-questions', { method: 'POST', headers: citizen.auth, json: { ...json, text: '换了内容' } })
    expect([changed.status, changed.body.error.code]).toEqual([422, 'IDEMPOTENCY_KEY_REUSED'])
  })

  it('checks the text with WeChat and marks risky questions for staff', async () => {
    const code = wechat.issueLoginCode('openid-policy-asker')
    const login = await app.request('/api/auth/wechat', { method: 'POST', json: { code } })
    await setCitizenConsent(app, login.body.me.id, 'current')
    const wx = { auth: { Authorization: `Bearer ${login.body.token}` } }
    wechat.markRisky('违规广告样例')
    const risky = await ask(wx, '违规广告样例：加微信办理落户')
    expect(risky.body.heldForReview).toBe(true)
    const fine = await ask(wx, '异地就医备案后回北京还能报销吗？')
    expect(fine.body.heldForReview).toBe(false)
    expect(wechat.requests.filter((r) => r.path === '/wxa/msg_sec_check')).toHaveLength(2)
    const queue = (await staff('/api/staff/policy-questions?status=PENDING')).body.items
    expect(queue.find((q: { id: number }) => q.id === risky.body.id)).toMatchObject({ secCheckSuggest: 'risky' })
  })

  it('limits each person to a few questions a day, with 429, and never a 500 under a burst', async () => {
    const busy = await signInDemoCitizen(app, '孙八')
    const results = await Promise.all(Array.from({ length: POLICY_QUESTION_DAILY_LIMIT + 4 }, (_, i) => ask(busy, `并发提问第 ${i} 条：社保断缴了怎么补？`)))
    expect(results.filter((r) => r.status === 201)).toHaveLength(POLICY_QUESTION_DAILY_LIMIT)
    expect(results.filter((r) => r.status === 429).every((r) => r.body.error.code === 'RATE_LIMITED')).toBe(true)
    expect(results.filter((r) => r.status === 429)).toHaveLength(4)
    // Others are not affected; and the next day the person may ask again.
    expect((await ask(citizen, '另一个人的提问不受影响吗？')).status).toBe(201)
    app.now.value = new Date(monday.getTime() + 25 * 3_600_000)
    expect((await ask(busy, '第二天可以再问吗？')).status).toBe(201)
    app.now.value = monday
  })

  it('refuses empty, oversized and malformed questions with field errors', async () => {
    expect((await ask(citizen, '')).body.error.details.fields.text).toBe('请填写问题')
    expect((await ask(citizen, '长'.repeat(1001))).body.error.details.fields.text).toMatch(/1000/)
    expect(
      (await app.request('/api/policy-questions', { method: 'POST', headers: citizen.auth, json: { text: '缺少提交编号' } })).body.error.details.fields
        .idempotencyKey,
    ).toBeDefined()
    expect((await ask(citizen, '文件不存在', { policyDocumentId: 99999 })).status).toBe(400)
    expect((await app.request('/api/policy-questions', { method: 'POST', json: { text: 'x', idempotencyKey: 'anonymous-key' } })).status).toBe(401)
  })
})

describe('answering and promoting', () => {
  let questionId: number

  it('lists overdue questions by working days, answers once and notifies the asker', async () => {
    questionId = (await ask(citizen, '灵活就业人员怎么交职工医保？每个月交多少钱？', { topic: '医疗' })).body.id
    expect((await staff('/api/staff/policy-questions?overdue=true')).body.items).toEqual([])
    // Monday + 5 working days is the next Monday: on Sunday it is not overdue, a week and a day later it is.
    app.now.value = shanghaiTime(2026, 11, 29, 23, 0)
    expect((await staff('/api/staff/policy-questions?overdue=true')).body.items).toEqual([])
    app.now.value = shanghaiTime(2026, 12, 1, 9, 0)
    const overdue = (await staff('/api/staff/policy-questions?overdue=true')).body.items
    expect(overdue.map((q: { id: number }) => q.id)).toContain(questionId)
    expect(overdue.every((q: { overdue: boolean }) => q.overdue)).toBe(true)

    const answered = await staff(`/api/staff/policy-questions/${questionId}/answer`, {
      decision: 'ANSWER',
      answer: '灵活就业人员可在医保服务平台以个人身份参加职工医保，按月缴纳，缴费基数在上年度平均工资的 60%–300% 之间自选。',
      departmentId,
    })
    expect(answered.body).toMatchObject({ status: 'ANSWERED', overdue: false, department: { id: departmentId } })
    expect((await staff(`/api/staff/policy-questions/${questionId}/answer`, { decision: 'DECLINE', reason: '重复' })).body.error.code).toBe(
      'QUESTION_ALREADY_ANSWERED',
    )

    const mine = (await app.request('/api/me/policy-questions', { headers: citizen.auth })).body.items.find((q: { id: number }) => q.id === questionId)
    expect(mine).toMatchObject({ status: 'ANSWERED', answer: expect.stringContaining('医保服务平台') })
    const notes = (await app.request('/api/me/notifications', { headers: citizen.auth })).body.items
    expect(notes[0]).toMatchObject({ title: '您的政策咨询已答复', link: `/packages/qa/pages/question/index?id=${questionId}` })
    app.now.value = monday
  })

  it('declines with a reason, which the asker sees', async () => {
    const id = (await ask(citizen, '帮我查一下邻居的社保缴费记录')).body.id
    expect((await staff(`/api/staff/policy-questions/${id}/answer`, { decision: 'DECLINE' })).body.error.details.fields.reason).toBeDefined()
    const declined = await staff(`/api/staff/policy-questions/${id}/answer`, { decision: 'DECLINE', reason: '涉及他人个人信息，不能查询' })
    expect(declined.body).toMatchObject({ status: 'DECLINED', declineReason: '涉及他人个人信息，不能查询' })
    expect((await staff(`/api/staff/policy-questions/${id}/promote`, { question: 'x', topic: '社保' })).body.error.code).toBe('QUESTION_NOT_ANSWERED')
  })

  it('promotes a good answer into the library in one step, searchable at once', async () => {
    const promoted = await staff(`/api/staff/policy-questions/${questionId}/promote`, {
      question: '灵活就业人员怎样参加职工医保，缴费标准是多少？',
      topic: '医疗',
    })
    expect(promoted.status).toBe(201)
    expect(promoted.body).toMatchObject({
      status: 'PUBLISHED',
      topic: '医疗',
      department: { id: departmentId },
      answer: expect.stringContaining('医保服务平台'),
    })
    const found = await app.request(`/api/qa/search?q=${encodeURIComponent('打零工的怎么交医保')}`)
    expect(found.body.items[0].id).toBe(promoted.body.id)
    expect((await staff(`/api/staff/policy-questions/${questionId}/promote`, { question: '再来一次', topic: '医疗' })).body.error.code).toBe('ALREADY_PROMOTED')
    expect((await staff('/api/staff/policy-questions?status=ANSWERED')).body.items.find((q: { id: number }) => q.id === questionId).promotedItemId).toBe(
      promoted.body.id,
    )
    const audit = await app.db.auditLog.findMany({ where: { entity: 'policyQuestion' }, select: { action: true } })
    expect(new Set(audit.map((a) => a.action))).toEqual(new Set(['answerPolicyQuestion', 'promotePolicyQuestion']))
  })
})

describe('the asker’s personal data', () => {
  it('lists their questions in the export, and not another person’s', async () => {
    const asker = await signInDemoCitizen(app, '周九')
    const asked = (await ask(asker, '公租房申请需要在高新区缴纳社保满几年？', { topic: '住房' })).body
    const exported = (await app.request('/api/me/data', { headers: asker.auth })).body
    expect(exported.policyQuestions).toEqual([
      { receiptCode: asked.receiptCode, text: '公租房申请需要在高新区缴纳社保满几年？', status: 'PENDING', createdAt: expect.any(String), answeredAt: null },
    ])
    const other = (await app.request('/api/me/data', { headers: citizen.auth })).body
    expect(other.policyQuestions.map((q: { receiptCode: string }) => q.receiptCode)).not.toContain(asked.receiptCode)
  })
})
