// When on-site check-in is accepted: from a configured number of hours before the event starts until it ends.

/** The default lead: check-in opens 3 hours before the start (the event day, not days ahead). */
export const DEFAULT_CHECK_IN_OPENS_HOURS_BEFORE = 3

export type CheckInStatus = 'early' | 'open' | 'closed'

/** The check-in window of an event: opens `opensHoursBefore` hours before the start, closes at the end. */
export function checkInWindow(startsAt: Date, endsAt: Date, opensHoursBefore: number): { opensAt: Date; closesAt: Date } {
  return { opensAt: new Date(startsAt.getTime() - opensHoursBefore * 3_600_000), closesAt: endsAt }
}

/** Whether a check-in at `now` is too early, accepted, or too late. */
export function checkInStatus(startsAt: Date, endsAt: Date, opensHoursBefore: number, now: Date): CheckInStatus {
  const { opensAt, closesAt } = checkInWindow(startsAt, endsAt, opensHoursBefore)
  if (now < opensAt) return 'early'
  return now <= closesAt ? 'open' : 'closed'
}
