// The WeChat mini-program implementation of the platform APIs (wx.login, subscribe messages, phone number, privacy authorization, scanning, chat files).
import Taro from '@tarojs/taro'
import type { NotificationKind } from '@gm/shared'
import { MAX_TEMPLATES_PER_REQUEST, templateIds } from './templates'
import type { Platform, PrivacyRequestListener } from './types'

const PRIVACY_AGREE_BUTTON_ID = 'gm-privacy-agree'

/**
 * wx.onNeedPrivacyAuthorization takes a single listener for the whole app and cannot be removed,
 * so it is registered once (when the first privacy notice mounts) and forwards to the notice on
 * top. With no notice mounted the request is refused: every privacy-related API sits inside a
 * PrivacyGate.
 */
const privacyListeners: PrivacyRequestListener[] = []
let privacyHooked = false

function hookPrivacy(): void {
  if (privacyHooked || typeof Taro.onNeedPrivacyAuthorization !== 'function') return
  privacyHooked = true
  Taro.onNeedPrivacyAuthorization((resolve) => {
    const listener = privacyListeners[privacyListeners.length - 1]
    if (!listener) {
      resolve({ event: 'disagree' })
      return
    }
    resolve({ event: 'exposureAuthorization' })
    let answered = false
    listener((agreed) => {
      if (answered) return
      answered = true
      resolve(agreed ? { event: 'agree', buttonId: PRIVACY_AGREE_BUTTON_ID } : { event: 'disagree' })
    })
  })
}

export const weappPlatform: Platform = {
  name: 'weapp',
  canLoginSilently: true,
  supportsPhoneNumber: true,
  privacyAgreeButtonId: PRIVACY_AGREE_BUTTON_ID,

  async login() {
    try {
      const { code } = await Taro.login()
      return code ? { ok: true, code } : { ok: false, reason: '微信登录未返回凭证，请重试' }
    } catch {
      return { ok: false, reason: '微信登录失败，请检查网络后重试' }
    }
  },

  async requestSubscribe(kinds) {
    const ids = templateIds()
    const offered = kinds.filter((kind) => ids[kind] !== '').slice(0, MAX_TEMPLATES_PER_REQUEST)
    if (offered.length === 0) return []
    try {
      const result = (await Taro.requestSubscribeMessage({
        tmplIds: offered.map((kind) => ids[kind]),
      } as Taro.requestSubscribeMessage.Option)) as unknown as Record<string, unknown>
      return offered.filter((kind): kind is NotificationKind => result[ids[kind]] === 'accept')
    } catch {
      // 43101: the user refused; other failures also mean "no consent this time"
      return []
    }
  },

  canScanCode: true,
  async scanCode() {
    try {
      const { result } = await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] })
      return result ? result.trim() : null
    } catch {
      // cancelled by the user, or no camera permission
      return null
    }
  },

  async chooseFile(extensions) {
    let file: { name: string; path: string } | undefined
    try {
      const { tempFiles } = await Taro.chooseMessageFile({ count: 1, type: 'file', extension: [...extensions] })
      file = tempFiles[0]
    } catch {
      // cancelled by the user
      return { ok: false, reason: null }
    }
    if (!file) return { ok: false, reason: null }
    const path = file.path
    try {
      const data = await new Promise<string | ArrayBuffer>((resolve, reject) => {
        Taro.getFileSystemManager().readFile({ filePath: path, success: (result) => resolve(result.data), fail: reject })
      })
      if (typeof data === 'string') return { ok: false, reason: '无法读取所选文件，请重新选择' }
      return { ok: true, name: file.name, bytes: new Uint8Array(data), path }
    } catch {
      return { ok: false, reason: '无法读取所选文件，请重新选择' }
    }
  },

  phoneCode(detail) {
    if (!detail?.code || !/:ok$/.test(detail.errMsg ?? '')) return null
    return detail.code
  },

  onPrivacyRequest(listener) {
    hookPrivacy()
    privacyListeners.push(listener)
    return () => {
      const index = privacyListeners.lastIndexOf(listener)
      if (index >= 0) privacyListeners.splice(index, 1)
    }
  },
}
