// Staff event use cases: listing, creating, editing (registrants told of a new time or place), publishing and cancelling events, recording outcomes (attendees told), and exporting registrations.
import {
  adoptionLabels,
  attendeeCategoryLabels,
  type BodyOf,
  type EventDetail,
  type StaffEvent,
  formatShanghaiDateTime,
  registrationStatusLabels,
  signupFieldsFor,
} from '@gm/shared'
import type { Tx } from '../db/client'
import type { Deps } from '../deps'
import type { StaffContext } from '../domain/actor'
import { AppError, notFound, validationFailed } from '../domain/errors'
import { toCsv, toXlsx, type Table } from '../lib/spreadsheet'
import {
  type EventDetailRow,
  type EventEditRow,
  findEventById,
  findEventsForStaff,
  insertEvent,
  lockEventForEdit,
  updateEvent,
  updateEventForm,
} from '../repositories/event'
import { findEventForSignup, findRegistrationsOfEvent } from '../repositories/registration'
import { auditorOf, recordAudit, recordContactRead } from './audit'
import { assertInScope, requireInScope, scopeOf } from './departmentScope'
import { findEventOpinions } from '../repositories/eventOpinion'
import { eventOpinionAnswer } from './eventOpinion'
import { eventDetail, toEventDetail } from './event'
import { assertDecisionLinkable } from './decision'
import { commitDrawSecret, ensureDrawCommitted } from './lottery'
import { buildTemplateData } from '../integrations/wechat/templateData'
import { notify } from './notification'
import { auditPublication, checkPublication } from './personalInfo'
import { fillFromWaitlist } from './registration'

/** Every event for staff, drafts first-class: the detail plus whether the public can see it. */
const staffView = (row: EventDetailRow, now: Date): StaffEvent => ({
  event: toEventDetail(row, now),
  published: row.publishedAt !== null && row.publishedAt <= now,
})

export async function listStaffEvents(deps: Deps, context: StaffContext): Promise<StaffEvent[]> {
  const now = deps.clock()
  return (await findEventsForStaff(deps.db, scopeOf(context.actor))).map((row) => staffView(row, now))
}

export async function getStaffEvent(deps: Deps, context: StaffContext, id: number): Promise<StaffEvent> {
  await requireInScope(deps.db, context.actor, 'event', id)
  const row = await findEventById(deps.db, id, 'staff')
  if (!row) throw notFound('活动')
  return staffView(row, deps.clock())
}

type EventForm = BodyOf<'updateEvent'>

/** The event form as stored: instants as dates, absent links as null. */
const storedForm = (body: EventForm) => ({
  ...body,
  decisionId: body.decisionId ?? null,
  liveStreamUrl: body.liveStreamUrl ?? null,
  startsAt: new Date(body.startsAt),
  endsAt: new Date(body.endsAt),
  signupOpensAt: new Date(body.signupOpensAt),
  signupClosesAt: new Date(body.signupClosesAt),
})
type StoredForm = ReturnType<typeof storedForm>
type FormField = keyof StoredForm

export async function createEvent(deps: Deps, context: StaffContext, body: BodyOf<'createEvent'>): Promise<EventDetail> {
  assertInScope(context.actor, body.departmentId, 'departmentId')
  return deps.db.$transaction(async (tx) => {
    await assertDecisionLinkable(tx, body.decisionId)
    const { id } = await insertEvent(tx, storedForm(body))
    // The lottery's randomness is committed now, so its commitment is public from the start of signups.
    if (body.selectionMode === 'LOTTERY') await commitDrawSecret(tx, id)
    await recordAudit(tx, auditorOf(context), { action: 'createEvent', entity: 'event', entityId: id, after: body })
    return eventDetail(deps, tx, id, 'staff')
  })
}

/** Times compare to the minute, the form's precision: a stored 09:30:05 sent back as 09:30 is no change (and stays as stored). */
const comparable = (v: unknown) => (v instanceof Date ? Math.floor(v.getTime() / 60_000) : JSON.stringify(v))
/** The form fields an edit changes. */
const changedFields = (before: EventEditRow, next: StoredForm): FormField[] =>
  (Object.keys(next) as FormField[]).filter((k) => comparable(before[k]) !== comparable(next[k]))
const pick = <T extends object, K extends keyof T>(row: T, fields: readonly K[]): Partial<Pick<T, K>> =>
  Object.fromEntries(fields.map((f) => [f, row[f]])) as Partial<Pick<T, K>>

/**
 * What registrants and the public were promised stays: seats and waitlist places already given,
 * the selection mode and a lottery's quotas and seats once signups opened, a signup window that
 * already opened or closed, and the time and place of an event under way.
 */
function checkPromises(before: EventEditRow, next: EditedForm, changed: readonly FormField[], now: Date): void {
  const has = (...fields: FormField[]) => fields.some((f) => changed.includes(f))
  const signupsStarted = before.signupOpensAt <= now || before._count.registrations > 0
  if (has('startsAt', 'endsAt', 'place') && before.startsAt <= now) throw new AppError('EVENT_ALREADY_STARTED')
  if (has('selectionMode') && signupsStarted) throw new AppError('SELECTION_MODE_LOCKED')
  if (before.selectionMode === 'LOTTERY' && has('capacity', 'reservedSeats', 'drawQuotas') && (signupsStarted || before.drawAt)) {
    throw new AppError('DRAW_QUOTAS_LOCKED')
  }
  if (has('signupOpensAt') && before.signupOpensAt <= now) throw new AppError('SIGNUP_WINDOW_LOCKED', '报名已开始，报名开始时间不能更改')
  if (has('signupClosesAt') && before.signupClosesAt <= now) throw new AppError('SIGNUP_WINDOW_LOCKED', '报名已截止，报名时间不能更改')
  const seated = before.confirmedCount
  if (next.capacity - next.reservedSeats < seated) {
    throw new AppError('EVENT_SEATS_TAKEN', `已有 ${seated} 人入选，总席位减预留席位不能少于 ${seated} 个`, {
      fields: { capacity: `已有 ${seated} 人入选，总席位减预留席位不能少于 ${seated} 个` },
    })
  }
  if (next.reservedSeats < before.invitedCount) {
    const invited = before.invitedCount
    throw new AppError('EVENT_SEATS_TAKEN', `已有 ${invited} 位受邀人员占用预留席位，预留席位不能少于 ${invited} 个`, {
      fields: { reservedSeats: `已有 ${invited} 位受邀人员占用预留席位，预留席位不能少于 ${invited} 个` },
    })
  }
  if (next.waitlistCapacity < before.waitlistCount) {
    const waiting = before.waitlistCount
    throw new AppError('EVENT_SEATS_TAKEN', `已有 ${waiting} 人候补，候补名额不能少于 ${waiting} 个`, {
      fields: { waitlistCapacity: `已有 ${waiting} 人候补，候补名额不能少于 ${waiting} 个` },
    })
  }
  if (has('startsAt') && next.startsAt <= now) throw validationFailed({ startsAt: '活动开始时间须晚于现在' })
  if (has('signupClosesAt') && next.signupClosesAt <= now) throw validationFailed({ signupClosesAt: '报名截止时间须晚于现在' })
}

/** What a registrant is told of a new time or place: what changed, now and before. */
function changeNotice(before: EventEditRow, next: EditedForm, changed: readonly FormField[]) {
  const timeChanged = changed.includes('startsAt') || changed.includes('endsAt')
  const placeChanged = changed.includes('place')
  const what = timeChanged && placeChanged ? '时间和地点' : timeChanged ? '时间' : '地点'
  const span = (from: Date, to: Date) => `${formatShanghaiDateTime(from)} 至 ${formatShanghaiDateTime(to)}`
  const parts = [
    timeChanged ? `时间改为 ${span(next.startsAt, next.endsAt)}（原 ${span(before.startsAt, before.endsAt)}）` : null,
    placeChanged ? `地点改为 ${next.place}（原 ${before.place}）` : null,
  ].filter(Boolean)
  return {
    title: `活动${what}变更`,
    body: `您报名的「${next.title}」${what}有变更：${parts.join('；')}。`,
    phrase: timeChanged && placeChanged ? '活动变更' : timeChanged ? '时间变更' : '地点变更',
  }
}

/**
 * Edit an event with the same form it was created with. Refused when it would break a promise
 * (checkPromises); audited with the fields before and after; a larger first-come capacity seats
 * those waiting; a new time or place of a published event is told to every registrant still
 * concerned, once per edit (the audit entry names the moment).
 */
export async function updateEventDetails(deps: Deps, context: StaffContext, id: number, body: EventForm): Promise<EventDetail> {
  await requireInScope(deps.db, context.actor, 'event', id)
  assertInScope(context.actor, body.departmentId, 'departmentId')
  const now = deps.clock()
  const next = storedForm(body)
  return deps.db.$transaction(async (tx) => {
    const before = await lockEditable(tx, id)
    const changed = changedFields(before, next)
    if (changed.length === 0) return eventDetail(deps, tx, id, 'staff')
    return applyEdit(deps, context, tx, { before, next, changed, now })
  })
}

/**
 * 释放未分配的预留席位: the reserved seats come down to those given to invitees, as an edit of that
 * one field (the same promises, audit entry and seating of those waiting, in signup order). The
 * number is read under the event row's lock, so an invitee given a seat meanwhile keeps it.
 */
export async function releaseReservedSeats(deps: Deps, context: StaffContext, id: number): Promise<EventDetail> {
  await requireInScope(deps.db, context.actor, 'event', id)
  const now = deps.clock()
  return deps.db.$transaction(async (tx) => {
    const before = await lockEditable(tx, id)
    if (before.reservedSeats === before.invitedCount) return eventDetail(deps, tx, id, 'staff')
    const next = { ...pick(before, EDIT_BASIS), reservedSeats: before.invitedCount } as EditedForm
    return applyEdit(deps, context, tx, { before, next, changed: ['reservedSeats'], now })
  })
}

/** The event row locked for an edit; a cancelled event is not edited. */
async function lockEditable(tx: Tx, id: number): Promise<EventEditRow> {
  const before = await lockEventForEdit(tx, id)
  if (!before) throw notFound('活动')
  if (before.cancelledAt) throw new AppError('EVENT_CANCELLED')
  return before
}

/** What an edit's checks, seating and notice read of the form; the changed fields come from the whole form. */
const EDIT_BASIS = [
  'title',
  'place',
  'decisionId',
  'startsAt',
  'endsAt',
  'signupClosesAt',
  'capacity',
  'reservedSeats',
  'waitlistCapacity',
  'selectionMode',
] as const
type EditedForm = Pick<StoredForm, (typeof EDIT_BASIS)[number]> & Partial<StoredForm>

/** Store the changed fields of an edit under the event row's lock, seat those waiting, audit it and tell registrants of a new time or place. */
async function applyEdit(
  deps: Deps,
  context: StaffContext,
  tx: Tx,
  { before, next, changed, now }: { before: EventEditRow; next: EditedForm; changed: FormField[]; now: Date },
): Promise<EventDetail> {
  const id = before.id
  checkPromises(before, next, changed, now)
  if (changed.includes('decisionId')) await assertDecisionLinkable(tx, next.decisionId)
  await updateEventForm(tx, id, pick(next, changed))
  // A lottery's randomness is committed before signups open, like at creation.
  if (next.selectionMode === 'LOTTERY' && !before.drawCommitment) await commitDrawSecret(tx, id)
  if (next.selectionMode === 'FIRST_COME' && before.waitlistCount > 0) await fillFromWaitlist(deps, tx, { id, title: next.title, startsAt: next.startsAt })
  const audit = await recordAudit(tx, auditorOf(context), {
    action: 'updateEvent',
    entity: 'event',
    entityId: id,
    before: pick(before, changed),
    after: pick(next, changed),
  })
  if (before.publishedAt && changed.some((f) => f === 'startsAt' || f === 'endsAt' || f === 'place')) {
    const notice = changeNotice(before, next, changed)
    for (const r of await findRegistrationsOfEvent(tx, id)) {
      if (!r.citizenId || r.status === 'CANCELLED' || r.status === 'NOT_SELECTED') continue
      await notify(deps, tx, {
        citizenId: r.citizenId,
        kind: 'REGISTRATION_RESULT',
        title: notice.title,
        body: notice.body,
        link: `/packages/event/pages/detail/index?id=${id}`,
        // The 报名结果 template (event, what happened, time): like a cancellation, a change reaches WeChat too.
        templateData: buildTemplateData({ thing1: next.title, phrase2: notice.phrase, time3: next.startsAt }),
        dedupeKey: `event-changed:${id}:${audit.id}`,
      })
    }
  }
  return eventDetail(deps, tx, id, 'staff')
}

export async function publishEvent(deps: Deps, context: StaffContext, id: number): Promise<EventDetail> {
  await requireInScope(deps.db, context.actor, 'event', id)
  const now = deps.clock()
  return deps.db.$transaction(async (tx) => {
    const event = await findEventForSignup(tx, id)
    if (!event) throw notFound('活动')
    if (event.publishedAt) throw new AppError('ALREADY_PUBLISHED', '活动已发布')
    if (event.signupClosesAt <= now) throw new AppError('VALIDATION_FAILED', undefined, { fields: { signupClosesAt: '报名截止时间已过' } })
    await ensureDrawCommitted(tx, id)
    await updateEvent(tx, id, { publishedAt: now })
    await recordAudit(tx, auditorOf(context), { action: 'publishEvent', entity: 'event', entityId: id, after: { publishedAt: now } })
    return eventDetail(deps, tx, id, 'staff')
  })
}

/** Cancel the event and tell everyone still registered. */
export async function cancelEvent(deps: Deps, context: StaffContext, id: number, reason: string): Promise<EventDetail> {
  await requireInScope(deps.db, context.actor, 'event', id)
  const now = deps.clock()
  return deps.db.$transaction(async (tx) => {
    const event = await findEventForSignup(tx, id)
    if (!event) throw notFound('活动')
    if (event.cancelledAt) throw new AppError('EVENT_CANCELLED')
    await updateEvent(tx, id, { cancelledAt: now, cancelReason: reason })
    for (const r of await findRegistrationsOfEvent(tx, id)) {
      if (r.citizenId && r.status !== 'CANCELLED' && r.status !== 'NOT_SELECTED') {
        await notify(deps, tx, {
          citizenId: r.citizenId,
          kind: 'REGISTRATION_RESULT',
          title: '活动已取消',
          body: `您报名的「${event.title}」已取消：${reason}`,
          link: `/packages/event/pages/detail/index?id=${id}`,
          // The 报名结果 template (event, result, time): a cancellation reaches WeChat like any other result.
          templateData: buildTemplateData({ thing1: event.title, phrase2: '已取消', time3: event.startsAt }),
          dedupeKey: `event-cancelled:${id}`,
        })
      }
    }
    await recordAudit(tx, auditorOf(context), { action: 'cancelEvent', entity: 'event', entityId: id, after: { reason } })
    return eventDetail(deps, tx, id, 'staff')
  })
}

/**
 * After the event: the meeting's result and the answers to the attendees' opinions become public
 * together (every recorded opinion must be answered), and every attendee is told — those who
 * raised an opinion, how it was handled.
 */
export async function recordOutcome(deps: Deps, context: StaffContext, id: number, body: BodyOf<'recordOutcome'>): Promise<EventDetail> {
  const summary = body.summary
  const check = checkPublication([{ field: 'summary', text: summary }], body)
  await requireInScope(deps.db, context.actor, 'event', id)
  const now = deps.clock()
  return deps.db.$transaction(async (tx) => {
    const event = await findEventById(tx, id, 'staff')
    if (!event) throw notFound('活动')
    if (event.startsAt > now) throw new AppError('OUTCOME_TOO_EARLY')
    const opinions = await findEventOpinions(tx, id)
    const unanswered = opinions.filter((o) => !eventOpinionAnswer(o)).length
    if (unanswered > 0) throw new AppError('FEEDBACK_NOT_READY', `还有 ${unanswered} 条活动意见未答复`, { unanswered })
    await updateEvent(tx, id, { outcomeSummary: summary, outcomePublishedAt: now })
    const handled = new Map<number, string[]>()
    for (const o of opinions) {
      const citizenId = o.registration?.citizenId
      if (citizenId) handled.set(citizenId, [...(handled.get(citizenId) ?? []), `${adoptionLabels[o.adoption!]}${o.reason ? `（${o.reason}）` : ''}`])
    }
    for (const r of await findRegistrationsOfEvent(tx, id)) {
      if (r.citizenId && (r.status === 'CHECKED_IN' || r.status === 'SELECTED')) {
        const yours = handled.get(r.citizenId)
        await notify(deps, tx, {
          citizenId: r.citizenId,
          kind: 'EVENT_OUTCOME',
          title: '会议结果已公开',
          body: `「${event.title}」的会议结果：${summary.slice(0, 200)}${yours ? `。您提出的意见：${yours.join('；')}` : ''}`,
          link: `/packages/event/pages/detail/index?id=${id}`,
          templateData: buildTemplateData({ thing1: event.title, thing2: summary, time3: now }),
          dedupeKey: `event-outcome:${id}`,
        })
      }
    }
    await recordAudit(tx, auditorOf(context), {
      action: 'recordOutcome',
      entity: 'event',
      entityId: id,
      before: { summary: event.outcomeSummary },
      after: { summary },
    })
    await auditPublication(tx, auditorOf(context), { action: 'recordOutcome', entity: 'event', entityId: id }, check, body.override)
    return eventDetail(deps, tx, id, 'staff')
  })
}

export async function exportRegistrations(deps: Deps, context: StaffContext, id: number, format: 'csv' | 'xlsx') {
  await requireInScope(deps.db, context.actor, 'event', id)
  const event = await findEventForSignup(deps.db, id)
  if (!event) throw notFound('活动')
  const rows = await findRegistrationsOfEvent(deps.db, id)
  await recordContactRead(deps.db, auditorOf(context), {
    via: 'exportRegistrations',
    entity: 'event',
    entityId: id,
    records: rows.length,
    fields: ['name', 'phone'],
    format,
  })
  // 类别 and the balancing details only where the event asked for them: a first-come signup records 公众代表 though nobody chose it.
  const asked = signupFieldsFor(event.selectionMode)
  type Column = [string, (r: (typeof rows)[number]) => string | null]
  const category: Column[] = asked.category ? [['类别', (r) => attendeeCategoryLabels[r.category]]] : []
  const balancing: Column[] = asked.balancing
    ? [
        ['地区', (r) => r.region],
        ['行业', (r) => r.sector],
        ['年龄段', (r) => r.ageBand],
        ['性别', (r) => r.gender],
      ]
    : []
  const columns: Column[] = [
    ['报名编号', (r) => r.publicCode],
    ['姓名', (r) => r.name],
    ['手机号', (r) => r.phone],
    ...category,
    ...balancing,
    ['无障碍需求', (r) => r.accessibilityNeeds],
    ['状态', (r) => registrationStatusLabels[r.status]],
    ['签到时间', (r) => (r.checkedInAt ? formatShanghaiDateTime(r.checkedInAt) : null)],
    ['报名时间', (r) => formatShanghaiDateTime(r.createdAt)],
  ]
  const table: Table = { sheetName: '报名名单', header: columns.map(([name]) => name), rows: rows.map((r) => columns.map(([, cell]) => cell(r))) }
  return format === 'xlsx'
    ? { filename: `报名名单-${id}.xlsx`, contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', content: await toXlsx(table) }
    : { filename: `报名名单-${id}.csv`, contentType: 'text/csv; charset=utf-8', content: toCsv(table) }
}
