// Answer templates (答复模板): a department's reusable answer texts, kept by its reviewers and by administrators.
import { z } from 'zod'
import { NoContentSchema, REVIEWER_OR_ADMIN, type Endpoint } from './endpoint'
import { IdParamsSchema } from '../schemas/common'
import { AnswerTemplateBodySchema, AnswerTemplateListQuerySchema, AnswerTemplateSchema } from '../schemas/answerTemplate'

export const answerTemplateEndpoints = {
  listAnswerTemplates: {
    method: 'GET',
    path: '/api/staff/answer-templates',
    tag: 'staff-opinion',
    access: REVIEWER_OR_ADMIN,
    summary: '答复模板：本人所属部门的模板（管理员：全部部门），可按部门筛选',
    query: AnswerTemplateListQuerySchema,
    response: z.array(AnswerTemplateSchema),
  },
  createAnswerTemplate: {
    method: 'POST',
    path: '/api/staff/answer-templates',
    tag: 'staff-opinion',
    access: REVIEWER_OR_ADMIN,
    summary: '新增答复模板（可用占位符 {{称呼}}、{{征集名称}}、{{收到日期}} 等；部门内名称唯一）',
    body: AnswerTemplateBodySchema,
    response: AnswerTemplateSchema,
    status: 201,
  },
  updateAnswerTemplate: {
    method: 'PUT',
    path: '/api/staff/answer-templates/:id',
    tag: 'staff-opinion',
    access: REVIEWER_OR_ADMIN,
    summary: '修改答复模板（已保存的答复不受影响）',
    params: IdParamsSchema,
    body: AnswerTemplateBodySchema,
    response: AnswerTemplateSchema,
  },
  deleteAnswerTemplate: {
    method: 'DELETE',
    path: '/api/staff/answer-templates/:id',
    tag: 'staff-opinion',
    access: REVIEWER_OR_ADMIN,
    summary: '删除答复模板（已保存的答复不受影响）',
    params: IdParamsSchema,
    response: NoContentSchema,
    status: 204,
  },
} as const satisfies Record<string, Endpoint>
