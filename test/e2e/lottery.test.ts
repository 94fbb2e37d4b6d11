import { createHash, randomBytes } from 'node:crypto'
import type { Browser } from 'playwright-core'
import { baseUrl, launchBrowser } from './support/browser'
import { withDatabase } from './support/database'
import { Phone } from './support/h5'

/**
 * Issue 9, the lottery anyone can verify, on the H5 build: an editor fixes the quotas on the event
 * form before signups open; on a 列席 event whose signups have closed (quotas public on its page), a
 * reviewer sees those quotas in the preview, confirms it in the dialog and draws; a citizen opens
 * 抽签公示 from the event page and taps 验证抽签结果, which recomputes the draw in the browser with
 * the announced quotas: 结果一致.
 */
let browser: Browser
let editor: Phone
let staff: Phone
let citizen: Phone
let eventId = 0

const TITLE = '公众代表列席管委会主任办公会（抽签验证）'
const QUOTAS = [
  { field: 'region', value: '东区', seats: 2 },
  { field: 'ageBand', value: '60+', seats: 1 },
]
/** "2026-12-20 09:30" in Asia/Shanghai, `days` from now. */
const shanghai = (days: number) => new Date(Date.now() + days * 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ')
const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex')

/** Set-up the UI does not offer: a published lottery event whose signup closed, with eight applications. */
async function closedLotteryEvent(): Promise<{ id: number; commitment: string }> {
  const secret = randomBytes(32).toString('hex')
  const commitment = sha256(secret)
  return withDatabase(async (db) => {
    const department = await db.query<{ id: number }>(`SELECT id FROM department WHERE name = '管委会办公室'`)
    const day = 86_400_000
    const now = Date.now()
    const event = await db.query<{ id: number }>(
      `INSERT INTO event (kind, title, description, place, department_id, starts_at, ends_at, signup_opens_at, signup_closes_at, capacity, reserved_seats, selection_mode, published_at, draw_secret, draw_commitment, draw_quotas)
       VALUES ('MEETING_ATTENDANCE', $1, '审议老旧小区改造方案，公开抽签确定列席代表。', '管委会 3 楼第一会议室', $2, $3, $4, $5, $6, 5, 1, 'LOTTERY', $7, $8, $9, $10::jsonb) RETURNING id`,
      [
        TITLE,
        department.rows[0]!.id,
        new Date(now + 10 * day),
        new Date(now + 10 * day + 7_200_000),
        new Date(now - 6 * day),
        new Date(now - 3_600_000),
        new Date(now - 7 * day),
        secret,
        commitment,
        JSON.stringify(QUOTAS),
      ],
    )
    const id = event.rows[0]!.id
    const categories = ['STAKEHOLDER', 'PUBLIC', 'PUBLIC', 'EXPERT', 'STAKEHOLDER', 'PUBLIC', 'MEDIA', 'PUBLIC']
    for (const [i, category] of categories.entries()) {
      await db.query(
        `INSERT INTO registration (event_id, name, phone, category, region, sector, age_band, gender, status, check_in_code, public_code, updated_at)
         VALUES ($1, $2, '13900002222', $3, $4, $5, $6, $7, 'APPLIED', $8, $9, now())`,
        [
          id,
          `抽签报名人${i}`,
          category,
          i % 2 ? '东区' : '西区',
          i % 3 ? '服务业' : '制造业',
          i % 2 ? '60+' : '18-35',
          i % 2 ? '男' : '女',
          `E2ELOT${id}${i}`,
          `RL${id}X${i}`,
        ],
      )
    }
    return { id, commitment }
  })
}

beforeAll(async () => {
  browser = await launchBrowser()
  editor = await Phone.open(browser)
  staff = await Phone.open(browser)
  citizen = await Phone.open(browser)
})
afterAll(async () => {
  await browser?.close()
})
afterEach(() => {
  expect(editor.unexpectedErrors()).toEqual([])
  expect(staff.unexpectedErrors()).toEqual([])
  expect(citizen.unexpectedErrors()).toEqual([])
})

describe('a lottery anyone can verify', () => {
  let commitment = ''

  it('an editor fixes the quotas on the event form, before signups open', async () => {
    await editor.signInAsStaffFirstTime('e2e.lottery.editor', 'Quotas-e2e-passw0rd')
    await editor.page.goto(`${baseUrl()}/#/packages/staff/pages/event-form/index`)
    const form = editor.on('gm-event-form')
    const pick = (group: string, option: string) => form.getByRole('radiogroup', { name: group }).getByRole('radio', { name: option }).click()
    await pick('活动类型', '列席会议')
    await editor.field('gm-event-form', 'title').fill('公众代表列席主任办公会（配额事先公布）')
    await editor.field('gm-event-form', 'description').fill('审议老旧小区改造方案，公开抽签确定列席代表。')
    await editor.field('gm-event-form', 'place').fill('管委会 3 楼第一会议室')
    await form.getByRole('button', { name: '管委会办公室' }).click()
    // The times are date-time pickers (the browser's datetime input on H5).
    const when = (name: string, days: number) => form.locator(`.gm-date-time-field--${name} input`).fill(shanghai(days).replace(' ', 'T'))
    await when('startsAt', 20)
    await when('endsAt', 20.1)
    await when('signupOpensAt', 3)
    await when('signupClosesAt', 10)
    await editor.field('gm-event-form', 'capacity').fill('5')
    await editor.field('gm-event-form', 'reservedSeats').fill('1')
    await pick('确定方式', '公开抽签')
    await editor.button('gm-event-form', '添加配额').click()
    await editor.field('gm-event-form', 'quota-value-0').fill('东区')
    await editor.field('gm-event-form', 'quota-seats-0').fill('2')
    await editor.button('gm-event-form', '添加配额').click()
    await pick('配额 2：按', '年龄段')
    await pick('年龄段为', '60+')
    await editor.screenshot('89-lottery-quotas-form', form.locator('.gm-quota-rows'))
    await editor.button('gm-event-form', '保存活动（待发布）').click()
    const page = editor.on('gm-staff-event')
    await page.getByText('1. 地区为「东区」：2 名').waitFor()
    await page.getByText('2. 年龄段为「60+」：1 名').waitFor()
    // Still before signups open: the editor may change them (the server refuses once signups open).
    await page.getByRole('button', { name: '修改配额' }).waitFor()
  })

  it('shows the commitment and the quotas on the event page before the draw', async () => {
    ;({ id: eventId, commitment } = await closedLotteryEvent())
    await citizen.page.goto(`${baseUrl()}/#/packages/event/pages/detail/index?id=${eventId}`)
    const detail = citizen.on('gm-event-detail')
    await detail.getByText(TITLE).waitFor()
    await detail.locator('.gm-event-detail__commitment-value', { hasText: commitment }).waitFor()
    await detail.locator('.gm-event-detail__quotas').getByText('1. 地区为「东区」：2 名').waitFor()
  })

  it('a reviewer confirms the preview in a dialog before the draw runs', async () => {
    await staff.signInAsStaffFirstTime('e2e.lottery.reviewer', 'Lottery-e2e-passw0rd')
    await staff.page.goto(`${baseUrl()}/#/packages/staff/pages/event-draw/index?id=${eventId}`)
    const page = staff.on('gm-staff-draw')
    await page.getByText('8 人').waitFor()
    // The quotas are the event's: shown, not chosen here.
    await page.getByText('地区为「东区」的候选人 4 人（配额 2 名）').waitFor()
    expect(await page.getByRole('button', { name: '添加配额' }).count()).toBe(0)
    await staff.field('gm-staff-draw', 'witnesses').fill('公证员李某、居民代表王某')
    await staff.button('gm-staff-draw', '开始抽签…').click()
    const dialog = page.getByRole('dialog', { name: '确认开始抽签' })
    await dialog.getByText(commitment).waitFor()
    await dialog.getByText('2. 年龄段为「60+」：1 名').waitFor()
    await staff.screenshot('90-lottery-confirm')
    await dialog.getByRole('button', { name: '确认抽签' }).click()
    await page.getByText('抽签完成，记录已公开，结果已通知每位报名人。').waitFor()
    await page.locator('.gm-draw__code--selected').first().waitFor()
    expect(await page.locator('.gm-draw__code--selected').count()).toBe(4)
  })

  it('a citizen opens 抽签公示 from the event page and 验证抽签结果 shows 结果一致', async () => {
    await citizen.page.reload()
    const detail = citizen.on('gm-event-detail')
    await detail.getByText(TITLE).waitFor()
    await detail.getByText('抽签公示 · 验证抽签结果').click()
    const page = citizen.on('gm-draw-page')
    await page.getByText('揭晓的密钥').waitFor()
    await page.getByText(commitment).first().waitFor()
    await page.getByText(/一、封存密钥/).waitFor()
    await page.getByText('分层配额（报名开始前公布，抽签时不能更改）').waitFor()
    await page.getByText('1. 地区为「东区」：2 名').waitFor()
    await citizen.button('gm-draw-page', '验证抽签结果').click()
    await page.locator('.gm-draw__verdict--ok', { hasText: '结果一致' }).waitFor()
    await citizen.screenshot('91-lottery-verified', page.locator('.gm-draw__verdict'))
  })
})
