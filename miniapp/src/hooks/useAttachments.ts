// Attachments of a consultation or an event: the public list and opening a file; for editors, uploading (pick → check → send) and removing.
import { type Attachment, type AttachmentKind, attachmentTypes } from '@gm/shared'
import { useState } from 'react'
import { ApiError, api, toApiError } from '../api'
import { openAttachment, openStaffAttachment, uploadAttachment } from '../api/attachments'
import { platform } from '../platform'
import { type Action, useAction } from './useAction'
import { type RequestState, useRequest } from './useRequest'

export type AttachmentOwner = { consultationId: number } | { eventId: number }

const EXTENSIONS = Object.keys(attachmentTypes)

export interface PublicAttachments {
  list: RequestState<Attachment[]>
  open: Action<[Attachment]>
}

/** A published consultation's or event's files (none while the owner is not public), and opening one. */
export function usePublicAttachments(owner: AttachmentOwner | null): PublicAttachments {
  const key = owner ? JSON.stringify(owner) : null
  const list = useRequest(async () => {
    if (!owner) return [] as Attachment[]
    try {
      return 'consultationId' in owner
        ? await api.listConsultationAttachments({ params: { id: owner.consultationId } })
        : await api.listEventAttachments({ params: { id: owner.eventId } })
    } catch (error) {
      // Not published (yet): it has no public files.
      if (toApiError(error).status === 404) return [] as Attachment[]
      throw error
    }
  }, [key])
  const open = useAction((attachment: Attachment) => openAttachment(attachment))
  return { list, open }
}

export interface AttachmentDesk {
  list: RequestState<Attachment[]>
  kind: AttachmentKind
  setKind: (kind: AttachmentKind) => void
  title: string
  setTitle: (title: string) => void
  /** Pick a file and upload it with the chosen kind and title. */
  upload: Action<[]>
  remove: Action<[number]>
  removingId: number | null
  /** The file just uploaded, for the notice. */
  uploaded: Attachment | null
  open: Action<[Attachment]>
}

/** 附件 on a staff form: the owner's files before publication too; editors upload and remove. */
export function useAttachmentDesk(owner: AttachmentOwner | null, enabled: boolean, defaultKind: AttachmentKind): AttachmentDesk {
  const key = owner ? JSON.stringify(owner) : null
  const list = useRequest(
    () =>
      !owner || !enabled
        ? Promise.resolve([] as Attachment[])
        : 'consultationId' in owner
          ? api.listStaffConsultationAttachments({ params: { id: owner.consultationId } })
          : api.listStaffEventAttachments({ params: { id: owner.eventId } }),
    [key, enabled],
  )
  const [kind, setKind] = useState<AttachmentKind>(defaultKind)
  const [title, setTitle] = useState('')
  const [uploaded, setUploaded] = useState<Attachment | null>(null)
  const [removingId, setRemovingId] = useState<number | null>(null)

  const upload = useAction(async () => {
    if (!owner) return
    setUploaded(null)
    const choice = await platform.chooseFile(EXTENSIONS)
    if (!choice.ok) {
      if (choice.reason) throw new ApiError({ status: 0, code: 'UNEXPECTED', message: choice.reason })
      return
    }
    const fields = { kind, title: title.trim() }
    const saved =
      'consultationId' in owner
        ? await uploadAttachment('uploadConsultationAttachment', owner.consultationId, fields, choice)
        : await uploadAttachment('uploadEventAttachment', owner.eventId, fields, choice)
    setUploaded(saved)
    setTitle('')
    await list.reload()
  })

  const remove = useAction(async (id: number) => {
    setRemovingId(id)
    try {
      await api.deleteAttachment({ params: { id } })
    } finally {
      setRemovingId(null)
    }
    setUploaded(null)
    await list.reload()
  })

  // Staff open a file with their session, a draft's too (the public link answers 404 until publication).
  const open = useAction((attachment: Attachment) => openStaffAttachment(attachment))
  return { list, kind, setKind, title, setTitle, upload, remove, removingId, uploaded, open }
}
