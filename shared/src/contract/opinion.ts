// Opinions on drafts: citizens submit and read replies; staff moderate, answer, group, record offline opinions, export and publish the adoption report.
import { z } from 'zod'
import { ALL_STAFF, REVIEWER_OR_ADMIN, FileSchema, type Endpoint } from './endpoint'
import { IdParamsSchema } from '../schemas/common'
import { NotificationListQuerySchema } from '../schemas/identity'
import { AnswerBodySchema, ExportQuerySchema, FeedbackSchema, GroupBodySchema, GroupSchema, GroupSuggestionSchema, ModerationBodySchema, MyOpinionListSchema, OfflineOpinionBodySchema, OpinionReceiptSchema, OverdueOpinionSchema, PublishFeedbackBodySchema, StaffOpinionListQuerySchema, StaffOpinionListSchema, StaffOpinionSchema, SubmitOpinionBodySchema } from '../schemas/opinion'

export const opinionEndpoints = {
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
} as const satisfies Record<string, Endpoint>
