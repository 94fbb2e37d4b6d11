// Issue 13 end to end: an editor at a desktop links a new consultation to a catalog decision, edits the draft again (the link stays), and the decision page lists it once published.
import type { Browser } from 'playwright-core'
import { baseUrl, launchBrowser } from './support/browser'
import { withDatabase } from './support/database'
import { Phone } from './support/h5'

let browser: Browser
let editor: Phone
let citizen: Phone
let decisionId: number

const suffix = Date.now().toString(36)
const DECISION = `决策关联端到端测试片区更新规划${suffix}`
const TITLE = `决策关联端到端测试片区更新方案（征求意见稿）${suffix}`
/** A Shanghai wall-clock time `days` from now, as the form takes it. */
const shanghai = (days: number) => new Date(Date.now() + days * 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ')

beforeAll(async () => {
  decisionId = await withDatabase(async (db) => {
    const { rows } = await db.query<{ id: number }>(
      // A published catalog entry (a new one is a draft until a reviewer publishes it; the form links published ones)
      `INSERT INTO decision (year, title, summary, department_id, planned_decision_at, participation_methods, published_at)
       SELECT EXTRACT(YEAR FROM now() AT TIME ZONE 'Asia/Shanghai')::int, $1, '片区更新的总体安排。', id, '明年第一季度', ARRAY['意见征集'], now()
       FROM department WHERE name = '建设局' RETURNING id`,
      [DECISION],
    )
    return rows[0]!.id
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

const linkOf = () =>
  withDatabase(
    async (db) => (await db.query<{ decision_id: number | null }>(`SELECT decision_id FROM consultation WHERE title = $1`, [TITLE])).rows[0]?.decision_id,
  )

describe('a consultation linked to a catalog decision', () => {
  it('the editor links it on the draft form, and saving the draft again keeps the link', async () => {
    await editor.signInAsStaffFirstTime('e2e.link.editor', `Editor-link-${Date.now()}`)
    await editor.page.goto(`${baseUrl()}/#/packages/staff/pages/consultation-form/index`)
    const form = editor.on('gm-consultation-form')
    await editor.field('gm-consultation-form', 'title').fill(TITLE)
    await editor.field('gm-consultation-form', 'summary').fill('片区更新方案，征求居民意见。')
    await form.getByRole('button', { name: '建设局', exact: true }).click()
    await form.getByRole('button', { name: new RegExp(DECISION) }).click()
    await editor.field('gm-consultation-form', 'opensAt').fill(shanghai(1))
    await editor.field('gm-consultation-form', 'closesAt').fill(shanghai(41))
    await editor.field('gm-consultation-form', 'section-heading-0').fill('第一条 范围')
    await editor.field('gm-consultation-form', 'section-body-0').fill('本方案适用于片区更新。')
    await editor.screenshot('143-staff-consultation-decision-link', form)
    await editor.button('gm-consultation-form', '保存草稿').click()
    await editor.on('gm-staff-consultation-page').getByText(TITLE).waitFor()
    await expect(linkOf()).resolves.toBe(decisionId)

    await editor.button('gm-staff-consultation-page', '修改草稿').click()
    await editor
      .on('gm-consultation-form')
      .getByRole('button', { name: new RegExp(DECISION), pressed: true })
      .waitFor()
    await editor.field('gm-consultation-form', 'summary').fill('片区更新方案（修改后），征求居民意见。')
    await editor.button('gm-consultation-form', '保存草稿').click()
    await editor.on('gm-staff-consultation-page').getByText(TITLE).waitFor()
    await expect(linkOf()).resolves.toBe(decisionId)
  })

  it('a citizen sees it on the decision page once it is published', async () => {
    // Publishing is a reviewer's step walked elsewhere; here it is set directly.
    await withDatabase((db) => db.query(`UPDATE consultation SET published_at = now() WHERE title = $1`, [TITLE]))
    await citizen.page.goto(`${baseUrl()}/#/packages/decision/pages/detail/index?id=${decisionId}`)
    await citizen.page.getByText(TITLE).waitFor()
    await citizen.screenshot('144-decision-page-linked-consultation')
  })
})
