import type { DbOrTx } from '../db/client'
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
      events: { select: { id: true, title: true }, orderBy: { startsAt: 'asc' } },
    },
  })
}

export function countDecisionsOfYear(db: DbOrTx, year: number) {
  return db.decision.count({ where: { year } })
}
