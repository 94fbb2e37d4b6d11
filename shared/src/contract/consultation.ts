// Draft major decisions published for comment (意见征集): the public reads and the staff drafting, publishing, revising and window changes.
import { ALL_STAFF, EDITOR, REVIEWER, type Endpoint } from './endpoint'
import { IdParamsSchema } from '../schemas/common'
import { ConsultationDetailSchema, ConsultationListQuerySchema, ConsultationListSchema } from '../schemas/consultation'
import { ConsultationDraftBodySchema, RevisionBodySchema, StaffConsultationListSchema, WindowChangeBodySchema } from '../schemas/opinion'

export const consultationEndpoints = {
  listConsultations: {
    method: 'GET',
    path: '/api/consultations',
    tag: 'consultation',
    access: 'public',
    summary: '意见征集列表（征集中 / 未开始 / 已结束）',
    query: ConsultationListQuerySchema,
    response: ConsultationListSchema,
  },
  getConsultation: {
    method: 'GET',
    path: '/api/consultations/:id',
    tag: 'consultation',
    access: 'public',
    summary: '草案详情：条款、起草说明、依据与背景',
    params: IdParamsSchema,
    response: ConsultationDetailSchema,
  },
  // —— consultations (staff) ——
  listStaffConsultations: {
    method: 'GET',
    path: '/api/staff/consultations',
    tag: 'staff-consultation',
    access: ALL_STAFF,
    summary: '全部征集（含未发布）及待审核、待答复数量',
    response: StaffConsultationListSchema,
  },
  getStaffConsultation: {
    method: 'GET',
    path: '/api/staff/consultations/:id',
    tag: 'staff-consultation',
    access: ALL_STAFF,
    summary: '征集详情（含未发布）',
    params: IdParamsSchema,
    response: ConsultationDetailSchema,
  },
  createConsultation: {
    method: 'POST',
    path: '/api/staff/consultations',
    tag: 'staff-consultation',
    access: EDITOR,
    summary: '起草意见征集（发布前不公开）',
    body: ConsultationDraftBodySchema,
    response: ConsultationDetailSchema,
    status: 201,
  },
  updateConsultation: {
    method: 'PUT',
    path: '/api/staff/consultations/:id',
    tag: 'staff-consultation',
    access: EDITOR,
    summary: '修改未发布的征集',
    params: IdParamsSchema,
    body: ConsultationDraftBodySchema,
    response: ConsultationDetailSchema,
  },
  publishConsultation: {
    method: 'POST',
    path: '/api/staff/consultations/:id/publish',
    tag: 'staff-consultation',
    access: REVIEWER,
    summary: '发布征集（重大决策不足 30 日须已记录理由）',
    params: IdParamsSchema,
    response: ConsultationDetailSchema,
  },
  reviseDraft: {
    method: 'POST',
    path: '/api/staff/consultations/:id/revisions',
    tag: 'staff-consultation',
    access: EDITOR,
    summary: '发布草案修订版本（原版本保留不变）',
    params: IdParamsSchema,
    body: RevisionBodySchema,
    response: ConsultationDetailSchema,
    status: 201,
  },
  changeWindow: {
    method: 'POST',
    path: '/api/staff/consultations/:id/window',
    tag: 'staff-consultation',
    access: REVIEWER,
    summary: '延长或提前结束征集（理由公开）',
    params: IdParamsSchema,
    body: WindowChangeBodySchema,
    response: ConsultationDetailSchema,
  },
} as const satisfies Record<string, Endpoint>
