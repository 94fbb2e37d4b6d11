// Routes of administration: staff accounts, departments, audit log, holiday calendar.
import type { Deps } from '../deps'
import { listAudit } from '../services/audit'
import { getHolidayCalendar, getHolidayYear, replaceHolidayYear } from '../services/holidayCalendar'
import { bindStaffWechat, createDepartment, createStaff, inviteStaff, listStaff, resetStaffPassword, updateStaff } from '../services/staffAdmin'
import { getWorkQueue } from '../services/workQueue'
import type { Routes } from './route'

export const staffRoutes = (deps: Deps) =>
  ({
    getWorkQueue: (_, context) => getWorkQueue(deps, context),
    bindStaffWechat: ({ body }) => bindStaffWechat(deps, body),
    listStaff: () => listStaff(deps),
    createStaff: ({ body }, context) => createStaff(deps, context, body),
    updateStaff: ({ params, body }, context) => updateStaff(deps, context, params.id, body),
    inviteStaff: ({ params }, context) => inviteStaff(deps, context, params.id),
    resetStaffPassword: ({ params }, context) => resetStaffPassword(deps, context, params.id),
    createDepartment: ({ body }, context) => createDepartment(deps, context, body.name),
    listAudit: ({ query }) => listAudit(deps, query),
    getHolidayCalendar: () => getHolidayCalendar(deps),
    getHolidayYear: ({ params }) => getHolidayYear(deps, params.year),
    replaceHolidayYear: ({ params, body }, context) => replaceHolidayYear(deps, context, params.year, body),
  }) satisfies Routes
