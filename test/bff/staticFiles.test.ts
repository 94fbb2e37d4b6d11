import { createHash } from 'node:crypto'
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import zlib from 'node:zlib'
import { startTestApp, type TestApp } from '../support/testApp'

const inlineScript = '!function(){document.documentElement.style.fontSize="20px"}()'
const page = `<html><head><meta name="description" content="${'政民互动'.repeat(200)}"><script>${inlineScript}</script><script src="/js/app.9a0240f2.js"></script></head></html>`
const script = `/* app */\n${Array.from({ length: 400 }, (_, i) => `console.log(${i})`).join('\n')}`
let app: TestApp
let dir: string

/** The bytes as sent (fetch would decode them). */
function raw(
  pathname: string,
  headers: Record<string, string> = {},
  method = 'GET',
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    http
      .request(app.baseUrl + pathname, { method, headers }, (response) => {
        const chunks: Buffer[] = []
        response.on('data', (c: Buffer) => chunks.push(c))
        response.on('end', () => resolve({ status: response.statusCode!, headers: response.headers, body: Buffer.concat(chunks) }))
      })
      .on('error', reject)
      .end()
  })
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'gm-static-'))
  mkdirSync(path.join(dir, 'js'))
  writeFileSync(path.join(dir, 'index.html'), page)
  writeFileSync(path.join(dir, 'js', 'app.9a0240f2.js'), script)
  writeFileSync(path.join(dir, 'js', 'app.9a0240f2.js.LICENSE.txt'), 'MIT')
  // A build step's own brotli file, newer than its source: served as it is.
  writeFileSync(path.join(dir, 'js', 'vendor.0440b26b.js'), `// vendor\n${'x'.repeat(2_000)}`)
  writeFileSync(path.join(dir, 'js', 'vendor.0440b26b.js.br'), zlib.brotliCompressSync('// prebuilt at build time'))
  const later = new Date(Date.now() + 60_000)
  utimesSync(path.join(dir, 'js', 'vendor.0440b26b.js.br'), later, later)
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

  it('caches hashed assets for a year with the right type, and revalidates unhashed files', async () => {
    const { status, headers } = await app.request('/js/app.9a0240f2.js')
    expect(status).toBe(200)
    expect(headers.get('content-type')).toMatch(/javascript/)
    expect(headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
    expect((await app.request('/js/app.9a0240f2.js.LICENSE.txt')).headers.get('cache-control')).toBe('no-cache')
  })

  it('sends brotli or gzip as the client accepts, the same bytes once decoded, and plain bytes otherwise', async () => {
    const br = await raw('/js/app.9a0240f2.js', { 'accept-encoding': 'gzip, deflate, br' })
    expect([br.status, br.headers['content-encoding'], br.headers.vary]).toEqual([200, 'br', 'Accept-Encoding'])
    expect(Number(br.headers['content-length'])).toBe(br.body.length)
    expect(br.body.length).toBeLessThan(Buffer.byteLength(script) / 3)
    expect(zlib.brotliDecompressSync(br.body).toString()).toBe(script)
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable')

    const gzip = await raw('/js/app.9a0240f2.js', { 'accept-encoding': 'gzip' })
    expect(gzip.headers['content-encoding']).toBe('gzip')
    expect(zlib.gunzipSync(gzip.body).toString()).toBe(script)

    for (const accept of [undefined, 'identity', 'br;q=0, gzip;q=0']) {
      const plain = await raw('/js/app.9a0240f2.js', accept ? { 'accept-encoding': accept } : {})
      expect([accept, plain.headers['content-encoding'], plain.body.toString()]).toEqual([accept, undefined, script])
      expect(plain.headers.vary).toBe('Accept-Encoding')
    }
    // Tiny files go as they are.
    expect((await raw('/js/app.9a0240f2.js.LICENSE.txt', { 'accept-encoding': 'br' })).headers['content-encoding']).toBeUndefined()
  })

  it('compresses index.html too, keeping no-cache and its CSP', async () => {
    const { headers, body } = await raw('/', { 'accept-encoding': 'br' })
    expect([headers['content-encoding'], headers['cache-control']]).toEqual(['br', 'no-cache'])
    expect(headers['content-security-policy']).toContain(`'sha256-${createHash('sha256').update(inlineScript).digest('base64')}'`)
    expect(zlib.brotliDecompressSync(body).toString()).toBe(page)
  })

  it('answers HEAD with the compressed length and no body', async () => {
    const get = await raw('/js/app.9a0240f2.js', { 'accept-encoding': 'br' })
    const head = await raw('/js/app.9a0240f2.js', { 'accept-encoding': 'br' }, 'HEAD')
    expect([head.status, head.headers['content-encoding'], head.headers['content-length'], head.body.length]).toEqual([200, 'br', String(get.body.length), 0])
  })

  it('uses a .br file made at build time when it is newer than the file', async () => {
    const { headers, body } = await raw('/js/vendor.0440b26b.js', { 'accept-encoding': 'br' })
    expect(headers['content-encoding']).toBe('br')
    expect(zlib.brotliDecompressSync(body).toString()).toBe('// prebuilt at build time')
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
