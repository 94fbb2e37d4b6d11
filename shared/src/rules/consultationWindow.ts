// Rules of a consultation's comment window: its status, the 30-day minimum for major decisions, early closing or extension reasons, days left.
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

/**
 * A consultation linked to an entry of the 重大行政决策事项目录 is a major decision by definition;
 * only an unlinked one is major because staff say so.
 */
export function isMajorConsultation(decisionId: number | null | undefined, declaredMajor: boolean | null | undefined): boolean {
  return (decisionId !== null && decisionId !== undefined) || declaredMajor === true
}

/** The stable code (shared/errors.ts) when a window needs a reason that is missing. */
export type WindowProblem = 'SHORT_WINDOW_REASON_REQUIRED'

/** The 30-day rule for publishing: a major consultation open for less than 30 days needs a reason. */
export function publishWindowProblem(input: {
  decisionId: number | null
  isMajorDecision: boolean
  opensAt: Instant
  closesAt: Instant
  shortWindowReason: string | null
}): WindowProblem | null {
  const major = isMajorConsultation(input.decisionId, input.isMajorDecision)
  return needsShortWindowReason(major, input.opensAt, input.closesAt) && !input.shortWindowReason?.trim() ? 'SHORT_WINDOW_REASON_REQUIRED' : null
}

export type WindowChangeKind = 'EXTENDED' | 'CLOSED_EARLY'

/** Moving the end date later extends the window; moving it earlier shortens it (closes early). */
export function windowChangeKind(previousClosesAt: Instant, closesAt: Instant): WindowChangeKind | null {
  const before = toDate(previousClosesAt).getTime()
  const after = toDate(closesAt).getTime()
  return after === before ? null : after > before ? 'EXTENDED' : 'CLOSED_EARLY'
}

/**
 * A later change of a published window: any shortening (closing early) needs a reason, whatever
 * the window's length; the reason is kept and shown publicly with the change. (The API asks a
 * reason for extensions too, so the public record reads the same either way.)
 */
export function windowChangeProblem(previousClosesAt: Instant, closesAt: Instant, reason: string | null | undefined): WindowProblem | null {
  return windowChangeKind(previousClosesAt, closesAt) === 'CLOSED_EARLY' && !reason?.trim() ? 'SHORT_WINDOW_REASON_REQUIRED' : null
}

/** Whole days left (rounded up) while open, for the countdown; 0 otherwise. */
export function daysLeft(opensAt: Instant, closesAt: Instant, now: Instant = Date.now()): number {
  if (windowStatus(opensAt, closesAt, now) !== 'open') return 0
  return Math.ceil((toDate(closesAt).getTime() - toDate(now).getTime()) / DAY_MS)
}
