// JSON body parsing with a size limit: other media types 415, malformed JSON 400, oversized bodies 413; file uploads are left to their route.
import { bodyParser } from '@koa/bodyparser'
import type { Middleware } from 'koa'
import { AppError } from '../domain/errors'
import { endpointFor } from './endpoints'

const METHODS_WITH_BODY = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

function hasBody(headers: Record<string, string | string[] | undefined>): boolean {
  return headers['transfer-encoding'] !== undefined || Number(headers['content-length'] ?? 0) > 0
}

/** JSON bodies only: anything else is 415, malformed JSON 400, bodies over the limit 413. */
export function jsonBody(limitKb: number): Middleware {
  const parse = bodyParser({
    enableTypes: ['json'],
    jsonLimit: `${limitKb}kb`,
    jsonStrict: true,
    onError: (err) => {
      const { status, type } = err as { status?: number; type?: string }
      if (type === 'entity.too.large' || status === 413) throw new AppError('PAYLOAD_TOO_LARGE')
      throw new AppError('INVALID_JSON')
    },
  })
  return async (ctx, next) => {
    // An upload endpoint reads its multipart body itself, after authorize (routes/route.ts → http/multipart.ts).
    if (ctx.is('multipart/form-data') && endpointFor(ctx.method, ctx.path)?.endpoint.upload) return next()
    if (METHODS_WITH_BODY.has(ctx.method) && hasBody(ctx.headers) && !ctx.is('application/json')) {
      throw new AppError('UNSUPPORTED_MEDIA_TYPE')
    }
    await parse(ctx, next)
  }
}
