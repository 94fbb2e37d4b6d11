// The one way hooks load data: runs a fetcher when its inputs change, drops stale answers, and reports failures as ApiError.
import { type DependencyList, useCallback, useEffect, useRef, useState } from 'react'
import { type ApiError, toApiError } from '../api'

export interface RequestState<T> {
  data: T | undefined
  loading: boolean
  error: ApiError | null
  /** Run the request again, keeping the current data on screen; resolves when it settles. */
  reload: () => Promise<void>
}

/**
 * The one way hooks load data: runs `fetcher` when `deps` change, ignores answers that arrive after
 * a newer request started (or after unmount), and reports every failure as an ApiError.
 */
export function useRequest<T>(fetcher: () => Promise<T>, deps: DependencyList): RequestState<T> {
  const [state, setState] = useState<{ data: T | undefined; loading: boolean; error: ApiError | null }>({
    data: undefined,
    loading: true,
    error: null,
  })
  const fetcherRef = useRef(fetcher)
  fetcherRef.current = fetcher
  const latest = useRef(0)

  const run = useCallback((keepData: boolean): Promise<void> => {
    const id = ++latest.current
    setState((s) => ({ data: keepData ? s.data : undefined, loading: true, error: null }))
    let promise: Promise<T>
    try {
      promise = fetcherRef.current()
    } catch (error) {
      promise = Promise.reject(error)
    }
    return promise.then(
      (data) => {
        if (id === latest.current) setState({ data, loading: false, error: null })
      },
      (error: unknown) => {
        if (id === latest.current) setState((s) => ({ data: s.data, loading: false, error: toApiError(error) }))
      },
    )
  }, [])

  useEffect(() => {
    void run(false)
    return () => {
      // The counter itself, read at cleanup time on purpose: answers to this run are stale from now on.
      // eslint-disable-next-line react-hooks/exhaustive-deps
      latest.current++
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the caller lists the request's inputs
  }, deps)

  const reload = useCallback(() => run(true), [run])
  return { ...state, reload }
}
