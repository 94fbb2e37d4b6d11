// Deny by default: checks an endpoint's declared access (public, citizen, staff role, privacy consent) against the caller before its handler runs.
import { type Access, contract, type EndpointName, PRIVACY_NOTICE_VERSION } from '@gm/shared'
import type { Actor } from '../domain/actor'
import { AppError } from '../domain/errors'

/** What a staff member who must still change the initial password may do. */
const ALLOWED_BEFORE_PASSWORD_CHANGE: ReadonlySet<EndpointName> = new Set(['getMe', 'changePassword', 'logout'])

/**
 * Deny by default: every endpoint's declared access is checked before its handler runs.
 * 401 when a session is needed and missing; 403 when the session is of the wrong kind or role.
 */
export function authorize(endpoint: EndpointName, access: Access, actor: Actor): void {
  if (access === 'public') return
  if (actor.kind === 'anonymous') throw new AppError(actor.tokenProblem ?? 'UNAUTHORIZED')
  if (actor.kind === 'staff' && actor.mustChangePassword && !ALLOWED_BEFORE_PASSWORD_CHANGE.has(endpoint)) {
    throw new AppError('PASSWORD_CHANGE_REQUIRED')
  }
  if (access === 'signedIn') return
  if (access === 'citizen') {
    if (actor.kind !== 'citizen') throw new AppError('FORBIDDEN')
    // Personal data is stored only after the citizen accepted the current notice (a new version asks again).
    if ('consent' in contract[endpoint] && actor.privacyVersion !== PRIVACY_NOTICE_VERSION) {
      throw new AppError('PRIVACY_NOT_ACCEPTED', undefined, { requiredVersion: PRIVACY_NOTICE_VERSION })
    }
    return
  }
  if (actor.kind !== 'staff' || !access.staff.includes(actor.role)) throw new AppError('FORBIDDEN')
}
