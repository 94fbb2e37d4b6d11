// Cache-Control: no-store on every API answer that is not public published data (personal data, sessions, staff views); ETag and 304 on public reads.
import calculateEtag from 'etag'
import type { Context, Middleware } from 'koa'
import { endpointFor } from './endpoints'

/**
 * Whether an answer to this request may be kept by a browser, proxy or CDN. Only public reads of
 * published content may; citizen and staff endpoints, sign-in (session tokens), every write and
 * any API path the contract does not name (errors included) are `no-store`.
 */
export function mayBeStored(method: string, path: string): boolean {
  if (!path.startsWith('/api/')) return true
  const match = endpointFor(method, path)
  if (!match) return false
  const { endpoint } = match
  return endpoint.access === 'public' && endpoint.method === 'GET' && endpoint.tag !== 'auth'
}

/**
 * Public reads may be stored but are revalidated on every use: seat counts, a window closing and a
 * withdrawn item must show at once, and a revalidation answered 304 costs a phone a few hundred bytes.
 */
export const PUBLIC_READ_CACHE_CONTROL = 'public, max-age=0, must-revalidate'

export const JSON_TYPE = 'application/json; charset=utf-8'

/** The serialized JSON answer and its strong ETag (sha1 of the bytes, from the `etag` package Express uses). */
export function serializedJson(value: unknown): { body: Buffer; etag: string } {
  const body = Buffer.from(JSON.stringify(value), 'utf8')
  return { body, etag: calculateEtag(body) }
}

/** A successful public read: serialized once, tagged, and answered 304 when the client's If-None-Match still matches. */
function tagPublicRead(ctx: Context) {
  const body: unknown = ctx.body
  if (body === null || body === undefined || typeof (body as NodeJS.ReadableStream).pipe === 'function') return
  // A handler that decided itself (file downloads say no-store) is left alone.
  if (ctx.response.get('Cache-Control')) return
  if (!ctx.response.get('ETag')) {
    const serialized = Buffer.isBuffer(body)
      ? { body, etag: calculateEtag(body) }
      : typeof body === 'string'
        ? { body, etag: calculateEtag(body) }
        : serializedJson(body)
    if (!Buffer.isBuffer(body) && typeof body !== 'string') ctx.type = JSON_TYPE
    ctx.body = serialized.body
    ctx.etag = serialized.etag
  }
  ctx.set('Cache-Control', PUBLIC_READ_CACHE_CONTROL)
  // ctx.fresh compares If-None-Match with the ETag (the `fresh` package); Koa sends a 304 without a body.
  if (ctx.fresh) ctx.status = 304
}

export const cacheControl: Middleware = async (ctx, next) => {
  try {
    await next()
  } finally {
    if (!mayBeStored(ctx.method, ctx.path)) ctx.set('Cache-Control', 'no-store')
    else if (ctx.path.startsWith('/api/')) {
      if (ctx.status === 200 && (ctx.method === 'GET' || ctx.method === 'HEAD')) tagPublicRead(ctx)
      // A refusal (404 of an unpublished item, 400, 429) is not kept: it may change at the next publication.
      else ctx.set('Cache-Control', 'no-store')
    }
  }
}
