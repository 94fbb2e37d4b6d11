import type { DbOrTx } from '../db/client'

export function findDepartments(db: DbOrTx) {
  return db.department.findMany({ select: { id: true, name: true }, orderBy: { id: 'asc' } })
}

export function countDepartments(db: DbOrTx, ids: readonly number[]) {
  return db.department.count({ where: { id: { in: [...ids] } } })
}

export function insertDepartment(db: DbOrTx, name: string) {
  return db.department.create({ data: { name }, select: { id: true, name: true } })
}
