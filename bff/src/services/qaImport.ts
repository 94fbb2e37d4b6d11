// Bulk Q&A import from xlsx, CSV or JSON (uploaded in parts, all or nothing, row-level error report) and export in the same columns.
import {
  type BodyOf,
  formatShanghaiDate,
  IMPORT_LIMITS,
  IMPORT_MAX_BYTES,
  IMPORT_MAX_ROWS,
  IMPORT_PART_BYTES,
  type ImportRowError,
  QA_ANSWER_MAX,
  QA_QUESTION_MAX,
  type QaImportFormat,
  type QaImportReport,
  type ResponseOf,
  shanghaiTime,
} from '@gm/shared'
import { type DbOrTx, SQL_NULL, toJson } from '../db/client'
import type { Deps } from '../deps'
import type { StaffContext } from '../domain/actor'
import { AppError, notFound, validationFailed } from '../domain/errors'
import { type Table, toCsv, toXlsx } from '../lib/spreadsheet'
import {
  bumpQaLibraryVersion,
  deleteExpiredQaImports,
  findQaImport,
  findQaImportParts,
  findQaItemsByExternalIds,
  findQaItemsForExport,
  findQaTopics,
  insertQaImport,
  insertQaTopics,
  lockQaImport,
  markQaImportCommitted,
  qaImportSize,
  updateQaItem,
  upsertQaImportPart,
} from '../repositories/qa'
import { auditorOf, recordAudit } from './audit'
import { blocksFromText } from './qaText'
import { ImportLimitExceeded, readCsv, readXlsx, UnreadableFile } from '../lib/spreadsheetReader'

/**
 * Bulk import of Q&A items from Excel, CSV or JSON, and export in the same shapes (an export can be
 * edited and imported again).
 *
 * All or nothing: every row is validated first; if any row has an error, nothing is written and
 * every error is reported with its row and field (`IMPORT_INVALID`, or the report of a dry run).
 * Rows whose `编号` (external id) matches an existing item update it; others create items.
 * Imported items are drafts unless a reviewer imports with `publish`.
 */

/** Column names accepted in spreadsheets and JSON keys (Chinese headers or English keys). */
const COLUMNS = {
  externalId: ['编号', '外部编号', 'id', 'externalId'],
  question: ['问题', 'question'],
  aliases: ['相似问法', 'aliases'],
  answer: ['答案', '回答', '答复', 'answer'],
  topic: ['主题', 'topic'],
  department: ['答复部门', '部门', 'department'],
  docNumber: ['依据文号', '文号', 'docNumber'],
  clause: ['条款序号', '条款', 'clause'],
  reviewedOn: ['复核日期', 'reviewedOn', 'reviewedAt'],
} as const
type Column = keyof typeof COLUMNS
type RawRow = Partial<Record<Column, unknown>>

const EXPORT_HEADER = ['编号', '问题', '相似问法', '答案', '主题', '答复部门', '依据文号', '条款序号', '复核日期', '状态']
const UPLOAD_TTL_MS = 24 * 60 * 60 * 1000
/** Errors listed in a report; the count says how many there were in all. */
const MAX_REPORTED_ERRORS = 500

const columnOf = new Map<string, Column>()
for (const [column, names] of Object.entries(COLUMNS) as [Column, readonly string[]][]) for (const name of names) columnOf.set(name.toLowerCase(), column)

// —— reading files ——————————————————————————————————————————————————————————————————————————

function fromTable(rows: string[][]): RawRow[] {
  const [header, ...data] = rows
  if (!header) return []
  const columns = header.map((name) => columnOf.get(name.trim().toLowerCase()))
  if (!columns.includes('question') || !columns.includes('answer')) {
    throw new UnreadableFile('表头须包含“问题”和“答案”两列（可选：编号、相似问法、主题、答复部门、依据文号、条款序号、复核日期）')
  }
  return data.map((cells) => {
    const row: RawRow = {}
    columns.forEach((column, i) => {
      // Our exports prefix cells that would run as formulas with ' (see lib/spreadsheet): undo that.
      const cell = cells[i] ?? ''
      if (column) row[column] = /^'[=+\-@]/.test(cell) ? cell.slice(1) : cell
    })
    return row
  })
}

function fromObjects(items: unknown[]): RawRow[] {
  return items.map((item) => {
    const row: RawRow = {}
    if (item && typeof item === 'object' && !Array.isArray(item)) {
      for (const [key, value] of Object.entries(item)) {
        const column = columnOf.get(key.toLowerCase())
        if (column) row[column] = value
      }
    } else {
      row.question = item // reported as a malformed row
    }
    return row
  })
}

/**
 * The rows of an uploaded file; UnreadableFile when it is not the format it claims,
 * ImportLimitExceeded past one of IMPORT_LIMITS.
 */
export async function parseQaFile(format: QaImportFormat, bytes: Buffer): Promise<RawRow[]> {
  if (bytes.length > IMPORT_LIMITS.fileBytes) throw new ImportLimitExceeded(`导入文件最大 ${IMPORT_LIMITS.fileBytes / 1024 / 1024} MB`)
  if (format === 'xlsx') return fromTable(await readXlsx(bytes))
  const text = bytes.toString('utf8')
  if (text.includes('\uFFFD')) throw new UnreadableFile('文件不是 UTF-8 编码（请另存为 UTF-8 后再导入）')
  if (format === 'csv') return fromTable(await readCsv(text))
  if (format === 'jsonl') {
    return fromObjects(
      text
        .split(/\r?\n/)
        .map((line, i) => [line.trim(), i] as const)
        .filter(([line]) => line !== '')
        .map(([line, i]) => {
          try {
            return JSON.parse(line) as unknown
          } catch {
            throw new UnreadableFile(`第 ${i + 1} 行不是有效的 JSON`)
          }
        }),
    )
  }
  let parsed: unknown
  try {
    parsed = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text)
  } catch {
    throw new UnreadableFile('不是有效的 JSON 文件')
  }
  const items = Array.isArray(parsed)
    ? parsed
    : parsed && typeof parsed === 'object' && Array.isArray((parsed as { items?: unknown }).items)
      ? (parsed as { items: unknown[] }).items
      : null
  if (!items) throw new UnreadableFile('JSON 须为条目数组，或含 items 数组的对象')
  return fromObjects(items)
}

// —— validating rows ————————————————————————————————————————————————————————————————————————

export interface ValidRow {
  row: number
  externalId: string | null
  question: string
  aliases: string[]
  answer: string
  topic: string
  departmentId: number | null
  policyDocumentId: number | null
  clauseId: number | null
  reviewedAt: Date | null
}

export interface ImportOptions {
  publish: boolean
  createTopics: boolean
  defaultTopic?: string
}

/** Text without NUL and other control characters PostgreSQL or a spreadsheet would choke on (line breaks and tabs stay). */
// eslint-disable-next-line no-control-regex
const clean = (value: string) => value.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '').trim()

function asText(value: unknown): string | null {
  if (value === undefined || value === null) return ''
  if (typeof value === 'string') return clean(value)
  if (typeof value === 'number' && Number.isFinite(value)) return String(value)
  return null
}

async function referenceTables(db: DbOrTx) {
  const [topics, departments, documents] = await Promise.all([
    findQaTopics(db),
    db.department.findMany({ select: { id: true, name: true } }),
    db.policyDocument.findMany({ select: { id: true, docNumber: true, status: true, sections: { select: { id: true, position: true } } } }),
  ])
  const byNumber = new Map<string, typeof documents>()
  for (const d of documents) byNumber.set(d.docNumber, [...(byNumber.get(d.docNumber) ?? []), d])
  return { topics: new Set(topics.map((t) => t.name)), departments: new Map(departments.map((d) => [d.name, d.id])), documents: byNumber }
}

export async function validateRows(
  db: DbOrTx,
  raw: RawRow[],
  options: ImportOptions,
): Promise<{ valid: ValidRow[]; errors: ImportRowError[]; newTopics: string[] }> {
  const refs = await referenceTables(db)
  const errors: ImportRowError[] = []
  const valid: ValidRow[] = []
  const newTopics = new Set<string>()
  const seenIds = new Map<string, number>()
  raw.forEach((input, i) => {
    const row = i + 1
    const rowErrors: ImportRowError[] = []
    const fail = (field: string, message: string) => rowErrors.push({ row, field, message })
    const text = (column: Column) => {
      const value = asText(input[column])
      if (value === null) fail(column, '应为文字')
      return value ?? ''
    }

    const externalId = text('externalId')
    if (externalId.length > 100) fail('externalId', '编号最多 100 个字')
    else if (externalId && seenIds.has(externalId)) fail('externalId', `编号与第 ${seenIds.get(externalId)} 行重复`)
    if (externalId) seenIds.set(externalId, row)

    const question = text('question')
    if (!question) fail('question', '问题不能为空')
    else if (question.length > QA_QUESTION_MAX) fail('question', `问题最多 ${QA_QUESTION_MAX} 个字`)
    const answer = text('answer')
    if (!answer) fail('answer', '答案不能为空')
    else if (answer.length > QA_ANSWER_MAX) fail('answer', `答案最多 ${QA_ANSWER_MAX} 个字`)

    let aliases: string[] = []
    const rawAliases = input.aliases
    if (Array.isArray(rawAliases)) aliases = rawAliases.map((a) => asText(a) ?? '').filter(Boolean)
    else {
      const joined = text('aliases')
      aliases = joined
        ? joined
            .split(/[；;\n]/)
            .map((a) => a.trim())
            .filter(Boolean)
        : []
    }
    if (aliases.length > 20) fail('aliases', '相似问法最多 20 条')
    if (aliases.some((a) => a.length > QA_QUESTION_MAX)) fail('aliases', `每条相似问法最多 ${QA_QUESTION_MAX} 个字`)

    let topic = text('topic') || options.defaultTopic || ''
    topic = topic.trim()
    if (!topic) fail('topic', '主题不能为空')
    else if (topic.length > 20) fail('topic', '主题最多 20 个字')
    else if (!refs.topics.has(topic)) {
      if (options.createTopics) newTopics.add(topic)
      else fail('topic', `主题“${topic}”不在问答主题列表中`)
    }

    const departmentName = text('department')
    const departmentId = departmentName ? (refs.departments.get(departmentName) ?? null) : null
    if (departmentName && departmentId === null) fail('department', `没有名为“${departmentName}”的部门`)

    const docNumber = text('docNumber')
    let policyDocumentId: number | null = null
    let clauseId: number | null = null
    const candidates = docNumber ? (refs.documents.get(docNumber) ?? []) : []
    if (docNumber && candidates.length === 0) fail('docNumber', `没有文号为“${docNumber}”的政策文件`)
    else if (candidates.length > 1) fail('docNumber', `文号“${docNumber}”对应多份文件`)
    else if (candidates[0]) {
      policyDocumentId = candidates[0].id
      if (options.publish && candidates[0].status !== 'PUBLISHED') fail('docNumber', '所依据的政策文件尚未发布')
    }
    const clause = text('clause')
    if (clause) {
      const position = Number(clause)
      if (!Number.isInteger(position) || position < 1) fail('clause', '条款序号应为正整数')
      else if (!docNumber) fail('clause', '填写条款序号时须同时填写依据文号')
      else if (candidates[0]) {
        clauseId = candidates[0].sections.find((s) => s.position === position)?.id ?? null
        if (clauseId === null) fail('clause', `该文件没有第 ${position} 条`)
      }
    }

    const reviewedOn = text('reviewedOn')
    let reviewedAt: Date | null = null
    if (reviewedOn) {
      const m = /^(\d{4})-(\d{1,2})-(\d{1,2})/.exec(reviewedOn.replace(/[/.年月]/g, '-'))
      if (!m) fail('reviewedOn', '复核日期格式应为 YYYY-MM-DD')
      else reviewedAt = shanghaiTime(Number(m[1]), Number(m[2]), Number(m[3]))
    }

    if (rowErrors.length > 0) errors.push(...rowErrors)
    else valid.push({ row, externalId: externalId || null, question, aliases, answer, topic, departmentId, policyDocumentId, clauseId, reviewedAt })
  })
  return { valid, errors, newTopics: [...newTopics] }
}

// —— writing ————————————————————————————————————————————————————————————————————————————————

const CREATE_BATCH = 500

/**
 * Validate and import the rows of a file, all or nothing. Used by the commit endpoint and by the
 * benchmark (which imports a library through exactly this code).
 */
export async function importQaRows(deps: Deps, context: StaffContext, raw: RawRow[], options: ImportOptions & { dryRun: boolean }): Promise<QaImportReport> {
  if (options.publish && context.actor.role !== 'REVIEWER' && context.actor.role !== 'ADMIN') {
    throw new AppError('FORBIDDEN', '只有审核人员可以导入后直接发布')
  }
  if (raw.length === 0) throw validationFailed({ file: '文件中没有数据行' })
  if (raw.length > IMPORT_MAX_ROWS) throw new AppError('IMPORT_TOO_LARGE', `一次最多导入 ${IMPORT_MAX_ROWS} 行`)
  return deps.db.$transaction(
    async (tx) => {
      const { valid, errors, newTopics } = await validateRows(tx, raw, options)
      const report = (created: number, updated: number): QaImportReport => ({
        rows: raw.length,
        valid: valid.length,
        created,
        updated,
        createdTopics: errors.length === 0 && !options.dryRun ? newTopics : [],
        errors: errors.slice(0, MAX_REPORTED_ERRORS),
        dryRun: options.dryRun,
      })
      if (options.dryRun) return report(0, 0)
      if (errors.length > 0) {
        throw new AppError('IMPORT_INVALID', `共 ${errors.length} 处错误（涉及 ${new Set(errors.map((e) => e.row)).size} 行），未导入任何条目`, {
          errors: errors.slice(0, MAX_REPORTED_ERRORS),
          errorCount: errors.length,
          fields: Object.fromEntries(errors.slice(0, MAX_REPORTED_ERRORS).map((e) => [`rows.${e.row}.${e.field}`, e.message])),
        })
      }
      await insertQaTopics(tx, newTopics)
      const now = deps.clock()
      const existing = new Map(
        (
          await findQaItemsByExternalIds(
            tx,
            valid.flatMap((r) => (r.externalId ? [r.externalId] : [])),
          )
        ).map((e) => [e.externalId as string, e]),
      )
      const data = (r: ValidRow) => ({
        question: r.question,
        aliases: r.aliases,
        answer: r.answer,
        answerBlocks: toJson(blocksFromText(r.answer)),
        topic: r.topic,
        departmentId: r.departmentId,
        policyDocumentId: r.policyDocumentId,
        clauseId: r.clauseId,
      })
      const toCreate = valid.filter((r) => !r.externalId || !existing.has(r.externalId))
      for (let i = 0; i < toCreate.length; i += CREATE_BATCH) {
        await tx.qaItem.createMany({
          data: toCreate.slice(i, i + CREATE_BATCH).map((r) => ({
            ...data(r),
            externalId: r.externalId,
            status: options.publish ? ('PUBLISHED' as const) : ('DRAFT' as const),
            publishedAt: options.publish ? now : null,
            reviewedAt: r.reviewedAt ?? now,
            createdById: context.actor.staffId,
          })),
        })
      }
      let updated = 0
      for (const r of valid) {
        const item = r.externalId ? existing.get(r.externalId) : undefined
        if (!item) continue
        updated++
        if (item.status === 'PUBLISHED' && !options.publish) {
          // The public keeps the published answer until a reviewer publishes the imported one.
          await updateQaItem(tx, item.id, { pendingRevision: toJson({ ...data(r), answer: blocksFromText(r.answer), answerBlocks: undefined }) })
        } else {
          await updateQaItem(tx, item.id, {
            ...data(r),
            ...(options.publish ? { status: 'PUBLISHED', publishedAt: now, reviewNotice: null, flaggedAt: null, pendingRevision: SQL_NULL } : {}),
            reviewedAt: r.reviewedAt ?? now,
          })
        }
      }
      if (options.publish) await bumpQaLibraryVersion(tx)
      const result = report(toCreate.length, updated)
      await recordAudit(tx, auditorOf(context), {
        action: 'importQaItems',
        entity: 'qaItem',
        after: { rows: result.rows, created: result.created, updated: result.updated, published: options.publish, createdTopics: result.createdTopics },
      })
      return result
    },
    { timeout: 300_000 },
  )
}

// —— staged uploads ————————————————————————————————————————————————————————————————————————

function decodePart(content: string): Buffer {
  const bytes = Buffer.from(content, 'base64')
  if (bytes.length > IMPORT_PART_BYTES) throw validationFailed({ content: `每段最多 ${IMPORT_PART_BYTES / 1024} KB` })
  return bytes
}

async function ownUpload(db: DbOrTx, context: StaffContext, id: number, now: Date, lock = false) {
  const upload = lock ? await lockQaImport(db, id) : await findQaImport(db, id)
  // Another staff member's upload is as good as missing.
  if (!upload || upload.staffId !== context.actor.staffId || upload.expiresAt <= now) throw notFound('导入文件')
  if (upload.committedAt) throw new AppError('IMPORT_ALREADY_COMMITTED')
  return upload
}

export async function createQaImport(deps: Deps, context: StaffContext, body: BodyOf<'createQaImport'>): Promise<ResponseOf<'createQaImport'>> {
  const now = deps.clock()
  const first = decodePart(body.content)
  await deleteExpiredQaImports(deps.db, now)
  const { id } = await insertQaImport(deps.db, {
    staffId: context.actor.staffId,
    format: body.format,
    filename: body.filename,
    expiresAt: new Date(now.getTime() + UPLOAD_TTL_MS),
    first: new Uint8Array(first),
  })
  return { id, parts: 1, bytes: first.length }
}

export async function addQaImportPart(deps: Deps, context: StaffContext, id: number, body: BodyOf<'addQaImportPart'>): Promise<ResponseOf<'addQaImportPart'>> {
  const bytes = decodePart(body.content)
  return deps.db.$transaction(async (tx) => {
    await ownUpload(tx, context, id, deps.clock(), true)
    await upsertQaImportPart(tx, id, body.index, new Uint8Array(bytes))
    const size = await qaImportSize(tx, id)
    if (size.bytes > IMPORT_MAX_BYTES) throw new AppError('IMPORT_TOO_LARGE', `导入文件最大 ${IMPORT_MAX_BYTES / 1024 / 1024} MB`)
    return { id, ...size }
  })
}

/** Put the parts together, read the file, and import it (or only report, for a dry run). */
export async function commitQaImport(deps: Deps, context: StaffContext, id: number, body: BodyOf<'commitQaImport'>): Promise<QaImportReport> {
  const upload = await ownUpload(deps.db, context, id, deps.clock())
  const parts = await findQaImportParts(deps.db, id)
  const missing = parts.findIndex((p, i) => p.index !== i)
  if (missing >= 0) throw validationFailed({ parts: `缺少第 ${missing + 1} 段，请重新上传` })
  let rows: RawRow[]
  try {
    rows = await parseQaFile(upload.format as QaImportFormat, Buffer.concat(parts.map((p) => Buffer.from(p.data))))
  } catch (err) {
    if (err instanceof UnreadableFile) throw new AppError('IMPORT_UNREADABLE', err.message)
    if (err instanceof ImportLimitExceeded) throw new AppError('IMPORT_TOO_LARGE', err.message)
    throw err
  }
  const report = await importQaRows(deps, context, rows, body)
  if (!body.dryRun) await markQaImportCommitted(deps.db, id, deps.clock(), toJson(report))
  return report
}

// —— export ————————————————————————————————————————————————————————————————————————————————

const statusLabels = { DRAFT: '草稿', PUBLISHED: '已发布', WITHDRAWN: '已撤下' } as const

/** Every item (of a status / topic) in the import's own columns, so the file can be edited and imported again. */
export async function exportQaItems(deps: Deps, query: { format: 'csv' | 'xlsx' | 'json'; status?: 'DRAFT' | 'PUBLISHED' | 'WITHDRAWN'; topic?: string }) {
  const rows = await findQaItemsForExport(deps.db, query)
  const records = rows.map((row) => ({
    id: row.externalId ?? `qa-${row.id}`,
    question: row.question,
    aliases: row.aliases,
    answer: row.answer,
    topic: row.topic,
    department: row.department?.name ?? '',
    docNumber: row.policyDocument?.docNumber ?? '',
    clause: row.clause?.position ?? null,
    reviewedOn: formatShanghaiDate(row.reviewedAt),
    status: row.status,
  }))
  const base = `政策问答库-${formatShanghaiDate(deps.clock())}`
  if (query.format === 'json') return { filename: `${base}.json`, contentType: 'application/json; charset=utf-8', content: JSON.stringify(records, null, 2) }
  const table: Table = {
    sheetName: '政策问答',
    header: EXPORT_HEADER,
    rows: records.map((r) => [
      r.id,
      r.question,
      r.aliases.join('；'),
      r.answer,
      r.topic,
      r.department,
      r.docNumber,
      r.clause,
      r.reviewedOn,
      statusLabels[r.status],
    ]),
  }
  return query.format === 'xlsx'
    ? { filename: `${base}.xlsx`, contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', content: await toXlsx(table) }
    : { filename: `${base}.csv`, contentType: 'text/csv; charset=utf-8', content: toCsv(table) }
}
