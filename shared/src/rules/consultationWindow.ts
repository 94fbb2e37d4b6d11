import { DAY_MS, type Instant, toDate } from './time'
import { type WindowStatus, windowStatus } from './window'

/** 未开始 / 征集中 / 已结束, derived from the window [opensAt, closesAt) and never stored. */
export type ConsultationStatus = WindowStatus
export const consultationStatus = windowStatus

export const consultationStatusLabels: Record<ConsultationStatus, string> = {
  upcoming: '未开始',
  open: '征集中',
  closed: '已结束',
}

/** The plans require at least 30 days of comment for a major decision unless a reason is recorded. */
export const MAJOR_DECISION_MIN_DAYS = 30

export function windowDays(opensAt: Instant, closesAt: Instant): number {
  return (toDate(closesAt).getTime() - toDate(opensAt).getTime()) / DAY_MS
}

/** A major-decision window shorter than 30 days needs a recorded reason before it can be published. */
export function needsShortWindowReason(isMajorDecision: boolean, opensAt: Instant, closesAt: Instant): boolean {
  return isMajorDecision && windowDays(opensAt, closesAt) < MAJOR_DECISION_MIN_DAYS
}

/** Whole days left (rounded up) while open, for the countdown; 0 otherwise. */
export function daysLeft(opensAt: Instant, closesAt: Instant, now: Instant = Date.now()): number {
  if (windowStatus(opensAt, closesAt, now) !== 'open') return 0
  return Math.ceil((toDate(closesAt).getTime() - toDate(now).getTime()) / DAY_MS)
}
