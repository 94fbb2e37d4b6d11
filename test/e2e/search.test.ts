// 全站搜索 in the H5 build (Chromium): the home tab's box finds a consultation by a word of its clauses and opens it; 开放日怎么报名 finds the open day.
import type { Browser, Page } from 'playwright-core'
import { baseUrl, launchBrowser, phonePage, screenshot } from './support/browser'

let browser: Browser
let page: Page
let errors: string[]

beforeAll(async () => {
  browser = await launchBrowser()
  ;({ page, errors } = await phonePage(browser))
})
afterAll(() => browser?.close())
afterEach(() => {
  const seen = errors.splice(0)
  expect(seen).toEqual([])
})

describe('a citizen searches everything from the home tab', () => {
  it('finds the renovation draft by words only its clauses have (财政补助), marked, and opens it', async () => {
    await page.goto(baseUrl())
    await page.locator('.gm-consultation-card').first().waitFor()
    const input = page.locator('.gm-consultations-page__site-search input')
    await input.fill('财政补助')
    await input.press('Enter')
    const group = page.locator('.gm-search-results__group--consultations')
    await group.waitFor()
    const item = group.locator('.gm-search-results__item', { hasText: '老旧小区' }).first()
    await expect(item.locator('.gm-qa-highlight__hit').first().textContent()).resolves.toBe('财政补助')
    await screenshot(page, '100-site-search')
    await item.click()
    await page.getByText('第一条 改造范围').waitFor()
  })

  it('finds the open day for 开放日怎么报名 from the results page’s own box', async () => {
    await page.goBack()
    const input = page.locator('.gm-search-page input')
    await input.fill('开放日怎么报名')
    await input.press('Enter')
    await page.locator('.gm-search-results__group--events .gm-search-results__item', { hasText: '走进高新区政务服务中心' }).waitFor()
  })
})
