// The major-decision catalogue's rows: lists by year, details with stages, inserting or replacing an entry with its stages, and publishing a draft.
import type { DbOrTx } from '../db/client'
import type { DecisionBody, DecisionStageInput } from '@gm/shared'
import type { Prisma } from '../generated/prisma/client'

const summarySelect = {
  id: true,
  year: true,
  title: true,
  summary: true,
  plannedDecisionAt: true,
  participationMethods: true,
  publishedAt: true,
  department: { select: { id: true, name: true } },
  stages: { select: { kind: true, startsAt: true, endsAt: true, summary: true, link: true } },
} satisfies Prisma.DecisionSelect

/** Which entries a read may show: the public sees published ones only, staff drafts too. */
export type DecisionAudience = 'public' | 'staff'
const visibleTo = (audience: DecisionAudience) => (audience === 'public' ? { publishedAt: { not: null } } : {})

export function findDecisions(db: DbOrTx, year: number | undefined, audience: DecisionAudience) {
  return db.decision.findMany({
    where: { ...(year ? { year } : {}), ...visibleTo(audience) },
    select: summarySelect,
    orderBy: [{ year: 'desc' }, { id: 'asc' }],
  })
}

export function findDecisionById(db: DbOrTx, id: number, now: Date, audience: DecisionAudience) {
  return db.decision.findFirst({
    where: { id, ...visibleTo(audience) },
    select: {
      ...summarySelect,
      consultations: { where: { publishedAt: { lte: now } }, select: { id: true, title: true }, orderBy: { opensAt: 'asc' } },
      events: { where: { publishedAt: { lte: now } }, select: { id: true, title: true }, orderBy: { startsAt: 'asc' } },
    },
  })
}

/** Whether an entry exists and is published (a link target); null when there is none. */
export function findDecisionPublication(db: DbOrTx, id: number) {
  return db.decision.findUnique({ where: { id }, select: { publishedAt: true } })
}

/** Published entries of a year (the public overview's figure). */
export function countDecisionsOfYear(db: DbOrTx, year: number) {
  return db.decision.count({ where: { year, ...visibleTo('public') } })
}

/** Publish a draft: false when it was already published (or is gone), so two publishers cannot both succeed. */
export async function markDecisionPublished(db: DbOrTx, id: number, at: Date): Promise<boolean> {
  const { count } = await db.decision.updateMany({ where: { id, publishedAt: null }, data: { publishedAt: at } })
  return count === 1
}

export type DecisionFields = Omit<DecisionBody, 'stages'>

const stageRows = (stages: DecisionStageInput[]) =>
  stages.map((s) => ({
    kind: s.kind,
    startsAt: s.startsAt ? new Date(s.startsAt) : null,
    endsAt: s.endsAt ? new Date(s.endsAt) : null,
    summary: s.summary,
    link: s.link,
  }))

/** A new entry; `publishedAt` null makes it a draft (the seed's catalog is published at once). */
export function insertDecision(db: DbOrTx, fields: DecisionFields, stages: DecisionStageInput[], publishedAt: Date | null = null) {
  return db.decision.create({ data: { ...fields, publishedAt, stages: { create: stageRows(stages) } }, select: { id: true } })
}

/** The row as it was, for the audit log; null when there is none. */
export function findDecisionForAudit(db: DbOrTx, id: number) {
  return db.decision.findUnique({ where: { id }, select: { ...summarySelect, department: false, departmentId: true } })
}

/** The catalog entry's fields and its whole set of stages are replaced together. */
export async function rewriteDecision(db: DbOrTx, id: number, fields: DecisionFields, stages: DecisionStageInput[]) {
  await db.decisionStage.deleteMany({ where: { decisionId: id } })
  await db.decision.update({ where: { id }, data: { ...fields, stages: { create: stageRows(stages) } }, select: { id: true } })
}
