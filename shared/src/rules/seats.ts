// Event seat arithmetic (public seats after reservations, seats left) and the signup window's status and labels.
import { type WindowStatus, windowStatus } from './window'

/** Seats open to public signup: capacity minus the seats reserved for media or invited experts. */
export function publicSeats(capacity: number, reservedSeats: number): number {
  return Math.max(0, capacity - reservedSeats)
}

export function seatsLeft(capacity: number, reservedSeats: number, confirmedCount: number): number {
  return Math.max(0, publicSeats(capacity, reservedSeats) - confirmedCount)
}

export type SignupStatus = WindowStatus
export const signupStatus = windowStatus

export const signupStatusLabels: Record<SignupStatus, string> = {
  upcoming: '报名未开始',
  open: '报名中',
  closed: '报名已截止',
}
