import {
  CommitQaImportBodySchema,
  type ContentStatus,
  type Department,
  IMPORT_MAX_BYTES,
  IMPORT_PART_BYTES,
  type ImportRowError,
  ImportRowErrorSchema,
  QaDraftBodySchema,
  type QaImportFormat,
  type QaImportReport,
  QaSynonymBodySchema,
  type ResponseOf,
  type RichText,
  type StaffQaItem,
} from '@gm/shared'
import { useCallback, useEffect, useRef, useState } from 'react'
import { z } from 'zod'
import { type ApiError, api, toApiError } from '../api'
import { platform } from '../platform'
import { toBase64 } from '../utils/base64'
import { hasFormatting, plainTextOf } from '../utils/richText'
import { type FieldErrors, validateWith } from '../utils/form'
import { type Action, useAction } from './useAction'
import { useDepartments } from './useConsultations'
import { type FormState, useForm } from './useForm'
import { PAGE_SIZE, type PagedListState, usePagedList } from './usePagedList'
import { type RequestState, useRequest } from './useRequest'

// —— 问答条目列表 ————————————————————————————————————————————————————————————————————————

/** 待复核 (policy changed, or an edit waiting for a reviewer), or one status. */
export type QaFilter = 'review' | ContentStatus

export interface StaffQaList extends PagedListState<StaffQaItem> {
  /** The item being changed, if any. */
  busyId: number | null
  rowErrors: Record<number, ApiError | undefined>
  publish: (id: number) => Promise<boolean>
  confirm: (id: number, note: string) => Promise<boolean>
  withdraw: (id: number, reason: string) => Promise<boolean>
}

const noItems = (page: number) => Promise.resolve({ items: [] as StaffQaItem[], total: 0, page, pageSize: PAGE_SIZE })

/** 政策问答库管理: items of every status, page by page, with the reviewer's actions per item. */
export function useStaffQaList(filter: QaFilter | undefined, q: string, enabled: boolean): StaffQaList {
  const list = usePagedList(
    (page) =>
      enabled
        ? api.listStaffQaItems({
            query: { ...(filter === 'review' ? { needsReview: 'true' as const } : filter ? { status: filter } : {}), ...(q ? { q } : {}), page, pageSize: PAGE_SIZE },
          })
        : noItems(page),
    [filter, q, enabled],
  )
  const [busyId, setBusyId] = useState<number | null>(null)
  const [rowErrors, setRowErrors] = useState<Record<number, ApiError | undefined>>({})
  const [updated, setUpdated] = useState<Record<number, StaffQaItem>>({})

  const change = useCallback(async (id: number, work: () => Promise<StaffQaItem>) => {
    setBusyId(id)
    setRowErrors((e) => ({ ...e, [id]: undefined }))
    try {
      const item = await work()
      setUpdated((u) => ({ ...u, [id]: item }))
      return true
    } catch (error) {
      setRowErrors((e) => ({ ...e, [id]: toApiError(error) }))
      return false
    } finally {
      setBusyId(null)
    }
  }, [])

  const publish = useCallback((id: number) => change(id, () => api.publishQaItem({ params: { id } })), [change])
  const confirm = useCallback(
    (id: number, note: string) => change(id, () => api.confirmQaItem({ params: { id }, body: note.trim() ? { note: note.trim() } : {} })),
    [change],
  )
  const withdraw = useCallback((id: number, reason: string) => change(id, () => api.withdrawQaItem({ params: { id }, body: { reason } })), [change])

  return { ...list, data: list.data.map((item) => updated[item.id] ?? item), busyId, rowErrors, publish, confirm, withdraw }
}

// —— 起草 / 修改问答 ——————————————————————————————————————————————————————————————————————

export type QaItemValues = {
  question: string
  /** 相似问法, one per line. */
  aliases: string
  /** Plain text, paragraphs by line. */
  answer: string
  topic: string
  departmentId: string
  policyDocumentId: string
  clauseId: string
}

export const emptyQaItem: QaItemValues = { question: '', aliases: '', answer: '', topic: '', departmentId: '', policyDocumentId: '', clauseId: '' }

/** What the editor starts from: the change waiting for review if there is one, else the item. */
function startingPoint(item: StaffQaItem): { values: QaItemValues; blocks: RichText } {
  const source = item.pendingRevision
  const blocks = source ? source.answer : item.answerBlocks
  const data = source ?? { ...item, departmentId: item.department?.id ?? null, policyDocumentId: item.policy?.id ?? null, clauseId: item.clauseId }
  return {
    blocks,
    values: {
      question: data.question,
      aliases: data.aliases.join('\n'),
      answer: source ? plainTextOf(blocks) : item.answer,
      topic: data.topic,
      departmentId: data.departmentId ? String(data.departmentId) : '',
      policyDocumentId: data.policyDocumentId ? String(data.policyDocumentId) : '',
      clauseId: data.clauseId ? String(data.clauseId) : '',
    },
  }
}

const idOf = (value: string) => (value ? Number(value) : null)

/**
 * Check the form with the shared QaDraftBodySchema. An answer left as loaded is sent in its
 * structured form, so editing the question does not drop the answer's links or bold text.
 */
export function validateQaItem(values: QaItemValues, loaded: { answer: string; blocks: RichText } | null) {
  return validateWith<typeof QaDraftBodySchema, keyof QaItemValues>(QaDraftBodySchema, {
    question: values.question,
    aliases: values.aliases
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean),
    answer: loaded && values.answer === loaded.answer ? loaded.blocks : values.answer,
    topic: values.topic,
    departmentId: idOf(values.departmentId),
    policyDocumentId: idOf(values.policyDocumentId),
    clauseId: idOf(values.clauseId),
  })
}

export interface PolicyChoice {
  id: number
  title: string
  docNumber: string
}

export interface QaItemEditor {
  /** The item being edited (null for a new one). */
  existing: RequestState<StaffQaItem | null>
  form: FormState<QaItemValues>
  topics: RequestState<string[]>
  departments: Department[]
  /** The answer as loaded has formatting that changing it as plain text would drop. */
  richAnswer: boolean
  policy: {
    selected: PolicyChoice | null
    choose: (policy: PolicyChoice | null) => void
    search: (q: string) => void
    /** Results of the last search; undefined before any. */
    results: RequestState<PolicyChoice[] | null>
    clauses: RequestState<{ id: number; label: string }[] | null>
  }
  /** The item as last saved in this visit. */
  saved: StaffQaItem | null
}

/** 起草 / 修改问答 (EDITOR): a draft changes at once; a published item's change waits for a reviewer. */
export function useQaItemEditor(id: number | null, enabled: boolean): QaItemEditor {
  const [currentId, setCurrentId] = useState(id)
  const [saved, setSaved] = useState<StaffQaItem | null>(null)
  const existing = useRequest(() => (id === null || !enabled ? Promise.resolve(null) : api.getStaffQaItem({ params: { id } })), [id, enabled])
  const topics = useRequest(() => (enabled ? api.listQaTopics().then((list) => list.map((t) => t.topic)) : Promise.resolve([])), [enabled])
  const departments = useDepartments()
  const loaded = useRef<{ answer: string; blocks: RichText } | null>(null)
  const [selected, setSelected] = useState<PolicyChoice | null>(null)
  const [keyword, setKeyword] = useState<string | null>(null)

  const form = useForm<QaItemValues, z.output<typeof QaDraftBodySchema>>({
    initial: emptyQaItem,
    validate: (values) => validateQaItem(values, loaded.current),
    submit: async (body) => {
      const item = currentId === null ? await api.createQaItem({ body }) : await api.updateQaItem({ params: { id: currentId }, body })
      const start = startingPoint(item)
      loaded.current = { answer: start.values.answer, blocks: start.blocks }
      setCurrentId(item.id)
      setSaved(item)
    },
  })

  const { setField } = form
  const item = existing.data
  useEffect(() => {
    if (!item || loaded.current) return
    const start = startingPoint(item)
    loaded.current = { answer: start.values.answer, blocks: start.blocks }
    for (const [name, value] of Object.entries(start.values) as [keyof QaItemValues, string][]) setField(name, value)
    const policy = item.policy
    if (policy && (!item.pendingRevision || item.pendingRevision.policyDocumentId === policy.id)) setSelected({ id: policy.id, title: policy.title, docNumber: policy.docNumber })
    // A pending change citing another document: its title comes with the clauses below.
    else if (item.pendingRevision?.policyDocumentId) setSelected({ id: item.pendingRevision.policyDocumentId, title: '', docNumber: '' })
  }, [item, setField])

  const results = useRequest(
    () =>
      keyword === null || !enabled
        ? Promise.resolve(null)
        : api.listStaffPolicies({ query: { ...(keyword ? { q: keyword } : {}), pageSize: 20 } }).then((page) => page.items.map(({ id, title, docNumber }) => ({ id, title, docNumber }))),
    [keyword, enabled],
  )
  const policyDoc = useRequest(() => (selected === null || !enabled ? Promise.resolve(null) : api.getStaffPolicy({ params: { id: selected.id } })), [selected?.id, enabled])
  const clauses = {
    ...policyDoc,
    data: policyDoc.data === undefined ? undefined : (policyDoc.data?.sections.map((s) => ({ id: s.id, label: `第 ${s.position} 条 ${s.heading}`.trim() })) ?? null),
  }
  const shown = selected && !selected.title && policyDoc.data ? { id: selected.id, title: policyDoc.data.title, docNumber: policyDoc.data.docNumber } : selected

  const choose = useCallback(
    (policy: PolicyChoice | null) => {
      setSelected(policy)
      setField('policyDocumentId', policy ? String(policy.id) : '')
      setField('clauseId', '')
    },
    [setField],
  )

  const richAnswer = loaded.current !== null && form.values.answer === loaded.current.answer && hasFormatting(loaded.current.blocks)

  return {
    existing,
    form,
    topics,
    departments: departments.data ?? [],
    richAnswer,
    policy: { selected: shown, choose, search: (q: string) => setKeyword(q.trim()), results, clauses },
    saved,
  }
}

// —— 同义词词典 ————————————————————————————————————————————————————————————————————————

export type QaSynonym = ResponseOf<'listQaSynonyms'>[number]
export type SynonymValues = { terms: string; expansions: string }

/** Words typed into one box, separated by spaces, commas or 、. */
export const splitTerms = (text: string) => text.split(/[\s,，、;；]+/).filter(Boolean)

export function validateSynonym(values: SynonymValues) {
  return validateWith<typeof QaSynonymBodySchema, keyof SynonymValues>(QaSynonymBodySchema, { terms: splitTerms(values.terms), expansions: splitTerms(values.expansions) })
}

export interface QaSynonyms {
  list: RequestState<QaSynonym[]>
  form: FormState<SynonymValues>
  /** The entry just added, to confirm it. */
  added: QaSynonym | null
  remove: Action<[number]>
  removingId: number | null
}

/** 检索词典: built-in entries and those staff added; editors and reviewers add and delete their own kind. */
export function useQaSynonyms(enabled: boolean): QaSynonyms {
  const list = useRequest(() => (enabled ? api.listQaSynonyms() : Promise.resolve([])), [enabled])
  const [added, setAdded] = useState<QaSynonym | null>(null)
  const [removingId, setRemovingId] = useState<number | null>(null)
  const form = useForm<SynonymValues, z.output<typeof QaSynonymBodySchema>>({
    initial: { terms: '', expansions: '' },
    validate: validateSynonym,
    submit: async (body) => {
      setAdded(await api.createQaSynonym({ body }))
      form.reset()
      await list.reload()
    },
  })
  const remove = useAction(async (id: number) => {
    setRemovingId(id)
    try {
      await api.deleteQaSynonym({ params: { id } })
      setAdded((a) => (a?.id === id ? null : a))
      await list.reload()
    } finally {
      setRemovingId(null)
    }
  })
  return { list, form, added, remove, removingId }
}

// —— 批量导入 ——————————————————————————————————————————————————————————————————————————

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
          if (result.errors.length > 0) setRowErrors({ message: `共 ${result.errors.length} 处错误（涉及 ${new Set(result.errors.map((e) => e.row)).size} 行），须全部改正后才能导入`, errors: result.errors, count: result.errors.length })
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
