// Per-endpoint rate limits (one table), the client address behind trusted proxies, and the device id of anonymous callers.
import type { Context } from 'koa'
import proxyAddr from 'proxy-addr'
import { type EndpointName, contract } from '@gm/shared'
import type { LimitRule, Limiter, LimiterStore } from '../security/limiter'
import type { Actor } from '../domain/actor'
import { AppError } from '../domain/errors'

/** Whose budget a request uses: the signed-in citizen, the signed-in staff member, or the client address. */
type Scope = 'citizen' | 'actor' | 'ip'

interface Policy extends LimitRule {
  scope: Scope
}

const MINUTE = 60
const DAY = 24 * 60 * 60

/**
 * Every request uses its caller's general budget; citizen writes also use the write budget; the
 * endpoints below have their own on top. Anonymous callers are counted by client address (only a
 * trusted proxy's X-Forwarded-For is believed). Staff sign-in is additionally throttled per
 * username and address in the auth service, before any password is checked.
 */
export const GENERAL_POLICY: Policy = { scope: 'actor', points: 600, duration: MINUTE }
export const CITIZEN_WRITE_POLICY: Policy = { scope: 'citizen', points: 60, duration: MINUTE }

/** A whole open-data set as one file: ten a minute per address (the paged JSON feed is the way to sync often). */
const OPEN_DATA_FILE: Policy = { scope: 'ip', points: 10, duration: MINUTE }

export const ENDPOINT_POLICIES: Partial<Record<EndpointName, Policy[]>> = {
  submitOpinion: [
    { scope: 'citizen', points: 5, duration: MINUTE },
    { scope: 'citizen', points: 50, duration: DAY },
  ],
  askPolicyQuestion: [
    { scope: 'citizen', points: 5, duration: MINUTE },
    { scope: 'citizen', points: 30, duration: DAY },
  ],
  joinEvent: [{ scope: 'citizen', points: 10, duration: MINUTE }],
  cancelRegistration: [{ scope: 'citizen', points: 10, duration: MINUTE }],
  rateQaItem: [{ scope: 'ip', points: 30, duration: MINUTE }],
  // One search runs five queries (four keyword scans and the Q&A ranking): its own budget per address.
  searchAll: [{ scope: 'ip', points: 60, duration: MINUTE }],
  // Each of these costs an outbound call to WeChat (code2Session, phone number): invalid codes must not.
  loginWithWechat: [{ scope: 'ip', points: 10, duration: MINUTE }],
  loginStaffWithWechat: [{ scope: 'ip', points: 10, duration: MINUTE }],
  bindPhone: [{ scope: 'citizen', points: 5, duration: MINUTE }],
  loginDemo: [{ scope: 'ip', points: 30, duration: MINUTE }],
  // loginStaff: the auth service reserves each attempt per username+address and per address before
  // scrypt runs (SIGN_IN_THROTTLE), so a flood costs at most those password checks and gets one answer.
  changePassword: [{ scope: 'actor', points: 10, duration: MINUTE }],
  // A year's statistics recount every opinion of the year and are not served from the public-read cache;
  // an open-data CSV reads a whole data set: their own budgets per address (staff: per person).
  getPublicStatistics: [{ scope: 'ip', points: 30, duration: MINUTE }],
  getConsultationStatistics: [{ scope: 'ip', points: 60, duration: MINUTE }],
  exportStatistics: [{ scope: 'actor', points: 20, duration: MINUTE }],
  exportOpenConsultations: [OPEN_DATA_FILE],
  exportOpenOpinions: [OPEN_DATA_FILE],
  exportOpenGroups: [OPEN_DATA_FILE],
  exportOpenEvents: [OPEN_DATA_FILE],
  exportOpenQaItems: [OPEN_DATA_FILE],
}

/** The client's address: the socket peer, or the nearest untrusted hop of X-Forwarded-For when the peer is a trusted proxy. */
export function clientAddressResolver(trustedProxies: string[]): (ctx: Context) => string {
  const trust = proxyAddr.compile(trustedProxies)
  return (ctx) => {
    const address = trustedProxies.length === 0 ? ctx.req.socket.remoteAddress : proxyAddr(ctx.req, trust)
    return (address ?? 'unknown').replace(/^::ffff:/, '')
  }
}

const DEVICE_ID = /^[A-Za-z0-9_-]{8,64}$/

/** The miniapp's stable X-Device-Id (generated once per install); ignored when malformed. */
export function deviceIdOf(ctx: Context): string | undefined {
  const value = ctx.get('X-Device-Id')
  return DEVICE_ID.test(value) ? value : undefined
}

function keyOf(scope: Scope, actor: Actor, ip: string): string | null {
  if (scope === 'citizen') return actor.kind === 'citizen' ? `c:${actor.citizenId}` : null
  if (scope === 'ip' || actor.kind === 'anonymous') return `ip:${ip}`
  return actor.kind === 'citizen' ? `c:${actor.citizenId}` : `s:${actor.staffId}`
}

export type RateLimit = (name: EndpointName, actor: Actor, ip: string) => Promise<void>

/** The limiters of the table, made once; the returned check throws RATE_LIMITED (429 + Retry-After) when a budget is spent. */
export function createRateLimit(store: LimiterStore): RateLimit {
  const general = store.limiter('all', GENERAL_POLICY)
  const citizenWrite = store.limiter('write', CITIZEN_WRITE_POLICY)
  const specific = new Map<EndpointName, { policy: Policy; limiter: Limiter }[]>()
  for (const [name, policies] of Object.entries(ENDPOINT_POLICIES) as [EndpointName, Policy[]][]) {
    specific.set(
      name,
      policies.map((policy, i) => ({ policy, limiter: store.limiter(`${name}:${i}`, policy) })),
    )
  }
  return async (name, actor, ip) => {
    const checks: { limiter: Limiter; key: string | null }[] = [{ limiter: general, key: keyOf('actor', actor, ip) }]
    if (contract[name].method !== 'GET' && actor.kind === 'citizen') checks.push({ limiter: citizenWrite, key: keyOf('citizen', actor, ip) })
    for (const { policy, limiter } of specific.get(name) ?? []) checks.push({ limiter, key: keyOf(policy.scope, actor, ip) })
    for (const { limiter, key } of checks) {
      if (key === null) continue
      const taken = await limiter.take(key)
      if (!taken.allowed) throw rateLimited(taken.retryAfterMs)
    }
  }
}

/** 429 with the wait in seconds (the error handler sets Retry-After from details.retryAfterSeconds). */
export function rateLimited(retryAfterMs: number): AppError {
  const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000))
  return new AppError('RATE_LIMITED', `操作过于频繁，请 ${seconds} 秒后再试`, { retryAfterSeconds: seconds })
}
