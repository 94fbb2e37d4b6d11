// Issue 13 end to end: a reviewer at 1366×900 keeps an 答复模板 and fills an answer from it; an editor uploads a draft's 起草说明 (PDF) and a citizen at 390×844 finds it on the published consultation.
import type { Browser } from 'playwright-core'
import { baseUrl, launchBrowser } from './support/browser'
import { withDatabase } from './support/database'
import { Phone } from './support/h5'

let browser: Browser
let reviewer: Phone
let editor: Phone
let citizen: Phone
let publishedId = 0
let draftId = 0

// Base 36 can be letters only: the passwords below carry digits of their own (a password needs letters and digits).
const TAG = Date.now().toString(36)
const TITLE = `老旧小区加装电梯补助办法（征求意见稿）${TAG}`
const DRAFT = `背街小巷环境整治方案（征求意见稿）${TAG}`
const TEMPLATE = `采纳通用${TAG}`
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n')

beforeAll(async () => {
  await withDatabase(async (db) => {
    const dept = (await db.query<{ id: number }>("SELECT id FROM department WHERE name = '建设局'")).rows[0]!.id
    const insert = (title: string, published: boolean) =>
      db.query<{ id: number }>(
        `INSERT INTO consultation (department_id, title, summary, opens_at, closes_at, published_at)
         VALUES ($1, $2, '模板与附件测试', now() - interval '5 days', now() + interval '35 days', ${published ? "now() - interval '5 days'" : 'NULL'}) RETURNING id`,
        [dept, title],
      )
    publishedId = (await insert(TITLE, true)).rows[0]!.id
    draftId = (await insert(DRAFT, false)).rows[0]!.id
    await db.query(`INSERT INTO opinion (consultation_id, receipt_code, raw_text, published_text, moderation) VALUES ($1, $2, $3, $3, 'APPROVED')`, [
      publishedId,
      `YJ-T${TAG}`.toUpperCase(),
      '建议提高加装电梯的补助比例',
    ])
  })
  browser = await launchBrowser()
  reviewer = await Phone.open(browser)
  await reviewer.page.setViewportSize({ width: 1366, height: 900 })
  editor = await Phone.open(browser)
  await editor.page.setViewportSize({ width: 1366, height: 900 })
  citizen = await Phone.open(browser)
})
afterAll(() => browser?.close())
afterEach(() => {
  expect(reviewer.unexpectedErrors()).toEqual([])
  expect(editor.unexpectedErrors()).toEqual([])
  expect(citizen.unexpectedErrors()).toEqual([])
})

it('a reviewer adds an 答复模板 and fills an opinion’s answer from it, placeholders resolved', async () => {
  await reviewer.signInAsStaffFirstTime('e2e.tpl.reviewer', `Template-reviewer-2026-${TAG}`)
  await reviewer
    .on('gm-staff-home')
    .getByRole('link', { name: /答复模板/ })
    .click()
  await reviewer.settled()
  const desk = reviewer.on('gm-staff-answer-templates')
  await reviewer.field('gm-staff-answer-templates', 'templateTitle').fill(TEMPLATE)
  await reviewer.field('gm-staff-answer-templates', 'templateBody').fill('{{称呼}}：您于{{收到日期}}对《{{征集名称}}》提出的意见已收悉，经研究予以采纳。')
  await desk.getByText('市民朋友：您于2026年11月21日对《某某条例（征求意见稿）》提出的意见已收悉，经研究予以采纳。').waitFor()
  await reviewer.button('gm-staff-answer-templates', '新增模板').click()
  await desk.getByText(`已保存「${TEMPLATE}」`).waitFor()
  await desk.locator('.gm-answer-templates .gm-data-table__row', { hasText: TEMPLATE }).waitFor()
  await reviewer.screenshot('170-staff-answer-templates', desk.locator('.gm-page__title'))

  await reviewer.page.goto(`${baseUrl()}/#/packages/staff/pages/opinions/index?id=${publishedId}`)
  await reviewer.settled()
  const opinions = reviewer.on('gm-staff-opinions')
  await opinions.getByText(`意见征集：${TITLE}`).waitFor()
  await opinions.getByRole('tab', { name: '待答复' }).click()
  await opinions.getByRole('button', { name: `套用模板「${TEMPLATE}」` }).click()
  const content = opinions.locator('.gm-textarea--content textarea').first()
  await expect(content.inputValue()).resolves.toMatch(
    new RegExp(`^市民朋友：您于\\d{4}年\\d{1,2}月\\d{1,2}日对《${TITLE.replace(/[()（）]/g, '.')}》提出的意见已收悉`),
  )
  await reviewer.screenshot('171-staff-answer-from-template', content)
})

it('an editor uploads a draft’s 起草说明 and a citizen opens it once the consultation is published', async () => {
  await editor.signInAsStaffFirstTime('e2e.att.editor', `Attachment-editor-2026-${TAG}`)
  await editor.page.goto(`${baseUrl()}/#/packages/staff/pages/consultation-form/index?id=${draftId}`)
  await editor.settled()
  const form = editor.on('gm-consultation-form')
  await form.getByText('还没有附件').waitFor()
  const chooser = editor.page.waitForEvent('filechooser')
  await editor.button('gm-consultation-form', '选择文件并上传').click()
  await (await chooser).setFiles({ name: '起草说明.pdf', mimeType: 'application/pdf', buffer: PDF })
  await form.getByText('已上传「起草说明」').waitFor()
  await form.locator('.gm-attachment-list__item', { hasText: '起草说明.pdf' }).waitFor()
  await editor.screenshot('172-staff-consultation-attachments', form.locator('.gm-attachment-list'))

  // The public sees nothing while it is a draft; publication (a reviewer's step walked elsewhere) is set directly.
  const listed = () => fetch(`${baseUrl()}/api/consultations/${draftId}/attachments`)
  expect((await listed()).status).toBe(404)
  await withDatabase((db) => db.query('UPDATE consultation SET published_at = now() WHERE id = $1', [draftId]))
  const [file] = (await (await listed()).json()) as { url: string }[]
  const served = await fetch(`${baseUrl()}${file!.url}`)
  expect([served.status, served.headers.get('content-type'), served.headers.get('x-content-type-options')]).toEqual([200, 'application/pdf', 'nosniff'])
  expect(Buffer.from(await served.arrayBuffer()).equals(PDF)).toBe(true)

  await citizen.page.goto(`${baseUrl()}/#/packages/consultation/pages/detail/index?id=${draftId}`)
  await citizen.settled()
  const page = citizen.on('gm-consultation-detail')
  const open = page.getByRole('button', { name: '打开「起草说明」' })
  await open.waitFor()
  await citizen.screenshot('173-consultation-attachments', page.locator('.gm-attachment-list'))
  // H5 opens the file in a new browser tab (the server answers it as a download with its name).
  const requested = citizen.page.context().waitForEvent('request', (r) => r.url().endsWith(file!.url))
  await open.click()
  await requested
})
