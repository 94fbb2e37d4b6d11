// Wire shapes of the statistics (staff and public) and their exports; definitions in rules/statistics.ts.
import { z } from 'zod'
import { DepartmentSchema, IdSchema, InstantSchema, wholeNumber } from './common'
import { OpinionChannelSchema } from './opinion'

const int = () => z.number().int()

/** 2000–2099; the current Shanghai year when omitted. */
export const StatisticsYearSchema = wholeNumber('年度须为四位数字').pipe(
  z.number().min(2000, '年度须在 2000 年至 2099 年之间').max(2099, '年度须在 2000 年至 2099 年之间'),
)

/** Opinion figures of one consultation, department, year (keys and meaning: opinionFigureKeys / statisticDefinitions). */
export const OpinionFiguresSchema = z.object({
  received: int(),
  valid: int(),
  pending: int(),
  outOfScope: int(),
  duplicate: int(),
  answered: int(),
  adopted: int(),
  partiallyAdopted: int(),
  notAdopted: int(),
  explained: int(),
  participants: int(),
  replyDaysMean: z.number().nullable(),
  replyDaysMedian: z.number().nullable(),
  replyDaysMax: int().nullable(),
  overdue: int(),
  overdueAnswered: int(),
  overdueOpen: int(),
})
export type OpinionFigures = z.infer<typeof OpinionFiguresSchema>

export const ReplyTimeBucketSchema = z.object({ label: z.string(), from: int(), to: int().nullable(), count: int() })
export const ChannelFiguresSchema = z.object({ channel: OpinionChannelSchema, received: int(), valid: int() })
export const MonthFiguresSchema = z.object({ month: int(), received: int(), valid: int(), answered: int() })

export const ConsultationStatisticsRowSchema = z.object({
  id: int(),
  title: z.string(),
  department: DepartmentSchema,
  opensAt: InstantSchema,
  closesAt: InstantSchema,
  /** Null while the 采纳情况 is not published (staff only: the public statistics list published ones only). */
  feedbackPublishedAt: InstantSchema.nullable(),
  figures: OpinionFiguresSchema,
})
export type ConsultationStatisticsRow = z.infer<typeof ConsultationStatisticsRowSchema>

export const DepartmentStatisticsRowSchema = z.object({ department: DepartmentSchema, consultations: int(), figures: OpinionFiguresSchema })

export const EventFiguresSchema = z.object({
  events: int(),
  registrations: int(),
  selected: int(),
  attended: int(),
  /** 列席会议 held this year */
  meetingAttendance: int(),
  /** The plans' minimum (MEETING_ATTENDANCE_MIN_PER_YEAR) */
  meetingAttendanceRequired: int(),
  meetingAttendanceMet: z.boolean(),
})
export type EventFigures = z.infer<typeof EventFiguresSchema>
export const EventStatisticsSchema = z.object({
  totals: EventFiguresSchema.omit({ meetingAttendanceMet: true, meetingAttendanceRequired: true }),
  /** Every department in scope, also those with no event (so a missing 列席 shows) */
  byDepartment: z.array(z.object({ department: DepartmentSchema, figures: EventFiguresSchema })),
})

export const QaStatisticsSchema = z.object({
  publishedItems: int(),
  views: int(),
  searchHits: int(),
  helpfulVotes: int(),
  unhelpfulVotes: int(),
  /** 0–1, null without votes */
  helpfulRate: z.number().nullable(),
  /** Q&A searches this year (a searcher's same words once a day) */
  searches: int(),
  /** Searches without a good answer (null only where not recorded) */
  unansweredSearches: int().nullable(),
  mostAsked: z.array(z.object({ id: int(), question: z.string(), topic: z.string(), views: int(), searchHits: int() })),
})

export const DefinitionSchema = z.object({ label: z.string(), definition: z.string() })

/** The figures of one year: totals, per department, per consultation, over time, and events and Q&A. */
export const StatisticsSchema = z.object({
  year: int(),
  /** Years that have any consultation or event, newest first (for a year picker) */
  years: z.array(int()),
  totals: OpinionFiguresSchema,
  byDepartment: z.array(DepartmentStatisticsRowSchema),
  byConsultation: z.array(ConsultationStatisticsRowSchema),
  byMonth: z.array(MonthFiguresSchema),
  byChannel: z.array(ChannelFiguresSchema),
  replyTime: z.array(ReplyTimeBucketSchema),
  events: EventStatisticsSchema,
  qa: QaStatisticsSchema,
  definitions: z.record(z.string(), DefinitionSchema),
})
export type Statistics = z.infer<typeof StatisticsSchema>

/** Staff: everything, unpublished consultations included, limited to the caller's departments (administrators: all). */
export const StaffStatisticsSchema = StatisticsSchema.extend({
  scope: z.object({ all: z.boolean(), departments: z.array(DepartmentSchema) }),
  /** The figures are computed when asked */
  generatedAt: InstantSchema,
})
export type StaffStatistics = z.infer<typeof StaffStatisticsSchema>

export const StaffStatisticsQuerySchema = z.strictObject({
  year: StatisticsYearSchema.optional(),
  /** One department of the caller's scope (another department: 403 FORBIDDEN_DEPARTMENT) */
  departmentId: IdSchema.optional(),
})
export type StaffStatisticsQuery = z.input<typeof StaffStatisticsQuerySchema>

export const statisticsTables = ['annual', 'departments', 'consultations', 'events', 'qa', 'definitions'] as const
export const StatisticsTableSchema = z.enum(statisticsTables)
export type StatisticsTable = z.infer<typeof StatisticsTableSchema>
export const statisticsTableLabels: Record<StatisticsTable, string> = {
  annual: '年度报告',
  departments: '部门统计',
  consultations: '征集统计',
  events: '活动与列席',
  qa: '政策问答',
  definitions: '口径说明',
}

/** xlsx: one workbook with every table as a sheet; csv: the one `table` (default annual). */
export const StatisticsExportQuerySchema = StaffStatisticsQuerySchema.extend({
  format: z.enum(['xlsx', 'csv']).default('xlsx'),
  table: StatisticsTableSchema.default('annual'),
})

export const PublicStatisticsQuerySchema = z.strictObject({ year: StatisticsYearSchema.optional() })

/** One consultation's published figures (after its 采纳情况 is published). */
export const ConsultationStatisticsSchema = z.object({
  consultation: ConsultationStatisticsRowSchema,
  byChannel: z.array(ChannelFiguresSchema),
  replyTime: z.array(ReplyTimeBucketSchema),
  definitions: z.record(z.string(), DefinitionSchema),
})
export type ConsultationStatistics = z.infer<typeof ConsultationStatisticsSchema>
