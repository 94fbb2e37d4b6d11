// Gives pages that collect personal data the privacy notice state: opened when the BFF refuses a write or WeChat asks, and accept that resumes the refused write.
import { PRIVACY_NOTICE_VERSION } from '@gm/shared'
import { useCallback, useEffect, useRef, useState } from 'react'
import { type ApiError, api, onConsentNeeded, toApiError } from '../api'
import { platform, type PrivacyReply } from '../platform'
import { useSession } from './useSession'

export interface PrivacyConsent {
  /** The citizen accepted the current notice (staff do not give citizen consent). */
  accepted: boolean
  /** The notice is open: a write was refused for want of consent, WeChat asked, or the user reopened it. */
  asking: boolean
  /** WeChat is holding a privacy-related API until the user answers the notice. */
  wechatAsking: boolean
  accepting: boolean
  /** The user answered 不同意 to the last question. */
  declined: boolean
  error: ApiError | null
  /** Record consent (acceptPrivacy), answer WeChat if it asked and resume the waiting write; true when done. */
  accept: () => Promise<boolean>
  decline: () => void
  /** Open the notice again after 不同意. */
  reconsider: () => void
}

/**
 * The privacy notice, asked once at the moment it is needed: when the server refuses a write that
 * stores personal data (PRIVACY_NOT_ACCEPTED, see api/consent.ts), or when WeChat holds a privacy
 * API. Nothing is sent until `accept()` runs from the user's tap on 同意; the refused write is then
 * sent again by the API client with what the user typed.
 */
export function usePrivacyConsent(): PrivacyConsent {
  const { me, setMe } = useSession()
  const [accepting, setAccepting] = useState(false)
  const [declined, setDeclined] = useState(false)
  const [reading, setReading] = useState(false)
  const [serverAsking, setServerAsking] = useState(false)
  const [error, setError] = useState<ApiError | null>(null)
  const [wechatReply, setWechatReply] = useState<PrivacyReply | null>(null)
  const replyRef = useRef<PrivacyReply | null>(null)
  /** Settles the write waiting for the answer (true: resend it). */
  const waitingRef = useRef<((accepted: boolean) => void) | null>(null)

  const settleWaiting = useCallback((accepted: boolean) => {
    waitingRef.current?.(accepted)
    waitingRef.current = null
    setServerAsking(false)
  }, [])

  useEffect(
    () =>
      onConsentNeeded(
        () =>
          new Promise<boolean>((resolve) => {
            waitingRef.current?.(false)
            waitingRef.current = resolve
            setServerAsking(true)
            setDeclined(false)
            setError(null)
          }),
      ),
    [],
  )
  useEffect(
    () =>
      platform.onPrivacyRequest((reply) => {
        replyRef.current = reply
        setWechatReply(() => reply)
        setDeclined(false)
      }),
    [],
  )
  // Leaving the page with WeChat or a write still waiting counts as 不同意.
  useEffect(
    () => () => {
      replyRef.current?.(false)
      waitingRef.current?.(false)
      waitingRef.current = null
    },
    [],
  )

  const answerWechat = useCallback((agreed: boolean) => {
    replyRef.current?.(agreed)
    replyRef.current = null
    setWechatReply(null)
  }, [])

  const accepted = me?.kind === 'staff' || (me?.kind === 'citizen' && me.privacyAccepted)

  const accept = useCallback(async () => {
    answerWechat(true)
    // The server's refusal outranks what the session remembers (the notice may have changed since).
    if (accepted && !waitingRef.current) {
      setReading(false)
      return true
    }
    setAccepting(true)
    setError(null)
    try {
      setMe(await api.acceptPrivacy({ body: { version: PRIVACY_NOTICE_VERSION } }))
      setReading(false)
      settleWaiting(true)
      return true
    } catch (e) {
      setError(toApiError(e))
      return false
    } finally {
      setAccepting(false)
    }
  }, [accepted, answerWechat, setMe, settleWaiting])

  const decline = useCallback(() => {
    answerWechat(false)
    settleWaiting(false)
    setReading(false)
    setDeclined(true)
    setError(null)
  }, [answerWechat, settleWaiting])

  const reconsider = useCallback(() => {
    setDeclined(false)
    setReading(true)
  }, [])

  return {
    accepted,
    asking: serverAsking || reading || wechatReply !== null,
    wechatAsking: wechatReply !== null,
    accepting,
    declined,
    error,
    accept,
    decline,
    reconsider,
  }
}
