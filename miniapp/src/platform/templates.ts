// Subscribe-message template ids per notification kind from the build's .env files, and WeChat's three-per-request limit.
import type { NotificationKind } from '@gm/shared'

/**
 * Subscribe-message template ids from the build's `.env*` files. The literal `process.env.X`
 * reads are replaced at build time; a kind whose id is empty is not offered to the user.
 */
/** wx.requestSubscribeMessage takes at most three one-time templates per call. */
export const MAX_TEMPLATES_PER_REQUEST = 3

export function templateIds(): Record<NotificationKind, string> {
  return {
    OPINION_ANSWERED: process.env.TARO_APP_TEMPLATE_OPINION_ANSWERED || '',
    REGISTRATION_RESULT: process.env.TARO_APP_TEMPLATE_REGISTRATION_RESULT || '',
    EVENT_REMINDER: process.env.TARO_APP_TEMPLATE_EVENT_REMINDER || '',
    EVENT_OUTCOME: process.env.TARO_APP_TEMPLATE_EVENT_OUTCOME || '',
    FOLLOW_UPDATE: process.env.TARO_APP_TEMPLATE_FOLLOW_UPDATE || '',
  }
}
