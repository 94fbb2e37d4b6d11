// Gives pages the session: who is signed in (from storage, confirmed once with getMe), and signing in and out.
import type { Me } from '@gm/shared'
import { useCallback, useEffect, useSyncExternalStore } from 'react'
import { api, ApiError, callEndpoint, clearSession, saveSession, sessionStore, setChecking, updateMe } from '../api'
import { platform } from '../platform'

export interface SessionApi {
  /** Who is signed in; null when signed out. Shown from storage at once, confirmed with getMe. */
  me: Me | null
  /** The stored session is being confirmed with the server (`me` shows the stored identity meanwhile). */
  loading: boolean
  signInWithWechat: () => Promise<Me>
  signInDemo: (name: string) => Promise<Me>
  signInStaff: (username: string, password: string) => Promise<Me>
  signInStaffWithWechat: () => Promise<Me>
  /** Ends the session on the server (best effort) and forgets it here. */
  signOut: () => Promise<void>
  /** Ask the server again who is signed in (after a change such as a new password). */
  refresh: () => Promise<void>
  /** Take an identity the server answered with (acceptPrivacy, bindPhone). */
  setMe: (me: Me) => void
}

let confirming: Promise<void> | null = null

/** Confirm a stored session once per app run; a lost one is forgotten by the API client. */
function confirmSession(): Promise<void> {
  confirming ??= (async () => {
    setChecking(true)
    try {
      updateMe(await callEndpoint('getMe', undefined, { signIn: 'silent' }))
    } catch {
      // 401: the client already signed out; offline: keep the stored identity for now
    } finally {
      setChecking(false)
      confirming = null
    }
  })()
  return confirming
}

async function wechatCode(): Promise<string> {
  const login = await platform.login()
  if (!login.ok) throw new ApiError({ status: 0, code: 'UNEXPECTED', message: login.reason })
  return login.code
}

/** The session for pages: who is signed in, and the ways to sign in and out. */
export function useSession(): SessionApi {
  const state = useSyncExternalStore(sessionStore.subscribe, sessionStore.getState)

  useEffect(() => {
    const s = sessionStore.getState()
    if (s.token && !s.verified) void confirmSession()
  }, [])

  const signInWithWechat = useCallback(async () => {
    const session = await api.loginWithWechat({ body: { code: await wechatCode() } })
    saveSession(session)
    return session.me
  }, [])

  const signInDemo = useCallback(async (name: string) => {
    const session = await api.loginDemo({ body: { name } })
    saveSession(session)
    return session.me
  }, [])

  const signInStaff = useCallback(async (username: string, password: string) => {
    const session = await api.loginStaff({ body: { username, password } })
    saveSession(session)
    return session.me
  }, [])

  const signInStaffWithWechat = useCallback(async () => {
    const session = await api.loginStaffWithWechat({ body: { code: await wechatCode() } })
    saveSession(session)
    return session.me
  }, [])

  const signOut = useCallback(async () => {
    // Forget the session first, so that requests still in flight with it fail quietly instead of
    // asking the user to sign in again; then revoke it on the server.
    const token = sessionStore.getState().token
    clearSession()
    if (!token) return
    try {
      await callEndpoint('logout', undefined, { signIn: 'never', token })
    } catch {
      // offline or already expired: forgetting the token here is what matters to the user
    }
  }, [])

  const refresh = useCallback(async () => {
    if (!sessionStore.getState().token) return
    updateMe(await callEndpoint('getMe', undefined, { signIn: 'silent' }))
  }, [])

  return {
    me: state.me,
    loading: state.checking,
    signInWithWechat,
    signInDemo,
    signInStaff,
    signInStaffWithWechat,
    signOut,
    refresh,
    setMe: updateMe,
  }
}
