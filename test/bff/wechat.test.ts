import { buildTemplateData, createMemoryTokenCache, WechatError, type WechatClient } from '../../bff/src/integrations/wechat'
import { capturingLogger, manualClock, startWechat, TEST_SECRET, tokenRequests, type FakeWechat } from '../support/fakeWechat'

let fake: FakeWechat
let client: WechatClient
let newClient: Awaited<ReturnType<typeof startWechat>>['newClient']
let clock: ReturnType<typeof manualClock>
let close: () => Promise<void>

beforeEach(async () => {
  clock = manualClock()
  ;({ fake, client, newClient, close } = await startWechat({ clock: clock.now }))
})
afterEach(() => close())

/** The error a promise rejects with, so tests can assert on its fields. */
async function failure(promise: Promise<unknown>): Promise<WechatError> {
  const outcome = await promise.then(
    () => undefined,
    (err: unknown) => err,
  )
  if (!(outcome instanceof WechatError)) throw new Error(`expected a WechatError, got ${String(outcome)}`)
  return outcome
}

const SEND_PATH = '/cgi-bin/message/subscribe/send'
const CHECK_PATH = '/wxa/msg_sec_check'

describe('login with code2Session', () => {
  it('exchanges a login code for the openid, unionid and session key', async () => {
    const code = fake.issueLoginCode('o_citizen_1', { unionid: 'u_citizen_1' })
    const session = await client.code2Session(code)
    expect(session).toEqual({ openid: 'o_citizen_1', unionid: 'u_citizen_1', sessionKey: expect.any(String) })
    expect(fake.requests[0]).toMatchObject({
      method: 'GET',
      path: '/sns/jscode2session',
      query: { appid: expect.any(String), secret: TEST_SECRET, js_code: code, grant_type: 'authorization_code' },
    })
  })

  it('leaves unionid out when WeChat has none', async () => {
    expect(await client.code2Session(fake.issueLoginCode('o_citizen_2'))).toEqual({ openid: 'o_citizen_2', sessionKey: expect.any(String) })
  })

  it('rejects an unknown code with a non-retryable 40029', async () => {
    const error = await failure(client.code2Session('not-a-real-code'))
    expect(error).toMatchObject({ errcode: 40029, retryable: false, kind: 'errcode', api: 'jscode2session' })
  })

  it('rejects a code used a second time with 40163', async () => {
    const code = fake.issueLoginCode('o_citizen_3')
    await client.code2Session(code)
    expect(await failure(client.code2Session(code))).toMatchObject({ errcode: 40163, retryable: false })
  })

  it('rejects a code older than five minutes', async () => {
    const code = fake.issueLoginCode('o_citizen_4')
    clock.advance(5 * 60_000 + 1)
    expect(await failure(client.code2Session(code))).toMatchObject({ errcode: 40029 })
  })

  it('reports a wrong secret as 40125 without repeating the secret', async () => {
    const wrongSecret = 'definitely-wrong-secret'
    const error = await failure(newClient({ secret: wrongSecret }).code2Session(fake.issueLoginCode('o_citizen_5')))
    expect(error.errcode).toBe(40125)
    expect(error.message).not.toContain(wrongSecret)
  })
})

describe('access_token', () => {
  it('fetches the stable token once and serves later calls from the cache', async () => {
    const tokens = [await client.getAccessToken(), await client.getAccessToken(), await client.getAccessToken()]
    expect(new Set(tokens).size).toBe(1)
    expect(tokenRequests(fake)).toHaveLength(1)
    expect(tokenRequests(fake)[0]).toMatchObject({
      method: 'POST',
      body: { grant_type: 'client_credential', appid: expect.any(String), secret: TEST_SECRET, force_refresh: false },
    })
  })

  it('keeps the token until five minutes before expiry, then 50 concurrent callers share ONE refresh', async () => {
    const first = await client.getAccessToken()
    clock.advance(7_200_000 - 5 * 60_000 - 1_000)
    expect(await client.getAccessToken()).toBe(first)
    expect(tokenRequests(fake)).toHaveLength(1)

    clock.advance(2_000)
    const tokens = await Promise.all(Array.from({ length: 50 }, () => client.getAccessToken()))
    expect(new Set(tokens)).toEqual(new Set([tokens[0]]))
    expect(tokens[0]).not.toBe(first)
    expect(tokenRequests(fake)).toHaveLength(2)
  })

  it('after WeChat expires the token, 50 concurrent API calls refresh once and all succeed', async () => {
    const openid = 'o_expiry'
    fake.issueLoginCode(openid)
    await client.getAccessToken()
    fake.expireTokens()

    await Promise.all(
      Array.from({ length: 50 }, (_, i) => client.sendSubscribeMessage({ openid, templateId: 'tpl_answered', data: { thing1: { value: `第${i}条` } } })),
    )
    expect(fake.delivered).toHaveLength(50)
    expect(tokenRequests(fake)).toHaveLength(2)
    const rejected = fake.requests.filter((r) => r.path === SEND_PATH).length - 50
    expect(rejected).toBeGreaterThan(0)
  })

  it('forces a refresh when WeChat rejects a token it still hands out, then retries once', async () => {
    fake.issueLoginCode('o_forced')
    const before = await client.getAccessToken()
    fake.failNext(SEND_PATH, { errcode: 40001, errmsg: 'invalid credential, access_token is invalid or not latest' })

    await client.sendSubscribeMessage({ openid: 'o_forced', templateId: 'tpl', data: { thing1: { value: '测试' } } })
    expect(tokenRequests(fake).map((r) => (r.body as { force_refresh: boolean }).force_refresh)).toEqual([false, false, true])
    expect(await client.getAccessToken()).not.toBe(before)
    expect(fake.delivered).toHaveLength(1)
  })

  it('gives up after one retry when the fresh token is rejected as well', async () => {
    fake.issueLoginCode('o_twice')
    fake.failNext(SEND_PATH, { errcode: 42001, errmsg: 'access_token expired' })
    fake.failNext(SEND_PATH, { errcode: 42001, errmsg: 'access_token expired' })
    const error = await failure(client.sendSubscribeMessage({ openid: 'o_twice', templateId: 'tpl', data: { thing1: { value: '测试' } } }))
    expect(error.errcode).toBe(42001)
    expect(fake.requests.filter((r) => r.path === SEND_PATH)).toHaveLength(2)
  })

  it('forceRefresh gets a new token from WeChat and the old one stops working', async () => {
    fake.issueLoginCode('o_force')
    const old = await client.getAccessToken()
    const renewed = await client.getAccessToken({ forceRefresh: true })
    expect(renewed).not.toBe(old)
    expect(tokenRequests(fake).at(-1)?.body).toMatchObject({ force_refresh: true })
    const stale = newClient({ tokenCache: cacheHolding(old, clock.now()) })
    await stale.sendSubscribeMessage({ openid: 'o_force', templateId: 'tpl', data: { thing1: { value: '测试' } } })
    expect(fake.requests.filter((r) => r.path === SEND_PATH).map((r) => r.query.access_token)).toEqual([old, renewed])
  })

  it('keeps using a still-valid token when the early refresh fails', async () => {
    const current = await client.getAccessToken()
    clock.advance(7_200_000 - 60_000)
    fake.failNext('/cgi-bin/stable_token', { status: 503 })
    expect(await client.getAccessToken()).toBe(current)
  })

  it('fails with a retryable error when there is no token and WeChat is down', async () => {
    fake.failNext('/cgi-bin/stable_token', { status: 502 })
    expect(await failure(client.getAccessToken())).toMatchObject({ kind: 'http', status: 502, retryable: true, errcode: -1 })
  })

  it('concurrent callers in one process join a single in-flight refresh instead of queueing on the lock', async () => {
    const cache = createMemoryTokenCache()
    let lockAttempts = 0
    const counting = { ...cache, tryLock: (ttlMs: number) => (lockAttempts++, cache.tryLock(ttlMs)) }
    const tokens = await Promise.all(Array.from({ length: 50 }, () => newClient({ tokenCache: counting }).getAccessToken()))
    expect(new Set(tokens).size).toBe(1)
    expect(lockAttempts).toBeGreaterThan(1)

    lockAttempts = 0
    const shared = newClient({ tokenCache: counting })
    clock.advance(7_000_000)
    await Promise.all(Array.from({ length: 50 }, () => shared.getAccessToken()))
    expect(lockAttempts).toBe(1)
  })

  it('two clients sharing one in-process cache refresh once', async () => {
    const tokenCache = createMemoryTokenCache()
    const [a, b] = [newClient({ tokenCache }), newClient({ tokenCache })]
    const tokens = await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? a : b).getAccessToken()))
    expect(new Set(tokens).size).toBe(1)
    expect(tokenRequests(fake)).toHaveLength(1)
  })
})

describe('msgSecCheck (v2)', () => {
  const openid = 'o_writer'
  beforeEach(() => {
    fake.issueLoginCode(openid)
  })

  it('passes ordinary text and sends WeChat the v2 request shape', async () => {
    const verdict = await client.msgSecCheck({ openid, content: '建议在小区门口增设非机动车停放点', scene: 2, title: '关于停车的建议' })
    expect(verdict).toEqual({ suggest: 'pass', label: 100, traceId: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{8}$/) })
    const request = fake.requests.find((r) => r.path === CHECK_PATH)
    expect(request?.query.access_token).toBe(await client.getAccessToken())
    expect(request?.body).toEqual({ content: '建议在小区门口增设非机动车停放点', version: 2, scene: 2, openid, title: '关于停车的建议' })
  })

  it('returns risky with WeChat’s label for marked content', async () => {
    fake.markRisky('违禁词', 'risky', 20006)
    expect(await client.msgSecCheck({ openid, content: '这里有违禁词', scene: 2 })).toMatchObject({ suggest: 'risky', label: 20006 })
  })

  it('returns review when WeChat is unsure', async () => {
    fake.markRisky('可疑', 'review', 20001)
    expect(await client.msgSecCheck({ openid, content: '一段可疑的话', scene: 3 })).toMatchObject({ suggest: 'review', label: 20001 })
  })

  it('checks the title too', async () => {
    fake.markRisky('违禁词')
    expect((await client.msgSecCheck({ openid, content: '正文正常', scene: 2, title: '标题含违禁词' })).suggest).toBe('risky')
  })

  it('checks content over 2,500 characters in overlapping chunks WeChat accepts', async () => {
    const content = '好'.repeat(6_000)
    expect((await client.msgSecCheck({ openid, content, scene: 2 })).suggest).toBe('pass')
    const chunks = fake.requests.filter((r) => r.path === CHECK_PATH).map((r) => (r.body as { content: string }).content)
    expect(chunks).toHaveLength(3)
    expect(chunks.every((chunk) => chunk.length <= 2_500)).toBe(true)
  })

  it('finds a risky phrase that straddles a chunk boundary and reports the worst verdict', async () => {
    fake.markRisky('可疑', 'review')
    fake.markRisky('违禁词')
    const content = '可疑' + '好'.repeat(2_496) + '违禁词' + '好'.repeat(3_000)
    expect(await client.msgSecCheck({ openid, content, scene: 2 })).toMatchObject({ suggest: 'risky', label: 21000 })
  })

  it('stops checking once a chunk is risky', async () => {
    fake.markRisky('违禁词')
    await client.msgSecCheck({ openid, content: '违禁词' + '好'.repeat(7_000), scene: 2 })
    expect(fake.requests.filter((r) => r.path === CHECK_PATH)).toHaveLength(1)
  })

  it('rejects an openid that has not used the mini-program with 40003', async () => {
    expect(await failure(client.msgSecCheck({ openid: 'o_stranger', content: '你好', scene: 2 }))).toMatchObject({ errcode: 40003, retryable: false })
  })
})

describe('subscribe messages', () => {
  const openid = 'o_subscriber'
  beforeEach(() => {
    fake.issueLoginCode(openid)
  })

  it('sends touser, template_id, page, data, miniprogram_state and lang as WeChat expects', async () => {
    const data = buildTemplateData({ thing1: '关于加装电梯的意见', phrase2: '已答复', time3: new Date('2026-03-02T08:30:00Z') })
    await client.sendSubscribeMessage({ openid, templateId: 'tpl_answered', page: 'packages/consultations/pages/opinion/index?id=7', data })
    expect(fake.delivered).toEqual([
      {
        touser: openid,
        template_id: 'tpl_answered',
        page: 'packages/consultations/pages/opinion/index?id=7',
        data: { thing1: { value: '关于加装电梯的意见' }, phrase2: { value: '已答复' }, time3: { value: '2026年03月02日 16:30' } },
        miniprogram_state: 'formal',
        lang: 'zh_CN',
      },
    ])
  })

  it('reports a refused subscription as a non-retryable 43101', async () => {
    fake.refuseSubscriptions(openid)
    const error = await failure(client.sendSubscribeMessage({ openid, templateId: 'tpl', data: { thing1: { value: '通知' } } }))
    expect(error).toMatchObject({ errcode: 43101, retryable: false })
    expect(fake.delivered).toHaveLength(0)
  })

  it('gets 47003 for a thing over 20 characters, which the template helper prevents', async () => {
    const title = '关于本市老旧小区加装电梯与停车位改造的补充意见征集'
    const error = await failure(client.sendSubscribeMessage({ openid, templateId: 'tpl', data: { thing1: { value: title } } }))
    expect(error).toMatchObject({ errcode: 47003, retryable: false })
    expect(error.errmsg).toContain('data.thing1.value')

    await client.sendSubscribeMessage({ openid, templateId: 'tpl', data: buildTemplateData({ thing1: title }) })
    expect(fake.delivered[0]?.data.thing1?.value).toBe('关于本市老旧小区加装电梯与停车位改造的…')
  })

  it.each([
    ['HTTP 500', { status: 500 }, { kind: 'http', status: 500 }],
    ['errcode -1 system busy', { errcode: -1, errmsg: 'system error' }, { kind: 'errcode', errcode: -1 }],
    ['errcode 45009 quota', { errcode: 45009, errmsg: 'reach max api daily quota limit' }, { kind: 'errcode', errcode: 45009 }],
  ])('marks a transient failure (%s) as retryable', async (_name, failureMode, expected) => {
    fake.failNext(SEND_PATH, failureMode)
    const error = await failure(client.sendSubscribeMessage({ openid, templateId: 'tpl', data: { thing1: { value: '通知' } } }))
    expect(error).toMatchObject({ ...expected, retryable: true })
    await client.sendSubscribeMessage({ openid, templateId: 'tpl', data: { thing1: { value: '通知' } } })
    expect(fake.delivered).toHaveLength(1)
  })

  it('times out a slow answer with a retryable error', async () => {
    const impatient = newClient({ timeoutMs: 200 })
    await impatient.getAccessToken()
    fake.failNext(SEND_PATH, { delayMs: 2_000 })
    const started = Date.now()
    const error = await failure(impatient.sendSubscribeMessage({ openid, templateId: 'tpl', data: { thing1: { value: '通知' } } }))
    expect(error).toMatchObject({ kind: 'timeout', retryable: true, errcode: -1 })
    expect(Date.now() - started).toBeLessThan(1_500)
  })

  it('reports an unreachable WeChat as a retryable network error', async () => {
    await close()
    const error = await failure(client.code2Session('any'))
    expect(error).toMatchObject({ kind: 'network', retryable: true })
    close = async () => {}
  })
})

describe('getPhoneNumber', () => {
  it('returns the phone number for a phone code', async () => {
    fake.setPhoneNumber('phone-code-1', '13800138000')
    expect(await client.getPhoneNumber('phone-code-1')).toEqual({ phoneNumber: '13800138000', purePhoneNumber: '13800138000', countryCode: '86' })
    expect(fake.requests.at(-1)).toMatchObject({ method: 'POST', path: '/wxa/business/getuserphonenumber', body: { code: 'phone-code-1' } })
  })

  it('includes the country code for a number outside the mainland', async () => {
    fake.setPhoneNumber('phone-code-hk', '51234567', '852')
    expect(await client.getPhoneNumber('phone-code-hk')).toEqual({ phoneNumber: '+85251234567', purePhoneNumber: '51234567', countryCode: '852' })
  })

  it('rejects a phone code used twice with 40029', async () => {
    fake.setPhoneNumber('phone-code-2', '13900139000')
    await client.getPhoneNumber('phone-code-2')
    expect(await failure(client.getPhoneNumber('phone-code-2'))).toMatchObject({ errcode: 40029, retryable: false })
  })
})

describe('secrets', () => {
  it('never logs the secret, an access_token or a session key, even at trace level', async () => {
    const { log, text } = capturingLogger()
    const traced = newClient({ log })
    const session = await traced.code2Session(fake.issueLoginCode('o_private'))
    await traced.sendSubscribeMessage({ openid: 'o_private', templateId: 'tpl', data: { thing1: { value: '通知' } } })
    fake.expireTokens()
    await traced.msgSecCheck({ openid: 'o_private', content: '你好', scene: 2 })
    await failure(traced.code2Session('bad-code'))

    const tokens = fake.requests.map((r) => r.query.access_token).filter(Boolean) as string[]
    expect(tokens.length).toBeGreaterThan(1)
    expect(text()).toContain('wechat')
    for (const secretValue of [TEST_SECRET, session.sessionKey, ...tokens]) expect(text()).not.toContain(secretValue)
  })
})

/** A cache already holding `token`, as another instance would have left it. */
function cacheHolding(token: string, at: Date) {
  const cache = createMemoryTokenCache()
  void cache.set({ token, expiresAt: at.getTime() + 7_000_000, refreshAt: at.getTime() + 6_000_000 }, 7_000_000)
  return cache
}
