// A citizen's form whose write is safe to retry: one idempotency key per submission, the subscribe consent asked at the first tap.
import type { NotificationKind } from '@gm/shared'
import { useCallback, useRef, useState } from 'react'
import { toApiError } from '../api'
import type { Validation } from '../utils/form'
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
}

export interface KeyedSubmission<V extends Record<string, string>, R> {
  form: FormState<V>
  /** What the server stored (a receipt, a registration) once the submission went through. */
  result: R | null
  /** Kept for every retry of this submission; a new one only for a new submission. */
  idempotencyKey: string
  /** Empty the form for a new submission (a new key). */
  startOver: () => void
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
}: KeyedSubmissionOptions<V, T, R>): KeyedSubmission<V, R> {
  const subscriptions = useSubscriptions()
  const [result, setResult] = useState<R | null>(null)
  const [idempotencyKey, setKey] = useState(newIdempotencyKey)
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
      } catch (error) {
        if (toApiError(error).code === 'IDEMPOTENCY_KEY_REUSED') {
          keyRef.current = newIdempotencyKey()
          setKey(keyRef.current)
        }
        throw error
      }
    },
  })

  const { reset } = form
  const startOver = useCallback(() => {
    reset()
    setResult(null)
    keyRef.current = newIdempotencyKey()
    setKey(keyRef.current)
  }, [reset])

  return { form, result, idempotencyKey, startOver }
}
