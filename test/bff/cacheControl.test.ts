// Personal data is never kept by a cache: citizen, staff and sign-in answers say Cache-Control: no-store, public reads do not.
import { contract, type Endpoint, type EndpointName } from '@gm/shared'
import { signInDemoCitizen, signInStaff } from '../support/identity'
import { startTestApp, type TestApp } from '../support/testApp'

let app: TestApp
beforeAll(async () => {
  app = await startTestApp({ settings: { demoLogin: true } })
})
afterAll(() => app.close())

const isPublicRead = (endpoint: Endpoint) => endpoint.access === 'public' && endpoint.method === 'GET'
const pathOf = (endpoint: Endpoint) => endpoint.path.replace(/:(\w+)/g, '1')

describe('Cache-Control', () => {
  it('walks the contract: every endpoint but the public reads answers no-store, refusals included', async () => {
    const names = Object.keys(contract) as EndpointName[]
    const seen: Record<string, string | null> = {}
    for (const name of names) {
      const endpoint: Endpoint = contract[name]
      // Anonymous and without a body: refused (401, 403, 400, 404) or answered, never stored by a cache unless public.
      const { headers } = await app.request(pathOf(endpoint), { method: endpoint.method })
      seen[name] = headers.get('cache-control')
    }
    const expected = Object.fromEntries(names.map((name) => [name, isPublicRead(contract[name]) ? null : 'no-store']))
    expect(seen).toEqual(expected)
    expect(Object.values(expected).filter((v) => v === null).length).toBeGreaterThan(10)
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
      expect({ path, status, cacheControl: headers.get('cache-control') }).toEqual({ path, status: 200, cacheControl: 'no-store' })
    }
  })

  it('leaves public reads cacheable, also for a signed-in caller', async () => {
    const citizen = await signInDemoCitizen(app, '赵六')
    for (const path of ['/api/consultations', '/api/qa', '/api/overview']) {
      for (const headers of [{}, citizen.auth]) {
        const answer = await app.request(path, { headers })
        expect({ path, status: answer.status, cacheControl: answer.headers.get('cache-control') }).toEqual({ path, status: 200, cacheControl: null })
      }
    }
  })
})
