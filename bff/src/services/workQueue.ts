// The staff home's work queue: what needs action now in the signed-in person's departments and role, counted from the same scoped lists the staff pages show.
import { addWorkingDays, DAY_MS, type ResponseOf, type WorkQueueEntry } from '@gm/shared'
import type { Deps } from '../deps'
import type { StaffContext } from '../domain/actor'
import { findUnansweredSince } from '../repositories/opinion'
import { listStaffConsultations } from './consultationAdmin'
import { scopeOf } from './departmentScope'
import { listStaffEvents } from './eventAdmin'
import { replyDeadline } from './opinionView'
import { listOverdueOpinions } from './opinionReview'
import { listStaffPolicyQuestions } from './policyQuestion'
import { workingCalendar } from './workingCalendar'

/** "Closing soon" and "due soon" mean within this many days (working days for replies). */
const SOON_DAYS = 3

const entry = (
  key: WorkQueueEntry['key'],
  label: string,
  target: WorkQueueEntry['target'],
  titles: readonly string[],
  count = titles.length,
): WorkQueueEntry => ({
  key,
  label,
  count,
  target,
  examples: [...new Set(titles)].slice(0, 3),
})

export async function getWorkQueue(deps: Deps, context: StaffContext): Promise<ResponseOf<'getWorkQueue'>> {
  const now = deps.clock()
  const { role } = context.actor
  const opinionWork = role === 'REVIEWER' || role === 'ADMIN'
  const [consultations, events] = await Promise.all([listStaffConsultations(deps, context), listStaffEvents(deps, context)])
  const entries: WorkQueueEntry[] = []

  if (opinionWork) {
    const pending = consultations.filter((c) => c.counts.pending > 0)
    entries.push(
      entry(
        'awaitingModeration',
        '意见待审核',
        'consultations',
        pending.map((c) => c.title),
        pending.reduce((n, c) => n + c.counts.pending, 0),
      ),
    )
    const unanswered = consultations.filter((c) => c.counts.unanswered > 0)
    entries.push(
      entry(
        'awaitingAnswer',
        '意见待答复',
        'consultations',
        unanswered.map((c) => c.title),
        unanswered.reduce((n, c) => n + c.counts.unanswered, 0),
      ),
    )
    const overdue = await listOverdueOpinions(deps, context)
    entries.push(
      entry(
        'repliesOverdue',
        '答复已逾期',
        'overdueOpinions',
        overdue.map((o) => o.consultation.title),
        overdue.length,
      ),
    )
    const calendar = await workingCalendar(deps)
    const soon = addWorkingDays(now, SOON_DAYS, calendar)
    const dueSoon = (await findUnansweredSince(deps.db, now, scopeOf(context.actor))).filter((row) => {
      const { deadline } = replyDeadline(row.receivedAt, calendar)
      return deadline >= now && deadline <= soon
    })
    entries.push(
      entry(
        'repliesDueSoon',
        `${SOON_DAYS} 个工作日内到期的答复`,
        'consultations',
        dueSoon.map((r) => r.consultation.title),
        dueSoon.length,
      ),
    )
  }

  const closingSoon = consultations.filter((c) => c.status === 'open' && new Date(c.closesAt).getTime() - now.getTime() <= SOON_DAYS * DAY_MS)
  entries.push(
    entry(
      'consultationsClosingSoon',
      `${SOON_DAYS} 天内截止的征集`,
      'consultations',
      closingSoon.map((c) => c.title),
    ),
  )
  const withoutSummary = consultations.filter((c) => c.status === 'closed' && c.published && !c.feedbackPublished)
  entries.push(
    entry(
      'closedWithoutSummary',
      '已截止、采纳情况未公开',
      'consultations',
      withoutSummary.map((c) => c.title),
    ),
  )

  const live = events.filter((e) => e.published && e.event.cancelled === null)
  const signupClosed = (e: (typeof live)[number]) => new Date(e.event.signupClosesAt) <= now && new Date(e.event.startsAt) > now
  const review = live.filter((e) => e.event.selectionMode === 'REVIEW' && signupClosed(e))
  entries.push(
    entry(
      'eventsNeedingReview',
      '报名待审核的活动',
      'events',
      review.map((e) => e.event.title),
    ),
  )
  const draw = live.filter((e) => e.event.selectionMode === 'LOTTERY' && !e.event.drawn && signupClosed(e))
  entries.push(
    entry(
      'eventsNeedingDraw',
      '待抽签的活动',
      'events',
      draw.map((e) => e.event.title),
    ),
  )
  const todayKey = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 10)
  const today = live.filter((e) => todayKey(new Date(e.event.startsAt)) === todayKey(now))
  entries.push(
    entry(
      'eventsCheckInToday',
      '今天签到的活动',
      'events',
      today.map((e) => e.event.title),
    ),
  )

  if (role === 'REVIEWER') {
    const questions = await listStaffPolicyQuestions(deps, context, { status: 'PENDING', page: 1, pageSize: 1 })
    entries.push(entry('questionsWaiting', '政策咨询待答复', 'policyQuestions', [], questions.total))
  }
  return { entries }
}
