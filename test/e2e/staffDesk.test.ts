// Issue 13 end to end at a desktop (1366×900): the staff home's work queue, and editing a 集中意见 group (rename, move an opinion in from another group, split one out).
import type { Browser } from 'playwright-core'
import { baseUrl, launchBrowser } from './support/browser'
import { withDatabase } from './support/database'
import { Phone } from './support/h5'

let browser: Browser
let staff: Phone
let consultationId = 0

const TAG = Date.now().toString(36)
const TITLE = `灵活就业社保补贴办法（征求意见稿）${TAG}`
const TEXTS = ['补贴标准应随缴费基数调整', '补贴申请材料太多，希望简化', '建议补贴按月发放而不是按年', '希望网上就能申请补贴']

beforeAll(async () => {
  // Set-up: an open consultation of the reviewer's department with four opinions in two groups.
  await withDatabase(async (db) => {
    const dept = await db.query<{ id: number }>("SELECT id FROM department WHERE name = '人力资源和社会保障局'")
    const c = await db.query<{ id: number }>(
      `INSERT INTO consultation (department_id, title, summary, opens_at, closes_at, published_at)
       VALUES ($1, $2, '分组编辑测试', now() - interval '10 days', now() + interval '20 days', now() - interval '10 days') RETURNING id`,
      [dept.rows[0]!.id, TITLE],
    )
    consultationId = c.rows[0]!.id
    const ids: number[] = []
    for (const [i, text] of TEXTS.entries()) {
      const o = await db.query<{ id: number }>(
        `INSERT INTO opinion (consultation_id, receipt_code, raw_text, published_text, moderation) VALUES ($1, $2, $3, $3, 'APPROVED') RETURNING id`,
        [consultationId, `YJ-G${TAG}-${i}`.toUpperCase(), text],
      )
      ids.push(o.rows[0]!.id)
    }
    const g1 = await db.query<{ id: number }>(`INSERT INTO opinion_group (consultation_id, title) VALUES ($1, '关于补贴标准的意见') RETURNING id`, [
      consultationId,
    ])
    const g2 = await db.query<{ id: number }>(`INSERT INTO opinion_group (consultation_id, title) VALUES ($1, '关于申请办理的意见') RETURNING id`, [
      consultationId,
    ])
    await db.query('UPDATE opinion SET group_id = $1 WHERE id = ANY($2)', [g1.rows[0]!.id, [ids[0], ids[2]]])
    await db.query('UPDATE opinion SET group_id = $1 WHERE id = ANY($2)', [g2.rows[0]!.id, [ids[1], ids[3]]])
  })
  browser = await launchBrowser()
  staff = await Phone.open(browser)
  await staff.page.setViewportSize({ width: 1366, height: 900 })
})
afterAll(() => browser?.close())
afterEach(() => expect(staff.unexpectedErrors()).toEqual([]))

describe('the staff desk at 1366×900', () => {
  it('工作台 opens with the work queue: counts that open their lists', async () => {
    await staff.signInAsStaffFirstTime('e2e.group.reviewer', 'Group-reviewer-2026')
    const home = staff.on('gm-staff-home')
    await home.locator('.gm-work-queue__tile').first().waitFor()
    await home.getByRole('link', { name: /^政策咨询待答复 \d+ 项$/ }).waitFor()
    await staff.screenshot('136-staff-home-work-queue')
  })

  it('edits a group: renames it, moves an opinion in from the other group, and splits one out', async () => {
    await staff.page.goto(`${baseUrl()}/#/packages/staff/pages/groups/index?id=${consultationId}`)
    await staff.settled()
    const page = staff.on('gm-staff-groups')
    const first = page.locator('.gm-staff-groups__card', { hasText: '关于补贴标准的意见' })
    await first.getByRole('button', { name: '编辑概括与成员' }).click()
    const editor = first.locator('.gm-staff-groups__editor')
    await editor.locator('.gm-field--editGroupTitle input').fill('关于补贴标准和发放方式的意见')
    await editor.getByRole('checkbox', { name: new RegExp(TEXTS[3]!) }).click()
    await staff.screenshot('137-staff-group-editor', editor)
    await editor.getByRole('button', { name: '保存概括与成员' }).click()
    const renamed = page.locator('.gm-staff-groups__card', { hasText: '关于补贴标准和发放方式的意见' })
    await renamed.getByText('3 条意见').waitFor()
    await page.locator('.gm-staff-groups__card', { hasText: '关于申请办理的意见' }).getByText('1 条意见').waitFor()

    await renamed.getByRole('button', { name: '编辑概括与成员' }).click()
    const again = renamed.locator('.gm-staff-groups__editor')
    await again.locator('.gm-staff-groups__split-pick', { hasText: TEXTS[2]! }).click()
    await again.locator('.gm-field--splitTitle input').fill('关于按月发放补贴的意见')
    await again.getByRole('button', { name: '拆分为新的集中意见' }).click()
    await page.locator('.gm-staff-groups__card', { hasText: '关于按月发放补贴的意见' }).getByText('1 条意见').waitFor()
    await page.locator('.gm-staff-groups__card', { hasText: '关于补贴标准和发放方式的意见' }).getByText('2 条意见').waitFor()
    await staff.screenshot('138-staff-groups-after-edit')
  })

  it('an administrator adds a department on 部门管理 (table and form side by side)', async () => {
    const admin = await Phone.open(browser)
    await admin.page.setViewportSize({ width: 1366, height: 900 })
    try {
      await admin.signInAsStaffFirstTime('e2e.dept.admin', 'Dept-admin-2026')
      await admin.on('gm-staff-home').getByRole('link', { name: '部门管理' }).click()
      await admin.settled()
      const page = admin.on('gm-staff-departments')
      await page.locator('.gm-data-table').getByText('人力资源和社会保障局').waitFor()
      const name = `退役军人事务局${TAG.slice(-4)}`
      await admin.field('gm-staff-departments', 'departmentName').fill(name)
      await admin.button('gm-staff-departments', '新增部门').click()
      await page.getByText(`已新增「${name}」`).waitFor()
      await page.locator('.gm-data-table').getByText(name).waitFor()
      await admin.screenshot('139-staff-departments')
      expect(admin.unexpectedErrors()).toEqual([])
    } finally {
      await admin.close()
    }
  })
})
