// Administration: staff accounts, departments, the audit log and the holiday calendar.
import { z } from 'zod'
import { ADMIN, NoContentSchema, type Endpoint } from './endpoint'
import { DepartmentSchema, IdParamsSchema } from '../schemas/common'
import { HolidayCalendarSchema, HolidayYearParamsSchema, HolidayYearSchema, ReplaceHolidayYearBodySchema } from '../schemas/holidayCalendar'
import { AuditListQuerySchema, AuditListSchema, BindWechatBodySchema, CreateDepartmentBodySchema, CreatedStaffSchema, CreateStaffBodySchema, InviteSchema, StaffSchema, UpdateStaffBodySchema } from '../schemas/identity'

export const staffEndpoints = {
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
