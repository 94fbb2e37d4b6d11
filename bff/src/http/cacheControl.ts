// Cache-Control: no-store on every API answer that is not public published data (personal data, sessions, staff views).
import type { Middleware } from 'koa'
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

export const cacheControl: Middleware = async (ctx, next) => {
  try {
    await next()
  } finally {
    if (!mayBeStored(ctx.method, ctx.path)) ctx.set('Cache-Control', 'no-store')
  }
}
