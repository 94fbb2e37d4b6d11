import type { QaDraftBody, QaItem, RichText, StaffQaItem } from '@gm/shared'
import type { QaItemRow, QaSummaryRow } from '../repositories/qa'
import { iso, isoOrNull } from './paging'
import { storedBlocks } from './qaText'

/** The public summary of an item (a document not yet published is not shown). */
export function toQaItem(row: QaSummaryRow): QaItem {
  const document = row.policyDocument?.status === 'PUBLISHED' ? row.policyDocument : null
  return {
    id: row.id,
    question: row.question,
    answer: row.answer,
    topic: row.topic,
    department: row.department,
    policy: document ? { id: document.id, title: document.title, docNumber: document.docNumber, validity: document.validity } : null,
    reviewedAt: iso(row.reviewedAt),
    helpfulCount: row.helpfulCount,
    unhelpfulCount: row.unhelpfulCount,
    reviewNotice: row.reviewNotice,
  }
}

/** A pending revision as stored: the draft body with the answer already in blocks. */
export type StoredRevision = Omit<QaDraftBody, 'answer'> & { answer: RichText }

export function toStaffQaItem(row: QaItemRow): StaffQaItem {
  const policy = row.policyDocument
  return {
    ...toQaItem(row),
    // Staff see the document whatever its state.
    policy: policy ? { id: policy.id, title: policy.title, docNumber: policy.docNumber, validity: policy.validity } : null,
    status: row.status,
    aliases: row.aliases,
    answerBlocks: storedBlocks(row.answer, row.answerBlocks),
    clauseId: row.clauseId,
    publishedAt: isoOrNull(row.publishedAt),
    flaggedAt: isoOrNull(row.flaggedAt),
    externalId: row.externalId,
    viewCount: row.viewCount,
    pendingRevision: (row.pendingRevision as StoredRevision | null) ?? null,
    updatedAt: iso(row.updatedAt),
  }
}
