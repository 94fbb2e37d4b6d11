// Wire shapes of attachments (起草说明, 依据文件, 会议材料): an uploaded file as lists show it, and the form fields sent with the file.
import { z } from 'zod'
import { attachmentKinds } from '../rules/attachment'
import { IdSchema, InstantSchema, plainText } from './common'

export const AttachmentKindSchema = z.enum(attachmentKinds, { error: '请选择附件类别' })

export const AttachmentSchema = z.object({
  id: z.number().int(),
  kind: AttachmentKindSchema,
  title: z.string(),
  filename: z.string(),
  contentType: z.string(),
  size: z.number().int(),
  createdAt: InstantSchema,
  /** Where the file is opened (public once its consultation or event is published). */
  url: z.string(),
})
export type Attachment = z.infer<typeof AttachmentSchema>

/** The text fields of the multipart upload; the file itself is the part named `file`. */
export const AttachmentUploadFieldsSchema = z.strictObject({
  kind: AttachmentKindSchema,
  /** Shown instead of the file name; the file name (without extension) when empty. */
  title: plainText().max(100, '附件名称最多 100 个字').default(''),
})
export type AttachmentUploadFields = z.infer<typeof AttachmentUploadFieldsSchema>

export const AttachmentParamsSchema = z.strictObject({ id: IdSchema })
