import type { Browser } from 'playwright-core'
import { launchBrowser } from './support/browser'
import { Phone } from './support/h5'

/**
 * 放假安排 on the H5 build: an administrator finds the year the package lacks, enters an
 * arrangement (test rows for 2028, far from every other walk's deadlines), reads it back in the day
 * table at desktop width, and clears it again.
 */
let browser: Browser
let admin: Phone

beforeAll(async () => {
  browser = await launchBrowser()
  admin = await Phone.open(browser)
})
afterAll(() => browser?.close())
afterEach(() => {
  expect(admin.unexpectedErrors()).toEqual([])
})

const page = () => admin.on('gm-staff-holidays')

describe('放假安排', () => {
  it('opens from 工作台 on the first year the package lacks', async () => {
    await admin.signInAsStaffFirstTime('e2e.cal.admin', `Calendar-admin-${Date.now()}`)
    await admin.on('gm-staff-home').getByText('放假安排', { exact: true }).click()
    await page()
      .getByText(/包含 2004—2026 年的国务院放假调休安排/)
      .waitFor()
    await page().getByText('2027 年还没有放假安排，该年的答复期限只按周末估算').waitFor()
  })

  it('refuses an adjusted working day that is not a weekend, next to the dates', async () => {
    await page().getByRole('tab', { name: '2028 年' }).click()
    await page().getByText('2028 年还没有放假安排，该年的答复期限只按周末估算').waitFor()
    await admin.field('gm-staff-holidays', 'source').fill('端到端测试数据（非官方）')
    await admin.field('gm-staff-holidays', 'days').fill('2028-01-01 放假 元旦\n2028-01-04 调休上班 元旦')
    admin.expectError(/400 .*\/api\/admin\/holiday-calendar\/2028$/)
    await admin.button('gm-staff-holidays', '保存').click()
    await page().locator('.gm-textarea--days .gm-textarea__error', { hasText: '2028-01-04 不是周六或周日，不能作为调休上班日' }).waitFor()
  })

  it('saves the arrangement and shows it as a day table across a desktop screen', async () => {
    await admin.field('gm-staff-holidays', 'days').fill('2028-01-01 放假 元旦\n2028-01-23 至 2028-01-29 放假 春节\n2028-02-05 调休上班 春节')
    await admin.button('gm-staff-holidays', '保存').click()
    await page().getByText('已保存 2028 年放假安排，答复期限即按此计算。').waitFor()
    const table = page().getByRole('table', { name: '2028 年放假安排' })
    await table.locator('.gm-staff-holidays__row--workday', { hasText: '2028-02-05' }).waitFor()
    await expect(table.locator('.gm-staff-holidays__row--workday', { hasText: '2028-02-05' }).textContent()).resolves.toBe('2028-02-05周六调休上班春节')
    await expect(table.locator('.gm-staff-holidays__row').count()).resolves.toBe(1 + 1 + 7 + 1) // header, 元旦, 春节, 调休上班
    await admin.page.setViewportSize({ width: 1280, height: 900 })
    const width = await table.evaluate((el) => el.getBoundingClientRect().width)
    expect(width).toBeGreaterThan(900)
    await admin.screenshot('98-holiday-calendar-desktop', table)
    await admin.page.setViewportSize({ width: 390, height: 844 })
  })

  it('clears the year again (the deadlines go back to weekends only)', async () => {
    await admin.button('gm-staff-holidays', '清空本年度录入').click()
    await admin.page.getByRole('button', { name: '确认清空' }).click()
    await page().getByText('2028 年还没有放假安排，该年的答复期限只按周末估算').waitFor()
  })
})
