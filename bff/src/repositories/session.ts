import type { DbOrTx } from '../db/client'

export function createSession(db: DbOrTx, owner: { citizenId: number } | { staffId: number }, tokenHash: string, expiresAt: Date) {
  return db.session.create({ data: { ...owner, tokenHash, expiresAt }, select: { id: true } })
}

/** The live session for a token, with what authorisation needs about its owner. */
export function findSessionByTokenHash(db: DbOrTx, tokenHash: string) {
  return db.session.findUnique({
    where: { tokenHash },
    select: {
      id: true,
      expiresAt: true,
      revokedAt: true,
      citizenId: true,
      citizen: { select: { privacyVersion: true } },
      staff: {
        select: { id: true, role: true, departmentId: true, departments: { select: { departmentId: true } }, mustChangePassword: true, disabledAt: true },
      },
    },
  })
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
