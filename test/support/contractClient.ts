// A contract-typed client for BFF tests: call an endpoint by its contract name with typed params, query and body, and read a typed answer or error.
import { buildPath, contract, type Contract, type EndpointName, type ErrorBody, type RequestOf, type ResponseOf } from '@gm/shared'

/** What an endpoint answers on success: its response type, or the raw bytes of a file download. */
export type SuccessBody<N extends EndpointName> = Contract[N] extends { download: true } ? Buffer : ResponseOf<N>

/** An answer: `ok` narrows the body to the endpoint's response or to the error body. */
export type Answer<N extends EndpointName> =
  { ok: true; status: number; headers: Headers; body: SuccessBody<N> } | { ok: false; status: number; headers: Headers; body: ErrorBody }

export interface CallOptions {
  headers?: Record<string, string>
}

export type ContractCall = <N extends EndpointName>(
  name: N,
  ...args: Partial<RequestOf<N>> extends RequestOf<N> ? [request?: RequestOf<N>, options?: CallOptions] : [request: RequestOf<N>, options?: CallOptions]
) => Promise<Answer<N>>

/** Calls against a running BFF at `baseUrl` (e.g. `startTestApp().baseUrl`). */
export function contractClient(baseUrl: string): ContractCall {
  return (async (
    name: EndpointName,
    request: { params?: Record<string, string | number>; query?: Record<string, unknown>; body?: unknown } = {},
    options: CallOptions = {},
  ) => {
    const endpoint = contract[name]
    const url = new URL(buildPath(endpoint.path, request.params), baseUrl)
    for (const [key, value] of Object.entries(request.query ?? {})) if (value !== undefined) url.searchParams.set(key, String(value))
    const response = await fetch(url, {
      method: endpoint.method,
      headers: { ...(request.body === undefined ? {} : { 'content-type': 'application/json' }), ...options.headers },
      body: request.body === undefined ? undefined : JSON.stringify(request.body),
    })
    const ok = response.status < 400
    const body =
      ok && 'download' in endpoint
        ? Buffer.from(await response.arrayBuffer())
        : response.status === 204 || response.status === 304
          ? null
          : await response.json()
    return { ok, status: response.status, headers: response.headers, body }
  }) as ContractCall
}

/** The typed body of a successful answer; a refused one fails the test with its status and error body. */
export function okBody<N extends EndpointName>(answer: Answer<N>): SuccessBody<N> {
  if (!answer.ok) throw new Error(`expected success, got ${answer.status} ${JSON.stringify(answer.body)}`)
  return answer.body
}

/** The status and error code of a refused answer (a success fails the test), for `toEqual([403, 'FORBIDDEN'])`. */
export function refusal<N extends EndpointName>(answer: Answer<N>): [number, string] {
  if (answer.ok) throw new Error(`expected a refusal, got ${answer.status} ${JSON.stringify(answer.body)}`)
  return [answer.status, answer.body.error.code]
}
