// Sessions: create, resolve a token hash to its owner in one statement, and revoke.
import type { DbOrTx } from '../db/client'
import type { StaffRole } from '../generated/prisma/client'

export function createSession(db: DbOrTx, owner: { citizenId: number } | { staffId: number }, tokenHash: string, expiresAt: Date) {
  return db.session.create({ data: { ...owner, tokenHash, expiresAt }, select: { id: true } })
}

/**
 * The session for a token, with what authorisation needs about its owner, in one statement (it
 * runs before every signed-in request). Null when no session has this token.
 */
export async function findSessionByTokenHash(db: DbOrTx, tokenHash: string) {
  const rows = await db.$queryRaw<
    {
      id: number
      expiresAt: Date
      revokedAt: Date | null
      citizenId: number | null
      privacyVersion: string | null
      staffId: number | null
      role: StaffRole | null
      departmentId: number | null
      departmentIds: number[] | null
      mustChangePassword: boolean | null
      disabledAt: Date | null
    }[]
  >`
    SELECT s.id, s.expires_at AS "expiresAt", s.revoked_at AS "revokedAt", s.citizen_id AS "citizenId", c.privacy_version AS "privacyVersion",
           st.id AS "staffId", st.role::text AS role, st.department_id AS "departmentId", st.must_change_password AS "mustChangePassword", st.disabled_at AS "disabledAt",
           CASE WHEN st.id IS NOT NULL THEN ARRAY(SELECT sd.department_id FROM staff_department sd WHERE sd.staff_id = st.id ORDER BY sd.department_id) END AS "departmentIds"
    FROM session s LEFT JOIN citizen c ON c.id = s.citizen_id LEFT JOIN staff st ON st.id = s.staff_id
    WHERE s.token_hash = ${tokenHash}`
  const row = rows[0]
  if (!row) return null
  return {
    id: row.id,
    expiresAt: row.expiresAt,
    revokedAt: row.revokedAt,
    citizenId: row.citizenId,
    citizen: row.citizenId !== null ? { privacyVersion: row.privacyVersion } : null,
    staff:
      row.staffId !== null
        ? {
            id: row.staffId,
            role: row.role!,
            departmentId: row.departmentId!,
            departments: (row.departmentIds ?? []).map((departmentId) => ({ departmentId })),
            mustChangePassword: row.mustChangePassword!,
            disabledAt: row.disabledAt,
          }
        : null,
  }
}

export function revokeSession(db: DbOrTx, id: number, now: Date) {
  return db.session.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: now } })
}

export function revokeSessionsOf(db: DbOrTx, owner: { citizenId: number } | { staffId: number }, now: Date, exceptSessionId?: number) {
  return db.session.updateMany({
    where: { ...owner, revokedAt: null, ...(exceptSessionId ? { id: { not: exceptSessionId } } : {}) },
    data: { revokedAt: now },
  })
}
