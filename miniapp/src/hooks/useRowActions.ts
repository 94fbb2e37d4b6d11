// The actions on the rows of a staff list: which row is being saved, and each row's last failure.
import { useCallback, useState } from 'react'
import { type ApiError, toApiError } from '../api'

export interface RowActions {
  /** The row being saved, if any. */
  busyId: number | null
  rowErrors: Record<number, ApiError | undefined>
  /** Run `work` for row `id`: true when it went through, false when it failed (the error is in rowErrors). */
  runFor: (id: number, work: () => Promise<void>) => Promise<boolean>
}

export function useRowActions(): RowActions {
  const [busyId, setBusyId] = useState<number | null>(null)
  const [rowErrors, setRowErrors] = useState<Record<number, ApiError | undefined>>({})
  const runFor = useCallback(async (id: number, work: () => Promise<void>) => {
    setBusyId(id)
    setRowErrors((e) => ({ ...e, [id]: undefined }))
    try {
      await work()
      return true
    } catch (error) {
      setRowErrors((e) => ({ ...e, [id]: toApiError(error) }))
      return false
    } finally {
      setBusyId(null)
    }
  }, [])
  return { busyId, rowErrors, runFor }
}
