// Who is calling and what a use case learns about the request: the domain vocabulary services take, free of Koa.
import type { StaffRole } from '@gm/shared'

/** Who is calling, resolved once per request from the bearer token. */
export type Actor =
  | { kind: 'anonymous'; tokenProblem?: 'SESSION_EXPIRED' }
  /** privacyVersion: the privacy notice version the citizen accepted (null: none yet). */
  | { kind: 'citizen'; citizenId: number; sessionId: number; privacyVersion: string | null }
  | {
      kind: 'staff'
      staffId: number
      role: StaffRole
      /** Primary department */
      departmentId: number
      /** Every department the staff member works for (the primary one included): their scope unless ADMIN */
      departmentIds: readonly number[]
      mustChangePassword: boolean
      sessionId: number
    }

export type CitizenActor = Extract<Actor, { kind: 'citizen' }>
export type StaffActor = Extract<Actor, { kind: 'staff' }>
export type SignedInActor = CitizenActor | StaffActor

/** What a use case learns about the request besides its input. */
export interface RequestContext {
  actor: Actor
  requestId?: string
  /** The client's address (a trusted proxy's X-Forwarded-For, else the socket peer). */
  clientIp?: string
  /** The miniapp's stable X-Device-Id, when well-formed. */
  deviceId?: string
  /** The Idempotency-Key header of a citizen write, when sent. */
  idempotencyKey?: string
}

/** The context of a use case only staff reach (the route has checked the role). */
export type StaffContext = RequestContext & { actor: StaffActor }
/** The context of a use case only citizens reach. */
export type CitizenContext = RequestContext & { actor: CitizenActor }
/** The context of a use case any signed-in person reaches. */
export type SignedInContext = RequestContext & { actor: SignedInActor }
