// Attachments of drafts and meetings: which files may be uploaded (PDF, PNG/JPEG images, Word .docx, Excel .xlsx), how large, and what each kind is called.

/** The largest file staff may upload. */
export const ATTACHMENT_MAX_BYTES = 20 * 1024 * 1024

/** The accepted file types, by extension, with the Content-Type the file is served with. */
export const attachmentTypes = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const

export type AttachmentExtension = keyof typeof attachmentTypes

/** What the upload form says is accepted. */
export const ATTACHMENT_TYPES_TEXT = 'PDF、图片（PNG/JPG）、Word（.docx）或 Excel（.xlsx）'

/** The file's extension when it is one of the accepted ones (lower case), else null. */
export function attachmentExtensionOf(filename: string): AttachmentExtension | null {
  const extension = /\.([A-Za-z0-9]{1,8})$/.exec(filename.trim())?.[1]?.toLowerCase()
  return extension && Object.hasOwn(attachmentTypes, extension) ? (extension as AttachmentExtension) : null
}

export const attachmentKinds = ['DRAFTING_NOTE', 'BASIS', 'MEETING_MATERIAL', 'OTHER'] as const
export type AttachmentKind = (typeof attachmentKinds)[number]

export const attachmentKindLabels: Record<AttachmentKind, string> = {
  DRAFTING_NOTE: '起草说明',
  BASIS: '依据文件',
  MEETING_MATERIAL: '会议材料',
  OTHER: '其他材料',
}

/** "1.2 MB", "340 KB": a file's size as the list shows it. */
export function formatFileSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`
  return `${Math.max(1, Math.round(bytes / 1024))} KB`
}
