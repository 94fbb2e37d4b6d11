// Issue 13 end to end: a reviewer at a desktop (1366×900) repeals a policy document on 政策文件管理; a citizen on a phone (390×844) finds it in 政策文件库 marked 已废止 and sees the warning on the Q&A item resting on it.
import type { Browser } from 'playwright-core'
import { launchBrowser } from './support/browser'
import { withDatabase } from './support/database'
import { Phone } from './support/h5'

let browser: Browser
let staff: Phone
let citizen: Phone

const TAG = Date.now().toString(36)
const TITLE = `关于实施灵活就业人员社保补贴的通知（${TAG}）`
const DOC_NUMBER = `高新人社发〔2026〕${TAG}号`
const QUESTION = `灵活就业人员社保补贴怎么申请（${TAG}）？`

beforeAll(async () => {
  // Set-up the UI does offer but this walk does not assert: a published document and one published Q&A item resting on it.
  await withDatabase(async (db) => {
    const doc = await db.query<{ id: number }>(
      `INSERT INTO policy_document (title, issuer, doc_number, written_at, published_at, summary, topic, status, released_at, updated_at)
       VALUES ($1, '人力资源和社会保障局', $2, now() - interval '40 days', now() - interval '38 days', '对灵活就业人员缴纳社会保险费给予补贴。', '社保', 'PUBLISHED', now() - interval '38 days', now())
       RETURNING id`,
      [TITLE, DOC_NUMBER],
    )
    await db.query(
      `INSERT INTO qa_item (question, answer, topic, policy_document_id, status, published_at, updated_at)
       VALUES ($1, '符合条件的灵活就业人员可在政务服务中心人社窗口申请社保补贴。', '社保', $2, 'PUBLISHED', now(), now())`,
      [QUESTION, doc.rows[0]!.id],
    )
  })
  browser = await launchBrowser()
  staff = await Phone.open(browser)
  await staff.page.setViewportSize({ width: 1366, height: 900 })
  citizen = await Phone.open(browser)
})
afterAll(() => browser?.close())
afterEach(() => {
  expect(staff.unexpectedErrors()).toEqual([])
  expect(citizen.unexpectedErrors()).toEqual([])
})

describe('changing a policy document’s validity', () => {
  it('a reviewer opens 政策文件管理 from 工作台 and sees the documents beside the selected one', async () => {
    await staff.signInAsStaffFirstTime('e2e.policy.reviewer', 'Policy-reviewer-2026')
    await staff.on('gm-staff-home').getByRole('link', { name: '政策文件管理' }).click()
    await staff.settled()
    const desk = staff.on('gm-staff-policies')
    await desk.getByRole('button', { name: new RegExp(TAG) }).click()
    await desk.locator('.gm-staff-policies__title', { hasText: TITLE }).waitFor()
    await desk.getByText(/政策解读应于 .* 前发布（发布后 3 个工作日，按周末推算），已逾期/).waitFor()
    const table = await desk.locator('.gm-staff-policies__table').boundingBox()
    const detail = await desk.locator('.gm-staff-policies__detail').boundingBox()
    // Desktop width: the table and the selected document side by side, not stacked.
    expect(detail!.x).toBeGreaterThan(table!.x + table!.width - 1)
    await staff.screenshot('130-staff-policies-desk')
  })

  it('repeals it with an effective date; the Q&A item resting on it is flagged for review', async () => {
    const desk = staff.on('gm-staff-policies')
    await desk.locator('.gm-staff-policies__validity .gm-choice__option', { hasText: '已废止' }).click()
    await desk.locator('.gm-date-field--effectiveOn input[type=date]').fill('2026-12-01')
    await staff.field('gm-staff-policies', 'validityNote').fill('本通知已到期废止。')
    await staff.button('gm-staff-policies', '变更效力状态').click()
    await desk.getByText('效力状态已变更；1 条依据它的问答已标记待复核').waitFor()
    await desk.locator('.gm-staff-policies__qa', { hasText: QUESTION }).getByText('待复核').waitFor()
    await staff.screenshot('131-staff-policy-repealed', desk.locator('.gm-staff-policies__qa').first())
  })

  it('a reviewer adds a Q&A topic on 问答主题', async () => {
    // 录入政策文件 is an editor's button: a reviewer publishes and changes validity only.
    await expect(staff.button('gm-staff-policies', '录入政策文件').count()).resolves.toBe(0)
    await staff.button('gm-staff-policies', '问答主题').click()
    await staff.settled()
    await staff.field('gm-staff-qa-topics', 'topicName').fill(`就业${TAG.slice(-4)}`)
    await staff.button('gm-staff-qa-topics', '新增主题').click()
    await staff
      .on('gm-staff-qa-topics')
      .getByText(`已新增主题「就业${TAG.slice(-4)}」`)
      .waitFor()
    await staff.screenshot('133-staff-qa-topics')
  })
})

describe('a citizen in 政策文件库', () => {
  it('finds the document by its 文号, marked 已废止', async () => {
    await citizen.switchTab('政策问答')
    await citizen.on('gm-qa-page').getByRole('link', { name: '政策文件库' }).click()
    await citizen.settled()
    const library = citizen.on('gm-policy-library')
    const input = library.locator('.gm-search-bar input')
    await input.fill(DOC_NUMBER)
    await input.press('Enter')
    const card = library.locator('.gm-policy-library__item', { hasText: TITLE })
    await card.getByText('已废止', { exact: true }).waitFor()
    await card.getByText(/自 2026年12月1日 起已废止/).waitFor()
    await citizen.screenshot('134-policy-library')
    await card.click()
    await citizen.settled()
  })

  it('sees the repeal on the document and the warning on the Q&A item resting on it', async () => {
    const page = citizen.on('gm-policy-page')
    await page.getByText(/本文件自 2026年12月1日 起已废止/).waitFor()
    await page.getByRole('link', { name: QUESTION }).click()
    await citizen.settled()
    const detail = citizen.on('gm-qa-detail')
    await detail.getByText(QUESTION).first().waitFor()
    await detail.locator('.gm-notice').first().waitFor()
    const notice = (await detail.locator('.gm-notice').first().textContent()) ?? ''
    expect(notice).toMatch(/废止/)
    await citizen.screenshot('135-qa-item-policy-repealed')
  })
})
