// What use cases need from the outside world (database, clock, logger, WeChat client, rate-limit store, settings), passed in so tests supply their own.
import type { Logger } from 'pino'
import type { Database } from './db/client'
import type { WechatClient } from './integrations/wechat/client'
import type { NotificationKind } from '@gm/shared'
import type { LimiterStore } from './security/limiter'
import type { FullEvents } from './services/fullEvents'
import type { AttachmentStorage } from './storage/attachmentStorage'

export interface Settings {
  /** The H5 demo login for citizens. */
  demoLogin: boolean
  sessionTtlHours: number
  /** Subscribe-message template id per notification kind; kinds without one stay in-app only. */
  templates: Partial<Record<NotificationKind, string>>
  /** On-site check-in opens this many hours before an event starts (and closes when it ends); DEFAULT_CHECK_IN_OPENS_HOURS_BEFORE when absent. */
  checkInOpensHoursBefore?: number
}

/** What use cases need from the outside world; tests pass their own clock and WeChat client. */
export interface Deps {
  db: Database
  log: Logger
  clock: () => Date
  /** null when WECHAT_APPID/WECHAT_SECRET are not configured. */
  wechat: WechatClient | null
  settings: Settings
  /**
   * Rate-limit and sign-in counters (Redis when configured). Without it endpoints are not rate limited
   * (in-process test apps) and sign-in throttling counts in-process.
   */
  limits?: LimiterStore
  /** First-come events this instance knows to be full (kept current by the change feed); without it every signup asks the database. */
  fullEvents?: FullEvents
  /** Where attachment bytes live (filesystem under ATTACHMENT_DIR); without it uploads and file reads answer 503. */
  attachments?: AttachmentStorage
}
