// Routes of attachments (consultation drafts' and events' files).
import type { Deps } from '../deps'
import {
  deleteAttachment,
  getAttachmentFile,
  getStaffAttachmentFile,
  listPublicAttachments,
  listStaffAttachments,
  uploadAttachment,
} from '../services/attachment'
import type { Routes } from './route'

export const attachmentRoutes = (deps: Deps) =>
  ({
    listConsultationAttachments: ({ params }) => listPublicAttachments(deps, { consultationId: params.id }),
    listEventAttachments: ({ params }) => listPublicAttachments(deps, { eventId: params.id }),
    getAttachmentFile: ({ params }) => getAttachmentFile(deps, params.id),
    getStaffAttachmentFile: ({ params }, context) => getStaffAttachmentFile(deps, context, params.id),
    listStaffConsultationAttachments: ({ params }, context) => listStaffAttachments(deps, context, { consultationId: params.id }),
    listStaffEventAttachments: ({ params }, context) => listStaffAttachments(deps, context, { eventId: params.id }),
    uploadConsultationAttachment: ({ params, body, file }, context) => uploadAttachment(deps, context, { consultationId: params.id }, body, file),
    uploadEventAttachment: ({ params, body, file }, context) => uploadAttachment(deps, context, { eventId: params.id }, body, file),
    deleteAttachment: ({ params }, context) => deleteAttachment(deps, context, params.id),
  }) satisfies Routes
