// The one typed API client: `api.<endpointName>(request)` built from the contract, with the session token, idempotency keys, re-sign-in and the privacy-consent retry.
import { buildPath, contract, type Endpoint, type EndpointName, type RequestOf, type ResponseOf } from '@gm/shared'
import { openPageOnce, routes } from '../navigation'
import { platform } from '../platform'
import { ApiError, badResponse } from './ApiError'
import { askForConsent } from './consent'
import { type QueryValue, request } from './request'
import { newIdempotencyKey } from '../utils/idempotency'
import { clearSession, getToken, saveSession, sessionKind } from './session'

/** Endpoints without required parts can be called with no argument: `api.getOverview()`. */
type Args<N extends EndpointName> = Partial<RequestOf<N>> extends RequestOf<N> ? [request?: RequestOf<N>] : [request: RequestOf<N>]

export type Api = { [N in EndpointName]: (...args: Args<N>) => Promise<ResponseOf<N>> }

/**
 * What to do when the session turns out to be missing or expired (401 UNAUTHORIZED /
 * SESSION_EXPIRED), after forgetting it:
 * - 'interactive' (default): sign in again without asking where the platform can (wx.login) and
 *   retry once; otherwise open the login page and fail;
 * - 'silent': the same, but never open a page (restoring a session at start-up);
 * - 'never': just fail (signing out).
 */
export type SignInMode = 'interactive' | 'silent' | 'never'
export interface CallOptions {
  signIn?: SignInMode
  /** Send this token instead of the current one (signing out sends the token it just forgot). */
  token?: string | null
  /** The user action's Idempotency-Key; writes get a new one per call, kept across this call's retries. */
  idempotencyKey?: string
}

interface RequestParts {
  params?: Record<string, string | number>
  query?: Record<string, QueryValue>
  body?: unknown
}

const SESSION_LOST = new Set(['UNAUTHORIZED', 'SESSION_EXPIRED'])
const isSessionLost = (error: unknown): error is ApiError => error instanceof ApiError && error.status === 401 && SESSION_LOST.has(error.code)

async function send<N extends EndpointName>(name: N, parts: RequestOf<N> | undefined, token: string | null, idempotencyKey?: string): Promise<ResponseOf<N>> {
  const endpoint: Endpoint = contract[name]
  const { params, query, body } = (parts ?? {}) as RequestParts
  const { status, data } = await request({ method: endpoint.method, path: buildPath(endpoint.path, params), query, body, token, idempotencyKey })
  const parsed = endpoint.response.safeParse(data)
  if (!parsed.success) throw badResponse(status)
  return parsed.data as ResponseOf<N>
}

/** One sign-in at a time: several requests failing together share it. */
let renewing: Promise<boolean> | null = null

/** Sign in again without a form; true when a new session is in place. */
async function renewSession(lostKind: 'citizen' | 'staff' | null): Promise<boolean> {
  // A staff member signs in with a password: never turn their expired session into a citizen one.
  if (lostKind === 'staff' || !platform.canLoginSilently) return false
  const login = await platform.login()
  if (!login.ok) return false
  try {
    saveSession(await send('loginWithWechat', { body: { code: login.code } }, null))
    return true
  } catch {
    return false
  }
}

function askToSignIn(lostKind: 'citizen' | 'staff' | null): void {
  const page = lostKind === 'staff' ? routes.staffLogin() : routes.login()
  openPageOnce(page)
}

/** The last token forgotten because the server refused it (requests failing with it share one renewal). */
let lostToken: string | null = null

const isConsentMissing = (error: unknown): error is ApiError => error instanceof ApiError && error.status === 403 && error.code === 'PRIVACY_NOT_ACCEPTED'

/**
 * Call one contract endpoint and parse the answer with the contract's response schema. Sends the
 * session token; when the server says the session is gone, forgets it, signs in again (see
 * SignInMode) and retries the request once. When a write that stores personal data is refused for
 * want of consent (PRIVACY_NOT_ACCEPTED), the privacy notice is shown at that moment and, once the
 * citizen accepts it, the same request (same body, same idempotency key) is sent again.
 */
export async function callEndpoint<N extends EndpointName>(name: N, parts?: RequestOf<N>, options: CallOptions = {}): Promise<ResponseOf<N>> {
  // One key per user action (every write), the same on each retry below: the BFF answers a retry with the first result.
  const keyed = { ...options, idempotencyKey: options.idempotencyKey ?? (contract[name].method === 'GET' ? undefined : newIdempotencyKey()) }
  try {
    return await callWithSession(name, parts, keyed)
  } catch (error) {
    if (!isConsentMissing(error) || (options.signIn ?? 'interactive') !== 'interactive') throw error
    if (!(await askForConsent())) throw error
    return callWithSession(name, parts, { ...keyed, token: undefined })
  }
}

async function callWithSession<N extends EndpointName>(name: N, parts: RequestOf<N> | undefined, options: CallOptions): Promise<ResponseOf<N>> {
  const mode = options.signIn ?? 'interactive'
  const token = options.token !== undefined ? options.token : getToken()
  try {
    return await send(name, parts, token, options.idempotencyKey)
  } catch (error) {
    if (error instanceof ApiError && error.code === 'PASSWORD_CHANGE_REQUIRED' && mode === 'interactive') {
      openPageOnce(routes.staffPassword())
    }
    if (!isSessionLost(error)) throw error
    const lostKind = sessionKind()
    // Another request may have replaced the session meanwhile: only forget the one that failed.
    const stillCurrent = token !== null && getToken() === token
    if (stillCurrent) {
      lostToken = token
      clearSession()
    }
    const endpoint: Endpoint = contract[name]
    if (endpoint.access === 'public') {
      // A stale token on a public endpoint: the request itself needs no session.
      if (token === null) throw error
      return send(name, parts, getToken(), options.idempotencyKey)
    }
    if (mode === 'never') throw error
    // The session was ended while this request was in flight (the user signed out): the failure
    // is expected and no reason to ask them to sign in again.
    if (token !== null && token !== lostToken && getToken() === null) throw error
    let fresh = getToken()
    if (fresh === null) {
      renewing ??= renewSession(lostKind).finally(() => {
        renewing = null
      })
      fresh = (await renewing) ? getToken() : null
    }
    if (fresh === null) {
      if (mode === 'interactive') askToSignIn(lostKind)
      throw error
    }
    try {
      return await send(name, parts, fresh, options.idempotencyKey)
    } catch (retryError) {
      // Once only: a second 401 reaches the caller, and the new session is not kept either.
      if (isSessionLost(retryError) && getToken() === fresh) {
        clearSession()
        if (mode === 'interactive') askToSignIn(lostKind)
      }
      throw retryError
    }
  }
}

/** One typed function per contract endpoint, e.g. `api.getConsultation({ params: { id } })`. */
export const api = Object.fromEntries(
  (Object.keys(contract) as EndpointName[]).map((name) => [name, (parts?: RequestOf<typeof name>) => callEndpoint(name, parts)]),
) as Api
