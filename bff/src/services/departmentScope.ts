// Department scope: editors and reviewers see and act on their own departments' consultations, events and policy questions only; admins on all.
import type { StaffActor } from '../domain/actor'
import type { DbOrTx } from '../db/client'
import { AppError, notFound } from '../domain/errors'
import { findOwningDepartment, type ScopedItem } from '../repositories/departmentScope'

/**
 * The departments a staff member's lists are filtered to; `undefined` means every department
 * (administrators). Pass it to repositories as `departmentIds`.
 */
export type DepartmentScope = readonly number[] | undefined

export const scopeOf = (actor: StaffActor): DepartmentScope => (actor.role === 'ADMIN' ? undefined : actor.departmentIds)

export const isInScope = (actor: StaffActor, departmentId: number): boolean => actor.role === 'ADMIN' || actor.departmentIds.includes(departmentId)

/**
 * Refuse (403 FORBIDDEN_DEPARTMENT) an item of a department the staff member does not belong to.
 * `field` names the request field that chose the department (an answer's 答复部门, a new
 * consultation's 承办单位), so the form can show the refusal next to it.
 */
export function assertInScope(actor: StaffActor, departmentId: number, field?: string): void {
  if (isInScope(actor, departmentId)) return
  throw new AppError('FORBIDDEN_DEPARTMENT', undefined, field ? { fields: { [field]: '只能选择您所属的部门' } } : undefined)
}

const labels: Record<ScopedItem, string> = {
  consultation: '意见征集',
  opinion: '意见',
  opinionGroup: '集中意见',
  event: '活动',
  registration: '报名',
  eventOpinion: '活动意见',
  policyQuestion: '政策咨询',
}

/**
 * The one check every staff use case on a department's item runs first: 404 when the item does
 * not exist, 403 FORBIDDEN_DEPARTMENT when it belongs to another department. A policy question no
 * department has answered yet is in every reviewer's scope (the shared inbox it is answered from).
 */
export async function requireInScope(db: DbOrTx, actor: StaffActor, item: ScopedItem, id: number): Promise<void> {
  const departmentId = await findOwningDepartment(db, item, id)
  if (departmentId === undefined) throw notFound(labels[item])
  if (departmentId !== null) assertInScope(actor, departmentId)
}
