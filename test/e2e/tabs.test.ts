// The H5 build in Chromium: a citizen walks the four tabs (consultations, events, Q&A, 我的) and switches 大字模式.
import type { Browser, Page } from 'playwright-core'
import { baseUrl, launchBrowser, phonePage, screenshot } from './support/browser'
import { pageOnUntil } from './support/h5'

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

const tab = (text: string) => page.locator('.taro-tabbar__tabbar').getByText(text, { exact: true })

describe('a citizen walks through the four tabs of the H5 build', () => {
  it('sees open consultations with seeded data, status and countdown', async () => {
    await page.goto(baseUrl())
    const card = page.locator('.gm-consultation-card', { hasText: '老旧小区改造提升三年行动方案' })
    await card.waitFor()
    await expect(card.textContent()).resolves.toMatch(/建设局/)
    await expect(card.textContent()).resolves.toMatch(/还剩\s*\d+\s*天/)
    await screenshot(page, '01-consultations-open')
  })

  it('switches to closed consultations and opens a draft with its clauses', async () => {
    await page.getByText('已结束', { exact: true }).first().click()
    await page.locator('.gm-consultation-card', { hasText: '科技型中小企业' }).waitFor()
    await page.getByText('征集中', { exact: true }).first().click()
    await page.locator('.gm-consultation-card', { hasText: '老旧小区' }).first().click()
    await page.getByText('第一条 改造范围').waitFor()
    await page.getByText('起草说明').first().waitFor()
    await screenshot(page, '02-consultation-detail')
    await page.goBack()
  })

  it('lists open days and meeting attendance with seats left', async () => {
    await tab('活动报名').click()
    // Other e2e files publish later events on the same server: page on until the seeded open day shows.
    const list = page.locator('.gm-events-page').filter({ visible: true }).last()
    const openDay = await pageOnUntil(list, list.locator('.gm-event-card', { hasText: '走进高新区政务服务中心' }))
    // Seats left, not an exact count: events.test.ts signs up for this open day on the same server, maybe at the same time.
    await expect(openDay.textContent()).resolves.toMatch(/剩余 \d+ 个名额/)
    await page.locator('.gm-event-card', { hasText: '列席' }).first().waitFor()
    await screenshot(page, '03-events')
  })

  it('searches the policy Q&A library', async () => {
    await tab('政策问答').click()
    await page.locator('.gm-qa-card').first().waitFor()
    const input = page.locator('.gm-search-bar input:visible').first()
    await input.fill('养老金')
    await input.press('Enter')
    await page.locator('.gm-qa-card', { hasText: '基本养老金怎么领取' }).waitFor()
    // the best match comes first (the demo library has several answers about 养老金)
    await page.waitForFunction(() => {
      const shown = Array.from(document.querySelectorAll('.gm-qa-card')).filter((el) => (el as HTMLElement).offsetParent !== null)
      return shown.length >= 1 && (shown[0].textContent ?? '').includes('基本养老金怎么领取')
    })
    await screenshot(page, '04-qa-search')
  })

  it('shows service figures on 我的 and switches to large font', async () => {
    await tab('我的').click()
    const overview = page.locator('.gm-overview')
    await overview.waitFor()
    await expect(overview.textContent()).resolves.toMatch(/\d/)
    await screenshot(page, '05-mine')
  })

  it('switches 大字模式 on 我的 and every open tab page scales, also after a reload', async () => {
    const largeFont = () => page.locator('.gm-mine-page').getByRole('switch', { name: '大字模式' })
    await largeFont().click()
    await page.locator('.gm-mine-page.gm-page--large').waitFor()
    // 活动报名 stayed mounted since it was opened: the app passes the preference to it too.
    await tab('活动报名').click()
    await page.locator('.gm-page--large .gm-event-card').first().waitFor()
    await page.reload()
    await page.locator('.gm-page--large .gm-event-card').first().waitFor()
    await tab('我的').click()
    await largeFont().click()
    await page.locator('.gm-mine-page:not(.gm-page--large)').waitFor()
    await tab('活动报名').click()
    await page.locator('.gm-page:not(.gm-page--large) .gm-event-card').first().waitFor()
  })
})
