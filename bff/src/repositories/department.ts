// Departments: the list, one by name, a count for validating references, and a new department (its name is unique).
import type { DbOrTx } from '../db/client'
import { refusingDuplicates } from '../db/errors'

export function findDepartments(db: DbOrTx) {
  return db.department.findMany({ select: { id: true, name: true }, orderBy: { id: 'asc' } })
}

/** The department of exactly this name, or null (a policy's 发文机关 is stored as a name). */
export function findDepartmentByName(db: DbOrTx, name: string) {
  return db.department.findUnique({ where: { name }, select: { id: true, name: true } })
}

export function countDepartments(db: DbOrTx, ids: readonly number[]) {
  return db.department.count({ where: { id: { in: [...ids] } } })
}

export function insertDepartment(db: DbOrTx, name: string) {
  return refusingDuplicates(db.department.create({ data: { name }, select: { id: true, name: true } }), 'DEPARTMENT_EXISTS')
}
