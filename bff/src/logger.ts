// The pino logger, with errors logged by type, message, code and stack only.
import pino, { type Logger } from 'pino'

/** Errors are logged by type, message, code and stack only: driver errors carry whole client objects. */
function serializeError(err: unknown): unknown {
  if (!(err instanceof Error)) return err
  const { code, kind } = err as { code?: unknown; kind?: unknown }
  return {
    type: err.constructor.name,
    message: err.message,
    code,
    kind,
    stack: err.stack,
    cause: err.cause instanceof Error ? serializeError(err.cause) : undefined,
  }
}

export function createLogger(level: string): Logger {
  return pino({ level, base: { service: 'gm-bff' }, serializers: { err: serializeError } })
}
