import { PRIVACY_NOTICE_VERSION } from '@gm/shared'
import { useCallback, useEffect, useRef, useState } from 'react'
import { type ApiError, api, toApiError } from '../api'
import { platform, type PrivacyReply } from '../platform'
import { useSession } from './useSession'

export interface PrivacyConsent {
  /** The citizen accepted the current notice (staff do not give citizen consent). */
  accepted: boolean
  /** Signed out where signing in needs a form (H5): consent is recorded per person. */
  needsSignIn: boolean
  /** WeChat is holding a privacy-related API until the user answers the notice. */
  wechatAsking: boolean
  accepting: boolean
  declined: boolean
  error: ApiError | null
  /** Record consent (acceptPrivacy) and answer WeChat if it asked; true when done. */
  accept: () => Promise<boolean>
  decline: () => void
  /** Show the notice again after 不同意. */
  reconsider: () => void
}

/**
 * Consent to the privacy notice before the first collection of personal data. Nothing is sent
 * until `accept()` runs from the user's tap on 同意.
 */
export function usePrivacyConsent(): PrivacyConsent {
  const { me, setMe } = useSession()
  const [accepting, setAccepting] = useState(false)
  const [declined, setDeclined] = useState(false)
  const [error, setError] = useState<ApiError | null>(null)
  const [wechatReply, setWechatReply] = useState<PrivacyReply | null>(null)
  const replyRef = useRef<PrivacyReply | null>(null)

  useEffect(
    () =>
      platform.onPrivacyRequest((reply) => {
        replyRef.current = reply
        setWechatReply(() => reply)
        setDeclined(false)
      }),
    [],
  )
  // Leaving the page with WeChat still waiting counts as 不同意.
  useEffect(() => () => replyRef.current?.(false), [])

  const answerWechat = useCallback((agreed: boolean) => {
    replyRef.current?.(agreed)
    replyRef.current = null
    setWechatReply(null)
  }, [])

  const accepted = me?.kind === 'staff' || (me?.kind === 'citizen' && me.privacyAccepted)

  const accept = useCallback(async () => {
    answerWechat(true)
    if (accepted) return true
    setAccepting(true)
    setError(null)
    try {
      setMe(await api.acceptPrivacy({ body: { version: PRIVACY_NOTICE_VERSION } }))
      return true
    } catch (e) {
      setError(toApiError(e))
      return false
    } finally {
      setAccepting(false)
    }
  }, [accepted, answerWechat, setMe])

  const decline = useCallback(() => {
    answerWechat(false)
    setDeclined(true)
    setError(null)
  }, [answerWechat])

  const reconsider = useCallback(() => setDeclined(false), [])

  return {
    accepted,
    needsSignIn: me === null && !platform.canLoginSilently,
    wechatAsking: wechatReply !== null,
    accepting,
    declined,
    error,
    accept,
    decline,
    reconsider,
  }
}
