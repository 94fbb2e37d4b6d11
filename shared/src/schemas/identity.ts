// Wire shapes of identity: staff roles, the signed-in citizen or staff member, sign-in and password bodies, consent, notifications, my data, staff and audit administration.
import { z } from 'zod'
import { DepartmentSchema, IdNumberSchema, InstantSchema, isInvisibleText, PageQueryFields, paginated, plainText, rawText } from './common'

export const staffRoles = ['EDITOR', 'REVIEWER', 'ADMIN'] as const
export const StaffRoleSchema = z.enum(staffRoles)
export type StaffRole = z.infer<typeof StaffRoleSchema>
export const staffRoleLabels: Record<StaffRole, string> = { EDITOR: '编辑', REVIEWER: '审核', ADMIN: '管理员' }

/** The privacy notice version a citizen accepts; bump it when the notice changes. */
export const PRIVACY_NOTICE_VERSION = '2026-11'

export const CitizenMeSchema = z.object({
  kind: z.literal('citizen'),
  id: z.number().int(),
  nickname: z.string().nullable(),
  hasPhone: z.boolean(),
  privacyAccepted: z.boolean(),
})
export const StaffMeSchema = z.object({
  kind: z.literal('staff'),
  id: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  role: StaffRoleSchema,
  department: DepartmentSchema,
  /** Every department whose items this staff member sees, the primary one first (absent from older servers) */
  departments: z.array(DepartmentSchema).optional(),
  mustChangePassword: z.boolean(),
  wechatBound: z.boolean(),
})
export const MeSchema = z.discriminatedUnion('kind', [CitizenMeSchema, StaffMeSchema])
export type Me = z.infer<typeof MeSchema>

export const SessionSchema = z.object({ token: z.string(), expiresAt: InstantSchema, me: MeSchema })
export type Session = z.infer<typeof SessionSchema>

const loginCode = plainText('缺少微信登录凭证').min(1, '缺少微信登录凭证').max(128)

export const WechatLoginBodySchema = z.strictObject({ code: loginCode })
export const DemoLoginBodySchema = z.strictObject({
  name: plainText('请填写称呼').min(1, '请填写称呼').max(20, '称呼最多 20 个字'),
})
export const StaffLoginBodySchema = z.strictObject({
  username: plainText('请填写用户名').min(1, '请填写用户名').max(50, '用户名最多 50 个字符'),
  /** Kept exactly as typed (never trimmed): only NUL, other control characters and broken encodings are refused. */
  password: rawText('请填写密码')
    .min(1, '请填写密码')
    .max(200, '密码过长')
    .refine((p) => !isInvisibleText(p), '请填写密码'),
})

export const PASSWORD_MIN_LENGTH = 10
export const NewPasswordSchema = rawText('请填写新密码')
  .min(PASSWORD_MIN_LENGTH, `密码至少 ${PASSWORD_MIN_LENGTH} 位`)
  .max(200, '密码过长')
  .refine((p) => /[A-Za-z]/.test(p) && /\d/.test(p), '密码需同时包含字母和数字')
export const ChangePasswordBodySchema = z.strictObject({
  currentPassword: rawText('请填写当前密码')
    .min(1, '请填写当前密码')
    .max(200, '密码过长')
    .refine((p) => !isInvisibleText(p), '请填写当前密码'),
  newPassword: NewPasswordSchema,
})

export const PrivacyConsentBodySchema = z.strictObject({ version: z.literal(PRIVACY_NOTICE_VERSION, { error: '隐私说明已更新，请重新阅读' }) })
export const PhoneBodySchema = z.strictObject({ code: loginCode })

/** FOLLOW_UPDATE: something a citizen follows (关注) moved — a consultation opened or closes soon, a new policy or Q&A in a topic. */
export const notificationKinds = ['OPINION_ANSWERED', 'REGISTRATION_RESULT', 'EVENT_REMINDER', 'EVENT_OUTCOME', 'FOLLOW_UPDATE'] as const
export const NotificationKindSchema = z.enum(notificationKinds)
export type NotificationKind = z.infer<typeof NotificationKindSchema>

export const NotificationSchema = z.object({
  id: z.number().int(),
  kind: z.string(),
  title: z.string(),
  body: z.string(),
  link: z.string().nullable(),
  createdAt: InstantSchema,
  read: z.boolean(),
})
export type Notification = z.infer<typeof NotificationSchema>
export const NotificationListSchema = paginated(NotificationSchema)
export const NotificationListQuerySchema = z.strictObject({ ...PageQueryFields })

export const SubscriptionsBodySchema = z.strictObject({
  /** The kinds the citizen accepted in wx.requestSubscribeMessage; each grants one message. */
  accepted: z.array(NotificationKindSchema).max(3),
})

export const MyDataSchema = z.object({
  profile: z.object({
    nickname: z.string().nullable(),
    phone: z.string().nullable(),
    privacyAcceptedAt: InstantSchema.nullable(),
    createdAt: InstantSchema,
  }),
  /** Opinions with the personal details given with them (the text itself is shown in 我的意见) */
  opinions: z.array(
    z.object({
      receiptCode: z.string(),
      consultationTitle: z.string(),
      authorName: z.string().nullable(),
      contactPhone: z.string().nullable(),
      createdAt: InstantSchema,
    }),
  ),
  registrations: z.array(z.object({ eventTitle: z.string(), name: z.string(), phone: z.string(), status: z.string(), createdAt: InstantSchema })),
  /** Policy questions asked (政策咨询), with their text: it may hold personal details. */
  policyQuestions: z.array(
    z.object({ receiptCode: z.string(), text: z.string(), status: z.string(), createdAt: InstantSchema, answeredAt: InstantSchema.nullable() }),
  ),
  notifications: z.array(NotificationSchema),
})
export type MyData = z.infer<typeof MyDataSchema>

// —— staff administration ——
/** The departments a staff member works for (editors and reviewers see only their items); the primary one is added if missing. */
export const StaffDepartmentIdsSchema = z
  .array(IdNumberSchema)
  .min(1, '请至少选择一个部门')
  .max(30, '最多选择 30 个部门')
  .refine((ids) => new Set(ids).size === ids.length, '部门不能重复')
export const StaffSchema = z.object({
  id: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  role: StaffRoleSchema,
  /** Primary department */
  department: DepartmentSchema,
  /** Every department the staff member works for, the primary one first: their scope (admins: all) */
  departments: z.array(DepartmentSchema),
  disabled: z.boolean(),
  wechatBound: z.boolean(),
  createdAt: InstantSchema,
})
export type Staff = z.infer<typeof StaffSchema>

export const CreateStaffBodySchema = z.strictObject({
  username: plainText('请填写用户名').regex(/^[a-z][a-z0-9_.-]{2,31}$/, '用户名为 3–32 位小写字母、数字或 _ . -，以字母开头'),
  displayName: plainText('请填写姓名').min(1, '请填写姓名').max(20, '姓名最多 20 个字'),
  role: StaffRoleSchema,
  /** Primary department */
  departmentId: IdNumberSchema,
  departmentIds: StaffDepartmentIdsSchema.optional(),
})
export const CreatedStaffSchema = z.object({
  staff: StaffSchema,
  /** Shown once; the staff member must change it at first sign-in. */
  initialPassword: z.string(),
})
export const UpdateStaffBodySchema = z
  .strictObject({
    role: StaffRoleSchema.optional(),
    departmentId: IdNumberSchema.optional(),
    /** Replaces the set of departments (the primary one is always kept in it) */
    departmentIds: StaffDepartmentIdsSchema.optional(),
    disabled: z.boolean().optional(),
  })
  .refine((b) => Object.keys(b).length > 0, '没有要修改的内容')

export const InviteSchema = z.object({ code: z.string(), expiresAt: InstantSchema })
export const BindWechatBodySchema = z.strictObject({
  inviteCode: plainText('邀请码无效').min(6, '邀请码无效').max(64),
  code: loginCode,
})

export const CreateDepartmentBodySchema = z.strictObject({ name: plainText('请填写部门名称').min(2, '部门名称至少 2 个字').max(40, '部门名称最多 40 个字') })

export const AuditEntrySchema = z.object({
  id: z.number().int(),
  staff: z.object({ id: z.number().int(), username: z.string() }).nullable(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  /** What the object is called (a person's name, a title, a receipt code); null for kinds without one or deleted objects. */
  entityTitle: z.string().nullable().default(null),
  before: z.unknown(),
  after: z.unknown(),
  at: InstantSchema,
})
export const AuditListSchema = paginated(AuditEntrySchema)
export const AuditListQuerySchema = z.strictObject({
  entity: plainText().max(40, '对象类型最多 40 个字符').optional(),
  ...PageQueryFields,
})
