// Personal data is never kept by a cache: citizen, staff and sign-in answers say Cache-Control: no-store; public reads carry an ETag and are revalidated (304).
import { conditionalGet } from '../support/conditionalGet'
import { contract, type Endpoint, type EndpointName } from '@gm/shared'
import { signInDemoCitizen, signInStaff } from '../support/identity'
import { startTestApp, type TestApp } from '../support/testApp'

let app: TestApp
beforeAll(async () => {
  app = await startTestApp({ settings: { demoLogin: true } })
})
afterAll(() => app.close())

const isPublicRead = (endpoint: Endpoint) => endpoint.access === 'public' && endpoint.method === 'GET'
const PUBLIC_READ = 'public, max-age=0, must-revalidate'
const pathOf = (endpoint: Endpoint) => endpoint.path.replace(/:(\w+)/g, '1')

describe('Cache-Control', () => {
  it('walks the contract: only a successful public read is storable (ETag, revalidate); everything else is no-store without an ETag', async () => {
    const names = Object.keys(contract) as EndpointName[]
    const seen: Record<string, { cacheControl: string | null; etag: boolean }> = {}
    const expected: typeof seen = {}
    let publicAnswered = 0
    for (const name of names) {
      const endpoint: Endpoint = contract[name]
      // Anonymous and without a body: refused (401, 403, 400, 404) or answered, never stored by a cache unless public.
      const { status, headers } = await app.request(pathOf(endpoint), { method: endpoint.method })
      seen[name] = { cacheControl: headers.get('cache-control'), etag: headers.has('etag') }
      const stored = isPublicRead(endpoint) && status === 200
      if (stored) publicAnswered++
      expected[name] = stored ? { cacheControl: PUBLIC_READ, etag: true } : { cacheControl: 'no-store', etag: false }
      // A public file download (open data) decides its own caching; only its being public matters here.
      if (stored && 'download' in endpoint) expected[name] = seen[name]
    }
    expect(seen).toEqual(expected)
    expect(publicAnswered).toBeGreaterThan(5)
  })

  it('marks personal answers no-store when they succeed: sign-in, my data, my lists, staff views and exports', async () => {
    const demo = await app.request('/api/auth/demo', { method: 'POST', json: { name: '李四' } })
    expect([demo.status, demo.headers.get('cache-control')]).toEqual([200, 'no-store'])
    const citizen = await signInDemoCitizen(app, '王五')
    const admin = await signInStaff(app, 'ADMIN')
    const personal: Array<[string, Record<string, string>]> = [
      ['/api/me', citizen.auth],
      ['/api/me/data', citizen.auth],
      ['/api/me/registrations', citizen.auth],
      ['/api/me/opinions', citizen.auth],
      ['/api/me/policy-questions', citizen.auth],
      ['/api/me/notifications', citizen.auth],
      ['/api/me', admin.auth],
      ['/api/staff/consultations', admin.auth],
      ['/api/admin/staff', admin.auth],
      ['/api/staff/qa-export?format=csv', admin.auth],
    ]
    for (const [path, auth] of personal) {
      const { status, headers } = await app.request(path, { headers: auth })
      expect({ path, status, cacheControl: headers.get('cache-control'), etag: headers.get('etag') }).toEqual({
        path,
        status: 200,
        cacheControl: 'no-store',
        etag: null,
      })
      // A tag the client makes up never turns a personal answer into a 304.
      const again = await app.request(path, { headers: { ...auth, 'if-none-match': '*' } })
      expect({ path, status: again.status }).toEqual({ path, status: 200 })
    }
  })

  it('leaves public reads cacheable, also for a signed-in caller: the same strong ETag for both', async () => {
    const citizen = await signInDemoCitizen(app, '赵六')
    for (const path of ['/api/consultations', '/api/qa', '/api/overview']) {
      const tags = new Set<string | null>()
      for (const headers of [{}, citizen.auth]) {
        const answer = await app.request(path, { headers })
        expect({ path, status: answer.status, cacheControl: answer.headers.get('cache-control') }).toEqual({ path, status: 200, cacheControl: PUBLIC_READ })
        tags.add(answer.headers.get('etag'))
      }
      expect([...tags]).toEqual([expect.stringMatching(/^"[^"]+"$/)])
    }
  })

  it('answers 304 without a body while If-None-Match matches, and 200 with a new tag after a change', async () => {
    const first = await app.request('/api/departments')
    const tag = first.headers.get('etag')!
    expect(tag).toMatch(/^"[0-9a-f]+-[^"]+"$/)

    const url = `${app.baseUrl}/api/departments`
    const revalidated = await conditionalGet(url, { 'if-none-match': tag })
    expect(revalidated.status).toBe(304)
    expect(revalidated.body).toBe('')
    expect(revalidated.headers.etag).toBe(tag)
    expect(revalidated.headers['cache-control']).toBe(PUBLIC_READ)
    // HEAD and a list of tags (a proxy holding several versions) revalidate the same way.
    expect((await conditionalGet(url, { 'if-none-match': tag }, 'HEAD')).status).toBe(304)
    expect((await conditionalGet(url, { 'if-none-match': `"stale", ${tag}` })).status).toBe(304)
    // If-None-Match compares weakly: W/ of the same tag still matches.
    expect((await conditionalGet(url, { 'if-none-match': `W/${tag}` })).status).toBe(304)
    // Another tag, or a client asking for no-cache, gets the whole answer.
    expect((await conditionalGet(url, { 'if-none-match': '"other"' })).status).toBe(200)
    expect((await conditionalGet(url, { 'if-none-match': tag, 'cache-control': 'no-cache' })).status).toBe(200)

    await app.db.department.create({ data: { name: `缓存测试局${Date.now()}` } })
    const changed = await conditionalGet(url, { 'if-none-match': tag })
    expect(changed.status).toBe(200)
    expect(changed.headers.etag).not.toBe(tag)
    expect(changed.body).toContain('缓存测试局')
    expect(changed.headers['content-type']).toBe('application/json; charset=utf-8')
    expect((await conditionalGet(url, { 'if-none-match': changed.headers.etag! })).status).toBe(304)
  })
})
