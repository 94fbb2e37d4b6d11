// Q&A rows in wire shapes: the public item, list card with answer excerpt, and the staff item with its pending revision.
import { QA_EXCERPT_CHARS, type QaDraftBody, type QaItem, type QaListItem, type RichText, type StaffQaItem } from '@gm/shared'
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

/** The answer's opening as one line, at most QA_EXCERPT_CHARS characters and `…` when cut. */
export function answerExcerpt(answer: string): string {
  const line = answer.replace(/\s+/g, ' ').trim()
  return line.length > QA_EXCERPT_CHARS ? `${line.slice(0, QA_EXCERPT_CHARS)}…` : line
}

/** A list or search card: the item without its full answer. */
export function toQaListItem(row: QaSummaryRow): QaListItem {
  const { answer, ...item } = toQaItem(row)
  return { ...item, answerExcerpt: answerExcerpt(answer) }
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
