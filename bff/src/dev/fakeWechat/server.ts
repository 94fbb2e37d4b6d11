// A fake api.weixin.qq.com speaking WeChat's protocol (sign-in codes, tokens, content checks, subscribe messages, phone numbers) for tests and local runs.
import { randomBytes } from 'node:crypto'
import http, { type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

/**
 * A stand-in for api.weixin.qq.com that speaks the same protocol (paths, request and response shapes,
 * errcodes, single-use codes, stable-token semantics), for tests and for running the product locally.
 * Its rules are written from WeChat's documentation independently of the client, so the two check each other.
 */

export interface FakeWechatOptions {
  /** 0 (default) picks a free port. */
  port?: number
  host?: string
  appId: string
  secret: string
  /** WeChat's clock: token and code lifetimes follow it; share it with the client to test expiry. */
  clock?: () => Date
  /** Told about issued codes and tokens (the CLI prints them). */
  log?: (message: string) => void
}

export type FakeFailure = { errcode: number; errmsg: string } | { status: number } | { delayMs: number }

export interface RecordedRequest {
  method: string
  path: string
  query: Record<string, string>
  body: unknown
  at: Date
}

export interface DeliveredMessage {
  touser: string
  template_id: string
  page?: string
  data: Record<string, { value: string }>
  miniprogram_state?: string
  lang?: string
}

export interface FakeWechat {
  baseUrl: string
  /** Every API request received, in order (the `/__fake/` control endpoints are not recorded). */
  requests: RecordedRequest[]
  /** Subscribe messages WeChat accepted. */
  delivered: DeliveredMessage[]
  close(): Promise<void>
  /** What `wx.login()` would give this user: a code valid for 5 minutes, usable once. The openid becomes known. */
  issueLoginCode(openid: string, options?: { unionid?: string }): string
  /** Every access_token issued so far expires now (API calls with one get 42001). */
  expireTokens(): void
  /** The next request to `path` fails this way (queued: call twice to fail twice). `delayMs` answers late, then normally. */
  failNext(path: string, failure: FakeFailure): void
  /** Content containing `substring` gets this verdict from msg_sec_check (v1: 87014 when risky). */
  markRisky(substring: string, suggest?: 'risky' | 'review', label?: number): void
  /** Subscribe messages to this user fail with 43101, as when they refused or used up their subscription. */
  refuseSubscriptions(openid: string): void
  /** What `<button open-type="getPhoneNumber">` would give: a code for this phone number, usable once. */
  setPhoneNumber(code: string, phone: string, countryCode?: string): void
}

interface Reply {
  status?: number
  body: unknown
}

interface ParsedRequest {
  query: Record<string, string>
  body: Record<string, unknown>
}

interface IssuedToken {
  value: string
  expiresAt: number
  revoked: boolean
}

const TOKEN_LIFE_MS = 7_200_000
/** WeChat hands out the next stable token during the last 5 minutes of the current one. */
const TOKEN_ROTATE_BEFORE_MS = 5 * 60_000
const LOGIN_CODE_LIFE_MS = 5 * 60_000
/** A forced refresh closer than 30 s to the previous one does not refresh; at most 20 a day. */
const FORCED_REFRESH_SPACING_MS = 30_000
const FORCED_REFRESHES_PER_DAY = 20
const SEC_CHECK_MAX_CHARS = 2_500

export async function startFakeWechat(options: FakeWechatOptions): Promise<FakeWechat> {
  const { appId, secret } = options
  const clock = options.clock ?? (() => new Date())
  const now = () => clock().getTime()
  const log = options.log ?? (() => {})

  const requests: RecordedRequest[] = []
  const delivered: DeliveredMessage[] = []
  const failures = new Map<string, FakeFailure[]>()
  const loginCodes = new Map<string, { openid: string; unionid?: string; expiresAt: number; used: boolean }>()
  const phoneCodes = new Map<string, { phone: string; countryCode: string; used: boolean }>()
  const knownUsers = new Set<string>()
  const refusingUsers = new Set<string>()
  const riskRules: { substring: string; suggest: 'risky' | 'review'; label: number }[] = []
  const tokens = new Map<string, IssuedToken>()
  let currentToken: IssuedToken | undefined
  const forcedRefreshes: number[] = []
  const pendingTimers = new Set<NodeJS.Timeout>()

  // ---- WeChat's answers ----------------------------------------------------------------------------

  const fail = (errcode: number, errmsg: string): Reply => ({ body: { errcode, errmsg: `${errmsg} rid: ${rid()}` } })

  function issueToken(): IssuedToken {
    const token: IssuedToken = { value: randomBytes(96).toString('base64url'), expiresAt: now() + TOKEN_LIFE_MS, revoked: false }
    tokens.set(token.value, token)
    currentToken = token
    log(`access_token issued (…${token.value.slice(-6)})`)
    return token
  }

  const tokenReply = (token: IssuedToken): Reply => ({ body: { access_token: token.value, expires_in: Math.floor((token.expiresAt - now()) / 1_000) } })

  function stableToken({ body }: ParsedRequest): Reply {
    if (body.grant_type !== 'client_credential') return fail(40002, 'invalid grant_type')
    if (body.appid !== appId) return fail(40013, 'invalid appid')
    if (body.secret !== secret) return fail(40125, 'invalid appsecret')
    const at = now()
    const usable = currentToken && !currentToken.revoked && at < currentToken.expiresAt ? currentToken : undefined
    if (body.force_refresh === true) {
      const lastForced = forcedRefreshes.at(-1) ?? -Infinity
      if (usable && at - lastForced < FORCED_REFRESH_SPACING_MS) return tokenReply(usable)
      if (forcedRefreshes.filter((t) => at - t < 86_400_000).length >= FORCED_REFRESHES_PER_DAY) return fail(45009, 'reach max api daily quota limit')
      forcedRefreshes.push(at)
      // A forced refresh invalidates every earlier token.
      for (const token of tokens.values()) token.revoked = true
      return tokenReply(issueToken())
    }
    // Normal mode: the same token while it is valid, a new one in its last 5 minutes (the old one keeps working).
    if (usable && at < usable.expiresAt - TOKEN_ROTATE_BEFORE_MS) return tokenReply(usable)
    return tokenReply(issueToken())
  }

  function rejectToken(query: Record<string, string>): Reply | undefined {
    const value = query.access_token
    if (!value) return fail(41001, 'access_token missing')
    const token = tokens.get(value)
    if (!token || token.revoked) return fail(40001, 'invalid credential, access_token is invalid or not latest')
    if (now() >= token.expiresAt) return fail(42001, 'access_token expired')
    return undefined
  }

  function jscode2session({ query }: ParsedRequest): Reply {
    if (!query.appid) return fail(41002, 'appid missing')
    if (query.appid !== appId) return fail(40013, 'invalid appid')
    if (!query.secret) return fail(41004, 'appsecret missing')
    if (query.secret !== secret) return fail(40125, 'invalid appsecret')
    if (!query.js_code) return fail(41008, 'missing code')
    if (query.grant_type !== 'authorization_code') return fail(40002, 'invalid grant_type')
    const issued = loginCodes.get(query.js_code)
    if (!issued || now() >= issued.expiresAt) return fail(40029, 'invalid code')
    if (issued.used) return fail(40163, 'code been used')
    issued.used = true
    // Success carries no errcode, exactly like WeChat.
    const session: Record<string, string> = { session_key: randomBytes(16).toString('base64'), openid: issued.openid }
    if (issued.unionid) session.unionid = issued.unionid
    return { body: session }
  }

  function msgSecCheck({ body }: ParsedRequest): Reply {
    const content = body.content
    if (typeof content !== 'string' || content === '') return fail(44002, 'empty post data')
    const title = typeof body.title === 'string' ? body.title : ''
    const matched = riskRules.filter((rule) => content.includes(rule.substring) || title.includes(rule.substring))
    if (Number(body.version) !== 2) {
      // Version 1 answers only "risky or not".
      return matched.some((rule) => rule.suggest === 'risky') ? fail(87014, 'risky content') : { body: { errcode: 0, errmsg: 'ok' } }
    }
    if (![1, 2, 3, 4].includes(Number(body.scene))) return fail(40129, 'invalid scene')
    if (typeof body.openid !== 'string' || !knownUsers.has(body.openid)) return fail(40003, 'invalid openid')
    if (Array.from(content).length > SEC_CHECK_MAX_CHARS) return fail(47001, 'data format error')
    const worst = matched.find((rule) => rule.suggest === 'risky') ?? matched[0]
    const result = worst ? { suggest: worst.suggest, label: worst.label } : { suggest: 'pass', label: 100 }
    return {
      body: {
        errcode: 0,
        errmsg: 'ok',
        result,
        detail: [
          { strategy: 'content_model', errcode: 0, ...result, prob: 90 },
          { strategy: 'keyword', errcode: 0 },
        ],
        trace_id: rid(),
      },
    }
  }

  function subscribeSend({ body }: ParsedRequest): Reply {
    const { touser, template_id, page, data, miniprogram_state, lang } = body
    if (typeof touser !== 'string' || !knownUsers.has(touser)) return fail(40003, 'invalid openid')
    if (typeof template_id !== 'string' || template_id === '') return fail(40037, 'invalid template_id')
    if (miniprogram_state !== undefined && !['developer', 'trial', 'formal'].includes(String(miniprogram_state)))
      return fail(47003, 'argument invalid! miniprogram_state')
    if (lang !== undefined && !['zh_CN', 'en_US', 'zh_HK', 'zh_TW'].includes(String(lang))) return fail(47003, 'argument invalid! lang')
    if (typeof data !== 'object' || data === null || Object.keys(data).length === 0) return fail(47003, 'argument invalid! data is empty')
    for (const [key, entry] of Object.entries(data)) {
      const value = (entry as { value?: unknown } | null)?.value
      if (typeof value !== 'string') return fail(47001, 'data format error')
      if (value === '') return fail(47003, `argument invalid! data.${key}.value is emtpy`)
      if (!templateValueAccepted(key, value)) return fail(47003, `argument invalid! data.${key}.value`)
    }
    if (refusingUsers.has(touser)) return fail(43101, 'user refuse to accept the msg')
    delivered.push({
      touser,
      template_id,
      page: page as string | undefined,
      data: data as DeliveredMessage['data'],
      miniprogram_state: miniprogram_state as string | undefined,
      lang: lang as string | undefined,
    })
    log(`subscribe message ${template_id} → ${touser}: ${JSON.stringify(data)}`)
    return { body: { errcode: 0, errmsg: 'ok', msgid: Number.parseInt(randomBytes(6).toString('hex'), 16) } }
  }

  function getUserPhoneNumber({ body }: ParsedRequest): Reply {
    if (typeof body.code !== 'string' || body.code === '') return fail(47001, 'data format error')
    const issued = phoneCodes.get(body.code)
    if (!issued || issued.used) return fail(40029, 'invalid code')
    issued.used = true
    const { phone, countryCode } = issued
    return {
      body: {
        errcode: 0,
        errmsg: 'ok',
        phone_info: {
          phoneNumber: countryCode === '86' ? phone : `+${countryCode}${phone}`,
          purePhoneNumber: phone,
          countryCode,
          watermark: { timestamp: Math.floor(now() / 1_000), appid: appId },
        },
      },
    }
  }

  const routes: Record<string, { method: 'GET' | 'POST'; needsToken: boolean; handle: (req: ParsedRequest) => Reply }> = {
    '/sns/jscode2session': { method: 'GET', needsToken: false, handle: jscode2session },
    '/cgi-bin/stable_token': { method: 'POST', needsToken: false, handle: stableToken },
    '/wxa/msg_sec_check': { method: 'POST', needsToken: true, handle: msgSecCheck },
    '/cgi-bin/message/subscribe/send': { method: 'POST', needsToken: true, handle: subscribeSend },
    '/wxa/business/getuserphonenumber': { method: 'POST', needsToken: true, handle: getUserPhoneNumber },
  }

  // ---- test and developer controls ----------------------------------------------------------------

  function issueLoginCode(openid: string, { unionid }: { unionid?: string } = {}): string {
    const code = randomBytes(16).toString('hex')
    loginCodes.set(code, { openid, unionid, expiresAt: now() + LOGIN_CODE_LIFE_MS, used: false })
    // wx.login() means the user is in the mini-program: msg_sec_check and subscribe messages now accept the openid.
    knownUsers.add(openid)
    log(`login code ${code} → openid ${openid}${unionid ? ` (unionid ${unionid})` : ''}`)
    return code
  }

  function setPhoneNumber(code: string, phone: string, countryCode = '86'): void {
    phoneCodes.set(code, { phone, countryCode, used: false })
  }

  /** `/__fake/login-code` and `/__fake/phone-code` let a locally running mini-program (H5) get codes. */
  function control(path: string, body: Record<string, unknown>): Reply | undefined {
    if (path === '/__fake/login-code') {
      const openid = typeof body.openid === 'string' && body.openid !== '' ? body.openid : `o${randomBytes(20).toString('base64url').slice(0, 27)}`
      const unionid = typeof body.unionid === 'string' ? body.unionid : undefined
      return { body: { code: issueLoginCode(openid, { unionid }), openid } }
    }
    if (path === '/__fake/phone-code') {
      if (typeof body.phone !== 'string') return { status: 400, body: { error: 'phone is required' } }
      const code = randomBytes(16).toString('hex')
      setPhoneNumber(code, body.phone, typeof body.countryCode === 'string' ? body.countryCode : '86')
      return { body: { code } }
    }
    return undefined
  }

  // ---- HTTP ---------------------------------------------------------------------------------------

  function delay(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        pendingTimers.delete(timer)
        resolve()
      }, ms)
      pendingTimers.add(timer)
    })
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://fake.wechat')
    const query = Object.fromEntries(url.searchParams)
    const raw = await readBody(req)
    const body = parseJsonObject(raw)
    const path = url.pathname

    if (path.startsWith('/__fake/')) return send(res, control(path, body ?? {}) ?? { status: 404, body: { error: 'unknown control endpoint' } })

    requests.push({ method: req.method ?? 'GET', path, query, body: body ?? (raw === '' ? undefined : raw), at: clock() })

    const failure = failures.get(path)?.shift()
    if (failure && 'delayMs' in failure) await delay(failure.delayMs)
    else if (failure && 'status' in failure) return sendText(res, failure.status, http.STATUS_CODES[failure.status] ?? 'Error')
    else if (failure) return send(res, { body: failure })

    const route = routes[path]
    if (!route) return sendText(res, 404, 'Not Found')
    if (route.method === 'POST' && req.method !== 'POST') return send(res, fail(43002, 'require POST method'))
    if (route.method === 'POST' && body === undefined) return send(res, fail(47001, 'data format error'))
    if (route.needsToken) {
      const rejected = rejectToken(query)
      if (rejected) return send(res, rejected)
    }
    send(res, route.handle({ query, body: body ?? {} }))
  }

  const server = http.createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (!res.headersSent) sendText(res, 500, `fake wechat failed: ${err instanceof Error ? err.message : String(err)}`)
    })
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve())
  })
  const address = server.address() as AddressInfo
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address

  return {
    baseUrl: `http://${host}:${address.port}`,
    requests,
    delivered,
    issueLoginCode,
    setPhoneNumber,
    expireTokens() {
      const at = now()
      for (const token of tokens.values()) token.expiresAt = Math.min(token.expiresAt, at)
    },
    failNext(path, failure) {
      failures.set(path, [...(failures.get(path) ?? []), failure])
    },
    markRisky(substring, suggest = 'risky', label = 21000) {
      riskRules.push({ substring, suggest, label })
    },
    refuseSubscriptions(openid) {
      refusingUsers.add(openid)
    },
    async close() {
      for (const timer of pendingTimers) clearTimeout(timer)
      pendingTimers.clear()
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}

/** WeChat's value rules per template type (the documented "参数值限制"), counted in characters. */
function templateValueAccepted(key: string, value: string): boolean {
  const length = Array.from(value).length
  const hasControl = /[\p{Cc}]/u.test(value)
  switch (key.replace(/\d+$/, '')) {
    case 'thing':
      return length <= 20 && !hasControl
    case 'phrase':
      return length <= 5 && /^\p{Script=Han}+$/u.test(value)
    case 'name':
      return /\p{Script=Han}/u.test(value) ? length <= 10 : length <= 20
    case 'character_string':
      return length <= 32 && /^[\x20-\x7e]+$/.test(value)
    case 'number':
      return length <= 32 && /^\d+(\.\d+)?$/.test(value)
    case 'letter':
      return length <= 32 && /^[A-Za-z]+$/.test(value)
    case 'symbol':
      return length <= 5 && !hasControl
    case 'phone_number':
      return length <= 17 && /^[\d+\-() ]+$/.test(value)
    case 'car_number':
      return length <= 8
    case 'time':
      return /\d{1,2}:\d{2}/.test(value)
    case 'date':
      return /\d{4}[年\-/.]\d{1,2}|\d{1,2}月\d{1,2}日/.test(value)
    default:
      return !hasControl
  }
}

/** WeChat's request ids look like `64107881-65f15508-586e63ec`. */
function rid(): string {
  return [4, 4, 4].map((n) => randomBytes(n).toString('hex')).join('-')
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })
}

function parseJsonObject(raw: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(raw)
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined
  } catch {
    return undefined
  }
}

function send(res: ServerResponse, reply: Reply): void {
  if (res.destroyed) return
  res.writeHead(reply.status ?? 200, { 'content-type': 'application/json; encoding=utf-8' })
  res.end(JSON.stringify(reply.body))
}

function sendText(res: ServerResponse, status: number, text: string): void {
  if (res.destroyed) return
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' })
  res.end(text)
}
