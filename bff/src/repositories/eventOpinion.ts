// Opinions recorded at an event (meeting attendees'), with their answers.
import type { Mask } from '@gm/shared'
import type { DbOrTx } from '../db/client'
import type { Adoption, Prisma } from '../generated/prisma/client'

export const eventOpinionSelect = {
  id: true,
  eventId: true,
  registrationId: true,
  rawText: true,
  publishedText: true,
  publishedExemptions: true,
  masks: true,
  adoption: true,
  reason: true,
  content: true,
  repliedAt: true,
  receivedAt: true,
  createdAt: true,
  department: { select: { id: true, name: true } },
  registration: { select: { citizenId: true } },
} satisfies Prisma.EventOpinionSelect
export type EventOpinionRow = Prisma.EventOpinionGetPayload<{ select: typeof eventOpinionSelect }>

export function insertEventOpinion(
  db: DbOrTx,
  data: {
    eventId: number
    registrationId: number | null
    rawText: string
    publishedText: string
    publishedExemptions: { start: number; end: number }[]
    /** The masks of rawText that made publishedText (the contract's shape). */
    masks: Mask[]
    receivedAt: Date
  },
) {
  return db.eventOpinion.create({ data, select: eventOpinionSelect })
}

type RecordedFields = Omit<Parameters<typeof insertEventOpinion>[1], 'eventId'>

/** A corrected record: who, the raw and masked text, 收到日期 (the answer stays). */
export function rewriteEventOpinion(db: DbOrTx, id: number, data: RecordedFields) {
  return db.eventOpinion.update({ where: { id }, data, select: eventOpinionSelect })
}

export function removeEventOpinion(db: DbOrTx, id: number) {
  return db.eventOpinion.delete({ where: { id }, select: { id: true } })
}

export function findEventOpinions(db: DbOrTx, eventId: number) {
  return db.eventOpinion.findMany({ where: { eventId }, select: eventOpinionSelect, orderBy: { id: 'asc' } })
}

export function findEventOpinion(db: DbOrTx, id: number) {
  return db.eventOpinion.findUnique({ where: { id }, select: { ...eventOpinionSelect, event: { select: { outcomePublishedAt: true } } } })
}

export function saveEventOpinionAnswer(
  db: DbOrTx,
  id: number,
  answer: { adoption: Adoption; reason: string | null; content: string; departmentId: number; repliedAt: Date },
) {
  return db.eventOpinion.update({ where: { id }, data: answer, select: eventOpinionSelect })
}

export function findRegistrationOfEvent(db: DbOrTx, eventId: number, id: number) {
  return db.registration.findFirst({ where: { id, eventId }, select: { id: true } })
}
