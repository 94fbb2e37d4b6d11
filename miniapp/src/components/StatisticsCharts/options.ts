// The ECharts options of the statistics figures, built from plain numbers (pure, so tests read them without a canvas).
import type { ChartLook, ChartOption } from '../Chart'

const colors = {
  received: '#0b4f9c',
  valid: '#12683a',
  answered: '#b5121b',
  met: '#12683a',
  short: '#b3261e',
  line: '#1a1a1a',
  text: '#1a1a1a',
  grid: '#c9ccd1',
}

/** Adoption shares: distinct hues and lightness, so the slices part without colour vision too (each is labelled). */
export const adoptionColors = ['#12683a', '#0b4f9c', '#b3261e', '#6b6b6b'] as const

const fontSize = (look: ChartLook) => look.fontSize
/** Axis labels a little smaller, so that twelve months fit. */
const axisFontSize = (look: ChartLook) => Math.round(look.fontSize * 0.85)

function base(look: ChartLook): ChartOption {
  return {
    animation: false,
    textStyle: { fontSize: fontSize(look), color: colors.text },
  }
}

/** The grid shrinks so that the axis labels stay inside it (ECharts 6's form of containLabel). */
const labelsInside = { outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' } as const

const axisLabel = (look: ChartLook) => ({ fontSize: axisFontSize(look), color: colors.text })

export interface MonthPoint {
  /** 1–12 */
  month: number
  received: number
  valid: number
  answered: number
}

/** 意见数量随时间变化: received, valid and answered per month, as bars side by side. */
export function opinionsOverTimeOption(points: readonly MonthPoint[], look: ChartLook): ChartOption {
  const series = [
    { key: 'received', name: '收到意见' },
    { key: 'valid', name: '有效意见' },
    { key: 'answered', name: '已答复' },
  ] as const
  return {
    ...base(look),
    legend: { top: 0, textStyle: axisLabel(look), itemGap: 16 },
    grid: { left: 8, right: 8, top: fontSize(look) * 3, bottom: 8, ...labelsInside },
    xAxis: { type: 'category', data: points.map((p) => `${p.month}月`), axisLabel: axisLabel(look) },
    yAxis: { type: 'value', minInterval: 1, axisLabel: axisLabel(look), splitLine: { lineStyle: { color: colors.grid } } },
    series: series.map((s) => ({
      type: 'bar' as const,
      name: s.name,
      data: points.map((p) => p[s.key]),
      itemStyle: { color: colors[s.key] },
    })),
  }
}

export interface Share {
  label: string
  count: number
}

/** 采纳情况: each answer kind's share of the answered opinions; the legend names each with its count, the slices carry the percentage. */
export function adoptionSharesOption(shares: readonly Share[], look: ChartLook): ChartOption {
  const countOf = new Map(shares.map((s) => [s.label, s.count]))
  return {
    ...base(look),
    legend: {
      bottom: 0,
      itemGap: 12,
      textStyle: axisLabel(look),
      formatter: (name: string) => `${name} ${countOf.get(name) ?? 0} 条`,
    },
    series: [
      {
        type: 'pie',
        name: '采纳情况',
        radius: ['32%', '58%'],
        center: ['50%', '44%'],
        avoidLabelOverlap: true,
        label: { formatter: '{d}%', fontSize: fontSize(look), color: colors.text },
        labelLine: { length: 6, length2: 6 },
        data: shares
          .filter((s) => s.count > 0)
          .map((s) => ({ name: s.label, value: s.count, itemStyle: { color: adoptionColors[shares.indexOf(s) % adoptionColors.length] } })),
      },
    ],
  }
}

/** 答复用时分布: how many answered opinions took each span of working days, as horizontal bars (the span names are long); spans past the deadline in red. */
export function replyTimeOption(buckets: readonly (Share & { overDeadline: boolean })[], look: ChartLook): ChartOption {
  const ordered = [...buckets].reverse() // a horizontal bar chart lists its first category at the bottom
  return {
    ...base(look),
    grid: { left: 8, right: fontSize(look) * 3, top: 8, bottom: 8, ...labelsInside },
    xAxis: { type: 'value', minInterval: 1, axisLabel: axisLabel(look), splitLine: { lineStyle: { color: colors.grid } } },
    yAxis: { type: 'category', data: ordered.map((b) => b.label), axisLabel: axisLabel(look) },
    series: [
      {
        type: 'bar',
        name: '已答复意见',
        data: ordered.map((b) => ({ value: b.count, itemStyle: { color: b.overDeadline ? colors.short : colors.received } })),
        label: { show: true, position: 'right', formatter: '{c} 条', fontSize: fontSize(look), color: colors.text },
      },
    ],
  }
}

export interface AttendanceRow {
  department: string
  count: number
}

/** 列席 per department against the plans' yearly minimum: a bar per department, a line at the minimum, 未达标 named on the axis. */
export function meetingAttendanceOption(rows: readonly AttendanceRow[], minimum: number, look: ChartLook): ChartOption {
  const ordered = [...rows].reverse() // a horizontal bar chart lists its first category at the bottom
  return {
    ...base(look),
    grid: { left: 8, right: fontSize(look) * 5, top: fontSize(look) * 2, bottom: 8, ...labelsInside },
    xAxis: {
      type: 'value',
      minInterval: 1,
      max: (extent: { max: number }) => Math.max(extent.max, minimum + 1),
      axisLabel: axisLabel(look),
      splitLine: { lineStyle: { color: colors.grid } },
    },
    // 未达标 in words before the name (a truncated name still says it), not only in the bar's colour
    yAxis: {
      type: 'category',
      data: ordered.map((r) => (r.count >= minimum ? r.department : `未达标 ${r.department}`)),
      axisLabel: { ...axisLabel(look), width: look.fontSize * 11, overflow: 'truncate' },
    },
    series: [
      {
        type: 'bar',
        name: '邀请列席次数',
        data: ordered.map((r) => ({ value: r.count, itemStyle: { color: r.count >= minimum ? colors.met : colors.short } })),
        label: {
          show: true,
          position: 'right',
          fontSize: fontSize(look),
          color: colors.text,
          formatter: '{c} 次',
        },
        markLine: {
          symbol: 'none',
          silent: true,
          lineStyle: { color: colors.line, type: 'dashed', width: 2 },
          label: { formatter: `最低 ${minimum} 次`, fontSize: fontSize(look), color: colors.text, position: 'end' },
          data: [{ xAxis: minimum }],
        },
      },
    ],
  }
}
