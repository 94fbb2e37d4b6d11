// A citizen's form whose write is safe to retry: one idempotency key per submission, the subscribe consent asked at the first tap.
import type { NotificationKind } from '@gm/shared'
import { useCallback, useEffect, useRef, useState } from 'react'
import { toApiError } from '../api'
import type { Validation } from '../utils/form'
import { clearDraft, loadDraft, saveDraft } from '../utils/draftStore'
import { newIdempotencyKey } from '../utils/idempotency'
import { type FormState, useForm } from './useForm'
import { useSubscriptions } from './useNotifications'

export interface KeyedSubmissionOptions<V extends Record<string, string>, T, R> {
  initial: V
  /** Check the values; the key goes into the body when the contract carries it there. */
  validate: (values: V, idempotencyKey: string) => Validation<T, Extract<keyof V, string>>
  /** Send the checked body (with the key in the body or beside it) and answer the stored result. */
  send: (body: T, idempotencyKey: string) => Promise<R>
  /** WeChat subscribe messages asked for at the first submit tap, before the request. */
  subscribeTo: readonly NotificationKind[]
  /**
   * Save-and-return: keep these fields on the device under this name while typing, restore them (and
   * the submission's key) when the form opens again, and forget them once the submission is stored.
   * Fields not listed (a phone number, a name) are never written to storage.
   */
  draft?: { name: string; fields: readonly Extract<keyof V, string>[] }
}

export interface KeyedSubmission<V extends Record<string, string>, R> {
  form: FormState<V>
  /** What the server stored (a receipt, a registration) once the submission went through. */
  result: R | null
  /** Kept for every retry of this submission; a new one only for a new submission. */
  idempotencyKey: string
  /** Empty the form for a new submission (a new key). */
  startOver: () => void
  /** When the form opened with a draft kept on the device: when that draft was saved (ms). */
  restoredAt: number | null
  /** Forget the kept draft and empty the form. */
  discardDraft: () => void
}

/**
 * The form keeps what was typed; its key is reused when the user submits again after a failure, so
 * a lost answer is never stored twice (the BFF answers a replay with the first result). When the
 * server says the key went with other content (IDEMPOTENCY_KEY_REUSED), the next submit is a new one.
 */
export function useKeyedSubmission<V extends Record<string, string>, T, R>({
  initial,
  validate,
  send,
  subscribeTo,
  draft,
}: KeyedSubmissionOptions<V, T, R>): KeyedSubmission<V, R> {
  const subscriptions = useSubscriptions()
  const [result, setResult] = useState<R | null>(null)
  const draftName = draft?.name
  const [restored] = useState(() => (draftName ? loadDraft(draftName) : null))
  const [restoredAt, setRestoredAt] = useState(restored?.savedAt ?? null)
  const [idempotencyKey, setKey] = useState(() => restored?.key ?? newIdempotencyKey())
  const keyRef = useRef(idempotencyKey)
  keyRef.current = idempotencyKey
  const askedSubscribe = useRef(false)

  const form = useForm<V, T>({
    initial,
    validate: (values) => validate(values, keyRef.current),
    submit: async (body) => {
      // Must start inside the tap: WeChat only shows the subscribe dialog for a user gesture.
      if (!askedSubscribe.current) {
        askedSubscribe.current = true
        await subscriptions.subscribe(subscribeTo)
      }
      try {
        setResult(await send(body, keyRef.current))
        if (draftName) clearDraft(draftName)
        stored.current = true
      } catch (error) {
        if (toApiError(error).code === 'IDEMPOTENCY_KEY_REUSED') {
          keyRef.current = newIdempotencyKey()
          setKey(keyRef.current)
        }
        throw error
      }
    },
  })

  // Kept while typing (half a second after the last change); never again once stored.
  const stored = useRef(false)
  const fields = draft?.fields
  const { values, setField } = form
  // The kept draft is put in once, after the first render (a reset still empties the form).
  useEffect(() => {
    if (!restored || !fields) return
    for (const [name, value] of Object.entries(pick(restored.values, fields))) setField(name as Extract<keyof V, string>, value)
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, with the draft found at the first render
  }, [])
  useEffect(() => {
    if (!draftName || !fields || stored.current) return
    const timer = setTimeout(() => stored.current || saveDraft(draftName, pick(values, fields), keyRef.current), 500)
    return () => clearTimeout(timer)
  }, [draftName, fields, values])

  const { reset } = form
  const startOver = useCallback(() => {
    reset()
    setResult(null)
    stored.current = false
    keyRef.current = newIdempotencyKey()
    setKey(keyRef.current)
  }, [reset])

  const discardDraft = useCallback(() => {
    if (draftName) clearDraft(draftName)
    setRestoredAt(null)
    reset()
  }, [draftName, reset])

  return { form, result, idempotencyKey, startOver, restoredAt, discardDraft }
}

function pick(values: Record<string, string>, fields: readonly string[]): Record<string, string> {
  return Object.fromEntries(fields.filter((f) => typeof values[f] === 'string').map((f) => [f, values[f]!]))
}
