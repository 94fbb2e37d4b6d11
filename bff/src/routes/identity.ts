// Routes of sign-in and a citizen's own account.
import type { Deps } from '../deps'
import { changePassword, loginDemo, loginStaff, loginStaffWithWechat, loginWithWechat, logout } from '../services/auth'
import { acceptPrivacy, bindPhone, deleteMyData, exportMyData, getMe, listMyNotifications, readNotification, recordSubscriptions } from '../services/me'
import type { Routes } from './route'

export const identityRoutes = (deps: Deps) =>
  ({
    loginWithWechat: ({ body }) => loginWithWechat(deps, body.code),
    loginDemo: ({ body }) => loginDemo(deps, body.name),
    loginStaff: ({ body }, context) => loginStaff(deps, body.username, body.password, context.clientIp),
    loginStaffWithWechat: ({ body }) => loginStaffWithWechat(deps, body.code),
    logout: (_, context) => logout(deps, context.actor),
    changePassword: ({ body }, context) => changePassword(deps, context, body.currentPassword, body.newPassword),
    getMe: (_, context) => getMe(deps, context.actor),
    acceptPrivacy: (_, context) => acceptPrivacy(deps, context.actor),
    bindPhone: ({ body }, context) => bindPhone(deps, context.actor, body.code),
    listMyNotifications: ({ query }, context) => listMyNotifications(deps, context.actor, query),
    readNotification: ({ params }, context) => readNotification(deps, context.actor, params.id),
    recordSubscriptions: ({ body }, context) => recordSubscriptions(deps, context.actor, body.accepted, context.idempotencyKey),
    exportMyData: (_, context) => exportMyData(deps, context.actor),
    deleteMyData: (_, context) => deleteMyData(deps, context.actor),
  }) satisfies Routes
