/**
 * How a WeChat call failed: WeChat answered with an errcode, or we never got a usable answer
 * (`http`: a non-2xx status, `timeout`, `network`, `protocol`: a 2xx body we could not understand).
 */
export type WechatFailureKind = 'errcode' | 'http' | 'timeout' | 'network' | 'protocol'

/** -1 system busy, 45009 daily quota, 45011 minute quota: the same call may succeed later. */
const RETRYABLE_ERRCODES = new Set([-1, 45009, 45011])

/** 40001 invalid credential, 40014 invalid access_token, 42001 access_token expired. */
export const TOKEN_ERRCODES = new Set([40001, 40014, 42001])

/**
 * The one error the WeChat client throws. Failures without a WeChat errcode (timeouts, network, HTTP 5xx)
 * carry errcode -1, WeChat's own "system busy, try again later", because callers should treat them alike;
 * `kind` tells them apart for logs. The message never contains the secret, a token or a session_key.
 */
export class WechatError extends Error {
  override readonly name = 'WechatError'
  readonly kind: WechatFailureKind
  readonly status: number | undefined
  /** True when repeating the same call later may succeed (a job queue may retry it). */
  readonly retryable: boolean

  constructor(
    readonly api: string,
    readonly errcode: number,
    readonly errmsg: string,
    options: { kind?: WechatFailureKind; status?: number } = {},
  ) {
    super(`WeChat ${api} failed: ${errcode} ${errmsg}`)
    this.kind = options.kind ?? 'errcode'
    this.status = options.status
    this.retryable = isRetryable(this.kind, errcode, options.status)
  }
}

function isRetryable(kind: WechatFailureKind, errcode: number, status: number | undefined): boolean {
  switch (kind) {
    case 'errcode':
      return RETRYABLE_ERRCODES.has(errcode)
    case 'http':
      return status !== undefined && (status >= 500 || status === 429)
    case 'timeout':
    case 'network':
      return true
    case 'protocol':
      return false
  }
}
