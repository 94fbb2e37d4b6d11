// The audit log's rows: one per staff action, with the object before and after.
import { type DbOrTx, toJson } from '../db/client'

export interface AuditRecord {
  staffId: number | null
  action: string
  entity: string
  entityId?: string | number
  before?: unknown
  after?: unknown
  requestId?: string
}

const json = (value: unknown) => (value === undefined ? undefined : toJson(value))

export function insertAudit(db: DbOrTx, record: AuditRecord) {
  return db.auditLog.create({
    data: {
      staffId: record.staffId,
      action: record.action,
      entity: record.entity,
      entityId: record.entityId === undefined ? null : String(record.entityId),
      before: json(record.before),
      after: json(record.after),
      requestId: record.requestId ?? null,
    },
    select: { id: true },
  })
}

export async function findAudit(db: DbOrTx, filter: { entity?: string }, page: { skip: number; take: number }) {
  const where = filter.entity ? { entity: filter.entity } : {}
  const [rows, total] = await Promise.all([
    db.auditLog.findMany({
      where,
      select: { id: true, action: true, entity: true, entityId: true, before: true, after: true, at: true, staff: { select: { id: true, username: true } } },
      orderBy: { id: 'desc' },
      skip: page.skip,
      take: page.take,
    }),
    db.auditLog.count({ where }),
  ])
  return { rows, total }
}
