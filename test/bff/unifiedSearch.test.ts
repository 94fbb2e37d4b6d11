// The home tab's one search box (GET /api/search) and the consultation list's search over clauses, on real PostgreSQL.
import { seedDemo } from '../../bff/src/seed/demo'
import { startTestApp, type TestApp } from '../support/testApp'

let app: TestApp
const ids: Record<string, number> = {}

beforeAll(async () => {
  app = await startTestApp()
  await seedDemo(app.db, new Date())
  const department = await app.db.department.create({ data: { name: '检索测试单位' } })
  const base = { departmentId: department.id, opensAt: new Date('2026-01-01T00:00:00Z'), closesAt: new Date('2099-01-01T00:00:00Z') }
  const published = await app.db.consultation.create({
    data: {
      ...base,
      title: '社区便民设施管理办法（征求意见稿）',
      summary: '规范社区便民设施的建设与维护。',
      publishedAt: new Date('2026-01-01T00:00:00Z'),
      draftVersion: 2,
      sections: {
        create: [
          // Only the old version mentions 晾衣架: the search looks at the current version.
          { version: 1, position: 1, heading: '第一条', body: '旧版提到晾衣架。' },
          { version: 2, position: 1, heading: '第一条 适用范围', body: '本办法适用于辖区内的社区便民设施。' },
          { version: 2, position: 2, heading: '第二条 维护', body: '楼道内的无障碍坡道与 100%_覆盖 的照明由物业定期巡检。' },
        ],
      },
    },
  })
  ids.published = published.id
  const draft = await app.db.consultation.create({
    data: {
      ...base,
      title: '尚未发布的草案',
      summary: '草稿',
      publishedAt: null,
      sections: { create: [{ position: 1, heading: '第一条', body: '无障碍坡道草稿条款。' }] },
    },
  })
  ids.draft = draft.id
  const event = (title: string, publishedAt: Date | null) =>
    app.db.event.create({
      data: {
        kind: 'OPEN_DAY',
        title,
        description: '参观与交流。',
        place: '高新区',
        departmentId: department.id,
        startsAt: new Date('2099-02-01T01:00:00Z'),
        endsAt: new Date('2099-02-01T03:00:00Z'),
        signupOpensAt: new Date('2026-01-01T00:00:00Z'),
        signupClosesAt: new Date('2099-01-20T00:00:00Z'),
        capacity: 10,
        selectionMode: 'FIRST_COME',
        publishedAt,
      },
    })
  const policy = (status: 'PUBLISHED' | 'DRAFT', title: string) =>
    app.db.policyDocument.create({
      data: {
        title,
        issuer: '检索测试单位',
        docNumber: '检测发〔2026〕1号',
        writtenAt: new Date('2026-01-01T00:00:00Z'),
        publishedAt: new Date('2026-01-01T00:00:00Z'),
        status,
        sections: { create: [{ position: 1, heading: '第一条', body: '对雨水花园建设给予补助。' }] },
        interpretations: {
          create: [
            {
              kind: 'TEXT',
              title: `${title}解读`,
              status,
              body: [
                { type: 'paragraph', children: [{ text: '图解：透水铺装补助怎么申请。' }] },
                { type: 'image', src: 'https://example.com/haimian.png', alt: '' },
              ],
            },
          ],
        },
      },
      select: { id: true, interpretations: { select: { id: true } } },
    })
  const released = await policy('PUBLISHED', '海绵城市建设补助办法')
  ids.policy = released.id
  ids.interpretation = released.interpretations[0].id
  await policy('DRAFT', '未发布的海绵城市草稿')
  ids.event = (await event('萤火虫观测开放日', new Date('2026-01-01T00:00:00Z'))).id
  ids.hiddenEvent = (await event('萤火虫内部筹备会', null)).id
})
afterAll(() => app.close())

const search = (q: string) => app.request(`/api/search?q=${encodeURIComponent(q)}`)
const group = (body: any, area: string) => body.groups.find((g: { area: string }) => g.area === area)
const groupIds = (body: any, area: string) => group(body, area).items.map((i: { id: number }) => i.id)
const hits = (segments: { text: string; hit: boolean }[]) => segments.filter((s) => s.hit).map((s) => s.text)

describe('consultation list search', () => {
  it('finds a consultation by a word that appears only in a clause of its current version', async () => {
    const { body } = await app.request(`/api/consultations?q=${encodeURIComponent('无障碍坡道')}`)
    expect(body.items.map((c: { id: number }) => c.id)).toEqual([ids.published])
    expect((await app.request(`/api/consultations?q=${encodeURIComponent('晾衣架')}`)).body.total).toBe(0)
  })

  it('takes LIKE wildcards in the keyword literally', async () => {
    expect((await app.request(`/api/consultations?q=${encodeURIComponent('100%_覆盖')}`)).body.items.map((c: { id: number }) => c.id)).toEqual([ids.published])
    expect((await app.request(`/api/consultations?q=${encodeURIComponent('%_%')}`)).body.total).toBe(0)
  })
})

describe('policy list search', () => {
  it('finds a released policy by a word of a clause, wildcards taken literally, never a draft', async () => {
    expect((await app.request(`/api/policies?q=${encodeURIComponent('雨水花园')}`)).body.items.map((p: { id: number }) => p.id)).toEqual([ids.policy])
    expect((await app.request(`/api/policies?q=${encodeURIComponent('%_%')}`)).body.total).toBe(0)
  })
})

describe('GET /api/search', () => {
  it('finds a consultation by a clause word, with the clause as a highlighted excerpt and a link to its page', async () => {
    const { status, body } = await search('无障碍坡道')
    expect(status).toBe(200)
    expect(body.groups.map((g: { area: string }) => g.area)).toEqual(['consultations', 'policies', 'interpretations', 'events', 'qa'])
    const [item] = group(body, 'consultations').items
    expect(item.id).toBe(ids.published)
    expect(hits(item.excerpt)).toEqual(['无障碍坡道'])
    expect(item.excerpt.map((s: { text: string }) => s.text).join('')).toContain('第二条 维护')
    expect(item.link).toBe(`/packages/consultation/pages/detail/index?id=${ids.published}`)
    // The unpublished draft has the same words and is never returned.
    expect(JSON.stringify(body)).not.toContain('尚未发布')
  })

  it('finds a published event by a title word and never an unpublished one', async () => {
    const { body } = await search('萤火虫')
    expect(groupIds(body, 'events')).toEqual([ids.event])
    expect(hits(group(body, 'events').items[0].title)).toEqual(['萤火虫'])
    expect(group(body, 'events').items[0].link).toBe(`/packages/event/pages/detail/index?id=${ids.event}`)
  })

  it('finds the open day for a question phrased in everyday words (开放日怎么报名)', async () => {
    const { body } = await search('开放日怎么报名')
    const titles = group(body, 'events').items.map((i: { title: { text: string }[] }) => i.title.map((s) => s.text).join(''))
    expect(titles).toEqual(expect.arrayContaining(['政府开放日：走进高新区政务服务中心', '萤火虫观测开放日']))
  })

  it('answers Q&A through the library search', async () => {
    const { body } = await search('养老金')
    expect(group(body, 'qa').items.length).toBeGreaterThan(0)
    expect(group(body, 'qa').items[0].link).toMatch(/^\/packages\/qa\/pages\/detail\/index\?id=\d+$/)
  })

  it('finds released policies by a clause word and interpretations by their body text, never drafts or image addresses', async () => {
    const byClause = (await search('雨水花园')).body
    expect(groupIds(byClause, 'policies')).toEqual([ids.policy])
    expect(hits(group(byClause, 'policies').items[0].excerpt)).toEqual(['雨水花园'])
    expect(group(byClause, 'policies').items[0].link).toBe(`/packages/qa/pages/policy/index?id=${ids.policy}`)
    const byBody = (await search('透水铺装')).body
    expect(groupIds(byBody, 'interpretations')).toEqual([ids.interpretation])
    expect(group(byBody, 'interpretations').items[0].link).toBe(`/packages/qa/pages/interpretation/index?id=${ids.interpretation}`)
    expect(JSON.stringify((await search('海绵城市')).body)).not.toContain('未发布')
    expect(groupIds((await search('example.com')).body, 'interpretations')).toEqual([])
  })

  it('does not echo the words searched (a name or number typed in the box stays out of the answer)', async () => {
    const { status, body } = await search('王小明13912345678')
    expect(status).toBe(200)
    expect(JSON.stringify(body)).not.toMatch(/王小明|13912345678/)
  })

  it('refuses an empty or too long query with a Chinese message', async () => {
    for (const path of ['/api/search', '/api/search?q=', '/api/search?q=%20%20', `/api/search?q=${encodeURIComponent('长'.repeat(51))}`]) {
      const { status, body } = await app.request(path)
      expect(status).toBe(400)
      expect(body.error.message).toMatch(/[\u4e00-\u9fff]/)
    }
  })
})
