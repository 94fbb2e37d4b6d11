import { signInDemoCitizen, signInStaff } from '../support/identity'
import { startTestApp, type TestApp } from '../support/testApp'

/**
 * 答复模板: a department's reviewers (and administrators) keep its templates; a reviewer of another
 * department neither sees nor changes them; editors and citizens are refused; every write is audited.
 */
let app: TestApp
let own: number
let other: number
let reviewer: Awaited<ReturnType<typeof signInStaff>>
let otherReviewer: Awaited<ReturnType<typeof signInStaff>>
let admin: Awaited<ReturnType<typeof signInStaff>>

const body = (departmentId: number, title = '采纳通用') => ({
  departmentId,
  title,
  body: '{{称呼}}：您好！您于{{收到日期}}对《{{征集名称}}》提出的意见已收悉，我们已研究采纳。',
})

beforeAll(async () => {
  app = await startTestApp({ settings: { demoLogin: true } })
  own = (await app.db.department.create({ data: { name: '模板甲局' } })).id
  other = (await app.db.department.create({ data: { name: '模板乙局' } })).id
  reviewer = await signInStaff(app, 'REVIEWER', undefined, { departments: [own] })
  otherReviewer = await signInStaff(app, 'REVIEWER', undefined, { departments: [other] })
  admin = await signInStaff(app, 'ADMIN', undefined, { departments: [other] })
})
afterAll(() => app.close())

const list = async (who: { auth: Record<string, string> }, query = '') =>
  (await app.request(`/api/staff/answer-templates${query}`, { headers: who.auth })).body as { id: number; title: string; department: { id: number } }[]

it('lets a reviewer keep templates of the own department, audited, and shows them to administrators', async () => {
  const created = await app.request('/api/staff/answer-templates', { method: 'POST', headers: reviewer.auth, json: body(own) })
  expect(created.status).toBe(201)
  expect(created.body).toMatchObject({ title: '采纳通用', department: { id: own, name: '模板甲局' }, body: expect.stringContaining('{{征集名称}}') })
  const updated = await app.request(`/api/staff/answer-templates/${created.body.id}`, {
    method: 'PUT',
    headers: reviewer.auth,
    json: { ...body(own, '采纳（通用）'), body: '{{称呼}}：您的意见（回执 {{回执编号}}）已采纳。' },
  })
  expect([updated.status, updated.body.title]).toEqual([200, '采纳（通用）'])
  expect((await list(reviewer)).map((t) => t.title)).toEqual(['采纳（通用）'])
  expect((await list(admin)).map((t) => t.title)).toContain('采纳（通用）')
  const audit = await app.db.auditLog.findMany({ where: { entity: 'answerTemplate', entityId: String(created.body.id) }, orderBy: { id: 'asc' } })
  expect(audit.map((a) => a.action)).toEqual(['createAnswerTemplate', 'updateAnswerTemplate'])
})

it('refuses a reviewer of another department: the template is not listed, not changed, not deleted, and none is made for that department', async () => {
  const [mine] = await list(reviewer)
  expect(await list(otherReviewer)).toEqual([])
  expect(await list(otherReviewer, `?departmentId=${own}`)).toEqual([])
  const put = await app.request(`/api/staff/answer-templates/${mine!.id}`, { method: 'PUT', headers: otherReviewer.auth, json: body(other, '改走') })
  expect([put.status, put.body.error.code]).toEqual([403, 'FORBIDDEN_DEPARTMENT'])
  const del = await app.request(`/api/staff/answer-templates/${mine!.id}`, { method: 'DELETE', headers: otherReviewer.auth })
  expect([del.status, del.body.error.code]).toEqual([403, 'FORBIDDEN_DEPARTMENT'])
  const post = await app.request('/api/staff/answer-templates', { method: 'POST', headers: otherReviewer.auth, json: body(own, '越权') })
  expect([post.status, post.body.error.code, post.body.error.details.fields]).toEqual([403, 'FORBIDDEN_DEPARTMENT', { departmentId: '只能选择您所属的部门' }])
  expect((await app.db.answerTemplate.findUniqueOrThrow({ where: { id: mine!.id } })).title).toBe('采纳（通用）')
  expect(await app.db.answerTemplate.count({ where: { title: '越权' } })).toBe(0)
})

it('refuses editors, citizens and anonymous callers', async () => {
  const editor = await signInStaff(app, 'EDITOR', undefined, { departments: [own] })
  const citizen = await signInDemoCitizen(app)
  expect((await app.request('/api/staff/answer-templates', { method: 'POST', headers: editor.auth, json: body(own, '编辑') })).status).toBe(403)
  expect((await app.request('/api/staff/answer-templates', { headers: editor.auth })).status).toBe(403)
  expect((await app.request('/api/staff/answer-templates', { headers: citizen.auth })).status).toBe(403)
  expect((await app.request('/api/staff/answer-templates')).status).toBe(401)
})

it('refuses an unknown placeholder and a duplicate title with field messages and stable codes', async () => {
  const typo = await app.request('/api/staff/answer-templates', {
    method: 'POST',
    headers: reviewer.auth,
    json: { ...body(own, '错字'), body: '{{称呼}}：您于{{收件日期}}提出的意见已收悉，感谢参与。' },
  })
  expect([typo.status, typo.body.error.code]).toEqual([400, 'VALIDATION_FAILED'])
  expect(typo.body.error.details.fields.body).toMatch(/未知的占位符：\{\{收件日期\}\}/)
  const dup = await app.request('/api/staff/answer-templates', { method: 'POST', headers: reviewer.auth, json: body(own, '采纳（通用）') })
  expect([dup.status, dup.body.error.code]).toEqual([409, 'ANSWER_TEMPLATE_EXISTS'])
  // The same title in another department is another template.
  const elsewhere = await app.request('/api/staff/answer-templates', { method: 'POST', headers: admin.auth, json: body(other, '采纳（通用）') })
  expect(elsewhere.status).toBe(201)
})

it('deletes a template of the own department, audited', async () => {
  const [mine] = await list(reviewer)
  const del = await app.request(`/api/staff/answer-templates/${mine!.id}`, { method: 'DELETE', headers: reviewer.auth })
  expect(del.status).toBe(204)
  expect(await list(reviewer)).toEqual([])
  expect(await app.db.auditLog.count({ where: { action: 'deleteAnswerTemplate', entityId: String(mine!.id) } })).toBe(1)
})
