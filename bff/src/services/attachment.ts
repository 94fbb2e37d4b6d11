// Attachment use cases: editors upload files to a consultation draft or an event (type checked by content, stored through the storage module) and remove them; staff of the owner's department open them before publication; everyone lists and opens them once the owner is published.
import { createHash, randomBytes, randomUUID } from 'node:crypto'
import type { Attachment, AttachmentUploadFields, ResponseOf } from '@gm/shared'
import type { Deps } from '../deps'
import type { StaffContext } from '../domain/actor'
import { AppError, notFound } from '../domain/errors'
import type { UploadedFile } from '../domain/upload'
import {
  type AttachmentOwner,
  type AttachmentRow,
  deleteAttachmentRow,
  findAttachments,
  findAttachmentWithOwner,
  findOwnerPublication,
  insertAttachment,
} from '../repositories/attachment'
import { acceptedContentType } from '../storage/fileType'
import type { AttachmentStorage } from '../storage/attachmentStorage'
import { auditorOf, recordAudit } from './audit'
import { assertInScope, requireInScope } from './departmentScope'
import { iso } from './paging'

const toAttachment = (row: AttachmentRow): Attachment => ({ ...row, createdAt: iso(row.createdAt), url: `/api/attachments/${row.id}/file` })
/** Staff open a file through their own endpoint (with their session), before publication too. */
const toStaffAttachment = (row: AttachmentRow): Attachment => ({ ...toAttachment(row), url: `/api/staff/attachments/${row.id}/file` })

const isPublic = (publishedAt: Date | null | undefined, now: Date) => publishedAt != null && publishedAt <= now

function storageOf(deps: Deps): AttachmentStorage {
  if (!deps.attachments) throw new AppError('SERVICE_UNAVAILABLE', '附件存储未配置')
  return deps.attachments
}

const ownerLabel = (owner: AttachmentOwner) => ('consultationId' in owner ? '意见征集' : '活动')

/** The attachments of a published consultation or event (404 before publication, like the item itself). */
export async function listPublicAttachments(deps: Deps, owner: AttachmentOwner): Promise<Attachment[]> {
  if (!isPublic(await findOwnerPublication(deps.db, owner), deps.clock())) throw notFound(ownerLabel(owner))
  return (await findAttachments(deps.db, owner)).map(toAttachment)
}

/** The attachments staff of the owner's department (and administrators) see, before publication too. */
export async function listStaffAttachments(deps: Deps, context: StaffContext, owner: AttachmentOwner): Promise<Attachment[]> {
  await requireInScope(
    deps.db,
    context.actor,
    'consultationId' in owner ? 'consultation' : 'event',
    'consultationId' in owner ? owner.consultationId : owner.eventId,
  )
  return (await findAttachments(deps.db, owner)).map(toStaffAttachment)
}

async function fileOf(deps: Deps, row: { storageKey: string; filename: string; contentType: string }): Promise<ResponseOf<'getAttachmentFile'>> {
  const content = await storageOf(deps).get(row.storageKey)
  if (!content) throw notFound('附件')
  return { filename: row.filename, contentType: row.contentType, content }
}

/**
 * The file for staff of the owner's department (administrators all), before publication too, so
 * an editor can check a draft's 起草说明 before it goes out; another department: 403 FORBIDDEN_DEPARTMENT.
 */
export async function getStaffAttachmentFile(deps: Deps, context: StaffContext, id: number): Promise<ResponseOf<'getStaffAttachmentFile'>> {
  const row = await findAttachmentWithOwner(deps.db, id)
  const owner = row?.consultation ?? row?.event
  if (!row || !owner) throw notFound('附件')
  assertInScope(context.actor, owner.departmentId)
  return fileOf(deps, row)
}

/** The file, for anyone once its consultation or event is published; 404 otherwise (a draft's files stay internal). */
export async function getAttachmentFile(deps: Deps, id: number): Promise<ResponseOf<'getAttachmentFile'>> {
  const row = await findAttachmentWithOwner(deps.db, id)
  const owner = row?.consultation ?? row?.event
  if (!row || !owner || !isPublic(owner.publishedAt, deps.clock())) throw notFound('附件')
  return fileOf(deps, row)
}

/** "起草说明.PDF" → "起草说明"; names keep at most 200 characters and no control characters. */
const cleanName = (name: string) =>
  [...name]
    .filter((c) => c >= ' ' && c !== '\u007f')
    .join('')
    .trim()
    .slice(-200)
const titleOf = (filename: string) => filename.replace(/\.[A-Za-z0-9]{1,8}$/, '').slice(0, 100) || '附件'

/**
 * Store an uploaded file of a consultation (起草说明, 依据文件…) or an event (会议材料): editors of the
 * owner's department only; the type is decided by the content (magic bytes) agreeing with the
 * extension, else 415 ATTACHMENT_TYPE_NOT_ALLOWED. The bytes are stored first, then the row and its
 * audit entry in one transaction; a failed transaction removes the stored bytes again.
 */
export async function uploadAttachment(
  deps: Deps,
  context: StaffContext,
  owner: AttachmentOwner,
  fields: AttachmentUploadFields,
  file: UploadedFile,
): Promise<Attachment> {
  const ownerId = 'consultationId' in owner ? owner.consultationId : owner.eventId
  await requireInScope(deps.db, context.actor, 'consultationId' in owner ? 'consultation' : 'event', ownerId)
  const filename = cleanName(file.filename)
  const contentType = acceptedContentType(filename, file.bytes)
  if (!contentType) throw new AppError('ATTACHMENT_TYPE_NOT_ALLOWED', undefined, { fields: { file: '文件类型不符合要求' } })
  const storage = storageOf(deps)
  const storageKey = `${randomBytes(1).toString('hex')}/${randomUUID()}`
  await storage.put(storageKey, file.bytes)
  try {
    return await deps.db.$transaction(async (tx) => {
      const row = await insertAttachment(tx, owner, {
        kind: fields.kind,
        title: fields.title || titleOf(filename),
        filename,
        contentType,
        size: file.bytes.length,
        sha256: createHash('sha256').update(file.bytes).digest('hex'),
        storageKey,
      })
      await recordAudit(tx, auditorOf(context), {
        action: 'uploadAttachment',
        entity: 'attachment',
        entityId: row.id,
        after: { ...owner, kind: row.kind, title: row.title, filename, contentType, size: row.size },
      })
      return toStaffAttachment(row)
    })
  } catch (err) {
    await storage.remove(storageKey)
    throw err
  }
}

/**
 * Remove an attachment (editors of the owner's department). A published consultation's files are
 * part of the draft the public commented on: 409 DRAFT_IMMUTABLE. An event's materials may change.
 */
export async function deleteAttachment(deps: Deps, context: StaffContext, id: number): Promise<null> {
  const storageKey = await deps.db.$transaction(async (tx) => {
    const row = await findAttachmentWithOwner(tx, id)
    const owner = row?.consultation ?? row?.event
    if (!row || !owner) throw notFound('附件')
    assertInScope(context.actor, owner.departmentId)
    if (row.consultation && isPublic(row.consultation.publishedAt, deps.clock())) throw new AppError('DRAFT_IMMUTABLE', '已发布的征集草案附件不能删除')
    await deleteAttachmentRow(tx, id)
    await recordAudit(tx, auditorOf(context), {
      action: 'deleteAttachment',
      entity: 'attachment',
      entityId: id,
      before: { consultationId: row.consultation?.id, eventId: row.event?.id, title: row.title, filename: row.filename },
    })
    return row.storageKey
  })
  await storageOf(deps).remove(storageKey)
  return null
}
