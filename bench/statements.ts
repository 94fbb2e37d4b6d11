// Statements per request: each workload's requests sent one at a time to a BFF instance whose database connections go through a proxy that reads the SQL off the wire.
import type pg from 'pg'
import { CHANGE_FEED_APPLICATION } from '../bff/src/db/changeFeed'
import { startStatementProxy } from '../test/support/pgStatementProxy'
import { citizenToken } from './writes'

export interface StatementCount {
  /** Statements per request the first time each path is asked (nothing cached yet on this instance). */
  first: number
  /** Statements per request when the same paths are asked again. */
  repeated: number
  requests: number
}

export type StatementCounts = Record<string, StatementCount>

export const SIGNUP_SEATED = 'POST signup that gets a seat'
export const SIGNUP_REFUSED = 'POST signup refused (event full)'

interface Counting {
  reads: { name: string; paths: string[] }[]
  /** The opinion workload's name and the consultations it writes to. */
  opinions?: { name: string; consultationIds: number[] }
  signups: boolean
  /** Seeded citizens to write as (none of them used for these events or opinions before). */
  citizens: number[]
}

const round = (n: number) => Math.round(n * 100) / 100

/**
 * Starts a proxy in front of `databaseUrl`'s server (the change feed's polls are not counted: they
 * run on a timer, not per request) and one more BFF instance (`start`) connected through it, then
 * counts: reads — each path once (first) and once more (repeated); opinions — one per citizen, each
 * a new key; signups — a first-come event with 5 seats, 5 people seated then 5 refused. Requests go
 * one at a time, so every statement between two answers belongs to the request between them.
 */
export async function countStatements(
  client: pg.Client,
  databaseUrl: string,
  start: (databaseUrl: string) => Promise<{ base: string; stop(): Promise<void> }>,
  what: Counting,
): Promise<StatementCounts> {
  const target = new URL(databaseUrl)
  const proxy = await startStatementProxy({ host: target.hostname, port: Number(target.port || 5432) }, { ignoreApplications: [CHANGE_FEED_APPLICATION] })
  const viaProxy = new URL(databaseUrl)
  viaProxy.hostname = '127.0.0.1'
  viaProxy.port = String(proxy.port)
  const bff = await start(viaProxy.toString())
  const counts: StatementCounts = {}
  try {
    const send = async (method: string, path: string, headers: Record<string, string> = {}, body?: string) => {
      const answer = await fetch(bff.base + path, { method, headers: { 'content-type': 'application/json', ...headers }, body })
      await answer.arrayBuffer()
      return answer.status
    }
    // Let the instance's start-up statements (and its first change-feed reads) pass.
    await new Promise((r) => setTimeout(r, 1_000))
    proxy.take()
    const measure = async (requests: (() => Promise<number>)[]) => {
      proxy.take()
      const statuses = []
      for (const request of requests) statuses.push(await request())
      return { statements: proxy.take().length, statuses }
    }
    for (const read of what.reads) {
      const first = await measure(read.paths.map((p) => () => send('GET', p)))
      const repeated = await measure(read.paths.map((p) => () => send('GET', p)))
      counts[read.name] = {
        first: round(first.statements / read.paths.length),
        repeated: round(repeated.statements / read.paths.length),
        requests: read.paths.length,
      }
    }
    let next = 0
    const citizen = () => {
      const c = what.citizens[next++]
      if (c === undefined) throw new Error('语句计数：可用的市民不够')
      return c
    }
    if (what.opinions && what.opinions.consultationIds.length > 0) {
      const ids = what.opinions.consultationIds
      const opinion = (i: number) => {
        const c = citizen()
        return () =>
          send(
            'POST',
            `/api/consultations/${ids[i % ids.length]}/opinions`,
            { authorization: `Bearer ${citizenToken(c)}` },
            JSON.stringify({ text: `语句计数第${i}条意见：建议公开办理进度。`, consent: 'PUBLISH_MASKED', idempotencyKey: `statements-${c}-${i}` }),
          )
      }
      const first = await measure([0, 1, 2, 3, 4].map(opinion))
      const repeated = await measure([5, 6, 7, 8, 9].map(opinion))
      if ([...first.statuses, ...repeated.statuses].some((s) => s !== 201))
        console.warn(`语句计数：意见未全部受理 ${[...first.statuses, ...repeated.statuses].join()}`)
      counts[what.opinions.name] = { first: round(first.statements / 5), repeated: round(repeated.statements / 5), requests: 10 }
    }
    if (what.signups) {
      const event = await client.query<{ id: number }>(
        `INSERT INTO event (kind, title, description, place, department_id, starts_at, ends_at, signup_opens_at, signup_closes_at,
                            capacity, reserved_seats, waitlist_capacity, selection_mode, published_at)
         VALUES ('OPEN_DAY', '语句计数活动', '—', '高新区政务服务中心', 1, now() + interval '10 days', now() + interval '10 days 3 hours',
                 now() - interval '1 day', now() + interval '5 days', 5, 0, 0, 'FIRST_COME', now() - interval '1 day') RETURNING id`,
      )
      const eventId = event.rows[0]!.id
      const signup = () => {
        const c = citizen()
        return () =>
          send(
            'POST',
            `/api/events/${eventId}/registrations`,
            { authorization: `Bearer ${citizenToken(c)}`, 'idempotency-key': `statements-${eventId}-${c}` },
            JSON.stringify({ name: `计数${c}`, phone: '13800138000', category: 'PUBLIC' }),
          )
      }
      const seated = await measure([1, 2, 3, 4, 5].map(signup))
      // The first refusal reads that the event is full; this instance then refuses without a statement.
      const refusedFirst = await measure([signup()])
      const refusedMore = await measure([1, 2, 3, 4].map(signup))
      const statuses = [...seated.statuses, ...refusedFirst.statuses, ...refusedMore.statuses]
      if (statuses.join() !== '201,201,201,201,201,409,409,409,409,409') console.warn(`语句计数：报名结果不符 ${statuses.join()}`)
      counts[SIGNUP_SEATED] = { first: round(seated.statements / 5), repeated: round(seated.statements / 5), requests: 5 }
      counts[SIGNUP_REFUSED] = { first: refusedFirst.statements, repeated: round(refusedMore.statements / 4), requests: 5 }
    }
    return counts
  } finally {
    await bff.stop()
    await proxy.close()
  }
}
