// Middleware that turns the bearer token into the caller's actor; a missing, expired or revoked token leaves the caller anonymous.
import type { Middleware } from 'koa'
import type { Deps } from '../deps'
import { findSessionByTokenHash } from '../repositories/session'
import { hashToken } from '../security/tokens'
import type { Actor } from '../domain/actor'

const BEARER = /^Bearer ([A-Za-z0-9_-]{20,100})$/

/** The token of a well-formed `Authorization: Bearer …` header, or null. */
export function bearerToken(header: string): string | null {
  return BEARER.exec(header)?.[1] ?? null
}

/**
 * Resolve the bearer token to an actor. A missing, unknown, expired or revoked token leaves the
 * caller anonymous; endpoints that need a session then answer 401 (SESSION_EXPIRED when a token
 * was sent, so the client knows to sign in again).
 */
export function authenticate(deps: Deps): Middleware {
  return async (ctx, next) => {
    ctx.state.actor = await resolveActor(deps, ctx.get('Authorization'))
    await next()
  }
}

async function resolveActor(deps: Deps, header: string): Promise<Actor> {
  if (!header) return { kind: 'anonymous' }
  const token = bearerToken(header)
  if (!token) return { kind: 'anonymous', tokenProblem: 'SESSION_EXPIRED' }
  const session = await findSessionByTokenHash(deps.db, hashToken(token))
  const now = deps.clock()
  if (!session || session.revokedAt || session.expiresAt <= now) return { kind: 'anonymous', tokenProblem: 'SESSION_EXPIRED' }
  if (session.citizenId)
    return { kind: 'citizen', citizenId: session.citizenId, sessionId: session.id, privacyVersion: session.citizen?.privacyVersion ?? null }
  const staff = session.staff
  if (!staff || staff.disabledAt) return { kind: 'anonymous', tokenProblem: 'SESSION_EXPIRED' }
  return {
    kind: 'staff',
    staffId: staff.id,
    role: staff.role,
    departmentId: staff.departmentId,
    departmentIds: [...new Set([staff.departmentId, ...staff.departments.map((d) => d.departmentId)])],
    mustChangePassword: staff.mustChangePassword,
    sessionId: session.id,
  }
}
