import pino from 'pino'
import type { AddressInfo } from 'node:net'
import { contract } from '@gm/shared'
import { createApp } from '../../bff/src/app'
import { createDatabaseClient } from '../../bff/src/db/client'
import { freePort } from '../../bff/src/db/embeddedPostgres'
import { startTestApp, type TestApp } from '../support/testApp'

let app: TestApp
beforeAll(async () => {
  app = await startTestApp()
})
afterAll(() => app.close())

const expectError = (response: { status: number; body: any }, status: number, code: string) => {
  expect({ status: response.status, code: response.body?.error?.code }).toEqual({ status, code })
  expect(response.body.error.message).toMatch(/[\u4e00-\u9fa5]/)
  expect(JSON.stringify(response.body)).not.toMatch(/at .*\.(ts|js):\d+/)
}

describe('HTTP behaviour shared by every endpoint', () => {
  it('answers an unknown route with a JSON 404', async () => {
    expectError(await app.request('/api/no-such-thing'), 404, 'ROUTE_NOT_FOUND')
    expectError(await app.request('/nothing-here.html'), 404, 'ROUTE_NOT_FOUND')
  })

  it('answers a known path with the wrong method with 405', async () => {
    expectError(await app.request('/api/qa', { method: 'DELETE' }), 405, 'METHOD_NOT_ALLOWED')
  })

  it('answers malformed JSON with 400 INVALID_JSON', async () => {
    const response = await app.request('/api/qa/1/feedback', { method: 'POST', body: '{"helpful": tru', headers: { 'content-type': 'application/json' } })
    expectError(response, 400, 'INVALID_JSON')
  })

  it('refuses a body that is not JSON with 415', async () => {
    const response = await app.request('/api/qa/1/feedback', {
      method: 'POST',
      body: 'helpful=true',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    })
    expectError(response, 415, 'UNSUPPORTED_MEDIA_TYPE')
  })

  it('refuses a body over the size limit with 413', async () => {
    const response = await app.request('/api/qa/1/feedback', { method: 'POST', json: { helpful: true, padding: 'x'.repeat(70 * 1024) } })
    expectError(response, 413, 'PAYLOAD_TOO_LARGE')
  })

  it('explains each invalid field in Chinese under details.fields', async () => {
    const response = await app.request('/api/consultations?status=archived&page=0&sort=new')
    expectError(response, 400, 'VALIDATION_FAILED')
    expect(Object.keys(response.body.error.details.fields).sort()).toEqual(['page', 'sort', 'status'])
    for (const message of Object.values(response.body.error.details.fields)) expect(message).toMatch(/[\u4e00-\u9fa5]/)
  })

  it('gives every response a request id, reusing a well-formed incoming one', async () => {
    const own = await app.request('/healthz', { headers: { 'X-Request-Id': 'trace-123' } })
    expect(own.headers.get('x-request-id')).toBe('trace-123')
    const generated = await app.request('/api/no-such-thing', { headers: { 'X-Request-Id': 'bad id with spaces' } })
    expect(generated.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/)
    expect(generated.body.error.requestId).toBe(generated.headers.get('x-request-id'))
  })

  it('sets security headers on API responses and errors alike', async () => {
    for (const path of ['/api/departments', '/api/nope']) {
      const { headers } = await app.request(path)
      expect(headers.get('x-content-type-options')).toBe('nosniff')
      expect(headers.get('x-frame-options')).toBe('DENY')
      expect(headers.get('content-security-policy')).toContain("frame-ancestors 'none'")
      expect(headers.get('referrer-policy')).toBe('no-referrer')
    }
  })

  it('reports liveness and database readiness', async () => {
    expect(await app.request('/healthz')).toMatchObject({ status: 200, body: { status: 'ok' } })
    expect(await app.request('/readyz')).toMatchObject({ status: 200, body: { status: 'ok' } })
  })

  it('publishes an OpenAPI document with every contract endpoint', async () => {
    const { status, body } = await app.request('/api/openapi.json')
    expect(status).toBe(200)
    expect(body.openapi).toBe('3.1.0')
    for (const [name, endpoint] of Object.entries(contract)) {
      const path = endpoint.path.replace(/:(\w+)/g, '{$1}')
      expect(body.paths[path]?.[endpoint.method.toLowerCase()]?.operationId).toBe(name)
    }
    expect(body.paths['/api/consultations'].get.parameters.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining(['status', 'departmentId', 'q', 'page', 'pageSize']),
    )
  })
})

describe('when the database is unreachable', () => {
  it('answers reads with a clean 503 and /readyz with 503, never a 500', async () => {
    const deadPort = await freePort()
    const log = pino({ level: 'silent' })
    const connection = createDatabaseClient(`postgresql://nobody@127.0.0.1:${deadPort}/none`, { poolMax: 1, log })
    const deps = { db: connection.db, log, clock: () => new Date(), wechat: null, settings: { demoLogin: false, sessionTtlHours: 1, templates: {} } }
    const server = createApp(deps, { bodyLimitKb: 64 }).listen(0, '127.0.0.1')
    await new Promise((resolve) => server.once('listening', resolve))
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    try {
      const ready = await fetch(`${base}/readyz`)
      expect(ready.status).toBe(503)
      const list = await fetch(`${base}/api/consultations`)
      expect(list.status).toBe(503)
      expect(((await list.json()) as any).error.code).toBe('SERVICE_UNAVAILABLE')
      expect(list.headers.get('retry-after')).toBe('5')
      expect((await fetch(`${base}/healthz`)).status).toBe(200)
    } finally {
      await new Promise((resolve) => server.close(resolve))
      await connection.close()
    }
  })
})
