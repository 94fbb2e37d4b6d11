import pino from 'pino'
import { createDatabaseClient, type DatabaseHandle } from '../../bff/src/db/client'
import type { Deps } from '../../bff/src/deps'
import { searchQa } from '../../bff/src/services/qa'
import { signInStaff } from '../support/identity'
import { startTestApp, type TestApp } from '../support/testApp'

/**
 * Staff maintain the library: editors draft, reviewers publish; edits to published items wait for
 * review; the search index of every BFF process follows changes through the version counter; the
 * colloquial dictionary takes staff entries; every write leaves an audit entry.
 */
let app: TestApp
let editor: Awaited<ReturnType<typeof signInStaff>>
let reviewer: Awaited<ReturnType<typeof signInStaff>>
/** A second "process": its own database client, so its own in-memory index. */
let other: DatabaseHandle
let otherDeps: Deps

const post = (who: { auth: Record<string, string> }, path: string, json?: unknown, method = 'POST') =>
  app.request(path, { method, headers: who.auth, ...(json !== undefined ? { json } : {}) })
const searchIds = async (q: string) => ((await app.request(`/api/qa/search?q=${encodeURIComponent(q)}`)).body.items as { id: number }[]).map((i) => i.id)
const otherSearchIds = async (q: string) => (await searchQa(otherDeps, { q, page: 1, pageSize: 10 })).items.map((i) => i.id)

const draft = (extra: Record<string, unknown> = {}) => ({
  question: '新生儿怎么办理医保参保登记？',
  answer: '新生儿出生后，监护人可持出生医学证明在“医保服务平台”办理城乡居民医保参保登记，出生当年免缴个人缴费部分。',
  topic: '医疗',
  ...extra,
})

beforeAll(async () => {
  app = await startTestApp()
  editor = await signInStaff(app, 'EDITOR')
  reviewer = await signInStaff(app, 'REVIEWER')
  other = createDatabaseClient(app.databaseUrl, { poolMax: 2, log: pino({ level: 'silent' }) })
  otherDeps = { ...app.deps, db: other.db }
})
afterAll(async () => {
  await other.close()
  await app.close()
})

describe('drafting, review and publication', () => {
  let id: number

  it('keeps an editor’s draft out of the public library until a reviewer publishes it', async () => {
    const created = await post(editor, '/api/staff/qa', draft({ aliases: ['刚出生的宝宝怎么上医保'] }))
    expect(created.status).toBe(201)
    expect(created.body).toMatchObject({ status: 'DRAFT', publishedAt: null, aliases: ['刚出生的宝宝怎么上医保'] })
    id = created.body.id
    expect((await app.request(`/api/qa/${id}`)).status).toBe(404)
    expect(await searchIds('新生儿医保')).not.toContain(id)
    expect((await post(editor, `/api/staff/qa/${id}/publish`)).status).toBe(403)

    const published = await post(reviewer, `/api/staff/qa/${id}/publish`)
    expect(published.body).toMatchObject({ status: 'PUBLISHED', publishedAt: expect.any(String), reviewNotice: null })
    expect((await app.request(`/api/qa/${id}`)).status).toBe(200)
    expect((await searchIds('刚出生的宝宝怎么上医保'))[0]).toBe(id)
  })

  it('makes the change visible to every BFF process, not only the one that made it', async () => {
    expect((await otherSearchIds('新生儿医保'))[0]).toBe(id)
    const second = await post(
      editor,
      '/api/staff/qa',
      draft({ question: '新生儿医保卡怎么领取？', answer: '参保登记后 10 个工作日内可在社保卡服务网点领取。' }),
    )
    expect(await otherSearchIds('新生儿医保卡领取')).not.toContain(second.body.id)
    await post(reviewer, `/api/staff/qa/${second.body.id}/publish`)
    expect((await otherSearchIds('新生儿医保卡领取'))[0]).toBe(second.body.id)
    await post(reviewer, `/api/staff/qa/${second.body.id}/withdraw`, { reason: '内容与另一条重复' })
    expect(await otherSearchIds('新生儿医保卡领取')).not.toContain(second.body.id)
    expect((await app.request(`/api/qa/${second.body.id}`)).status).toBe(404)
  })

  it('holds an edit to a published item for review while the public keeps the published answer', async () => {
    const edited = await post(editor, `/api/staff/qa/${id}`, draft({ answer: '新生儿出生后 90 日内办理参保登记的，自出生之日起享受医保待遇。' }), 'PUT')
    expect(edited.status).toBe(200)
    expect(edited.body.pendingRevision.answer).toEqual([
      { type: 'paragraph', children: [{ text: '新生儿出生后 90 日内办理参保登记的，自出生之日起享受医保待遇。' }] },
    ])
    expect((await app.request(`/api/qa/${id}`)).body.answer).toContain('出生医学证明')
    expect((await app.request('/api/staff/qa?needsReview=true', { headers: editor.auth })).body.items.map((i: { id: number }) => i.id)).toContain(id)

    const published = await post(reviewer, `/api/staff/qa/${id}/publish`)
    expect(published.body).toMatchObject({ pendingRevision: null, answer: expect.stringContaining('90 日内') })
    expect((await app.request(`/api/qa/${id}`)).body.answer).toContain('90 日内')
    expect((await post(reviewer, `/api/staff/qa/${id}/publish`)).body.error.code).toBe('NOTHING_TO_PUBLISH')
  })

  it('accepts structured rich text and keeps a plain-text rendering for search and export', async () => {
    const answer = [
      { type: 'heading', children: [{ text: '办理材料' }] },
      { type: 'list', ordered: true, items: [[{ text: '出生医学证明' }], [{ text: '监护人身份证' }]] },
      {
        type: 'paragraph',
        children: [
          { text: '咨询电话 ', bold: true },
          { text: '12393', href: 'tel:12393' },
        ],
      },
    ]
    const created = await post(editor, '/api/staff/qa', draft({ question: '新生儿参保要带哪些材料？', answer }))
    expect(created.body.answerBlocks).toEqual(answer)
    expect(created.body.answer).toBe('办理材料\n1. 出生医学证明\n2. 监护人身份证\n咨询电话 12393')
  })

  it('refuses unknown topics, clauses without their document and references that do not exist', async () => {
    const unknownTopic = await post(editor, '/api/staff/qa', draft({ topic: '星际旅行' }))
    expect([unknownTopic.status, unknownTopic.body.error.code, unknownTopic.body.error.details.fields.topic]).toEqual([
      400,
      'TOPIC_UNKNOWN',
      expect.any(String),
    ])
    expect((await post(editor, '/api/staff/qa', draft({ clauseId: 1 }))).body.error.details.fields.clauseId).toMatch(/政策文件/)
    expect((await post(editor, '/api/staff/qa', draft({ policyDocumentId: 99999 }))).body.error.details.fields.policyDocumentId).toBe('政策文件不存在')
    expect((await post(editor, '/api/staff/qa', draft({ departmentId: 99999 }))).status).toBe(400)
    expect((await post(editor, '/api/staff/qa', draft({ question: '' }))).body.error.details.fields.question).toBe('请填写问题')
    expect((await post(editor, '/api/staff/qa', { ...draft(), status: 'PUBLISHED' })).body.error.details.fields.status).toBe('不支持的字段')
    expect((await post(editor, '/api/staff/qa/999999', draft(), 'PUT')).status).toBe(404)
  })

  it('lets reviewers extend the topic list', async () => {
    expect((await post(reviewer, '/api/staff/qa-topics', { name: '户籍' })).status).toBe(201)
    expect((await post(reviewer, '/api/staff/qa-topics', { name: '户籍' })).body.error.code).toBe('QA_TOPIC_EXISTS')
    expect((await post(editor, '/api/staff/qa', draft({ topic: '户籍' }))).status).toBe(201)
    expect((await app.request('/api/qa/topics')).body.map((t: { topic: string }) => t.topic)).toContain('户籍')
  })
})

describe('the colloquial dictionary', () => {
  it('takes a staff entry into every process’s search at once, and forgets it when deleted', async () => {
    const created = await post(
      editor,
      '/api/staff/qa',
      draft({ question: '城乡居民医保每年什么时候缴费？', answer: '每年 9 月至 12 月集中缴纳下一年度城乡居民医保费。', topic: '医疗' }),
    )
    await post(reviewer, `/api/staff/qa/${created.body.id}/publish`)
    const q = '新农合'
    expect(await otherSearchIds(q)).not.toContain(created.body.id)
    const entry = await post(editor, '/api/staff/qa-synonyms', { terms: ['合作医疗', '新农合'], expansions: ['城乡居民医保'] })
    expect(entry.status).toBe(201)
    expect((await otherSearchIds(q))[0]).toBe(created.body.id)
    expect((await searchIds(q))[0]).toBe(created.body.id)

    const list = (await app.request('/api/staff/qa-synonyms', { headers: editor.auth })).body
    expect(list).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ builtIn: true, terms: expect.arrayContaining(['退休金']) }),
        expect.objectContaining({ id: entry.body.id, builtIn: false }),
      ]),
    )
    expect((await post(editor, `/api/staff/qa-synonyms/${entry.body.id}`, undefined, 'DELETE')).status).toBe(204)
    expect(await otherSearchIds(q)).not.toContain(created.body.id)
    expect((await post(editor, `/api/staff/qa-synonyms/${entry.body.id}`, undefined, 'DELETE')).status).toBe(404)
  })

  it('refuses malformed entries', async () => {
    for (const body of [
      { terms: [], expansions: ['x'] },
      { terms: ['a b'], expansions: ['c'] },
      { terms: ['x=>y'], expansions: ['z'] },
      { terms: ['很长'.repeat(20)], expansions: ['z'] },
    ]) {
      expect((await post(editor, '/api/staff/qa-synonyms', body)).status).toBe(400)
    }
  })
})

describe('audit', () => {
  it('records every staff write with who did it', async () => {
    const entries = await app.db.auditLog.findMany({ where: { entity: { in: ['qaItem', 'qaSynonym', 'qaTopic'] } }, select: { action: true, staffId: true } })
    const actions = new Set(entries.map((e) => e.action))
    for (const action of ['createQaItem', 'updateQaItem', 'publishQaItem', 'withdrawQaItem', 'createQaSynonym', 'deleteQaSynonym', 'createQaTopic'])
      expect(actions).toContain(action)
    expect(entries.filter((e) => e.action === 'publishQaItem').every((e) => e.staffId === reviewer.staff.id)).toBe(true)
  })
})
