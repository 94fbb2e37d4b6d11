// The four statistics charts (opinions over time, adoption shares, reply time, 列席 per department), each with its definitions and table.
import { REPLY_DEADLINE_WORKING_DAYS } from '@gm/shared'
import { useCallback, useMemo } from 'react'
import type { ChartLook } from '../Chart'
import { type Definition, StatFigure } from '../StatFigure'
import { adoptionSharesOption, type AttendanceRow, meetingAttendanceOption, type MonthPoint, opinionsOverTimeOption, replyTimeOption } from './options'

export type { AttendanceRow, MonthPoint } from './options'

/** The 口径说明 the server sends with the figures, by figure key. */
export type Definitions = Record<string, Definition>

const pick = (definitions: Definitions, keys: readonly string[]): Definition[] => keys.flatMap((k) => (definitions[k] ? [definitions[k]] : []))

const percent = (part: number, whole: number) => (whole > 0 ? `${Math.round((part / whole) * 1000) / 10}%` : '—')

export interface OpinionsOverTimeFigureProps {
  months: readonly MonthPoint[]
  definitions: Definitions
  /** 大字模式: larger chart text. */
  large: boolean
  title?: string
}

/** 意见数量随时间变化: received, valid and answered per month of the year. */
export function OpinionsOverTimeFigure({ months, definitions, large, title = '意见数量（按月）' }: OpinionsOverTimeFigureProps) {
  const any = months.some((m) => m.received > 0)
  // `large` redraws the chart when 大字模式 changes (its text size comes from the page)
  const build = useCallback((look: ChartLook) => opinionsOverTimeOption(months, look), [months, large]) // eslint-disable-line react-hooks/exhaustive-deps
  return (
    <StatFigure
      className="gm-stat-figure--over-time"
      title={title}
      definitions={pick(definitions, ['received', 'valid', 'answered'])}
      build={any ? build : null}
      chartLabel="每月收到、有效和已答复的意见条数"
      columns={[
        { key: 'month', label: '月份' },
        { key: 'received', label: '收到意见', numeric: true },
        { key: 'valid', label: '有效意见', numeric: true },
        { key: 'answered', label: '已答复', numeric: true },
      ]}
      rows={months.map((m) => ({ key: m.month, month: `${m.month}月`, received: m.received, valid: m.valid, answered: m.answered }))}
      emptyText="这一年还没有收到意见"
    />
  )
}

export interface AdoptionCounts {
  adopted: number
  partiallyAdopted: number
  notAdopted: number
  explained: number
}

const adoptionKeys = ['adopted', 'partiallyAdopted', 'notAdopted', 'explained'] as const
const adoptionFallbackLabels: Record<(typeof adoptionKeys)[number], string> = {
  adopted: '采纳',
  partiallyAdopted: '部分采纳',
  notAdopted: '不予采纳',
  explained: '其他说明',
}

/** 采纳情况: the share of each kind of answer among the answered valid opinions. */
export function AdoptionFigure({
  counts,
  definitions,
  large,
  title = '采纳情况',
}: {
  counts: AdoptionCounts
  definitions: Definitions
  large: boolean
  title?: string
}) {
  const { adopted, partiallyAdopted, notAdopted, explained } = counts
  const { shares, total, build } = useMemo(() => {
    const byKey = { adopted, partiallyAdopted, notAdopted, explained }
    const shares = adoptionKeys.map((k) => ({ key: k, label: definitions[k]?.label ?? adoptionFallbackLabels[k], count: byKey[k] }))
    const total = shares.reduce((sum, s) => sum + s.count, 0)
    return { shares, total, build: total > 0 ? (look: ChartLook) => adoptionSharesOption(shares, look) : null }
  }, [adopted, partiallyAdopted, notAdopted, explained, definitions, large]) // eslint-disable-line react-hooks/exhaustive-deps -- large: redraw in 大字模式
  return (
    <StatFigure
      className="gm-stat-figure--adoption"
      title={title}
      definitions={pick(definitions, adoptionKeys)}
      build={build}
      chartLabel="已答复的有效意见中各类答复的条数和占比"
      columns={[
        { key: 'label', label: '答复' },
        { key: 'count', label: '条数', numeric: true },
        { key: 'share', label: '占比', numeric: true },
      ]}
      rows={[
        ...shares.map((s) => ({ key: s.key, label: s.label, count: s.count, share: percent(s.count, total) })),
        { key: 'total', label: '合计', count: total, share: total > 0 ? '100%' : '—' },
      ]}
      emptyText="还没有答复的意见"
    />
  )
}

export interface ReplyTimeBucket {
  label: string
  from: number
  to: number | null
  count: number
}

/** 答复用时分布: answered opinions by working days taken; the spans past the deadline stand out. */
export function ReplyTimeFigure({
  buckets,
  definitions,
  large,
  title = '答复用时分布',
}: {
  buckets: readonly ReplyTimeBucket[]
  definitions: Definitions
  large: boolean
  title?: string
}) {
  const total = buckets.reduce((sum, b) => sum + b.count, 0)
  const build = useCallback(
    (look: ChartLook) =>
      replyTimeOption(
        buckets.map((b) => ({ label: b.label, count: b.count, overDeadline: b.from > REPLY_DEADLINE_WORKING_DAYS })),
        look,
      ),
    [buckets, large], // eslint-disable-line react-hooks/exhaustive-deps -- large: redraw in 大字模式
  )
  return (
    <StatFigure
      className="gm-stat-figure--reply-time"
      title={title}
      definitions={pick(definitions, ['replyDaysMean', 'replyDaysMedian', 'overdue'])}
      build={total > 0 ? build : null}
      chartLabel={`已答复意见按答复用时（工作日）分组的条数，超过 ${REPLY_DEADLINE_WORKING_DAYS} 个工作日为超期`}
      columns={[
        { key: 'label', label: '答复用时' },
        { key: 'count', label: '条数', numeric: true },
        { key: 'share', label: '占比', numeric: true },
      ]}
      rows={buckets.map((b) => ({ key: b.from, label: b.label, count: b.count, share: percent(b.count, total) }))}
      emptyText="还没有答复的意见"
    />
  )
}

/** 列席 per department this year against the plans' minimum (各部门单位年内邀请列席不得少于 2 次). */
export function MeetingAttendanceFigure({
  rows,
  minimum,
  definitions,
  large,
  title = '各部门邀请列席次数',
}: {
  rows: readonly AttendanceRow[]
  minimum: number
  definitions: Definitions
  large: boolean
  title?: string
}) {
  const build = useCallback((look: ChartLook) => meetingAttendanceOption(rows, minimum, look), [rows, minimum, large]) // eslint-disable-line react-hooks/exhaustive-deps -- large: redraw in 大字模式
  return (
    <StatFigure
      className="gm-stat-figure--attendance"
      title={title}
      definitions={pick(definitions, ['meetingAttendance', 'meetingAttendanceMet'])}
      build={rows.length > 0 ? build : null}
      tall={rows.length > 5}
      chartLabel={`每个部门当年邀请列席会议的次数，虚线为最低要求 ${minimum} 次`}
      columns={[
        { key: 'department', label: '部门' },
        { key: 'count', label: '邀请列席次数', numeric: true },
        { key: 'met', label: `达到 ${minimum} 次` },
      ]}
      rows={rows.map((r) => ({
        key: r.department,
        department: r.department,
        count: r.count,
        met: r.count >= minimum ? '达标' : `未达标（差 ${minimum - r.count} 次）`,
      }))}
      emptyText="没有部门"
    />
  )
}
