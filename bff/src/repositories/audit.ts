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

const byId = (ids: readonly string[]) => ({ id: { in: ids.map(Number).filter(Number.isSafeInteger) } })

/**
 * What the audit log calls each object: a person's name, a title, a receipt code. Keyed
 * `entity:id`; objects of kinds not listed here, or deleted since, have no entry.
 */
export async function findAuditTitles(db: DbOrTx, refs: readonly { entity: string; entityId: string | null }[]): Promise<Map<string, string>> {
  const ids = (entity: string) => [...new Set(refs.filter((r) => r.entity === entity && r.entityId !== null).map((r) => r.entityId!))]
  const titles = new Map<string, string>()
  const put = (entity: string, rows: { id: number; name: string }[]) => rows.forEach((r) => titles.set(`${entity}:${r.id}`, r.name))
  const lookups: Record<string, (list: string[]) => Promise<{ id: number; name: string }[]>> = {
    staff: async (list) =>
      (await db.staff.findMany({ where: byId(list), select: { id: true, displayName: true } })).map((r) => ({ id: r.id, name: r.displayName })),
    department: (list) => db.department.findMany({ where: byId(list), select: { id: true, name: true } }),
    consultation: async (list) =>
      (await db.consultation.findMany({ where: byId(list), select: { id: true, title: true } })).map((r) => ({ id: r.id, name: r.title })),
    event: async (list) => (await db.event.findMany({ where: byId(list), select: { id: true, title: true } })).map((r) => ({ id: r.id, name: r.title })),
    decision: async (list) => (await db.decision.findMany({ where: byId(list), select: { id: true, title: true } })).map((r) => ({ id: r.id, name: r.title })),
    opinionGroup: async (list) =>
      (await db.opinionGroup.findMany({ where: byId(list), select: { id: true, title: true } })).map((r) => ({ id: r.id, name: r.title })),
    opinion: async (list) =>
      (await db.opinion.findMany({ where: byId(list), select: { id: true, receiptCode: true } })).map((r) => ({ id: r.id, name: r.receiptCode })),
    policyDocument: async (list) =>
      (await db.policyDocument.findMany({ where: byId(list), select: { id: true, title: true } })).map((r) => ({ id: r.id, name: r.title })),
    policyInterpretation: async (list) =>
      (await db.policyInterpretation.findMany({ where: byId(list), select: { id: true, title: true } })).map((r) => ({ id: r.id, name: r.title })),
    policyQuestion: async (list) =>
      (await db.policyQuestion.findMany({ where: byId(list), select: { id: true, receiptCode: true } })).map((r) => ({ id: r.id, name: r.receiptCode })),
    qaItem: async (list) =>
      (await db.qaItem.findMany({ where: byId(list), select: { id: true, question: true } })).map((r) => ({ id: r.id, name: r.question })),
  }
  await Promise.all(
    Object.entries(lookups).map(async ([entity, lookup]) => {
      const list = ids(entity)
      if (list.length > 0) put(entity, await lookup(list))
    }),
  )
  return titles
}
