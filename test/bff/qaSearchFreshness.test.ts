// The Q&A search index is per instance: an item published or withdrawn through one BFF is found (or gone) in search on the other within seconds, without a search there to notice.
import { createHash, randomBytes } from 'node:crypto'
import pg from 'pg'
import { type BffProcess, call, requireBuiltServer, startBffProcess } from '../support/bffProcess'
import { cloneDatabase, dropDatabase, serverFromEnv } from '../support/postgres'

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))
const TOKEN = `freshness${randomBytes(12).toString('hex')}`
const auth = { authorization: `Bearer ${TOKEN}` }

let database: string
let db: pg.Pool
const servers: BffProcess[] = []
let liveId: number
let draftId: number

const found = async (server: BffProcess, q: string) => {
  const answer = await call(server.base, `/api/qa/search?q=${encodeURIComponent(q)}`)
  expect(answer.status).toBe(200)
  return (answer.body.items as { id: number }[]).map((item) => item.id)
}

/** Polls `q` on `server` until `done` holds; the milliseconds it took, or null after `ms`. */
async function within(server: BffProcess, q: string, done: (ids: number[]) => boolean, ms: number): Promise<number | null> {
  const start = Date.now()
  while (Date.now() - start <= ms) {
    if (done(await found(server, q))) return Date.now() - start
    await sleep(50)
  }
  return null
}

beforeAll(async () => {
  requireBuiltServer()
  database = `gm_qafresh_${randomBytes(4).toString('hex')}`
  const url = await cloneDatabase(serverFromEnv(), process.env.GM_TEST_TEMPLATE_DB!, database)
  db = new pg.Pool({ connectionString: url, max: 3 })
  const department = await db.query(`INSERT INTO department (name) VALUES ('检索新鲜度测试部门') RETURNING id`)
  const departmentId = department.rows[0].id
  const staff = await db.query(
    `INSERT INTO staff (username, display_name, password_hash, role, department_id, must_change_password)
     VALUES ('fresh.reviewer', '新鲜度审核', 'unused', 'REVIEWER', $1, false) RETURNING id`,
    [departmentId],
  )
  await db.query(`INSERT INTO staff_department (staff_id, department_id) VALUES ($1, $2)`, [staff.rows[0].id, departmentId])
  await db.query(`INSERT INTO session (token_hash, staff_id, expires_at) VALUES ($1, $2, now() + interval '1 day')`, [
    createHash('sha256').update(TOKEN).digest('hex'),
    staff.rows[0].id,
  ])
  await db.query(`INSERT INTO qa_topic (name) VALUES ('新鲜度') ON CONFLICT DO NOTHING`)
  const live = await db.query(
    `INSERT INTO qa_item (question, answer, topic, status, published_at) VALUES ('冰雕节门票怎么预约？', '在活动页面选择场次预约。', '新鲜度', 'PUBLISHED', now()) RETURNING id`,
  )
  liveId = live.rows[0].id
  const draft = await db.query(
    `INSERT INTO qa_item (question, answer, topic, status) VALUES ('风筝比赛怎么报名参加？', '在赛事页面填写报名表。', '新鲜度', 'DRAFT') RETURNING id`,
  )
  draftId = draft.rows[0].id
  await db.query(`INSERT INTO qa_library_state (id, version) VALUES (1, 1) ON CONFLICT (id) DO UPDATE SET version = qa_library_state.version + 1`)
  // Info logs: the second test reads when an instance built its index.
  const env = { RATE_LIMIT: 'off', LOG_LEVEL: 'info' }
  servers.push(...(await Promise.all([startBffProcess(url, env), startBffProcess(url, env)])))
}, 120_000)

afterAll(async () => {
  await Promise.all(servers.map((s) => s.stop()))
  await db?.end()
  if (database) await dropDatabase(serverFromEnv(), database)
}, 60_000)

it('an item published through one instance is found on the other within 3 seconds, and gone as quickly once withdrawn', async () => {
  const [a, b] = servers as [BffProcess, BffProcess]
  // Both instances have built their index (and cached their answers).
  for (const server of servers) {
    expect(await found(server, '冰雕节门票预约')).toContain(liveId)
    expect(await found(server, '风筝比赛报名')).not.toContain(draftId)
  }

  expect((await call(a.base, `/api/staff/qa/${draftId}/publish`, { method: 'POST', headers: auth })).status).toBe(200)
  const published = await within(b, '风筝比赛报名', (ids) => ids.includes(draftId), 3_000)
  expect(published).not.toBeNull()

  const withdrawn = await call(a.base, `/api/staff/qa/${liveId}/withdraw`, { method: 'POST', headers: auth, json: { reason: '活动已结束' } })
  expect(withdrawn.status).toBe(200)
  expect(await within(b, '冰雕节门票预约', (ids) => !ids.includes(liveId), 3_000)).not.toBeNull()
  expect(await within(a, '冰雕节门票预约', (ids) => !ids.includes(liveId), 3_000)).not.toBeNull()
})

it('rebuilds on the feed, not on a search: the other instance builds the new index before anyone searches there', async () => {
  const [a, b] = servers as [BffProcess, BffProcess]
  const draft = await db.query(
    `INSERT INTO qa_item (question, answer, topic, status) VALUES ('龙舟赛观赛需要门票吗？', '免费观赛，无需门票。', '新鲜度', 'DRAFT') RETURNING id`,
  )
  const id = draft.rows[0].id as number
  expect((await call(a.base, `/api/staff/qa/${id}/publish`, { method: 'POST', headers: auth })).status).toBe(200)
  const version = (await db.query(`SELECT version FROM qa_library_state WHERE id = 1`)).rows[0].version as number
  // No search on b: its log shows the index of that version built all the same.
  const builtOnB = () =>
    b
      .output()
      .split('\n')
      .some((line) => line.includes('qa search index built') && line.includes(`"version":${version},`))
  const start = Date.now()
  while (!builtOnB() && Date.now() - start < 3_000) await sleep(50)
  expect(builtOnB()).toBe(true)
  expect(await found(b, '龙舟赛观赛门票')).toContain(id)
})
