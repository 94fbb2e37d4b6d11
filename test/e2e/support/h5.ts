import type { Browser, Locator, Page } from 'playwright-core'
import { baseUrl, phonePage, screenshot as capture } from './browser'
import { staffAccount } from './staffAccounts'

/**
 * `item` in a paged list inside `list` (its cards and its 加载更多 button), paging on until it shows: the e2e files
 * share one server and add events, notices and audit entries to the same lists meanwhile, so an item seeded on the
 * first page may have moved to a later one.
 */
export async function pageOnUntil(list: Locator, item: Locator, pages = 10): Promise<Locator> {
  const more = list.getByRole('button', { name: '加载更多', exact: true })
  for (let page = 0; page < pages; page++) {
    await item.or(more).first().waitFor()
    if (await item.first().isVisible()) break
    await more.click()
  }
  return item
}

/**
 * One person on a phone: their own browser context (own session in localStorage), the errors the
 * page reported, and the few gestures the walks need. Taro H5 keeps the pages of the stack in the
 * DOM, so everything is looked up inside the visible page of a given class.
 */
export class Phone {
  private expected: RegExp[] = []

  private constructor(
    readonly page: Page,
    private readonly errors: string[],
  ) {}

  static async open(browser: Browser): Promise<Phone> {
    const { page, errors } = await phonePage(browser)
    await page.goto(baseUrl())
    return new Phone(page, errors)
  }

  /** The visible root of a page, e.g. `on('gm-opinion-page')`. */
  on(pageClass: string): Locator {
    return this.page.locator(`.${pageClass}`).filter({ visible: true }).last()
  }

  button(pageClass: string, name: string | RegExp): Locator {
    return this.on(pageClass).getByRole('button', { name, exact: typeof name === 'string' })
  }

  /** The input of a FormField (`gm-field--name`) or TextAreaField (`gm-textarea--name`). */
  field(pageClass: string, name: string): Locator {
    return this.on(pageClass).locator(`.gm-field--${name} input, .gm-textarea--${name} textarea`).first()
  }

  tab(text: string): Locator {
    return this.page.locator('.taro-tabbar__tabbar').getByText(text, { exact: true })
  }

  /**
   * Go to a tab page from anywhere: a tap on the tab bar where it shows, otherwise (Taro H5 hides
   * it on sub-pages) the tab's address, as a fresh start of the app would.
   */
  async switchTab(text: keyof typeof tabPaths): Promise<void> {
    // The tab bar hides only once a sub-page has slid in: look at it after the transition.
    await this.settled()
    if (await this.tab(text).isVisible()) {
      await this.tab(text).click()
    } else {
      await this.page.goto(`${baseUrl()}/#${tabPaths[text]}`)
    }
    await this.settled()
  }

  /** Wait for Taro's slide-in transitions to finish. */
  async settled(): Promise<void> {
    await this.page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'))
  }

  async back(): Promise<void> {
    await this.page.goBack()
    await this.settled()
  }

  /** A picture of the visible part of the page, scrolled to `focus` first when given. */
  async screenshot(name: string, focus?: Locator): Promise<void> {
    if (focus) await focus.scrollIntoViewIfNeeded()
    await this.settled()
    await capture(this.page, name)
  }

  /** A failing response this step provokes on purpose (e.g. a used check-in code). */
  expectError(pattern: RegExp): void {
    this.expected.push(pattern)
  }

  /** Errors the page reported that no step expected; clears the record. */
  unexpectedErrors(): string[] {
    const seen = this.errors.splice(0)
    const expected = this.expected.splice(0)
    return seen.filter((e) => !expected.some((p) => p.test(e)))
  }

  /** 我的 → 登录 → 演示登录 with a name. */
  async signInAsCitizen(name: string): Promise<void> {
    await this.switchTab('我的')
    await this.button('gm-mine-page', '登录').click()
    await this.field('gm-login-page', 'name').fill(name)
    await this.button('gm-login-page', '演示登录').click()
    await this.on('gm-mine-page').locator('.gm-account--citizen', { hasText: name }).waitFor()
  }

  /** 我的 → 登录 → 工作人员登录, then the forced change of the one-time password → 工作台. */
  async signInAsStaffFirstTime(username: string, newPassword: string): Promise<void> {
    const account = staffAccount(username)
    await this.switchTab('我的')
    await this.button('gm-mine-page', '登录').click()
    await this.on('gm-login-page').getByRole('link', { name: '工作人员登录' }).click()
    await this.field('gm-staff-login', 'username').fill(account.username)
    await this.field('gm-staff-login', 'password').fill(account.initialPassword)
    await this.button('gm-staff-login', '登录').click()
    await this.on('gm-staff-password')
      .getByText(/请先设置您自己的密码/)
      .waitFor()
    await this.field('gm-staff-password', 'currentPassword').fill(account.initialPassword)
    await this.field('gm-staff-password', 'newPassword').fill(newPassword)
    await this.field('gm-staff-password', 'confirmPassword').fill(newPassword)
    await this.button('gm-staff-password', '保存新密码').click()
    await this.on('gm-staff-home').getByText(`您好，${account.displayName}`).waitFor()
  }

  async close(): Promise<void> {
    await this.page.context().close()
  }
}

const tabPaths = {
  意见征集: '/pages/consultations/index',
  活动报名: '/pages/events/index',
  政策问答: '/pages/qa/index',
  我的: '/pages/mine/index',
} as const

/** "2026-11-21 09:30:05" in Asia/Shanghai, as staff type it. */
export function shanghaiText(at: number): string {
  const d = new Date(at + 8 * 3_600_000)
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`
}
