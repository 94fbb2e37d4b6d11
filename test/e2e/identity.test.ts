import type { Browser } from 'playwright-core'
import { launchBrowser } from './support/browser'
import { Phone } from './support/h5'

let browser: Browser
let phone: Phone

beforeAll(async () => {
  browser = await launchBrowser()
  phone = await Phone.open(browser)
})
afterAll(() => browser?.close())
afterEach(() => {
  expect(phone.unexpectedErrors()).toEqual([])
})

const on = (pageClass: string) => phone.on(pageClass)
const button = (pageClass: string, name: string) => phone.button(pageClass, name)
const field = (pageClass: string, name: string) => phone.field(pageClass, name)
const screenshot = (name: string) => phone.screenshot(name)

function adminCredentials() {
  const username = process.env.E2E_ADMIN_USERNAME
  const password = process.env.E2E_ADMIN_PASSWORD
  if (!username || !password)
    throw new Error('E2E_ADMIN_USERNAME / E2E_ADMIN_PASSWORD are not set: run e2e tests through jest (test/e2e/support/globalSetup.ts)')
  return { username, password }
}

describe('a citizen signs in with the H5 demo login', () => {
  it('opens the login page from 我的', async () => {
    await phone.switchTab('我的')
    await button('gm-mine-page', '登录').click()
    await field('gm-login-page', 'name').waitFor()
    await on('gm-login-page').getByRole('link', { name: '工作人员登录' }).waitFor()
    await screenshot('10-login-demo')
  })

  it('asks for a name next to the field when it is left empty', async () => {
    await button('gm-login-page', '演示登录').click()
    await on('gm-login-page').locator('.gm-field--name .gm-field__error', { hasText: '请填写称呼' }).waitFor()
  })

  it('signs in with a name and sees it on 我的', async () => {
    await field('gm-login-page', 'name').fill('测试居民')
    await button('gm-login-page', '演示登录').click()
    const account = on('gm-mine-page').locator('.gm-account--citizen')
    await account.waitFor()
    await expect(account.textContent()).resolves.toContain('测试居民')
    await on('gm-mine-page').getByText('我的消息', { exact: true }).waitFor()
    await on('gm-mine-page').getByText('我的个人信息', { exact: true }).waitFor()
    await screenshot('11-mine-citizen')
  })

  it('sees 我的消息 (empty) and 我的个人信息', async () => {
    await on('gm-mine-page').getByText('我的消息', { exact: true }).click()
    await on('gm-notifications-page')
      .getByText(/暂无消息/)
      .waitFor()
    await phone.switchTab('我的')
    await on('gm-mine-page').getByText('我的个人信息', { exact: true }).click()
    await on('gm-my-data').locator('.gm-info', { hasText: '测试居民' }).waitFor()
    await button('gm-my-data', '删除我的个人信息').waitFor()
    await screenshot('12-my-data')
    await phone.switchTab('我的')
  })

  it('signs out from 我的', async () => {
    await button('gm-mine-page', '退出登录').click()
    await on('gm-mine-page').locator('.gm-account--signed-out').waitFor()
  })
})

describe('the first administrator signs in', () => {
  const newPassword = `E2e-new-${Date.now()}`

  it('gets field errors on the staff login page', async () => {
    await button('gm-mine-page', '登录').click()
    await on('gm-login-page').getByRole('link', { name: '工作人员登录' }).click()
    await field('gm-staff-login', 'username').waitFor()
    await button('gm-staff-login', '登录').click()
    await on('gm-staff-login').locator('.gm-field--username .gm-field__error', { hasText: '请填写用户名' }).waitFor()
    await on('gm-staff-login').locator('.gm-field--password .gm-field__error', { hasText: '请填写密码' }).waitFor()
    await screenshot('13-staff-login-errors')
  })

  it('must change the one-time password first', async () => {
    const { username, password } = adminCredentials()
    await field('gm-staff-login', 'username').fill(username)
    await field('gm-staff-login', 'password').fill(password)
    await button('gm-staff-login', '登录').click()
    await on('gm-staff-password')
      .getByText(/请先设置您自己的密码/)
      .waitFor()
    await field('gm-staff-password', 'currentPassword').fill(password)
    await field('gm-staff-password', 'newPassword').fill('short1')
    await field('gm-staff-password', 'confirmPassword').fill('short1')
    await button('gm-staff-password', '保存新密码').click()
    await on('gm-staff-password').locator('.gm-field--newPassword .gm-field__error', { hasText: '密码至少 10 位' }).waitFor()
    await screenshot('14-staff-password')
    await field('gm-staff-password', 'newPassword').fill(newPassword)
    await field('gm-staff-password', 'confirmPassword').fill(newPassword)
    await button('gm-staff-password', '保存新密码').click()
  })

  it('then sees 工作台 with staff administration and the audit log', async () => {
    const home = on('gm-staff-home')
    await home.getByText('工作人员管理', { exact: true }).waitFor()
    await home.locator('.gm-staff-card').first().waitFor()
    await home.locator('.gm-audit-card').first().waitFor()
    await expect(home.locator('.gm-section', { hasText: '我的账号' }).textContent()).resolves.toContain('管理员')
    await screenshot('15-staff-home')
  })

  it('creates a staff member and is shown the initial password once', async () => {
    const home = on('gm-staff-home')
    await button('gm-staff-home', '新增工作人员').click()
    await field('gm-staff-home', 'username').fill('e2e.editor')
    await field('gm-staff-home', 'displayName').fill('测试编辑')
    await home.getByRole('tab', { name: '编辑' }).click()
    await home.locator('.gm-staff-form .gm-department-picker__option').nth(1).click()
    await button('gm-staff-home', '创建账号').click()
    await home.getByText(/初始密码：/).waitFor()
    await home.locator('.gm-staff-card', { hasText: 'e2e.editor' }).waitFor()
    await screenshot('16-staff-created')
    await button('gm-staff-home', '我已记下，关闭').click()
    await expect(home.getByText(/初始密码：/).count()).resolves.toBe(0)
  })
})
