// The staff home's work queue: what needs action now in the person's departments (one request).
import type { WorkQueue } from '@gm/shared'
import { api } from '../api'
import { type RequestState, useRequest } from './useRequest'

export function useWorkQueue(enabled: boolean): RequestState<WorkQueue | undefined> {
  return useRequest(() => (enabled ? api.getWorkQueue() : Promise.resolve(undefined)), [enabled])
}
