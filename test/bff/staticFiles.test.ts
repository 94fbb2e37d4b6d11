import { createHash } from 'node:crypto'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { startTestApp, type TestApp } from '../support/testApp'

const inlineScript = '!function(){document.documentElement.style.fontSize="20px"}()'
let app: TestApp
let dir: string

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'gm-static-'))
  mkdirSync(path.join(dir, 'js'))
  writeFileSync(path.join(dir, 'index.html'), `<html><head><script>${inlineScript}</script><script src="/js/app.1234.js"></script></head></html>`)
  writeFileSync(path.join(dir, 'js', 'app.1234.js'), 'console.log(1)')
  writeFileSync(path.join(path.dirname(dir), 'gm-secret.txt'), 'secret')
  app = await startTestApp({ staticDir: dir })
})
afterAll(async () => {
  await app.close()
  rmSync(dir, { recursive: true, force: true })
  rmSync(path.join(path.dirname(dir), 'gm-secret.txt'), { force: true })
})

describe('serving the H5 build', () => {
  it('serves index.html at / with a CSP admitting exactly its inline script', async () => {
    const { status, headers, body } = await app.request('/')
    expect(status).toBe(200)
    expect(headers.get('content-type')).toMatch(/text\/html/)
    expect(headers.get('cache-control')).toBe('no-cache')
    expect(body).toContain(inlineScript)
    const hash = createHash('sha256').update(inlineScript).digest('base64')
    expect(headers.get('content-security-policy')).toContain(`'sha256-${hash}'`)
    expect(headers.get('content-security-policy')).not.toContain("'unsafe-inline' 'sha")
    expect(headers.get('content-security-policy')).not.toMatch(/script-src[^;]*'unsafe-inline'/)
  })

  it('caches hashed assets for a year with the right type', async () => {
    const { status, headers } = await app.request('/js/app.1234.js')
    expect(status).toBe(200)
    expect(headers.get('content-type')).toMatch(/javascript/)
    expect(headers.get('cache-control')).toContain('immutable')
  })

  it('never serves files outside the build folder', async () => {
    for (const attempt of ['/../gm-secret.txt', '/%2e%2e/gm-secret.txt', '/js/..%2f..%2fgm-secret.txt', '/%00index.html']) {
      const { status, body } = await app.request(attempt)
      expect([attempt, status]).toEqual([attempt, 404])
      expect(JSON.stringify(body)).not.toContain('secret')
    }
  })

  it('keeps /api/* out of the static folder', async () => {
    expect((await app.request('/api/index.html')).body.error.code).toBe('ROUTE_NOT_FOUND')
  })
})
