// Policy documents' and interpretations' rows: lists with keyword search, details, drafts with sections and attachments, and state changes.
import { type DbOrTx, independent } from '../db/client'
import type { ContentStatus, InterpretationKind, PolicyValidity, Prisma } from '../generated/prisma/client'
import { policyIdsMatching } from './search'

const summarySelect = {
  id: true,
  title: true,
  issuer: true,
  docNumber: true,
  writtenAt: true,
  publishedAt: true,
  validity: true,
  validityChangedAt: true,
  summary: true,
  topic: true,
  status: true,
} satisfies Prisma.PolicyDocumentSelect

const docRef = { select: { id: true, title: true, docNumber: true, status: true } } as const

const detailSelect = {
  ...summarySelect,
  validityNote: true,
  releasedAt: true,
  replacedBy: docRef,
  replaces: { ...docRef, orderBy: { id: 'asc' } },
  sections: { select: { id: true, position: true, heading: true, body: true }, orderBy: { position: 'asc' } },
  attachments: { select: { title: true, url: true }, orderBy: { position: 'asc' } },
  interpretations: { select: { id: true, kind: true, title: true, author: true, releasedAt: true, status: true }, orderBy: { id: 'asc' } },
  qaItems: { select: { id: true, question: true, topic: true, reviewNotice: true, status: true }, orderBy: { id: 'asc' } },
} satisfies Prisma.PolicyDocumentSelect

export type PolicySummaryRow = Prisma.PolicyDocumentGetPayload<{ select: typeof summarySelect }>
export type PolicyDetailRow = Prisma.PolicyDocumentGetPayload<{ select: typeof detailSelect }>

export async function findPolicies(
  db: DbOrTx,
  filter: { status?: ContentStatus; validity?: PolicyValidity; topic?: string; q?: string },
  page: { skip: number; take: number },
) {
  const keywordMatches = filter.q ? await policyIdsMatching(db, filter.q) : []
  const where: Prisma.PolicyDocumentWhereInput = {
    ...(filter.status ? { status: filter.status } : {}),
    ...(filter.validity ? { validity: filter.validity } : {}),
    ...(filter.topic ? { topic: filter.topic } : {}),
    // Title, 文号, issuer, summary or a clause, wildcards taken literally.
    ...(filter.q ? { id: { in: keywordMatches } } : {}),
  }
  const [rows, total] = await independent(
    db,
    () => db.policyDocument.findMany({ where, select: summarySelect, orderBy: [{ publishedAt: 'desc' }, { id: 'desc' }], skip: page.skip, take: page.take }),
    () => db.policyDocument.count({ where }),
  )
  return { rows, total }
}

export function findPolicy(db: DbOrTx, id: number) {
  return db.policyDocument.findUnique({ where: { id }, select: detailSelect })
}

export async function lockPolicy(db: DbOrTx, id: number) {
  await db.$queryRaw`SELECT id FROM policy_document WHERE id = ${id} FOR UPDATE`
  return findPolicy(db, id)
}

export function findPolicyRef(db: DbOrTx, id: number) {
  return db.policyDocument.findUnique({ where: { id }, select: { id: true, title: true, docNumber: true, status: true, validity: true } })
}

/** A document's clauses (id and position), in order. */
export function findPolicySections(db: DbOrTx, documentId: number) {
  return db.policySection.findMany({ where: { documentId }, select: { id: true, position: true }, orderBy: { position: 'asc' } })
}

export function findSectionOfDocument(db: DbOrTx, documentId: number, sectionId: number) {
  return db.policySection.findFirst({ where: { id: sectionId, documentId }, select: { id: true } })
}

export interface PolicyData {
  title: string
  issuer: string
  docNumber: string
  writtenAt: Date
  publishedAt: Date
  summary: string
  topic: string | null
  sections: { heading: string; body: string }[]
  attachments: { title: string; url: string }[]
}

export function insertPolicy(db: DbOrTx, data: PolicyData) {
  const { sections, attachments, ...fields } = data
  return db.policyDocument.create({
    data: {
      ...fields,
      status: 'DRAFT',
      sections: { create: sections.map((s, i) => ({ ...s, position: i + 1 })) },
      attachments: { create: attachments.map((a, i) => ({ ...a, position: i + 1 })) },
    },
    select: { id: true },
  })
}

/** Replace a draft's fields, sections and attachments (a draft's clauses are not cited yet by published items). */
export async function replacePolicy(db: DbOrTx, id: number, data: PolicyData) {
  const { sections, attachments, ...fields } = data
  const existing = await db.policySection.findMany({ where: { documentId: id }, select: { id: true, position: true }, orderBy: { position: 'asc' } })
  // Keep section ids by position (items citing a clause keep citing it), add or remove the rest.
  for (const [i, section] of sections.entries()) {
    const current = existing[i]
    if (current) await db.policySection.update({ where: { id: current.id }, data: { heading: section.heading, body: section.body, position: i + 1 } })
    else await db.policySection.create({ data: { documentId: id, position: i + 1, ...section } })
  }
  if (existing.length > sections.length) await db.policySection.deleteMany({ where: { documentId: id, position: { gt: sections.length } } })
  await db.policyAttachment.deleteMany({ where: { documentId: id } })
  await db.policyDocument.update({
    where: { id },
    data: { ...fields, attachments: { create: attachments.map((a, i) => ({ ...a, position: i + 1 })) } },
  })
}

export function updatePolicyState(
  db: DbOrTx,
  id: number,
  data: {
    status?: ContentStatus
    releasedAt?: Date
    validity?: PolicyValidity
    validityChangedAt?: Date | null
    validityNote?: string | null
    replacedById?: number | null
  },
) {
  return db.policyDocument.update({ where: { id }, data, select: { id: true } })
}

// —— interpretations ——

const interpretationSelect = {
  id: true,
  kind: true,
  title: true,
  author: true,
  body: true,
  status: true,
  releasedAt: true,
  document: { select: { id: true, title: true, docNumber: true, validity: true, status: true } },
} satisfies Prisma.PolicyInterpretationSelect

export type InterpretationRow = Prisma.PolicyInterpretationGetPayload<{ select: typeof interpretationSelect }>

export function findInterpretation(db: DbOrTx, id: number) {
  return db.policyInterpretation.findUnique({ where: { id }, select: interpretationSelect })
}

export function insertInterpretation(
  db: DbOrTx,
  data: { documentId: number; kind: InterpretationKind; title: string; author: string; body: Prisma.InputJsonValue },
) {
  return db.policyInterpretation.create({ data, select: { id: true } })
}

export function updateInterpretation(
  db: DbOrTx,
  id: number,
  data: { kind?: InterpretationKind; title?: string; author?: string; body?: Prisma.InputJsonValue; status?: ContentStatus; releasedAt?: Date },
) {
  return db.policyInterpretation.update({ where: { id }, data, select: { id: true } })
}
