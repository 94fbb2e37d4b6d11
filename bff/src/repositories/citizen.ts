// Citizens' rows: find or create by WeChat openid, privacy consent and phone, their personal details, and deleting or de-identifying what they gave.
import type { DbOrTx } from '../db/client'

const meSelect = { id: true, nickname: true, phone: true, privacyAcceptedAt: true, privacyVersion: true, createdAt: true } as const

/** Find or create the citizen behind a WeChat openid, keeping the latest session_key server-side. */
export function upsertCitizenByOpenid(db: DbOrTx, openid: string, fields: { unionid?: string; sessionKey?: string; nickname?: string }) {
  return db.citizen.upsert({
    where: { openid },
    create: { openid, ...fields },
    update: { ...(fields.unionid ? { unionid: fields.unionid } : {}), ...(fields.sessionKey ? { sessionKey: fields.sessionKey } : {}) },
    select: meSelect,
  })
}

export function findCitizen(db: DbOrTx, id: number) {
  return db.citizen.findUnique({ where: { id }, select: meSelect })
}

export function findCitizenOpenid(db: DbOrTx, id: number) {
  return db.citizen.findUnique({ where: { id }, select: { openid: true } })
}

export function updateCitizen(db: DbOrTx, id: number, data: { privacyAcceptedAt?: Date; privacyVersion?: string; phone?: string }) {
  return db.citizen.update({ where: { id }, data, select: meSelect })
}

/** Personal data goes; sessions, notifications and credits cascade. */
export function deleteCitizen(db: DbOrTx, id: number) {
  return db.citizen.delete({ where: { id }, select: { id: true } })
}

/** The personal details a citizen gave with opinions and registrations (for 我的个人信息). */
export function findPersonalDetails(db: DbOrTx, citizenId: number) {
  return Promise.all([
    db.opinion.findMany({
      where: { citizenId },
      select: { receiptCode: true, authorName: true, contactPhone: true, createdAt: true, consultation: { select: { title: true } } },
      orderBy: { id: 'desc' },
    }),
    db.registration.findMany({
      where: { citizenId },
      select: { name: true, phone: true, status: true, createdAt: true, event: { select: { title: true } } },
      orderBy: { id: 'desc' },
    }),
    db.policyQuestion.findMany({
      where: { citizenId },
      select: { receiptCode: true, text: true, status: true, createdAt: true, answeredAt: true },
      orderBy: { id: 'desc' },
    }),
  ])
}

/**
 * What stays of a citizen's contributions after they delete their personal data: opinions keep only
 * their (masked) text — a name published with consent is withdrawn — and registrations lose name
 * and contact details.
 */
export async function deidentifyContributions(db: DbOrTx, citizenId: number) {
  await db.opinion.updateMany({ where: { citizenId, consent: 'PUBLISH_NAMED' }, data: { consent: 'PUBLISH_MASKED' } })
  await db.opinion.updateMany({ where: { citizenId }, data: { authorName: null, contactPhone: null } })
  await db.registration.updateMany({
    where: { citizenId },
    data: { name: '（已删除）', phone: '', region: null, sector: null, ageBand: null, gender: null, accessibilityNeeds: null, keepInPool: false },
  })
}
