// Gives 我的消息 the citizen's paged messages with read marks and links, and subscribe-message consent recorded with the BFF.
import type { Notification, NotificationKind } from '@gm/shared'
import { useCallback, useState } from 'react'
import { type ApiError, api, toApiError } from '../api'
import { openLink } from '../navigation'
import { platform } from '../platform'
import { PAGE_SIZE, type PagedListState, usePagedList } from './usePagedList'
import { useSession } from './useSession'

export interface MyNotifications extends PagedListState<Notification> {
  /** Mark a message read (once) and open its link, if it has one. */
  open: (notification: Notification) => void
}

/** 我的消息, page by page; reloads when another person signs in. */
export function useMyNotifications(): MyNotifications {
  const { me } = useSession()
  const list = usePagedList((page) => api.listMyNotifications({ query: { page, pageSize: PAGE_SIZE } }), [me?.kind, me?.id])
  const [readIds, setReadIds] = useState<ReadonlySet<number>>(() => new Set())

  const open = useCallback(
    (n: Notification) => {
      if (!n.read && !readIds.has(n.id)) {
        setReadIds((ids) => new Set(ids).add(n.id))
        api.readNotification({ params: { id: n.id } }).catch(() => {
          // shown as read here; the next load shows the server's answer
        })
      }
      if (n.link) openLink(n.link)
    },
    [readIds],
  )

  const data = list.data.map((n) => (readIds.has(n.id) && !n.read ? { ...n, read: true } : n))
  return { ...list, data, open }
}

export const notificationKindLabels: Record<NotificationKind, string> = {
  OPINION_ANSWERED: '意见答复',
  REGISTRATION_RESULT: '报名结果',
  EVENT_REMINDER: '活动提醒',
  EVENT_OUTCOME: '会议结果',
  FOLLOW_UPDATE: '关注动态',
}

export type SubscribeState = { status: 'idle' | 'asking' } | { status: 'done'; accepted: NotificationKind[] } | { status: 'error'; error: ApiError }

export interface Subscriptions {
  /** Whether this platform has subscribe messages at all (the WeChat mini-program). */
  available: boolean
  state: SubscribeState
  /** Ask for these kinds (call from a tap) and record what the user accepted. */
  subscribe: (kinds: readonly NotificationKind[]) => Promise<NotificationKind[]>
}

/** Subscribe messages: WeChat asks the user, the BFF records each acceptance (one message each). */
export function useSubscriptions(): Subscriptions {
  const [state, setState] = useState<SubscribeState>({ status: 'idle' })
  const subscribe = useCallback(async (kinds: readonly NotificationKind[]) => {
    setState({ status: 'asking' })
    try {
      const accepted = await platform.requestSubscribe(kinds)
      if (accepted.length > 0) await api.recordSubscriptions({ body: { accepted } })
      setState({ status: 'done', accepted })
      return accepted
    } catch (e) {
      setState({ status: 'error', error: toApiError(e) })
      return []
    }
  }, [])
  return { available: platform.name === 'weapp', state, subscribe }
}
