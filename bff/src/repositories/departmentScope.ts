// Which department owns a consultation, event or policy question (or an item inside one): the input of department scope checks.
import type { DbOrTx } from '../db/client'

/** Items whose owning department decides which staff may see and act on them. */
export type ScopedItem = 'consultation' | 'opinion' | 'opinionGroup' | 'event' | 'registration' | 'eventOpinion' | 'policyQuestion'

/**
 * The owning department of an item: `undefined` when the item does not exist, `null` when it has
 * none yet (a policy question no department has answered).
 */
export async function findOwningDepartment(db: DbOrTx, item: ScopedItem, id: number): Promise<number | null | undefined> {
  switch (item) {
    case 'consultation':
      return (await db.consultation.findUnique({ where: { id }, select: { departmentId: true } }))?.departmentId
    case 'opinion':
      return (await db.opinion.findUnique({ where: { id }, select: { consultation: { select: { departmentId: true } } } }))?.consultation.departmentId
    case 'opinionGroup':
      return (await db.opinionGroup.findUnique({ where: { id }, select: { consultation: { select: { departmentId: true } } } }))?.consultation.departmentId
    case 'event':
      return (await db.event.findUnique({ where: { id }, select: { departmentId: true } }))?.departmentId
    case 'registration':
      return (await db.registration.findUnique({ where: { id }, select: { event: { select: { departmentId: true } } } }))?.event.departmentId
    case 'eventOpinion':
      return (await db.eventOpinion.findUnique({ where: { id }, select: { event: { select: { departmentId: true } } } }))?.event.departmentId
    case 'policyQuestion': {
      const row = await db.policyQuestion.findUnique({ where: { id }, select: { departmentId: true } })
      return row ? row.departmentId : undefined
    }
  }
}
