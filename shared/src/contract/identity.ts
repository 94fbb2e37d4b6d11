// Sign-in for citizens and staff, and a citizen's own account: privacy consent, phone, notifications, subscriptions, their data.
import { ALL_STAFF, NoContentSchema, type Endpoint } from './endpoint'
import { IdParamsSchema } from '../schemas/common'
import { ChangePasswordBodySchema, DemoLoginBodySchema, MeSchema, MyDataSchema, NotificationListQuerySchema, NotificationListSchema, PhoneBodySchema, PrivacyConsentBodySchema, SessionSchema, StaffLoginBodySchema, SubscriptionsBodySchema, WechatLoginBodySchema } from '../schemas/identity'

export const identityEndpoints = {
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
} as const satisfies Record<string, Endpoint>
