// Answer-template use cases: reviewers keep their departments' templates (administrators every department's); each write is audited.
import type { AnswerTemplate, AnswerTemplateBody, QueryOf } from '@gm/shared'
import type { DbOrTx } from '../db/client'
import type { Deps } from '../deps'
import type { StaffContext } from '../domain/actor'
import { notFound } from '../domain/errors'
import {
  type AnswerTemplateRow,
  deleteAnswerTemplateRow,
  findAnswerTemplate,
  findAnswerTemplates,
  insertAnswerTemplate,
  rewriteAnswerTemplate,
} from '../repositories/answerTemplate'
import { auditorOf, recordAudit } from './audit'
import { assertInScope, scopeOf } from './departmentScope'
import { iso } from './paging'

const toTemplate = (row: AnswerTemplateRow): AnswerTemplate => ({ ...row, updatedAt: iso(row.updatedAt) })

/** The templates of the caller's departments (administrators: all), optionally of one department only. */
export async function listAnswerTemplates(deps: Deps, context: StaffContext, query: QueryOf<'listAnswerTemplates'>): Promise<AnswerTemplate[]> {
  const scope = scopeOf(context.actor)
  const wanted = query.departmentId === undefined ? scope : (scope ?? [query.departmentId]).filter((id) => id === query.departmentId)
  return (await findAnswerTemplates(deps.db, wanted)).map(toTemplate)
}

/** The template, 404 when missing, 403 FORBIDDEN_DEPARTMENT when another department keeps it. */
async function ownTemplate(db: DbOrTx, context: StaffContext, id: number) {
  const row = await findAnswerTemplate(db, id)
  if (!row) throw notFound('答复模板')
  assertInScope(context.actor, row.departmentId)
  return row
}

export function createAnswerTemplate(deps: Deps, context: StaffContext, body: AnswerTemplateBody): Promise<AnswerTemplate> {
  assertInScope(context.actor, body.departmentId, 'departmentId')
  return deps.db.$transaction(async (tx) => {
    const row = await insertAnswerTemplate(tx, body)
    await recordAudit(tx, auditorOf(context), { action: 'createAnswerTemplate', entity: 'answerTemplate', entityId: row.id, after: body })
    return toTemplate(row)
  })
}

/** Rewrite a template (moving it to another department needs that department in scope too). */
export function updateAnswerTemplate(deps: Deps, context: StaffContext, id: number, body: AnswerTemplateBody): Promise<AnswerTemplate> {
  assertInScope(context.actor, body.departmentId, 'departmentId')
  return deps.db.$transaction(async (tx) => {
    const before = await ownTemplate(tx, context, id)
    const row = await rewriteAnswerTemplate(tx, id, body)
    await recordAudit(tx, auditorOf(context), {
      action: 'updateAnswerTemplate',
      entity: 'answerTemplate',
      entityId: id,
      before: { departmentId: before.departmentId, title: before.title, body: before.body },
      after: body,
    })
    return toTemplate(row)
  })
}

export function deleteAnswerTemplate(deps: Deps, context: StaffContext, id: number): Promise<null> {
  return deps.db.$transaction(async (tx) => {
    const before = await ownTemplate(tx, context, id)
    await deleteAnswerTemplateRow(tx, id)
    await recordAudit(tx, auditorOf(context), {
      action: 'deleteAnswerTemplate',
      entity: 'answerTemplate',
      entityId: id,
      before: { departmentId: before.departmentId, title: before.title, body: before.body },
    })
    return null
  })
}
