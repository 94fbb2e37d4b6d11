// The browser (H5) implementation of the platform APIs: no WeChat login, phone or scanning, files through a hidden file input.
import type { FileChoice, Platform } from './types'

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
  chooseFile(extensions) {
    // A hidden <input type=file>: the dialog only opens from a user tap. Browsers that do not
    // report a cancel leave the promise pending, which is harmless (nothing waits on it but the tap).
    return new Promise((resolve) => {
      const input = document.createElement('input')
      input.type = 'file'
      input.accept = extensions.map((extension) => `.${extension}`).join(',')
      input.style.display = 'none'
      let settled = false
      const finish = (choice: FileChoice) => {
        if (settled) return
        settled = true
        input.remove()
        resolve(choice)
      }
      input.addEventListener('change', () => {
        const file = input.files?.[0]
        if (!file) return finish({ ok: false, reason: null })
        file.arrayBuffer().then(
          (buffer) => finish({ ok: true, name: file.name, bytes: new Uint8Array(buffer) }),
          () => finish({ ok: false, reason: '无法读取所选文件，请重新选择' }),
        )
      })
      input.addEventListener('cancel', () => finish({ ok: false, reason: null }))
      document.body.appendChild(input)
      input.click()
    })
  },
  onPrivacyRequest() {
    // No WeChat privacy guide in a browser: the in-app notice (PrivacyGate) is the whole story.
    return () => undefined
  },
}
