import { createReadStream } from 'node:fs'
import { readFile, stat } from 'node:fs/promises'
import path from 'node:path'
import type { Middleware } from 'koa'
import { contentSecurityPolicy } from './securityHeaders'

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
 * Serve the H5 build. Hashed assets are cached for a year; HTML is revalidated so a new build
 * reaches users at once. Paths are resolved inside the root only.
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
      ctx.body = ctx.method === 'HEAD' ? null : page.html
      ctx.length = page.html.length
      return
    }
    ctx.set('Cache-Control', 'public, max-age=31536000, immutable')
    ctx.length = info.size
    ctx.body = ctx.method === 'HEAD' ? null : createReadStream(file)
  }
}
