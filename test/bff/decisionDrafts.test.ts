// Catalog entries (决策事项目录) are drafts until a reviewer of their department publishes them: no public read shows a draft, the public-read cache included.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import pg from 'pg'
import { signInDemoCitizen, signInStaff } from '../support/identity'
import { startTestApp, type TestApp } from '../support/testApp'

let app: TestApp
let own: number
let other: number
let editor: Record<string, string>
let reviewer: Record<string, string>
let otherReviewer: Record<string, string>

const entry = (title: string) => ({
  year: 2027,
  title,
  summary: '规范共享单车停放、调度和运营企业责任。',
  departmentId: own,
  plannedDecisionAt: '2027年第二季度',
  participationMethods: ['公开征求意见'],
  stages: [],
})

beforeAll(async () => {
  // The public reads go through the cache, invalidated by this database's change feed (as in production).
  app = await startTestApp({ publicCache: { ttlMs: 3_600_000 }, settings: { demoLogin: true } })
  own = (await app.db.department.create({ data: { name: '草稿甲局' } })).id
  other = (await app.db.department.create({ data: { name: '草稿乙局' } })).id
  editor = (await signInStaff(app, 'EDITOR', undefined, { departments: [own] })).auth
  reviewer = (await signInStaff(app, 'REVIEWER', undefined, { departments: [own] })).auth
  otherReviewer = (await signInStaff(app, 'REVIEWER', undefined, { departments: [other] })).auth
})
afterAll(() => app.close())

const publicTitles = async () => ((await app.request('/api/decisions?year=2027')).body as { title: string }[]).map((d) => d.title)
const create = async (title: string) =>
  (await app.request('/api/staff/decisions', { method: 'POST', headers: editor, json: entry(title) })).body as { id: number; publishedAt: string | null }

/**
 * The public list, read until it comes from the cache: the change feed reports the previous test's
 * writes up to a poll later (longer on a busy machine), and that report empties the cache once more.
 */
async function cachedList(): Promise<string | null> {
  let cache: string | null = null
  for (const end = Date.now() + 5_000; Date.now() < end; await new Promise((r) => setTimeout(r, 100))) {
    cache = (await app.request('/api/decisions?year=2027')).headers.get('x-cache')
    if (cache === 'HIT') break
  }
  return cache
}

it('keeps a new entry out of every public read while it is a draft, the cached list included; staff see it', async () => {
  expect(await publicTitles()).toEqual([])
  expect(await cachedList()).toBe('HIT')
  const overviewBefore = (await app.request('/api/overview')).body.decisionsThisYear

  const draft = await create('高新区共享单车停放管理办法')
  expect(draft.publishedAt).toBeNull()
  expect(await publicTitles()).toEqual([])
  const page = await app.request(`/api/decisions/${draft.id}`)
  expect([page.status, page.body.error.code]).toEqual([404, 'NOT_FOUND'])
  expect((await app.request('/api/overview')).body.decisionsThisYear).toBe(overviewBefore)
  const citizen = await signInDemoCitizen(app)
  const follow = await app.request(`/api/me/follows/DECISION/${draft.id}`, { method: 'PUT', headers: citizen.auth })
  expect(follow.status).toBe(404)

  const staffList = (await app.request('/api/staff/decisions?year=2027', { headers: reviewer })).body
  expect(staffList).toEqual([expect.objectContaining({ id: draft.id, publishedAt: null })])
  expect((await app.request(`/api/staff/decisions/${draft.id}`, { headers: editor })).body).toMatchObject({ id: draft.id, publishedAt: null })
  expect((await app.request('/api/staff/decisions', { headers: citizen.auth })).status).toBe(403)
})

it('refuses publishing by a reviewer of another department and by an editor; the entry stays a draft', async () => {
  const { id } = await create('高新区夜间经济发展若干措施')
  const elsewhere = await app.request(`/api/staff/decisions/${id}/publish`, { method: 'POST', headers: otherReviewer })
  expect([elsewhere.status, elsewhere.body.error.code]).toEqual([403, 'FORBIDDEN_DEPARTMENT'])
  const byEditor = await app.request(`/api/staff/decisions/${id}/publish`, { method: 'POST', headers: editor })
  expect([byEditor.status, byEditor.body.error.code]).toEqual([403, 'FORBIDDEN'])
  expect((await app.db.decision.findUniqueOrThrow({ where: { id } })).publishedAt).toBeNull()
  expect(await publicTitles()).not.toContain('高新区夜间经济发展若干措施')
})

it('publishes on the department reviewer’s explicit request, audited; the cached list and the page show it at once; a second publish is 409', async () => {
  const titlesBefore = await publicTitles()
  expect(await cachedList()).toBe('HIT')
  const { id } = (await app.request('/api/staff/decisions?year=2027', { headers: reviewer })).body.find(
    (d: { title: string }) => d.title === '高新区共享单车停放管理办法',
  )
  const published = await app.request(`/api/staff/decisions/${id}/publish`, { method: 'POST', headers: reviewer })
  expect(published.status).toBe(200)
  expect(published.body.publishedAt).toEqual(expect.any(String))
  expect(await publicTitles()).toEqual([...titlesBefore, '高新区共享单车停放管理办法'])
  expect((await app.request(`/api/decisions/${id}`)).body).toMatchObject({ id, title: '高新区共享单车停放管理办法' })
  expect((await app.request(`/api/decisions/${id}`)).body).not.toHaveProperty('publishedAt')
  const audit = await app.db.auditLog.findMany({ where: { entity: 'decision', entityId: String(id), action: 'publishDecision' } })
  expect(audit).toHaveLength(1)
  const again = await app.request(`/api/staff/decisions/${id}/publish`, { method: 'POST', headers: reviewer })
  expect([again.status, again.body.error.code]).toEqual([409, 'ALREADY_PUBLISHED'])
})

it('drops a cached answer when an entry goes back to draft by hand (SQL), through the change feed', async () => {
  expect(await publicTitles()).toContain('高新区共享单车停放管理办法')
  const client = new pg.Client({ connectionString: app.databaseUrl })
  await client.connect()
  await client.query(`UPDATE decision SET published_at = NULL WHERE title = '高新区共享单车停放管理办法'`)
  await client.end()
  let titles = await publicTitles()
  for (let i = 0; i < 80 && titles.includes('高新区共享单车停放管理办法'); i++) {
    await new Promise((r) => setTimeout(r, 25))
    titles = await publicTitles()
  }
  expect(titles).not.toContain('高新区共享单车停放管理办法')
})

it('migrates entries kept before drafts existed as published', async () => {
  const sql = readFileSync(path.resolve(__dirname, '../../prisma/migrations/20261206194812_h13_templates_decision_drafts_attachments/migration.sql'), 'utf8')
  const statements = sql
    .split(';')
    .map((s) => s.replace(/^\s*--.*$/gm, '').trim())
    .filter((s) => /"decision"/.test(s))
  expect(statements).toHaveLength(2)
  const client = new pg.Client({ connectionString: app.databaseUrl })
  await client.connect()
  try {
    await client.query('BEGIN')
    await client.query('ALTER TABLE decision DROP COLUMN published_at')
    const { rows } = await client.query<{ id: number }>(
      `INSERT INTO decision (year, title, summary, department_id, planned_decision_at, participation_methods, created_at)
       VALUES (2025, '旧目录事项', '迁移前已公开', $1, '2025年', '{}', '2025-03-01T00:00:00Z') RETURNING id`,
      [own],
    )
    for (const statement of statements) await client.query(statement)
    const after = await client.query<{ published_at: Date }>('SELECT published_at FROM decision WHERE id = $1', [rows[0]!.id])
    expect(after.rows[0]!.published_at.toISOString()).toBe('2025-03-01T00:00:00.000Z')
  } finally {
    await client.query('ROLLBACK')
    await client.end()
  }
})
