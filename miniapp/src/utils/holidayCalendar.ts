// The text form administrators type a State Council holiday arrangement in: one line per day or range.
import type { HolidayDay, HolidayKind } from '@gm/shared'

const KIND_WORDS: Record<string, HolidayKind> = { 放假: 'HOLIDAY', 调休上班: 'WORKDAY', 上班: 'WORKDAY' }
const LINE = /^(\d{4}-\d{2}-\d{2})(?:\s*(?:至|~|～)\s*(\d{4}-\d{2}-\d{2}))?\s+(放假|调休上班|上班)(?:\s+(.+))?$/
const DAY_MS = 86_400_000

const isDate = (date: string) => !Number.isNaN(Date.parse(`${date}T00:00:00Z`)) && new Date(`${date}T00:00:00Z`).toISOString().slice(0, 10) === date

/**
 * Days of an arrangement typed as lines like `2027-02-06 至 2027-02-14 放假 春节` or
 * `2027-02-20 调休上班 春节` (empty lines skipped). The error names the first line it cannot read;
 * what the dates must satisfy (in the year, once each, 调休上班 on a weekend) the server checks.
 */
export function parseArrangement(text: string): { ok: true; days: HolidayDay[] } | { ok: false; error: string } {
  const days: HolidayDay[] = []
  const lines = text.split(/\r?\n/)
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim().replace(/\s+/g, ' ')
    if (!line) continue
    const m = LINE.exec(line)
    if (!m) return { ok: false, error: `第 ${i + 1} 行看不懂：应为“2027-02-06 至 2027-02-14 放假 春节”或“2027-02-20 调休上班 春节”` }
    const [, from, to = from, word, name = ''] = m as unknown as [string, string, string | undefined, string, string | undefined]
    if (!isDate(from) || !isDate(to)) return { ok: false, error: `第 ${i + 1} 行的日期不存在` }
    const start = Date.parse(`${from}T00:00:00Z`)
    const end = Date.parse(`${to}T00:00:00Z`)
    if (end < start) return { ok: false, error: `第 ${i + 1} 行的结束日期早于开始日期` }
    if ((end - start) / DAY_MS > 40) return { ok: false, error: `第 ${i + 1} 行的日期范围过长` }
    for (let t = start; t <= end; t += DAY_MS) days.push({ date: new Date(t).toISOString().slice(0, 10), kind: KIND_WORDS[word]!, name: name.trim() })
  }
  return { ok: true, days }
}

/** The lines `parseArrangement` reads back: consecutive days of one kind and name become a range. */
export function formatArrangement(days: readonly HolidayDay[]): string {
  const sorted = [...days].sort((a, b) => a.date.localeCompare(b.date))
  const lines: string[] = []
  for (let i = 0; i < sorted.length;) {
    let j = i
    while (
      j + 1 < sorted.length &&
      sorted[j + 1]!.kind === sorted[i]!.kind &&
      sorted[j + 1]!.name === sorted[i]!.name &&
      Date.parse(`${sorted[j + 1]!.date}T00:00:00Z`) - Date.parse(`${sorted[j]!.date}T00:00:00Z`) === DAY_MS
    )
      j++
    const { kind, name } = sorted[i]!
    const range = i === j ? sorted[i]!.date : `${sorted[i]!.date} 至 ${sorted[j]!.date}`
    lines.push(`${range} ${kind === 'HOLIDAY' ? '放假' : '调休上班'}${name ? ` ${name}` : ''}`)
    i = j + 1
  }
  return lines.join('\n')
}

const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六']
/** 周一…周日 of a YYYY-MM-DD date. */
export const weekdayOf = (date: string) => WEEKDAYS[new Date(`${date}T00:00:00Z`).getUTCDay()]!
