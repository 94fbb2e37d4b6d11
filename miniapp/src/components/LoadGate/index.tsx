// Shows a single resource's loading or error state until its data arrives, then renders the content with it.
import type { ReactNode } from 'react'
import type { ApiError } from '../../api'
import { ListState } from '../ListState'

export interface LoadGateProps<T> {
  data: T | undefined
  loading: boolean
  error: ApiError | null
  onRetry: () => void
  children: (data: T) => ReactNode
}

/** For a single resource: the loading or error state until the data is there, then the content. */
export function LoadGate<T>({ data, loading, error, onRetry, children }: LoadGateProps<T>) {
  if (data !== undefined) return <>{children(data)}</>
  if (error) return <ListState status="error" errorMessage={error.message} onRetry={onRetry} />
  if (loading) return <ListState status="loading" />
  return null
}
