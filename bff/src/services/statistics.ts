// Statistics use cases: the figures of a year (staff, department-scoped; public, published only) and of one published consultation.
import {
  type ConsultationStatistics,
  DAY_MS,
  type Department,
  duplicateKey,
  type EventFigures,
  MEETING_ATTENDANCE_MIN_PER_YEAR,
  median,
  oneDecimal,
  type OpinionChannel,
  opinionChannels,
  type OpinionFigures,
  REPLY_TIME_BUCKETS,
  replyTimeBucket,
  type QueryOf,
  SHANGHAI_OFFSET_MS,
  shanghaiParts,
  shanghaiTime,
  type StaffStatistics,
  statisticDefinitions,
  type Statistics,
  workingDaysBetween,
  type WorkingDayCalendar,
} from '@gm/shared'
import type { Deps } from '../deps'
import type { StaffContext } from '../domain/actor'
import { AppError, notFound } from '../domain/errors'
import { findConsultationState } from '../repositories/consultation'
import { findDepartments } from '../repositories/department'
import {
  type ConsultationWithOpinions,
  findConsultationsWithOpinions,
  findEventFigures,
  findQaFigures,
  findStatisticsYears,
  type StatisticsFilter,
  type StatisticsOpinion,
} from '../repositories/statistics'
import { assertInScope, scopeOf } from './departmentScope'
import { effectiveAnswer, replyDeadline } from './opinionView'
import { iso, isoOrNull } from './paging'
import { workingCalendar } from './workingCalendar'

/** One opinion as the statistics see it. */
interface Counted {
  consultationId: number
  citizenId: number | null
  moderation: StatisticsOpinion['moderation']
  channel: OpinionChannel
  receivedAt: Date
  duplicate: boolean
  adoption: string | null
  replyDays: number | null
  overdueAnswered: boolean
  overdueOpen: boolean
}

/** Each opinion of a consultation with its effective answer, reply time and deadline, and whether it repeats an earlier one. */
/** Deadlines and reply times depend only on Shanghai calendar days: each day (or pair of days) is counted once per run. */
function dayCounter(calendar: WorkingDayCalendar) {
  const dayOf = (at: Date) => Math.floor((at.getTime() + SHANGHAI_OFFSET_MS) / DAY_MS)
  const deadlines = new Map<number, Date>()
  const spans = new Map<string, number>()
  return {
    deadline(receivedAt: Date): Date {
      const day = dayOf(receivedAt)
      let deadline = deadlines.get(day)
      if (!deadline) deadlines.set(day, (deadline = replyDeadline(receivedAt, calendar).deadline))
      return deadline
    },
    between(from: Date, to: Date): number {
      const key = `${dayOf(from)}:${dayOf(to)}:${to > from ? 1 : 0}`
      let days = spans.get(key)
      if (days === undefined) spans.set(key, (days = workingDaysBetween(from, to, calendar)))
      return days
    },
  }
}
type DayCounter = ReturnType<typeof dayCounter>

function countedOpinions(consultation: ConsultationWithOpinions, days: DayCounter, now: Date): Counted[] {
  const seen = new Set<string>()
  return consultation.opinions.map((opinion) => {
    const key = duplicateKey(opinion.rawText)
    const duplicate = key !== '' && seen.has(key)
    seen.add(key)
    const answer = opinion.moderation === 'HIDDEN' ? null : effectiveAnswer(opinion)
    const repliedAt = answer ? new Date(answer.repliedAt) : null
    const deadline = days.deadline(opinion.receivedAt)
    return {
      consultationId: consultation.id,
      citizenId: opinion.citizenId,
      moderation: opinion.moderation,
      channel: opinion.channel,
      receivedAt: opinion.receivedAt,
      duplicate,
      adoption: opinion.moderation === 'APPROVED' ? (answer?.adoption ?? null) : null,
      replyDays: opinion.moderation === 'APPROVED' && repliedAt ? days.between(opinion.receivedAt, repliedAt) : null,
      overdueAnswered: repliedAt !== null && repliedAt > deadline,
      overdueOpen: opinion.moderation !== 'HIDDEN' && repliedAt === null && now > deadline,
    }
  })
}

/** The figures of any set of opinions (see statisticDefinitions for each). */
export function opinionFigures(opinions: readonly Counted[]): OpinionFigures {
  const valid = opinions.filter((o) => o.moderation === 'APPROVED')
  const adoption = (value: string) => valid.filter((o) => o.adoption === value).length
  const days = valid.flatMap((o) => (o.replyDays === null ? [] : [o.replyDays]))
  const people = new Set(opinions.flatMap((o) => (o.citizenId === null ? [] : [o.citizenId])))
  const overdueAnswered = opinions.filter((o) => o.overdueAnswered).length
  const overdueOpen = opinions.filter((o) => o.overdueOpen).length
  return {
    received: opinions.length,
    valid: valid.length,
    pending: opinions.filter((o) => o.moderation === 'PENDING').length,
    outOfScope: opinions.filter((o) => o.moderation === 'HIDDEN').length,
    duplicate: opinions.filter((o) => o.duplicate).length,
    answered: valid.filter((o) => o.adoption !== null).length,
    adopted: adoption('ADOPTED'),
    partiallyAdopted: adoption('PARTIALLY_ADOPTED'),
    notAdopted: adoption('NOT_ADOPTED'),
    explained: adoption('EXPLAINED'),
    participants: people.size + opinions.filter((o) => o.citizenId === null).length,
    replyDaysMean: oneDecimal(days.length === 0 ? null : days.reduce((a, b) => a + b, 0) / days.length),
    replyDaysMedian: oneDecimal(median(days)),
    replyDaysMax: days.length === 0 ? null : Math.max(...days),
    overdue: overdueAnswered + overdueOpen,
    overdueAnswered,
    overdueOpen,
  }
}

function replyTime(opinions: readonly Counted[]) {
  const counts = REPLY_TIME_BUCKETS.map(() => 0)
  for (const o of opinions) if (o.moderation === 'APPROVED' && o.replyDays !== null) counts[replyTimeBucket(o.replyDays)]!++
  return REPLY_TIME_BUCKETS.map((bucket, i) => ({ label: bucket.label, from: bucket.from, to: bucket.to, count: counts[i]! }))
}

function byChannel(opinions: readonly Counted[]) {
  return opinionChannels.flatMap((channel) => {
    const of = opinions.filter((o) => o.channel === channel)
    return channel === 'ONLINE' || of.length > 0 ? [{ channel, received: of.length, valid: of.filter((o) => o.moderation === 'APPROVED').length }] : []
  })
}

function byMonth(opinions: readonly Counted[], year: number) {
  const months = Array.from({ length: 12 }, (_, i) => ({ month: i + 1, received: 0, valid: 0, answered: 0 }))
  for (const o of opinions) {
    const parts = shanghaiParts(o.receivedAt)
    if (parts.year !== year) continue
    const month = months[parts.month - 1]!
    month.received++
    if (o.moderation === 'APPROVED') month.valid++
    if (o.adoption !== null) month.answered++
  }
  return months
}

const definitions = statisticDefinitions as Record<string, { label: string; definition: string }>

function eventFiguresOf(
  events: Awaited<ReturnType<typeof findEventFigures>>,
  now: Date,
): Omit<EventFigures, 'meetingAttendanceRequired' | 'meetingAttendanceMet'> {
  const sum = (key: 'registrations' | 'selected' | 'attended') => events.reduce((n, e) => n + e[key], 0)
  return {
    events: events.length,
    registrations: sum('registrations'),
    selected: sum('selected'),
    attended: sum('attended'),
    meetingAttendance: events.filter((e) => e.kind === 'MEETING_ATTENDANCE' && e.startsAt <= now).length,
  }
}

/** The figures of a year for the given departments (every department when `departments` lists them all). */
async function yearStatistics(deps: Deps, year: number, departments: readonly Department[], filter: StatisticsFilter): Promise<Statistics> {
  const now = deps.clock()
  const [consultations, events, qa, years, calendar] = await Promise.all([
    findConsultationsWithOpinions(deps.db, filter),
    findEventFigures(deps.db, filter),
    findQaFigures(deps.db, filter.from, filter.to),
    findStatisticsYears(deps.db),
    workingCalendar(deps),
  ])
  const days = dayCounter(calendar)
  const perConsultation = consultations.map((c) => ({ consultation: c, opinions: countedOpinions(c, days, now) }))
  const all = perConsultation.flatMap((c) => c.opinions)
  const votes = qa.helpfulVotes + qa.unhelpfulVotes
  return {
    year,
    years,
    totals: opinionFigures(all),
    byDepartment: departments.map((department) => {
      const of = perConsultation.filter((c) => c.consultation.department.id === department.id)
      return { department, consultations: of.length, figures: opinionFigures(of.flatMap((c) => c.opinions)) }
    }),
    byConsultation: perConsultation.map(({ consultation: c, opinions }) => ({
      id: c.id,
      title: c.title,
      department: c.department,
      opensAt: iso(c.opensAt),
      closesAt: iso(c.closesAt),
      feedbackPublishedAt: isoOrNull(c.feedbackPublishedAt),
      figures: opinionFigures(opinions),
    })),
    byMonth: byMonth(all, year),
    byChannel: byChannel(all),
    replyTime: replyTime(all),
    events: {
      totals: eventFiguresOf(events, now),
      byDepartment: departments.map((department) => {
        const figures = eventFiguresOf(
          events.filter((e) => e.departmentId === department.id),
          now,
        )
        return {
          department,
          figures: {
            ...figures,
            meetingAttendanceRequired: MEETING_ATTENDANCE_MIN_PER_YEAR,
            meetingAttendanceMet: figures.meetingAttendance >= MEETING_ATTENDANCE_MIN_PER_YEAR,
          },
        }
      }),
    },
    qa: {
      publishedItems: qa.publishedItems,
      views: qa.usage.reduce((n, u) => n + u.views, 0),
      searchHits: qa.usage.reduce((n, u) => n + u.searchHits, 0),
      helpfulVotes: qa.helpfulVotes,
      unhelpfulVotes: qa.unhelpfulVotes,
      helpfulRate: votes === 0 ? null : Math.round((qa.helpfulVotes / votes) * 1000) / 1000,
      searches: qa.searches,
      unansweredSearches: qa.unansweredSearches,
      mostAsked: qa.usage.slice(0, 10),
    },
    definitions,
  }
}

/** The published figures of these consultations (whose 采纳情况 is published by `now`), by id. */
export async function publishedFiguresOf(deps: Deps, consultationIds: readonly number[], now: Date): Promise<Map<number, OpinionFigures>> {
  if (consultationIds.length === 0) return new Map()
  const [consultations, calendar] = await Promise.all([findConsultationsWithOpinions(deps.db, { publishedBy: now, consultationIds }), workingCalendar(deps)])
  const days = dayCounter(calendar)
  return new Map(consultations.map((c) => [c.id, opinionFigures(countedOpinions(c, days, now))]))
}

const yearRange = (year: number) => ({ from: shanghaiTime(year, 1, 1), to: shanghaiTime(year + 1, 1, 1) })
const currentYear = (deps: Deps) => shanghaiParts(deps.clock()).year

/** Staff: a year's figures for the caller's departments (administrators: all), unpublished answers included. */
export async function getStaffStatistics(deps: Deps, context: StaffContext, query: QueryOf<'getStaffStatistics'>): Promise<StaffStatistics> {
  const year = query.year ?? currentYear(deps)
  if (query.departmentId !== undefined) assertInScope(context.actor, query.departmentId)
  const scope = scopeOf(context.actor)
  const every = await findDepartments(deps.db)
  const departments = every.filter((d) => (query.departmentId !== undefined ? d.id === query.departmentId : scope === undefined || scope.includes(d.id)))
  const departmentIds = query.departmentId !== undefined ? [query.departmentId] : scope
  const statistics = await yearStatistics(deps, year, departments, { ...yearRange(year), departmentIds })
  return { ...statistics, scope: { all: departmentIds === undefined, departments }, generatedAt: iso(deps.clock()) }
}

/** Public: a year's figures over consultations whose 采纳情况 is published, and published events. */
export async function getPublicStatistics(deps: Deps, query: QueryOf<'getPublicStatistics'>): Promise<Statistics> {
  const year = query.year ?? currentYear(deps)
  const departments = await findDepartments(deps.db)
  return yearStatistics(deps, year, departments, { ...yearRange(year), publishedBy: deps.clock() })
}

/** Public: one consultation's figures, once its 采纳情况 is published (the same numbers as the report in GET /feedback). */
export async function getConsultationStatistics(deps: Deps, consultationId: number): Promise<ConsultationStatistics> {
  const now = deps.clock()
  const state = await findConsultationState(deps.db, consultationId)
  if (!state?.publishedAt || state.publishedAt > now) throw notFound('意见征集')
  if (!state.feedbackPublishedAt || state.feedbackPublishedAt > now) throw new AppError('FEEDBACK_NOT_PUBLISHED')
  const [[consultation], calendar] = await Promise.all([
    findConsultationsWithOpinions(deps.db, { publishedBy: now, consultationIds: [consultationId] }),
    workingCalendar(deps),
  ])
  if (!consultation) throw notFound('意见征集')
  const opinions = countedOpinions(consultation, dayCounter(calendar), now)
  return {
    consultation: {
      id: consultation.id,
      title: consultation.title,
      department: consultation.department,
      opensAt: iso(consultation.opensAt),
      closesAt: iso(consultation.closesAt),
      feedbackPublishedAt: isoOrNull(consultation.feedbackPublishedAt),
      figures: opinionFigures(opinions),
    },
    byChannel: byChannel(opinions),
    replyTime: replyTime(opinions),
    definitions,
  }
}
