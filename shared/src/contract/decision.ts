// The catalogue of major decisions (重大行政决策目录) and its stages.
import { z } from 'zod'
import { EDITOR, type Endpoint } from './endpoint'
import { IdParamsSchema } from '../schemas/common'
import { DecisionBodySchema, DecisionDetailSchema, DecisionListQuerySchema, DecisionSummarySchema } from '../schemas/decision'

export const decisionEndpoints = {
  listDecisions: {
    method: 'GET',
    path: '/api/decisions',
    tag: 'decision',
    access: 'public',
    summary: '重大行政决策事项目录',
    query: DecisionListQuerySchema,
    response: z.array(DecisionSummarySchema),
  },
  getDecision: {
    method: 'GET',
    path: '/api/decisions/:id',
    tag: 'decision',
    access: 'public',
    summary: '决策事项详情及各阶段',
    params: IdParamsSchema,
    response: DecisionDetailSchema,
  },
  createDecision: {
    method: 'POST',
    path: '/api/staff/decisions',
    tag: 'staff-decision',
    access: EDITOR,
    summary: '新增决策事项（列入公开的决策事项目录）',
    body: DecisionBodySchema,
    response: DecisionDetailSchema,
    status: 201,
  },
  updateDecision: {
    method: 'PUT',
    path: '/api/staff/decisions/:id',
    tag: 'staff-decision',
    access: EDITOR,
    summary: '修改决策事项及其各阶段（阶段整体替换）',
    params: IdParamsSchema,
    body: DecisionBodySchema,
    response: DecisionDetailSchema,
  },
} as const satisfies Record<string, Endpoint>
