// The public-read cache: a cached answer changes within a second of the write that changes it, on every BFF instance and whoever writes; time alone changes it on time.
import { randomBytes } from 'node:crypto'
import pg from 'pg'
import pino from 'pino'
import { CHANGE_FEED_APPLICATION, NOT_PUBLIC_TABLES } from '../../bff/src/db/changeFeed'
import { PublicReadCache } from '../../bff/src/http/publicReadCache'
import { type BffProcess, call, requireBuiltServer, startBffProcess } from '../support/bffProcess'
import { cloneDatabase, dropDatabase, serverFromEnv } from '../support/postgres'
import { startTestApp, type TestApp } from '../support/testApp'

const DAY = 86_400_000
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/** Reads until `done` holds, for at most `ms`; answers the last reading and when it held (ms after the start). */
async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, ms: number): Promise<{ value: T; afterMs: number | null }> {
  const start = Date.now()
  let value = await read()
  while (!done(value)) {
    if (Date.now() - start > ms) return { value, afterMs: null }
    await sleep(25)
    value = await read()
  }
  return { value, afterMs: Date.now() - start }
}

describe('in one process, with the test clock', () => {
  let app: TestApp
  let departmentId: number
  beforeAll(async () => {
    app = await startTestApp({ now: new Date('2026-03-10T02:00:00Z'), publicCache: { ttlMs: 3_600_000 } })
    departmentId = (await app.db.department.create({ data: { name: '缓存时间测试局' } })).id
  })
  afterAll(() => app.close())

  it('records changes of every table except the ones listed as shown by no public read', async () => {
    const client = new pg.Client({ connectionString: app.databaseUrl })
    await client.connect()
    const { rows } = await client
      .query<{ table: string; notifies: boolean }>(
        `SELECT c.relname AS "table",
                EXISTS (SELECT 1 FROM pg_trigger t WHERE t.tgrelid = c.oid AND t.tgname = c.relname || '_public_changed') AS notifies
           FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
          WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') ORDER BY 1`,
      )
      .finally(() => client.end())
    const undecided = rows.filter((r) => !r.notifies && !(NOT_PUBLIC_TABLES as readonly string[]).includes(r.table)).map((r) => r.table)
    const both = rows.filter((r) => r.notifies && (NOT_PUBLIC_TABLES as readonly string[]).includes(r.table)).map((r) => r.table)
    expect({ undecided, both }).toEqual({ undecided: [], both: [] })
    expect(rows.filter((r) => r.notifies).length).toBeGreaterThan(20)
  })

  it('serves a cached answer until the window closes, then the closed one at once (the TTL is an hour here)', async () => {
    const now = app.now.value.getTime()
    const consultation = await app.db.consultation.create({
      data: {
        departmentId,
        title: '时间边界测试办法',
        summary: '—',
        opensAt: new Date(now - 40 * DAY),
        closesAt: new Date(now + 90_000),
        publishedAt: new Date(now - 40 * DAY),
      },
    })
    await sleep(300) // the insert's notice
    const read = async () => {
      const answer = await app.request(`/api/consultations/${consultation.id}`)
      return { status: answer.body.status as string, cache: answer.headers.get('x-cache') }
    }
    expect(await read()).toEqual({ status: 'open', cache: 'MISS' })
    expect(await read()).toEqual({ status: 'open', cache: 'HIT' })
    app.now.value = new Date(now + 89_999)
    expect(await read()).toEqual({ status: 'open', cache: 'HIT' })
    app.now.value = new Date(now + 90_000)
    expect(await read()).toEqual({ status: 'closed', cache: 'MISS' })
    expect(await read()).toEqual({ status: 'closed', cache: 'HIT' })
  })

  it('shows an event at its scheduled publication and its signup opening on time', async () => {
    const now = app.now.value.getTime()
    const event = await app.db.event.create({
      data: {
        kind: 'OPEN_DAY',
        title: '定时发布开放日',
        description: '—',
        place: '—',
        departmentId,
        startsAt: new Date(now + 10 * DAY),
        endsAt: new Date(now + 10 * DAY + 3_600_000),
        signupOpensAt: new Date(now + 120_000),
        signupClosesAt: new Date(now + 5 * DAY),
        capacity: 10,
        selectionMode: 'FIRST_COME',
        publishedAt: new Date(now + 60_000),
      },
    })
    await sleep(300)
    const titles = async () => ((await app.request('/api/events')).body.items as { title: string }[]).map((e) => e.title)
    expect(await titles()).not.toContain('定时发布开放日')
    expect(await titles()).not.toContain('定时发布开放日') // now from the cache
    app.now.value = new Date(now + 60_000)
    expect(await titles()).toContain('定时发布开放日')
    const signup = async () => (await app.request(`/api/events/${event.id}`)).body.signupStatus as string
    expect(await signup()).toBe('upcoming')
    app.now.value = new Date(now + 120_000)
    expect(await signup()).toBe('open')
  })

  it('counts down 剩余天数 at closes_at minus whole days, not only at midnight', async () => {
    const now = app.now.value.getTime()
    const consultation = await app.db.consultation.create({
      data: {
        departmentId,
        title: '剩余天数测试办法',
        summary: '—',
        opensAt: new Date(now - DAY),
        closesAt: new Date(now + 2 * DAY + 5_000),
        publishedAt: new Date(now - DAY),
      },
    })
    await sleep(300)
    const daysLeft = async () => (await app.request(`/api/consultations/${consultation.id}`)).body.daysLeft as number
    expect(await daysLeft()).toBe(3)
    expect(await daysLeft()).toBe(3)
    app.now.value = new Date(now + 5_000)
    expect(await daysLeft()).toBe(2)
  })
})

describe('in one process, without the change feed', () => {
  let app: TestApp
  beforeAll(async () => {
    app = await startTestApp({ settings: { demoLogin: true }, publicCache: { ttlMs: 3_600_000, changeFeed: false } })
  })
  afterAll(() => app.close())

  it('reads its own write at once: a write through this instance empties its cache before answering', async () => {
    const item = await app.db.qaItem.create({
      data: { question: '自己写自己读？', answer: '是。', topic: '缓存', status: 'PUBLISHED', publishedAt: new Date(Date.now() - DAY) },
    })
    const helpful = async () => {
      const answer = await app.request(`/api/qa/${item.id}`)
      return { helpful: answer.body.helpfulCount as number, cache: answer.headers.get('x-cache') }
    }
    await helpful()
    expect(await helpful()).toEqual({ helpful: 0, cache: 'HIT' })
    expect((await app.request(`/api/qa/${item.id}/feedback`, { method: 'POST', json: { helpful: true } })).status).toBe(200)
    expect(await helpful()).toEqual({ helpful: 1, cache: 'MISS' })
    // Signing in writes nothing public: the cache stays.
    expect((await app.request('/api/auth/demo', { method: 'POST', json: { name: '李四' } })).status).toBe(200)
    expect((await helpful()).cache).toBe('HIT')
  })
})

describe('the cache alone', () => {
  it('answers without keeping the answer when the next schedule instant cannot be read', async () => {
    // (Outside jest, the version without the guard in fill() ended the process with an unhandled rejection here.)
    const cache = new PublicReadCache({
      ttlMs: 60_000,
      maxBytes: 1_000_000,
      clock: () => new Date(),
      nextScheduleInstant: () => Promise.reject(new Error('数据库不可用')),
      log: pino({ level: 'silent' }),
    })
    cache.up()
    const compute = () => new Promise((resolve) => setTimeout(() => resolve({ items: [] }), 30))
    // Two keys at once: the second waits on the first one's reading of the schedule.
    const first = await Promise.all([cache.read('a', compute, false), cache.read('b', compute, false)])
    expect(first.map((s) => s.cache)).toEqual(['MISS', 'MISS'])
    expect((await cache.read('a', compute, false)).cache).toBe('MISS')
  })

  it('keeps within its byte budget, least recently used out first', async () => {
    const cache = new PublicReadCache({
      ttlMs: 60_000,
      maxBytes: 20_000,
      clock: () => new Date(),
      nextScheduleInstant: async () => null,
      log: pino({ level: 'silent' }),
    })
    cache.up()
    const big = (i: number) => async () => ({ i, text: 'x'.repeat(3_000) })
    for (let i = 0; i < 20; i++) await cache.read(`k${i}`, big(i), false)
    expect(cache.size.bytes).toBeLessThanOrEqual(20_000)
    expect((await cache.read('k19', big(19), false)).cache).toBe('HIT')
    expect((await cache.read('k0', big(0), false)).cache).toBe('MISS')
  })
})

describe('two BFF processes on one PostgreSQL', () => {
  let database: string
  let db: pg.Pool
  const servers: BffProcess[] = []
  let consultationId: number
  let qaItemId: number

  const consultation = async (server: BffProcess) => {
    const answer = await call(server.base, `/api/consultations/${consultationId}`)
    return {
      title: answer.body.title as string,
      status: answer.body.status as string,
      closesAt: answer.body.closesAt as string,
      cache: answer.headers.get('x-cache'),
    }
  }

  beforeAll(async () => {
    requireBuiltServer()
    database = `gm_cache_${randomBytes(4).toString('hex')}`
    const url = await cloneDatabase(serverFromEnv(), process.env.GM_TEST_TEMPLATE_DB!, database)
    db = new pg.Pool({ connectionString: url, max: 3 })
    const department = await db.query(`INSERT INTO department (name) VALUES ('缓存测试部门') RETURNING id`)
    const created = await db.query(
      `INSERT INTO consultation (department_id, title, summary, opens_at, closes_at, published_at)
       VALUES ($1, '缓存测试办法（征求意见稿）', '—', now() - interval '40 days', now() + interval '20 days', now() - interval '40 days') RETURNING id`,
      [department.rows[0].id],
    )
    consultationId = created.rows[0].id
    const qa = await db.query(
      `INSERT INTO qa_item (question, answer, topic, status, published_at) VALUES ('缓存测试怎么办理？', '带身份证到服务大厅办理。', '缓存', 'PUBLISHED', now() - interval '1 day') RETURNING id`,
    )
    qaItemId = qa.rows[0].id
    const env = { RATE_LIMIT: 'off', PUBLIC_CACHE_TTL_MS: '600000' }
    servers.push(...(await Promise.all([startBffProcess(url, env), startBffProcess(url, env)])))
    // Both change feeds subscribed.
    for (const server of servers)
      expect(
        (
          await until(
            () => consultation(server),
            (c) => c.cache !== 'BYPASS',
            10_000,
          )
        ).afterMs,
      ).not.toBeNull()
  }, 120_000)

  afterAll(async () => {
    await Promise.all(servers.map((s) => s.stop()))
    await db?.end()
    if (database) await dropDatabase(serverFromEnv(), database)
  }, 60_000)

  // First: a view counted by a later test is flushed seconds afterwards and would empty the caches here anyway.
  it('a lost change-feed connection serves nothing stale: what changed meanwhile shows once it is back', async () => {
    for (const server of servers) {
      await consultation(server)
      expect((await consultation(server)).cache).toBe('HIT')
    }
    const ended = await db.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1 AND datname = current_database()`, [
      CHANGE_FEED_APPLICATION,
    ])
    expect(ended.rowCount).toBe(2)
    // Written while neither instance listens: this notice reaches nobody.
    await db.query(`UPDATE consultation SET title = '缓存测试办法（断线期间修改）' WHERE id = $1`, [consultationId])
    for (const server of servers) {
      const seen = await until(
        () => consultation(server),
        (c) => c.title === '缓存测试办法（断线期间修改）',
        3_000,
      )
      expect({ port: server.base, title: seen.value.title }).toEqual({ port: server.base, title: '缓存测试办法（断线期间修改）' })
    }
    // Subscribed again: cached, and invalidated as before.
    for (const server of servers)
      expect(
        (
          await until(
            () => consultation(server),
            (c) => c.cache === 'HIT',
            5_000,
          )
        ).afterMs,
      ).not.toBeNull()
    await db.query(`UPDATE consultation SET title = '缓存测试办法（重连后修改）' WHERE id = $1`, [consultationId])
    for (const server of servers) {
      const seen = await until(
        () => consultation(server),
        (c) => c.title === '缓存测试办法（重连后修改）',
        1_000,
      )
      expect(seen.value.title).toBe('缓存测试办法（重连后修改）')
    }
  })

  it('a write by SQL typed by hand reaches both instances within a second', async () => {
    for (const server of servers) {
      await consultation(server)
      expect((await consultation(server)).cache).toBe('HIT')
    }
    await db.query(`UPDATE consultation SET title = '缓存测试办法（修改稿）' WHERE id = $1`, [consultationId])
    for (const server of servers) {
      const seen = await until(
        () => consultation(server),
        (c) => c.title === '缓存测试办法（修改稿）',
        1_000,
      )
      expect({ port: server.base, title: seen.value.title }).toEqual({ port: server.base, title: '缓存测试办法（修改稿）' })
    }
    // A write that changes nothing public (a rolled-back transaction) does not empty the caches.
    await consultation(servers[0]!)
    const client = await db.connect()
    await client.query('BEGIN')
    await client.query(`UPDATE consultation SET title = '不会提交' WHERE id = $1`, [consultationId])
    await client.query('ROLLBACK')
    client.release()
    await sleep(200)
    expect(await consultation(servers[0]!)).toMatchObject({ title: '缓存测试办法（修改稿）', cache: 'HIT' })
  })

  it('after a burst of writes while both instances are read hard, both settle on the last write within a second', async () => {
    // An answer computed from rows read before a commit but finished after its notice must not be kept.
    let writing = true
    let last = ''
    const writer = (async () => {
      for (let i = 0; i < 80; i++) {
        last = `缓存并发修改稿${i}`
        await db.query('UPDATE consultation SET title = $2 WHERE id = $1', [consultationId, last])
        await sleep(i % 3)
      }
      writing = false
    })()
    const readers = servers.flatMap((server) =>
      Array.from({ length: 4 }, async () => {
        while (writing) await consultation(server)
      }),
    )
    await Promise.all([writer, ...readers])
    for (const server of servers) {
      const seen = await until(
        () => consultation(server),
        (c) => c.title === last,
        1_000,
      )
      expect({ port: server.base, title: seen.value.title }).toEqual({ port: server.base, title: last })
    }
    await sleep(300)
    for (const server of servers) expect((await consultation(server)).title).toBe(last)
  })

  it('a window that closes while cached shows 已结束 on both instances at once', async () => {
    const { rows } = await db.query<{ closes: Date }>(
      `UPDATE consultation SET closes_at = now() + interval '1500 milliseconds' WHERE id = $1 RETURNING closes_at AS closes`,
      [consultationId],
    )
    const closesAt = rows[0]!.closes.getTime()
    for (const server of servers) {
      // Cached again after the change (an answer from before it is a HIT too, until the next poll empties the cache).
      const changed = new Date(closesAt).toISOString()
      await until(
        () => consultation(server),
        (c) => c.closesAt === changed && c.cache === 'HIT',
        1_000,
      )
      expect(await consultation(server)).toMatchObject({ status: 'open', closesAt: changed, cache: 'HIT' })
    }
    await sleep(Math.max(0, closesAt - Date.now() + 20))
    for (const server of servers) expect((await consultation(server)).status).toBe('closed')
  })

  // Last: reading the item counts a view, flushed seconds later, which empties the caches (harmless, but not before the HIT checks above).
  it('a vote through one instance shows on the other within a second', async () => {
    const helpful = async (server: BffProcess) => {
      const answer = await call(server.base, `/api/qa/${qaItemId}`)
      return { helpful: answer.body.helpfulCount as number, cache: answer.headers.get('x-cache') }
    }
    for (const server of servers) {
      await helpful(server)
      expect(await helpful(server)).toEqual({ helpful: 0, cache: 'HIT' })
    }
    const vote = await call(servers[0]!.base, `/api/qa/${qaItemId}/feedback`, { method: 'POST', json: { helpful: true } })
    expect(vote.status).toBe(200)
    for (const server of servers) {
      const seen = await until(
        () => helpful(server),
        (h) => h.helpful === 1,
        1_000,
      )
      expect({ port: server.base, helpful: seen.value.helpful }).toEqual({ port: server.base, helpful: 1 })
    }
  })
})
