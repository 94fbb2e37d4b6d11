// Security headers on every answer, including the Content-Security-Policy that admits only our scripts and the H5 page's hashed inline ones.
import { createHash } from 'node:crypto'
import type { Middleware } from 'koa'

const sha256 = (source: string) => `'sha256-${createHash('sha256').update(source, 'utf8').digest('base64')}'`

/**
 * Only our own scripts run. Two exact exceptions are allowed by hash: the inline scripts of the
 * H5 index.html (Taro's viewport/rem set-up, hashed per file by staticFiles), and the `javascript:;`
 * placeholder links Taro's H5 tab bar renders.
 */
export function contentSecurityPolicy(inlineScripts: string[] = []): string {
  const scriptSources = ["'self'", "'unsafe-hashes'", sha256('javascript:;'), ...inlineScripts.map(sha256)]
  return [
    "default-src 'self'",
    `script-src ${scriptSources.join(' ')}`,
    // Taro's runtime sets inline styles.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "frame-ancestors 'none'",
    "form-action 'self'",
  ].join('; ')
}

const DEFAULT_POLICY = contentSecurityPolicy()

export const securityHeaders: Middleware = async (ctx, next) => {
  try {
    await next()
  } finally {
    ctx.set('X-Content-Type-Options', 'nosniff')
    ctx.set('X-Frame-Options', 'DENY')
    ctx.set('Referrer-Policy', 'no-referrer')
    ctx.set('Cross-Origin-Opener-Policy', 'same-origin')
    ctx.set('Cross-Origin-Resource-Policy', 'same-origin')
    ctx.set('Permissions-Policy', 'camera=(), microphone=(), geolocation=()')
    if (!ctx.response.get('Content-Security-Policy')) ctx.set('Content-Security-Policy', DEFAULT_POLICY)
  }
}
