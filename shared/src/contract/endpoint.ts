// What an endpoint declares (method, path, access, schemas) and the staff role sets endpoints grant access to.
import { z } from 'zod'
import type { StaffRole } from '../schemas/identity'

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'

/**
 * Who may call an endpoint. Every endpoint declares it: there is no default.
 * - public: anyone; signedIn: any session; citizen: a citizen's session;
 * - { staff: roles }: a staff session with one of the roles.
 */
export type Access = 'public' | 'signedIn' | 'citizen' | { staff: readonly StaffRole[] }

export const ALL_STAFF = { staff: ['EDITOR', 'REVIEWER', 'ADMIN'] } as const
export const ADMIN = { staff: ['ADMIN'] } as const
export const EDITOR = { staff: ['EDITOR'] } as const
export const REVIEWER = { staff: ['REVIEWER'] } as const
export const EDITOR_OR_REVIEWER = { staff: ['EDITOR', 'REVIEWER'] } as const
/**
 * Review work: opinions, and running an event (signups and their review, the draw, the outcome, event opinions, the export):
 * reviewers of the department, and administrators (so the first administrator can act before anyone else exists).
 */
export const REVIEWER_OR_ADMIN = { staff: ['REVIEWER', 'ADMIN'] } as const

/** A downloaded file: `{ filename, contentType, content }` on the server side. */
export const FileSchema = z.object({
  filename: z.string(),
  contentType: z.string(),
  content: z.custom<string | Uint8Array<ArrayBufferLike>>((v) => typeof v === 'string' || v instanceof Uint8Array),
})

/** The body of 204 responses. */
export const NoContentSchema = z.null()

export interface Endpoint {
  method: HttpMethod
  /** Koa-style path, `:name` for parameters. */
  path: string
  summary: string
  tag: string
  access: Access
  params?: z.ZodType
  query?: z.ZodType
  body?: z.ZodType
  response: z.ZodType
  /** Success status; 200 unless stated. */
  status?: number
  /** The response is a file (CSV, XLSX) rather than JSON. */
  download?: true
  /**
   * The request is multipart/form-data: `body` describes its text fields and the part named `file`
   * is the uploaded file (ATTACHMENT_MAX_BYTES at most), read only after `access` admitted the caller.
   */
  upload?: true
  /**
   * A citizen write that stores personal data: refused with PRIVACY_NOT_ACCEPTED until the citizen
   * accepted the current privacy notice (PRIVACY_NOTICE_VERSION). Checked once, in the BFF's authorize.
   */
  consent?: true
}

/** Every endpoint of the API, once. The BFF routes, the miniapp client and the OpenAPI document read it. */
