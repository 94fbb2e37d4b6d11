import type { Browser } from 'playwright-core'
import { baseUrl, launchBrowser } from './support/browser'
import { withDatabase } from './support/database'
import { Phone } from './support/h5'

/**
 * Issue 13 end to end on the H5 build: a reviewer at a desktop (1366×900) enters an opinion received
 * by phone, masks and answers it like any other, publishes the feedback, and a citizen sees it counted
 * under 电话 in the public adoption report, with the caller's name and number hidden.
 */
let browser: Browser
let reviewer: Phone
let citizen: Phone
let consultationId: number
let receiptCode = ''

const TITLE = `线下意见端到端测试停车管理办法（征求意见稿）${Date.now().toString(36)}`
const TEXT = '建议在小区东门增加临时停车位，我是王阿姨，电话 13812345678。'
const today = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10)

beforeAll(async () => {
  // Set-up the UI does not need to show: a published, open consultation of 建设局.
  consultationId = await withDatabase(async (db) => {
    const { rows } = await db.query<{ id: number }>(
      `INSERT INTO consultation (department_id, title, summary, is_major_decision, opens_at, closes_at, published_at)
       SELECT id, $1, '规范小区临时停车，征求居民意见。', false, now() - interval '1 day', now() + interval '2 days', now() - interval '1 day'
       FROM department WHERE name = '建设局' RETURNING id`,
      [TITLE],
    )
    const id = rows[0]!.id
    await db.query(
      `INSERT INTO draft_section (consultation_id, version, position, heading, body) VALUES ($1, 1, 1, '第一条 临时停车', '小区临时停车位由物业统一划定。')`,
      [id],
    )
    await db.query(`INSERT INTO draft_version (consultation_id, version, published_at) VALUES ($1, 1, now() - interval '1 day')`, [id])
    return id
  })
  browser = await launchBrowser()
  reviewer = await Phone.open(browser)
  await reviewer.page.setViewportSize({ width: 1366, height: 900 })
  citizen = await Phone.open(browser)
})
afterAll(() => browser?.close())
afterEach(() => {
  expect(reviewer.unexpectedErrors()).toEqual([])
  expect(citizen.unexpectedErrors()).toEqual([])
})

describe('an opinion received by phone', () => {
  it('the reviewer enters it with its channel and date on 录入线下意见', async () => {
    await reviewer.signInAsStaffFirstTime('e2e.off.reviewer', `Reviewer-off-${Date.now()}`)
    await reviewer.on('gm-staff-home').getByText('意见征集管理', { exact: true }).click()
    await reviewer.on('gm-staff-consultations').locator('.gm-staff-consultation', { hasText: TITLE }).click()
    await reviewer.on('gm-staff-consultation-page').getByText('录入线下意见', { exact: true }).click()
    const page = reviewer.on('gm-staff-offline-opinion')
    await page.getByText(TITLE).waitFor()
    const date = page.locator('.gm-date-field--receivedOn input[type=date]')
    await expect(date.inputValue()).resolves.toBe(today())

    await page.locator('.gm-textarea--text textarea').fill(TEXT)
    await reviewer.button('gm-staff-offline-opinion', '录入意见').click()
    await page.locator('.gm-choice--channel .gm-choice__error', { hasText: '请选择意见的收集渠道' }).waitFor()

    await page.locator('.gm-choice--channel').getByRole('radio', { name: '电话' }).click()
    await page.locator('.gm-choice--sectionId').getByRole('radio', { name: '第一条 临时停车' }).click()
    await date.fill(today())
    await reviewer.screenshot('95-offline-opinion-form', page)
    await reviewer.button('gm-staff-offline-opinion', '录入意见').click()
    const entered = page.getByText(/^已录入（受理编号 .+，电话，收到于 /)
    await entered.waitFor()
    receiptCode = /受理编号 ([^，]+)，/.exec((await entered.textContent()) ?? '')![1]!
    await reviewer.screenshot('96-offline-opinion-entered', entered)
  })

  it('the reviewer masks the caller’s name and number, approves and answers it', async () => {
    await reviewer.on('gm-staff-offline-opinion').getByText('去审核与答复', { exact: true }).click()
    const item = reviewer.on('gm-staff-opinions').locator('.gm-staff-opinion', { hasText: receiptCode })
    await item.getByText(/渠道：电话/).waitFor()
    await item.getByRole('button', { name: '确认隐去并通过' }).click()
    await item.getByText('公开文本').waitFor()
    await item.getByRole('radio', { name: '采纳', exact: true }).click()
    await item.locator('.gm-textarea--content textarea').fill('已采纳，东门外将划定临时停车位。')
    await item.getByRole('button', { name: '保存答复' }).click()
    await item.getByText(/答复（修改 1 次/).waitFor()
  })

  it('once the window has closed, the reviewer publishes the feedback', async () => {
    // The window ends now (set-up): feedback can only be published after it.
    await withDatabase((db) => db.query(`UPDATE consultation SET closes_at = now() - interval '1 minute' WHERE id = $1`, [consultationId]))
    await reviewer.back()
    await reviewer.back()
    await reviewer.page.reload()
    await reviewer.button('gm-staff-consultation-page', '公开采纳情况').click()
    await reviewer.page.getByRole('dialog', { name: '确定公开意见采纳情况吗？' }).getByRole('button', { name: '确认公开' }).click()
    await reviewer.on('gm-staff-consultation-page').getByText('意见采纳情况已公开，已通知提交意见的公众。').waitFor()
  })

  it('a citizen sees it counted under 电话 in the published report, name and number hidden', async () => {
    await citizen.page.goto(`${baseUrl()}/#/packages/consultation/pages/feedback/index?id=${consultationId}`)
    const report = citizen.on('gm-feedback-page')
    await report.getByText('收集渠道', { exact: true }).waitFor()
    await report.locator('.gm-feedback-report__channel--phone', { hasText: '电话' }).getByText('收到 1 条，有效 1 条').waitFor()
    await report.locator('.gm-feedback-report__channel--online').getByText('收到 0 条，有效 0 条').waitFor()
    const card = report.locator('.gm-published-opinion', { hasText: '收集渠道：电话' })
    await card.getByText('已采纳，东门外将划定临时停车位。').waitFor()
    await expect(card.locator('.gm-published-opinion__text').textContent()).resolves.not.toMatch(/13812345678|王阿姨/)
    await citizen.screenshot('97-feedback-channel-counts', report.locator('.gm-feedback-report'))
  })
})
