// Every moment a citizen cares about reaches WeChat once when they hold a subscription for it, always in-app, and survives WeChat being down.
import { type FakeWechat, startFakeWechat } from '../../bff/src/dev/fakeWechat/server'
import { buildTemplateData } from '../../bff/src/integrations/wechat/templateData'
import { notify, processDeliveries } from '../../bff/src/services/notification'
import { sendFollowAlerts } from '../../bff/src/services/follow'
import { sendDueReminders } from '../../bff/src/services/registration'
import { setCitizenConsent, signInStaff } from '../support/identity'
import { startTestApp, TEST_WECHAT, type TestApp } from '../support/testApp'

const TEMPLATES = {
  OPINION_ANSWERED: 'tmpl-answered',
  REGISTRATION_RESULT: 'tmpl-registration',
  EVENT_REMINDER: 'tmpl-reminder',
  EVENT_OUTCOME: 'tmpl-outcome',
  FOLLOW_UPDATE: 'tmpl-follow',
} as const

let wechat: FakeWechat
let app: TestApp
let departmentId: number
/** A fresh staff session at the test clock's time (tests move the clock past a session's life). */
const reviewer = async () => (await signInStaff(app, 'REVIEWER', undefined, { departments: [departmentId] })).auth

beforeAll(async () => {
  wechat = await startFakeWechat(TEST_WECHAT)
  app = await startTestApp({ wechatBaseUrl: wechat.baseUrl, settings: { templates: TEMPLATES } })
  departmentId = (await app.db.department.create({ data: { name: '高新区建设局' } })).id
})
afterAll(async () => {
  await app.close()
  await wechat.close()
})

let seq = 0
async function citizen(subscribe: (keyof typeof TEMPLATES)[] = []) {
  const openid = `openid-moment-${++seq}`
  const { status, body } = await app.request('/api/auth/wechat', { method: 'POST', json: { code: wechat.issueLoginCode(openid) } })
  if (status !== 200) throw new Error(`login failed: ${status}`)
  const auth = { Authorization: `Bearer ${body.token}` }
  await setCitizenConsent(app, body.me.id, 'current')
  // Each accepted subscription is one message; accept generously (three kinds per request, as WeChat allows).
  for (let i = 0; i < 3; i++)
    for (let k = 0; k < subscribe.length; k += 3)
      await app.request('/api/me/subscriptions', { method: 'POST', headers: auth, json: { accepted: subscribe.slice(k, k + 3) } })
  return { id: body.me.id as number, openid, auth }
}

const sentTo = (openid: string, template?: string) => wechat.delivered.filter((m) => m.touser === openid && (!template || m.template_id === template))
const inbox = async (citizenId: number) => app.db.notification.findMany({ where: { citizenId }, orderBy: { id: 'asc' } })
async function drain() {
  for (let i = 0; i < 5; i++) await processDeliveries(app.deps, 100)
}

async function openEvent(title: string, startsInHours = 72) {
  const [event] = await app.db.$queryRaw<{ id: number }[]>`
    INSERT INTO event (kind, title, description, place, department_id, starts_at, ends_at, signup_opens_at, signup_closes_at,
                       capacity, reserved_seats, waitlist_capacity, selection_mode, published_at)
    VALUES ('OPEN_DAY', ${title}, '—', '高新区市民中心三楼', ${departmentId}, ${new Date(app.now.value.getTime() + startsInHours * 3_600_000)},
            ${new Date(app.now.value.getTime() + (startsInHours + 3) * 3_600_000)},
            ${new Date(app.now.value.getTime() - 86_400_000)}, ${new Date(app.now.value.getTime() + 3_600_000)}, 1, 0, 5, 'FIRST_COME', ${new Date(app.now.value.getTime() - 86_400_000)})
    RETURNING id`
  return event!.id
}
const join = (eventId: number, who: { auth: Record<string, string> }, name: string) =>
  app.request(`/api/events/${eventId}/registrations`, { method: 'POST', headers: who.auth, json: { name, phone: '13800138000', category: 'PUBLIC' } })

describe('event moments', () => {
  it('signup selected and waitlisted, cancellation and the day-before reminder: each once, on WeChat only with a subscription', async () => {
    const eventId = await openEvent('高新区污水处理厂公众开放日（第三期，含管网参观与座谈）')
    const seated = await citizen(['REGISTRATION_RESULT', 'EVENT_REMINDER'])
    const waiting = await citizen(['REGISTRATION_RESULT'])
    const unsubscribed = await citizen()
    expect((await join(eventId, seated, '王秀兰')).body.status).toBe('SELECTED')
    expect((await join(eventId, waiting, '李建国')).body.status).toBe('WAITLISTED')
    expect((await join(eventId, unsubscribed, '赵德明')).body.status).toBe('WAITLISTED')

    // The day before: the reminder round runs on two workers; the selected person is reminded once.
    app.now.value = new Date(app.now.value.getTime() + 50 * 3_600_000)
    await Promise.all([sendDueReminders(app.deps), sendDueReminders(app.deps)])
    await sendDueReminders(app.deps)

    const cancel = async () =>
      app.request(`/api/staff/events/${eventId}/cancel`, { method: 'POST', headers: await reviewer(), json: { reason: '台风预警，开放日取消，另行通知' } })
    expect((await cancel()).status).toBe(200)
    await drain()

    expect(sentTo(seated.openid).map((m) => [m.template_id, m.data.phrase2?.value ?? m.data.thing3?.value])).toEqual([
      ['tmpl-registration', '已入选'],
      ['tmpl-reminder', '高新区市民中心三楼'],
      ['tmpl-registration', '已取消'],
    ])
    expect(sentTo(waiting.openid).map((m) => m.data.phrase2?.value)).toEqual(['候补', '已取消'])
    for (const m of wechat.delivered) for (const { value } of Object.values(m.data)) expect([...value].length).toBeLessThanOrEqual(20)
    expect(sentTo(unsubscribed.openid)).toEqual([])
    expect((await inbox(unsubscribed.id)).map((n) => n.title)).toEqual(['活动报名：候补', '活动已取消'])
    expect((await inbox(seated.id)).map((n) => n.title)).toEqual(['活动报名：已入选', '活动提醒：明天参加', '活动已取消'])
    const link = (await inbox(seated.id)).at(-1)!.link
    expect(link).toBe(`/packages/event/pages/detail/index?id=${eventId}`)
  })

  it('the meeting outcome reaches 列席 attendees on the 会议结果 template, once', async () => {
    const eventId = await openEvent('《高新区慢行交通规划》决策会议列席', 1)
    const attendee = await citizen(['EVENT_OUTCOME', 'REGISTRATION_RESULT'])
    expect((await join(eventId, attendee, '孙丽华')).body.status).toBe('SELECTED')
    app.now.value = new Date(app.now.value.getTime() + 6 * 3_600_000)
    const summary = '会议审议通过慢行交通规划，采纳列席代表关于学校周边增设过街设施的建议，规划将于下月公布。'
    const outcome = await app.request(`/api/staff/events/${eventId}/outcome`, { method: 'PUT', headers: await reviewer(), json: { summary } })
    expect(outcome.status).toBe(200)
    await drain()
    const sent = sentTo(attendee.openid, 'tmpl-outcome')
    expect(sent).toHaveLength(1)
    expect([...sent[0]!.data.thing2!.value]).toHaveLength(20)
    expect(sent[0]!.data.thing2!.value.endsWith('…')).toBe(true)
  })
})

describe('WeChat down', () => {
  it('retries with backoff through 7 failed attempts (hours of outage) and delivers once after WeChat is back', async () => {
    const eventId = await openEvent('高新区图书馆新馆开放日')
    const someone = await citizen(['REGISTRATION_RESULT'])
    await drain()
    for (let i = 0; i < 7; i++) wechat.failNext('/cgi-bin/message/subscribe/send', { status: 503 })
    await join(eventId, someone, '周志强')
    const delivery = async () => (await app.db.notificationDelivery.findMany({ where: { notification: { citizenId: someone.id } } }))[0]!
    for (let round = 1; round <= 7; round++) {
      await processDeliveries(app.deps)
      expect(await delivery()).toMatchObject({ status: 'PENDING', attempts: round })
      expect(sentTo(someone.openid)).toEqual([])
      app.now.value = new Date((await delivery()).nextAttemptAt.getTime() + 1)
    }
    await processDeliveries(app.deps)
    await processDeliveries(app.deps)
    expect(await delivery()).toMatchObject({ status: 'SENT', attempts: 8 })
    expect(sentTo(someone.openid)).toHaveLength(1)
  })
})

describe('follow moments', () => {
  it('a followed decision opening and closing, and a followed topic getting a policy and Q&A: each told once per follower', async () => {
    const decision = await app.db.decision.create({
      data: {
        year: 2026,
        title: '高新区老旧小区改造三年行动',
        summary: '—',
        departmentId,
        plannedDecisionAt: '2026年第四季度',
        participationMethods: [],
        publishedAt: new Date(),
      },
    })
    const follower = await citizen(['FOLLOW_UPDATE'])
    const byDepartment = await citizen(['FOLLOW_UPDATE'])
    const bystander = await citizen(['FOLLOW_UPDATE'])
    await app.db.qaTopic.upsert({ where: { name: '住房' }, create: { name: '住房' }, update: {} })
    expect((await app.request(`/api/me/follows/DECISION/${decision.id}`, { method: 'PUT', headers: follower.auth })).status).toBe(200)
    expect((await app.request(`/api/me/follows/TOPIC/${encodeURIComponent('住房')}`, { method: 'PUT', headers: follower.auth })).status).toBe(200)
    expect((await app.request(`/api/me/follows/DEPARTMENT/${departmentId}`, { method: 'PUT', headers: byDepartment.auth })).status).toBe(200)

    const now = app.now.value.getTime()
    const day = 86_400_000
    const [consultation] = await app.db.$queryRaw<{ id: number }[]>`
      INSERT INTO consultation (decision_id, department_id, title, summary, is_major_decision, opens_at, closes_at, published_at, short_window_reason)
      VALUES (${decision.id}, ${departmentId}, '高新区老旧小区改造三年行动方案（征求意见稿）', '—', true, ${new Date(now + 1_000)}, ${new Date(now + 10 * day)}, ${new Date(now)}, '汛期前须完成方案论证')
      RETURNING id`
    await app.db.policyDocument.create({
      data: {
        title: '高新区人才公寓配租管理办法',
        issuer: '高新区管委会',
        docNumber: '高新管〔2026〕12号',
        writtenAt: new Date(now),
        publishedAt: new Date(now),
        topic: '住房',
        status: 'PUBLISHED',
        releasedAt: new Date(now + 2_000),
      },
    })
    for (const question of ['人才公寓怎么申请？', '人才公寓租金多少？'])
      await app.db.qaItem.create({ data: { question, answer: '详见配租管理办法。', topic: '住房', status: 'PUBLISHED', publishedAt: new Date(now + 3_000) } })

    app.now.value = new Date(now + 60_000)
    await Promise.all([sendFollowAlerts(app.deps), sendFollowAlerts(app.deps)])
    await sendFollowAlerts(app.deps)
    // Three days before closing.
    app.now.value = new Date(now + 8 * day)
    await Promise.all([sendFollowAlerts(app.deps), sendFollowAlerts(app.deps)])
    await sendFollowAlerts(app.deps)
    await drain()

    expect((await inbox(follower.id)).map((n) => [n.title, n.dedupeKey])).toEqual(
      expect.arrayContaining([
        ['关注的意见征集已开始', `consultation-opened:${consultation!.id}`],
        ['关注的主题有新政策', expect.stringMatching(/^topic-policy:/)],
        ['关注的主题有新问答', expect.stringMatching(/^topic-qa:住房:/)],
        ['关注的意见征集即将截止', `consultation-closing:${consultation!.id}`],
      ]),
    )
    expect(await inbox(follower.id)).toHaveLength(4)
    expect((await inbox(follower.id)).find((n) => n.title === '关注的主题有新问答')!.body).toContain('新增 2 条')
    expect(sentTo(follower.openid, 'tmpl-follow')).toHaveLength(3) // three subscriptions accepted, four moments: the fourth stays in-app
    expect((await inbox(byDepartment.id)).map((n) => n.title).sort()).toEqual(['关注的意见征集即将截止', '关注的意见征集已开始'])
    expect(await inbox(bystander.id)).toEqual([])
    expect(sentTo(bystander.openid)).toEqual([])
  })
})

describe('one moment, one message', () => {
  it('raising a moment again (or from another transaction at once) adds nothing and spends no second subscription', async () => {
    const someone = await citizen(['OPINION_ANSWERED'])
    const raise = () =>
      app.db.$transaction((tx) =>
        notify(app.deps, tx, {
          citizenId: someone.id,
          kind: 'OPINION_ANSWERED',
          title: '您的政策咨询已答复',
          body: '详见答复',
          templateData: buildTemplateData({ thing1: '人才公寓怎么申请', phrase2: '已答复', time3: app.now.value }),
          dedupeKey: 'question-answered:999',
        }),
      )
    const results = await Promise.allSettled([raise(), raise(), raise()])
    expect(results.every((r) => r.status === 'fulfilled')).toBe(true)
    await drain()
    expect(await inbox(someone.id)).toHaveLength(1)
    expect(sentTo(someone.openid)).toHaveLength(1)
    expect((await app.db.subscribeCredit.findUniqueOrThrow({ where: { citizenId_kind: { citizenId: someone.id, kind: 'OPINION_ANSWERED' } } })).credits).toBe(2)
  })
})
