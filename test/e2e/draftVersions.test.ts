// Issue 13 end to end: an editor at a desktop publishes a revision of a draft with a change note, a citizen on a phone compares the versions clause by clause.
import type { Browser } from 'playwright-core'
import { baseUrl, launchBrowser } from './support/browser'
import { withDatabase } from './support/database'
import { Phone } from './support/h5'

let browser: Browser
let editor: Phone
let citizen: Phone
let consultationId: number

const TITLE = `草案修订端到端测试占道管理办法（征求意见稿）${Date.now().toString(36)}`

beforeAll(async () => {
  // Set-up the UI does not need to show: a published, open consultation of 建设局 with three clauses (第 1 稿).
  consultationId = await withDatabase(async (db) => {
    const { rows } = await db.query<{ id: number }>(
      `INSERT INTO consultation (department_id, title, summary, is_major_decision, opens_at, closes_at, published_at)
       SELECT id, $1, '规范临时占用道路。', false, now() - interval '1 day', now() + interval '20 days', now() - interval '1 day'
       FROM department WHERE name = '建设局' RETURNING id`,
      [TITLE],
    )
    const id = rows[0]!.id
    await db.query(
      `INSERT INTO draft_section (consultation_id, version, position, heading, body) VALUES
         ($1, 1, 1, '第一条 目的', '为规范临时占道行为，制定本办法。'),
         ($1, 1, 2, '第二条 审批', '临时占道须经批准，期限不超过三十日。'),
         ($1, 1, 3, '第三条 收费', '占道费按日计收。')`,
      [id],
    )
    await db.query(`INSERT INTO draft_version (consultation_id, version, published_at) VALUES ($1, 1, now() - interval '1 day')`, [id])
    return id
  })
  browser = await launchBrowser()
  editor = await Phone.open(browser)
  await editor.page.setViewportSize({ width: 1366, height: 900 })
  citizen = await Phone.open(browser)
})
afterAll(() => browser?.close())
afterEach(() => {
  expect(editor.unexpectedErrors()).toEqual([])
  expect(citizen.unexpectedErrors()).toEqual([])
})

describe('a revised draft', () => {
  it('the editor publishes 第 2 稿 with a change note from the staff consultation page', async () => {
    await editor.signInAsStaffFirstTime('e2e.ver.editor', `Editor-ver-${Date.now()}`)
    await editor.page.goto(`${baseUrl()}/#/packages/staff/pages/consultation/index?id=${consultationId}`)
    const page = editor.on('gm-staff-consultation-page')
    await page.getByText(TITLE).waitFor()
    await editor.button('gm-staff-consultation-page', '修订草案').click()
    await editor.button('gm-staff-consultation-page', '发布修订版本').click()
    await page.locator('.gm-textarea--revisionNote', { hasText: '请说明修订内容' }).waitFor()

    await editor.field('gm-staff-consultation-page', 'revisionNote').fill('缩短审批期限，取消占道费，增加公示条款')
    await editor.field('gm-staff-consultation-page', 'section-body-1').fill('临时占道须经批准，期限不超过十五日。')
    await editor.field('gm-staff-consultation-page', 'section-heading-2').fill('第三条 公示')
    await editor.field('gm-staff-consultation-page', 'section-body-2').fill('批准的占道信息应在现场公示。')
    await editor.screenshot('140-staff-revision-form', page.locator('.gm-staff-consultation-page__revision'))
    await editor.button('gm-staff-consultation-page', '发布修订版本').click()
    await page.getByText(/第 2 稿已发布/).waitFor()
    await page.getByText('第 2 稿', { exact: true }).waitFor()
    await editor.screenshot('141-staff-revision-published')
  })

  it('a citizen sees the version list and the clause-by-clause comparison, in words and marks', async () => {
    await citizen.page.goto(`${baseUrl()}/#/packages/consultation/pages/detail/index?id=${consultationId}`)
    await citizen.on('gm-consultation-detail').getByText('历次版本与逐条比较').click()
    const page = citizen.on('gm-draft-versions')
    await page.getByText(/第 2 稿（现行）/).waitFor()
    await page.getByText('修订说明：缩短审批期限，取消占道费，增加公示条款').waitFor()
    await page.getByText('第 1 稿 → 第 2 稿：新增 1 条，删除 1 条，修改 1 条，未修改 1 条').waitFor()
    await page.locator('.gm-clause-compare__clause--changed', { hasText: '【修改条款】' }).getByText('〔删：三〕').waitFor()
    await page.locator('.gm-clause-compare__clause--changed').getByText('〔增：五〕').waitFor()
    await page.locator('.gm-clause-compare__clause--added', { hasText: '【新增条款】' }).getByText('第三条 公示').waitFor()
    await page.locator('.gm-clause-compare__clause--removed', { hasText: '【删除条款】' }).getByText('第三条 收费').waitFor()
    await citizen.screenshot('142-citizen-draft-versions')
  })
})
