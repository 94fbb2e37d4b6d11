// Random session tokens (only their SHA-256 stored), short invite codes and readable receipt codes.
import { formatShanghaiDate } from '@gm/shared'
import { createHash, randomBytes, randomInt } from 'node:crypto'

/** Opaque bearer tokens: 256 random bits for the client, only the SHA-256 in the database. */
export function newToken(): string {
  return randomBytes(32).toString('base64url')
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}

/** Short human-typable codes (invites): no 0/O/1/I/L to misread. */
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789'
export function newCode(length = 10): string {
  return Array.from({ length }, () => ALPHABET[randomInt(ALPHABET.length)]).join('')
}

/** A receipt code a citizen can read out: prefix, Shanghai date, 6 characters (e.g. YJ20261121-7KQ2MX). */
export function newReceiptCode(prefix: string, now: Date): string {
  return `${prefix}${formatShanghaiDate(now).replace(/-/g, '')}-${newCode(6)}`
}
