// Shows a single resource's loading or error state until its data arrives, then renders the content with it.
import type { ReactNode } from 'react'
import type { ApiError } from '../../api'
import { leavePage, routes } from '../../navigation'
import { ListState } from '../ListState'

export interface LoadGateProps<T> {
  data: T | undefined
  loading: boolean
  error: ApiError | null
  onRetry: () => void
  children: (data: T) => ReactNode
}

/** For a single resource: the loading or error state until the data is there, then the content. A missing item offers 返回. */
export function LoadGate<T>({ data, loading, error, onRetry, children }: LoadGateProps<T>) {
  if (data !== undefined) return <>{children(data)}</>
  // A missing item (404) does not come back on reloading: the way out is 返回 (or the home tab when opened from a link).
  if (error?.status === 404) return <ListState status="error" errorMessage={error.message} onBack={() => leavePage(routes.consultations())} />
  if (error) return <ListState status="error" errorMessage={error.message} onRetry={onRetry} />
  if (loading) return <ListState status="loading" />
  return null
}
