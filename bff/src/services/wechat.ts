// Calls WeChat for a request, turning an unconfigured or unreachable WeChat into WECHAT_UNAVAILABLE and a bad code into WECHAT_CODE_INVALID.
import type { Deps } from '../deps'
import { AppError } from '../domain/errors'
import type { WechatClient } from '../integrations/wechat/client'
import { WechatError } from '../integrations/wechat/errors'

/** Code-exchange errcodes that mean "this code is bad", as opposed to WeChat being unavailable. */
const BAD_CODE = new Set([40029, 40163, 40226])

/**
 * Call WeChat on behalf of a request: not configured or unreachable → WECHAT_UNAVAILABLE (503),
 * an invalid or reused code → WECHAT_CODE_INVALID (400).
 */
export async function callWechat<T>(deps: Deps, call: (wechat: WechatClient) => Promise<T>): Promise<T> {
  if (!deps.wechat) throw new AppError('WECHAT_UNAVAILABLE', '未配置微信小程序 AppID/AppSecret')
  try {
    return await call(deps.wechat)
  } catch (err) {
    if (err instanceof WechatError) {
      if (BAD_CODE.has(err.errcode)) throw new AppError('WECHAT_CODE_INVALID')
      deps.log.warn({ errcode: err.errcode, errmsg: err.errmsg }, 'wechat call failed')
      throw new AppError('WECHAT_UNAVAILABLE')
    }
    throw err
  }
}
