/** The staff lottery desk: the public record, the preview staff confirm, the draw and the redraw. */
import type { DrawPreview, DrawRecord } from '@gm/shared'
import { useCallback, useState } from 'react'
import { type ApiError, api, toApiError } from '../api'
import { notFound } from './notFound'
import { useDraw } from './useRegistrations'
import { type RequestState, useRequest } from './useRequest'

export interface DrawInput {
  witnesses: string[]
  /** Redraws only: published with the new result */
  reason?: string
}

export interface LotteryDesk {
  /** The public record once drawn (404 before) */
  record: RequestState<DrawRecord>
  preview: RequestState<DrawPreview>
  /** The record just drawn or redrawn */
  done: DrawRecord | null
  running: boolean
  error: ApiError | null
  /** Draw (or redraw when a record exists) with the list hash of the confirmed preview; true when done. */
  run: (input: DrawInput) => Promise<boolean>
}

export function useLotteryDesk(eventId: number | null, enabled: boolean): LotteryDesk {
  const preview = useRequest(
    () => (eventId === null || !enabled ? Promise.reject(notFound()) : api.drawPreview({ params: { id: eventId } })),
    [eventId, enabled],
  )
  // The public record exists only once drawn: not asked for before (no 404 on the way).
  const record = useDraw(preview.data?.drawn ? eventId : null)
  const [done, setDone] = useState<DrawRecord | null>(null)
  const [running, setRunning] = useState(false)
  const [error, setError] = useState<ApiError | null>(null)
  const { reload: reloadPreview } = preview
  const listHash = preview.data?.listHash
  const drawn = Boolean(done ?? record.data)

  const run = useCallback(
    async (input: DrawInput) => {
      if (eventId === null || !listHash) return false
      setRunning(true)
      setError(null)
      try {
        const params = { id: eventId }
        // No quotas: the draw uses the event's, fixed and public since signups opened.
        const body = { listHash, witnesses: input.witnesses }
        setDone(drawn ? await api.redrawLottery({ params, body: { ...body, reason: input.reason } }) : await api.drawLottery({ params, body }))
        await reloadPreview()
        return true
      } catch (e) {
        const failure = toApiError(e)
        setError(failure)
        if (failure.code === 'DRAW_LIST_CHANGED') await reloadPreview()
        return false
      } finally {
        setRunning(false)
      }
    },
    [eventId, listHash, drawn, reloadPreview],
  )
  return { record, preview, done, running, error, run }
}
