// Consultations' rows: public and staff lists and details with the current draft version, drafting, publishing, revisions, window changes and feedback publication.
import type { WindowStatus } from '@gm/shared'
import { type DbOrTx, independent } from '../db/client'
import type { Prisma } from '../generated/prisma/client'
import { consultationIdsMatching } from './search'
import { windowWhere } from './window'

const summarySelect = {
  id: true,
  title: true,
  summary: true,
  decisionId: true,
  opensAt: true,
  closesAt: true,
  feedbackPublishedAt: true,
  department: { select: { id: true, name: true } },
  tally: { select: { opinionCount: true } },
} satisfies Prisma.ConsultationSelect

export type ConsultationSummaryRow = Prisma.ConsultationGetPayload<{ select: typeof summarySelect }>

export interface ConsultationFilter {
  status?: WindowStatus
  departmentId?: number
  keyword?: string
  now: Date
}

/** The public sees a consultation only once it is published. */
export const publishedBy = (now: Date): Prisma.ConsultationWhereInput => ({ publishedAt: { lte: now } })

function where(filter: ConsultationFilter, keywordMatches: number[]): Prisma.ConsultationWhereInput {
  return {
    ...publishedBy(filter.now),
    ...(filter.status ? windowWhere(filter.status, filter.now, 'opensAt', 'closesAt') : {}),
    ...(filter.departmentId ? { departmentId: filter.departmentId } : {}),
    ...(filter.keyword
      ? // Title, summary or a clause of the current version (the box says 标题或内容), wildcards taken literally.
        { id: { in: keywordMatches } }
      : {}),
  }
}

export async function findConsultations(db: DbOrTx, filter: ConsultationFilter, page: { skip: number; take: number }) {
  const keywordMatches = filter.keyword ? await consultationIdsMatching(db, filter.keyword, filter.now) : []
  const [rows, total] = await Promise.all([
    db.consultation.findMany({
      where: where(filter, keywordMatches),
      select: summarySelect,
      // Open ones closing soonest first; otherwise newest first.
      orderBy: filter.status === 'open' ? [{ closesAt: 'asc' }, { id: 'asc' }] : [{ opensAt: 'desc' }, { id: 'desc' }],
      skip: page.skip,
      take: page.take,
    }),
    db.consultation.count({ where: where(filter, keywordMatches) }),
  ])
  return { rows, total }
}

/** A consultation with its current draft version; `publishedBy` hides unpublished ones from the public. */
export async function findConsultationById(db: DbOrTx, id: number, visibility: { publishedBy: Date } | 'staff') {
  const row = await db.consultation.findFirst({
    where: { id, ...(visibility === 'staff' ? {} : publishedBy(visibility.publishedBy)) },
    select: {
      ...summarySelect,
      explanation: true,
      background: true,
      isMajorDecision: true,
      shortWindowReason: true,
      draftVersion: true,
      publishedAt: true,
      departmentId: true,
      windowChanges: { select: { kind: true, previousClosesAt: true, closesAt: true, reason: true, at: true }, orderBy: { id: 'asc' } },
    },
  })
  if (!row) return null
  const [sections, version] = await independent(
    db,
    () =>
      db.draftSection.findMany({
        where: { consultationId: id, version: row.draftVersion },
        select: { id: true, position: true, heading: true, body: true },
        orderBy: { position: 'asc' },
      }),
    () => db.draftVersion.findUnique({ where: { consultationId_version: { consultationId: id, version: row.draftVersion } }, select: { note: true } }),
  )
  return { ...row, sections, versionNote: version?.note || null }
}
export type ConsultationDetailRow = NonNullable<Awaited<ReturnType<typeof findConsultationById>>>

/** Every published version of a consultation's draft, oldest first, with its clause count. */
export async function findDraftVersions(db: DbOrTx, consultationId: number) {
  const [versions, counts] = await independent(
    db,
    () => db.draftVersion.findMany({ where: { consultationId }, select: { version: true, note: true, publishedAt: true }, orderBy: { version: 'asc' } }),
    () => db.draftSection.groupBy({ by: ['version'], where: { consultationId }, _count: { _all: true } }),
  )
  const clauses = new Map(counts.map((c) => [c.version, c._count._all]))
  return versions.map((v) => ({ ...v, clauseCount: clauses.get(v.version) ?? 0 }))
}

/** When each version of these consultations was published (to tell which version an opinion was made on). */
export function findVersionTimes(db: DbOrTx, consultationIds: readonly number[]) {
  return db.draftVersion.findMany({
    where: { consultationId: { in: [...consultationIds] } },
    select: { consultationId: true, version: true, publishedAt: true },
    orderBy: { version: 'asc' },
  })
}

/** The version of each of these clauses. */
export function findSectionVersions(db: DbOrTx, sectionIds: readonly number[]) {
  return db.draftSection.findMany({ where: { id: { in: [...sectionIds] } }, select: { id: true, version: true } })
}

/** The clauses of one version with their text, in order. */
export function findVersionClauses(db: DbOrTx, consultationId: number, version: number) {
  return db.draftSection.findMany({ where: { consultationId, version }, select: { position: true, heading: true, body: true }, orderBy: { position: 'asc' } })
}

export function countOpenConsultations(db: DbOrTx, now: Date) {
  return db.consultation.count({ where: { ...publishedBy(now), ...windowWhere('open', now, 'opensAt', 'closesAt') } })
}

/** Every consultation, drafts included; only those of `departmentIds` when given (department scope). */
export function findAllConsultationsForStaff(db: DbOrTx, departmentIds?: readonly number[]) {
  return db.consultation.findMany({
    where: departmentIds ? { departmentId: { in: [...departmentIds] } } : {},
    select: {
      id: true,
      title: true,
      opensAt: true,
      closesAt: true,
      publishedAt: true,
      draftVersion: true,
      feedbackPublishedAt: true,
      department: { select: { id: true, name: true } },
    },
    orderBy: { id: 'desc' },
  })
}

type Section = { heading: string; body: string }
const sectionRows = (sections: Section[], version: number) => sections.map((s, i) => ({ ...s, position: i + 1, version }))

export interface ConsultationFields {
  title: string
  summary: string
  explanation: string
  background: string
  departmentId: number
  decisionId: number | null
  isMajorDecision: boolean
  opensAt: Date
  closesAt: Date
  shortWindowReason: string | null
}

export function insertConsultation(db: DbOrTx, fields: ConsultationFields, sections: Section[]) {
  return db.consultation.create({ data: { ...fields, draftVersion: 1, sections: { create: sectionRows(sections, 1) } }, select: { id: true } })
}

/** Rewrite an unpublished consultation and its (version 1) clauses. */
export async function rewriteUnpublishedConsultation(db: DbOrTx, id: number, fields: ConsultationFields, sections: Section[]) {
  await db.draftSection.deleteMany({ where: { consultationId: id } })
  await db.consultation.update({ where: { id }, data: { ...fields, sections: { create: sectionRows(sections, 1) } } })
}

/** The clauses of one draft version (id and position), in order. */
export function findDraftSections(db: DbOrTx, consultationId: number, version: number) {
  return db.draftSection.findMany({ where: { consultationId, version }, select: { id: true, position: true }, orderBy: { position: 'asc' } })
}

export function findConsultationState(db: DbOrTx, id: number) {
  return db.consultation.findUnique({
    where: { id },
    select: {
      id: true,
      title: true,
      decisionId: true,
      isMajorDecision: true,
      opensAt: true,
      closesAt: true,
      shortWindowReason: true,
      publishedAt: true,
      draftVersion: true,
      feedbackPublishedAt: true,
    },
  })
}

export async function markPublished(db: DbOrTx, id: number, version: number, now: Date) {
  await db.consultation.update({ where: { id }, data: { publishedAt: now } })
  await db.draftVersion.create({ data: { consultationId: id, version, note: '', publishedAt: now } })
}

export async function insertRevision(db: DbOrTx, id: number, version: number, note: string, sections: Section[], now: Date) {
  await db.draftSection.createMany({ data: sectionRows(sections, version).map((s) => ({ ...s, consultationId: id })) })
  await db.draftVersion.create({ data: { consultationId: id, version, note, publishedAt: now } })
  await db.consultation.update({ where: { id }, data: { draftVersion: version } })
}

export async function recordWindowChange(
  db: DbOrTx,
  id: number,
  change: { kind: 'EXTENDED' | 'CLOSED_EARLY'; previousClosesAt: Date; closesAt: Date; reason: string; staffId: number; at: Date },
) {
  await db.consultation.update({ where: { id }, data: { closesAt: change.closesAt } })
  await db.windowChange.create({ data: { consultationId: id, ...change } })
}

export function markFeedbackPublished(db: DbOrTx, id: number, now: Date) {
  return db.consultation.update({ where: { id }, data: { feedbackPublishedAt: now }, select: { id: true } })
}

export function countOpinions(db: DbOrTx) {
  return db.opinion.count()
}
