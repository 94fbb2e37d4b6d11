// The only place that talks HTTP (Taro.request): base URL, timeout, query strings, bearer token, idempotency key and device id; failures become ApiError.
import Taro from '@tarojs/taro'
import type { HttpMethod } from '@gm/shared'
import { badResponse, errorFromResponse, networkError } from './ApiError'
import { deviceId } from './device'

/** H5 is served by the BFF itself (same origin); the mini-program calls the configured origin. */
export const API_BASE_URL = process.env.TARO_ENV === 'h5' ? '' : process.env.TARO_APP_API_BASE || 'http://127.0.0.1:3000'
export const API_TIMEOUT_MS = Number(process.env.TARO_APP_API_TIMEOUT) || 15_000

export type QueryValue = string | number | boolean | null | undefined
export interface HttpRequest {
  method: HttpMethod
  /** Path with parameters already filled in, e.g. `/api/consultations/3`. */
  path: string
  query?: Record<string, QueryValue>
  body?: unknown
  /** Session token, sent as `Authorization: Bearer <token>`. */
  token?: string | null
  /** One per user action, the same on every retry of it: the BFF replays the first result. */
  idempotencyKey?: string
}

/** `?a=1&b=x`, leaving out empty values (an empty keyword means "no filter"). */
export function toQueryString(query: Record<string, QueryValue> = {}): string {
  const pairs = Object.entries(query)
    .filter((entry): entry is [string, string | number | boolean] => entry[1] !== undefined && entry[1] !== null && entry[1] !== '')
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`)
  return pairs.length ? `?${pairs.join('&')}` : ''
}

/**
 * The only place that talks HTTP. Resolves with the status and parsed JSON body of a 2xx response
 * (`null` for 204 No Content); every failure rejects with an ApiError.
 */
export async function request({ method, path, query, body, token, idempotencyKey }: HttpRequest): Promise<{ status: number; data: unknown }> {
  let response: Taro.request.SuccessCallbackResult<TaroGeneral.IAnyObject | string>
  try {
    response = await Taro.request<TaroGeneral.IAnyObject | string>({
      url: `${API_BASE_URL}${path}${toQueryString(query)}`,
      method,
      ...(body === undefined ? {} : { data: body as TaroGeneral.IAnyObject }),
      header: {
        Accept: 'application/json',
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        ...(token ? { Authorization: `Bearer ${token}` } : {}),
        ...(idempotencyKey ? { 'Idempotency-Key': idempotencyKey } : {}),
        'X-Device-Id': deviceId(),
      },
      dataType: 'json',
      timeout: API_TIMEOUT_MS,
    })
  } catch (cause) {
    throw networkError(cause)
  }
  const { statusCode: status, data } = response
  if (status === 204) return { status, data: null } // no body: wx.request hands back '', H5 null
  if (status >= 200 && status < 300) {
    // dataType 'json' hands back a string when the body is not JSON
    if (typeof data === 'string' && data !== '') throw badResponse(status)
    return { status, data }
  }
  throw errorFromResponse(status, data)
}
