import type { Browser } from 'playwright-core'
import { launchBrowser } from './support/browser'
import { Phone } from './support/h5'

/**
 * Issue 13's first-run path on the H5 build: an administrator reaches 意见征集管理 from 工作台, and resets
 * the password of a staff member who forgot it; the staff member signs in with the one-time password
 * and must set their own before anything else.
 */
let browser: Browser
let admin: Phone
let editor: Phone
let oneTime = ''

beforeAll(async () => {
  browser = await launchBrowser()
  admin = await Phone.open(browser)
  await admin.page.setViewportSize({ width: 1366, height: 900 })
  editor = await Phone.open(browser)
})
afterAll(() => browser?.close())
afterEach(() => {
  expect(admin.unexpectedErrors()).toEqual([])
  expect(editor.unexpectedErrors()).toEqual([])
})

describe('a forgotten password', () => {
  it('the administrator sees 意见征集管理 and resets the editor’s password after a confirmation', async () => {
    await admin.signInAsStaffFirstTime('e2e.reset.admin', `Admin-reset-${Date.now()}`)
    const home = admin.on('gm-staff-home')
    await home.getByText('意见征集管理', { exact: true }).waitFor()
    const card = home.locator('.gm-staff-card', { hasText: 'e2e.reset.editor' })
    await card.getByRole('button', { name: '重置密码' }).click()
    await admin.page.getByRole('dialog', { name: '重置「忘记密码编辑（测试）」的密码？' }).getByRole('button', { name: '确认重置' }).click()
    const notice = card.getByText(/一次性密码：/)
    await notice.waitFor()
    oneTime = /一次性密码：(\S+)/.exec((await notice.textContent()) ?? '')![1]!
    await admin.screenshot('99-staff-password-reset', card)
    await card.getByRole('button', { name: '我已记下，关闭' }).click()
    await expect(card.getByText(/一次性密码：/).count()).resolves.toBe(0)
  })

  it('the editor signs in with the one-time password and must set their own first', async () => {
    await editor.switchTab('我的')
    await editor.button('gm-mine-page', '登录').click()
    await editor.on('gm-login-page').getByRole('link', { name: '工作人员登录' }).click()
    await editor.field('gm-staff-login', 'username').fill('e2e.reset.editor')
    await editor.field('gm-staff-login', 'password').fill(oneTime)
    await editor.button('gm-staff-login', '登录').click()
    await editor
      .on('gm-staff-password')
      .getByText(/请先设置您自己的密码/)
      .waitFor()
    const mine = `Editor-own-${Date.now()}`
    await editor.field('gm-staff-password', 'currentPassword').fill(oneTime)
    await editor.field('gm-staff-password', 'newPassword').fill(mine)
    await editor.field('gm-staff-password', 'confirmPassword').fill(mine)
    await editor.button('gm-staff-password', '保存新密码').click()
    await editor.on('gm-staff-home').getByText('您好，忘记密码编辑（测试）').waitFor()
  })
})
