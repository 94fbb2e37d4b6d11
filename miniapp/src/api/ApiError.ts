// ApiError, the one error type of the API client: the shared error codes plus the client's own (network, timeout), with Chinese messages and field errors.
import { ErrorBodySchema, type ErrorCode, errorTable, isErrorCode } from '@gm/shared'

/** Codes the client produces itself, next to the server's ErrorCode table. */
export type ClientErrorCode = 'NETWORK_ERROR' | 'BAD_RESPONSE' | 'UNEXPECTED'
export type ApiErrorCode = ErrorCode | ClientErrorCode

export const clientErrorMessages: Record<ClientErrorCode, string> = {
  NETWORK_ERROR: '网络连接失败，请检查网络后重试',
  BAD_RESPONSE: '服务返回的数据有误，请稍后再试',
  UNEXPECTED: '出现了意外错误，请稍后再试',
}

export const TIMEOUT_MESSAGE = '网络请求超时，请检查网络后重试'

export interface ApiErrorInit {
  /** HTTP status; 0 when no response arrived. */
  status: number
  code: ApiErrorCode | (string & {})
  message: string
  /** For VALIDATION_FAILED: "path.to.field" → 中文说明, to show next to the field. */
  fields?: Record<string, string>
  /** The rest of the error body's `details` (e.g. FEEDBACK_NOT_READY: `{ pending, unanswered }`). */
  details?: Record<string, unknown>
  requestId?: string
}

/** Every failure the API client reports, whatever went wrong. */
export class ApiError extends Error {
  readonly status: number
  readonly code: ApiErrorCode | (string & {})
  readonly fields: Record<string, string>
  readonly details: Record<string, unknown>
  readonly requestId: string | undefined

  constructor(init: ApiErrorInit) {
    super(init.message)
    this.name = 'ApiError'
    this.status = init.status
    this.code = init.code
    this.fields = init.fields ?? {}
    this.details = init.details ?? {}
    this.requestId = init.requestId
  }
}

/** The first code of the table for each status (400 → VALIDATION_FAILED, 500 → INTERNAL…). */
const codeByStatus: Partial<Record<number, ErrorCode>> = Object.fromEntries(
  (Object.keys(errorTable) as ErrorCode[]).reverse().map((code) => [errorTable[code].status, code]),
)

/**
 * A failure whose body is not our error body came from something in front of the BFF (a proxy,
 * a static server): name it by status only and tell the user the service is unavailable.
 */
function foreignError(status: number): ApiError {
  const code: ApiErrorCode = status === 404 ? 'ROUTE_NOT_FOUND' : (codeByStatus[status] ?? (status >= 500 ? 'SERVICE_UNAVAILABLE' : 'BAD_RESPONSE'))
  const message = status >= 500 || status === 404 || code === 'BAD_RESPONSE' ? errorTable.SERVICE_UNAVAILABLE.message : errorTable[code as ErrorCode].message
  return new ApiError({ status, code, message })
}

function stringFields(value: unknown): Record<string, string> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return {}
  const fields: Record<string, string> = {}
  for (const [path, message] of Object.entries(value)) {
    if (typeof message === 'string') fields[path] = message
  }
  return fields
}

/** Translate a non-2xx response (body `{ error: { code, message, details, requestId } }`) into an ApiError. */
export function errorFromResponse(status: number, body: unknown): ApiError {
  const parsed = ErrorBodySchema.safeParse(body)
  if (!parsed.success) return foreignError(status)
  const { code, message, details, requestId } = parsed.data.error
  return new ApiError({
    status,
    code,
    message: message || (isErrorCode(code) ? errorTable[code].message : foreignError(status).message),
    fields: stringFields(details?.fields),
    details: details ?? {},
    requestId,
  })
}

/** No response at all: offline, DNS, refused connection, timeout. */
export function networkError(cause: unknown): ApiError {
  const text =
    typeof cause === 'object' && cause !== null
      ? String((cause as { errMsg?: unknown; message?: unknown }).errMsg ?? (cause as { message?: unknown }).message ?? '')
      : ''
  const timedOut = /time ?out|超时|abort/i.test(text)
  return new ApiError({ status: 0, code: 'NETWORK_ERROR', message: timedOut ? TIMEOUT_MESSAGE : clientErrorMessages.NETWORK_ERROR })
}

export function badResponse(status: number): ApiError {
  return new ApiError({ status, code: 'BAD_RESPONSE', message: clientErrorMessages.BAD_RESPONSE })
}

/** Anything thrown on the way (a bug, a rejected platform call) as an ApiError, for one error UI. */
export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error
  return new ApiError({ status: 0, code: 'UNEXPECTED', message: clientErrorMessages.UNEXPECTED })
}
