// The WeChat integration's entry: re-exports the client, errors, template data and token cache, and builds the client from configuration.
import type { Logger } from 'pino'
import type { Config } from '../../config'
import { createWechatClient, type MiniprogramState, type WechatClient } from './client'
import { createTokenCache, DEFAULT_TOKEN_KEY } from './tokenCache'

export * from './client'
export * from './errors'
export * from './templateData'
export * from './tokenCache'

/**
 * The client the BFF uses, built from configuration; undefined when WECHAT_APPID / WECHAT_SECRET are not set
 * (the H5 demo runs without WeChat). close() releases the Redis connection.
 */
export function createWechatFromConfig(
  config: Pick<Config, 'WECHAT_API_BASE' | 'WECHAT_APPID' | 'WECHAT_SECRET' | 'REDIS_URL'>,
  log: Logger,
  options: { miniprogramState?: MiniprogramState; clock?: () => Date } = {},
): { client: WechatClient; close(): Promise<void> } | undefined {
  if (!config.WECHAT_APPID || !config.WECHAT_SECRET) return undefined
  const tokenCache = createTokenCache(config.REDIS_URL, { key: `${DEFAULT_TOKEN_KEY}:${config.WECHAT_APPID}`, log })
  const client = createWechatClient({
    baseUrl: config.WECHAT_API_BASE,
    appId: config.WECHAT_APPID,
    secret: config.WECHAT_SECRET,
    tokenCache,
    log,
    ...options,
  })
  return { client, close: () => tokenCache.close() }
}
