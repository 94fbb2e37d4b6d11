// Write workloads of `npm run bench`: opinions from distinct citizens (every acknowledged one stored once) and a signup burst across two BFF instances.
import { randomBytes } from 'node:crypto'
import http from 'node:http'
import type autocannon from 'autocannon'
import pg from 'pg'
import { PRIVACY_NOTICE_VERSION } from '@gm/shared'

export const OPINIONS_WORKLOAD = 'POST /api/consultations/:id/opinions (distinct citizens)'
export const BURST_WORKLOAD = 'signups at once, 2 instances'

/** The bearer token of seeded citizen i (see seedCitizens). */
export const citizenToken = (i: number) => `benchcitizen${String(i).padStart(6, '0')}${'z'.repeat(12)}`

/** Citizens 1…count who accepted the current privacy notice, each signed in with a session whose token the bench knows. */
export async function seedCitizens(client: pg.Client, count: number) {
  await client.query(
    `WITH c AS (INSERT INTO citizen (openid, privacy_version, privacy_accepted_at)
                SELECT 'bench-' || lpad(i::text, 6, '0'), $2, now() FROM generate_series(1, $1::int) i RETURNING id, openid)
     INSERT INTO session (token_hash, citizen_id, expires_at)
     SELECT encode(sha256(convert_to('benchcitizen' || substr(openid, 7) || repeat('z', 12), 'UTF8')), 'hex'), id, now() + interval '1 day' FROM c`,
    [count, PRIVACY_NOTICE_VERSION],
  )
}

/**
 * The autocannon request of the opinion workload: each request a new citizen (in turn over all
 * seeded ones) and a new idempotency key, on the open consultations in turn; the receipt codes of
 * the acknowledged (201) answers are kept for the check afterwards, and every other answer is counted
 * by status and error code.
 */
export function opinionRequests(consultationIds: number[], citizens: number) {
  const run = randomBytes(4).toString('hex')
  const acknowledged: string[] = []
  const refused: Record<string, number> = {}
  let next = 0
  const request: autocannon.Request = {
    method: 'POST',
    setupRequest: (req) => {
      const n = next++
      return {
        ...req,
        path: `/api/consultations/${consultationIds[n % consultationIds.length]}/opinions`,
        headers: { 'content-type': 'application/json', authorization: `Bearer ${citizenToken(1 + (n % citizens))}` },
        body: JSON.stringify({
          text: `第${n}条基准意见：建议进一步简化申请材料，明确办理时限。`,
          consent: 'PUBLISH_MASKED',
          idempotencyKey: `bench-${run}-${n}`,
        }),
      }
    },
    onResponse: (status, body) => {
      if (status === 201) acknowledged.push((JSON.parse(body) as { receiptCode: string }).receiptCode)
      else {
        const kind = `${status} ${errorCodeOf(body)}`
        refused[kind] = (refused[kind] ?? 0) + 1
      }
    },
  }
  return { request, run, acknowledged, refused }
}

function errorCodeOf(body: string) {
  try {
    return (JSON.parse(body) as { error?: { code?: string } }).error?.code ?? '?'
  } catch {
    return '?'
  }
}

/** Every acknowledged opinion is in the database exactly once; how many more were stored without an answer read (cut off at the end of a run). */
export async function checkOpinionsStored(client: pg.Client, run: string, acknowledged: string[], refused: Record<string, number>) {
  const distinct = new Set(acknowledged)
  const found = await client.query<{ n: string }>('SELECT count(*) AS n FROM opinion WHERE receipt_code = ANY($1)', [[...distinct]])
  const all = await client.query<{ n: string; keys: string }>(
    `SELECT count(*) AS n, count(DISTINCT idempotency_key) AS keys FROM opinion WHERE idempotency_key LIKE $1`,
    [`bench-${run}-%`],
  )
  return {
    acknowledged: acknowledged.length,
    distinctReceipts: distinct.size,
    found: Number(found.rows[0]!.n),
    stored: Number(all.rows[0]!.n),
    storedKeys: Number(all.rows[0]!.keys),
    refused: { ...refused },
  }
}
export type OpinionsStored = Awaited<ReturnType<typeof checkOpinionsStored>>

export interface BurstRound {
  wallMs: number
  p50Ms: number
  p99Ms: number
  maxMs: number
  /** Answers by status and code, e.g. "201 SELECTED", "409 SEATS_EXHAUSTED", "503 SERVICE_UNAVAILABLE", "0 timeout". */
  answers: Record<string, number>
  /** When (ms after the burst started) the first and the last answer of each kind arrived (runs from 2026-12-06 23:10 on). */
  answeredAt?: Record<string, { firstMs: number; lastMs: number }>
  /** In the database after the round. */
  confirmed: number
  confirmedCount: number
  duplicates: number
  /** The same burst against two bare Koa processes just before (runs from 2026-12-06 19:50 on). */
  ceiling?: { wallMs: number; p50Ms: number; p99Ms: number; maxMs: number; answers: Record<string, number> }
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0

/** One connection per person, like phones (no keep-alive pool); node:http rather than fetch, whose per-request cost in the bench process competes with the servers for the machine's cores. */
const burstAgent = new http.Agent({ keepAlive: false, maxSockets: Infinity })

interface BurstAnswer {
  status: number
  body: string
}

function post(base: string, path: string, headers: Record<string, string>, body: string, timeoutMs: number): Promise<BurstAnswer> {
  const url = new URL(path, base)
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: 'POST',
        agent: burstAgent,
        headers: { ...headers, 'content-length': Buffer.byteLength(body) },
        timeout: timeoutMs,
      },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString() }))
        res.on('error', reject)
      },
    )
    req.on('timeout', () => req.destroy(Object.assign(new Error('timeout'), { name: 'TimeoutError' })))
    req.on('error', reject)
    req.end(body)
  })
}

/** `people` requests at once, alternating over `bases`; answers by status and code, latencies, wall time. */
async function burstOf(
  bases: string[],
  people: number,
  request: (i: number) => { path: string; headers: Record<string, string>; body: string },
  timeoutMs: number,
) {
  const latencies: number[] = []
  const answers: Record<string, number> = {}
  const answeredAt: Record<string, { firstMs: number; lastMs: number }> = {}
  const started = performance.now()
  await Promise.all(
    Array.from({ length: people }, async (_, i) => {
      const t0 = performance.now()
      let outcome: string
      try {
        const r = request(i)
        const response = await post(bases[i % bases.length]!, r.path, { 'content-type': 'application/json', ...r.headers }, r.body, timeoutMs)
        const body = JSON.parse(response.body || '{}') as { status?: string; error?: { code: string } }
        outcome = `${response.status} ${body.status ?? body.error?.code ?? ''}`.trim()
      } catch (err) {
        outcome = (err as Error).name === 'TimeoutError' ? '0 timeout' : `0 ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`
      }
      const end = performance.now()
      latencies.push(end - t0)
      answers[outcome] = (answers[outcome] ?? 0) + 1
      const at = Math.round(end - started)
      const seen = answeredAt[outcome]
      answeredAt[outcome] = seen ? { firstMs: Math.min(seen.firstMs, at), lastMs: Math.max(seen.lastMs, at) } : { firstMs: at, lastMs: at }
    }),
  )
  const wallMs = performance.now() - started
  const sorted = latencies.sort((a, b) => a - b)
  return {
    wallMs: Math.round(wallMs),
    p50Ms: Math.round(percentile(sorted, 50)),
    p99Ms: Math.round(percentile(sorted, 99)),
    maxMs: Math.round(sorted[sorted.length - 1] ?? 0),
    answers,
    answeredAt,
  }
}

/**
 * The ceiling of a burst on this machine at this moment: the same number of people, client and
 * connections against two bare Koa processes answering every request at once (run just before each
 * BFF round; the round's ratio is ceiling wall time / BFF wall time).
 */
export function bareKoaBurst(bases: string[], people: number, timeoutMs: number) {
  return burstOf(
    bases,
    people,
    (i) => ({ path: '/api/events/1/registrations', headers: { authorization: `Bearer ${citizenToken(i)}` }, body: JSON.stringify({ name: `抢票${i}` }) }),
    timeoutMs,
  )
}

/**
 * One burst: `people` distinct citizens (from `firstCitizen`) sign up at once for a first-come
 * event with `seats` seats and no waitlist, alternating between the two instances, each request
 * with its own Idempotency-Key like the mini-program, no retries; answers not received within
 * `timeoutMs` count as "0 timeout".
 */
export async function signupBurst(
  client: pg.Client,
  bases: string[],
  o: { people: number; seats: number; firstCitizen: number; timeoutMs: number },
): Promise<BurstRound> {
  const event = await client.query<{ id: number }>(
    `INSERT INTO event (kind, title, description, place, department_id, starts_at, ends_at, signup_opens_at, signup_closes_at,
                        capacity, reserved_seats, waitlist_capacity, selection_mode, published_at)
     VALUES ('OPEN_DAY', '基准抢票活动', '—', '高新区政务服务中心', 1, now() + interval '10 days', now() + interval '10 days 3 hours',
             now() - interval '1 day', now() + interval '5 days', $1, 0, 0, 'FIRST_COME', now() - interval '1 day') RETURNING id`,
    [o.seats],
  )
  const eventId = event.rows[0]!.id
  const answered = await burstOf(
    bases,
    o.people,
    (i) => ({
      path: `/api/events/${eventId}/registrations`,
      headers: { authorization: `Bearer ${citizenToken(o.firstCitizen + i)}`, 'idempotency-key': `burst-${eventId}-${i}` },
      body: JSON.stringify({ name: `抢票${i}`, phone: '13800138000', category: 'PUBLIC' }),
    }),
    o.timeoutMs,
  )
  // A request answered 503 at its deadline may still be running in the BFF: read the outcome once it stops changing.
  const outcome = async () =>
    (
      await client.query<{ confirmed: string; confirmed_count: number; duplicates: string; rows: string }>(
        `SELECT (SELECT count(*) FROM registration WHERE event_id = $1 AND status = 'SELECTED') AS confirmed, e.confirmed_count,
                (SELECT count(*) FROM (SELECT citizen_id FROM registration WHERE event_id = $1 GROUP BY citizen_id HAVING count(*) > 1) d) AS duplicates,
                (SELECT count(*) FROM registration WHERE event_id = $1) AS rows
         FROM event e WHERE e.id = $1`,
        [eventId],
      )
    ).rows[0]!
  let r = await outcome()
  for (let waited = 0; waited < 30_000; waited += 2_000) {
    await new Promise((resolve) => setTimeout(resolve, 2_000))
    const again = await outcome()
    if (JSON.stringify(again) === JSON.stringify(r)) break
    r = again
  }
  return {
    ...answered,
    confirmed: Number(r.confirmed),
    confirmedCount: r.confirmed_count,
    duplicates: Number(r.duplicates),
  }
}

export interface BurstResult {
  people: number
  seats: number
  rounds: BurstRound[]
  /** The resident-set peak of each BFF instance over the rounds, MB (runs from 2026-12-07 on). */
  rssPeakMb?: number[]
}

/** The RESULTS.md cell of a burst: the median round by wall time, and every round's wall time. */
export function burstCell(burst: BurstResult | undefined) {
  if (!burst || burst.rounds.length === 0) return '—'
  const byWall = [...burst.rounds].sort((a, b) => a.wallMs - b.wallMs)
  const median = byWall[Math.floor(byWall.length / 2)]!
  const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`
  const at = (k: string) => {
    const t = median.answeredAt?.[k]
    return t ? ` (${s(t.firstMs)}–${s(t.lastMs)})` : ''
  }
  const answers = Object.entries(median.answers)
    .sort((a, b) => b[1] - a[1])
    .map(([k, v]) => `${v} × ${k}${at(k)}`)
    .join(', ')
  const ceiling = median.ceiling
    ? `ratio ${(median.ceiling.wallMs / median.wallMs).toFixed(2)} (bare Koa burst wall ${s(median.ceiling.wallMs)}, p99 ${s(median.ceiling.p99Ms)}; rounds ${burst.rounds.map((r) => (r.ceiling ? s(r.ceiling.wallMs) : '—')).join(' / ')}) · `
    : ''
  return `${burst.people} people for ${burst.seats} seats: ${ceiling}wall ${s(median.wallMs)} (rounds ${burst.rounds.map((r) => s(r.wallMs)).join(' / ')}) · p50 ${s(median.p50Ms)} / p99 ${s(median.p99Ms)} / max ${s(median.maxMs)} · ${median.confirmed} confirmed in the database (seat counter ${median.confirmedCount}, ${median.duplicates} duplicates) · ${answers}`
}

export function storedCell(stored: OpinionsStored | undefined) {
  if (!stored) return '—'
  const once = stored.found === stored.distinctReceipts && stored.distinctReceipts === stored.acknowledged && stored.stored === stored.storedKeys
  const refused = Object.entries(stored.refused ?? {})
    .map(([kind, n]) => `${n} × ${kind}`)
    .join(', ')
  return `${stored.acknowledged} acknowledged, ${stored.found} of them stored${once ? ' once each' : ' (MISMATCH)'}; ${stored.stored - stored.found} more stored whose answer the run did not wait for${refused ? `; answered otherwise (warm-up included): ${refused}` : ''}`
}
