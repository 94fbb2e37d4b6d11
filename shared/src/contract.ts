// The endpoint contract: every endpoint of the API once, assembled from one file per domain in contract/.
// The BFF routes, the miniapp client and the OpenAPI document read it.
import type { z } from 'zod'
import { overviewEndpoints } from './contract/overview'
import { consultationEndpoints } from './contract/consultation'
import { opinionEndpoints } from './contract/opinion'
import { decisionEndpoints } from './contract/decision'
import { eventEndpoints } from './contract/event'
import { registrationEndpoints } from './contract/registration'
import { policyEndpoints } from './contract/policy'
import { qaEndpoints } from './contract/qa'
import { identityEndpoints } from './contract/identity'
import { staffEndpoints } from './contract/staff'
import { statisticsEndpoints } from './contract/statistics'
import { openDataEndpoints } from './contract/openData'
import { followEndpoints } from './contract/follow'
import { answerTemplateEndpoints } from './contract/answerTemplate'
import { attachmentEndpoints } from './contract/attachment'
import type { Access, Endpoint } from './contract/endpoint'
import { type StaffRole, staffRoles } from './schemas/identity'

export type { Access, Endpoint, HttpMethod } from './contract/endpoint'
export { FileSchema, NoContentSchema } from './contract/endpoint'

/** Every endpoint of the API, once. */
export const contract = {
  ...overviewEndpoints,
  ...consultationEndpoints,
  ...opinionEndpoints,
  ...decisionEndpoints,
  ...eventEndpoints,
  ...registrationEndpoints,
  ...policyEndpoints,
  ...qaEndpoints,
  ...identityEndpoints,
  ...staffEndpoints,
  ...statisticsEndpoints,
  ...openDataEndpoints,
  ...followEndpoints,
  ...answerTemplateEndpoints,
  ...attachmentEndpoints,
} as const satisfies Record<string, Endpoint>

export type Contract = typeof contract
export type EndpointName = keyof Contract

/**
 * The staff roles an endpoint admits, read from its `access` (public and signed-in endpoints admit every
 * role, citizen ones none): staff pages show an action to whom its endpoint lets do it, from this one rule.
 */
export function staffRolesOf(name: EndpointName): readonly StaffRole[] {
  const access: Access = contract[name].access
  if (typeof access === 'object') return access.staff
  return access === 'citizen' ? [] : staffRoles
}

type Infer<T> = T extends z.ZodType ? z.infer<T> : never
type Input<T> = T extends z.ZodType ? z.input<T> : never

/** What a caller passes: only the parts the endpoint declares. */
export type RequestOf<N extends EndpointName> = (Contract[N] extends { params: z.ZodType } ? { params: Input<Contract[N]['params']> } : unknown) &
  (Contract[N] extends { query: z.ZodType } ? { query?: Input<Contract[N]['query']> } : unknown) &
  (Contract[N] extends { body: z.ZodType } ? { body: Input<Contract[N]['body']> } : unknown)

export type ResponseOf<N extends EndpointName> = Infer<Contract[N]['response']>

/** What the server sees after parsing (defaults applied, strings coerced). */
export type ParamsOf<N extends EndpointName> = Contract[N] extends { params: infer P } ? Infer<P> : undefined
export type QueryOf<N extends EndpointName> = Contract[N] extends { query: infer Q } ? Infer<Q> : undefined
export type BodyOf<N extends EndpointName> = Contract[N] extends { body: infer B } ? Infer<B> : undefined

/** Fill `:name` segments of a contract path. */
export function buildPath(path: string, params: Record<string, string | number> = {}): string {
  return path.replace(/:([A-Za-z_]\w*)/g, (_, name: string) => {
    const value = params[name]
    if (value === undefined) throw new Error(`缺少路径参数 ${name}`)
    return encodeURIComponent(String(value))
  })
}
