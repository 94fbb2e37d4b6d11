// The H5 build in Chromium: the opinion textarea writes in the app's font and size, scales in 大字模式, leaves its counter visible and shows focus.
import type { Browser } from 'playwright-core'
import { launchBrowser } from './support/browser'
import { Phone } from './support/h5'

let browser: Browser
let citizen: Phone

beforeAll(async () => {
  browser = await launchBrowser()
  citizen = await Phone.open(browser)
})
afterAll(() => browser?.close())

async function openOpinionForm() {
  await citizen.switchTab('意见征集')
  await citizen.on('gm-consultations-page').locator('.gm-consultation-card', { hasText: '老旧小区改造提升三年行动方案' }).click()
  await citizen.on('gm-consultation-detail').getByRole('button', { name: '提交意见', exact: true }).click()
  const box = citizen.on('gm-opinion-page').locator('.gm-textarea--text')
  await box.locator('textarea').waitFor()
  return box
}

async function measure() {
  const box = await openOpinionForm()
  const textarea = box.locator('textarea')
  const style = await textarea.evaluate((el) => {
    const s = getComputedStyle(el)
    return { family: s.fontFamily, size: parseFloat(s.fontSize), bottom: el.getBoundingClientRect().bottom }
  })
  const counterTop = await box.locator('.gm-textarea__count').evaluate((el) => el.getBoundingClientRect().top)
  await textarea.focus()
  const focusShadow = await box.locator('.gm-textarea__input').evaluate((el) => getComputedStyle(el).boxShadow)
  return { ...style, counterTop, focusShadow }
}

it('uses the app font at body size, grows in 大字模式, does not cover the counter, and shows focus', async () => {
  await citizen.signInAsCitizen('居民王阿姨')
  const normal = await measure()
  expect(normal.family).not.toMatch(/monospace/)
  expect(normal.family).toMatch(/PingFang SC|Microsoft YaHei|WenQuanYi/)
  expect(normal.size).toBeGreaterThanOrEqual(15)
  expect(normal.bottom).toBeLessThanOrEqual(normal.counterTop + 1)
  expect(normal.focusShadow).not.toBe('none')

  await citizen.switchTab('我的')
  await citizen.on('gm-mine-page').getByRole('switch', { name: '大字模式' }).click()
  const large = await measure()
  expect(large.size).toBeGreaterThanOrEqual(normal.size * 1.25)
  expect(large.bottom).toBeLessThanOrEqual(large.counterTop + 1)
})
