// Answer templates' rows: a department's templates, one by id, and writing one (its title is unique within the department).
import type { AnswerTemplateBody } from '@gm/shared'
import type { DbOrTx } from '../db/client'
import { refusingDuplicates } from '../db/errors'
import type { Prisma } from '../generated/prisma/client'

const templateSelect = {
  id: true,
  title: true,
  body: true,
  updatedAt: true,
  department: { select: { id: true, name: true } },
} satisfies Prisma.AnswerTemplateSelect

export type AnswerTemplateRow = Prisma.AnswerTemplateGetPayload<{ select: typeof templateSelect }>

/** Templates of the given departments (every department when `departmentIds` is undefined), by department then title. */
export function findAnswerTemplates(db: DbOrTx, departmentIds: readonly number[] | undefined) {
  return db.answerTemplate.findMany({
    where: departmentIds ? { departmentId: { in: [...departmentIds] } } : {},
    select: templateSelect,
    orderBy: [{ departmentId: 'asc' }, { title: 'asc' }],
  })
}

export function findAnswerTemplate(db: DbOrTx, id: number) {
  return db.answerTemplate.findUnique({ where: { id }, select: { ...templateSelect, departmentId: true } })
}

export function insertAnswerTemplate(db: DbOrTx, body: AnswerTemplateBody) {
  return refusingDuplicates(db.answerTemplate.create({ data: body, select: templateSelect }), 'ANSWER_TEMPLATE_EXISTS')
}

export function rewriteAnswerTemplate(db: DbOrTx, id: number, body: AnswerTemplateBody) {
  return refusingDuplicates(db.answerTemplate.update({ where: { id }, data: body, select: templateSelect }), 'ANSWER_TEMPLATE_EXISTS')
}

export async function deleteAnswerTemplateRow(db: DbOrTx, id: number) {
  await db.answerTemplate.delete({ where: { id }, select: { id: true } })
}
