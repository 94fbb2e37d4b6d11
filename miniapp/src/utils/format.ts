// Display formatting for pages: BEM class joining, dates and times in words (Asia/Shanghai; the one way pages show a moment), consultation windows, days until, route ids and one-line excerpts.
import { DAY_MS, formatShanghaiDate, type Instant, shanghaiParts, toDate } from '@gm/shared'

/** Join BEM class names, skipping falsy ones. */
export function cx(...names: Array<string | false | null | undefined>): string {
  return names.filter(Boolean).join(' ')
}

/** "2026年11月30日": a day in plain words, Asia/Shanghai (older readers read it without decoding 2026-11-30). */
export function dateInWords(instant: Instant): string {
  const p = shanghaiParts(instant)
  return `${p.year}年${p.month}月${p.day}日`
}

/**
 * "2026年11月30日": the last calendar day (Asia/Shanghai) of a half-open window ending at `closesAt`, in plain words:
 * a window closing at 00:00 on the 1st ends on the last day of the previous month.
 */
export function lastDayInWords(closesAt: Instant): string {
  return dateInWords(toDate(closesAt).getTime() - 1)
}

const clock = (instant: Instant) => {
  const p = shanghaiParts(instant)
  return `${String(p.hour).padStart(2, '0')}:${String(p.minute).padStart(2, '0')}`
}

/** A moment as pieces that each stay on one line (see WhenText): ["2026年10月11日", "16:30"]. */
export function momentParts(instant: Instant): string[] {
  return [dateInWords(instant), clock(instant)]
}

/** An event's time as pieces that each stay on one line: ["2026年10月11日", "09:30–11:30"], or across days ["2026年10月11日", "09:30", "至", "2026年10月12日", "17:00"]. */
export function timeRangeParts(startsAt: Instant, endsAt: Instant): string[] {
  if (formatShanghaiDate(startsAt) === formatShanghaiDate(endsAt)) return [dateInWords(startsAt), `${clock(startsAt)}–${clock(endsAt)}`]
  return [...momentParts(startsAt), '至', ...momentParts(endsAt)]
}

/** From one moment to another as pieces (报名时间): ["2026年10月1日", "09:00", "至", "2026年10月8日", "18:00"]. */
export function periodParts(from: Instant, to: Instant): string[] {
  return [...momentParts(from), '至', ...momentParts(to)]
}

/** A consultation window as pieces: ["2026年11月1日", "至", "2026年11月30日"] (the last day is the one before `closesAt`). */
export function windowParts(opensAt: Instant, closesAt: Instant): string[] {
  return [dateInWords(opensAt), '至', lastDayInWords(closesAt)]
}

/**
 * Pieces as one line of text, where a string is wanted (a table cell, a notice, a hint):
 * "2026年10月11日 09:30". Where the line may wrap, render the pieces with WhenText instead.
 */
export function partsText(parts: readonly string[]): string {
  return parts.join(' ')
}

/** "2026年10月11日 09:30": a moment in words on one line. */
export function momentText(instant: Instant): string {
  return partsText(momentParts(instant))
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
