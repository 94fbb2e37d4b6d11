// Open days and meetings (政府开放日、列席): public reads and staff creation, quotas, review, lottery, check-in and outcomes.
import { z } from 'zod'
import { ALL_STAFF, EDITOR, REVIEWER, FileSchema, type Endpoint } from './endpoint'
import { IdParamsSchema } from '../schemas/common'
import { EventDetailSchema, EventListQuerySchema, EventListSchema, StaffEventSchema } from '../schemas/event'
import { AnswerBodySchema, ExportQuerySchema } from '../schemas/opinion'
import { CancelEventBodySchema, CheckInBodySchema, CheckInResultSchema, DrawBodySchema, DrawPreviewSchema, DrawRecordSchema, EventDraftBodySchema, EventQuotasBodySchema, OutcomeBodySchema, RecordEventOpinionBodySchema, RedrawBodySchema, ReviewRegistrationBodySchema, StaffEventOpinionSchema, StaffRegistrationSchema } from '../schemas/registration'

export const eventEndpoints = {
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
} as const satisfies Record<string, Endpoint>
