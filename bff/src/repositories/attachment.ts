// Attachment rows: a consultation's or an event's files, one with its owner's publication and department, inserting and deleting one.
import type { AttachmentKind } from '@gm/shared'
import type { DbOrTx } from '../db/client'
import type { Prisma } from '../generated/prisma/client'

const attachmentSelect = {
  id: true,
  kind: true,
  title: true,
  filename: true,
  contentType: true,
  size: true,
  createdAt: true,
} satisfies Prisma.AttachmentSelect

export type AttachmentRow = Prisma.AttachmentGetPayload<{ select: typeof attachmentSelect }>
export type AttachmentOwner = { consultationId: number } | { eventId: number }

export function findAttachments(db: DbOrTx, owner: AttachmentOwner) {
  return db.attachment.findMany({ where: owner, select: attachmentSelect, orderBy: [{ kind: 'asc' }, { id: 'asc' }] })
}

/** One attachment with where its bytes are and its owner's department and publication moment. */
export function findAttachmentWithOwner(db: DbOrTx, id: number) {
  return db.attachment.findUnique({
    where: { id },
    select: {
      ...attachmentSelect,
      storageKey: true,
      consultation: { select: { id: true, departmentId: true, publishedAt: true } },
      event: { select: { id: true, departmentId: true, publishedAt: true } },
    },
  })
}

/** The owner's publication moment: undefined when the owner does not exist, null while it is a draft. */
export async function findOwnerPublication(db: DbOrTx, owner: AttachmentOwner): Promise<Date | null | undefined> {
  const row =
    'consultationId' in owner
      ? await db.consultation.findUnique({ where: { id: owner.consultationId }, select: { publishedAt: true } })
      : await db.event.findUnique({ where: { id: owner.eventId }, select: { publishedAt: true } })
  return row === null ? undefined : row.publishedAt
}

export function insertAttachment(
  db: DbOrTx,
  owner: AttachmentOwner,
  data: { kind: AttachmentKind; title: string; filename: string; contentType: string; size: number; sha256: string; storageKey: string },
) {
  return db.attachment.create({ data: { ...owner, ...data }, select: attachmentSelect })
}

export async function deleteAttachmentRow(db: DbOrTx, id: number) {
  await db.attachment.delete({ where: { id }, select: { id: true } })
}
