// Serves the H5 build: hashed assets cached a year, pages revalidated, text compressed with brotli or gzip, paths kept inside the build folder.
import { createReadStream } from 'node:fs'
import { readFile, stat } from 'node:fs/promises'
import path from 'node:path'
import { promisify } from 'node:util'
import zlib from 'node:zlib'
import type { Context, Middleware } from 'koa'
import { contentSecurityPolicy } from './securityHeaders'

/** Built file names carry a content hash (app.9a0240f2.js, 391.0c4d0f11f9128d1db529.css): those never change. */
const HASHED_NAME = /[.-][0-9a-f]{8,}\.[a-z0-9]+$/i
const COMPRESSIBLE = new Set(['.js', '.css', '.html', '.json', '.svg', '.txt', '.map'])
/** Smaller files are sent as they are (compression would not pay for its headers). */
const MIN_COMPRESS_BYTES = 1_024
const MAX_COMPRESS_BYTES = 16 * 1024 * 1024
type Encoding = 'br' | 'gzip'
const compressors: Record<Encoding, (input: Buffer) => Promise<Buffer>> = {
  // Quality 5: a few hundred ms once for the largest chunk on a busy machine, ~3.5x smaller; 11 is 8x slower for 10% less.
  br: (input) =>
    promisify(zlib.brotliCompress)(input, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 5, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: input.length } }),
  gzip: (input) => promisify(zlib.gzip)(input, { level: 9 }),
}
const suffix: Record<Encoding, string> = { br: '.br', gzip: '.gz' }

/**
 * Each file compressed once per encoding and kept (the H5 build is about 1 MB, a few hundred KB
 * compressed): a `<file>.br` / `<file>.gz` made at build time is used when it is at least as new as the
 * file, otherwise the file is compressed on first request. Concurrent first requests share one job.
 */
const compressed = new Map<string, { mtimeMs: number; body: Promise<Buffer> }>()
function compressedBody(file: string, mtimeMs: number, encoding: Encoding, read: () => Promise<Buffer>): Promise<Buffer> {
  const key = `${encoding}:${file}`
  const cached = compressed.get(key)
  if (cached?.mtimeMs === mtimeMs) return cached.body
  const body = (async () => {
    const prebuilt = await stat(file + suffix[encoding]).catch(() => null)
    if (prebuilt?.isFile() && prebuilt.mtimeMs >= mtimeMs) return readFile(file + suffix[encoding])
    return compressors[encoding](await read())
  })()
  compressed.set(key, { mtimeMs, body })
  body.catch(() => compressed.delete(key))
  return body
}

/** The encoding to send a compressible file of this size in: brotli when accepted (q > 0), else gzip, else none. */
function encodingFor(ctx: Context, file: string, size: number): Encoding | null {
  if (!COMPRESSIBLE.has(path.extname(file)) || size < MIN_COMPRESS_BYTES || size > MAX_COMPRESS_BYTES) return null
  ctx.vary('Accept-Encoding')
  if (!ctx.get('Accept-Encoding')) return null
  // Browsers list gzip first at equal weight ("gzip, deflate, br"); brotli is smaller, so it wins unless refused.
  if (ctx.acceptsEncodings('br') === 'br') return 'br'
  return ctx.acceptsEncodings('gzip') === 'gzip' ? 'gzip' : null
}

/**
 * Send the file compressed when the client takes it, else `whole()`. Koa writes no body for HEAD
 * (a null body would turn the answer into 204), so HEAD gets the same headers and length as GET.
 */
async function send(ctx: Context, file: string, mtimeMs: number, size: number, read: () => Promise<Buffer>, whole: () => Buffer | NodeJS.ReadableStream) {
  const encoding = encodingFor(ctx, file, size)
  if (encoding) {
    const body = await compressedBody(file, mtimeMs, encoding, read)
    ctx.set('Content-Encoding', encoding)
    ctx.body = body
    ctx.length = body.length
    return
  }
  ctx.body = whole()
  ctx.length = size
}

const INLINE_SCRIPT = /<script(?![^>]*\bsrc\s*=)[^>]*>([\s\S]*?)<\/script>/gi

/** An HTML page with the CSP that admits exactly its own inline scripts; cached until the file changes. */
const pages = new Map<string, { mtimeMs: number; html: Buffer; policy: string }>()
async function htmlPage(file: string, mtimeMs: number) {
  const cached = pages.get(file)
  if (cached?.mtimeMs === mtimeMs) return cached
  const html = await readFile(file)
  const scripts = [...html.toString('utf8').matchAll(INLINE_SCRIPT)].map((m) => m[1] ?? '').filter((s) => s.trim() !== '')
  const page = { mtimeMs, html, policy: contentSecurityPolicy(scripts) }
  pages.set(file, page)
  return page
}

/**
 * Serve the H5 build. Hashed assets are cached for a year (immutable); HTML and unhashed files are
 * revalidated so a new build reaches users at once. Text assets go out brotli- or gzip-compressed
 * when the client accepts it. Paths are resolved inside the root only.
 */
export function staticFiles(root: string): Middleware {
  const base = path.resolve(root)
  return async (ctx, next) => {
    if ((ctx.method !== 'GET' && ctx.method !== 'HEAD') || ctx.path.startsWith('/api/')) return next()
    let relative: string
    try {
      relative = decodeURIComponent(ctx.path)
    } catch {
      return next()
    }
    if (relative.includes('\0')) return next()
    let file = path.resolve(base, `.${relative}`)
    if (file !== base && !file.startsWith(base + path.sep)) return next()
    let info = await stat(file).catch(() => null)
    if (info?.isDirectory()) {
      file = path.join(file, 'index.html')
      info = await stat(file).catch(() => null)
    }
    if (!info?.isFile()) return next()
    ctx.type = path.extname(file)
    ctx.lastModified = info.mtime
    if (file.endsWith('.html')) {
      const page = await htmlPage(file, info.mtimeMs)
      ctx.set('Cache-Control', 'no-cache')
      ctx.set('Content-Security-Policy', page.policy)
      await send(
        ctx,
        file,
        info.mtimeMs,
        page.html.length,
        async () => page.html,
        () => page.html,
      )
      return
    }
    // Hashed names are immutable; anything else (e.g. a LICENSE.txt) is revalidated like the page.
    ctx.set('Cache-Control', HASHED_NAME.test(file) ? 'public, max-age=31536000, immutable' : 'no-cache')
    const target = file
    await send(
      ctx,
      file,
      info.mtimeMs,
      info.size,
      () => readFile(target),
      () => createReadStream(target),
    )
  }
}
