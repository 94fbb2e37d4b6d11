// Random codes people read out under a unique index (receipt codes YJ20261207-7KQ2MX, registration codes): drawn again should the code drawn already be taken.
import { uniqueViolationColumns } from '../db/errors'
import { newReceiptCode } from '../security/tokens'

/**
 * Draws in all before giving up. A receipt code is the date and 6 of 31 characters (887 million a day), so two
 * of one day's submissions draw the same code about once in 887 million / n pairs: rare, but at thousands a day
 * it happens, and the unique index then refused the second one with a 500. A registration's public code (R + 7,
 * unique over every registration) is taken about once in 275,000 draws at 100,000 registrations.
 */
const DRAWS = 3

/** A unique index on one of `columns` refused the write. */
export const codeTaken = (err: unknown, columns: RegExp) => uniqueViolationColumns(err).some((column) => columns.test(column))

/** Runs `attempt` (which draws its own codes) again while a unique index on one of `columns` refused it, at most DRAWS times in all. */
export async function redrawWhileTaken<T>(columns: RegExp, attempt: () => Promise<T>): Promise<T> {
  for (let draw = 1; ; draw++) {
    try {
      return await attempt()
    } catch (err) {
      if (draw >= DRAWS || !codeTaken(err, columns)) throw err
    }
  }
}

/** Runs `write` with a fresh receipt code for `now`'s day, and again with another while the code drawn was already taken. */
export function withReceiptCode<T>(prefix: 'YJ' | 'ZX', now: Date, write: (receiptCode: string) => Promise<T>): Promise<T> {
  return redrawWhileTaken(/^receipt_?code$/i, () => write(newReceiptCode(prefix, now)))
}
