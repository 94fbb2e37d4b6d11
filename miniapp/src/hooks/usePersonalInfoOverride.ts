// The state behind 仍然公开（需填写理由）: the spans of a PERSONAL_INFO_UNMASKED refusal and the reason typed.
import type { UnmaskedSpan } from '@gm/shared'
import { useCallback, useState } from 'react'
import type { ApiError } from '../api'

const NONE: UnmaskedSpan[] = []

/** `details.spans` of a PERSONAL_INFO_UNMASKED refusal; undefined for any other outcome. */
export function unmaskedSpansOf(error: ApiError | null | undefined): UnmaskedSpan[] | undefined {
  if (error?.code !== 'PERSONAL_INFO_UNMASKED') return undefined
  const spans = error.details.spans
  return Array.isArray(spans) ? (spans as UnmaskedSpan[]) : NONE
}

export interface PersonalInfoOverrideState {
  /** What the server refused to publish; kept on screen while the override is being sent. */
  spans: UnmaskedSpan[] | undefined
  reason: string
  setReason: (reason: string) => void
  clear: () => void
}

/** Follows the refusals of one publishing request (`error`, `running` of its action or form). */
export function usePersonalInfoOverride(error: ApiError | null | undefined, running: boolean): PersonalInfoOverrideState {
  const [reason, setReason] = useState('')
  const [shown, setShown] = useState<UnmaskedSpan[] | undefined>(undefined)
  const current = unmaskedSpansOf(error)
  // Derived state (React's pattern for it): the last refusal stays while the request is re-sent.
  if (current !== shown && (current !== undefined || !running)) setShown(current)
  const clear = useCallback(() => {
    setReason('')
    setShown(undefined)
  }, [])
  return { spans: current ?? (running ? shown : undefined), reason, setReason, clear }
}
