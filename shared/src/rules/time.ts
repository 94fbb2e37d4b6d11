/**
 * China has used UTC+8 without daylight saving since 1991, so Asia/Shanghai is a fixed offset.
 * A fixed offset keeps the rules identical in Node, browsers and the WeChat runtime (whose Intl
 * time-zone support varies by device).
 */
export const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000
export const DAY_MS = 24 * 60 * 60 * 1000

export type Instant = Date | string | number

export function toDate(value: Instant): Date {
  return value instanceof Date ? value : new Date(value)
}

/** Wall-clock parts of an instant in Asia/Shanghai. */
export function shanghaiParts(value: Instant) {
  const shifted = new Date(toDate(value).getTime() + SHANGHAI_OFFSET_MS)
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    hour: shifted.getUTCHours(),
    minute: shifted.getUTCMinutes(),
  }
}

const pad = (n: number) => String(n).padStart(2, '0')

/** "2026-11-21" in Asia/Shanghai. */
export function formatShanghaiDate(value: Instant): string {
  const p = shanghaiParts(value)
  return `${p.year}-${pad(p.month)}-${pad(p.day)}`
}

/** "2026-11-21 09:30" in Asia/Shanghai. */
export function formatShanghaiDateTime(value: Instant): string {
  const p = shanghaiParts(value)
  return `${formatShanghaiDate(value)} ${pad(p.hour)}:${pad(p.minute)}`
}

/** The instant of a Shanghai wall-clock time, e.g. shanghaiTime(2026, 11, 21, 9, 30). */
export function shanghaiTime(year: number, month: number, day: number, hour = 0, minute = 0): Date {
  return new Date(Date.UTC(year, month - 1, day, hour, minute) - SHANGHAI_OFFSET_MS)
}
