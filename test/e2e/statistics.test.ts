import { readFileSync } from 'node:fs'
import ExcelJS from 'exceljs'
import { shanghaiParts, statisticsTableLabels, statisticsTables } from '@gm/shared'
import type { Browser, Locator } from 'playwright-core'
import { launchBrowser } from './support/browser'
import { Phone } from './support/h5'

/**
 * 统计分析 and 公开统计 on the H5 build (issue 15): an administrator opens the statistics from 工作台 on a
 * desktop screen and sees the four charts drawn next to their definitions, reads the same numbers as a
 * table, and downloads the Excel workbook, which opens with every sheet; a citizen opens 公开统计 from
 * 我的 on a phone and one consultation's statistics from its row. The numbers come from the demo
 * content: the closed consultation of 经济发展局 (opened 75 days ago) has four opinions, answered
 * 不予采纳 (a group of two), 采纳 and 部分采纳.
 */
let browser: Browser
let staff: Phone
let citizen: Phone

const seededYear = shanghaiParts(new Date(Date.now() - 75 * 86_400_000)).year

beforeAll(async () => {
  browser = await launchBrowser()
  staff = await Phone.open(browser)
  citizen = await Phone.open(browser)
})
afterAll(() => browser?.close())
afterEach(() => {
  expect(staff.unexpectedErrors()).toEqual([])
  expect(citizen.unexpectedErrors()).toEqual([])
})

/** How many pixels of a chart's canvas are painted: a chart that drew nothing has none. */
async function paintedPixels(chart: Locator): Promise<number> {
  return chart
    .locator('canvas')
    .first()
    .evaluate((canvas: HTMLCanvasElement) => {
      const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height)
      let painted = 0
      for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) painted++
      return painted
    })
}

/** Scroll so that `element` starts at the top of the screen (the screenshot then shows it). */
async function scrollToTop(element: Locator): Promise<void> {
  await element.evaluate((el) => el.scrollIntoView({ block: 'start' }))
}

async function chooseSeededYear(page: Locator): Promise<void> {
  const tab = page.getByRole('tab', { name: `${seededYear} 年` })
  if ((await tab.getAttribute('aria-selected')) !== 'true') await tab.click()
  await page.getByRole('tab', { name: `${seededYear} 年`, selected: true }).waitFor()
}

describe('统计分析 (staff, desktop)', () => {
  const page = () => staff.on('gm-staff-stats')

  it('opens from 工作台 and draws the four charts side by side, each with its definitions', async () => {
    await staff.page.setViewportSize({ width: 1366, height: 900 })
    await staff.signInAsStaffFirstTime('e2e.stats.admin', `Stats-admin-${Date.now()}`)
    await staff.on('gm-staff-home').getByText('统计分析', { exact: true }).click()
    await page()
      .getByText(/统计范围：全部部门/)
      .waitFor()
    await chooseSeededYear(page())

    const figures = page().locator('.gm-stat-figure')
    await expect(figures.count()).resolves.toBe(4)
    for (const name of ['over-time', 'adoption', 'reply-time', 'attendance']) {
      const figure = page().locator(`.gm-stat-figure--${name}`)
      await figure.locator('.gm-chart canvas').waitFor()
      await expect(paintedPixels(figure)).resolves.toBeGreaterThan(500)
    }
    // two charts a row across the desktop screen
    const [first, second] = await Promise.all([figures.nth(0).boundingBox(), figures.nth(1).boundingBox()])
    expect(second!.y).toBeCloseTo(first!.y, 0)
    expect(second!.x).toBeGreaterThan(first!.x + first!.width - 1)
    expect(first!.width).toBeGreaterThan(500)

    // the written definition sits next to each figure
    const adoption = page().locator('.gm-stat-figure--adoption')
    await adoption.getByText(/有效意见中答复为“采纳”的条数/).waitFor()
    await page()
      .locator('.gm-stat-figure--attendance')
      .getByText(/不得少于 2 次/)
      .first()
      .waitFor()
    await page()
      .locator('.gm-stat-numbers__item--participants')
      .getByText(/提出意见的不同人数/)
      .waitFor()
  })

  it('shows the same numbers as a table for screen readers, and on request', async () => {
    const adoption = page().locator('.gm-stat-figure--adoption')
    const table = adoption.getByRole('table')
    // in the page (a screen reader reads it) before anyone opens it
    await expect(table.getByRole('row').count()).resolves.toBe(6) // header, four answers, 合计
    await adoption.getByRole('button', { name: '以表格查看「采纳情况」' }).click()
    await table.getByRole('row', { name: /^采纳 \d+/ }).waitFor({ state: 'visible' })
    const cells = await table.getByRole('row').allTextContents()
    expect(cells.some((row) => row.startsWith('合计'))).toBe(true)
    await scrollToTop(page().locator('.gm-stats-report__charts'))
    await staff.screenshot('111-statistics-staff-desktop')
    // and the four charts in one picture: the page scrolls inside Taro's own box, so the screen is made as tall as they are
    const grid = page().locator('.gm-stats-report__charts')
    const height = Math.ceil((await grid.boundingBox())!.height)
    await staff.page.setViewportSize({ width: 1366, height: height + 40 })
    await scrollToTop(grid)
    await staff.screenshot('115-statistics-staff-charts')
    await staff.page.setViewportSize({ width: 1366, height: 900 })
    await adoption.getByRole('button', { name: '收起「采纳情况」表格' }).click()
  })

  it('exports the Excel workbook, and the downloaded file opens with every sheet', async () => {
    const received = Number((await page().locator('.gm-stat-numbers__item--received .gm-stat-numbers__value').textContent())?.replace(/\D/g, ''))
    const [download] = await Promise.all([staff.page.waitForEvent('download'), staff.button('gm-staff-stats', '导出 Excel 工作簿').click()])
    expect(download.suggestedFilename()).toBe(`统计-${seededYear}.xlsx`)
    await page().getByText(`已下载：统计-${seededYear}.xlsx`).waitFor()

    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.readFile(await download.path())
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(statisticsTables.map((t) => statisticsTableLabels[t]))
    const annual = workbook.getWorksheet(statisticsTableLabels.annual)!
    const rows = annual.getSheetValues().filter(Boolean) as unknown[][]
    const receivedRow = rows.find((row) => row.some((cell) => typeof cell === 'string' && cell.startsWith('收到意见')))
    expect(receivedRow).toBeDefined()
    expect(receivedRow).toContain(received)
  })

  it('exports one table as CSV (UTF-8 with BOM, opening in Excel), here 部门统计', async () => {
    const [download] = await Promise.all([staff.page.waitForEvent('download'), staff.button('gm-staff-stats', '导出 CSV：部门统计').click()])
    expect(download.suggestedFilename()).toMatch(/部门统计.*\.csv$/)
    const text = readFileSync(await download.path(), 'utf8')
    expect(text.charCodeAt(0)).toBe(0xfeff)
    expect(text).toContain('经济发展局')
  })
})

describe('公开统计 (citizen, phone)', () => {
  const page = () => citizen.on('gm-public-stats')

  it('opens from 我的 on a 390×844 phone with the charts and definitions', async () => {
    await citizen.switchTab('我的')
    await citizen.on('gm-mine-page').getByText('公开统计', { exact: true }).click()
    await page().getByRole('tab', { selected: true }).waitFor()
    await chooseSeededYear(page())
    const adoption = page().locator('.gm-stat-figure--adoption')
    await adoption.locator('.gm-chart canvas').waitFor()
    await expect(paintedPixels(adoption)).resolves.toBeGreaterThan(500)
    await page()
      .locator('.gm-stat-numbers__item--valid')
      .getByText(/经审核确认去标识化后公开的意见/)
      .waitFor()
    // nothing is wider than the phone: the wide tables scroll inside their own box
    const overflow = await citizen.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
    expect(overflow).toBeLessThanOrEqual(0)
    await scrollToTop(page().locator('.gm-stats-report__charts'))
    await citizen.screenshot('112-statistics-public-phone')
  })

  it("opens one consultation's statistics from its row", async () => {
    await page()
      .getByRole('link', { name: /高新区促进科技型中小企业高质量发展若干政策/ })
      .click()
    const consultation = citizen.on('gm-consultation-stats')
    await consultation.getByText('经济发展局', { exact: false }).first().waitFor()
    await consultation
      .locator('.gm-stat-numbers__item--received .gm-stat-numbers__value')
      .getByText(/^\d+条$/)
      .waitFor()
    await consultation.locator('.gm-stat-figure--adoption .gm-chart canvas').waitFor()
    await citizen.screenshot('113-statistics-consultation-phone')
  })

  it('grows with 大字模式: larger text in the figures and the charts, still no wider than the phone', async () => {
    const chartFont = async () =>
      page()
        .locator('.gm-stat-figure--adoption .gm-chart')
        .evaluate((el) => parseFloat(getComputedStyle(el).fontSize))
    await citizen.switchTab('我的')
    await citizen.on('gm-mine-page').getByText('公开统计', { exact: true }).click()
    await chooseSeededYear(page())
    const before = await chartFont()
    await citizen.switchTab('我的')
    await citizen.on('gm-mine-page').getByRole('switch', { name: '大字模式' }).click()
    await citizen.on('gm-mine-page').getByRole('switch', { name: '大字模式', checked: true }).waitFor()
    await citizen.on('gm-mine-page').getByText('公开统计', { exact: true }).click()
    await chooseSeededYear(page())
    const adoption = page().locator('.gm-stat-figure--adoption')
    await adoption.locator('.gm-chart canvas').waitFor()
    expect(await chartFont()).toBeGreaterThan(before * 1.2)
    await expect(paintedPixels(adoption)).resolves.toBeGreaterThan(500)
    const overflow = await citizen.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
    expect(overflow).toBeLessThanOrEqual(0)
    // every figure fits the screen (a clipped one would not show in scrollWidth)
    for (const box of await page()
      .locator('.gm-stat-figure, .gm-stat-numbers__item')
      .evaluateAll((els) => els.map((el) => el.getBoundingClientRect().right)))
      expect(box).toBeLessThanOrEqual(390)
    await scrollToTop(adoption)
    await citizen.screenshot('114-statistics-public-large-font')
  })
})
