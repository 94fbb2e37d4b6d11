import { type ChildProcess, spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { PRIVACY_NOTICE_VERSION } from '@gm/shared'
import { freePort } from '../../bff/src/db/embeddedPostgres'
import { cloneDatabase, dropDatabase, serverFromEnv } from '../support/postgres'

/**
 * 2,000 people sign up at once for 100 seats through two BFF processes sharing one PostgreSQL:
 * exactly 100 are confirmed, the waitlist fills to its size, everyone else is refused with
 * SEATS_EXHAUSTED, nobody twice. Then 50 confirmed people cancel at once and exactly 50 are
 * promoted from the waitlist.
 */
const root = path.resolve(__dirname, '../..')
const PEOPLE = 2000
const SEATS = 100
const WAITLIST = 500
const CANCELLING = 50

let database: string
let databaseUrl: string
let db: pg.Pool
let eventId: number
const servers: { child: ChildProcess; base: string; output: () => string }[] = []
const tempDir = mkdtempSync(path.join(os.tmpdir(), 'gm-concurrency-'))
const token = (i: number) => `concurrencytoken${String(i).padStart(5, '0')}${'x'.repeat(12)}`

async function startServer(): Promise<(typeof servers)[number]> {
  const port = await freePort()
  let output = ''
  const child = spawn(process.execPath, [path.join(root, 'bff/dist/server.js')], {
    cwd: root,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, DATABASE_URL: databaseUrl, PORT: String(port), LOG_LEVEL: 'error', DB_POOL_MAX: '20', STATIC_DIR: tempDir,
      // This test is about exact counts, not latency: on a busy 2-core CI machine the burst may take
      // longer than production's 30 s queueing bound (503), so requests may queue for the whole test.
      DB_WAIT_MS: '170000' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  child.stdout!.on('data', (c: Buffer) => (output += c.toString()))
  child.stderr!.on('data', (c: Buffer) => (output += c.toString()))
  const base = `http://127.0.0.1:${port}`
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) throw new Error(`server exited:\n${output}`)
    try {
      if ((await fetch(`${base}/readyz`)).ok) return { child, base, output: () => output }
    } catch {
      // starting
    }
    await new Promise((r) => setTimeout(r, 100))
  }
  throw new Error(`server not ready:\n${output}`)
}

beforeAll(async () => {
  if (!existsSync(path.join(root, 'bff/dist/server.js'))) throw new Error('bff/dist/server.js is missing: run `npm run build:bff` (npm test does it)')
  const server = serverFromEnv()
  database = `gm_concurrency_${randomBytes(4).toString('hex')}`
  databaseUrl = await cloneDatabase(server, process.env.GM_TEST_TEMPLATE_DB!, database)
  db = new pg.Pool({ connectionString: databaseUrl, max: 4 })
  const department = await db.query(`INSERT INTO department (name) VALUES ('并发测试部门') RETURNING id`)
  const event = await db.query(
    `INSERT INTO event (kind, title, description, place, department_id, starts_at, ends_at, signup_opens_at, signup_closes_at,
                        capacity, reserved_seats, waitlist_capacity, selection_mode, published_at)
     VALUES ('OPEN_DAY', '并发报名测试', '—', '—', $1, now() + interval '10 days', now() + interval '10 days 3 hours',
             now() - interval '1 day', now() + interval '5 days', $2, 0, $3, 'FIRST_COME', now() - interval '1 day') RETURNING id`,
    [department.rows[0].id, SEATS, WAITLIST],
  )
  eventId = event.rows[0].id
  // 2,000 citizens who accepted the current privacy notice, each with a session whose token we know.
  await db.query(
    `WITH c AS (INSERT INTO citizen (openid, privacy_version, privacy_accepted_at) SELECT 'concurrency-' || i, $2, now() FROM generate_series(1, $1) i RETURNING id, openid)
     INSERT INTO session (token_hash, citizen_id, expires_at)
     SELECT encode(sha256(convert_to('concurrencytoken' || lpad(substr(openid, 13), 5, '0') || repeat('x', 12), 'UTF8')), 'hex'), id, now() + interval '1 day' FROM c`,
    [PEOPLE, PRIVACY_NOTICE_VERSION],
  )
  servers.push(await startServer(), await startServer())
}, 120_000)

afterAll(async () => {
  for (const s of servers) {
    const exited = new Promise((r) => s.child.once('exit', r))
    s.child.kill('SIGTERM')
    await exited
  }
  await db?.end()
  if (database) await dropDatabase(serverFromEnv(), database)
  rmSync(tempDir, { recursive: true, force: true })
}, 60_000)

type SignupBody = { status?: string; error?: { code: string } }

async function counts() {
  const byStatus = await db.query<{ status: string; n: string }>('SELECT status, count(*) AS n FROM registration WHERE event_id = $1 GROUP BY status', [eventId])
  const event = await db.query<{ confirmed_count: number; waitlist_count: number }>('SELECT confirmed_count, waitlist_count FROM event WHERE id = $1', [eventId])
  return { ...Object.fromEntries(byStatus.rows.map((r) => [r.status, Number(r.n)])), ...event.rows[0] }
}

it(`confirms exactly ${SEATS} of ${PEOPLE} simultaneous signups across two processes`, async () => {
  const responses = await Promise.all(
    Array.from({ length: PEOPLE }, (_, i) =>
      fetch(`${servers[i % 2]!.base}/api/events/${eventId}/registrations`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token(i + 1)}` },
        body: JSON.stringify({ name: `并发${i}`, phone: '13800138000', category: 'PUBLIC' }),
      })
        .then(async (r) => ({ status: r.status, body: (await r.json()) as SignupBody }))
        // A dropped connection shows up in the tally (with the servers' output below) instead of hiding the rest.
        .catch((e: Error & { cause?: { code?: string; message?: string } }) => ({ status: 0, body: { error: { code: `${e.message}: ${e.cause?.code ?? e.cause?.message}` } } as SignupBody })),
    ),
  )
  expect({ exitCodes: servers.map((s) => s.child.exitCode), output: servers.map((s) => s.output().slice(-2000)) }).toEqual({ exitCodes: [null, null], output: expect.anything() })
  const outcome = (r: (typeof responses)[number]) => `${r.status} ${r.body.status ?? r.body.error?.code}`
  const tally: Record<string, number> = {}
  for (const r of responses) tally[outcome(r)] = (tally[outcome(r)] ?? 0) + 1
  expect(tally).toEqual({ '201 SELECTED': SEATS, '201 WAITLISTED': WAITLIST, '409 SEATS_EXHAUSTED': PEOPLE - SEATS - WAITLIST })
  expect(await counts()).toEqual({ SELECTED: SEATS, WAITLISTED: WAITLIST, confirmed_count: SEATS, waitlist_count: WAITLIST })
  const duplicates = await db.query('SELECT citizen_id FROM registration WHERE event_id = $1 GROUP BY citizen_id HAVING count(*) > 1', [eventId])
  expect(duplicates.rowCount).toBe(0)
}, 180_000)

it(`promotes exactly ${CANCELLING} waitlisted people when ${CANCELLING} confirmed people cancel at once`, async () => {
  const selected = await db.query<{ id: number; citizen_id: number }>(`SELECT id, citizen_id FROM registration WHERE event_id = $1 AND status = 'SELECTED' ORDER BY id LIMIT $2`, [eventId, CANCELLING])
  const firstWaiting = await db.query<{ id: number }>(`SELECT id FROM registration WHERE event_id = $1 AND status = 'WAITLISTED' ORDER BY id LIMIT $2`, [eventId, CANCELLING])
  const openid = await db.query<{ id: number; openid: string }>('SELECT id, openid FROM citizen WHERE id = ANY($1)', [selected.rows.map((r) => r.citizen_id)])
  const numberOf = new Map(openid.rows.map((r) => [r.id, Number(r.openid.slice('concurrency-'.length))]))
  const responses = await Promise.all(
    selected.rows.map((r, i) =>
      fetch(`${servers[i % 2]!.base}/api/me/registrations/${r.id}/cancel`, { method: 'POST', headers: { authorization: `Bearer ${token(numberOf.get(r.citizen_id)!)}` } }).then((res) => res.status),
    ),
  )
  expect(responses.every((s) => s === 200)).toBe(true)
  expect(await counts()).toEqual({ SELECTED: SEATS, WAITLISTED: WAITLIST - CANCELLING, CANCELLED: CANCELLING, confirmed_count: SEATS, waitlist_count: WAITLIST - CANCELLING })
  const promoted = await db.query<{ status: string }>('SELECT DISTINCT status FROM registration WHERE id = ANY($1)', [firstWaiting.rows.map((r) => r.id)])
  expect(promoted.rows).toEqual([{ status: 'SELECTED' }])
}, 120_000)
