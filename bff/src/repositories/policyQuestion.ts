// Citizens' policy questions (政策咨询): keyed inserts under a per-citizen lock for the daily limit, lists, due dates and answers.
import { type DbOrTx, independent } from '../db/client'
import type { PolicyQuestionStatus, Prisma } from '../generated/prisma/client'

const questionSelect = {
  id: true,
  receiptCode: true,
  citizenId: true,
  text: true,
  topic: true,
  status: true,
  requestHash: true,
  secCheckSuggest: true,
  createdAt: true,
  dueAt: true,
  answer: true,
  declineReason: true,
  answeredAt: true,
  promotedItemId: true,
  department: { select: { id: true, name: true } },
  policyDocument: { select: { id: true, title: true, docNumber: true } },
} satisfies Prisma.PolicyQuestionSelect

export type PolicyQuestionRow = Prisma.PolicyQuestionGetPayload<{ select: typeof questionSelect }>

export function findQuestionByKey(db: DbOrTx, citizenId: number, idempotencyKey: string) {
  return db.policyQuestion.findUnique({ where: { citizenId_idempotencyKey: { citizenId, idempotencyKey } }, select: questionSelect })
}

/** Serialise one citizen's submissions so the daily limit cannot be raced past. */
export async function lockCitizenQuestions(db: DbOrTx, citizenId: number) {
  await db.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('policy_question'), ${citizenId}::int)`
}

export function countQuestionsSince(db: DbOrTx, citizenId: number, since: Date) {
  return db.policyQuestion.count({ where: { citizenId, createdAt: { gte: since } } })
}

export function insertQuestion(
  db: DbOrTx,
  data: {
    receiptCode: string
    citizenId: number
    text: string
    topic: string | null
    policyDocumentId: number | null
    idempotencyKey: string
    requestHash: string
    secCheckSuggest: string | null
    dueAt: Date
    createdAt: Date
  },
) {
  return db.policyQuestion.create({ data, select: questionSelect })
}

export async function findQuestionsOfCitizen(db: DbOrTx, citizenId: number, page: { skip: number; take: number }) {
  const where = { citizenId }
  const [rows, total] = await independent(
    db,
    () => db.policyQuestion.findMany({ where, select: questionSelect, orderBy: { id: 'desc' }, skip: page.skip, take: page.take }),
    () => db.policyQuestion.count({ where }),
  )
  return { rows, total }
}

/** `departmentIds` (department scope): questions answered by those departments, and those no department has taken yet. */
export async function findQuestions(
  db: DbOrTx,
  filter: { status?: PolicyQuestionStatus; overdueAt?: Date; departmentIds?: readonly number[] },
  page: { skip: number; take: number },
) {
  const where: Prisma.PolicyQuestionWhereInput = {
    ...(filter.status ? { status: filter.status } : {}),
    ...(filter.overdueAt ? { status: 'PENDING', dueAt: { lt: filter.overdueAt } } : {}),
    ...(filter.departmentIds ? { OR: [{ departmentId: null }, { departmentId: { in: [...filter.departmentIds] } }] } : {}),
  }
  const [rows, total] = await independent(
    db,
    () => db.policyQuestion.findMany({ where, select: questionSelect, orderBy: [{ dueAt: 'asc' }, { id: 'asc' }], skip: page.skip, take: page.take }),
    () => db.policyQuestion.count({ where }),
  )
  return { rows, total }
}

export async function lockQuestion(db: DbOrTx, id: number) {
  await db.$queryRaw`SELECT id FROM policy_question WHERE id = ${id} FOR UPDATE`
  return db.policyQuestion.findUnique({ where: { id }, select: { ...questionSelect, departmentId: true, policyDocumentId: true } })
}

/** Pending questions whose reply count runs through [from, to): asked before `to`, due on or after `from`. */
export function findPendingThrough(db: DbOrTx, from: Date, to: Date) {
  return db.policyQuestion.findMany({
    where: { status: 'PENDING', createdAt: { lt: to }, dueAt: { gte: from } },
    select: { id: true, createdAt: true, dueAt: true },
    orderBy: { id: 'asc' },
  })
}

export function updateDueAt(db: DbOrTx, id: number, dueAt: Date) {
  return db.policyQuestion.update({ where: { id }, data: { dueAt }, select: { id: true } })
}

export function findQuestion(db: DbOrTx, id: number) {
  return db.policyQuestion.findUnique({ where: { id }, select: questionSelect })
}

export function updateQuestion(
  db: DbOrTx,
  id: number,
  data: {
    status?: PolicyQuestionStatus
    answer?: string
    declineReason?: string
    departmentId?: number
    answeredAt?: Date
    answeredById?: number
    promotedItemId?: number
  },
) {
  return db.policyQuestion.update({ where: { id }, data, select: { id: true } })
}
