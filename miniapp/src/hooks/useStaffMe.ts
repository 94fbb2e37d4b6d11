// The signed-in staff member of a 工作台 page and the gate each staff page opens with (sign-in, role, forced password change).
import { BindWechatBodySchema, ChangePasswordBodySchema, type EndpointName, type Me, type StaffRole, staffRolesOf } from '@gm/shared'
import { useEffect, useState } from 'react'
import { api, ApiError } from '../api'
import { openPage, replacePage, routes } from '../navigation'
import { platform } from '../platform'
import { validateWith } from '../utils/form'
import { type FormState, useForm } from './useForm'
import { useSession } from './useSession'

export type StaffMe = Extract<Me, { kind: 'staff' }>

/**
 * The signed-in staff member for a 工作台 page, or null (the page then asks to sign in). One who
 * must still change the one-time password is sent to do that first.
 */
export function useStaffMe(): { me: StaffMe | null; can: (...roles: StaffRole[]) => boolean } {
  const { me } = useSession()
  const staff = me?.kind === 'staff' ? me : null
  useEffect(() => {
    if (staff?.mustChangePassword) replacePage(routes.staffPassword())
  }, [staff?.mustChangePassword])
  const ready = staff && !staff.mustChangePassword ? staff : null
  return { me: ready, can: (...roles) => ready !== null && roles.includes(ready.role) }
}

interface GateBase {
  /** The signed-in staff member has one of these roles. */
  can: (...roles: StaffRole[]) => boolean
  /** The signed-in staff member's role may call this endpoint (its contract `access`): show its action. */
  may: (endpoint: EndpointName) => boolean
  /** Open 工作人员登录. */
  signIn: () => void
}

/**
 * Whether a staff page may show its content: `allowed` once a staff member whose role the page is
 * for is signed in (then `me` is that member); otherwise the page shows `<StaffGate gate={…} />`.
 */
export type StaffGate = GateBase & ({ allowed: true; me: StaffMe } | { allowed: false; me: StaffMe | null })

const signIn = () => openPage(routes.staffLogin())

/** The gate for a staff member (or nobody) and the roles a page is for (none listed: every staff role). */
export function staffGateOf(me: StaffMe | null, roles: readonly StaffRole[]): StaffGate {
  const can = (...wanted: StaffRole[]) => me !== null && wanted.includes(me.role)
  const may = (endpoint: EndpointName) => me !== null && staffRolesOf(endpoint).includes(me.role)
  if (me !== null && (roles.length === 0 || roles.includes(me.role))) return { allowed: true, me, can, may, signIn }
  return { allowed: false, me, can, may, signIn }
}

/** The sign-in and role gate of a 工作台 page: `useStaffGate('REVIEWER', 'ADMIN')`, or no roles for any staff member. */
export function useStaffGate(...roles: StaffRole[]): StaffGate {
  const { me } = useStaffMe()
  return staffGateOf(me, roles)
}

// —— 修改密码 / 绑定微信 ————————————————————————————————————————————————————————————————

export type PasswordValues = { currentPassword: string; newPassword: string; confirmPassword: string }

/** The new-password rules are the shared NewPasswordSchema: the form says what the BFF would. */
export function validatePasswordChange({ currentPassword, newPassword, confirmPassword }: PasswordValues) {
  const checked = validateWith<typeof ChangePasswordBodySchema, keyof PasswordValues>(ChangePasswordBodySchema, { currentPassword, newPassword })
  const mismatch = confirmPassword !== newPassword ? (confirmPassword ? '两次输入的新密码不一致' : '请再次输入新密码') : undefined
  if (!mismatch) return checked
  return { ok: false as const, errors: { ...(checked.ok ? {} : checked.errors), confirmPassword: mismatch } }
}

/**
 * 修改密码: open to a staff member who must still change the one-time password (the other pages send
 * them here); afterwards the session is asked again who is signed in and 工作台 opens.
 */
export function usePasswordChange(): { gate: StaffGate; form: FormState<PasswordValues> } {
  const session = useSession()
  const me = session.me?.kind === 'staff' ? session.me : null
  const form = useForm({
    initial: { currentPassword: '', newPassword: '', confirmPassword: '' },
    validate: validatePasswordChange,
    fieldOfCode: { WRONG_PASSWORD: 'currentPassword' },
    submit: async (body) => {
      await api.changePassword({ body })
      if (me) session.setMe({ ...me, mustChangePassword: false })
      await session.refresh().catch(() => undefined)
      replacePage(routes.staffHome())
    },
  })
  return { gate: staffGateOf(me, []), form }
}

const InviteSchema = BindWechatBodySchema.pick({ inviteCode: true })

/** 绑定微信: a staff member binds this WeChat account with the one-time invite code an administrator generated. */
export function useStaffWechatBinding(): { form: FormState<{ inviteCode: string }>; bound: boolean } {
  const [bound, setBound] = useState(false)
  const form = useForm({
    initial: { inviteCode: '' },
    validate: (values) => validateWith(InviteSchema, values),
    submit: async ({ inviteCode }) => {
      const login = await platform.login()
      if (!login.ok) throw new ApiError({ status: 0, code: 'UNEXPECTED', message: login.reason })
      await api.bindStaffWechat({ body: { inviteCode, code: login.code } })
      setBound(true)
    },
  })
  return { form, bound }
}
