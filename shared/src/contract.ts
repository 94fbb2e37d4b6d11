import { z } from 'zod'
import { IdParamsSchema } from './schemas/common'
import { ConsultationDetailSchema, ConsultationListQuerySchema, ConsultationListSchema } from './schemas/consultation'
import {
  AnswerBodySchema,
  ConsultationDraftBodySchema,
  ExportQuerySchema,
  FeedbackSchema,
  GroupBodySchema,
  PublishFeedbackBodySchema,
  GroupSchema,
  GroupSuggestionSchema,
  ModerationBodySchema,
  MyOpinionListSchema,
  OfflineOpinionBodySchema,
  OpinionReceiptSchema,
  OverdueOpinionSchema,
  RevisionBodySchema,
  StaffConsultationListSchema,
  StaffOpinionListQuerySchema,
  StaffOpinionListSchema,
  StaffOpinionSchema,
  SubmitOpinionBodySchema,
  WindowChangeBodySchema,
} from './schemas/opinion'
import { DecisionBodySchema, DecisionDetailSchema, DecisionListQuerySchema, DecisionSummarySchema } from './schemas/decision'
import { DepartmentSchema } from './schemas/common'
import { HolidayCalendarSchema, HolidayYearParamsSchema, HolidayYearSchema, ReplaceHolidayYearBodySchema } from './schemas/holidayCalendar'
import { EventDetailSchema, EventListQuerySchema, EventListSchema, StaffEventSchema } from './schemas/event'
import { OverviewSchema } from './schemas/overview'
import { SearchQuerySchema, SearchResultSchema } from './schemas/search'
import {
  ConsultationStatisticsSchema,
  PublicStatisticsQuerySchema,
  StaffStatisticsQuerySchema,
  StaffStatisticsSchema,
  StatisticsExportQuerySchema,
  StatisticsSchema,
} from './schemas/statistics'
import {
  OpenConsultationFeedSchema,
  OpenDataCatalogSchema,
  OpenDataCsvQuerySchema,
  OpenDataQuerySchema,
  OpenEventFeedSchema,
  OpenGroupFeedSchema,
  OpenOpinionFeedSchema,
  OpenQaFeedSchema,
} from './schemas/openData'
import {
  AuditListQuerySchema,
  AuditListSchema,
  BindWechatBodySchema,
  ChangePasswordBodySchema,
  CreateDepartmentBodySchema,
  CreatedStaffSchema,
  CreateStaffBodySchema,
  DemoLoginBodySchema,
  InviteSchema,
  MeSchema,
  MyDataSchema,
  NotificationListQuerySchema,
  NotificationListSchema,
  PhoneBodySchema,
  PrivacyConsentBodySchema,
  SessionSchema,
  StaffLoginBodySchema,
  type StaffRole,
  StaffSchema,
  SubscriptionsBodySchema,
  UpdateStaffBodySchema,
  WechatLoginBodySchema,
} from './schemas/identity'
import {
  CancelEventBodySchema,
  CheckInBodySchema,
  CheckInResultSchema,
  DrawBodySchema,
  DrawPreviewSchema,
  DrawRecordSchema,
  EventDraftBodySchema,
  EventQuotasBodySchema,
  RedrawBodySchema,
  JoinEventBodySchema,
  MyRegistrationSchema,
  RecordEventOpinionBodySchema,
  StaffEventOpinionSchema,
  OutcomeBodySchema,
  ReviewRegistrationBodySchema,
  StaffRegistrationSchema,
} from './schemas/registration'
import {
  CommitQaImportBodySchema,
  ConfirmQaBodySchema,
  CreateQaImportBodySchema,
  QaDraftBodySchema,
  QaExportQuerySchema,
  QaFeedbackBodySchema,
  QaFeedbackResultSchema,
  QaHotQuerySchema,
  QaHotSchema,
  QaImportPartBodySchema,
  QaImportReportSchema,
  QaImportUploadSchema,
  QaItemDetailSchema,
  QaListQuerySchema,
  QaListSchema,
  QaSearchQuerySchema,
  QaSearchResultSchema,
  QaSynonymBodySchema,
  QaSynonymListSchema,
  QaSynonymSchema,
  QaTopicBodySchema,
  QaTopicSchema,
  QaTopicsSchema,
  StaffQaItemSchema,
  StaffQaListQuerySchema,
  StaffQaListSchema,
  WithdrawBodySchema,
} from './schemas/qa'
import {
  AnswerPolicyQuestionBodySchema,
  AskPolicyQuestionBodySchema,
  InterpretationBodySchema,
  InterpretationSchema,
  MyPolicyQuestionListQuerySchema,
  MyPolicyQuestionListSchema,
  MyPolicyQuestionSchema,
  PolicyDetailSchema,
  PolicyDraftBodySchema,
  PolicyListQuerySchema,
  PolicyListSchema,
  PolicyValidityBodySchema,
  PolicyValidityResultSchema,
  PromotePolicyQuestionBodySchema,
  StaffInterpretationSchema,
  StaffPolicyListQuerySchema,
  StaffPolicyListSchema,
  StaffPolicyQuestionListQuerySchema,
  StaffPolicyQuestionListSchema,
  StaffPolicyQuestionSchema,
  StaffPolicySchema,
} from './schemas/policy'

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'

/**
 * Who may call an endpoint. Every endpoint declares it: there is no default.
 * - public: anyone; signedIn: any session; citizen: a citizen's session;
 * - { staff: roles }: a staff session with one of the roles.
 */
export type Access = 'public' | 'signedIn' | 'citizen' | { staff: readonly StaffRole[] }

const ALL_STAFF = { staff: ['EDITOR', 'REVIEWER', 'ADMIN'] } as const
const ADMIN = { staff: ['ADMIN'] } as const
const EDITOR = { staff: ['EDITOR'] } as const
const REVIEWER = { staff: ['REVIEWER'] } as const
const EDITOR_OR_REVIEWER = { staff: ['EDITOR', 'REVIEWER'] } as const
/** Opinion work: reviewers of the department, and administrators (so the first administrator can act before anyone else exists). */
const REVIEWER_OR_ADMIN = { staff: ['REVIEWER', 'ADMIN'] } as const

/** A downloaded file: `{ filename, contentType, content }` on the server side. */
export const FileSchema = z.object({
  filename: z.string(),
  contentType: z.string(),
  content: z.custom<string | Uint8Array<ArrayBufferLike>>((v) => typeof v === 'string' || v instanceof Uint8Array),
})

/** The body of 204 responses. */
export const NoContentSchema = z.null()

export interface Endpoint {
  method: HttpMethod
  /** Koa-style path, `:name` for parameters. */
  path: string
  summary: string
  tag: string
  access: Access
  params?: z.ZodType
  query?: z.ZodType
  body?: z.ZodType
  response: z.ZodType
  /** Success status; 200 unless stated. */
  status?: number
  /** The response is a file (CSV, XLSX) rather than JSON. */
  download?: true
  /**
   * A citizen write that stores personal data: refused with PRIVACY_NOT_ACCEPTED until the citizen
   * accepted the current privacy notice (PRIVACY_NOTICE_VERSION). Checked once, in the BFF's authorize.
   */
  consent?: true
}

/** Every endpoint of the API, once. The BFF routes, the miniapp client and the OpenAPI document read it. */
export const contract = {
  getOverview: {
    method: 'GET', path: '/api/overview', tag: 'overview', access: 'public',
    summary: '服务概况：征集中的草案、近期活动、问答条目数量',
    response: OverviewSchema,
  },
  listDepartments: {
    method: 'GET', path: '/api/departments', tag: 'department', access: 'public',
    summary: '承办单位 / 答复部门列表',
    response: z.array(DepartmentSchema),
  },
  listDecisions: {
    method: 'GET', path: '/api/decisions', tag: 'decision', access: 'public',
    summary: '重大行政决策事项目录',
    query: DecisionListQuerySchema,
    response: z.array(DecisionSummarySchema),
  },
  getDecision: {
    method: 'GET', path: '/api/decisions/:id', tag: 'decision', access: 'public',
    summary: '决策事项详情及各阶段',
    params: IdParamsSchema,
    response: DecisionDetailSchema,
  },
  listConsultations: {
    method: 'GET', path: '/api/consultations', tag: 'consultation', access: 'public',
    summary: '意见征集列表（征集中 / 未开始 / 已结束）',
    query: ConsultationListQuerySchema,
    response: ConsultationListSchema,
  },
  getConsultation: {
    method: 'GET', path: '/api/consultations/:id', tag: 'consultation', access: 'public',
    summary: '草案详情：条款、起草说明、依据与背景',
    params: IdParamsSchema,
    response: ConsultationDetailSchema,
  },
  listEvents: {
    method: 'GET', path: '/api/events', tag: 'event', access: 'public',
    summary: '政府开放日、列席会议、听证座谈活动列表',
    query: EventListQuerySchema,
    response: EventListSchema,
  },
  getEvent: {
    method: 'GET', path: '/api/events/:id', tag: 'event', access: 'public',
    summary: '活动详情',
    params: IdParamsSchema,
    response: EventDetailSchema,
  },
  searchAll: {
    method: 'GET', path: '/api/search', tag: 'search', access: 'public',
    summary: '首页一个搜索框：同时检索意见征集（含草案条款）、政策文件、政策解读、活动与政策问答，按类分组返回，命中处高亮',
    query: SearchQuerySchema,
    response: SearchResultSchema,
  },
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

  listPolicies: {
    method: 'GET', path: '/api/policies', tag: 'policy', access: 'public',
    summary: '政策文件库（标题、文号、效力状态）',
    query: PolicyListQuerySchema, response: PolicyListSchema,
  },
  getPolicy: {
    method: 'GET', path: '/api/policies/:id', tag: 'policy', access: 'public',
    summary: '政策文件全文、附件、解读与相关问答',
    params: IdParamsSchema, response: PolicyDetailSchema,
  },
  getInterpretation: {
    method: 'GET', path: '/api/interpretations/:id', tag: 'policy', access: 'public',
    summary: '政策解读（文字 / 图文 / 问答式）及其所解读的文件',
    params: IdParamsSchema, response: InterpretationSchema,
  },
  askPolicyQuestion: {
    method: 'POST', path: '/api/policy-questions', tag: 'policy-question', access: 'citizen', consent: true,
    summary: '政策咨询：向工作人员提问（内容安全检测；每人每天限量；同一提交编号重试不会重复）',
    body: AskPolicyQuestionBodySchema, response: MyPolicyQuestionSchema, status: 201,
  },
  listMyPolicyQuestions: {
    method: 'GET', path: '/api/me/policy-questions', tag: 'policy-question', access: 'citizen',
    summary: '我的政策咨询：状态、答复期限与答复',
    query: MyPolicyQuestionListQuerySchema, response: MyPolicyQuestionListSchema,
  },

  // —— opinions on drafts (citizens) ——
  submitOpinion: {
    method: 'POST', path: '/api/consultations/:id/opinions', tag: 'opinion', access: 'citizen', consent: true,
    summary: '对草案整体或某一条款提交意见（同一提交编号重试不会重复）',
    params: IdParamsSchema, body: SubmitOpinionBodySchema, response: OpinionReceiptSchema, status: 201,
  },
  getFeedback: {
    method: 'GET', path: '/api/consultations/:id/feedback', tag: 'opinion', access: 'public',
    summary: '意见采纳情况：统计、集中意见及理由、逐条答复（去标识化）',
    params: IdParamsSchema, response: FeedbackSchema,
  },
  listMyOpinions: {
    method: 'GET', path: '/api/me/opinions', tag: 'opinion', access: 'citizen',
    summary: '我的意见：状态与已公开的答复',
    query: NotificationListQuerySchema, response: MyOpinionListSchema,
  },

  // —— consultations (staff) ——
  listStaffConsultations: {
    method: 'GET', path: '/api/staff/consultations', tag: 'staff-consultation', access: ALL_STAFF,
    summary: '全部征集（含未发布）及待审核、待答复数量',
    response: StaffConsultationListSchema,
  },
  getStaffConsultation: {
    method: 'GET', path: '/api/staff/consultations/:id', tag: 'staff-consultation', access: ALL_STAFF,
    summary: '征集详情（含未发布）',
    params: IdParamsSchema, response: ConsultationDetailSchema,
  },
  createDecision: {
    method: 'POST', path: '/api/staff/decisions', tag: 'staff-decision', access: EDITOR,
    summary: '新增决策事项（列入公开的决策事项目录）',
    body: DecisionBodySchema, response: DecisionDetailSchema, status: 201,
  },
  updateDecision: {
    method: 'PUT', path: '/api/staff/decisions/:id', tag: 'staff-decision', access: EDITOR,
    summary: '修改决策事项及其各阶段（阶段整体替换）',
    params: IdParamsSchema, body: DecisionBodySchema, response: DecisionDetailSchema,
  },
  createConsultation: {
    method: 'POST', path: '/api/staff/consultations', tag: 'staff-consultation', access: EDITOR,
    summary: '起草意见征集（发布前不公开）',
    body: ConsultationDraftBodySchema, response: ConsultationDetailSchema, status: 201,
  },
  updateConsultation: {
    method: 'PUT', path: '/api/staff/consultations/:id', tag: 'staff-consultation', access: EDITOR,
    summary: '修改未发布的征集',
    params: IdParamsSchema, body: ConsultationDraftBodySchema, response: ConsultationDetailSchema,
  },
  publishConsultation: {
    method: 'POST', path: '/api/staff/consultations/:id/publish', tag: 'staff-consultation', access: REVIEWER,
    summary: '发布征集（重大决策不足 30 日须已记录理由）',
    params: IdParamsSchema, response: ConsultationDetailSchema,
  },
  reviseDraft: {
    method: 'POST', path: '/api/staff/consultations/:id/revisions', tag: 'staff-consultation', access: EDITOR,
    summary: '发布草案修订版本（原版本保留不变）',
    params: IdParamsSchema, body: RevisionBodySchema, response: ConsultationDetailSchema, status: 201,
  },
  changeWindow: {
    method: 'POST', path: '/api/staff/consultations/:id/window', tag: 'staff-consultation', access: REVIEWER,
    summary: '延长或提前结束征集（理由公开）',
    params: IdParamsSchema, body: WindowChangeBodySchema, response: ConsultationDetailSchema,
  },
  listStaffOpinions: {
    method: 'GET', path: '/api/staff/consultations/:id/opinions', tag: 'staff-opinion', access: REVIEWER_OR_ADMIN,
    summary: '审核与答复队列：原文、个人信息识别建议、答复期限',
    params: IdParamsSchema, query: StaffOpinionListQuerySchema, response: StaffOpinionListSchema,
  },
  recordOfflineOpinion: {
    method: 'POST', path: '/api/staff/consultations/:id/offline-opinions', tag: 'staff-opinion', access: ALL_STAFF,
    summary: '录入线下收到的意见（电话、信函、电子邮件、座谈会、听证会、问卷），随后同样审核、答复并计入采纳情况',
    params: IdParamsSchema, body: OfflineOpinionBodySchema, response: StaffOpinionSchema, status: 201,
  },
  moderateOpinion: {
    method: 'POST', path: '/api/staff/opinions/:id/moderation', tag: 'staff-opinion', access: REVIEWER_OR_ADMIN,
    summary: '审核：确认去标识化后公开，或说明理由不予公开',
    params: IdParamsSchema, body: ModerationBodySchema, response: StaffOpinionSchema,
  },
  answerOpinion: {
    method: 'PUT', path: '/api/staff/opinions/:id/answer', tag: 'staff-opinion', access: REVIEWER_OR_ADMIN,
    summary: '答复意见（部分采纳、不予采纳须说明理由；保留修改历史）',
    params: IdParamsSchema, body: AnswerBodySchema, response: StaffOpinionSchema,
  },
  listOverdueOpinions: {
    method: 'GET', path: '/api/staff/opinions/overdue', tag: 'staff-opinion', access: REVIEWER_OR_ADMIN,
    summary: '超过答复期限（20 个工作日）仍未答复的意见',
    response: z.array(OverdueOpinionSchema),
  },
  suggestGroups: {
    method: 'GET', path: '/api/staff/consultations/:id/group-suggestions', tag: 'staff-opinion', access: REVIEWER_OR_ADMIN,
    summary: '相似意见自动归类建议（供确认或调整）',
    params: IdParamsSchema, response: z.array(GroupSuggestionSchema),
  },
  listGroups: {
    method: 'GET', path: '/api/staff/consultations/:id/groups', tag: 'staff-opinion', access: REVIEWER_OR_ADMIN,
    summary: '集中意见列表',
    params: IdParamsSchema, response: z.array(GroupSchema),
  },
  createGroup: {
    method: 'POST', path: '/api/staff/consultations/:id/groups', tag: 'staff-opinion', access: REVIEWER_OR_ADMIN,
    summary: '归并为一条集中意见',
    params: IdParamsSchema, body: GroupBodySchema, response: GroupSchema, status: 201,
  },
  updateGroup: {
    method: 'PUT', path: '/api/staff/groups/:id', tag: 'staff-opinion', access: REVIEWER_OR_ADMIN,
    summary: '修改集中意见的概括与成员',
    params: IdParamsSchema, body: GroupBodySchema, response: GroupSchema,
  },
  answerGroup: {
    method: 'PUT', path: '/api/staff/groups/:id/answer', tag: 'staff-opinion', access: REVIEWER_OR_ADMIN,
    summary: '答复集中意见（一并答复其中每条意见）',
    params: IdParamsSchema, body: AnswerBodySchema, response: GroupSchema,
  },
  publishFeedback: {
    method: 'POST', path: '/api/staff/consultations/:id/feedback', tag: 'staff-opinion', access: REVIEWER_OR_ADMIN,
    summary: '一次性公开全部答复与采纳情况报告，并通知意见人',
    params: IdParamsSchema, body: PublishFeedbackBodySchema, response: FeedbackSchema,
  },
  exportOpinions: {
    method: 'GET', path: '/api/staff/consultations/:id/export', tag: 'staff-opinion', access: REVIEWER_OR_ADMIN,
    summary: '导出意见与答复（CSV 或 Excel）',
    params: IdParamsSchema, query: ExportQuerySchema, response: FileSchema, download: true,
  },

  // —— open days and meeting attendance ——
  joinEvent: {
    method: 'POST', path: '/api/events/:id/registrations', tag: 'registration', access: 'citizen', consent: true,
    summary: '报名活动（先报先得即时确认；审核、抽签活动待遴选）',
    params: IdParamsSchema, body: JoinEventBodySchema, response: MyRegistrationSchema, status: 201,
  },
  listMyRegistrations: {
    method: 'GET', path: '/api/me/registrations', tag: 'registration', access: 'citizen',
    summary: '我的报名：状态与签到码',
    response: z.array(MyRegistrationSchema),
  },
  cancelRegistration: {
    method: 'POST', path: '/api/me/registrations/:id/cancel', tag: 'registration', access: 'citizen',
    summary: '取消报名（空出的名额依次递补候补）',
    params: IdParamsSchema, response: MyRegistrationSchema,
  },
  getDraw: {
    method: 'GET', path: '/api/events/:id/draw', tag: 'registration', access: 'public',
    summary: '抽签公示：承诺值与揭晓的密钥、候选名单（候选编号）及其散列、配额、结果和历次重抽理由，可自行复核',
    params: IdParamsSchema, response: DrawRecordSchema,
  },
  listStaffEvents: {
    method: 'GET', path: '/api/staff/events', tag: 'staff-event', access: ALL_STAFF,
    summary: '全部活动（含未发布的草稿）',
    response: z.array(StaffEventSchema),
  },
  getStaffEvent: {
    method: 'GET', path: '/api/staff/events/:id', tag: 'staff-event', access: ALL_STAFF,
    summary: '活动详情（含未发布的草稿）',
    params: IdParamsSchema, response: StaffEventSchema,
  },
  createEvent: {
    method: 'POST', path: '/api/staff/events', tag: 'staff-event', access: EDITOR,
    summary: '创建活动（发布前不公开）',
    body: EventDraftBodySchema, response: EventDetailSchema, status: 201,
  },
  publishEvent: {
    method: 'POST', path: '/api/staff/events/:id/publish', tag: 'staff-event', access: REVIEWER,
    summary: '发布活动',
    params: IdParamsSchema, response: EventDetailSchema,
  },
  setEventQuotas: {
    method: 'PUT', path: '/api/staff/events/:id/quotas', tag: 'staff-event', access: EDITOR,
    summary: '设置公开抽签的分层配额（报名开始前且无人报名时；此后公开且不能更改）',
    params: IdParamsSchema, body: EventQuotasBodySchema, response: EventDetailSchema,
  },
  cancelEvent: {
    method: 'POST', path: '/api/staff/events/:id/cancel', tag: 'staff-event', access: REVIEWER,
    summary: '取消活动并通知报名人',
    params: IdParamsSchema, body: CancelEventBodySchema, response: EventDetailSchema,
  },
  listRegistrations: {
    method: 'GET', path: '/api/staff/events/:id/registrations', tag: 'staff-event', access: REVIEWER,
    summary: '报名名单（含联系方式，仅限审核人员）',
    params: IdParamsSchema, response: z.array(StaffRegistrationSchema),
  },
  reviewRegistration: {
    method: 'POST', path: '/api/staff/registrations/:id/review', tag: 'staff-event', access: REVIEWER,
    summary: '审核遴选：入选，或说明理由不予入选',
    params: IdParamsSchema, body: ReviewRegistrationBodySchema, response: StaffRegistrationSchema,
  },
  drawLottery: {
    method: 'POST', path: '/api/staff/events/:id/draw', tag: 'staff-event', access: REVIEWER,
    summary: '公开抽签（确认预览中的候选名单散列后进行；只用活动事先公布的分层配额；结果与全部输入公开）',
    params: IdParamsSchema, body: DrawBodySchema, response: DrawRecordSchema,
  },
  drawPreview: {
    method: 'GET', path: '/api/staff/events/:id/draw-preview', tag: 'staff-event', access: REVIEWER,
    summary: '抽签前确认：候选人数、名额、事先公布的分层配额、各属性人数、承诺值与候选名单散列',
    params: IdParamsSchema, response: DrawPreviewSchema,
  },
  redrawLottery: {
    method: 'POST', path: '/api/staff/events/:id/redraw', tag: 'staff-event', access: REVIEWER,
    summary: '重新抽签（须说明理由；理由与此前各轮结果一并公开）',
    params: IdParamsSchema, body: RedrawBodySchema, response: DrawRecordSchema,
  },
  checkIn: {
    method: 'POST', path: '/api/staff/events/:id/check-ins', tag: 'staff-event', access: ALL_STAFF,
    summary: '扫码或输入签到码签到（每个签到码仅可使用一次）',
    params: IdParamsSchema, body: CheckInBodySchema, response: CheckInResultSchema,
  },
  recordOutcome: {
    method: 'PUT', path: '/api/staff/events/:id/outcome', tag: 'staff-event', access: REVIEWER,
    summary: '公开会议结果并通知参加人员',
    params: IdParamsSchema, body: OutcomeBodySchema, response: EventDetailSchema,
  },
  recordEventOpinion: {
    method: 'POST', path: '/api/staff/events/:id/opinions', tag: 'staff-event', access: REVIEWER,
    summary: '记录参加人员在活动中提出的意见（确认去标识化后随会议结果公开）',
    params: IdParamsSchema, body: RecordEventOpinionBodySchema, response: StaffEventOpinionSchema, status: 201,
  },
  listEventOpinions: {
    method: 'GET', path: '/api/staff/events/:id/opinions', tag: 'staff-event', access: REVIEWER,
    summary: '活动中收集的意见及答复',
    params: IdParamsSchema, response: z.array(StaffEventOpinionSchema),
  },
  answerEventOpinion: {
    method: 'PUT', path: '/api/staff/event-opinions/:id/answer', tag: 'staff-event', access: REVIEWER,
    summary: '答复活动中的意见（部分采纳、不予采纳须说明理由）',
    params: IdParamsSchema, body: AnswerBodySchema, response: StaffEventOpinionSchema,
  },
  exportRegistrations: {
    method: 'GET', path: '/api/staff/events/:id/export', tag: 'staff-event', access: REVIEWER,
    summary: '导出报名名单（CSV 或 Excel）',
    params: IdParamsSchema, query: ExportQuerySchema, response: FileSchema, download: true,
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
  listStaffPolicies: {
    method: 'GET', path: '/api/staff/policies', tag: 'staff-policy', access: ALL_STAFF,
    summary: '政策文件（含草稿）',
    query: StaffPolicyListQuerySchema, response: StaffPolicyListSchema,
  },
  getStaffPolicy: {
    method: 'GET', path: '/api/staff/policies/:id', tag: 'staff-policy', access: ALL_STAFF,
    summary: '政策文件（含草稿与未发布的解读）',
    params: IdParamsSchema, response: StaffPolicySchema,
  },
  createPolicy: {
    method: 'POST', path: '/api/staff/policies', tag: 'staff-policy', access: EDITOR,
    summary: '录入政策文件（全文按条款、附件链接；发布前不公开）',
    body: PolicyDraftBodySchema, response: StaffPolicySchema, status: 201,
  },
  updatePolicy: {
    method: 'PUT', path: '/api/staff/policies/:id', tag: 'staff-policy', access: EDITOR,
    summary: '修改未发布的政策文件',
    params: IdParamsSchema, body: PolicyDraftBodySchema, response: StaffPolicySchema,
  },
  publishPolicy: {
    method: 'POST', path: '/api/staff/policies/:id/publish', tag: 'staff-policy', access: REVIEWER,
    summary: '发布政策文件',
    params: IdParamsSchema, response: StaffPolicySchema,
  },
  changePolicyValidity: {
    method: 'POST', path: '/api/staff/policies/:id/validity', tag: 'staff-policy', access: REVIEWER,
    summary: '变更效力状态（修改 / 废止 / 失效，含日期与替代文件）；依据它的问答条目标记为待复核',
    params: IdParamsSchema, body: PolicyValidityBodySchema, response: PolicyValidityResultSchema,
  },
  createInterpretation: {
    method: 'POST', path: '/api/staff/policies/:id/interpretations', tag: 'staff-policy', access: EDITOR,
    summary: '起草政策解读（文字 / 图文 / 问答式）',
    params: IdParamsSchema, body: InterpretationBodySchema, response: StaffInterpretationSchema, status: 201,
  },
  updateInterpretation: {
    method: 'PUT', path: '/api/staff/interpretations/:id', tag: 'staff-policy', access: EDITOR,
    summary: '修改未发布的政策解读',
    params: IdParamsSchema, body: InterpretationBodySchema, response: StaffInterpretationSchema,
  },
  publishInterpretation: {
    method: 'POST', path: '/api/staff/interpretations/:id/publish', tag: 'staff-policy', access: REVIEWER,
    summary: '发布政策解读（所解读的文件须已发布）',
    params: IdParamsSchema, response: StaffInterpretationSchema,
  },
  listStaffPolicyQuestions: {
    method: 'GET', path: '/api/staff/policy-questions', tag: 'staff-policy-question', access: REVIEWER,
    summary: '政策咨询队列：原文、内容安全检测结果、答复期限（工作日）',
    query: StaffPolicyQuestionListQuerySchema, response: StaffPolicyQuestionListSchema,
  },
  answerPolicyQuestion: {
    method: 'POST', path: '/api/staff/policy-questions/:id/answer', tag: 'staff-policy-question', access: REVIEWER,
    summary: '答复政策咨询（或说明理由不予答复），并通知提问人',
    params: IdParamsSchema, body: AnswerPolicyQuestionBodySchema, response: StaffPolicyQuestionSchema,
  },
  promotePolicyQuestion: {
    method: 'POST', path: '/api/staff/policy-questions/:id/promote', tag: 'staff-policy-question', access: REVIEWER,
    summary: '一键将好的答复收入问答库（直接发布）',
    params: IdParamsSchema, body: PromotePolicyQuestionBodySchema, response: StaffQaItemSchema, status: 201,
  },

  // —— statistics and open data ——
  getPublicStatistics: {
    method: 'GET', path: '/api/statistics', tag: 'statistics', access: 'public',
    summary: '公开统计（按年度）：已公布采纳情况的征集的收到、有效、采纳等数字及口径说明，各部门活动与列席次数，问答有帮助率',
    query: PublicStatisticsQuerySchema, response: StatisticsSchema,
  },
  getConsultationStatistics: {
    method: 'GET', path: '/api/statistics/consultations/:id', tag: 'statistics', access: 'public',
    summary: '某一征集的公开统计（采纳情况公布后）：各项数字、渠道分布、答复用时分布及口径说明',
    params: IdParamsSchema, response: ConsultationStatisticsSchema,
  },
  getStaffStatistics: {
    method: 'GET', path: '/api/staff/statistics', tag: 'staff-statistics', access: ALL_STAFF,
    summary: '统计（按年度，本人所属部门；管理员全部）：按征集、部门、月份、渠道，答复用时，超期，活动与列席，问答',
    query: StaffStatisticsQuerySchema, response: StaffStatisticsSchema,
  },
  exportStatistics: {
    method: 'GET', path: '/api/staff/statistics/export', tag: 'staff-statistics', access: ALL_STAFF,
    summary: '导出统计：Excel 一个工作簿（年度报告、部门统计、征集统计、活动与列席、政策问答、口径说明），或其中一张表的 CSV',
    query: StatisticsExportQuerySchema, response: FileSchema, download: true,
  },
  getOpenDataCatalog: {
    method: 'GET', path: '/api/open-data', tag: 'open-data', access: 'public',
    summary: '开放数据目录：各数据集的说明、地址、条数与最近更新时间（可按 ETag 缓存）',
    response: OpenDataCatalogSchema,
  },
  listOpenConsultations: {
    method: 'GET', path: '/api/open-data/consultations', tag: 'open-data', access: 'public',
    summary: '开放数据：已发布的意见征集及公布后的采纳统计（按 id 升序分页，updatedSince 增量同步）',
    query: OpenDataQuerySchema, response: OpenConsultationFeedSchema,
  },
  listOpenOpinions: {
    method: 'GET', path: '/api/open-data/opinions', tag: 'open-data', access: 'public',
    summary: '开放数据：已公布采纳情况的意见（去标识化文本，不含署名与联系方式）及答复',
    query: OpenDataQuerySchema, response: OpenOpinionFeedSchema,
  },
  listOpenGroups: {
    method: 'GET', path: '/api/open-data/groups', tag: 'open-data', access: 'public',
    summary: '开放数据：已公布的集中意见及答复',
    query: OpenDataQuerySchema, response: OpenGroupFeedSchema,
  },
  listOpenEvents: {
    method: 'GET', path: '/api/open-data/events', tag: 'open-data', access: 'public',
    summary: '开放数据：已发布的活动及会议结果（参加人员意见去标识化）',
    query: OpenDataQuerySchema, response: OpenEventFeedSchema,
  },
  listOpenQaItems: {
    method: 'GET', path: '/api/open-data/qa', tag: 'open-data', access: 'public',
    summary: '开放数据：已发布的政策问答库（可供 12345 热线知识库同步）',
    query: OpenDataQuerySchema, response: OpenQaFeedSchema,
  },
  exportOpenConsultations: {
    method: 'GET', path: '/api/open-data/consultations.csv', tag: 'open-data', access: 'public',
    summary: '开放数据 CSV：意见征集',
    query: OpenDataCsvQuerySchema, response: FileSchema, download: true,
  },
  exportOpenOpinions: {
    method: 'GET', path: '/api/open-data/opinions.csv', tag: 'open-data', access: 'public',
    summary: '开放数据 CSV：意见及答复（去标识化）',
    query: OpenDataCsvQuerySchema, response: FileSchema, download: true,
  },
  exportOpenGroups: {
    method: 'GET', path: '/api/open-data/groups.csv', tag: 'open-data', access: 'public',
    summary: '开放数据 CSV：集中意见及答复',
    query: OpenDataCsvQuerySchema, response: FileSchema, download: true,
  },
  exportOpenEvents: {
    method: 'GET', path: '/api/open-data/events.csv', tag: 'open-data', access: 'public',
    summary: '开放数据 CSV：活动及会议结果',
    query: OpenDataCsvQuerySchema, response: FileSchema, download: true,
  },
  exportOpenQaItems: {
    method: 'GET', path: '/api/open-data/qa.csv', tag: 'open-data', access: 'public',
    summary: '开放数据 CSV：政策问答库',
    query: OpenDataCsvQuerySchema, response: FileSchema, download: true,
  },

  // —— identity ——
  loginWithWechat: {
    method: 'POST', path: '/api/auth/wechat', tag: 'auth', access: 'public',
    summary: '小程序登录：wx.login 的 code 换取会话',
    body: WechatLoginBodySchema, response: SessionSchema,
  },
  loginDemo: {
    method: 'POST', path: '/api/auth/demo', tag: 'auth', access: 'public',
    summary: 'H5 演示登录（仅在配置 DEMO_LOGIN=true 时可用）',
    body: DemoLoginBodySchema, response: SessionSchema,
  },
  loginStaff: {
    method: 'POST', path: '/api/auth/staff', tag: 'auth', access: 'public',
    summary: '工作人员用户名密码登录（同一地址连续失败将暂停该用户名的登录）',
    body: StaffLoginBodySchema, response: SessionSchema,
  },
  loginStaffWithWechat: {
    method: 'POST', path: '/api/auth/staff/wechat', tag: 'auth', access: 'public',
    summary: '已绑定微信的工作人员在小程序中登录',
    body: WechatLoginBodySchema, response: SessionSchema,
  },
  logout: {
    method: 'POST', path: '/api/auth/logout', tag: 'auth', access: 'signedIn',
    summary: '退出登录（吊销当前会话）',
    response: NoContentSchema, status: 204,
  },
  changePassword: {
    method: 'PUT', path: '/api/auth/password', tag: 'auth', access: ALL_STAFF,
    summary: '工作人员修改密码（首次登录必须修改）',
    body: ChangePasswordBodySchema, response: NoContentSchema, status: 204,
  },
  getMe: {
    method: 'GET', path: '/api/me', tag: 'me', access: 'signedIn',
    summary: '当前登录身份',
    response: MeSchema,
  },
  acceptPrivacy: {
    method: 'POST', path: '/api/me/privacy', tag: 'me', access: 'citizen',
    summary: '同意隐私说明（首次收集个人信息前）',
    body: PrivacyConsentBodySchema, response: MeSchema,
  },
  bindPhone: {
    method: 'POST', path: '/api/me/phone', tag: 'me', access: 'citizen', consent: true,
    summary: '用手机号快速验证组件的 code 绑定联系电话（不公开）',
    body: PhoneBodySchema, response: MeSchema,
  },
  listMyNotifications: {
    method: 'GET', path: '/api/me/notifications', tag: 'me', access: 'citizen',
    summary: '我的消息',
    query: NotificationListQuerySchema, response: NotificationListSchema,
  },
  readNotification: {
    method: 'POST', path: '/api/me/notifications/:id/read', tag: 'me', access: 'citizen',
    summary: '标记消息已读',
    params: IdParamsSchema, response: NoContentSchema, status: 204,
  },
  recordSubscriptions: {
    method: 'POST', path: '/api/me/subscriptions', tag: 'me', access: 'citizen',
    summary: '记录用户在订阅消息弹窗中同意的消息类型（每次同意可发送一条）',
    body: SubscriptionsBodySchema, response: NoContentSchema, status: 204,
  },
  exportMyData: {
    method: 'GET', path: '/api/me/data', tag: 'me', access: 'citizen',
    summary: '查看本人个人信息',
    response: MyDataSchema,
  },
  deleteMyData: {
    method: 'DELETE', path: '/api/me', tag: 'me', access: 'citizen',
    summary: '删除本人个人信息（已公开的意见仅以去标识化形式保留）',
    response: NoContentSchema, status: 204,
  },
  bindStaffWechat: {
    method: 'POST', path: '/api/staff/wechat-binding', tag: 'staff', access: 'public',
    summary: '工作人员凭一次性邀请码绑定微信身份',
    body: BindWechatBodySchema, response: NoContentSchema, status: 204,
  },
  listStaff: {
    method: 'GET', path: '/api/admin/staff', tag: 'admin', access: ADMIN,
    summary: '工作人员列表',
    response: z.array(StaffSchema),
  },
  createStaff: {
    method: 'POST', path: '/api/admin/staff', tag: 'admin', access: ADMIN,
    summary: '新增工作人员（返回一次性初始密码）',
    body: CreateStaffBodySchema, response: CreatedStaffSchema, status: 201,
  },
  updateStaff: {
    method: 'PATCH', path: '/api/admin/staff/:id', tag: 'admin', access: ADMIN,
    summary: '修改角色、部门，停用或解锁账号（停用即结束其全部会话）',
    params: IdParamsSchema, body: UpdateStaffBodySchema, response: StaffSchema,
  },
  resetStaffPassword: {
    method: 'POST', path: '/api/admin/staff/:id/password-reset', tag: 'admin', access: ADMIN,
    summary: '重置工作人员密码（返回一次性密码，本人下次登录须修改；结束其全部会话）',
    params: IdParamsSchema, response: CreatedStaffSchema,
  },
  inviteStaff: {
    method: 'POST', path: '/api/admin/staff/:id/invite', tag: 'admin', access: ADMIN,
    summary: '生成绑定微信的一次性邀请码',
    params: IdParamsSchema, response: InviteSchema, status: 201,
  },
  createDepartment: {
    method: 'POST', path: '/api/admin/departments', tag: 'admin', access: ADMIN,
    summary: '新增部门（承办单位 / 答复部门）',
    body: CreateDepartmentBodySchema, response: DepartmentSchema, status: 201,
  },
  listAudit: {
    method: 'GET', path: '/api/admin/audit', tag: 'admin', access: ADMIN,
    summary: '审计日志：工作人员的每一次写操作',
    query: AuditListQuerySchema, response: AuditListSchema,
  },
  getHolidayCalendar: {
    method: 'GET', path: '/api/admin/holiday-calendar', tag: 'admin', access: ADMIN,
    summary: '放假安排：内置数据包覆盖的年度与管理员录入的年度',
    response: HolidayCalendarSchema,
  },
  getHolidayYear: {
    method: 'GET', path: '/api/admin/holiday-calendar/:year', tag: 'admin', access: ADMIN,
    summary: '某一年度的放假安排（放假日与调休上班日）及其来源',
    params: HolidayYearParamsSchema, response: HolidayYearSchema,
  },
  replaceHolidayYear: {
    method: 'PUT', path: '/api/admin/holiday-calendar/:year', tag: 'admin', access: ADMIN,
    summary: '录入或替换某一年度的放假安排（按国务院办公厅通知；清空则恢复内置数据或按周末估算）',
    params: HolidayYearParamsSchema, body: ReplaceHolidayYearBodySchema, response: HolidayYearSchema,
  },
} as const satisfies Record<string, Endpoint>

export type Contract = typeof contract
export type EndpointName = keyof Contract

type Infer<T> = T extends z.ZodType ? z.infer<T> : never
type Input<T> = T extends z.ZodType ? z.input<T> : never

/** What a caller passes: only the parts the endpoint declares. */
export type RequestOf<N extends EndpointName> = (Contract[N] extends { params: z.ZodType } ? { params: Input<Contract[N]['params']> } : unknown) &
  (Contract[N] extends { query: z.ZodType } ? { query?: Input<Contract[N]['query']> } : unknown) &
  (Contract[N] extends { body: z.ZodType } ? { body: Input<Contract[N]['body']> } : unknown)

export type ResponseOf<N extends EndpointName> = Infer<Contract[N]['response']>

/** What the server sees after parsing (defaults applied, strings coerced). */
export type ParamsOf<N extends EndpointName> = Contract[N] extends { params: infer P } ? Infer<P> : undefined
export type QueryOf<N extends EndpointName> = Contract[N] extends { query: infer Q } ? Infer<Q> : undefined
export type BodyOf<N extends EndpointName> = Contract[N] extends { body: infer B } ? Infer<B> : undefined

/** Fill `:name` segments of a contract path. */
export function buildPath(path: string, params: Record<string, string | number> = {}): string {
  return path.replace(/:([A-Za-z_]\w*)/g, (_, name: string) => {
    const value = params[name]
    if (value === undefined) throw new Error(`缺少路径参数 ${name}`)
    return encodeURIComponent(String(value))
  })
}
