import { Writable } from 'node:stream'
import pino, { type Logger } from 'pino'
import { startFakeWechat, type FakeWechat } from '../../bff/src/dev/fakeWechat/server'
import { createMemoryTokenCache, createWechatClient, type WechatClient, type WechatClientOptions } from '../../bff/src/integrations/wechat'

export { startFakeWechat, type FakeWechat } from '../../bff/src/dev/fakeWechat/server'

export const TEST_APPID = 'wx0123456789abcdef'
export const TEST_SECRET = 'test-secret-5f2b9c7e1a'

/** A clock that tests move by hand; the fake and the client can share it. */
export function manualClock(start = new Date('2026-03-02T01:00:00Z')) {
  let now = start.getTime()
  return {
    now: () => new Date(now),
    advance(ms: number) {
      now += ms
    },
  }
}

/** A logger that keeps every line (at trace level) so tests can check what was, and was not, logged. */
export function capturingLogger(): { log: Logger; text: () => string } {
  const lines: string[] = []
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk))
      done()
    },
  })
  return { log: pino({ level: 'trace' }, stream), text: () => lines.join('') }
}

export const silentLogger = (): Logger => pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' })

/** A fake WeChat and a client talking to it over HTTP, with an in-process token cache unless given one. */
export async function startWechat(options: { clock?: () => Date; client?: Partial<WechatClientOptions> } = {}): Promise<{
  fake: FakeWechat
  client: WechatClient
  newClient(overrides?: Partial<WechatClientOptions>): WechatClient
  close(): Promise<void>
}> {
  const fake = await startFakeWechat({ appId: TEST_APPID, secret: TEST_SECRET, clock: options.clock })
  const newClient = (overrides: Partial<WechatClientOptions> = {}) =>
    createWechatClient({
      baseUrl: fake.baseUrl,
      appId: TEST_APPID,
      secret: TEST_SECRET,
      tokenCache: createMemoryTokenCache(),
      log: silentLogger(),
      clock: options.clock,
      ...options.client,
      ...overrides,
    })
  return { fake, client: newClient(), newClient, close: () => fake.close() }
}

/** The stable_token requests the fake has seen (each one is a token refresh). */
export const tokenRequests = (fake: FakeWechat) => fake.requests.filter((r) => r.path === '/cgi-bin/stable_token')
