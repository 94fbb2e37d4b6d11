import type { Platform } from './types'

/** The H5 build (browser preview, end-to-end tests) has no WeChat account behind it. */
export const h5Platform: Platform = {
  name: 'h5',
  canLoginSilently: false,
  supportsPhoneNumber: false,
  privacyAgreeButtonId: 'gm-privacy-agree',
  async login() {
    // The H5 build signs in on the 演示登录 / 工作人员登录 pages instead.
    return { ok: false, reason: '网页版不支持微信登录，请使用登录页' }
  },
  async requestSubscribe() {
    return []
  },
  phoneCode() {
    return null
  },
  canScanCode: false,
  async scanCode() {
    // No camera scanning in the browser build: staff type the code instead.
    return null
  },
  onPrivacyRequest() {
    // No WeChat privacy guide in a browser: the in-app notice (PrivacyGate) is the whole story.
    return () => undefined
  },
}
