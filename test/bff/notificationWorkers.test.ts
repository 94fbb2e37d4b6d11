// Two BFF processes draining one subscribe-message queue: every queued message reaches WeChat exactly once.
import { type FakeWechat, startFakeWechat } from '../../bff/src/dev/fakeWechat/server'
import { buildTemplateData } from '../../bff/src/integrations/wechat/templateData'
import { notify } from '../../bff/src/services/notification'
import { type BffProcess, startBffProcess } from '../support/bffProcess'
import { startTestApp, TEST_WECHAT, type TestApp } from '../support/testApp'

jest.setTimeout(90_000)

let wechat: FakeWechat
let app: TestApp
const processes: BffProcess[] = []

beforeAll(async () => {
  wechat = await startFakeWechat(TEST_WECHAT)
  // This app only queues (its own worker is not started); the two processes below send.
  app = await startTestApp({ wechatBaseUrl: wechat.baseUrl, settings: { templates: { REGISTRATION_RESULT: 'tmpl-registration' } } })
})
afterAll(async () => {
  await Promise.all(processes.map((p) => p.stop()))
  await app.close()
  await wechat.close()
})

it('200 queued messages, two processes sending every 100 ms with WeChat answering slowly: each delivered once', async () => {
  const citizens = 200
  for (let i = 0; i < citizens; i++) {
    const { body } = await app.request('/api/auth/wechat', { method: 'POST', json: { code: wechat.issueLoginCode(`openid-worker-${i}`) } })
    await app.db.subscribeCredit.create({ data: { citizenId: body.me.id, kind: 'REGISTRATION_RESULT', credits: 1 } })
    await app.db.$transaction((tx) =>
      notify(app.deps, tx, {
        citizenId: body.me.id,
        kind: 'REGISTRATION_RESULT',
        title: '活动报名：已入选',
        body: '您报名的开放日已入选',
        templateData: buildTemplateData({ thing1: '高新区污水处理厂公众开放日', phrase2: '已入选', time3: new Date('2026-12-20T01:30:00Z') }),
        dedupeKey: `registration:${i}:SELECTED`,
      }),
    )
  }
  // Slow answers keep sends of both processes in flight at the same time.
  for (let i = 0; i < 40; i++) wechat.failNext('/cgi-bin/message/subscribe/send', { delayMs: 150 })
  const env = {
    WECHAT_API_BASE: wechat.baseUrl,
    WECHAT_APPID: TEST_WECHAT.appId,
    WECHAT_SECRET: TEST_WECHAT.secret,
    WECHAT_TEMPLATE_REGISTRATION_RESULT: 'tmpl-registration',
    DELIVERY_INTERVAL_MS: '100',
  }
  processes.push(...(await Promise.all([startBffProcess(app.databaseUrl, env), startBffProcess(app.databaseUrl, env)])))
  const deadline = Date.now() + 60_000
  while (Date.now() < deadline && (await app.db.notificationDelivery.count({ where: { status: 'SENT' } })) < citizens)
    await new Promise((r) => setTimeout(r, 200))

  expect(await app.db.notificationDelivery.count({ where: { status: 'SENT' } })).toBe(citizens)
  expect(wechat.delivered).toHaveLength(citizens)
  expect(new Set(wechat.delivered.map((m) => m.touser)).size).toBe(citizens)
  // Both processes took part (each fetched its own access_token before its first send).
  expect(wechat.requests.filter((r) => r.path === '/cgi-bin/stable_token').length).toBeGreaterThanOrEqual(2)
})
