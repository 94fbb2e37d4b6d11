// Staff file downloads (opinion and registration exports, the Q&A library, statistics): fetched with the session token, saved on H5 or opened in WeChat's document viewer.
import Taro from '@tarojs/taro'
import { buildPath, type ContentStatus, contract, type Endpoint, type StatisticsTable } from '@gm/shared'
import { ApiError, errorFromResponse, networkError } from './ApiError'
import { API_BASE_URL, API_TIMEOUT_MS, type QueryValue, toQueryString } from './request'
import { getToken } from './session'

/** The contract endpoints that answer with a file (CSV or Excel), for one consultation or event. */
export type DownloadName = 'exportOpinions' | 'exportRegistrations'
export type ExportFormat = 'csv' | 'xlsx'

export interface DownloadResult {
  filename: string
  /** H5: the browser saved the file; weapp: the document viewer opened it. */
  opened: boolean
}

/** `filename*=UTF-8''…` (RFC 5987) first, then a plain `filename="…"`. */
export function filenameFrom(disposition: string | null | undefined, fallback: string): string {
  if (!disposition) return fallback
  const encoded = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(disposition)
  if (encoded?.[1]) {
    try {
      return decodeURIComponent(encoded[1].trim())
    } catch {
      // a malformed escape: try the plain form
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/.exec(disposition)
  return plain?.[1]?.trim() || fallback
}

function urlOf(name: DownloadName | 'exportQaItems' | 'exportStatistics', params: Record<string, number>, query: Record<string, QueryValue>): string {
  const endpoint: Endpoint = contract[name]
  return `${API_BASE_URL}${buildPath(endpoint.path, params)}${toQueryString(query)}`
}

/** H5: fetch with the session token (a plain link could not send it), then save the blob. */
async function downloadInBrowser(url: string, fallbackName: string): Promise<DownloadResult> {
  const token = getToken()
  let response: Response
  try {
    response = await fetch(url, { headers: token ? { Authorization: `Bearer ${token}` } : {} })
  } catch (cause) {
    throw networkError(cause)
  }
  if (!response.ok) {
    let body: unknown = null
    try {
      body = await response.json()
    } catch {
      body = null
    }
    throw errorFromResponse(response.status, body)
  }
  const blob = await response.blob()
  const filename = filenameFrom(response.headers.get('Content-Disposition'), fallbackName)
  const href = URL.createObjectURL(blob)
  try {
    const link = document.createElement('a')
    link.href = href
    link.download = filename
    link.rel = 'noopener'
    document.body.appendChild(link)
    link.click()
    link.remove()
  } finally {
    setTimeout(() => URL.revokeObjectURL(href), 10_000)
  }
  return { filename, opened: true }
}

/** weapp: downloadFile with the token, then the system document viewer (it opens xlsx, not csv). */
async function downloadInMiniProgram(url: string, format: ExportFormat, fallbackName: string): Promise<DownloadResult> {
  const token = getToken()
  let result: Taro.downloadFile.FileSuccessCallbackResult
  try {
    result = await Taro.downloadFile({ url, header: token ? { Authorization: `Bearer ${token}` } : {}, timeout: API_TIMEOUT_MS } as Taro.downloadFile.Option)
  } catch (cause) {
    throw networkError(cause)
  }
  if (result.statusCode < 200 || result.statusCode >= 300) throw errorFromResponse(result.statusCode, null)
  if (format !== 'xlsx') return { filename: fallbackName, opened: false }
  try {
    await Taro.openDocument({ filePath: result.tempFilePath, fileType: 'xlsx', showMenu: true } as Taro.openDocument.Option)
    return { filename: fallbackName, opened: true }
  } catch {
    throw new ApiError({ status: 0, code: 'UNEXPECTED', message: '文件已下载，但无法打开，请在电脑端网页版工作台下载' })
  }
}

/** Download an export (意见与答复、报名名单) as the signed-in staff member. */
export function downloadExport(name: DownloadName, id: number, format: ExportFormat, fallbackName: string): Promise<DownloadResult> {
  return download(urlOf(name, { id }, { format }), format, fallbackName)
}

/** Download the 政策问答库 (all items, or those of one status / topic) in the columns the import reads. */
export function downloadQaExport(format: ExportFormat, fallbackName: string, filter: { status?: ContentStatus; topic?: string } = {}): Promise<DownloadResult> {
  return download(urlOf('exportQaItems', {}, { format, ...filter }), format, fallbackName)
}

/** Download the statistics: the whole workbook (xlsx), or one table as CSV, for a year and optionally one department. */
export function downloadStatisticsExport(
  format: ExportFormat,
  fallbackName: string,
  filter: { year?: number; departmentId?: number; table?: StatisticsTable } = {},
): Promise<DownloadResult> {
  return download(urlOf('exportStatistics', {}, { format, ...filter }), format, fallbackName)
}

function download(url: string, format: ExportFormat, fallbackName: string): Promise<DownloadResult> {
  return process.env.TARO_ENV === 'h5' ? downloadInBrowser(url, fallbackName) : downloadInMiniProgram(url, format, fallbackName)
}
