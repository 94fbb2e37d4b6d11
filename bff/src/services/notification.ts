// Telling citizens things: the in-app message plus a queued WeChat subscribe message, and the background worker that delivers them with retries.
import type { NotificationKind } from '@gm/shared'
import type { DbOrTx, JsonInput } from '../db/client'
import type { Deps } from '../deps'
import { WechatError } from '../integrations/wechat/errors'
import { claimDueDeliveries, insertDelivery, insertNotification, settleDelivery, takeSubscribeCredit } from '../repositories/notification'

export interface NotificationInput {
  citizenId: number
  kind: NotificationKind
  title: string
  body: string
  /** Page to open, e.g. `/packages/consultation/pages/detail/index?id=3`. */
  link?: string
  /** Subscribe-message fields, already within WeChat's limits (see integrations/wechat/templateData). */
  templateData?: Record<string, { value: string }>
  /**
   * The moment told, e.g. `event-cancelled:12` or `registration:40:SELECTED`: a citizen is told each
   * moment once, however often (or by however many processes) it is raised. Without it every call tells.
   */
  dedupeKey?: string
}

/** With the backoff below (30 s doubling, at most 30 min) the 10 attempts span about 3 hours of WeChat being down. */
export const MAX_DELIVERY_ATTEMPTS = 10
const LEASE_MS = 60_000
const backoffMs = (attempt: number) => Math.min(30_000 * 2 ** (attempt - 1), 30 * 60_000)

/**
 * Tell a citizen something, inside the caller's transaction: the in-app message (我的消息) is the
 * record; a WeChat subscribe message is queued only when a template is configured and the
 * citizen has an accepted subscription left for this kind. It is queued in the same transaction as
 * the change it reports (an outbox), so a committed change is never left untold and a rolled-back one
 * never told. A moment already told (same `dedupeKey`) adds nothing and spends no subscription.
 */
export async function notify(deps: Pick<Deps, 'settings' | 'clock'>, tx: DbOrTx, input: NotificationInput): Promise<{ id: number; created: boolean }> {
  const notification = await insertNotification(tx, {
    citizenId: input.citizenId,
    kind: input.kind,
    title: input.title,
    body: input.body,
    link: input.link,
    dedupeKey: input.dedupeKey,
  })
  if (!notification.created) return notification
  const templateId = deps.settings.templates[input.kind]
  if (templateId && input.templateData && (await takeSubscribeCredit(tx, input.citizenId, input.kind))) {
    await insertDelivery(tx, {
      notificationId: notification.id,
      templateId,
      page: input.link,
      data: input.templateData as JsonInput,
      nextAttemptAt: deps.clock(),
    })
  }
  return notification
}

/**
 * Send what is due, once: claimed rows are leased so parallel workers never double-send.
 * 43101 (the user withdrew consent) is final; transient failures retry with backoff up to
 * MAX_DELIVERY_ATTEMPTS; other errors fail at once. Returns how many were handled.
 */
export async function processDeliveries(deps: Deps, limit = 20): Promise<number> {
  const wechat = deps.wechat
  if (!wechat) return 0
  const due = await claimDueDeliveries(deps.db, deps.clock(), LEASE_MS, limit)
  for (const delivery of due) {
    try {
      await wechat.sendSubscribeMessage({
        openid: delivery.openid,
        templateId: delivery.template_id,
        page: delivery.page ?? undefined,
        data: delivery.data as Record<string, { value: string }>,
      })
      await settleDelivery(deps.db, delivery.id, { status: 'SENT', sentAt: deps.clock(), lastError: undefined })
    } catch (err) {
      const message = err instanceof Error ? err.message.slice(0, 500) : String(err)
      if (err instanceof WechatError && err.errcode === 43101) {
        await settleDelivery(deps.db, delivery.id, { status: 'REFUSED', lastError: message })
      } else if (err instanceof WechatError && err.retryable && delivery.attempts < MAX_DELIVERY_ATTEMPTS) {
        await settleDelivery(deps.db, delivery.id, {
          status: 'PENDING',
          lastError: message,
          nextAttemptAt: new Date(deps.clock().getTime() + backoffMs(delivery.attempts)),
        })
      } else {
        deps.log.warn({ deliveryId: delivery.id, err }, 'subscribe message failed')
        await settleDelivery(deps.db, delivery.id, { status: 'FAILED', lastError: message })
      }
    }
  }
  return due.length
}

/**
 * Background work, never on a user's request path: drain the subscribe-message queue and send
 * due reminders (`extra` rounds, e.g. event reminders).
 */
export function startDeliveryWorker(deps: Deps, extra: ((deps: Deps) => Promise<unknown>)[] = [], intervalMs = 5_000) {
  let running = false
  const timer = setInterval(() => {
    if (running) return
    running = true
    Promise.all(extra.map((round) => round(deps)))
      .then(() => processDeliveries(deps))
      .catch((err) => deps.log.warn({ err }, 'delivery worker round failed'))
      .finally(() => {
        running = false
      })
  }, intervalMs)
  timer.unref()
  return {
    async stop() {
      clearInterval(timer)
      while (running) await new Promise((r) => setTimeout(r, 50))
    },
  }
}
