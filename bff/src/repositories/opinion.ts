// Opinions' rows: submitting while the window is open (locked against an early close), lists, moderation, answers with revisions, groups and overdue work.
import type { Mask } from '@gm/shared'
import { type DbOrTx, independent } from '../db/client'
import type { Adoption, ModerationStatus, OpinionChannel, OpinionConsent, Prisma } from '../generated/prisma/client'

const answerSelect = {
  adoption: true,
  reason: true,
  content: true,
  repliedAt: true,
  department: { select: { id: true, name: true } },
  _count: { select: { revisions: true } },
} satisfies Prisma.OpinionAnswerSelect

const groupSelect = {
  id: true,
  title: true,
  adoption: true,
  reason: true,
  content: true,
  repliedAt: true,
  department: { select: { id: true, name: true } },
} satisfies Prisma.OpinionGroupSelect

export const opinionSelect = {
  id: true,
  consultationId: true,
  receiptCode: true,
  rawText: true,
  publishedText: true,
  publishedExemptions: true,
  masks: true,
  consent: true,
  authorName: true,
  contactPhone: true,
  secCheckSuggest: true,
  moderation: true,
  hiddenReason: true,
  channel: true,
  receivedAt: true,
  createdAt: true,
  section: { select: { id: true, heading: true } },
  group: { select: groupSelect },
  answer: { select: answerSelect },
} satisfies Prisma.OpinionSelect
export type OpinionRow = Prisma.OpinionGetPayload<{ select: typeof opinionSelect }>
export type GroupRow = Prisma.OpinionGroupGetPayload<{ select: typeof groupSelect }>

export function findOpinionByKey(db: DbOrTx, citizenId: number, idempotencyKey: string) {
  return db.opinion.findUnique({
    where: { citizenId_idempotencyKey: { citizenId, idempotencyKey } },
    select: { id: true, receiptCode: true, requestHash: true, moderation: true, secCheckSuggest: true, createdAt: true },
  })
}

/**
 * The consultation as the submit sees it, locked FOR SHARE: a concurrent early close (which
 * updates the row) waits for this submit or is waited for, so no opinion lands after a close.
 */
export async function lockConsultationForSubmit(db: DbOrTx, id: number) {
  const rows = await db.$queryRaw<{ published_at: Date | null; opens_at: Date; closes_at: Date; draft_version: number }[]>`
    SELECT published_at, opens_at, closes_at, draft_version FROM consultation WHERE id = ${id} FOR SHARE`
  return rows[0] ?? null
}

export function findSectionOfVersion(db: DbOrTx, consultationId: number, version: number, sectionId: number) {
  return db.draftSection.findFirst({ where: { id: sectionId, consultationId, version }, select: { id: true } })
}

/** Every opinion enters here, online (a citizen's, keyed for retries) or offline (entered by staff, no citizen). */
export function insertOpinion(
  db: DbOrTx,
  data: {
    consultationId: number
    sectionId: number | null
    citizenId: number | null
    receiptCode: string
    rawText: string
    consent: OpinionConsent
    authorName: string | null
    contactPhone: string | null
    idempotencyKey: string | null
    requestHash: string | null
    secCheckSuggest: string | null
    createdAt: Date
    /** Offline opinions only: how and when it was received, and who entered it. */
    channel?: OpinionChannel
    receivedAt?: Date
    enteredById?: number
  },
) {
  return db.opinion.create({
    data: { ...data, receivedAt: data.receivedAt ?? data.createdAt },
    select: { id: true, receiptCode: true, moderation: true, secCheckSuggest: true, createdAt: true },
  })
}

/**
 * A citizen's opinion in one statement, stored only while the consultation is published and open
 * at `now` and the clause (if any) belongs to its current draft version. The consultation row is
 * share-locked for the statement, so an early close committed first is seen (the row is re-read)
 * and one arriving meanwhile waits. The key's unique index refuses a second opinion under the same
 * key (a unique violation). Null when the consultation, its window or the clause refuses it.
 */
export async function insertOpinionIfOpen(
  db: DbOrTx,
  data: {
    consultationId: number
    sectionId: number | null
    citizenId: number
    receiptCode: string
    rawText: string
    consent: OpinionConsent
    authorName: string | null
    contactPhone: string | null
    idempotencyKey: string
    requestHash: string
    secCheckSuggest: string | null
  },
  now: Date,
) {
  const rows = await db.$queryRaw<{ id: number; receiptCode: string; moderation: ModerationStatus; secCheckSuggest: string | null; createdAt: Date }[]>`
    INSERT INTO opinion (consultation_id, section_id, citizen_id, receipt_code, raw_text, consent, author_name, contact_phone,
                         idempotency_key, request_hash, sec_check_suggest, created_at, received_at)
    SELECT c.id, ${data.sectionId}::int, ${data.citizenId}, ${data.receiptCode}, ${data.rawText}, ${data.consent}::opinion_consent, ${data.authorName}, ${data.contactPhone},
           ${data.idempotencyKey}, ${data.requestHash}, ${data.secCheckSuggest}, ${now}::timestamptz, ${now}::timestamptz
    FROM consultation c
    WHERE c.id = ${data.consultationId} AND c.published_at <= ${now}::timestamptz AND c.opens_at <= ${now}::timestamptz AND c.closes_at > ${now}::timestamptz
      AND (${data.sectionId}::int IS NULL OR EXISTS (
        SELECT 1 FROM draft_section s WHERE s.id = ${data.sectionId}::int AND s.consultation_id = c.id AND s.version = c.draft_version))
    FOR SHARE OF c
    RETURNING id, receipt_code AS "receiptCode", moderation::text AS moderation, sec_check_suggest AS "secCheckSuggest", created_at AS "createdAt"`
  return rows[0] ?? null
}

export async function findOpinionsOfCitizen(db: DbOrTx, citizenId: number, page: { skip: number; take: number }) {
  const where = { citizenId }
  const [rows, total] = await Promise.all([
    db.opinion.findMany({
      where,
      select: {
        ...opinionSelect,
        consultation: { select: { id: true, title: true, feedbackPublishedAt: true } },
      },
      orderBy: { id: 'desc' },
      skip: page.skip,
      take: page.take,
    }),
    db.opinion.count({ where }),
  ])
  return { rows, total }
}

export async function findOpinionsOfConsultation(
  db: DbOrTx,
  consultationId: number,
  filter: { moderation?: ModerationStatus; unanswered?: boolean },
  page?: { skip: number; take: number },
) {
  const where: Prisma.OpinionWhereInput = {
    consultationId,
    ...(filter.moderation ? { moderation: filter.moderation } : {}),
    ...(filter.unanswered ? { answer: null, OR: [{ groupId: null }, { group: { adoption: null } }] } : {}),
  }
  const [rows, total] = await independent(
    db,
    () => db.opinion.findMany({ where, select: opinionSelect, orderBy: { id: 'asc' }, ...(page ?? {}) }),
    () => db.opinion.count({ where }),
  )
  return { rows, total }
}

/** Locks an opinion's row for a moderation (two reviewers moderating it at once: the second sees the first's). */
export async function lockOpinionForModeration(db: DbOrTx, id: number): Promise<void> {
  await db.$queryRaw`SELECT id FROM opinion WHERE id = ${id} FOR UPDATE`
}

export function findOpinion(db: DbOrTx, id: number) {
  return db.opinion.findUnique({
    where: { id },
    select: { ...opinionSelect, consultation: { select: { id: true, feedbackPublishedAt: true } } },
  })
}

export function updateModeration(
  db: DbOrTx,
  id: number,
  data: {
    moderation: ModerationStatus
    publishedText: string | null
    publishedExemptions: { start: number; end: number }[]
    /** The masks of rawText that made publishedText (the contract's shape; none when hidden). */
    masks: Mask[]
    hiddenReason: string | null
    moderatedAt: Date
    moderatedById: number
  },
) {
  return db.opinion.update({ where: { id }, data, select: { id: true } })
}

/** Records ranges of an opinion's published text that an override at feedback publication lets through. */
export function updatePublishedExemptions(db: DbOrTx, id: number, publishedExemptions: { start: number; end: number }[]) {
  return db.opinion.update({ where: { id }, data: { publishedExemptions }, select: { id: true } })
}

export interface AnswerInput {
  adoption: Adoption
  reason: string | null
  content: string
  departmentId: number
  repliedAt: Date
  staffId: number
}

/** Save the answer and keep the version as a revision, in the caller's transaction. */
export async function saveAnswer(db: DbOrTx, opinionId: number, input: AnswerInput) {
  const answer = await db.opinionAnswer.upsert({ where: { opinionId }, create: { opinionId, ...input }, update: input, select: { id: true } })
  await db.opinionAnswerRevision.create({ data: { answerId: answer.id, ...input } })
  return answer
}

/** An answer stored as it stands, with no revision kept: content loaded whole (the demo). A staff reply goes through saveAnswer. */
export function insertAnswer(db: DbOrTx, opinionId: number, input: AnswerInput) {
  return db.opinionAnswer.create({ data: { opinionId, ...input }, select: { id: true } })
}

/** Unanswered (directly or through an answered group), moderated opinions older than `before`. */
export function findUnansweredSince(db: DbOrTx, before: Date, departmentIds?: readonly number[]) {
  return db.opinion.findMany({
    where: {
      receivedAt: { lt: before },
      moderation: { not: 'PENDING' },
      answer: null,
      OR: [{ groupId: null }, { group: { adoption: null } }],
      consultation: { feedbackPublishedAt: null, ...(departmentIds ? { departmentId: { in: [...departmentIds] } } : {}) },
    },
    select: { id: true, receiptCode: true, createdAt: true, receivedAt: true, consultation: { select: { id: true, title: true } } },
    orderBy: { receivedAt: 'asc' },
  })
}

export function countOpinionsInConsultation(db: DbOrTx, consultationId: number, ids: number[]) {
  return db.opinion.count({ where: { consultationId, id: { in: ids } } })
}

export function findGroups(db: DbOrTx, consultationId: number) {
  return db.opinionGroup.findMany({
    where: { consultationId },
    select: { ...groupSelect, opinions: { select: { id: true }, orderBy: { id: 'asc' } } },
    orderBy: { id: 'asc' },
  })
}

export function findGroup(db: DbOrTx, id: number) {
  return db.opinionGroup.findUnique({
    where: { id },
    select: {
      ...groupSelect,
      consultationId: true,
      consultation: { select: { feedbackPublishedAt: true } },
      opinions: { select: { id: true, createdAt: true, receivedAt: true }, orderBy: { id: 'asc' } },
    },
  })
}

export async function insertGroup(db: DbOrTx, consultationId: number, title: string, opinionIds: number[]) {
  const group = await db.opinionGroup.create({ data: { consultationId, title }, select: { id: true } })
  await db.opinion.updateMany({ where: { consultationId, id: { in: opinionIds } }, data: { groupId: group.id } })
  return group
}

export async function replaceGroupMembers(db: DbOrTx, groupId: number, consultationId: number, title: string, opinionIds: number[]) {
  await db.opinionGroup.update({ where: { id: groupId }, data: { title } })
  await db.opinion.updateMany({ where: { groupId, id: { notIn: opinionIds } }, data: { groupId: null } })
  await db.opinion.updateMany({ where: { consultationId, id: { in: opinionIds } }, data: { groupId } })
}

export function saveGroupAnswer(db: DbOrTx, groupId: number, input: Omit<AnswerInput, 'staffId'>) {
  return db.opinionGroup.update({ where: { id: groupId }, data: input, select: { id: true } })
}

/** Per consultation: opinions, waiting for moderation, and moderated but unanswered. */
export async function countOpinionWork(db: DbOrTx) {
  const rows = await db.$queryRaw<{ consultation_id: number; opinions: bigint; pending: bigint; unanswered: bigint }[]>`
    SELECT o.consultation_id,
           count(*) AS opinions,
           count(*) FILTER (WHERE o.moderation = 'PENDING') AS pending,
           count(*) FILTER (WHERE o.moderation <> 'PENDING' AND a.id IS NULL AND (g.id IS NULL OR g.adoption IS NULL)) AS unanswered
    FROM opinion o
    LEFT JOIN opinion_answer a ON a.opinion_id = o.id
    LEFT JOIN opinion_group g ON g.id = o.group_id
    GROUP BY o.consultation_id`
  return new Map(rows.map((r) => [r.consultation_id, { opinions: Number(r.opinions), pending: Number(r.pending), unanswered: Number(r.unanswered) }]))
}

/** Authors to tell when feedback is published. */
export function findAuthorsOfConsultation(db: DbOrTx, consultationId: number) {
  return db.opinion.findMany({
    where: { consultationId, citizenId: { not: null } },
    select: {
      id: true,
      citizenId: true,
      receiptCode: true,
      answer: { select: { adoption: true, repliedAt: true } },
      group: { select: { adoption: true, repliedAt: true } },
    },
  })
}
