// Where now falls in a half-open [opensAt, closesAt) window: upcoming, open or closed.
import { type Instant, toDate } from './time'

/** Where "now" falls in a half-open window [opensAt, closesAt). */
export type WindowStatus = 'upcoming' | 'open' | 'closed'

export function windowStatus(opensAt: Instant, closesAt: Instant, now: Instant = Date.now()): WindowStatus {
  const t = toDate(now).getTime()
  if (t < toDate(opensAt).getTime()) return 'upcoming'
  if (t < toDate(closesAt).getTime()) return 'open'
  return 'closed'
}
