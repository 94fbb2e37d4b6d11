// Mounting a contract endpoint: rate limits, authorize, input parsing, the public-read cache, then the handler; typed handler contexts per access.
import type Router from '@koa/router'
import { type BodyOf, type Contract, contract, type EndpointName, type ParamsOf, type QueryOf, type ResponseOf } from '@gm/shared'
import type { Actor, CitizenContext, RequestContext, SignedInContext, StaffContext } from '../domain/actor'
import { authorize } from '../http/authorize'
import { JSON_TYPE, serializedJson } from '../http/cacheControl'
import type { PublicReadCache } from '../http/publicReadCache'
import type { ReadPolicies, ReadPolicy } from './publicReads'
import { AppError } from '../domain/errors'
import { deviceIdOf, type RateLimit } from '../http/rateLimit'
import { parseInput } from '../http/validate'
import { readUpload, type UploadedFile } from '../http/multipart'
import { ATTACHMENT_MAX_BYTES } from '@gm/shared'

export interface ParsedRequest<N extends EndpointName> {
  params: ParamsOf<N>
  query: QueryOf<N>
  body: BodyOf<N>
  /** The uploaded file of an `upload` endpoint (its `body` are the form's text fields). */
  file: Contract[N] extends { upload: true } ? UploadedFile : undefined
}

/**
 * What a handler learns about the caller, typed from the endpoint's declared access: `mount` runs
 * `authorize` first, so a citizen endpoint's handler sees a citizen, a staff endpoint's a staff member.
 */
export type ContextOf<N extends EndpointName> = Contract[N]['access'] extends 'citizen'
  ? CitizenContext
  : Contract[N]['access'] extends 'signedIn'
    ? SignedInContext
    : Contract[N]['access'] extends { staff: readonly unknown[] }
      ? StaffContext
      : RequestContext

export type Handler<N extends EndpointName> = (request: ParsedRequest<N>, context: ContextOf<N>) => Promise<ResponseOf<N>>

/** Handlers for some endpoints (one domain's file in routes/). */
export type Routes = { [N in EndpointName]?: Handler<N> }
/** A handler for every endpoint: the type checker and the app's start-up both refuse one left unrouted. */
export type AllRoutes = { [N in EndpointName]: Handler<N> }

/**
 * Mount a contract endpoint: check the declared access, parse params, query and body with the
 * contract's schemas, call the handler, answer with the contract's success status.
 */
const IDEMPOTENCY_KEY = /^[A-Za-z0-9_-]{8,64}$/

/** The Idempotency-Key header: absent, or a well-formed key (anything else is refused, not ignored). */
function idempotencyKeyOf(header: string): string | undefined {
  if (header === '') return undefined
  if (!IDEMPOTENCY_KEY.test(header))
    throw new AppError('VALIDATION_FAILED', 'Idempotency-Key 须为 8–64 位字母、数字、_ 或 -', { fields: { 'Idempotency-Key': '格式不正确' } })
  return header
}

/** The public reads served through the public-read cache (routes/publicReads.ts) and the cache itself (absent: disabled). */
export interface PublicReads {
  policies: ReadPolicies
  cache?: PublicReadCache
}

export function mount<N extends EndpointName>(router: Router, name: N, handler: Handler<N>, rateLimit?: RateLimit, publicReads?: PublicReads) {
  const readPolicy = publicReads?.policies[name] as ReadPolicy<N> | undefined
  const cacheKeyOf = (request: ParsedRequest<N>) => `${name}|${JSON.stringify(request.params ?? null)}|${JSON.stringify(request.query ?? null)}`
  const endpoint: Contract[EndpointName] = contract[name]
  const method = endpoint.method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete'
  router[method](name, endpoint.path, async (ctx) => {
    const actor = ctx.state.actor as Actor
    const clientIp = (ctx.state.clientIp as string | undefined) ?? ctx.ip
    // Budgets first: a flood of refused or malformed requests still spends them.
    await rateLimit?.(name, actor, clientIp)
    authorize(name, endpoint.access, actor)
    const params = 'params' in endpoint ? parseInput(endpoint.params, ctx.params, 'params') : undefined
    // An upload's body is read only now that the caller is admitted and the path is valid.
    const upload = 'upload' in endpoint ? await readUpload(ctx, ATTACHMENT_MAX_BYTES) : undefined
    const request = {
      params,
      query: 'query' in endpoint ? parseInput(endpoint.query, ctx.query, 'query') : undefined,
      body: 'body' in endpoint ? parseInput(endpoint.body, upload ? upload.fields : ctx.request.body, 'body') : undefined,
      file: upload?.file ?? undefined,
    } as ParsedRequest<N>
    const context: RequestContext = {
      actor,
      requestId: ctx.state.requestId as string | undefined,
      clientIp,
      deviceId: deviceIdOf(ctx),
      idempotencyKey: idempotencyKeyOf(ctx.get('Idempotency-Key')),
    }
    if (readPolicy) {
      // The same answer for every caller: from the cache (serialized, tagged) or computed and offered to it.
      const compute = () => handler(request, context as ContextOf<N>)
      const keepAnswer = readPolicy.onServe !== undefined
      const served = publicReads?.cache
        ? await publicReads.cache.read(cacheKeyOf(request), compute, keepAnswer)
        : await compute().then((answer) => ({ ...serializedJson(answer), answer: answer as unknown, cache: 'BYPASS' }))
      if (readPolicy.onServe) await readPolicy.onServe(served.answer as ResponseOf<N>, request, context)
      ctx.status = 200
      ctx.type = JSON_TYPE
      ctx.body = served.body
      ctx.etag = served.etag
      ctx.set('X-Cache', served.cache)
      return
    }
    const result = await handler(request, context as ContextOf<N>)
    // Read your own writes on this instance without waiting for the change feed's notice (other instances get it
    // within milliseconds). Sign-in writes only sessions and citizens' accounts, which no public read shows.
    if (endpoint.method !== 'GET' && endpoint.tag !== 'auth') publicReads?.cache?.invalidate()
    ctx.status = ('status' in endpoint ? (endpoint.status as number) : undefined) ?? 200
    if ('download' in endpoint) {
      const file = result as { filename: string; contentType: string; content: string | Uint8Array }
      ctx.type = file.contentType
      ctx.attachment(file.filename)
      // Staff and citizen files hold personal data; a public file (open data) is cacheable like any public read.
      if (endpoint.access !== 'public') ctx.set('Cache-Control', 'no-store')
      ctx.body = typeof file.content === 'string' ? file.content : Buffer.from(file.content)
    } else if (ctx.status !== 204) {
      ctx.body = result
    }
  })
}

export function mountAll(router: Router, routes: Routes, rateLimit?: RateLimit, publicReads?: PublicReads) {
  const missing = (Object.keys(contract) as EndpointName[]).filter((name) => !routes[name])
  if (missing.length > 0) throw new Error(`以下接口没有处理函数：${missing.join(', ')}`)
  for (const name of Object.keys(contract) as EndpointName[]) {
    mount(router, name, routes[name] as Handler<typeof name>, rateLimit, publicReads)
  }
}
