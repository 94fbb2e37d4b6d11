// 关注: whether the citizen follows a decision, department or topic (with a toggle that also asks for the WeChat reminder), and 我的关注.
import type { Follow, FollowTarget } from '@gm/shared'
import { useCallback, useState } from 'react'
import { type ApiError, api, toApiError } from '../api'
import { platform } from '../platform'
import { useRequest } from './useRequest'
import { useSession } from './useSession'
import { useSubscriptions } from './useNotifications'

export interface FollowToggle {
  /** Unknown (undefined) until loaded or while signed out. */
  following: boolean | undefined
  busy: boolean
  error: ApiError | null
  /** Follow or unfollow; following asks (from this tap) for one 关注动态 WeChat reminder. */
  toggle: () => Promise<void>
}

/** The follow state of one target; a signed-out tap signs in first (the API client opens the login page). */
export function useFollow(targetType: FollowTarget, targetKey: string | number | undefined): FollowToggle {
  const { me } = useSession()
  const key = targetKey === undefined ? undefined : String(targetKey)
  const citizen = me?.kind === 'citizen'
  const state = useRequest(
    () => (citizen && key ? api.getFollow({ params: { targetType, targetKey: key } }) : Promise.resolve(undefined)),
    [citizen, targetType, key],
  )
  const subscriptions = useSubscriptions()
  const [local, setLocal] = useState<boolean | undefined>(undefined)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<ApiError | null>(null)
  const following = local ?? state.data?.following

  const toggle = useCallback(async () => {
    if (!key || busy) return
    setBusy(true)
    setError(null)
    try {
      if (following) {
        await api.unfollow({ params: { targetType, targetKey: key } })
        setLocal(false)
      } else {
        // WeChat only shows its subscribe dialog from a tap: ask before the request.
        if (platform.name === 'weapp') await subscriptions.subscribe(['FOLLOW_UPDATE'])
        await api.follow({ params: { targetType, targetKey: key } })
        setLocal(true)
      }
    } catch (e) {
      setError(toApiError(e))
    } finally {
      setBusy(false)
    }
  }, [key, busy, following, targetType, subscriptions])

  return { following, busy, error, toggle }
}

export interface MyFollows {
  data: Follow[] | undefined
  loading: boolean
  error: ApiError | null
  reload: () => Promise<void>
  unfollow: (follow: Follow) => Promise<void>
}

/** 我的关注: everything the citizen follows, newest first, with unfollow. */
export function useMyFollows(): MyFollows {
  const { me } = useSession()
  const list = useRequest(() => api.listMyFollows().then((r) => r.items), [me?.kind, me?.id])
  const [removed, setRemoved] = useState<ReadonlySet<string>>(() => new Set())
  const unfollow = useCallback(async (follow: Follow) => {
    await api.unfollow({ params: { targetType: follow.targetType, targetKey: follow.targetKey } })
    setRemoved((keys) => new Set(keys).add(`${follow.targetType}:${follow.targetKey}`))
  }, [])
  return {
    data: list.data?.filter((f) => !removed.has(`${f.targetType}:${f.targetKey}`)),
    loading: list.loading,
    error: list.error,
    reload: list.reload,
    unfollow,
  }
}
