// Attachment files: uploading one as staff (multipart: Taro.uploadFile in the mini-program, fetch + FormData on H5) and opening one (WeChat's document viewer, or a browser tab on H5), as staff with the session token.
import Taro from '@tarojs/taro'
import {
  ATTACHMENT_MAX_BYTES,
  ATTACHMENT_TYPES_TEXT,
  type Attachment,
  AttachmentSchema,
  type AttachmentUploadFields,
  attachmentExtensionOf,
  buildPath,
  contract,
} from '@gm/shared'
import { ApiError, badResponse, errorFromResponse, networkError } from './ApiError'
import { API_BASE_URL } from './request'
import { getToken } from './session'

/** The two upload endpoints (a consultation draft's files, an event's materials). */
export type UploadName = 'uploadConsultationAttachment' | 'uploadEventAttachment'

/** A picked file: its name and bytes, and in the mini-program its temporary path (what uploadFile sends). */
export interface PickedFile {
  name: string
  bytes: Uint8Array
  path?: string
}

const refuse = (message: string) => new ApiError({ status: 0, code: 'VALIDATION_FAILED', message, fields: { file: message } })

/** What the server would refuse by name or size, said before sending (the server still checks the content). */
export function checkPickedFile(file: PickedFile): ApiError | null {
  if (!attachmentExtensionOf(file.name)) return refuse(`只能上传 ${ATTACHMENT_TYPES_TEXT} 文件`)
  if (file.bytes.length > ATTACHMENT_MAX_BYTES) return refuse('附件不能超过 20 MB')
  if (file.bytes.length === 0) return refuse('所选文件是空的')
  return null
}

function parseAnswer(status: number, text: unknown): Attachment {
  let body: unknown = text
  if (typeof text === 'string') {
    try {
      body = JSON.parse(text)
    } catch {
      body = null
    }
  }
  if (status < 200 || status >= 300) throw errorFromResponse(status, body)
  const parsed = AttachmentSchema.safeParse(body)
  if (!parsed.success) throw badResponse(status)
  return parsed.data
}

/** Upload a file to a consultation or event as the signed-in editor; the server's refusal comes back as ApiError with its code. */
export async function uploadAttachment(name: UploadName, id: number, fields: AttachmentUploadFields, file: PickedFile): Promise<Attachment> {
  const problem = checkPickedFile(file)
  if (problem) throw problem
  const url = `${API_BASE_URL}${buildPath(contract[name].path, { id })}`
  const token = getToken()
  const header: Record<string, string> = token ? { Authorization: `Bearer ${token}` } : {}
  const formData = { kind: fields.kind, title: fields.title }
  if (process.env.TARO_ENV !== 'h5' && file.path) {
    let result: Taro.uploadFile.SuccessCallbackResult
    try {
      result = await Taro.uploadFile({ url, filePath: file.path, name: 'file', formData, header })
    } catch (cause) {
      throw networkError(cause)
    }
    return parseAnswer(result.statusCode, result.data)
  }
  const body = new FormData()
  body.append('kind', formData.kind)
  body.append('title', formData.title)
  body.append('file', new Blob([file.bytes as Uint8Array<ArrayBuffer>]), file.name)
  let response: Response
  try {
    response = await fetch(url, { method: 'POST', headers: header, body })
  } catch (cause) {
    throw networkError(cause)
  }
  return parseAnswer(response.status, await response.text())
}

const documentTypes = new Set(['pdf', 'docx', 'xlsx'])

/** weapp: a downloaded file in WeChat's document viewer (PDF, Word, Excel) or image preview. */
async function showDownloaded(result: Taro.downloadFile.FileSuccessCallbackResult, filename: string): Promise<void> {
  if (result.statusCode < 200 || result.statusCode >= 300) throw errorFromResponse(result.statusCode, null)
  const extension = attachmentExtensionOf(filename)
  try {
    if (extension && documentTypes.has(extension)) {
      await Taro.openDocument({ filePath: result.tempFilePath, fileType: extension as 'pdf', showMenu: true })
    } else {
      await Taro.previewImage({ urls: [result.tempFilePath] })
    }
  } catch {
    throw new ApiError({ status: 0, code: 'UNEXPECTED', message: '文件已下载，但无法打开' })
  }
}

/**
 * Open a published attachment: on H5 in a new browser tab (the server answers it as a download
 * with its name); in the mini-program downloaded, then shown in WeChat's document viewer (PDF,
 * Word, Excel) or image preview.
 */
export async function openAttachment(attachment: Pick<Attachment, 'url' | 'filename'>): Promise<void> {
  const url = `${API_BASE_URL}${attachment.url}`
  if (process.env.TARO_ENV === 'h5') {
    window.open(url, '_blank', 'noopener')
    return
  }
  let result: Taro.downloadFile.FileSuccessCallbackResult
  try {
    result = await Taro.downloadFile({ url })
  } catch (cause) {
    throw networkError(cause)
  }
  await showDownloaded(result, attachment.filename)
}

/**
 * Open an attachment as staff (getStaffAttachmentFile: a draft's files before publication too),
 * sent with the session token: on H5 fetched, then shown in a new tab (saved when the browser
 * blocks the tab); in the mini-program downloaded with the token, then shown as above.
 */
export async function openStaffAttachment(attachment: Pick<Attachment, 'id' | 'filename'>): Promise<void> {
  const name: keyof typeof contract = 'getStaffAttachmentFile'
  const url = `${API_BASE_URL}${buildPath(contract[name].path, { id: attachment.id })}`
  const token = getToken()
  const auth: Record<string, string> = token ? { Authorization: `Bearer ${token}` } : {}
  if (process.env.TARO_ENV === 'h5') {
    let response: Response
    try {
      response = await fetch(url, { headers: auth })
    } catch (cause) {
      throw networkError(cause)
    }
    if (!response.ok) throw errorFromResponse(response.status, await response.json().catch(() => null))
    const href = URL.createObjectURL(await response.blob())
    if (!window.open(href, '_blank')) {
      const link = document.createElement('a')
      link.href = href
      link.download = attachment.filename
      document.body.appendChild(link)
      link.click()
      link.remove()
    }
    setTimeout(() => URL.revokeObjectURL(href), 60_000)
    return
  }
  let result: Taro.downloadFile.FileSuccessCallbackResult
  try {
    result = await Taro.downloadFile({ url, header: auth } as Taro.downloadFile.Option)
  } catch (cause) {
    throw networkError(cause)
  }
  await showDownloaded(result, attachment.filename)
}
