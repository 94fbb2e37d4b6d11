// Display formatting for pages: BEM class joining, consultation windows, event time ranges, days until, route ids and one-line excerpts.
import { DAY_MS, formatShanghaiDate, formatShanghaiDateTime, type Instant, shanghaiParts, toDate } from '@gm/shared'

/** Join BEM class names, skipping falsy ones. */
export function cx(...names: Array<string | false | null | undefined>): string {
  return names.filter(Boolean).join(' ')
}

/**
 * The last calendar day (Asia/Shanghai) of a half-open window ending at `closesAt`:
 * a window closing at 00:00 on the 1st ends on the last day of the previous month.
 */
export function lastDay(closesAt: Instant): string {
  return formatShanghaiDate(toDate(closesAt).getTime() - 1)
}

/** "2026年11月30日": the last day of a window in plain words (older readers read it without decoding 2026-11-30). */
export function lastDayInWords(closesAt: Instant): string {
  const p = shanghaiParts(toDate(closesAt).getTime() - 1)
  return `${p.year}年${p.month}月${p.day}日`
}

/** "2026-11-01 至 2026-11-30" */
export function formatWindow(opensAt: Instant, closesAt: Instant): string {
  return `${formatShanghaiDate(opensAt)} 至 ${lastDay(closesAt)}`
}

/** "2026-11-21 09:30–11:30", or both full date-times when the event spans days. */
export function formatTimeRange(startsAt: Instant, endsAt: Instant): string {
  const start = formatShanghaiDateTime(startsAt)
  if (formatShanghaiDate(startsAt) === formatShanghaiDate(endsAt)) {
    const end = shanghaiParts(endsAt)
    return `${start}–${String(end.hour).padStart(2, '0')}:${String(end.minute).padStart(2, '0')}`
  }
  return `${start} 至 ${formatShanghaiDateTime(endsAt)}`
}

/** Whole days (rounded up) until `instant`, at least 1. */
export function daysUntil(instant: Instant, now: Instant = Date.now()): number {
  return Math.max(1, Math.ceil((toDate(instant).getTime() - toDate(now).getTime()) / DAY_MS))
}

/** A route parameter as a positive integer id, or null. */
export function parseId(raw: string | undefined): number | null {
  if (!raw || !/^\d+$/.test(raw)) return null
  const id = Number(raw)
  return Number.isSafeInteger(id) && id > 0 ? id : null
}

/** First `max` characters of a text on one line, for card previews. */
export function excerpt(text: string, max = 60): string {
  const oneLine = text.replace(/\s+/g, ' ').trim()
  return oneLine.length > max ? `${oneLine.slice(0, max)}…` : oneLine
}
