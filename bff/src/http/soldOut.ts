// Refuses a signup for a first-come event this instance knows is full, before sign-in and the database (the admission gate lets it pass by its queue).
import type { Middleware } from 'koa'
import type { Deps } from '../deps'
import { AppError } from '../domain/errors'
import { hashToken } from '../security/tokens'
import type { GateRequest } from './admission'
import { bearerToken } from './authenticate'
import { endpointFor } from './endpoints'

const EVENT_ID = /^[1-9][0-9]{0,9}$/

/**
 * Whether this request is a signup (joinEvent) with a well-formed bearer token for an event the
 * instance knows has no place left, by someone who has no registration there (FullEvents, kept
 * current by the change feed). Such a crowd is answered SEATS_EXHAUSTED at once: no queueing behind
 * the admission gate, no session lookup, no statement. Everything else (no token, a malformed id or
 * token, a registrant's retry or second signup, an event not known full) goes the usual way.
 */
export function knownSoldOut(deps: Deps, request: GateRequest): boolean {
  const full = deps.fullEvents
  if (!full || request.method !== 'POST') return false
  const match = endpointFor(request.method, request.path)
  if (match?.name !== 'joinEvent') return false
  const id = match.params.id ?? ''
  const token = bearerToken(request.authorization ?? '')
  if (!token || !EVENT_ID.test(id) || Number(id) > 2_147_483_647) return false
  return full.refusesToken(Number(id), hashToken(token))
}

/** The middleware form of knownSoldOut: refuses before anything else runs. */
export function soldOut(deps: Deps): Middleware {
  return async (ctx, next) => {
    if (knownSoldOut(deps, { method: ctx.method, path: ctx.path, authorization: ctx.get('Authorization') })) throw new AppError('SEATS_EXHAUSTED')
    await next()
  }
}
