// 批量导入 (staff): a Q&A spreadsheet or JSON file sent in parts, checked row by row, then imported all or nothing.
import {
  CommitQaImportBodySchema,
  IMPORT_MAX_BYTES,
  IMPORT_PART_BYTES,
  type ImportRowError,
  ImportRowErrorSchema,
  type QaImportFormat,
  type QaImportReport,
} from '@gm/shared'
import { useCallback, useRef, useState } from 'react'
import { z } from 'zod'
import { type ApiError, api, toApiError } from '../api'
import { platform } from '../platform'
import { toBase64 } from '../utils/base64'
import type { FieldErrors } from '../utils/form'

export const IMPORT_EXTENSIONS = ['xlsx', 'csv', 'json', 'jsonl'] as const

export interface ImportFile {
  name: string
  format: QaImportFormat
  bytes: Uint8Array
}

export type ImportOptions = { publish: boolean; createTopics: boolean; defaultTopic: string }

export interface RowErrors {
  /** The server's summary, e.g. 「共 3 处错误（涉及 2 行），未导入任何条目」. */
  message: string
  errors: ImportRowError[]
  /** All errors found (the list may be cut at 500). */
  count: number
}

export interface QaImport {
  file: ImportFile | null
  /** Why the chosen file cannot be imported (wrong type, empty, too large, unreadable). */
  fileError: string | null
  options: ImportOptions
  setOption: <K extends keyof ImportOptions>(name: K, value: ImportOptions[K]) => void
  optionErrors: FieldErrors<keyof ImportOptions>
  choose: () => Promise<void>
  /** Check every row without importing (dry run), or import for real. */
  check: () => Promise<void>
  run: () => Promise<void>
  busy: 'uploading' | 'checking' | 'importing' | null
  /** Parts sent of all parts, while uploading. */
  progress: { sent: number; total: number } | null
  /** The last successful check or import. */
  report: QaImportReport | null
  rowErrors: RowErrors | null
  error: ApiError | null
}

export function importFormatOf(name: string): QaImportFormat | null {
  const extension = /\.([A-Za-z]+)$/.exec(name)?.[1]?.toLowerCase()
  return (IMPORT_EXTENSIONS as readonly string[]).includes(extension ?? '') ? (extension as QaImportFormat) : null
}

const RowErrorsSchema = z.array(ImportRowErrorSchema)

/** The per-row errors of an IMPORT_INVALID answer. */
function rowErrorsOf(error: ApiError): RowErrors | null {
  if (error.code !== 'IMPORT_INVALID') return null
  const errors = RowErrorsSchema.safeParse(error.details.errors)
  if (!errors.success) return null
  const count = typeof error.details.errorCount === 'number' ? error.details.errorCount : errors.data.length
  return { message: error.message, errors: errors.data, count }
}

/**
 * 批量导入: pick a file, send it in parts of at most 40 KB (base64, within the BFF's body limit),
 * then commit. Nothing is imported unless every row is valid; the errors come back per row.
 */
export function useQaImport(): QaImport {
  const [file, setFile] = useState<ImportFile | null>(null)
  const [fileError, setFileError] = useState<string | null>(null)
  const [options, setOptions] = useState<ImportOptions>({ publish: false, createTopics: false, defaultTopic: '' })
  const [optionErrors, setOptionErrors] = useState<FieldErrors<keyof ImportOptions>>({})
  const [busy, setBusy] = useState<QaImport['busy']>(null)
  const [progress, setProgress] = useState<QaImport['progress']>(null)
  const [report, setReport] = useState<QaImportReport | null>(null)
  const [rowErrors, setRowErrors] = useState<RowErrors | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  /** The upload of the current file, reused for a check and then the import. */
  const uploadId = useRef<number | null>(null)
  const running = useRef(false)

  const clearResults = () => {
    setReport(null)
    setRowErrors(null)
    setError(null)
  }

  const choose = useCallback(async () => {
    if (running.current) return
    const choice = await platform.chooseFile(IMPORT_EXTENSIONS)
    if (!choice.ok) {
      if (choice.reason) setFileError(choice.reason)
      return
    }
    const format = importFormatOf(choice.name)
    uploadId.current = null
    setFile(null)
    clearResults()
    if (/\.xls$/i.test(choice.name)) setFileError('不支持旧版 Excel（.xls）文件，请在 Excel 中另存为 .xlsx 后再导入')
    else if (!format) setFileError('只能导入 Excel（.xlsx）、CSV 或 JSON 文件')
    else if (choice.bytes.length === 0) setFileError('所选文件是空的')
    else if (choice.bytes.length > IMPORT_MAX_BYTES) setFileError(`文件过大：一次最多导入 ${IMPORT_MAX_BYTES / 1024 / 1024} MB`)
    else {
      setFileError(null)
      setFile({ name: choice.name, format, bytes: choice.bytes })
    }
  }, [])

  const upload = async (current: ImportFile): Promise<number> => {
    const parts: Uint8Array[] = []
    for (let at = 0; at < current.bytes.length; at += IMPORT_PART_BYTES) parts.push(current.bytes.subarray(at, at + IMPORT_PART_BYTES))
    setBusy('uploading')
    setProgress({ sent: 0, total: parts.length })
    const created = await api.createQaImport({ body: { format: current.format, filename: current.name.slice(0, 200), content: toBase64(parts[0]!) } })
    setProgress({ sent: 1, total: parts.length })
    for (let index = 1; index < parts.length; index++) {
      await api.addQaImportPart({ params: { id: created.id }, body: { index, content: toBase64(parts[index]!) } })
      setProgress({ sent: index + 1, total: parts.length })
    }
    return created.id
  }

  const commit = async (dryRun: boolean) => {
    const current = file
    if (!current || running.current) return
    const checked = CommitQaImportBodySchema.safeParse({
      dryRun,
      publish: options.publish,
      createTopics: options.createTopics,
      ...(options.defaultTopic.trim() ? { defaultTopic: options.defaultTopic } : {}),
    })
    if (!checked.success) {
      setOptionErrors({ defaultTopic: checked.error.issues[0]?.message })
      return
    }
    running.current = true
    clearResults()
    try {
      for (let attempt = 0; ; attempt++) {
        try {
          if (uploadId.current === null) uploadId.current = await upload(current)
          setBusy(dryRun ? 'checking' : 'importing')
          const result = await api.commitQaImport({ params: { id: uploadId.current }, body: checked.data })
          if (result.errors.length > 0)
            setRowErrors({
              message: `共 ${result.errors.length} 处错误（涉及 ${new Set(result.errors.map((e) => e.row)).size} 行），须全部改正后才能导入`,
              errors: result.errors,
              count: result.errors.length,
            })
          setReport(result)
          if (!dryRun) {
            uploadId.current = null
            setFile(null)
          }
          return
        } catch (cause) {
          const failure = toApiError(cause)
          // The upload expired (24 hours) or was already imported: send the file again, once.
          if (attempt === 0 && uploadId.current !== null && (failure.code === 'NOT_FOUND' || failure.code === 'IMPORT_ALREADY_COMMITTED')) {
            uploadId.current = null
            continue
          }
          const rows = rowErrorsOf(failure)
          if (rows) setRowErrors(rows)
          else setError(failure)
          return
        }
      }
    } finally {
      running.current = false
      setBusy(null)
      setProgress(null)
    }
  }

  const setOption = useCallback(<K extends keyof ImportOptions>(name: K, value: ImportOptions[K]) => {
    setOptions((o) => ({ ...o, [name]: value }))
    setOptionErrors((e) => ({ ...e, [name]: undefined }))
  }, [])

  return {
    file,
    fileError,
    options,
    setOption,
    optionErrors,
    choose,
    check: () => commit(true),
    run: () => commit(false),
    busy,
    progress,
    report,
    rowErrors,
    error,
  }
}
