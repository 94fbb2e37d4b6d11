// Policy documents, interpretations and questions citizens ask about them.
import { ALL_STAFF, EDITOR, REVIEWER, type Endpoint } from './endpoint'
import { IdParamsSchema } from '../schemas/common'
import { AnswerPolicyQuestionBodySchema, AskPolicyQuestionBodySchema, InterpretationBodySchema, InterpretationSchema, MyPolicyQuestionListQuerySchema, MyPolicyQuestionListSchema, MyPolicyQuestionSchema, PolicyDetailSchema, PolicyDraftBodySchema, PolicyListQuerySchema, PolicyListSchema, PolicyValidityBodySchema, PolicyValidityResultSchema, PromotePolicyQuestionBodySchema, StaffInterpretationSchema, StaffPolicyListQuerySchema, StaffPolicyListSchema, StaffPolicyQuestionListQuerySchema, StaffPolicyQuestionListSchema, StaffPolicyQuestionSchema, StaffPolicySchema } from '../schemas/policy'
import { StaffQaItemSchema } from '../schemas/qa'

export const policyEndpoints = {
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
} as const satisfies Record<string, Endpoint>
