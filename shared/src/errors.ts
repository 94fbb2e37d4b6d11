// The one error table both sides read: each stable code with its HTTP status and Chinese message, and the shape of an error answer.
import { z } from 'zod'

/**
 * Stable error codes for programs, each with the Chinese message users see and the HTTP status
 * the BFF answers with. One table: the BFF's error middleware and the miniapp's ApiError read it.
 */
export const errorTable = {
  VALIDATION_FAILED: { status: 400, message: '提交的内容有误，请检查后重试' },
  INVALID_JSON: { status: 400, message: '请求内容不是有效的 JSON' },
  UNAUTHORIZED: { status: 401, message: '请先登录' },
  SESSION_EXPIRED: { status: 401, message: '登录已过期，请重新登录' },
  LOGIN_FAILED: { status: 401, message: '用户名或密码错误' },
  FORBIDDEN: { status: 403, message: '没有权限执行此操作' },
  /** A staff member reached an item of a department they do not belong to (admins reach all). */
  FORBIDDEN_DEPARTMENT: { status: 403, message: '该事项属于其他部门，您没有查看或处理的权限' },
  PASSWORD_CHANGE_REQUIRED: { status: 403, message: '首次登录请先修改密码' },
  /** A citizen write that stores personal data before the current privacy notice was accepted (details.requiredVersion). */
  PRIVACY_NOT_ACCEPTED: { status: 403, message: '请先阅读并同意个人信息保护说明' },
  DEMO_LOGIN_DISABLED: { status: 403, message: '演示登录未开启' },
  ACCOUNT_DISABLED: { status: 403, message: '账号已停用，请联系管理员' },
  WECHAT_CODE_INVALID: { status: 400, message: '微信登录凭证无效或已使用，请重新进入小程序' },
  INVITE_INVALID: { status: 400, message: '邀请码无效或已过期' },
  WRONG_PASSWORD: { status: 400, message: '当前密码不正确' },
  NOT_FOUND: { status: 404, message: '内容不存在或已下线' },
  FEEDBACK_NOT_PUBLISHED: { status: 404, message: '意见采纳情况尚未公开' },
  ROUTE_NOT_FOUND: { status: 404, message: '接口不存在' },
  METHOD_NOT_ALLOWED: { status: 405, message: '不支持该请求方式' },
  /** A unique index refused a row no repository gave a specific code for. */
  ALREADY_EXISTS: { status: 409, message: '已存在同名记录' },
  USERNAME_TAKEN: { status: 409, message: '该用户名已被使用' },
  DEPARTMENT_EXISTS: { status: 409, message: '已有同名部门' },
  QA_TOPIC_EXISTS: { status: 409, message: '已有同名问答主题' },
  ANSWER_TEMPLATE_EXISTS: { status: 409, message: '本部门已有同名答复模板' },
  ALREADY_PUBLISHED: { status: 409, message: '已发布，不能重复发布' },
  NOT_PUBLISHED_YET: { status: 409, message: '尚未发布，请直接修改' },
  OPINION_NOT_MODERATED: { status: 409, message: '请先审核这条意见，再作答复' },
  /** The opinion was moderated since the form was opened (`from` in the moderation body). */
  OPINION_MODERATION_CHANGED: { status: 409, message: '这条意见已由其他工作人员审核，请刷新后再看' },
  ALREADY_PROMOTED: { status: 409, message: '该答复已收入问答库' },
  CANCEL_TOO_LATE: { status: 409, message: '已签到或活动已开始，不能取消报名' },
  REVIEW_NOT_PENDING: { status: 409, message: '该报名已审核，不能再审核' },
  SIGNUP_STILL_OPEN: { status: 409, message: '报名截止后才能抽签' },
  SEATS_CHANGED: { status: 409, message: '席位数已变化，请重试' },
  REDRAW_TOO_LATE: { status: 409, message: '活动已开始或已有人签到，不能重新抽签' },
  OUTCOME_TOO_EARLY: { status: 409, message: '活动开始后才能公开会议结果' },
  ALREADY_REGISTERED: { status: 409, message: '您已报名该活动' },
  SEATS_EXHAUSTED: { status: 409, message: '名额已满，候补也已排满' },
  SIGNUP_NOT_OPEN: { status: 409, message: '报名尚未开始' },
  SIGNUP_CLOSED: { status: 409, message: '报名已截止' },
  EVENT_CANCELLED: { status: 409, message: '活动已取消' },
  CHECK_IN_CODE_USED: { status: 409, message: '该签到码已使用' },
  CHECK_IN_CODE_INVALID: { status: 404, message: '签到码无效或不属于本活动' },
  NOT_SELECTED_FOR_CHECK_IN: { status: 409, message: '该报名未入选，不能签到' },
  DRAW_ALREADY_DONE: { status: 409, message: '本活动已完成抽签' },
  WRONG_SELECTION_MODE: { status: 409, message: '本活动的遴选方式不支持此操作' },
  DRAW_SECRET_LOCKED: { status: 409, message: '抽签承诺值已公布，抽签密钥不能更改' },
  DRAW_QUOTAS_LOCKED: { status: 409, message: '报名已开始或已有人报名，抽签配额和席位已公开，不能更改' },
  /** Editing an event (updateEvent): what was promised to registrants stays. */
  EVENT_SEATS_TAKEN: { status: 409, message: '已有报名人占用席位或候补名额，不能减少到已占用的人数以下' },
  /** Every reserved seat already has an invitee (assignInvitee). */
  RESERVED_SEATS_EXHAUSTED: { status: 409, message: '预留席位已全部分配，请先增加预留席位或取消一位受邀人员的席位' },
  SELECTION_MODE_LOCKED: { status: 409, message: '报名已开始或已有人报名，确定方式不能更改' },
  SIGNUP_WINDOW_LOCKED: { status: 409, message: '报名已开始，报名开始时间不能更改；报名截止后，报名时间不能更改' },
  EVENT_ALREADY_STARTED: { status: 409, message: '活动已开始，时间和地点不能更改' },
  CHECK_IN_NOT_OPEN: { status: 409, message: '尚未到签到时间，活动当天开始前才能签到' },
  CHECK_IN_CLOSED: { status: 409, message: '活动已结束，签到已关闭' },
  DRAW_NOT_COMMITTED: { status: 409, message: '本活动未在报名前公布抽签承诺值，不能抽签' },
  DRAW_NOT_DONE: { status: 409, message: '本活动尚未抽签' },
  DRAW_LIST_CHANGED: { status: 409, message: '候选名单已变化，请重新查看抽签预览并确认' },
  REDRAW_REASON_REQUIRED: { status: 400, message: '重新抽签须说明理由，理由将随结果公开' },
  CONSULTATION_CLOSED: { status: 409, message: '意见征集已结束，不能再提交意见' },
  CONSULTATION_NOT_OPEN: { status: 409, message: '意见征集尚未开始' },
  REQUEST_IN_PROGRESS: { status: 409, message: '上一次提交仍在处理中，请稍候' },
  DRAFT_IMMUTABLE: { status: 409, message: '已发布的草案不能修改，请发布修订版本' },
  DECISION_LINK_LOCKED: { status: 409, message: '征集已发布，不能取消与重大行政决策事项目录的关联' },
  /** A consultation or event may link only to a published catalog entry (details.fields.decisionId). */
  DECISION_NOT_PUBLISHED: { status: 409, message: '所选决策事项尚未发布，只能关联已发布的重大行政决策事项目录条目' },
  FEEDBACK_ALREADY_PUBLISHED: { status: 409, message: '意见采纳情况已公开，不能再修改' },
  FEEDBACK_NOT_READY: { status: 409, message: '还有意见未处理，暂不能公开采纳情况' },
  PERSONAL_INFO_UNMASKED: { status: 422, message: '内容中仍有未隐去的个人信息，请隐去、说明不属于个人信息的理由，或填写仍然公开的理由' },
  PAYLOAD_TOO_LARGE: { status: 413, message: '提交的内容过大' },
  ATTACHMENT_TOO_LARGE: { status: 413, message: '附件不能超过 20 MB' },
  ATTACHMENT_TYPE_NOT_ALLOWED: { status: 415, message: '只能上传 PDF、图片（PNG/JPG）、Word（.docx）或 Excel（.xlsx）文件，且文件内容须与扩展名相符' },
  ATTACHMENT_MISSING: { status: 400, message: '请选择要上传的文件' },
  NOT_MULTIPART: { status: 415, message: '请以 multipart/form-data 格式上传文件' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, message: '请以 JSON 格式提交' },
  IDEMPOTENCY_KEY_REUSED: { status: 422, message: '同一提交编号已用于不同的内容，请刷新后重新填写' },
  REASON_REQUIRED: { status: 400, message: '部分采纳或不予采纳须说明理由' },
  SHORT_WINDOW_REASON_REQUIRED: { status: 400, message: '重大决策事项征求意见不少于 30 日，缩短期限须说明理由' },
  REPLY_BEFORE_RECEIPT: { status: 400, message: '答复日期不能早于意见的收到日期' },
  RATE_LIMITED: { status: 429, message: '操作过于频繁，请稍后再试' },
  INTERNAL: { status: 500, message: '服务暂时出现问题，请稍后再试' },
  SERVICE_UNAVAILABLE: { status: 503, message: '服务暂时不可用，请稍后再试' },
  WECHAT_UNAVAILABLE: { status: 503, message: '微信服务暂时不可用，请稍后再试' },
  // —— policy documents and the Q&A library ——
  POLICY_IMMUTABLE: { status: 409, message: '已发布的政策文件不能修改，请变更效力状态或发布新文件' },
  CONTENT_NOT_PUBLISHED: { status: 409, message: '关联的内容尚未发布' },
  NOTHING_TO_PUBLISH: { status: 409, message: '没有待发布的内容' },
  TOPIC_UNKNOWN: { status: 400, message: '主题不在问答主题列表中' },
  QUESTION_ALREADY_ANSWERED: { status: 409, message: '该咨询已答复' },
  QUESTION_NOT_ANSWERED: { status: 409, message: '该咨询尚未答复，不能收入问答库' },
  IMPORT_INVALID: { status: 400, message: '导入文件中有不符合要求的行，未导入任何条目' },
  IMPORT_UNREADABLE: { status: 400, message: '无法读取导入文件，请确认文件格式' },
  IMPORT_TOO_LARGE: { status: 413, message: '导入文件过大' },
  IMPORT_ALREADY_COMMITTED: { status: 409, message: '该导入已完成，请重新上传' },
} as const satisfies Record<string, { status: number; message: string }>

export type ErrorCode = keyof typeof errorTable
export const errorCodes = Object.keys(errorTable) as ErrorCode[]

export const ErrorBodySchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    /** For VALIDATION_FAILED: `fields` maps "path.to.field" to a Chinese explanation. */
    details: z.record(z.string(), z.unknown()).optional(),
    requestId: z.string().optional(),
  }),
})
export type ErrorBody = z.infer<typeof ErrorBodySchema>

export function isErrorCode(code: string): code is ErrorCode {
  return Object.prototype.hasOwnProperty.call(errorTable, code)
}
