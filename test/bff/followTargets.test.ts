// What the Q&A item and policy pages let a citizen follow: a policy names its issuing department when one has that name, and a topic only published Q&A items use can be followed.
import { signInDemoCitizen } from '../support/identity'
import { startTestApp, type TestApp } from '../support/testApp'

let app: TestApp

beforeAll(async () => {
  app = await startTestApp({ settings: { demoLogin: true, sessionTtlHours: 24 } })
})
afterAll(() => app.close())

const policy = (issuer: string, topic: string | null) =>
  app.db.policyDocument.create({
    data: {
      title: '高新区促进高校毕业生就业若干措施',
      issuer,
      docNumber: '高新人社发〔2026〕3号',
      writtenAt: app.now.value,
      publishedAt: app.now.value,
      topic,
      status: 'PUBLISHED',
      releasedAt: app.now.value,
    },
    select: { id: true },
  })

describe('follow targets on Q&A and policy pages', () => {
  it('gives a policy its issuing department (public and staff views) when a department has the 发文机关 name, else none', async () => {
    const department = await app.db.department.create({ data: { name: '人力资源和社会保障局' }, select: { id: true, name: true } })
    const named = await policy('人力资源和社会保障局', '就业')
    const other = await policy('高新区管委会', null)
    expect((await app.request(`/api/policies/${named.id}`)).body.issuerDepartment).toEqual(department)
    expect((await app.request(`/api/policies/${other.id}`)).body.issuerDepartment).toBeNull()

    const citizen = await signInDemoCitizen(app, '关注发文机关')
    const followed = await app.request(`/api/me/follows/DEPARTMENT/${department.id}`, { method: 'PUT', headers: citizen.auth })
    expect([followed.status, followed.body.name]).toEqual([200, '人力资源和社会保障局'])
  })

  it('lets a citizen follow a topic that only published Q&A items use, but not one of a draft item', async () => {
    const citizen = await signInDemoCitizen(app, '关注问答主题')
    await app.db.qaItem.create({
      data: { question: '高新区有没有创业担保贷款？', answer: '有。', topic: '创业担保', status: 'PUBLISHED', publishedAt: app.now.value },
    })
    await app.db.qaItem.create({ data: { question: '草稿问题？', answer: '草稿。', topic: '尚未发布的主题', status: 'DRAFT' } })
    const put = (topic: string) => app.request(`/api/me/follows/TOPIC/${encodeURIComponent(topic)}`, { method: 'PUT', headers: citizen.auth })

    const published = await put('创业担保')
    expect([published.status, published.body.targetKey]).toEqual([200, '创业担保'])
    const draft = await put('尚未发布的主题')
    expect([draft.status, draft.body.error.code]).toEqual([404, 'NOT_FOUND'])
  })
})
