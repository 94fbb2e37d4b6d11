// The WeChat server API client: code-to-session sign-in, the shared access_token with refresh, content security checks, phone numbers and subscribe messages.
import type { Logger } from 'pino'
import { z } from 'zod'
import { TOKEN_ERRCODES, WechatError } from './errors'
import type { CachedToken, ReleaseLock, TokenCache } from './tokenCache'

/** Which build of the mini-program a subscribe message opens. */
export type MiniprogramState = 'developer' | 'trial' | 'formal'
/** msg_sec_check scenes: 1 profile, 2 comment, 3 forum, 4 social log. */
export type SecCheckScene = 1 | 2 | 3 | 4
export type SecCheckSuggest = 'pass' | 'review' | 'risky'
/** Subscribe-message data as WeChat wants it: `{ thing1: { value: '…' } }` (build it with templateData.ts). */
export type TemplateData = Record<string, { value: string }>

export interface WechatSession {
  openid: string
  unionid?: string
  /** Stays on the server (store it to verify signed user data); never send it to the client or log it. */
  sessionKey: string
}

export interface SecCheckVerdict {
  suggest: SecCheckSuggest
  /** WeChat's label: 100 normal, 10001 ad, 20001 politics, 20002 porn, 20003 abuse, 20006 crime, 20008 fraud, 20012 vulgar, 20013 copyright, 21000 other. */
  label: number
  traceId: string
}

export interface PhoneNumber {
  phoneNumber: string
  purePhoneNumber: string
  countryCode: string
}

export interface WechatClientOptions {
  /** https://api.weixin.qq.com in production; the fake server's URL in tests and local development. */
  baseUrl: string
  appId: string
  secret: string
  tokenCache: TokenCache
  log: Logger
  fetch?: typeof fetch
  /** Decides when the cached token is due for refresh; tests move it. */
  clock?: () => Date
  timeoutMs?: number
  miniprogramState?: MiniprogramState
}

export interface WechatClient {
  code2Session(code: string): Promise<WechatSession>
  getAccessToken(options?: { forceRefresh?: boolean }): Promise<string>
  msgSecCheck(input: { openid: string; content: string; scene: SecCheckScene; title?: string }): Promise<SecCheckVerdict>
  sendSubscribeMessage(input: { openid: string; templateId: string; page?: string; data: TemplateData; miniprogramState?: MiniprogramState }): Promise<void>
  getPhoneNumber(code: string): Promise<PhoneNumber>
}

/** WeChat checks at most 2,500 characters per msg_sec_check call. */
export const SEC_CHECK_MAX_CHARS = 2_500
/** Consecutive chunks share this many characters, so a phrase cut at a boundary is still seen whole once. */
const SEC_CHECK_OVERLAP = 50
/** Stop using a token this long before it expires; WeChat itself hands out the next one in its last 5 minutes. */
const REFRESH_EARLY_MS = 5 * 60_000
const LOCK_POLL_MS = 50

const SessionSchema = z.object({ openid: z.string().min(1), session_key: z.string().min(1), unionid: z.string().min(1).optional() })
const StableTokenSchema = z.object({ access_token: z.string().min(1), expires_in: z.number().positive() })
const SecCheckSchema = z.object({
  result: z.object({ suggest: z.enum(['pass', 'review', 'risky']), label: z.number() }),
  trace_id: z.string(),
})
const AcceptedSchema = z.object({})
const PhoneSchema = z.object({
  phone_info: z.object({
    phoneNumber: z.string(),
    purePhoneNumber: z.string(),
    countryCode: z.union([z.string(), z.number()]).transform(String),
    watermark: z.object({ appid: z.string() }).optional(),
  }),
})

interface WechatRequest {
  /** A short name for logs and errors; the URL (with its secret or token) is never logged. */
  api: string
  method: 'GET' | 'POST'
  path: string
  query?: Record<string, string>
  body?: unknown
}

type RefreshReason = 'missing' | 'expiring' | 'rejected' | 'forced'

export function createWechatClient(options: WechatClientOptions): WechatClient {
  const { appId, secret, tokenCache } = options
  if (!appId || !secret) throw new Error('createWechatClient: appId and secret are required')
  const baseUrl = options.baseUrl.replace(/\/+$/, '')
  const fetchImpl = options.fetch ?? fetch
  const clock = options.clock ?? (() => new Date())
  const timeoutMs = options.timeoutMs ?? 5_000
  // Long enough for a normal and then a forced stable_token call; a crashed holder frees it after this.
  const lockTtlMs = 2 * timeoutMs + 1_000
  const log = options.log.child({ integration: 'wechat' })
  const now = () => clock().getTime()

  /** WeChat's errmsg is echoed into errors and logs: make sure neither the secret nor a token rides along. */
  const scrub = (text: string) => text.replaceAll(secret, '***').replace(/access_token=[^&\s"]+/g, 'access_token=***')

  async function request<T>(req: WechatRequest, schema: z.ZodType<T>): Promise<T> {
    const url = baseUrl + req.path + (req.query ? `?${new URLSearchParams(req.query)}` : '')
    const controller = new AbortController()
    const timer = setTimeout(() => controller.abort(), timeoutMs)
    const started = performance.now()
    let payload: unknown
    try {
      const response = await fetchImpl(url, {
        method: req.method,
        headers: req.body === undefined ? undefined : { 'content-type': 'application/json' },
        body: req.body === undefined ? undefined : JSON.stringify(req.body),
        signal: controller.signal,
      })
      const text = await response.text()
      if (!response.ok) throw new WechatError(req.api, -1, `HTTP ${response.status}`, { kind: 'http', status: response.status })
      payload = parseJson(text)
    } catch (err) {
      const error = asWechatError(req.api, err, controller.signal.aborted, timeoutMs)
      log.warn({ api: req.api, kind: error.kind, status: error.status, ms: elapsed(started) }, 'wechat call failed')
      throw error
    } finally {
      clearTimeout(timer)
    }

    const { errcode, errmsg } = (payload ?? {}) as { errcode?: unknown; errmsg?: unknown }
    if (typeof errcode === 'number' && errcode !== 0) {
      log.debug({ api: req.api, errcode, ms: elapsed(started) }, 'wechat returned an error')
      throw new WechatError(req.api, errcode, scrub(String(errmsg ?? '')))
    }
    const parsed = schema.safeParse(payload)
    if (!parsed.success) throw new WechatError(req.api, -1, 'unexpected response body', { kind: 'protocol' })
    log.debug({ api: req.api, ms: elapsed(started) }, 'wechat call')
    return parsed.data
  }

  // ---- access_token -------------------------------------------------------------------------------

  // The last token seen, for when the shared cache is unreachable: WeChat's normal-mode stable_token hands every
  // caller the same token, so carrying on without Redis is safe (only the one-refresh-for-all guarantee is lost).
  let lastSeen: CachedToken | undefined
  let inflight: Promise<string> | undefined

  async function readCache(): Promise<CachedToken | undefined> {
    try {
      lastSeen = (await tokenCache.get()) ?? lastSeen
    } catch (err) {
      log.warn({ err }, 'wechat token cache unreadable; using the last token seen')
    }
    return lastSeen
  }

  async function writeCache(value: CachedToken): Promise<void> {
    lastSeen = value
    await tokenCache.set(value, value.expiresAt - now()).catch((err: unknown) => log.warn({ err }, 'wechat token cache unwritable'))
  }

  async function tryLock(): Promise<ReleaseLock | undefined> {
    try {
      return await tokenCache.tryLock(lockTtlMs)
    } catch (err) {
      log.warn({ err }, 'wechat token cache cannot lock; refreshing without the lock')
      return async () => {}
    }
  }

  async function fetchStableToken(force: boolean): Promise<CachedToken> {
    const body = { grant_type: 'client_credential', appid: appId, secret, force_refresh: force }
    const { access_token, expires_in } = await request({ api: 'stable_token', method: 'POST', path: '/cgi-bin/stable_token', body }, StableTokenSchema)
    const fetchedAt = now()
    const lifeMs = expires_in * 1_000
    log.info({ forced: force, expiresIn: expires_in }, 'wechat access_token fetched')
    // Normally 5 minutes early; a token handed out with little life left is used for half of it, not re-fetched at once.
    return { token: access_token, expiresAt: fetchedAt + lifeMs, refreshAt: fetchedAt + Math.max(lifeMs - REFRESH_EARLY_MS, lifeMs / 2) }
  }

  /** A usable token other than `replacing`, fetched by whichever instance holds the lock; the others wait for it. */
  async function refreshAcrossInstances(replacing: string | undefined, reason: RefreshReason): Promise<string> {
    const giveUpAt = performance.now() + lockTtlMs + 1_000
    for (;;) {
      const cached = await readCache()
      if (cached && now() < cached.refreshAt && cached.token !== replacing) return cached.token
      const release = await tryLock()
      if (release) {
        try {
          // Another instance may have stored a new token between our read and taking the lock.
          const current = await readCache()
          if (current && now() < current.refreshAt && current.token !== replacing) return current.token
          let fetched = await fetchStableToken(reason === 'forced')
          // Normal mode returns the current token unchanged; if that is the one just rejected, only a forced refresh
          // replaces it. Forced refreshes are scarce (20 a day) and invalidate the token for everyone, hence normal first.
          if (reason === 'rejected' && fetched.token === replacing) fetched = await fetchStableToken(true)
          await writeCache(fetched)
          return fetched.token
        } finally {
          await release().catch((err: unknown) => log.warn({ err }, 'wechat token cache: lock release failed'))
        }
      }
      // Deadlines use the real monotonic clock: the injected clock may stand still in tests.
      if (performance.now() > giveUpAt) {
        throw new WechatError('stable_token', -1, 'timed out waiting for another instance to refresh the access_token', { kind: 'timeout' })
      }
      await sleep(LOCK_POLL_MS)
    }
  }

  /** One refresh per process at a time: concurrent callers share the one in flight. */
  function refreshToken(replacing: string | undefined, reason: RefreshReason): Promise<string> {
    if (!inflight) {
      const refresh: Promise<string> = refreshAcrossInstances(replacing, reason).finally(() => {
        if (inflight === refresh) inflight = undefined
      })
      inflight = refresh
    }
    return inflight
  }

  async function getAccessToken({ forceRefresh = false }: { forceRefresh?: boolean } = {}): Promise<string> {
    const cached = await readCache()
    if (cached && !forceRefresh && now() < cached.refreshAt) return cached.token
    const reason: RefreshReason = forceRefresh ? 'forced' : cached ? 'expiring' : 'missing'
    try {
      return await refreshToken(cached?.token, reason)
    } catch (err) {
      // WeChat is briefly unreachable but the token we hold still has minutes left: keep using it.
      if (reason === 'expiring' && cached && now() < cached.expiresAt && err instanceof WechatError && err.retryable) {
        log.warn({ err }, 'wechat access_token refresh failed; using the current token until it expires')
        return cached.token
      }
      throw err
    }
  }

  /** Calls an access_token API; when WeChat rejects the token, refreshes it once and retries once. */
  async function callWithToken<T>(req: Omit<WechatRequest, 'query'>, schema: z.ZodType<T>): Promise<T> {
    const send = (token: string) => request({ ...req, query: { access_token: token } }, schema)
    const token = await getAccessToken()
    try {
      return await send(token)
    } catch (err) {
      if (!(err instanceof WechatError && TOKEN_ERRCODES.has(err.errcode))) throw err
      log.warn({ api: req.api, errcode: err.errcode }, 'wechat rejected the access_token; refreshing and retrying once')
      return send(await refreshToken(token, 'rejected'))
    }
  }

  // ---- APIs ---------------------------------------------------------------------------------------

  return {
    async code2Session(code) {
      const query = { appid: appId, secret, js_code: code, grant_type: 'authorization_code' }
      const { openid, unionid, session_key } = await request({ api: 'jscode2session', method: 'GET', path: '/sns/jscode2session', query }, SessionSchema)
      return unionid ? { openid, unionid, sessionKey: session_key } : { openid, sessionKey: session_key }
    },

    getAccessToken,

    async msgSecCheck({ openid, content, scene, title }) {
      let worst: SecCheckVerdict | undefined
      for (const [index, chunk] of splitForSecCheck(content).entries()) {
        // The title is checked once, with the first chunk.
        const body = { content: chunk, version: 2, scene, openid, title: index === 0 ? title : undefined }
        const { result, trace_id } = await callWithToken({ api: 'msg_sec_check', method: 'POST', path: '/wxa/msg_sec_check', body }, SecCheckSchema)
        if (!worst || SEVERITY[result.suggest] > SEVERITY[worst.suggest]) worst = { suggest: result.suggest, label: result.label, traceId: trace_id }
        if (worst.suggest === 'risky') break
      }
      return worst!
    },

    async sendSubscribeMessage({ openid, templateId, page, data, miniprogramState }) {
      const body = {
        touser: openid,
        template_id: templateId,
        page,
        data,
        miniprogram_state: miniprogramState ?? options.miniprogramState ?? 'formal',
        lang: 'zh_CN',
      }
      await callWithToken({ api: 'subscribe_send', method: 'POST', path: '/cgi-bin/message/subscribe/send', body }, AcceptedSchema)
    },

    async getPhoneNumber(code) {
      const { phone_info } = await callWithToken(
        { api: 'getuserphonenumber', method: 'POST', path: '/wxa/business/getuserphonenumber', body: { code } },
        PhoneSchema,
      )
      if (phone_info.watermark && phone_info.watermark.appid !== appId) {
        throw new WechatError('getuserphonenumber', -1, 'phone number watermark belongs to another appid', { kind: 'protocol' })
      }
      return { phoneNumber: phone_info.phoneNumber, purePhoneNumber: phone_info.purePhoneNumber, countryCode: phone_info.countryCode }
    },
  }
}

const SEVERITY: Record<SecCheckSuggest, number> = { pass: 0, review: 1, risky: 2 }

/**
 * Split text into pieces WeChat accepts (≤ `max` UTF-16 units, so the limit holds however WeChat counts,
 * never splitting a surrogate pair), each overlapping the previous one by `overlap` characters.
 */
export function splitForSecCheck(content: string, max = SEC_CHECK_MAX_CHARS, overlap = SEC_CHECK_OVERLAP): string[] {
  if (content.length <= max) return [content]
  const chars = Array.from(content)
  const chunks: string[] = []
  let start = 0
  for (;;) {
    let end = start
    let units = 0
    while (end < chars.length && units + chars[end].length <= max) units += chars[end++].length
    chunks.push(chars.slice(start, end).join(''))
    if (end >= chars.length) return chunks
    start = Math.max(end - overlap, start + 1)
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}

/** Never copies the underlying message: a fetch error can quote the URL, which carries the secret or a token. */
function asWechatError(api: string, err: unknown, timedOut: boolean, timeoutMs: number): WechatError {
  if (err instanceof WechatError) return err
  if (timedOut) return new WechatError(api, -1, `no answer within ${timeoutMs} ms`, { kind: 'timeout' })
  const code = (err as { cause?: { code?: unknown } } | undefined)?.cause?.code
  return new WechatError(api, -1, `network error (${typeof code === 'string' ? code : err instanceof Error ? err.name : 'unknown'})`, { kind: 'network' })
}

function elapsed(started: number): number {
  return Math.round(performance.now() - started)
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}
