// Database failures as domain errors: specific codes where a repository knows the constraint, else a general mapping.
import type { ErrorCode } from '@gm/shared'
import { AppError } from '../domain/errors'

/**
 * Connection failures, the server shutting down or refusing connections, and its own limits: 57014
 * a statement cancelled (statement_timeout), 55P03 a lock not obtained in time (lock_timeout), 25P03
 * and 57P05 a session ended for sitting idle. All pass with time: 503 with Retry-After.
 */
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  '57P01',
  '57P02',
  '57P03',
  '53300',
  '57014',
  '55P03',
  '25P03',
  '57P05',
])
const UNAVAILABLE_KINDS = new Set(['DatabaseNotReachable', 'ConnectionClosed', 'TooManyConnections', 'SocketTimeout', 'DatabaseDoesNotExist'])

function field(err: unknown, ...keys: string[]): unknown {
  let value: unknown = err
  for (const key of keys) {
    if (typeof value !== 'object' || value === null) return undefined
    value = (value as Record<string, unknown>)[key]
  }
  return value
}

const camel = (column: string) => column.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase())

/** `<table>_<column>_fkey` → a field message: a referenced department, decision… does not exist. */
function foreignKeyViolation(constraint: string): AppError {
  const column = /_([a-z]+_id)_fkey/.exec(constraint)?.[1]
  return new AppError('VALIDATION_FAILED', '关联的记录不存在', { fields: { [column ? camel(column) : 'id']: '所选内容不存在' } })
}

/**
 * Input the shared schemas should have refused but the database caught (defence in depth): 22003 a
 * number out of range for its column, 22021 bytes that are not UTF-8 (NUL), 22P05 a character that
 * cannot be stored (\u0000 in JSON); Prisma reports a lone surrogate it cannot encode as a JSON error.
 */
const BAD_VALUE_CODES = new Set(['22003', '22021', '22P05'])
const badValue = () => new AppError('VALIDATION_FAILED', '提交的内容含有无法保存的字符或超出范围的数值')

/**
 * An instant PostgreSQL cannot store (22008 year 0 and earlier, 22007 a malformed one) or Prisma cannot
 * send (a year after 9999, which an ISO offset can reach from 9999-12-31: "+010000-…").
 */
const BAD_INSTANT_CODES = new Set(['22007', '22008'])
const PRISMA_BAD_DATETIME = /Could not convert argument value Object \{"\$type": String\("DateTime"\)/
const badInstant = () => new AppError('VALIDATION_FAILED', '日期时间超出可保存的范围（公元 1 年至 9999 年）')

/** The database's own guard of a rule the shared schema also states (e.g. a reason for 不予采纳). */
function checkViolation(err: unknown): AppError {
  const text = JSON.stringify(err, Object.getOwnPropertyNames(err ?? {})) + String(err)
  if (/reason_required/.test(text)) return new AppError('REASON_REQUIRED', undefined, { fields: { reason: '部分采纳或不予采纳须说明理由' } })
  if (/DRAW_SECRET_LOCKED/.test(text)) return new AppError('DRAW_SECRET_LOCKED')
  return new AppError('VALIDATION_FAILED')
}

/**
 * A unique index refused the row: Prisma's P2002 from its own queries, or the driver adapter's
 * UniqueConstraintViolation from a raw statement (e.g. an INSERT inside a WITH).
 */
export function isUniqueViolation(err: unknown): boolean {
  if (field(err, 'code') === 'P2002') return true
  const kind = field(err, 'cause', 'kind') ?? field(err, 'kind') ?? field(err, 'meta', 'driverAdapterError', 'cause', 'kind')
  return kind === 'UniqueConstraintViolation'
}

/**
 * The columns of the unique index a write violated, wherever the wrapper keeps them: Prisma's P2002
 * (target, or the adapter's error in meta), the adapter's own error, a raw statement's P2010. Empty when
 * the error is not a unique violation or names no columns.
 */
export function uniqueViolationColumns(err: unknown): string[] {
  if (!isUniqueViolation(err)) return []
  const found = [
    field(err, 'meta', 'target'),
    field(err, 'cause', 'constraint', 'fields'),
    field(err, 'constraint', 'fields'),
    field(err, 'meta', 'driverAdapterError', 'cause', 'constraint', 'fields'),
  ].flatMap((value) => (Array.isArray(value) ? value : typeof value === 'string' ? [value] : []))
  return found.filter((c): c is string => typeof c === 'string').map((c) => c.replace(/^"|"$/g, ''))
}

/** A write whose unique index means one thing (a taken username, a department's name): refused with that code. */
export async function refusingDuplicates<T>(write: Promise<T>, code: ErrorCode): Promise<T> {
  try {
    return await write
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError(code)
    throw err
  }
}

/**
 * Map database failures to domain errors: unique violation → ALREADY_EXISTS, missing row → NOT_FOUND,
 * an unreachable or restarting server → SERVICE_UNAVAILABLE. Anything else stays unknown (500).
 */
export function translateDatabaseError(err: unknown): AppError | null {
  // Prisma's own P2002, the adapter's error, or a raw statement's (P2010) alike.
  if (isUniqueViolation(err)) return new AppError('ALREADY_EXISTS')
  const prismaCode = field(err, 'code')
  if (prismaCode === 'P2025') return new AppError('NOT_FOUND')
  if (prismaCode === 'P2003') {
    return foreignKeyViolation(String(field(err, 'meta', 'driverAdapterError', 'cause', 'constraint', 'index') ?? field(err, 'meta', 'field_name') ?? ''))
  }
  if (prismaCode === 'P1001' || prismaCode === 'P1017' || prismaCode === 'P2024' || prismaCode === 'P2028') return new AppError('SERVICE_UNAVAILABLE')

  const kind = field(err, 'cause', 'kind') ?? field(err, 'kind')
  if (kind === 'ForeignKeyConstraintViolation') return foreignKeyViolation(JSON.stringify(field(err, 'cause', 'constraint') ?? ''))
  const sqlState = field(err, 'cause', 'originalCode') ?? field(err, 'meta', 'driverAdapterError', 'cause', 'originalCode')
  if (sqlState === '23514' || /violates check constraint/.test(err instanceof Error ? err.message : '')) return checkViolation(err)
  if (prismaCode === 'P2020' || (typeof sqlState === 'string' && BAD_VALUE_CODES.has(sqlState))) return badValue()
  if (/JSON Error: (unexpected end of hex escape|lone leading surrogate|invalid unicode code point)/.test(err instanceof Error ? err.message : ''))
    return badValue()
  if ((typeof sqlState === 'string' && BAD_INSTANT_CODES.has(sqlState)) || PRISMA_BAD_DATETIME.test(err instanceof Error ? err.message : ''))
    return badInstant()
  if (typeof kind === 'string' && UNAVAILABLE_KINDS.has(kind)) return new AppError('SERVICE_UNAVAILABLE')
  // A raw statement's driver failure comes wrapped (P2010 "Raw query failed"), the adapter's error in meta: e.g. a connection reset (ECONNRESET → ConnectionClosed).
  const rawKind = field(err, 'meta', 'driverAdapterError', 'cause', 'kind')
  if (typeof rawKind === 'string' && UNAVAILABLE_KINDS.has(rawKind)) return new AppError('SERVICE_UNAVAILABLE')

  const code = sqlState ?? field(err, 'cause', 'code') ?? field(err, 'code')
  if (typeof code === 'string' && UNAVAILABLE_CODES.has(code)) return new AppError('SERVICE_UNAVAILABLE')
  const message = err instanceof Error ? err.message : ''
  // The client's own limits (pg's query_timeout, a connection it cut) arrive as plain messages, and so does a
  // new connection refused while the server restarts (the adapter's "Can't reach database server", P2010).
  if (
    /ECONNREFUSED|Can't reach database server|Connection terminated|timeout exceeded when trying to connect|terminating connection|Query read timeout|not queryable|canceling statement due to/i.test(
      message,
    )
  ) {
    return new AppError('SERVICE_UNAVAILABLE')
  }
  return null
}
