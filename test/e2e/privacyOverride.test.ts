import type { Browser } from 'playwright-core'
import { launchBrowser } from './support/browser'
import { pageOnUntil, Phone } from './support/h5'

/**
 * Issue 9 end to end on the H5 build: a reviewer's answer that gives a phone number is refused
 * (PERSONAL_INFO_UNMASKED) with the finding shown next to the form; 仍然公开 asks for a reason and
 * then saves; an administrator finds that reason in 审计日志.
 */
let browser: Browser
let reviewer: Phone
let admin: Phone

const OPEN = '老旧小区改造提升三年行动方案'
/** A seeded pending opinion of the open consultation (no personal information in it). */
const RECEIPT = 'DEMO-0001'
const ANSWER = '已采纳。加装电梯补助申请可咨询社区网格员，电话 13912345678。'
const REASON = `社区网格员公开的工作电话，须让居民知晓 ${Date.now().toString(36)}`

beforeAll(async () => {
  browser = await launchBrowser()
  reviewer = await Phone.open(browser)
  admin = await Phone.open(browser)
})
afterAll(() => browser?.close())
afterEach(() => {
  expect(reviewer.unexpectedErrors()).toEqual([])
  expect(admin.unexpectedErrors()).toEqual([])
})

describe('an answer with a phone number', () => {
  it('the reviewer approves the seeded opinion and answers it with a phone number: refused, the number shown at the form', async () => {
    await reviewer.signInAsStaffFirstTime('e2e.pi.reviewer', `Reviewer-pi-${Date.now()}`)
    await reviewer.on('gm-staff-home').getByText('意见征集管理', { exact: true }).click()
    await reviewer.on('gm-staff-consultations').locator('.gm-staff-consultation', { hasText: OPEN }).click()
    await reviewer.on('gm-staff-consultation-page').getByText('审核与答复', { exact: true }).click()
    const item = reviewer.on('gm-staff-opinions').locator('.gm-staff-opinion', { hasText: RECEIPT })
    await item.getByRole('button', { name: '审核通过' }).click()
    await item.getByText('公开文本').waitFor()

    await item.getByRole('radio', { name: '采纳', exact: true }).click()
    await item.locator('.gm-textarea--content textarea').fill(ANSWER)
    reviewer.expectError(/422 .*\/api\/staff\/opinions\/\d+\/answer$/)
    await item.getByRole('button', { name: '保存答复' }).click()
    const refusal = item.locator('.gm-pi-override')
    await refusal.getByText('以下个人信息仍未隐去，暂不能公开：').waitFor()
    await refusal.getByText('答复内容 · 手机号：13912345678').waitFor()
    await expect(item.getByText(/答复（修改/).count()).resolves.toBe(0)
    await reviewer.screenshot('90-answer-personal-info-refused', refusal)
  })

  it('仍然公开 needs a reason (the shared rule), then the answer is saved as typed', async () => {
    const item = reviewer.on('gm-staff-opinions').locator('.gm-staff-opinion', { hasText: RECEIPT })
    const refusal = item.locator('.gm-pi-override')
    await refusal.getByRole('button', { name: '仍然公开（需填写理由）' }).click()
    await refusal.getByRole('button', { name: '确认仍然公开' }).click()
    await refusal.locator('.gm-field--override-reason .gm-field__error', { hasText: '请填写仍然公开的理由（至少 4 个字）' }).waitFor()

    await refusal.locator('.gm-field--override-reason input').fill(REASON)
    await refusal.getByRole('button', { name: '确认仍然公开' }).click()
    await item.getByText(/答复（修改 1 次/).waitFor()
    await item.getByText(ANSWER).waitFor()
    await expect(item.locator('.gm-pi-override').count()).resolves.toBe(0)
    await reviewer.screenshot('91-answer-saved-with-override', item)
  })

  it('an administrator reads the override, the kind of information and the reason in 审计日志', async () => {
    await admin.signInAsStaffFirstTime('e2e.pi.admin', `Admin-pi-${Date.now()}`)
    const audit = admin.on('gm-staff-home').locator('.gm-staff-home__audit')
    const entry = audit.locator('.gm-audit-card', { hasText: REASON })
    // Other walks write to the log meanwhile: page on until the entry shows.
    await pageOnUntil(audit, entry)
    await entry.getByText('未隐去个人信息仍公开').waitFor()
    await entry.getByText(/操作人：e2e\.pi\.reviewer/).waitFor()
    await entry.getByText(new RegExp(`发布：答复意见\\s+涉及：手机号\\s+理由：${REASON}`)).waitFor()
    await admin.screenshot('92-audit-override-reason', entry)
  })
})
