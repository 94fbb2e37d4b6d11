// Staff date-time input as Asia/Shanghai wall-clock text: parsing it to an instant and formatting instants back for form fields.
import { formatShanghaiDate, formatShanghaiDateTime, type Instant, shanghaiParts, shanghaiTime } from '@gm/shared'

/**
 * Staff type dates and times as Asia/Shanghai wall-clock text ("2026-12-01 09:00", seconds
 * optional): one plain input that works the same in the mini-program and in a browser.
 */
const DATE_TIME = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/

/** The instant of a Shanghai date-time text, or null when it is not one. */
export function parseShanghaiDateTime(text: string): Date | null {
  const m = DATE_TIME.exec(text.trim())
  if (!m) return null
  const [year, month, day, hour, minute, second] = [m[1], m[2], m[3], m[4] ?? '0', m[5] ?? '0', m[6] ?? '0'].map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ]
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) return null
  const date = new Date(shanghaiTime(year, month, day, hour, minute).getTime() + second * 1000)
  // 2026-02-31 rolls over into March: refuse it rather than guess
  const parts = shanghaiParts(date)
  if (parts.year !== year || parts.month !== month || parts.day !== day) return null
  return date
}

/** The ISO instant for the contract, or undefined so that the schema reports the field. */
export function isoFromShanghai(text: string): string | undefined {
  return parseShanghaiDateTime(text)?.toISOString()
}

/** "2026-12-01 09:00" (or with seconds when they are not zero), for a form field. */
export function shanghaiInputValue(instant: Instant): string {
  const seconds = new Date(instant).getUTCSeconds()
  const base = formatShanghaiDateTime(instant)
  return seconds ? `${base}:${String(seconds).padStart(2, '0')}` : base
}

/** Today's date in Asia/Shanghai, "2026-11-21" (答复日期 defaults to it). */
export function shanghaiToday(now: Instant = Date.now()): string {
  return formatShanghaiDate(now)
}
