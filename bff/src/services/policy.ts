// Policy document use cases: public list and detail with published interpretations, staff drafting and publishing, validity changes that flag Q&A items.
import {
  type BodyOf,
  formatShanghaiDate,
  type Interpretation,
  type PolicyDetail,
  type PolicyDraftBody,
  type QueryOf,
  type ResponseOf,
  shanghaiTime,
  type StaffPolicy,
} from '@gm/shared'
import { type DbOrTx, toJson } from '../db/client'
import type { Deps } from '../deps'
import type { StaffContext } from '../domain/actor'
import { AppError, notFound, validationFailed } from '../domain/errors'
import {
  findInterpretation,
  findPolicies,
  findPolicy,
  findPolicyRef,
  insertInterpretation,
  insertPolicy,
  type InterpretationRow,
  lockPolicy,
  type PolicyData,
  type PolicyDetailRow,
  type PolicySummaryRow,
  replacePolicy,
  updateInterpretation as saveInterpretation,
  updatePolicyState,
} from '../repositories/policy'
import { flagQaItemsOfDocument } from '../repositories/qa'
import { findDepartmentByName } from '../repositories/department'
import { auditorOf, recordAudit } from './audit'
import { iso, isoOrNull, pageOf, pageWindow } from './paging'

/** "已于 2026-06-01 废止": the change as a verb (the labels 已废止… are states). */
const VALIDITY_CHANGE_VERBS = { VALID: '恢复有效', AMENDED: '修改', REPEALED: '废止', EXPIRED: '失效' } as const

const isPublished = (row: { status: string } | null | undefined) => row?.status === 'PUBLISHED'
const ref = (row: { id: number; title: string; docNumber: string }) => ({ id: row.id, title: row.title, docNumber: row.docNumber })

/** 2026-12-01 (Asia/Shanghai) → the instant that day starts. */
function dayStart(date: string): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  return shanghaiTime(y, m, d)
}

function toSummary(row: PolicySummaryRow) {
  return {
    id: row.id,
    title: row.title,
    issuer: row.issuer,
    docNumber: row.docNumber,
    writtenAt: iso(row.writtenAt),
    publishedAt: iso(row.publishedAt),
    validity: row.validity,
    validityChangedAt: isoOrNull(row.validityChangedAt),
    summary: row.summary,
    topic: row.topic,
  }
}

/** What the public sees of a document: only published interpretations, items and linked documents. */
function toPublicDetail(row: PolicyDetailRow, issuerDepartment: PolicyDetail['issuerDepartment']): PolicyDetail {
  return {
    ...toSummary(row),
    issuerDepartment,
    validityNote: row.validityNote,
    replacedBy: isPublished(row.replacedBy) && row.replacedBy ? ref(row.replacedBy) : null,
    replaces: row.replaces.filter(isPublished).map(ref),
    sections: row.sections,
    attachments: row.attachments,
    interpretations: row.interpretations.filter(isPublished).map(({ status: _s, releasedAt, ...i }) => ({ ...i, releasedAt: isoOrNull(releasedAt) })),
    qaItems: row.qaItems.filter(isPublished).map(({ status: _s, ...item }) => item),
  }
}

function toStaffPolicy(row: PolicyDetailRow, issuerDepartment: PolicyDetail['issuerDepartment']): StaffPolicy {
  return {
    ...toSummary(row),
    issuerDepartment,
    validityNote: row.validityNote,
    replacedBy: row.replacedBy ? ref(row.replacedBy) : null,
    replaces: row.replaces.map(ref),
    sections: row.sections,
    attachments: row.attachments,
    interpretations: row.interpretations.map((i) => ({ ...i, releasedAt: isoOrNull(i.releasedAt) })),
    qaItems: row.qaItems.map(({ status: _s, ...item }) => item),
    status: row.status,
    releasedAt: isoOrNull(row.releasedAt),
  }
}

async function staffPolicy(db: DbOrTx, id: number): Promise<StaffPolicy> {
  const row = await findPolicy(db, id)
  if (!row) throw notFound('政策文件')
  return toStaffPolicy(row, await findDepartmentByName(db, row.issuer))
}

// —— public ——

export async function listPolicies(deps: Deps, query: QueryOf<'listPolicies'>): Promise<ResponseOf<'listPolicies'>> {
  const { rows, total } = await findPolicies(deps.db, { ...query, status: 'PUBLISHED' }, pageWindow(query))
  return pageOf(rows.map(toSummary), total, query)
}

export async function getPolicy(deps: Deps, id: number): Promise<PolicyDetail> {
  const row = await findPolicy(deps.db, id)
  if (!row || !isPublished(row)) throw notFound('政策文件')
  return toPublicDetail(row, await findDepartmentByName(deps.db, row.issuer))
}

function toInterpretation(row: InterpretationRow): Interpretation {
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    author: row.author,
    releasedAt: isoOrNull(row.releasedAt),
    body: row.body as Interpretation['body'],
    document: { id: row.document.id, title: row.document.title, docNumber: row.document.docNumber, validity: row.document.validity },
  }
}

export async function getInterpretation(deps: Deps, id: number): Promise<Interpretation> {
  const row = await findInterpretation(deps.db, id)
  if (!row || !isPublished(row) || !isPublished(row.document)) throw notFound('政策解读')
  return toInterpretation(row)
}

// —— staff: documents ——

export async function listStaffPolicies(deps: Deps, query: QueryOf<'listStaffPolicies'>): Promise<ResponseOf<'listStaffPolicies'>> {
  const { rows, total } = await findPolicies(deps.db, query, pageWindow(query))
  return pageOf(
    rows.map((row) => ({ ...toSummary(row), status: row.status })),
    total,
    query,
  )
}

export function getStaffPolicy(deps: Deps, id: number) {
  return staffPolicy(deps.db, id)
}

function policyData(body: PolicyDraftBody): PolicyData {
  const writtenAt = dayStart(body.writtenOn)
  const publishedAt = dayStart(body.publishedOn)
  if (publishedAt < writtenAt) throw validationFailed({ publishedOn: '发布日期不能早于成文日期' })
  return {
    title: body.title,
    issuer: body.issuer,
    docNumber: body.docNumber,
    writtenAt,
    publishedAt,
    summary: body.summary,
    topic: body.topic,
    sections: body.sections,
    attachments: body.attachments,
  }
}

export async function createPolicy(deps: Deps, context: StaffContext, body: PolicyDraftBody): Promise<StaffPolicy> {
  const data = policyData(body)
  return deps.db.$transaction(async (tx) => {
    const { id } = await insertPolicy(tx, data)
    await recordAudit(tx, auditorOf(context), {
      action: 'createPolicy',
      entity: 'policyDocument',
      entityId: id,
      after: { title: data.title, docNumber: data.docNumber, sections: data.sections.length },
    })
    return staffPolicy(tx, id)
  })
}

/** Drafts only: a published document is the official text; it changes by validity, not by edits. */
export async function updatePolicy(deps: Deps, context: StaffContext, id: number, body: PolicyDraftBody): Promise<StaffPolicy> {
  const data = policyData(body)
  return deps.db.$transaction(async (tx) => {
    const current = await lockPolicy(tx, id)
    if (!current) throw notFound('政策文件')
    if (current.status === 'PUBLISHED') throw new AppError('POLICY_IMMUTABLE')
    await replacePolicy(tx, id, data)
    await recordAudit(tx, auditorOf(context), {
      action: 'updatePolicy',
      entity: 'policyDocument',
      entityId: id,
      before: { title: current.title, docNumber: current.docNumber, sections: current.sections.length },
      after: { title: data.title, docNumber: data.docNumber, sections: data.sections.length },
    })
    return staffPolicy(tx, id)
  })
}

export async function publishPolicy(deps: Deps, context: StaffContext, id: number): Promise<StaffPolicy> {
  return deps.db.$transaction(async (tx) => {
    const current = await lockPolicy(tx, id)
    if (!current) throw notFound('政策文件')
    if (current.status === 'PUBLISHED') throw new AppError('NOTHING_TO_PUBLISH', '该政策文件已发布')
    const now = deps.clock()
    await updatePolicyState(tx, id, { status: 'PUBLISHED', releasedAt: now })
    await recordAudit(tx, auditorOf(context), {
      action: 'publishPolicy',
      entity: 'policyDocument',
      entityId: id,
      before: { status: current.status },
      after: { status: 'PUBLISHED', releasedAt: now },
    })
    return staffPolicy(tx, id)
  })
}

/**
 * 修改 / 废止 / 失效 with the date it takes effect and, when there is one, the replacing document.
 * Every Q&A item resting on the document is flagged: the public item shows the notice until a
 * reviewer confirms or updates it.
 */
export async function changePolicyValidity(
  deps: Deps,
  context: StaffContext,
  id: number,
  body: BodyOf<'changePolicyValidity'>,
): Promise<ResponseOf<'changePolicyValidity'>> {
  return deps.db.$transaction(async (tx) => {
    const current = await lockPolicy(tx, id)
    if (!current) throw notFound('政策文件')
    if (body.replacedById !== null) {
      if (body.replacedById === id) throw validationFailed({ replacedById: '替代文件不能是本文件' })
      if (!(await findPolicyRef(tx, body.replacedById))) throw validationFailed({ replacedById: '替代文件不存在' })
    }
    if (body.validity === 'VALID' && body.replacedById !== null) throw validationFailed({ replacedById: '有效的文件没有替代文件' })
    const effective = dayStart(body.effectiveOn)
    await updatePolicyState(tx, id, {
      validity: body.validity,
      validityChangedAt: effective,
      validityNote: body.note || null,
      replacedById: body.replacedById,
    })
    let flagged = 0
    if (body.validity !== 'VALID') {
      const replacement = body.replacedById !== null ? await findPolicyRef(tx, body.replacedById) : null
      const notice =
        `本解答所依据的《${current.title}》（${current.docNumber}）已于 ${formatShanghaiDate(effective)} ${VALIDITY_CHANGE_VERBS[body.validity]}` +
        (replacement ? `，由《${replacement.title}》（${replacement.docNumber}）替代` : '') +
        '，内容正在复核，仅供参考。'
      flagged = (await flagQaItemsOfDocument(tx, id, notice, deps.clock())).count
    }
    await recordAudit(tx, auditorOf(context), {
      action: 'changePolicyValidity',
      entity: 'policyDocument',
      entityId: id,
      before: { validity: current.validity, replacedById: current.replacedBy?.id ?? null },
      after: { validity: body.validity, effectiveOn: body.effectiveOn, replacedById: body.replacedById, note: body.note, flaggedQaItems: flagged },
    })
    return { policy: await staffPolicy(tx, id), flaggedQaItems: flagged }
  })
}

// —— staff: interpretations ——

const toStaffInterpretation = (row: InterpretationRow) => ({ ...toInterpretation(row), status: row.status })

async function staffInterpretation(db: DbOrTx, id: number) {
  const row = await findInterpretation(db, id)
  if (!row) throw notFound('政策解读')
  return toStaffInterpretation(row)
}

const bodyJson = (body: BodyOf<'createInterpretation'>['body']) => toJson(body)

export async function createInterpretation(
  deps: Deps,
  context: StaffContext,
  documentId: number,
  body: BodyOf<'createInterpretation'>,
): Promise<ResponseOf<'createInterpretation'>> {
  return deps.db.$transaction(async (tx) => {
    if (!(await findPolicyRef(tx, documentId))) throw notFound('政策文件')
    const { id } = await insertInterpretation(tx, { documentId, kind: body.kind, title: body.title, author: body.author, body: bodyJson(body.body) })
    await recordAudit(tx, auditorOf(context), {
      action: 'createInterpretation',
      entity: 'policyInterpretation',
      entityId: id,
      after: { documentId, kind: body.kind, title: body.title },
    })
    return staffInterpretation(tx, id)
  })
}

export async function updateInterpretation(
  deps: Deps,
  context: StaffContext,
  id: number,
  body: BodyOf<'updateInterpretation'>,
): Promise<ResponseOf<'updateInterpretation'>> {
  return deps.db.$transaction(async (tx) => {
    const current = await findInterpretation(tx, id)
    if (!current) throw notFound('政策解读')
    if (current.status === 'PUBLISHED') throw new AppError('POLICY_IMMUTABLE', '已发布的解读不能修改')
    await saveInterpretation(tx, id, { kind: body.kind, title: body.title, author: body.author, body: bodyJson(body.body) })
    await recordAudit(tx, auditorOf(context), {
      action: 'updateInterpretation',
      entity: 'policyInterpretation',
      entityId: id,
      before: { title: current.title },
      after: { kind: body.kind, title: body.title },
    })
    return staffInterpretation(tx, id)
  })
}

export async function publishInterpretation(deps: Deps, context: StaffContext, id: number): Promise<ResponseOf<'publishInterpretation'>> {
  return deps.db.$transaction(async (tx) => {
    const current = await findInterpretation(tx, id)
    if (!current) throw notFound('政策解读')
    if (current.status === 'PUBLISHED') throw new AppError('NOTHING_TO_PUBLISH', '该解读已发布')
    if (!isPublished(current.document)) throw new AppError('CONTENT_NOT_PUBLISHED', '所解读的政策文件尚未发布')
    const now = deps.clock()
    await saveInterpretation(tx, id, { status: 'PUBLISHED', releasedAt: now })
    await recordAudit(tx, auditorOf(context), { action: 'publishInterpretation', entity: 'policyInterpretation', entityId: id, after: { status: 'PUBLISHED' } })
    return staffInterpretation(tx, id)
  })
}
