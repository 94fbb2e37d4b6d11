// Records the SQL text of every statement node-postgres sends from this process (the real driver; queries still run).
import pg from 'pg'

export interface StatementLog {
  /** Statements sent since the last `take()`, and the log cleared. */
  take(): string[]
  stop(): void
}

/** The first word of a statement, upper-cased: SELECT, INSERT, BEGIN, COMMIT… (WITH … shows what its CTEs do). */
export function verbOf(sql: string): string {
  const text = sql.trim().replace(/^\/\*.*?\*\/\s*/s, '')
  const first = /^\w+/.exec(text)?.[0]?.toUpperCase() ?? ''
  if (first !== 'WITH') return first
  return /\b(INSERT|UPDATE|DELETE)\b/i.test(text) ? `WITH ${/\b(INSERT|UPDATE|DELETE)\b/i.exec(text)![1]!.toUpperCase()}` : 'WITH SELECT'
}

/** Whether a statement writes, locks rows, or opens/closes a transaction. */
export const isWriteOrTransaction = (sql: string) =>
  /^(INSERT|UPDATE|DELETE|BEGIN|COMMIT|ROLLBACK|SAVEPOINT|WITH (INSERT|UPDATE|DELETE))$/.test(verbOf(sql)) ||
  /\bFOR (UPDATE|SHARE|NO KEY UPDATE|KEY SHARE)\b/i.test(sql)

/** Start before the pool opens any connection: the BFF binds each connection's query function when it connects. */
export function recordStatements(): StatementLog {
  const proto = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown }
  const original = proto.query
  let log: string[] = []
  proto.query = function (this: unknown, ...args: unknown[]) {
    const first = args[0]
    const text = typeof first === 'string' ? first : (first as { text?: string } | undefined)?.text
    if (typeof text === 'string') log.push(text)
    return original.apply(this, args)
  }
  return {
    take() {
      const taken = log
      log = []
      return taken
    },
    stop() {
      proto.query = original
    },
  }
}
