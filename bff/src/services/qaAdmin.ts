// Staff Q&A library use cases: drafting and editing items (revisions held until review), publishing, confirming after a policy change, withdrawing, topics and synonyms.
import type { BodyOf, QaDraftBody, QueryOf, ResponseOf, StaffQaItem } from '@gm/shared'
import { type DbOrTx, SQL_NULL, toJson } from '../db/client'
import type { Deps } from '../deps'
import type { StaffContext } from '../domain/actor'
import { AppError, notFound, validationFailed } from '../domain/errors'
import { findPolicyRef, findSectionOfDocument } from '../repositories/policy'
import {
  bumpQaLibraryVersion,
  deleteQaUnanswered,
  deleteQaSynonym as removeSynonym,
  findQaItem,
  findQaSynonyms,
  findQaUnanswered,
  findQaTopics,
  findStaffQaItems,
  insertQaItem,
  insertQaSynonym,
  insertQaTopic,
  lockQaItem,
  type QaItemData,
  updateQaItem as saveQaItem,
} from '../repositories/qa'
import { BUILT_IN_SYNONYMS, parseSynonymLine } from '../search/synonyms'
import { auditorOf, recordAudit } from './audit'
import { pageOf, pageWindow } from './paging'
import { answerForms } from './qaText'
import { type StoredRevision, toStaffQaItem } from './qaView'

/** Topic in the list, clause inside the document: rules a row's foreign keys cannot state. */
export async function checkReferences(db: DbOrTx, input: { topic: string; policyDocumentId: number | null; clauseId: number | null }, topics?: Set<string>) {
  const known = topics ?? new Set((await findQaTopics(db)).map((t) => t.name))
  if (!known.has(input.topic))
    throw new AppError('TOPIC_UNKNOWN', `主题“${input.topic}”不在问答主题列表中`, { fields: { topic: '请从主题列表中选择，或先新增主题' } })
  if (input.clauseId !== null) {
    if (input.policyDocumentId === null) throw validationFailed({ clauseId: '引用条款时须同时选择政策文件' })
    if (!(await findSectionOfDocument(db, input.policyDocumentId, input.clauseId))) throw validationFailed({ clauseId: '所选条款不属于该政策文件' })
  }
  if (input.policyDocumentId !== null && !(await findPolicyRef(db, input.policyDocumentId))) throw validationFailed({ policyDocumentId: '政策文件不存在' })
}

export function itemData(body: QaDraftBody | StoredRevision): QaItemData {
  const { answer, answerBlocks } = answerForms(body.answer)
  return {
    question: body.question,
    aliases: body.aliases,
    answer,
    answerBlocks: toJson(answerBlocks),
    topic: body.topic,
    departmentId: body.departmentId,
    policyDocumentId: body.policyDocumentId,
    clauseId: body.clauseId,
  }
}

async function staffItem(db: DbOrTx, id: number): Promise<StaffQaItem> {
  const row = await findQaItem(db, id)
  if (!row) throw notFound('问答')
  return toStaffQaItem(row)
}

export async function listStaffQaItems(deps: Deps, query: QueryOf<'listStaffQaItems'>): Promise<ResponseOf<'listStaffQaItems'>> {
  const { rows, total } = await findStaffQaItems(deps.db, query, pageWindow(query))
  return pageOf(rows.map(toStaffQaItem), total, query)
}

export function getStaffQaItem(deps: Deps, id: number) {
  return staffItem(deps.db, id)
}

/** An editor's draft: not public until a reviewer publishes it. */
export async function createQaItem(deps: Deps, context: StaffContext, body: QaDraftBody): Promise<StaffQaItem> {
  return deps.db.$transaction((tx) => draftItem(tx, context, body))
}

async function draftItem(tx: DbOrTx, context: StaffContext, body: QaDraftBody): Promise<StaffQaItem> {
  await checkReferences(tx, body)
  const data = itemData(body)
  const { id } = await insertQaItem(tx, { ...data, status: 'DRAFT', createdById: context.actor.staffId })
  await recordAudit(tx, auditorOf(context), { action: 'createQaItem', entity: 'qaItem', entityId: id, after: { ...data, answerBlocks: undefined } })
  return staffItem(tx, id)
}

/** How many unanswered wordings the staff list shows (most searched first). */
const UNANSWERED_LIST_LIMIT = 200

/** 群众想问但库里没有的: searches without a good answer, most searched first. */
export async function listQaUnanswered(deps: Deps): Promise<ResponseOf<'listQaUnanswered'>> {
  const rows = await findQaUnanswered(deps.db, UNANSWERED_LIST_LIMIT)
  return rows.map((r) => ({
    id: r.id,
    text: r.text,
    searches: r.searches,
    firstAskedAt: r.firstAskedAt.toISOString(),
    lastAskedAt: r.lastAskedAt.toISOString(),
  }))
}

/** Draft an item for an unanswered search; the wording leaves the list in the same transaction. */
export async function answerQaUnanswered(deps: Deps, context: StaffContext, id: number, body: QaDraftBody): Promise<StaffQaItem> {
  return deps.db.$transaction(async (tx) => {
    if (!(await deleteQaUnanswered(tx, id))) throw notFound('待补充的问题')
    return draftItem(tx, context, body)
  })
}

/**
 * Edit an item. A draft (or withdrawn item) changes at once; a published item keeps what the
 * public sees and holds the change as a revision until a reviewer publishes it.
 */
export async function updateQaItem(deps: Deps, context: StaffContext, id: number, body: QaDraftBody): Promise<StaffQaItem> {
  return deps.db.$transaction(async (tx) => {
    const item = await lockQaItem(tx, id)
    if (!item) throw notFound('问答')
    await checkReferences(tx, body)
    const data = itemData(body)
    if (item.status === 'PUBLISHED') {
      const revision: StoredRevision = { ...body, answer: answerForms(body.answer).answerBlocks }
      await saveQaItem(tx, id, { pendingRevision: toJson(revision) })
    } else {
      await saveQaItem(tx, id, { ...data, pendingRevision: SQL_NULL })
    }
    await recordAudit(tx, auditorOf(context), {
      action: 'updateQaItem',
      entity: 'qaItem',
      entityId: id,
      before: { question: item.question, answer: item.answer, topic: item.topic, status: item.status },
      after: { question: data.question, answer: data.answer, topic: data.topic, pendingReview: item.status === 'PUBLISHED' },
    })
    return staffItem(tx, id)
  })
}

/**
 * Publish a draft, a withdrawn item, or a published item's pending revision. Publishing is a
 * review: the item counts as reviewed now and any notice about a policy change is cleared.
 */
export async function publishQaItem(deps: Deps, context: StaffContext, id: number): Promise<StaffQaItem> {
  return deps.db.$transaction(async (tx) => {
    const item = await lockQaItem(tx, id)
    if (!item) throw notFound('问答')
    const revision = item.pendingRevision as StoredRevision | null
    if (item.status === 'PUBLISHED' && !revision) throw new AppError('NOTHING_TO_PUBLISH', '该条目已发布且没有待审核的修改')
    const changes = revision ? itemData(revision) : null
    const documentId = changes ? changes.policyDocumentId : (item.policyDocument?.id ?? null)
    if (documentId !== null) {
      const document = await findPolicyRef(tx, documentId)
      if (document?.status !== 'PUBLISHED') throw new AppError('CONTENT_NOT_PUBLISHED', '所依据的政策文件尚未发布，请先发布政策文件')
    }
    if (changes) await checkReferences(tx, { topic: changes.topic, policyDocumentId: changes.policyDocumentId, clauseId: changes.clauseId })
    const now = deps.clock()
    await saveQaItem(tx, id, {
      ...(changes ?? {}),
      status: 'PUBLISHED',
      publishedAt: item.publishedAt ?? now,
      reviewedAt: now,
      reviewNotice: null,
      flaggedAt: null,
      pendingRevision: SQL_NULL,
    })
    await bumpQaLibraryVersion(tx)
    await recordAudit(tx, auditorOf(context), {
      action: 'publishQaItem',
      entity: 'qaItem',
      entityId: id,
      before: { status: item.status, question: item.question, answer: item.answer },
      after: { status: 'PUBLISHED', ...(changes ? { question: changes.question, answer: changes.answer } : {}) },
    })
    return staffItem(tx, id)
  })
}

/** After a policy change: the answer still holds (optionally citing another document). */
export async function confirmQaItem(deps: Deps, context: StaffContext, id: number, body: BodyOf<'confirmQaItem'>): Promise<StaffQaItem> {
  return deps.db.$transaction(async (tx) => {
    const item = await lockQaItem(tx, id)
    if (!item) throw notFound('问答')
    const policyDocumentId = body.policyDocumentId !== undefined ? body.policyDocumentId : (item.policyDocument?.id ?? null)
    const clauseId = body.clauseId !== undefined ? body.clauseId : body.policyDocumentId !== undefined ? null : item.clauseId
    await checkReferences(tx, { topic: item.topic, policyDocumentId, clauseId }, new Set([item.topic]))
    const now = deps.clock()
    await saveQaItem(tx, id, { policyDocumentId, clauseId, reviewedAt: now, reviewNotice: null, flaggedAt: null })
    await recordAudit(tx, auditorOf(context), {
      action: 'confirmQaItem',
      entity: 'qaItem',
      entityId: id,
      before: { reviewNotice: item.reviewNotice, policyDocumentId: item.policyDocument?.id ?? null, clauseId: item.clauseId },
      after: { reviewedAt: now, policyDocumentId, clauseId, note: body.note ?? null },
    })
    return staffItem(tx, id)
  })
}

export async function withdrawQaItem(deps: Deps, context: StaffContext, id: number, reason: string): Promise<StaffQaItem> {
  return deps.db.$transaction(async (tx) => {
    const item = await lockQaItem(tx, id)
    if (!item) throw notFound('问答')
    await saveQaItem(tx, id, { status: 'WITHDRAWN' })
    if (item.status === 'PUBLISHED') await bumpQaLibraryVersion(tx)
    await recordAudit(tx, auditorOf(context), {
      action: 'withdrawQaItem',
      entity: 'qaItem',
      entityId: id,
      before: { status: item.status },
      after: { status: 'WITHDRAWN', reason },
    })
    return staffItem(tx, id)
  })
}

export async function createQaTopic(deps: Deps, context: StaffContext, body: BodyOf<'createQaTopic'>): Promise<ResponseOf<'createQaTopic'>> {
  return deps.db.$transaction(async (tx) => {
    const topic = await insertQaTopic(tx, body.name, body.position)
    await recordAudit(tx, auditorOf(context), { action: 'createQaTopic', entity: 'qaTopic', entityId: topic.id, after: topic })
    return topic
  })
}

/** The built-in dictionary followed by staff entries. */
export async function listQaSynonyms(deps: Deps): Promise<ResponseOf<'listQaSynonyms'>> {
  const builtIn = BUILT_IN_SYNONYMS.map((line) => {
    // `甲 = 乙 = 丙` is listed once, every term expanding to the others.
    const group = line.includes('=>') ? null : line.split('=').map((t) => t.trim())
    const entry = group ? { terms: group, expansions: group } : (parseSynonymLine(line)[0] as { terms: string[]; expansions: string[] })
    return { id: null, ...entry, builtIn: true }
  })
  const staff = (await findQaSynonyms(deps.db)).map((s) => ({ ...s, builtIn: false }))
  return [...builtIn, ...staff]
}

/** A staff entry; searches everywhere use it as soon as the transaction commits. */
export async function createQaSynonym(deps: Deps, context: StaffContext, body: BodyOf<'createQaSynonym'>): Promise<ResponseOf<'createQaSynonym'>> {
  return deps.db.$transaction(async (tx) => {
    const entry = await insertQaSynonym(tx, { terms: body.terms, expansions: body.expansions, createdById: context.actor.staffId })
    await bumpQaLibraryVersion(tx)
    await recordAudit(tx, auditorOf(context), { action: 'createQaSynonym', entity: 'qaSynonym', entityId: entry.id, after: body })
    return { ...entry, builtIn: false }
  })
}

export async function deleteQaSynonym(deps: Deps, context: StaffContext, id: number): Promise<null> {
  await deps.db.$transaction(async (tx) => {
    if (!(await removeSynonym(tx, id))) throw notFound('词条')
    await bumpQaLibraryVersion(tx)
    await recordAudit(tx, auditorOf(context), { action: 'deleteQaSynonym', entity: 'qaSynonym', entityId: id })
  })
  return null
}
