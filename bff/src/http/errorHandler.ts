// The one error middleware: every thrown error becomes `{ error: { code, message, details, requestId } }`, unexpected ones logged once, never a stack trace.
import type { Middleware } from 'koa'
import { type ErrorBody, errorTable } from '@gm/shared'
import { AppError } from '../domain/errors'
import { translateDatabaseError } from '../db/errors'

/** Errors thrown by Koa's own layers (body parser, raw-body) carry a status and a `type`. */
function fromHttpLayer(err: unknown): AppError | null {
  if (typeof err !== 'object' || err === null) return null
  const { status, type } = err as { status?: number; type?: string }
  if (type === 'entity.parse.failed' || (status === 400 && /JSON/i.test(String((err as Error).message)))) return new AppError('INVALID_JSON')
  if (type === 'entity.too.large' || status === 413) return new AppError('PAYLOAD_TOO_LARGE')
  if (status === 415) return new AppError('UNSUPPORTED_MEDIA_TYPE')
  if (type === 'request.aborted') return new AppError('VALIDATION_FAILED', '请求被中断')
  if (status === 400) return new AppError('VALIDATION_FAILED')
  return null
}

/**
 * The one place errors become responses: `{ error: { code, message, details, requestId } }`.
 * Messages are shown only below 500; anything unexpected is logged with the request id and
 * answered with a bare message, never a stack trace.
 */
export const errorHandler: Middleware = async (ctx, next) => {
  try {
    await next()
  } catch (err) {
    const known = err instanceof AppError ? err : (fromHttpLayer(err) ?? translateDatabaseError(err))
    const appError = known ?? new AppError('INTERNAL')
    const requestId = ctx.state.requestId as string | undefined
    if (appError.status >= 500) {
      ctx.state.log?.error({ err, code: appError.code }, 'request failed')
    }
    const body: ErrorBody = {
      error: {
        code: appError.code,
        message: appError.status >= 500 ? errorTable[appError.code].message : appError.message,
        ...(appError.details && appError.status < 500 ? { details: appError.details } : {}),
        ...(requestId ? { requestId } : {}),
      },
    }
    ctx.status = appError.status
    ctx.body = body
    if (appError.status === 503) ctx.set('Retry-After', '5')
    if (appError.status === 429) ctx.set('Retry-After', String(appError.details?.retryAfterSeconds ?? 60))
  }
}
