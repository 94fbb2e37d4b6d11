// Save-and-return: form drafts kept on the device (Taro storage) so a long opinion survives a locked phone or leaving the page.
import Taro from '@tarojs/taro'

const PREFIX = 'gm:draft:'
/** A draft older than this is forgotten (the consultation has most likely closed meanwhile). */
export const DRAFT_MAX_AGE_MS = 30 * 86_400_000

export interface StoredDraft {
  values: Record<string, string>
  /** The submission's idempotency key: a send whose answer was lost is retried safely after a restart. */
  key: string
  savedAt: number
}

/** The draft kept under `name`, or null (none, unreadable or too old). */
export function loadDraft(name: string, now = Date.now()): StoredDraft | null {
  try {
    const stored: unknown = Taro.getStorageSync(PREFIX + name)
    if (!stored || typeof stored !== 'object') return null
    const draft = stored as Partial<StoredDraft>
    if (typeof draft.key !== 'string' || typeof draft.savedAt !== 'number' || !draft.values || typeof draft.values !== 'object') return null
    if (now - draft.savedAt > DRAFT_MAX_AGE_MS) {
      clearDraft(name)
      return null
    }
    const values = Object.fromEntries(Object.entries(draft.values).filter(([, v]) => typeof v === 'string')) as Record<string, string>
    return { values, key: draft.key, savedAt: draft.savedAt }
  } catch {
    return null
  }
}

/** Keep `values` (only the non-empty ones; nothing at all when every one is empty). */
export function saveDraft(name: string, values: Record<string, string>, key: string, now = Date.now()): void {
  const kept = Object.fromEntries(Object.entries(values).filter(([, v]) => v.trim() !== ''))
  try {
    if (Object.keys(kept).length === 0) Taro.removeStorageSync(PREFIX + name)
    else Taro.setStorageSync(PREFIX + name, { values: kept, key, savedAt: now } satisfies StoredDraft)
  } catch {
    // storage full or unavailable: the form still works, only without save-and-return
  }
}

export function clearDraft(name: string): void {
  try {
    Taro.removeStorageSync(PREFIX + name)
  } catch {
    // nothing kept
  }
}
