// Wire shapes of the holiday calendar administrators keep for years the bundled package does not have yet.
import { z } from 'zod'
import { InstantSchema, plainText, wholeNumber } from './common'
import { CalendarDateSchema } from './policy'

export const HolidayKindSchema = z.enum(['HOLIDAY', 'WORKDAY'], { error: '类型应为 放假（HOLIDAY）或 调休上班（WORKDAY）' })
export type HolidayKind = z.infer<typeof HolidayKindSchema>

export const holidayKindLabels: Record<HolidayKind, string> = { HOLIDAY: '放假', WORKDAY: '调休上班' }

export const HolidayYearParamsSchema = z.strictObject({
  year: wholeNumber('年度须为整数').pipe(z.number().min(2000, '年度应在 2000—2100 之间').max(2100, '年度应在 2000—2100 之间')),
})

export const HolidayDaySchema = z.object({ date: z.string(), kind: HolidayKindSchema, name: z.string() })
export type HolidayDay = z.infer<typeof HolidayDaySchema>

/** Where a year's arrangement comes from: the administrators' table, the bundled package, or nowhere (weekends only). */
export const HolidayOriginSchema = z.enum(['TABLE', 'PACKAGE', 'NONE'])
export type HolidayOrigin = z.infer<typeof HolidayOriginSchema>

export const HolidayYearSchema = z.object({
  year: z.number().int(),
  origin: HolidayOriginSchema,
  /** The notice the table's rows were copied from (TABLE), or the package and its version (PACKAGE). */
  source: z.string().nullable(),
  updatedAt: InstantSchema.nullable(),
  days: z.array(HolidayDaySchema),
})
export type HolidayYear = z.infer<typeof HolidayYearSchema>

export const HolidayCalendarSchema = z.object({
  package: z.object({ name: z.string(), version: z.string(), firstYear: z.number().int(), lastYear: z.number().int() }),
  tableYears: z.array(z.object({ year: z.number().int(), source: z.string(), days: z.number().int(), updatedAt: InstantSchema })),
})
export type HolidayCalendar = z.infer<typeof HolidayCalendarSchema>

export const ReplaceHolidayYearBodySchema = z.strictObject({
  source: plainText('请填写依据（通知名称与发布日期）').min(1, '请填写依据（通知名称与发布日期）').max(200, '依据最多 200 个字'),
  days: z
    .array(
      z.strictObject({
        date: CalendarDateSchema,
        kind: HolidayKindSchema,
        name: plainText('节日名称应为文字').max(20, '节日名称最多 20 个字').default(''),
      }),
      { error: '请列出放假和调休上班的日期' },
    )
    .max(120, '一年最多 120 天'),
})
export type ReplaceHolidayYearBody = z.infer<typeof ReplaceHolidayYearBodySchema>
