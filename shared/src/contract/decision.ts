// The catalogue of major decisions (重大行政决策目录) and its stages.
import { z } from 'zod'
import { ALL_STAFF, EDITOR, REVIEWER, type Endpoint } from './endpoint'
import { IdParamsSchema } from '../schemas/common'
import {
  DecisionBodySchema,
  DecisionDetailSchema,
  DecisionListQuerySchema,
  DecisionSummarySchema,
  StaffDecisionDetailSchema,
  StaffDecisionSummarySchema,
} from '../schemas/decision'

export const decisionEndpoints = {
  listDecisions: {
    method: 'GET',
    path: '/api/decisions',
    tag: 'decision',
    access: 'public',
    summary: '重大行政决策事项目录（仅已发布的事项）',
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
  listStaffDecisions: {
    method: 'GET',
    path: '/api/staff/decisions',
    tag: 'staff-decision',
    access: ALL_STAFF,
    summary: '决策事项目录（工作人员）：含未发布的草稿',
    query: DecisionListQuerySchema,
    response: z.array(StaffDecisionSummarySchema),
  },
  getStaffDecision: {
    method: 'GET',
    path: '/api/staff/decisions/:id',
    tag: 'staff-decision',
    access: ALL_STAFF,
    summary: '决策事项详情（工作人员，草稿也可查看）',
    params: IdParamsSchema,
    response: StaffDecisionDetailSchema,
  },
  createDecision: {
    method: 'POST',
    path: '/api/staff/decisions',
    tag: 'staff-decision',
    access: EDITOR,
    summary: '新增决策事项（草稿：发布前不公开）',
    body: DecisionBodySchema,
    response: StaffDecisionDetailSchema,
    status: 201,
  },
  publishDecision: {
    method: 'POST',
    path: '/api/staff/decisions/:id/publish',
    tag: 'staff-decision',
    access: REVIEWER,
    summary: '发布决策事项（列入公开的决策事项目录；本部门审核人员）',
    params: IdParamsSchema,
    response: StaffDecisionDetailSchema,
  },
  updateDecision: {
    method: 'PUT',
    path: '/api/staff/decisions/:id',
    tag: 'staff-decision',
    access: EDITOR,
    summary: '修改决策事项及其各阶段（阶段整体替换）',
    params: IdParamsSchema,
    body: DecisionBodySchema,
    response: StaffDecisionDetailSchema,
  },
} as const satisfies Record<string, Endpoint>
