// Idempotency keys for forms: one per form, kept across retries so a lost submit is never stored twice.
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'

function randomIndex(): number {
  const cryptoApi = (globalThis as { crypto?: { getRandomValues?: (a: Uint8Array) => Uint8Array } }).crypto
  if (cryptoApi?.getRandomValues) return cryptoApi.getRandomValues(new Uint8Array(1))[0]! % ALPHABET.length
  return Math.floor(Math.random() * ALPHABET.length)
}

/**
 * A key for one form (matches the contract's `[A-Za-z0-9_-]{8,64}`): the time in base 36 and 16
 * random characters. The form keeps it for every retry, so a submit the network lost is never
 * stored twice.
 */
export function newIdempotencyKey(now: number = Date.now()): string {
  let random = ''
  for (let i = 0; i < 16; i++) random += ALPHABET.charAt(randomIndex())
  return `${now.toString(36)}-${random}`
}
