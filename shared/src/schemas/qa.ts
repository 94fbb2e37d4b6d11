// Wire shapes of the policy Q&A library: structured rich text, public items, search and feedback, staff editing, topics, synonyms and import/export.
import { z } from 'zod'
import { DepartmentSchema, IdNumberSchema, InstantSchema, KeywordSchema, longText, PageQueryFields, paginated, plainText, rawText, wholeNumber } from './common'

export const PolicyValiditySchema = z.enum(['VALID', 'AMENDED', 'REPEALED', 'EXPIRED'])
export type PolicyValidity = z.infer<typeof PolicyValiditySchema>
export const policyValidityLabels: Record<PolicyValidity, string> = {
  VALID: '有效',
  AMENDED: '已修改',
  REPEALED: '已废止',
  EXPIRED: '失效',
}

/** 草稿 → 已发布 → 已撤下. Editors draft, reviewers publish. */
export const ContentStatusSchema = z.enum(['DRAFT', 'PUBLISHED', 'WITHDRAWN'])
export type ContentStatus = z.infer<typeof ContentStatusSchema>
export const contentStatusLabels: Record<ContentStatus, string> = { DRAFT: '草稿', PUBLISHED: '已发布', WITHDRAWN: '已撤下' }

// —— structured rich text ————————————————————————————————————————————————————————————————
//
// Staff rich text is data, never HTML: a list of blocks whose schema is the allow-list. Clients
// render each piece as text (a `<script>` typed into an answer is shown as those characters).
// Links may only point to https pages, the mini-program's own pages, or a phone number.

/** A piece of rich text kept as typed: its spaces matter between bold and plain pieces. */
const text = (max: number) => rawText().max(max, `最多 ${max} 个字`)

export const SafeHrefSchema = plainText()
  .max(500, '链接最多 500 个字符')
  .refine(
    (href) => /^https:\/\/[^\s<>"']+$/i.test(href) || /^\/(pages|packages)\/[\w/.?=&%-]*$/.test(href) || /^tel:[\d-]{3,20}$/.test(href),
    '链接只能是 https 网址、小程序页面或电话号码',
  )

export const InlineSchema = z.strictObject({
  text: text(5_000),
  bold: z.boolean().optional(),
  href: SafeHrefSchema.optional(),
})
export type Inline = z.infer<typeof InlineSchema>

const inlines = z.array(InlineSchema).min(1, '段落不能为空').max(200)

export const RichBlockSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('paragraph'), children: inlines }),
  z.strictObject({ type: z.literal('heading'), children: inlines }),
  z.strictObject({ type: z.literal('list'), ordered: z.boolean(), items: z.array(inlines).min(1).max(100) }),
  z.strictObject({
    type: z.literal('image'),
    src: plainText('请填写图片地址')
      .max(500, '图片地址最多 500 个字符')
      .regex(/^https:\/\/[^\s<>"']+$/i, '图片只能是 https 地址'),
    alt: text(200),
  }),
])
export type RichBlock = z.infer<typeof RichBlockSchema>
export const RichTextSchema = z.array(RichBlockSchema).min(1, '内容不能为空').max(500, '内容过长')
export type RichText = z.infer<typeof RichTextSchema>

/** Text as data for highlighting: segments in order, `hit` marks what matched the search. */
export const TextSegmentSchema = z.object({ text: z.string(), hit: z.boolean() })
export type TextSegment = z.infer<typeof TextSegmentSchema>

// —— Q&A items (public) ——————————————————————————————————————————————————————————————

export const PolicyRefSchema = z.object({
  id: z.number().int(),
  title: z.string(),
  docNumber: z.string(),
  validity: PolicyValiditySchema,
})
export type PolicyRef = z.infer<typeof PolicyRefSchema>

export const QaItemSchema = z.object({
  id: z.number().int(),
  question: z.string(),
  /** Plain text: render as text. The structured form is `answerBlocks` on the detail. */
  answer: z.string(),
  topic: z.string(),
  department: DepartmentSchema.nullable(),
  policy: PolicyRefSchema.nullable(),
  reviewedAt: InstantSchema,
  helpfulCount: z.number().int(),
  unhelpfulCount: z.number().int(),
  /** Set while the policy this rests on changed and a reviewer has not yet confirmed the answer. */
  reviewNotice: z.string().nullable(),
})
export type QaItem = z.infer<typeof QaItemSchema>

export const QaHighlightSchema = z.object({
  question: z.array(TextSegmentSchema),
  /** A window of the answer (about QA_EXCERPT_CHARS characters) around what matched, `…` marking cuts. */
  answer: z.array(TextSegmentSchema),
})
export type QaHighlight = z.infer<typeof QaHighlightSchema>

/** Longest answer excerpt a list or search item carries (plus `…` when cut); the detail has the whole answer. */
export const QA_EXCERPT_CHARS = 120

/** A card in a list or search result: the answer only as a short excerpt (the detail page loads it whole). */
export const QaListItemSchema = QaItemSchema.omit({ answer: true }).extend({
  /** The answer's opening as one line of plain text, at most QA_EXCERPT_CHARS characters and `…` when cut. */
  answerExcerpt: z.string(),
  /** Present when the list is a search. */
  highlight: QaHighlightSchema.optional(),
})
export type QaListItem = z.infer<typeof QaListItemSchema>

/** Queries citizens type into one box: up to 50 characters (longer is a clear 400). */
const QueryTextSchema = plainText('请输入要查询的问题').max(50, '问题最多 50 个字，请简要描述')

export const QaListQuerySchema = z.strictObject({
  q: KeywordSchema,
  topic: KeywordSchema,
  ...PageQueryFields,
})
export type QaListQuery = z.input<typeof QaListQuerySchema>

export const QaSearchQuerySchema = z.strictObject({
  q: QueryTextSchema.min(1, '请输入要查询的问题'),
  topic: KeywordSchema,
  ...PageQueryFields,
})
export type QaSearchQuery = z.input<typeof QaSearchQuerySchema>

export const QaListSchema = paginated(QaListItemSchema).extend({
  /**
   * True when nothing in the library answers the query well: the client offers to ask staff
   * (`askPolicyQuestion`). Always false for a plain listing.
   */
  noGoodAnswer: z.boolean(),
})
export type QaList = z.infer<typeof QaListSchema>
export const QaSearchResultSchema = QaListSchema
export type QaSearchResult = z.infer<typeof QaSearchResultSchema>

export const QaClauseSchema = z.object({ id: z.number().int(), heading: z.string(), body: z.string() })

export const QaItemDetailSchema = QaItemSchema.extend({
  answerBlocks: RichTextSchema,
  aliases: z.array(z.string()),
  clause: QaClauseSchema.nullable(),
  policy: PolicyRefSchema.extend({
    validityChangedAt: InstantSchema.nullable(),
    replacedBy: z.object({ id: z.number().int(), title: z.string(), docNumber: z.string() }).nullable(),
  }).nullable(),
  related: z.array(z.object({ id: z.number().int(), question: z.string(), topic: z.string() })),
})
export type QaItemDetail = z.infer<typeof QaItemDetailSchema>

export const QaTopicsSchema = z.array(z.object({ topic: z.string(), count: z.number().int() }))
export type QaTopics = z.infer<typeof QaTopicsSchema>

export const QaHotQuerySchema = z.strictObject({
  topic: KeywordSchema,
  limit: wholeNumber('数量须为整数').pipe(z.number().min(1, '至少 1 条').max(20, '最多 20 条')).default(10),
})
export const QaHotSchema = z.array(
  z.object({ id: z.number().int(), question: z.string(), topic: z.string(), views: z.number().int(), searches: z.number().int() }),
)
export type QaHot = z.infer<typeof QaHotSchema>

export const QaFeedbackBodySchema = z.strictObject({
  helpful: z.boolean({ error: '请选择“有帮助”或“没帮助”' }),
})
export type QaFeedbackBody = z.infer<typeof QaFeedbackBodySchema>

export const QaFeedbackResultSchema = z.object({
  helpfulCount: z.number().int(),
  unhelpfulCount: z.number().int(),
})

// —— Q&A items (staff) ————————————————————————————————————————————————————————————————

/** A required text field: single-line by default, `longText` for paragraphs. */
const requiredText = (label: string, max: number, text: typeof plainText = plainText) =>
  text(`请填写${label}`).min(1, `请填写${label}`).max(max, `${label}最多 ${max} 个字`)

export const QA_QUESTION_MAX = 1_000
export const QA_ANSWER_MAX = 20_000

export const TopicNameSchema = requiredText('主题', 20)

/** The answer: plain text (paragraphs by line) or structured rich text. */
export const AnswerInputSchema = z.union([requiredText('答案', QA_ANSWER_MAX, longText), RichTextSchema])

export const QaDraftBodySchema = z.strictObject({
  question: requiredText('问题', QA_QUESTION_MAX, longText),
  aliases: z
    .array(requiredText('相似问法', QA_QUESTION_MAX, longText))
    .max(20, '相似问法最多 20 条')
    .default([]),
  answer: AnswerInputSchema,
  topic: TopicNameSchema,
  departmentId: IdNumberSchema.nullable().default(null),
  policyDocumentId: IdNumberSchema.nullable().default(null),
  clauseId: IdNumberSchema.nullable().default(null),
})
export type QaDraftBody = z.infer<typeof QaDraftBodySchema>

export const StaffQaItemSchema = QaItemSchema.extend({
  status: ContentStatusSchema,
  aliases: z.array(z.string()),
  answerBlocks: RichTextSchema,
  clauseId: z.number().int().nullable(),
  publishedAt: InstantSchema.nullable(),
  flaggedAt: InstantSchema.nullable(),
  externalId: z.string().nullable(),
  viewCount: z.number().int(),
  /** An editor's change to a published item, waiting for a reviewer. */
  pendingRevision: QaDraftBodySchema.extend({ answer: RichTextSchema }).nullable(),
  updatedAt: InstantSchema,
})
export type StaffQaItem = z.infer<typeof StaffQaItemSchema>

export const StaffQaListQuerySchema = z.strictObject({
  status: ContentStatusSchema.optional(),
  /** Only items waiting for review after a policy change (or with a pending revision). */
  needsReview: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  topic: KeywordSchema,
  q: KeywordSchema,
  ...PageQueryFields,
})
export const StaffQaListSchema = paginated(StaffQaItemSchema)

export const ConfirmQaBodySchema = z.strictObject({
  /** Re-link to another document or clause (e.g. the one that replaced the repealed one). */
  policyDocumentId: IdNumberSchema.nullable().optional(),
  clauseId: IdNumberSchema.nullable().optional(),
  note: longText().max(200, '说明最多 200 个字').optional(),
})

export const WithdrawBodySchema = z.strictObject({ reason: requiredText('撤下理由', 200, longText) })

export const QaTopicBodySchema = z.strictObject({ name: TopicNameSchema, position: z.number().int().min(0).max(1000).default(0) })
export const QaTopicSchema = z.object({ id: z.number().int(), name: z.string(), position: z.number().int() })

const synonymTerm = plainText('请填写词语')
  .min(1, '请填写词语')
  .max(20, '每个词最多 20 个字')
  .regex(/^[^\s=>]+$/, '词语中不能有空格或 = > 符号')
export const QaSynonymBodySchema = z.strictObject({
  /** What citizens say (口语词). */
  terms: z.array(synonymTerm).min(1, '至少一个口语说法').max(10),
  /** What the library says (规范说法). */
  expansions: z.array(synonymTerm).min(1, '至少一个规范说法').max(10),
})
export const QaSynonymSchema = z.object({
  id: z.number().int().nullable(),
  terms: z.array(z.string()),
  expansions: z.array(z.string()),
  builtIn: z.boolean(),
})
export const QaSynonymListSchema = z.array(QaSynonymSchema)

// —— import / export ——————————————————————————————————————————————————————————————————

export const QaImportFormatSchema = z.enum(['xlsx', 'csv', 'json', 'jsonl'])
export type QaImportFormat = z.infer<typeof QaImportFormatSchema>
/** One part of an upload: 40 KB of file (≈ 55 KB of base64) keeps each request under the 64 KB body limit. */
export const IMPORT_PART_BYTES = 40 * 1024
export const IMPORT_MAX_BYTES = 20 * 1024 * 1024
export const IMPORT_MAX_ROWS = 50_000
/**
 * Hard limits on an imported file, checked while it is read (the miniapp shows them). Past any of
 * them the import is refused with IMPORT_TOO_LARGE and a message naming the limit.
 */
export const IMPORT_LIMITS = {
  /** The uploaded file as sent (an .xlsx compressed). */
  fileBytes: IMPORT_MAX_BYTES,
  /** Everything inflated from an .xlsx, counted as it inflates. */
  unzippedBytes: 100 * 1024 * 1024,
  /** One inflated part of an .xlsx (a worksheet, the shared strings). */
  entryBytes: 80 * 1024 * 1024,
  /** Files inside an .xlsx. */
  zipEntries: 1_000,
  /** Data rows (the header row is not counted). */
  rows: IMPORT_MAX_ROWS,
  /** Columns with content (a cell reference past column AX is refused before anything is allocated). */
  columns: 50,
  /** Characters in one cell (Excel's own limit). */
  cellChars: 32_767,
  /** Reading the file, in seconds. */
  seconds: 60,
} as const

const base64Part = rawText('内容须为 base64 编码')
  .max(Math.ceil(IMPORT_PART_BYTES / 3) * 4 + 4, '每段最多 40 KB')
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, '内容须为 base64 编码')

export const CreateQaImportBodySchema = z.strictObject({
  format: QaImportFormatSchema,
  filename: plainText().max(200, '文件名最多 200 个字').default(''),
  /** The first part of the file (base64); more parts with addQaImportPart. */
  content: base64Part,
})
export const QaImportPartBodySchema = z.strictObject({
  /** 1 for the second part, 2 for the third… (the first came with the upload). */
  index: z
    .number()
    .int()
    .min(1)
    .max(Math.ceil(IMPORT_MAX_BYTES / IMPORT_PART_BYTES)),
  content: base64Part.min(1, '内容不能为空'),
})
export const QaImportUploadSchema = z.object({ id: z.number().int(), parts: z.number().int(), bytes: z.number().int() })

export const CommitQaImportBodySchema = z.strictObject({
  /** Only validate and report; nothing is written. */
  dryRun: z.boolean().default(false),
  /** Publish the imported items at once (reviewers only); otherwise they are drafts. */
  publish: z.boolean().default(false),
  /** Add topics the file uses that are not in the list yet (otherwise such rows are errors). */
  createTopics: z.boolean().default(false),
  /** Topic for rows that leave it empty (otherwise such rows are errors). */
  defaultTopic: TopicNameSchema.optional(),
})

export const ImportRowErrorSchema = z.object({
  /** 1-based data row (the header is row 0 in spreadsheets; for JSON, the item's position). */
  row: z.number().int(),
  field: z.string(),
  message: z.string(),
})
export type ImportRowError = z.infer<typeof ImportRowErrorSchema>

export const QaImportReportSchema = z.object({
  rows: z.number().int(),
  valid: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  createdTopics: z.array(z.string()),
  errors: z.array(ImportRowErrorSchema),
  dryRun: z.boolean(),
})
export type QaImportReport = z.infer<typeof QaImportReportSchema>

export const QaExportQuerySchema = z.strictObject({
  format: z.enum(['csv', 'xlsx', 'json']).default('xlsx'),
  status: ContentStatusSchema.optional(),
  topic: KeywordSchema,
})

/** A search without a good answer, for staff to answer (群众想问但库里没有的). */
export const QaUnansweredSchema = z.object({
  id: z.number().int(),
  text: z.string(),
  /** Searches with these words (each searcher once a day per BFF instance). */
  searches: z.number().int(),
  firstAskedAt: z.string(),
  lastAskedAt: z.string(),
})
export type QaUnanswered = z.infer<typeof QaUnansweredSchema>
export const QaUnansweredListSchema = z.array(QaUnansweredSchema)
