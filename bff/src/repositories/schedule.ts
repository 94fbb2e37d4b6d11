// The next instant at which a public answer changes by time alone (windows, signups, scheduled publications), for the public-read cache.
import type { DbOrTx } from '../db/client'

/**
 * Every stored instant a public read compares with the clock: consultation windows and scheduled
 * publication, decision stages, event publication, signup window, start, end, draw and outcome,
 * policy and interpretation release, Q&A publication. A column added to that list of rules must be
 * added here too (the cache would otherwise keep the old status until its TTL).
 */
const SCHEDULE_COLUMNS: ReadonlyArray<readonly [table: string, column: string]> = [
  ['consultation', 'opens_at'],
  ['consultation', 'closes_at'],
  ['consultation', 'published_at'],
  ['consultation', 'feedback_published_at'],
  ['draft_version', 'published_at'],
  ['decision_stage', 'starts_at'],
  ['decision_stage', 'ends_at'],
  ['event', 'published_at'],
  ['event', 'signup_opens_at'],
  ['event', 'signup_closes_at'],
  ['event', 'starts_at'],
  ['event', 'ends_at'],
  ['event', 'draw_at'],
  ['event', 'cancelled_at'],
  ['event', 'outcome_published_at'],
  ['policy_document', 'published_at'],
  ['policy_document', 'released_at'],
  ['policy_document', 'validity_changed_at'],
  ['policy_interpretation', 'released_at'],
  ['qa_item', 'published_at'],
]

/**
 * An open consultation's 剩余天数 (daysLeft: whole days to closes_at, rounded up) drops by one at
 * closes_at minus a whole number of days: the next such instant after $1.
 */
const DAYS_LEFT_CHANGE = `(SELECT min(closes_at - (ceil(extract(epoch FROM closes_at - $1::timestamptz) / 86400) - 1) * interval '1 day')
   FROM consultation WHERE opens_at <= $1::timestamptz AND closes_at > $1::timestamptz)`

const SQL = `SELECT LEAST(${[
  ...SCHEDULE_COLUMNS.map(([table, column]) => `(SELECT min(${column}) FROM ${table} WHERE ${column} > $1::timestamptz)`),
  DAYS_LEFT_CHANGE,
].join(',\n  ')}) AS "next"`

/** The earliest stored schedule instant strictly after `now`, or null. */
export async function findNextScheduleInstant(db: DbOrTx, now: Date): Promise<Date | null> {
  const rows = await db.$queryRawUnsafe<Array<{ next: Date | null }>>(SQL, now)
  return rows[0]?.next ?? null
}
