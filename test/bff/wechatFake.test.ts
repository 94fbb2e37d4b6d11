import { manualClock, startFakeWechat, TEST_APPID, TEST_SECRET, type FakeWechat } from '../support/fakeWechat'

// The fake must behave like WeChat for the client tests to mean anything: these pin its protocol.

let fake: FakeWechat
let clock: ReturnType<typeof manualClock>
beforeEach(async () => {
  clock = manualClock()
  fake = await startFakeWechat({ appId: TEST_APPID, secret: TEST_SECRET, clock: clock.now })
})
afterEach(() => fake.close())

async function call(path: string, init: { query?: Record<string, string>; body?: unknown; method?: string } = {}) {
  const url = `${fake.baseUrl}${path}${init.query ? `?${new URLSearchParams(init.query)}` : ''}`
  const response = await fetch(url, {
    method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  })
  return { status: response.status, body: await response.json().catch(() => undefined) }
}

const stableToken = (overrides: Record<string, unknown> = {}) =>
  call('/cgi-bin/stable_token', { body: { grant_type: 'client_credential', appid: TEST_APPID, secret: TEST_SECRET, ...overrides } })

describe('fake WeChat', () => {
  it('answers stable_token with the same token and its remaining life while it is valid', async () => {
    const first = (await stableToken()).body
    expect(first).toEqual({ access_token: expect.any(String), expires_in: 7_200 })
    clock.advance(600_000)
    expect((await stableToken({ force_refresh: false })).body).toEqual({ access_token: first.access_token, expires_in: 6_600 })
  })

  it('hands out a new token in the last five minutes while the old one keeps working', async () => {
    const old = (await stableToken()).body.access_token
    clock.advance(7_200_000 - 299_000)
    const renewed = (await stableToken()).body
    expect(renewed).toEqual({ access_token: expect.not.stringMatching(old), expires_in: 7_200 })
    fake.issueLoginCode('o_user')
    const send = await call('/wxa/msg_sec_check', { query: { access_token: old }, body: { content: '你好', version: 2, scene: 2, openid: 'o_user' } })
    expect(send.body.errcode).toBe(0)
  })

  it('invalidates earlier tokens on a forced refresh, ignores one within 30 s and allows 20 a day', async () => {
    const old = (await stableToken()).body.access_token
    const forced = (await stableToken({ force_refresh: true })).body.access_token
    expect(forced).not.toBe(old)
    expect((await stableToken({ force_refresh: true })).body.access_token).toBe(forced)
    const check = await call('/wxa/msg_sec_check', { query: { access_token: old }, body: { content: 'x', version: 2, scene: 2, openid: 'o' } })
    expect(check.body).toMatchObject({ errcode: 40001, errmsg: expect.stringMatching(/^invalid credential.* rid: /) })

    for (let i = 1; i < 20; i++) {
      clock.advance(31_000)
      expect((await stableToken({ force_refresh: true })).body.access_token).toEqual(expect.any(String))
    }
    clock.advance(31_000)
    expect((await stableToken({ force_refresh: true })).body.errcode).toBe(45009)
  })

  it('rejects a wrong appid with 40013 and a wrong secret with 40125', async () => {
    expect((await stableToken({ appid: 'wx_other' })).body.errcode).toBe(40013)
    expect((await stableToken({ secret: 'nope' })).body.errcode).toBe(40125)
  })

  it('answers 41001 without a token, 40001 for an unknown one and 42001 for an expired one', async () => {
    const body = { content: 'x', version: 2, scene: 2, openid: 'o' }
    expect((await call('/wxa/msg_sec_check', { body })).body.errcode).toBe(41001)
    expect((await call('/wxa/msg_sec_check', { query: { access_token: 'made-up' }, body })).body.errcode).toBe(40001)
    const token = (await stableToken()).body.access_token
    fake.expireTokens()
    expect((await call('/wxa/msg_sec_check', { query: { access_token: token }, body })).body.errcode).toBe(42001)
  })

  it('answers jscode2session without an errcode on success, like WeChat', async () => {
    const code = fake.issueLoginCode('o_plain')
    const { body } = await call('/sns/jscode2session', { query: { appid: TEST_APPID, secret: TEST_SECRET, js_code: code, grant_type: 'authorization_code' } })
    expect(body).toEqual({ openid: 'o_plain', session_key: expect.any(String) })
  })

  it('answers msg_sec_check v1 with 87014 for risky content', async () => {
    fake.markRisky('违禁词')
    const token = (await stableToken()).body.access_token
    expect((await call('/wxa/msg_sec_check', { query: { access_token: token }, body: { content: '含违禁词' } })).body).toMatchObject({ errcode: 87014 })
    expect((await call('/wxa/msg_sec_check', { query: { access_token: token }, body: { content: '正常' } })).body).toEqual({ errcode: 0, errmsg: 'ok' })
  })

  it('answers msg_sec_check v2 with result, detail and trace_id, and rejects content over 2,500 characters', async () => {
    fake.issueLoginCode('o_v2')
    const token = (await stableToken()).body.access_token
    const { body } = await call('/wxa/msg_sec_check', { query: { access_token: token }, body: { content: '你好', version: 2, scene: 2, openid: 'o_v2' } })
    expect(body).toEqual({
      errcode: 0,
      errmsg: 'ok',
      result: { suggest: 'pass', label: 100 },
      detail: [
        { strategy: 'content_model', errcode: 0, suggest: 'pass', label: 100, prob: 90 },
        { strategy: 'keyword', errcode: 0 },
      ],
      trace_id: expect.any(String),
    })
    const long = await call('/wxa/msg_sec_check', {
      query: { access_token: token },
      body: { content: '字'.repeat(2_501), version: 2, scene: 2, openid: 'o_v2' },
    })
    expect(long.body.errcode).toBe(47001)
  })

  it('answers 43002 to GET on a POST-only API and 47001 to a body that is not JSON', async () => {
    expect((await call('/cgi-bin/stable_token')).body.errcode).toBe(43002)
    expect((await call('/cgi-bin/stable_token', { method: 'POST' })).body.errcode).toBe(47001)
  })

  it('records requests and serves queued failures in order, then behaves normally', async () => {
    fake.failNext('/cgi-bin/stable_token', { status: 503 })
    fake.failNext('/cgi-bin/stable_token', { errcode: -1, errmsg: 'system error' })
    expect((await stableToken()).status).toBe(503)
    expect((await stableToken()).body).toEqual({ errcode: -1, errmsg: 'system error' })
    expect((await stableToken()).body.access_token).toEqual(expect.any(String))
    expect(fake.requests.map((r) => r.path)).toEqual(Array(3).fill('/cgi-bin/stable_token'))
    expect(fake.requests[0]?.at).toEqual(clock.now())
  })

  it('gives login and phone codes to a locally running app through /__fake/ without recording them', async () => {
    const { body } = await call('/__fake/login-code', { body: { openid: 'o_dev' } })
    expect(body).toEqual({ code: expect.any(String), openid: 'o_dev' })
    const session = await call('/sns/jscode2session', {
      query: { appid: TEST_APPID, secret: TEST_SECRET, js_code: body.code, grant_type: 'authorization_code' },
    })
    expect(session.body.openid).toBe('o_dev')
    expect((await call('/__fake/phone-code', { body: { phone: '13800138000' } })).body).toEqual({ code: expect.any(String) })
    expect(fake.requests.map((r) => r.path)).toEqual(['/sns/jscode2session'])
  })
})
