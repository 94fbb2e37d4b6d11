// Domain errors: a stable code from the shared error table, a Chinese message and details; framework-free, thrown by services and repositories.
import { type ErrorCode, errorTable } from '@gm/shared'

/** A domain or protocol error with a stable code; rendered by the error middleware. */
export class AppError extends Error {
  readonly status: number
  constructor(
    readonly code: ErrorCode,
    message?: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message ?? errorTable[code].message)
    this.status = errorTable[code].status
  }
}

export const notFound = (what = '内容') => new AppError('NOT_FOUND', `${what}不存在或已下线`)

/** VALIDATION_FAILED with `details.fields: { "path.to.field": "中文说明" }`. */
export function validationFailed(fields: Record<string, string>, message?: string) {
  return new AppError('VALIDATION_FAILED', message ?? errorTable.VALIDATION_FAILED.message, { fields })
}
