// When published answers next change by time alone: the public-read cache keeps no entry past it.
import { shanghaiParts, shanghaiTime } from '@gm/shared'
import type { Deps } from '../deps'
import { findNextScheduleInstant } from '../repositories/schedule'

/**
 * The earliest of the stored schedule instants after `now` (windows, signups, scheduled
 * publication…) and the next Shanghai midnight (day counts, "this month", the hot-Q&A window).
 */
export async function nextScheduleInstant(deps: Pick<Deps, 'db'>, now: Date): Promise<Date> {
  const today = shanghaiParts(now)
  const midnight = shanghaiTime(today.year, today.month, today.day + 1)
  const stored = await findNextScheduleInstant(deps.db, now)
  return stored && stored < midnight ? stored : midnight
}
