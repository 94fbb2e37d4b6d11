// The audit trail of staff actions: recording a write in its own transaction, recording reads of personal contact data, and the audit list.
import type { QueryOf, ResponseOf } from '@gm/shared'
import type { DbOrTx } from '../db/client'
import type { Deps } from '../deps'
import type { RequestContext, StaffActor } from '../domain/actor'
import { findAudit, findAuditTitles, insertAudit } from '../repositories/audit'
import { iso, pageOf, pageWindow } from './paging'

export interface Auditor {
  staffId: number
  requestId?: string
}

/** The staff member acting in this request. */
export const auditorOf = (context: RequestContext & { actor: StaffActor }): Auditor => ({ staffId: context.actor.staffId, requestId: context.requestId })

/** Record a staff write inside the transaction that makes it: the entry exists iff the change does. */
export function recordAudit(tx: DbOrTx, by: Auditor, entry: { action: string; entity: string; entityId?: string | number; before?: unknown; after?: unknown }) {
  return insertAudit(tx, { ...by, ...entry })
}

export async function listAudit(deps: Deps, query: QueryOf<'listAudit'>): Promise<ResponseOf<'listAudit'>> {
  const { rows, total } = await findAudit(deps.db, { entity: query.entity }, pageWindow(query))
  const titles = await findAuditTitles(deps.db, rows)
  return pageOf(
    rows.map((row) => ({ ...row, entityTitle: titles.get(`${row.entity}:${row.entityId}`) ?? null, at: iso(row.at) })),
    total,
    query,
  )
}

/**
 * Record that a staff member read personal contact data (raw opinions with names and phones,
 * registration lists, exports): who, which item, through which use case, how many records.
 * Written before the data leaves the server, so a read that could not be logged fails.
 */
export function recordContactRead(
  db: DbOrTx,
  by: Auditor,
  read: { via: string; entity: string; entityId: string | number; records: number; fields: readonly string[]; format?: string },
) {
  return insertAudit(db, {
    ...by,
    action: 'readContactData',
    entity: read.entity,
    entityId: read.entityId,
    after: { via: read.via, records: read.records, fields: read.fields, ...(read.format ? { format: read.format } : {}) },
  })
}
