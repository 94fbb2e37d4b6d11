// Receipt codes citizens read out (YJ20261207-7KQ2MX): drawn at random, and drawn again should that day's code already be taken.
import { uniqueViolationColumns } from '../db/errors'
import { newReceiptCode } from '../security/tokens'

/**
 * Draws in all before giving up. A code is the date and 6 of 31 characters (887 million a day), so two
 * of one day's submissions draw the same code about once in 887 million / n pairs: rare, but at
 * thousands a day it happens, and the unique index then refused the second one with a 500.
 */
const DRAWS = 3

/** Runs `write` with a fresh receipt code for `now`'s day, and again with another while the code drawn was already taken. */
export async function withReceiptCode<T>(prefix: 'YJ' | 'ZX', now: Date, write: (receiptCode: string) => Promise<T>): Promise<T> {
  for (let draw = 1; ; draw++) {
    try {
      return await write(newReceiptCode(prefix, now))
    } catch (err) {
      if (draw >= DRAWS || !uniqueViolationColumns(err).some((column) => /^receipt_?code$/i.test(column))) throw err
    }
  }
}
