// Asks the citizen to accept the privacy notice when the server refuses a write with PRIVACY_NOT_ACCEPTED.

/** Shows the notice and settles true once the citizen accepted it (consent recorded), false otherwise. */
export type ConsentAsker = () => Promise<boolean>

/** The mounted notice that can ask (the latest one, e.g. the form on top of the page stack). */
const askers: ConsentAsker[] = []
/** One question at a time: writes refused together wait for the same answer. */
let asking: Promise<boolean> | null = null

/** Register what shows the notice; returns the unregister function. */
export function onConsentNeeded(asker: ConsentAsker): () => void {
  askers.push(asker)
  return () => {
    const index = askers.lastIndexOf(asker)
    if (index >= 0) askers.splice(index, 1)
  }
}

/** Ask for consent; false at once when nothing on screen can ask (the refusal then reaches the caller). */
export function askForConsent(): Promise<boolean> {
  const asker = askers[askers.length - 1]
  if (!asker) return Promise.resolve(false)
  asking ??= asker()
    .catch(() => false)
    .finally(() => {
      asking = null
    })
  return asking
}
