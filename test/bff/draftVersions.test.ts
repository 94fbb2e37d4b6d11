// Draft versions: the public version list and the clause-by-clause comparison of any two published versions.
import { compareClauses, textChanges } from '../../bff/src/lib/clauseDiff'
import { signInDemoCitizen, signInStaff } from '../support/identity'
import { startTestApp, type TestApp } from '../support/testApp'

const day = 86_400_000
let app: TestApp
let editor: Awaited<ReturnType<typeof signInStaff>>
let reviewer: Awaited<ReturnType<typeof signInStaff>>
let departmentId: number

const post = (who: { auth: Record<string, string> }, path: string, json?: unknown) =>
  app.request(path, { method: 'POST', headers: who.auth, ...(json !== undefined ? { json } : {}) })

beforeAll(async () => {
  app = await startTestApp({ settings: { demoLogin: true } })
  departmentId = (await app.db.department.create({ data: { name: '自然资源局' } })).id
  editor = await signInStaff(app, 'EDITOR', undefined, { departments: [departmentId] })
  reviewer = await signInStaff(app, 'REVIEWER', undefined, { departments: [departmentId] })
})
afterAll(() => app.close())

async function publishedDraft() {
  const now = app.now.value.getTime()
  const created = await post(editor, '/api/staff/consultations', {
    title: '高新区临时占道管理办法（征求意见稿）',
    summary: '规范临时占用道路的审批和管理。',
    departmentId,
    opensAt: new Date(now - day).toISOString(),
    closesAt: new Date(now + 40 * day).toISOString(),
    sections: [
      { heading: '第一条 目的', body: '为规范临时占道行为，制定本办法。' },
      { heading: '第二条 审批', body: '临时占道须经城市管理部门批准，期限不超过三十日。' },
      { heading: '第三条 收费', body: '占道费按日计收。' },
    ],
  })
  expect(created.status).toBe(201)
  const id = created.body.id as number
  expect((await post(reviewer, `/api/staff/consultations/${id}/publish`)).status).toBe(200)
  return id
}

describe('draft versions (public)', () => {
  it('lists every published version with its note and compares two versions clause by clause', async () => {
    const id = await publishedDraft()
    const revised = await post(editor, `/api/staff/consultations/${id}/revisions`, {
      note: '缩短审批期限，取消占道费，增加公示条款',
      sections: [
        { heading: '第一条 目的', body: '为规范临时占道行为，制定本办法。' },
        { heading: '第二条 审批', body: '临时占道须经城市管理部门批准，期限不超过十五日。' },
        { heading: '第三条 公示', body: '批准的占道信息应在现场公示。' },
      ],
    })
    expect(revised.status).toBe(201)

    const list = await app.request(`/api/consultations/${id}/versions`)
    expect(list.status).toBe(200)
    expect(list.body.current).toBe(2)
    expect(list.body.versions).toEqual([
      expect.objectContaining({ version: 1, note: '', clauseCount: 3 }),
      expect.objectContaining({ version: 2, note: '缩短审批期限，取消占道费，增加公示条款', clauseCount: 3 }),
    ])

    const compared = await app.request(`/api/consultations/${id}/versions/compare?from=1&to=2`)
    expect(compared.status).toBe(200)
    expect(compared.body.counts).toEqual({ added: 1, removed: 1, changed: 1, unchanged: 1 })
    const kinds = compared.body.changes.map((c: { kind: string; before: { heading: string } | null; after: { heading: string } | null }) => [
      c.kind,
      (c.after ?? c.before)!.heading,
    ])
    expect(kinds).toEqual([
      ['unchanged', '第一条 目的'],
      ['changed', '第二条 审批'],
      ['added', '第三条 公示'],
      ['removed', '第三条 收费'],
    ])
    const changed = compared.body.changes[1]
    expect(changed.segments.filter((s: { op: string }) => s.op === 'removed').map((s: { text: string }) => s.text)).toEqual(['三'])
    expect(changed.segments.filter((s: { op: string }) => s.op === 'added').map((s: { text: string }) => s.text)).toEqual(['五'])

    // Either way round: from the later to the earlier version the added clause is the removed one.
    const back = await app.request(`/api/consultations/${id}/versions/compare?from=2&to=1`)
    expect(back.body.counts).toEqual({ added: 1, removed: 1, changed: 1, unchanged: 1 })
  })

  it('answers a version that does not exist with VALIDATION_FAILED naming the field, and hides unpublished drafts', async () => {
    const id = await publishedDraft()
    const missing = await app.request(`/api/consultations/${id}/versions/compare?from=1&to=7`)
    expect(missing.status).toBe(400)
    expect(missing.body.error).toMatchObject({ code: 'VALIDATION_FAILED', details: { fields: { to: '没有第 7 稿' } } })

    const now = app.now.value.getTime()
    const unpublished = await post(editor, '/api/staff/consultations', {
      title: '尚未发布的征求意见稿',
      summary: '草稿',
      departmentId,
      opensAt: new Date(now + day).toISOString(),
      closesAt: new Date(now + 40 * day).toISOString(),
      sections: [{ heading: '第一条', body: '内容' }],
    })
    const hidden = await app.request(`/api/consultations/${unpublished.body.id}/versions`)
    expect(hidden.status).toBe(404)
    expect(hidden.body.error.code).toBe('NOT_FOUND')
  })
})

describe('the version an opinion was made on', () => {
  it('shows 第 1 稿 for opinions before the revision (whole draft or a clause) and 第 2 稿 after it, in 我的意见', async () => {
    const id = await publishedDraft()
    const citizen = await signInDemoCitizen(app, '周九')
    const clauseOfV1 = (await app.request(`/api/consultations/${id}`)).body.sections[1].id
    const opine = (text: string, key: string, sectionId?: number) =>
      app.request(`/api/consultations/${id}/opinions`, {
        method: 'POST',
        headers: citizen.auth,
        json: { text, consent: 'PRIVATE', idempotencyKey: key, ...(sectionId ? { sectionId } : {}) },
      })
    expect((await opine('建议审批期限再短一些，方便商户。', 'ver-opinion-01', clauseOfV1)).status).toBe(201)
    expect((await opine('整体上赞成这个办法的思路。', 'ver-opinion-02')).status).toBe(201)
    app.now.value = new Date(app.now.value.getTime() + 60_000)
    await post(editor, `/api/staff/consultations/${id}/revisions`, { note: '调整审批期限', sections: [{ heading: '第一条', body: '新的条款内容。' }] })
    app.now.value = new Date(app.now.value.getTime() + 60_000)
    expect((await opine('修订后的版本更清楚了，支持。', 'ver-opinion-03')).status).toBe(201)

    const mine = (await app.request('/api/me/opinions', { headers: citizen.auth })).body.items as Array<{ text: string; draftVersion: number }>
    expect(Object.fromEntries(mine.map((o) => [o.text, o.draftVersion]))).toEqual({
      '建议审批期限再短一些，方便商户。': 1,
      '整体上赞成这个办法的思路。': 1,
      '修订后的版本更清楚了，支持。': 2,
    })
  })
})

describe('clause comparison rule', () => {
  const clause = (position: number, heading: string, body: string) => ({ position, heading, body })

  it('keeps identical clauses as anchors and marks an inserted clause as added, not every later clause as changed', () => {
    const before = [clause(1, '第一条', '甲甲甲甲'), clause(2, '第二条', '乙乙乙乙')]
    const after = [clause(1, '第一条', '甲甲甲甲'), clause(2, '新增条款', '完全不同的内容'), clause(3, '第二条', '乙乙乙乙')]
    expect(compareClauses(before, after).map((c) => c.kind)).toEqual(['unchanged', 'added', 'unchanged'])
  })

  it('gives the runs of a changed text in order, so kept + added reads the new text and kept + removed the old', () => {
    const runs = textChanges('期限不超过三十日，费用按日计收。', '期限不超过十五日，免收费用。')
    expect(
      runs
        .filter((r) => r.op !== 'removed')
        .map((r) => r.text)
        .join(''),
    ).toBe('期限不超过十五日，免收费用。')
    expect(
      runs
        .filter((r) => r.op !== 'added')
        .map((r) => r.text)
        .join(''),
    ).toBe('期限不超过三十日，费用按日计收。')
  })
})
