// Gives a page a button action (微信登录, 退出登录…) that runs once at a time, with its running flag and ApiError.
import { useCallback, useRef, useState } from 'react'
import { type ApiError, toApiError } from '../api'

export interface Action<A extends unknown[]> {
  running: boolean
  error: ApiError | null
  /** Run once at a time; resolves true on success, false when it failed (see `error`). */
  run: (...args: A) => Promise<boolean>
  clearError: () => void
}

/** A button's action (微信登录, 退出登录…) with its running and error state. */
export function useAction<A extends unknown[]>(action: (...args: A) => Promise<unknown>): Action<A> {
  const [running, setRunning] = useState(false)
  const [error, setError] = useState<ApiError | null>(null)
  const busy = useRef(false)
  const latest = useRef(action)
  latest.current = action

  const run = useCallback(async (...args: A) => {
    if (busy.current) return false
    busy.current = true
    setRunning(true)
    setError(null)
    try {
      await latest.current(...args)
      return true
    } catch (e) {
      setError(toApiError(e))
      return false
    } finally {
      busy.current = false
      setRunning(false)
    }
  }, [])

  return { running, error, run, clearError: useCallback(() => setError(null), []) }
}
