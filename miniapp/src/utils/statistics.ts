// How the statistics pages turn the figures from the server into headline numbers, chart points and table rows (pure).
import type { OpinionFigures, Statistics } from '@gm/shared'
import type { StatNumber } from '../components/StatNumbers'
import type { DataRow } from '../components/DataTable'

type Definitions = Statistics['definitions']

const units: Partial<Record<keyof OpinionFigures, string>> = {
  received: '条',
  valid: '条',
  pending: '条',
  outOfScope: '条',
  duplicate: '条',
  answered: '条',
  adopted: '条',
  partiallyAdopted: '条',
  notAdopted: '条',
  explained: '条',
  participants: '人',
  replyDaysMean: '个工作日',
  replyDaysMedian: '个工作日',
  replyDaysMax: '个工作日',
  overdue: '条',
  overdueAnswered: '条',
  overdueOpen: '条',
}

/** The headline opinion figures citizens and staff read first. */
export const headlineKeys = [
  'received',
  'valid',
  'participants',
  'answered',
  'adopted',
  'partiallyAdopted',
  'notAdopted',
  'explained',
  'replyDaysMean',
  'overdue',
] as const
/** What staff also see: moderation outcomes and the overdue split. */
export const staffExtraKeys = ['pending', 'outOfScope', 'duplicate', 'replyDaysMedian', 'replyDaysMax', 'overdueAnswered', 'overdueOpen'] as const

/** One decimal for averages, whole numbers as they are. */
export function figureText(value: number | null): string | null {
  if (value === null) return null
  return Number.isInteger(value) ? String(value) : value.toFixed(1)
}

export function opinionNumbers(figures: OpinionFigures, definitions: Definitions, keys: readonly (keyof OpinionFigures)[]): StatNumber[] {
  return keys.map((key) => ({
    key,
    label: definitions[key]?.label ?? key,
    value: figureText(figures[key]),
    unit: units[key],
    definition: definitions[key]?.definition,
    warn: (key === 'overdue' || key === 'overdueOpen') && (figures[key] ?? 0) > 0,
  }))
}

/** A 0–1 rate as a percentage with one decimal, — without a rate. */
export function percentText(rate: number | null): string | null {
  return rate === null ? null : `${Math.round(rate * 1000) / 10}%`
}

/** Table columns of the opinion figures, for the per-department and per-consultation tables. */
export const figureColumns = [
  { key: 'received', label: '收到', numeric: true },
  { key: 'valid', label: '有效', numeric: true },
  { key: 'participants', label: '参与人数', numeric: true },
  { key: 'answered', label: '已答复', numeric: true },
  { key: 'adopted', label: '采纳', numeric: true },
  { key: 'partiallyAdopted', label: '部分采纳', numeric: true },
  { key: 'notAdopted', label: '不予采纳', numeric: true },
  { key: 'explained', label: '其他说明', numeric: true },
  { key: 'replyDaysMean', label: '平均答复用时（工作日）', numeric: true },
  { key: 'overdue', label: '超期', numeric: true },
] as const

export function figureCells(figures: OpinionFigures): Omit<DataRow, 'key'> {
  return Object.fromEntries(figureColumns.map((c) => [c.key, figureText(figures[c.key])]))
}

/** 列席 per department (every department in scope, also those without any meeting). */
export function attendanceRows(events: Statistics['events']): { department: string; count: number }[] {
  return events.byDepartment.map((d) => ({ department: d.department.name, count: d.figures.meetingAttendance }))
}
