// Names the statements this process sends again and again, so node-postgres prepares each once per connection and PostgreSQL stops parsing and planning it on every request.
import type pg from 'pg'

/** A text is named on its third use: one-off statements (SQL built with literal values) are never prepared. */
const NAME_AFTER_USES = 3
/** Statements named at most: each connection may hold this many prepared statements on the server. */
const MAX_NAMED = 200
/** Texts counted at most while they have not reached NAME_AFTER_USES; the counts start over when full. */
const MAX_COUNTED = 1_000
/** PostgreSQL refusing a prepared statement whose result columns a schema change altered (SQLSTATE 0A000). */
const RESULT_TYPE_CHANGED = /cached plan must not change result type/

/**
 * The statement name of each text this process has sent often enough. Names are given once, in
 * order, and never reused for another text, so every connection of the pool may use them; a
 * connection prepares a name the first time it runs it (node-postgres keeps track per connection).
 */
export class StatementNames {
  private readonly counted = new Map<string, number>()
  private readonly named = new Map<string, string>()

  constructor(
    private readonly maxNamed = MAX_NAMED,
    private readonly maxCounted = MAX_COUNTED,
  ) {}

  /** The name to prepare `text` under, or undefined to send it unnamed (parsed and planned afresh). */
  nameOf(text: string): string | undefined {
    const name = this.named.get(text)
    if (name !== undefined || this.named.size >= this.maxNamed) return name
    const uses = (this.counted.get(text) ?? 0) + 1
    if (uses >= NAME_AFTER_USES) {
      this.counted.delete(text)
      const given = `gm_${this.named.size + 1}`
      this.named.set(text, given)
      return given
    }
    if (uses === 1 && this.counted.size >= this.maxCounted) this.counted.clear()
    this.counted.set(text, uses)
    return undefined
  }

  get size(): { named: number; counted: number } {
    return { named: this.named.size, counted: this.counted.size }
  }
}

interface QueryConfig {
  text?: unknown
  name?: unknown
  values?: unknown
}

/**
 * Sends `client`'s parameterised statements (what Prisma's driver adapter sends: a config object
 * with text and values) under their names from `names`. Plain-text statements (BEGIN, COMMIT, SET)
 * pass as they are. Should a schema change alter the result columns of a statement this connection
 * prepared, PostgreSQL refuses it once: that query fails, and the connection sends every statement
 * unnamed from then on (a transaction it was part of cannot be retried here).
 */
export function prepareRepeatedStatements(client: pg.PoolClient, names: StatementNames): void {
  const query = client.query.bind(client) as (...args: unknown[]) => unknown
  let unnamed = false
  Object.assign(client, {
    query: (...args: unknown[]) => {
      const config = args[0] as QueryConfig | null
      const name =
        !unnamed &&
        typeof config === 'object' &&
        config !== null &&
        typeof config.text === 'string' &&
        config.name === undefined &&
        Array.isArray(config.values)
          ? names.nameOf(config.text)
          : undefined
      if (name === undefined) return query(...args)
      const refused = (err: unknown) => {
        if (err instanceof Error && RESULT_TYPE_CHANGED.test(err.message)) unnamed = true
      }
      // pg.Pool#query passes a callback (config, values, callback); Prisma's transactions get the promise.
      const rest = args.slice(1).map((arg) =>
        typeof arg === 'function'
          ? (err: unknown, ...results: unknown[]) => {
              refused(err)
              return (arg as (...a: unknown[]) => unknown)(err, ...results)
            }
          : arg,
      )
      const result = query({ ...config, name }, ...rest)
      if (result instanceof Promise) result.catch(refused)
      return result
    },
  })
}
