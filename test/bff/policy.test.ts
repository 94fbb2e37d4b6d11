import { signInStaff } from '../support/identity'
import { startTestApp, type TestApp } from '../support/testApp'

/**
 * Policy documents and interpretations, linked both ways, and what a change of validity does to the
 * Q&A items resting on a document: flagged, with a notice on the public item, until a reviewer
 * confirms or updates them.
 */
let app: TestApp
let editor: Awaited<ReturnType<typeof signInStaff>>
let reviewer: Awaited<ReturnType<typeof signInStaff>>
const call = (who: { auth: Record<string, string> }, path: string, json?: unknown, method = 'POST') =>
  app.request(path, { method, headers: who.auth, ...(json !== undefined ? { json } : {}) })

const document = (extra: Record<string, unknown> = {}) => ({
  title: '高新区生育支持若干措施',
  issuer: '高新区管委会',
  docNumber: '高新管发〔2026〕8号',
  writtenOn: '2026-03-01',
  publishedOn: '2026-03-05',
  summary: '一次性生育补贴、托育补贴和产假期间社保补贴。',
  topic: '生育',
  sections: [
    { heading: '第一条 一次性生育补贴', body: '在高新区参保的家庭生育子女的，每孩发放一次性生育补贴 3,000 元。' },
    { heading: '第二条 托育补贴', body: '3 周岁以下婴幼儿入托备案托育机构的，每月补贴 500 元。' },
  ],
  attachments: [{ title: '申请表', url: 'https://www.example.gov.cn/syzc/form.xlsx' }],
  ...extra,
})

let documentId: number
let clauseId: number
let itemId: number

beforeAll(async () => {
  app = await startTestApp()
  editor = await signInStaff(app, 'EDITOR')
  reviewer = await signInStaff(app, 'REVIEWER')
})
afterAll(() => app.close())

describe('documents and interpretations', () => {
  it('keeps a document a draft until a reviewer publishes it, then freezes its text', async () => {
    const created = await call(editor, '/api/staff/policies', document())
    expect(created.status).toBe(201)
    expect(created.body).toMatchObject({ status: 'DRAFT', validity: 'VALID', sections: [{ position: 1 }, { position: 2 }], attachments: [{ title: '申请表' }] })
    documentId = created.body.id
    clauseId = created.body.sections[0].id
    expect((await app.request(`/api/policies/${documentId}`)).status).toBe(404)

    const updated = await call(editor, `/api/staff/policies/${documentId}`, document({ summary: '修改后的摘要' }), 'PUT')
    expect(updated.body.sections[0].id).toBe(clauseId)
    expect((await call(editor, `/api/staff/policies/${documentId}/publish`)).status).toBe(403)
    expect((await call(reviewer, `/api/staff/policies/${documentId}/publish`)).body).toMatchObject({ status: 'PUBLISHED', releasedAt: expect.any(String) })

    const pub = await app.request(`/api/policies/${documentId}`)
    expect(pub.body).toMatchObject({
      docNumber: '高新管发〔2026〕8号',
      summary: '修改后的摘要',
      writtenAt: '2026-02-28T16:00:00.000Z',
      publishedAt: '2026-03-04T16:00:00.000Z',
    })
    expect((await app.request(`/api/policies?q=${encodeURIComponent('生育支持')}`)).body.items.map((p: { id: number }) => p.id)).toEqual([documentId])
    expect((await call(editor, `/api/staff/policies/${documentId}`, document(), 'PUT')).body.error.code).toBe('POLICY_IMMUTABLE')
  })

  it('rejects malformed documents with field errors', async () => {
    const bad = await call(editor, '/api/staff/policies', document({ writtenOn: '2026-13-01', attachments: [{ title: 'x', url: 'javascript:alert(1)' }] }))
    expect(bad.status).toBe(400)
    expect(Object.keys(bad.body.error.details.fields)).toEqual(expect.arrayContaining(['writtenOn', 'attachments.0.url']))
    expect(
      (await call(editor, '/api/staff/policies', document({ writtenOn: '2026-03-10', publishedOn: '2026-03-01' }))).body.error.details.fields.publishedOn,
    ).toMatch(/早于/)
  })

  it('links interpretations and documents both ways, publishing each only when its document is public', async () => {
    const draftDoc = await call(editor, '/api/staff/policies', document({ docNumber: '高新管发〔2026〕9号', title: '尚未发布的文件' }))
    const early = await call(editor, `/api/staff/policies/${draftDoc.body.id}/interpretations`, {
      kind: 'TEXT',
      title: '解读',
      body: [{ type: 'paragraph', children: [{ text: '内容' }] }],
    })
    expect((await call(reviewer, `/api/staff/interpretations/${early.body.id}/publish`)).body.error.code).toBe('CONTENT_NOT_PUBLISHED')

    const body = [
      { type: 'heading', children: [{ text: '补贴怎么领？' }] },
      { type: 'image', src: 'https://www.example.gov.cn/syzc/flow.png', alt: '申领流程图' },
      { type: 'paragraph', children: [{ text: '<b>不是标记</b>，按文字显示' }] },
    ]
    const created = await call(editor, `/api/staff/policies/${documentId}/interpretations`, {
      kind: 'GRAPHIC',
      title: '图解生育支持措施',
      author: '社会事务局',
      body,
    })
    expect(created.status).toBe(201)
    expect((await app.request(`/api/interpretations/${created.body.id}`)).status).toBe(404)
    expect((await call(reviewer, `/api/staff/interpretations/${created.body.id}/publish`)).body.status).toBe('PUBLISHED')
    const interpretation = (await app.request(`/api/interpretations/${created.body.id}`)).body
    expect(interpretation).toMatchObject({ kind: 'GRAPHIC', body, document: { id: documentId, docNumber: '高新管发〔2026〕8号', validity: 'VALID' } })
    expect((await app.request(`/api/policies/${documentId}`)).body.interpretations).toEqual([
      expect.objectContaining({ id: created.body.id, kind: 'GRAPHIC', title: '图解生育支持措施' }),
    ])
    expect((await call(editor, `/api/staff/interpretations/${created.body.id}`, { kind: 'TEXT', title: '改', body }, 'PUT')).body.error.code).toBe(
      'POLICY_IMMUTABLE',
    )
  })
})

describe('repealing a policy', () => {
  beforeAll(async () => {
    const created = await call(editor, '/api/staff/qa', {
      question: '生孩子的一次性补贴发多少？',
      answer: '在高新区参保的家庭，每孩 3,000 元。',
      topic: '生育',
      policyDocumentId: documentId,
      clauseId,
    })
    itemId = created.body.id
    await call(reviewer, `/api/staff/qa/${itemId}/publish`)
  })

  it('shows the document and clause on the public item while the policy is valid', async () => {
    const item = (await app.request(`/api/qa/${itemId}`)).body
    expect(item).toMatchObject({
      reviewNotice: null,
      policy: { id: documentId, validity: 'VALID' },
      clause: { id: clauseId, heading: '第一条 一次性生育补贴' },
    })
    expect((await app.request(`/api/policies/${documentId}`)).body.qaItems).toEqual([
      { id: itemId, question: '生孩子的一次性补贴发多少？', topic: '生育', reviewNotice: null },
    ])
  })

  it('flags the items resting on a repealed policy and shows the notice publicly until a reviewer confirms', async () => {
    const successor = await call(editor, '/api/staff/policies', document({ docNumber: '高新管发〔2026〕20号', title: '高新区生育支持若干措施（2026年修订）' }))
    await call(reviewer, `/api/staff/policies/${successor.body.id}/publish`)
    expect((await call(editor, `/api/staff/policies/${documentId}/validity`, { validity: 'REPEALED', effectiveOn: '2026-06-01' })).status).toBe(403)

    const repealed = await call(reviewer, `/api/staff/policies/${documentId}/validity`, {
      validity: 'REPEALED',
      effectiveOn: '2026-06-01',
      replacedById: successor.body.id,
      note: '被修订版替代',
    })
    expect(repealed.status).toBe(200)
    expect(repealed.body).toMatchObject({
      flaggedQaItems: 1,
      policy: { validity: 'REPEALED', validityChangedAt: '2026-05-31T16:00:00.000Z', replacedBy: { id: successor.body.id } },
    })

    const item = (await app.request(`/api/qa/${itemId}`)).body
    expect(item.reviewNotice).toBe(
      '本解答所依据的《高新区生育支持若干措施》（高新管发〔2026〕8号）已于 2026-06-01 废止，由《高新区生育支持若干措施（2026年修订）》（高新管发〔2026〕20号）替代，内容正在复核，仅供参考。',
    )
    expect(item.policy).toMatchObject({ validity: 'REPEALED', replacedBy: { id: successor.body.id } })
    expect((await app.request(`/api/qa/search?q=${encodeURIComponent('生孩子补贴')}`)).body.items[0]).toMatchObject({
      id: itemId,
      reviewNotice: expect.stringContaining('复核'),
    })
    expect((await app.request(`/api/policies/${successor.body.id}`)).body.replaces).toEqual([expect.objectContaining({ id: documentId })])
    expect((await app.request('/api/staff/qa?needsReview=true', { headers: reviewer.auth })).body.items.map((i: { id: number }) => i.id)).toEqual([itemId])

    const confirmed = await call(reviewer, `/api/staff/qa/${itemId}/confirm`, {
      policyDocumentId: successor.body.id,
      clauseId: successor.body.sections[0].id,
      note: '新文件标准未变',
    })
    expect(confirmed.body).toMatchObject({ reviewNotice: null, flaggedAt: null, policy: { id: successor.body.id, validity: 'VALID' } })
    expect((await app.request(`/api/qa/${itemId}`)).body).toMatchObject({ reviewNotice: null, clause: { heading: '第一条 一次性生育补贴' } })
  })

  it('flags an amended policy’s items again, and an editor’s update published by a reviewer clears it too', async () => {
    const current = (await app.request(`/api/qa/${itemId}`)).body.policy.id
    const amended = await call(reviewer, `/api/staff/policies/${current}/validity`, { validity: 'AMENDED', effectiveOn: '2026-09-01' })
    expect(amended.body.flaggedQaItems).toBe(1)
    expect((await app.request(`/api/qa/${itemId}`)).body.reviewNotice).toContain('2026-09-01 修改')
    await call(
      editor,
      `/api/staff/qa/${itemId}`,
      { question: '生孩子的一次性补贴发多少？', answer: '自 2026 年 9 月 1 日起，每孩 5,000 元。', topic: '生育', policyDocumentId: current },
      'PUT',
    )
    expect((await app.request(`/api/qa/${itemId}`)).body.reviewNotice).toContain('2026-09-01 修改')
    await call(reviewer, `/api/staff/qa/${itemId}/publish`)
    expect((await app.request(`/api/qa/${itemId}`)).body).toMatchObject({ reviewNotice: null, answer: expect.stringContaining('5,000') })
  })

  it('rejects impossible validity changes without changing anything', async () => {
    const before = await app.db.policyDocument.findUniqueOrThrow({ where: { id: documentId } })
    expect(
      (await call(reviewer, `/api/staff/policies/${documentId}/validity`, { validity: 'REPEALED', effectiveOn: '2026-06-01', replacedById: documentId })).body
        .error.details.fields.replacedById,
    ).toMatch(/本文件/)
    expect((await call(reviewer, `/api/staff/policies/${documentId}/validity`, { validity: 'CANCELLED', effectiveOn: '2026-06-01' })).status).toBe(400)
    expect((await call(reviewer, '/api/staff/policies/999999/validity', { validity: 'REPEALED', effectiveOn: '2026-06-01' })).status).toBe(404)
    expect(await app.db.policyDocument.findUniqueOrThrow({ where: { id: documentId } })).toEqual(before)
  })

  it('audits document and validity changes', async () => {
    const actions = (await app.db.auditLog.findMany({ where: { entity: { in: ['policyDocument', 'policyInterpretation'] } }, select: { action: true } })).map(
      (a) => a.action,
    )
    expect(new Set(actions)).toEqual(
      new Set(['createPolicy', 'updatePolicy', 'publishPolicy', 'changePolicyValidity', 'createInterpretation', 'publishInterpretation']),
    )
  })
})
