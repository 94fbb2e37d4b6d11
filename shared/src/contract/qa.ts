// The policy Q&A library (政策问答): search, reads and votes; staff editing, review, topics, synonyms, import and export.
import { ALL_STAFF, EDITOR, REVIEWER, EDITOR_OR_REVIEWER, FileSchema, NoContentSchema, type Endpoint } from './endpoint'
import { IdParamsSchema } from '../schemas/common'
import { CommitQaImportBodySchema, ConfirmQaBodySchema, CreateQaImportBodySchema, QaDraftBodySchema, QaExportQuerySchema, QaFeedbackBodySchema, QaFeedbackResultSchema, QaHotQuerySchema, QaHotSchema, QaImportPartBodySchema, QaImportReportSchema, QaImportUploadSchema, QaItemDetailSchema, QaListQuerySchema, QaListSchema, QaSearchQuerySchema, QaSearchResultSchema, QaSynonymBodySchema, QaSynonymListSchema, QaSynonymSchema, QaTopicBodySchema, QaTopicSchema, QaTopicsSchema, StaffQaItemSchema, StaffQaListQuerySchema, StaffQaListSchema, WithdrawBodySchema } from '../schemas/qa'

export const qaEndpoints = {
  listQaItems: {
    method: 'GET', path: '/api/qa', tag: 'qa', access: 'public',
    summary: '政策问答库：按主题浏览（最热在前），或带 q 检索（同 searchQa）',
    query: QaListQuerySchema,
    response: QaListSchema,
  },
  searchQa: {
    method: 'GET', path: '/api/qa/search', tag: 'qa', access: 'public',
    summary: '用自己的话提问：分词、同义词与口语词、错别字容错，问题权重高于答案；命中片段以文本段返回；noGoodAnswer 时可转人工咨询',
    query: QaSearchQuerySchema,
    response: QaSearchResultSchema,
  },
  listHotQa: {
    method: 'GET', path: '/api/qa/hot', tag: 'qa', access: 'public',
    summary: '热门问题（近 30 天浏览与检索命中，可按主题）',
    query: QaHotQuerySchema,
    response: QaHotSchema,
  },
  listQaTopics: {
    method: 'GET', path: '/api/qa/topics', tag: 'qa', access: 'public',
    summary: '问答主题及条目数',
    response: QaTopicsSchema,
  },
  getQaItem: {
    method: 'GET', path: '/api/qa/:id', tag: 'qa', access: 'public',
    summary: '问答详情：结构化答案、依据的政策文件与条款、复核提示、相关问题',
    params: IdParamsSchema,
    response: QaItemDetailSchema,
  },
  rateQaItem: {
    method: 'POST', path: '/api/qa/:id/feedback', tag: 'qa', access: 'public',
    summary: '“这条回答有帮助吗？”',
    params: IdParamsSchema,
    body: QaFeedbackBodySchema,
    response: QaFeedbackResultSchema,
  },
  // —— Q&A library and policy documents (staff) ——
  listStaffQaItems: {
    method: 'GET', path: '/api/staff/qa', tag: 'staff-qa', access: ALL_STAFF,
    summary: '问答条目（含草稿、待复核）',
    query: StaffQaListQuerySchema, response: StaffQaListSchema,
  },
  getStaffQaItem: {
    method: 'GET', path: '/api/staff/qa/:id', tag: 'staff-qa', access: ALL_STAFF,
    summary: '问答条目（含待审核的修改）',
    params: IdParamsSchema, response: StaffQaItemSchema,
  },
  createQaItem: {
    method: 'POST', path: '/api/staff/qa', tag: 'staff-qa', access: EDITOR,
    summary: '起草问答条目（发布前不公开）',
    body: QaDraftBodySchema, response: StaffQaItemSchema, status: 201,
  },
  updateQaItem: {
    method: 'PUT', path: '/api/staff/qa/:id', tag: 'staff-qa', access: EDITOR,
    summary: '修改问答条目（已发布的条目：修改待审核后生效，公众仍看到原答案）',
    params: IdParamsSchema, body: QaDraftBodySchema, response: StaffQaItemSchema,
  },
  publishQaItem: {
    method: 'POST', path: '/api/staff/qa/:id/publish', tag: 'staff-qa', access: REVIEWER,
    summary: '审核发布问答条目或其待审核的修改（同时视为已复核）',
    params: IdParamsSchema, response: StaffQaItemSchema,
  },
  confirmQaItem: {
    method: 'POST', path: '/api/staff/qa/:id/confirm', tag: 'staff-qa', access: REVIEWER,
    summary: '政策变化后复核确认答案仍然有效（可改为引用新文件），取消复核提示',
    params: IdParamsSchema, body: ConfirmQaBodySchema, response: StaffQaItemSchema,
  },
  withdrawQaItem: {
    method: 'POST', path: '/api/staff/qa/:id/withdraw', tag: 'staff-qa', access: REVIEWER,
    summary: '撤下问答条目（不再公开）',
    params: IdParamsSchema, body: WithdrawBodySchema, response: StaffQaItemSchema,
  },
  createQaTopic: {
    method: 'POST', path: '/api/staff/qa-topics', tag: 'staff-qa', access: REVIEWER,
    summary: '新增问答主题',
    body: QaTopicBodySchema, response: QaTopicSchema, status: 201,
  },
  listQaSynonyms: {
    method: 'GET', path: '/api/staff/qa-synonyms', tag: 'staff-qa', access: ALL_STAFF,
    summary: '检索词典：内置与工作人员补充的同义词、口语词',
    response: QaSynonymListSchema,
  },
  createQaSynonym: {
    method: 'POST', path: '/api/staff/qa-synonyms', tag: 'staff-qa', access: EDITOR_OR_REVIEWER,
    summary: '补充口语词（群众的说法 → 问答库的说法），检索即时生效',
    body: QaSynonymBodySchema, response: QaSynonymSchema, status: 201,
  },
  deleteQaSynonym: {
    method: 'DELETE', path: '/api/staff/qa-synonyms/:id', tag: 'staff-qa', access: EDITOR_OR_REVIEWER,
    summary: '删除工作人员补充的词条',
    params: IdParamsSchema, response: NoContentSchema, status: 204,
  },
  createQaImport: {
    method: 'POST', path: '/api/staff/qa-imports', tag: 'staff-qa', access: EDITOR_OR_REVIEWER,
    summary: '上传批量导入文件（Excel / CSV / JSON；大文件分段上传）',
    body: CreateQaImportBodySchema, response: QaImportUploadSchema, status: 201,
  },
  addQaImportPart: {
    method: 'POST', path: '/api/staff/qa-imports/:id/parts', tag: 'staff-qa', access: EDITOR_OR_REVIEWER,
    summary: '上传导入文件的下一段',
    params: IdParamsSchema, body: QaImportPartBodySchema, response: QaImportUploadSchema,
  },
  commitQaImport: {
    method: 'POST', path: '/api/staff/qa-imports/:id/commit', tag: 'staff-qa', access: EDITOR_OR_REVIEWER,
    summary: '校验并导入：逐行报告错误；有任何错误则一条都不导入（可先 dryRun 预检）',
    params: IdParamsSchema, body: CommitQaImportBodySchema, response: QaImportReportSchema,
  },
  exportQaItems: {
    method: 'GET', path: '/api/staff/qa-export', tag: 'staff-qa', access: ALL_STAFF,
    summary: '导出问答条目（Excel / CSV / JSON，可再导入）',
    query: QaExportQuerySchema, response: FileSchema, download: true,
  },
} as const satisfies Record<string, Endpoint>
