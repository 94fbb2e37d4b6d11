// The major-decision catalogue's rows: lists by year, details with stages, and inserting or replacing an entry with its stages.
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
  department: { select: { id: true, name: true } },
  stages: { select: { kind: true, startsAt: true, endsAt: true, summary: true, link: true } },
} satisfies Prisma.DecisionSelect

export function findDecisions(db: DbOrTx, year?: number) {
  return db.decision.findMany({
    where: year ? { year } : {},
    select: summarySelect,
    orderBy: [{ year: 'desc' }, { id: 'asc' }],
  })
}

export function findDecisionById(db: DbOrTx, id: number, now: Date) {
  return db.decision.findUnique({
    where: { id },
    select: {
      ...summarySelect,
      consultations: { where: { publishedAt: { lte: now } }, select: { id: true, title: true }, orderBy: { opensAt: 'asc' } },
      events: { where: { publishedAt: { lte: now } }, select: { id: true, title: true }, orderBy: { startsAt: 'asc' } },
    },
  })
}

export function countDecisionsOfYear(db: DbOrTx, year: number) {
  return db.decision.count({ where: { year } })
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

export function insertDecision(db: DbOrTx, fields: DecisionFields, stages: DecisionStageInput[]) {
  return db.decision.create({ data: { ...fields, stages: { create: stageRows(stages) } }, select: { id: true } })
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
