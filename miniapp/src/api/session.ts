// The app's one session store on the phone: bearer token, expiry and last known identity, kept in storage and broadcast to useSession.
import Taro from '@tarojs/taro'
import type { Me, Session } from '@gm/shared'

/** Where the session lives on the phone: the bearer token, its expiry, and the last known identity. */
export const SESSION_STORAGE_KEY = 'gm.session'

export interface StoredSession {
  token: string
  expiresAt: string
  /** Last answer of getMe (or of the login): lets 我的 show the name before the network answers. */
  me: Me
}

export interface SessionState {
  token: string | null
  me: Me | null
  /** True once getMe (or a login) confirmed `me` during this run of the app. */
  verified: boolean
  /** A getMe confirming the stored session is under way. */
  checking: boolean
}

type Listener = () => void

function isStoredSession(value: unknown): value is StoredSession {
  if (typeof value !== 'object' || value === null) return false
  const v = value as Partial<StoredSession>
  return typeof v.token === 'string' && v.token !== '' && typeof v.expiresAt === 'string' && typeof v.me === 'object' && v.me !== null
}

function expired(expiresAt: string): boolean {
  const at = Date.parse(expiresAt)
  return Number.isFinite(at) && at <= Date.now()
}

function readStorage(): StoredSession | null {
  try {
    const value: unknown = Taro.getStorageSync(SESSION_STORAGE_KEY)
    return isStoredSession(value) && !expired(value.expiresAt) ? value : null
  } catch {
    return null
  }
}

function writeStorage(value: StoredSession | null): void {
  try {
    if (value) Taro.setStorageSync(SESSION_STORAGE_KEY, value)
    else Taro.removeStorageSync(SESSION_STORAGE_KEY)
  } catch {
    // storage full or unavailable: the session still works until the app closes
  }
}

/**
 * The one session of the app: a tiny store (token + identity) that the API client reads and
 * useSession() subscribes to. Tab pages stay mounted, so every change is broadcast.
 */
let state: SessionState | null = null
let stored: StoredSession | null = null
const listeners = new Set<Listener>()

function current(): SessionState {
  if (state === null) {
    stored = readStorage()
    state = { token: stored?.token ?? null, me: stored?.me ?? null, verified: false, checking: false }
  }
  return state
}

function notify(): void {
  for (const listener of [...listeners]) listener()
}

function set(next: Omit<SessionState, 'checking'>, persist: StoredSession | null): void {
  state = { ...next, checking: state?.checking ?? false }
  stored = persist
  writeStorage(persist)
  notify()
}

/** Mark the start and end of the start-up check of a stored session. */
export function setChecking(checking: boolean): void {
  const s = current()
  if (s.checking === checking) return
  state = { ...s, checking }
  notify()
}

export const sessionStore = {
  getState: current,
  subscribe(listener: Listener): () => void {
    listeners.add(listener)
    return () => listeners.delete(listener)
  },
}

/** The bearer token to send, or null when signed out (or the stored one has expired). */
export function getToken(): string | null {
  const s = current()
  if (s.token && stored && expired(stored.expiresAt)) {
    clearSession()
    return null
  }
  return s.token
}

/** The kind of identity behind the current token, to choose how to sign in again. */
export function sessionKind(): Me['kind'] | null {
  return current().me?.kind ?? null
}

/** Keep a session answered by one of the login endpoints. */
export function saveSession(session: Session): void {
  set({ token: session.token, me: session.me, verified: true }, { token: session.token, expiresAt: session.expiresAt, me: session.me })
}

/** A fresh identity for the current session (getMe, acceptPrivacy, bindPhone answer with it). */
export function updateMe(me: Me): void {
  const s = current()
  if (!s.token || !stored) return
  set({ token: s.token, me, verified: true }, { ...stored, me })
}

/** Forget the session (signed out, expired, revoked, or deleted). */
export function clearSession(): void {
  const s = current()
  if (s.token === null && s.me === null && stored === null) return
  set({ token: null, me: null, verified: true }, null)
}

/** Tests only: read storage again as a fresh app start would. */
export function reloadSessionFromStorage(): void {
  state = null
  stored = null
  current()
  notify()
}
