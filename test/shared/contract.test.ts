import { buildPath, contract, type Endpoint, ErrorBodySchema, errorCodes, errorTable } from '@gm/shared'

const endpoints = Object.entries(contract) as [string, Endpoint][]

describe('the endpoint contract', () => {
  it('declares each method and path once', () => {
    const keys = endpoints.map(([, e]) => `${e.method} ${e.path}`)
    expect(new Set(keys).size).toBe(keys.length)
  })

  it('declares who may call every endpoint and puts every path under /api', () => {
    for (const [name, endpoint] of endpoints) {
      const access = endpoint.access
      const valid = access === 'public' || access === 'signedIn' || access === 'citizen' || (typeof access === 'object' && access.staff.length > 0)
      expect([name, valid]).toEqual([name, true])
      expect(endpoint.path.startsWith('/api/')).toBe(true)
    }
  })

  it('asks consent only of citizen writes (the BFF checks it for citizen sessions)', () => {
    const flagged = endpoints.filter(([, e]) => e.consent)
    expect(flagged.length).toBeGreaterThan(0)
    for (const [name, endpoint] of flagged) expect([name, endpoint.access, endpoint.method !== 'GET']).toEqual([name, 'citizen', true])
  })

  it('declares a params schema exactly when the path has parameters', () => {
    for (const [name, endpoint] of endpoints) {
      expect([name, endpoint.path.includes(':')]).toEqual([name, endpoint.params !== undefined])
    }
  })

  it('fills and encodes path parameters, and refuses a missing one', () => {
    expect(buildPath('/api/qa/:id/feedback', { id: 7 })).toBe('/api/qa/7/feedback')
    expect(buildPath('/api/x/:name', { name: 'a/b' })).toBe('/api/x/a%2Fb')
    expect(() => buildPath('/api/qa/:id', {})).toThrow('id')
  })
})

describe('error codes', () => {
  it('have a Chinese message and an HTTP error status each', () => {
    for (const code of errorCodes) {
      expect(code).toMatch(/^[A-Z_]+$/)
      expect(errorTable[code].message).toMatch(/[\u4e00-\u9fa5]/)
      expect(errorTable[code].status).toBeGreaterThanOrEqual(400)
    }
  })

  it('share one body shape', () => {
    expect(ErrorBodySchema.safeParse({ error: { code: 'NOT_FOUND', message: '不存在' } }).success).toBe(true)
    expect(ErrorBodySchema.safeParse({ code: 'NOT_FOUND' }).success).toBe(false)
  })
})
