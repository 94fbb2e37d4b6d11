import type { Browser } from 'playwright-core'
import { launchBrowser } from './support/browser'
import { Phone } from './support/h5'

/**
 * Issue 6 end to end on the H5 build, two people on two phones:
 * - a citizen searches the policy Q&A library in their own words (退休金, 社保卡) and finds the
 *   seeded items, highlighted; a search the library cannot answer offers to ask staff;
 * - the citizen asks a question (prefilled from the search), gets a receipt; a reviewer (created
 *   by the administrator) answers it on 工作台 → 政策咨询; the citizen reads the answer in 我的提问.
 */
let browser: Browser
let citizen: Phone
let reviewer: Phone
let receiptCode = ''

const QUESTION = `我家养的小狗需要办犬证吗，到哪里办理 ${Date.now().toString(36)}`
const ANSWER = '饲养犬只须到居住地派出所办理养犬登记，携带身份证、犬只免疫证明。'

beforeAll(async () => {
  browser = await launchBrowser()
  citizen = await Phone.open(browser)
  reviewer = await Phone.open(browser)
})
afterAll(() => browser?.close())
afterEach(() => {
  expect(citizen.unexpectedErrors()).toEqual([])
  expect(reviewer.unexpectedErrors()).toEqual([])
})

async function search(words: string) {
  const input = citizen.on('gm-qa-page').locator('.gm-search-bar input')
  await input.fill(words)
  await input.press('Enter')
  await citizen.on('gm-qa-page').getByText(`「${words}」的搜索结果`).waitFor()
}

describe('searching the policy Q&A library in a citizen’s own words', () => {
  it('shows hot questions and topics while the box is empty', async () => {
    await citizen.switchTab('政策问答')
    const qa = citizen.on('gm-qa-page')
    await qa.locator('.gm-qa-hot__row').first().waitFor()
    await qa.locator('.gm-qa-card').first().waitFor()
    await citizen.screenshot('60-qa-hot')
  })

  it('finds 基本养老金 for “退休金怎么领”, highlighted, as the top result', async () => {
    await search('退休金怎么领')
    const first = citizen.on('gm-qa-page').locator('.gm-qa-card').first()
    await first.waitFor()
    await expect(first.textContent()).resolves.toContain('到了退休年龄，基本养老金怎么领取？')
    await first.locator('.gm-qa-highlight__hit').first().waitFor()
    await citizen.screenshot('61-qa-search-pension')
  })

  it('finds 社会保障卡 for “社保卡丢了” and opens the answer with its source', async () => {
    await search('社保卡丢了')
    const first = citizen.on('gm-qa-page').locator('.gm-qa-card').first()
    await expect(first.textContent()).resolves.toContain('社会保障卡丢失了怎么补办？')
    await first.click()
    const detail = citizen.on('gm-qa-detail')
    await detail.getByText('社会保障卡丢失了怎么补办？', { exact: false }).first().waitFor()
    await detail.getByText('这条回答有帮助吗？').waitFor()
    await citizen.screenshot('62-qa-detail')
    await citizen.back()
  })
})

describe('asking staff and reading the answer', () => {
  it('a search the library cannot answer offers to ask staff, with the words prefilled', async () => {
    await citizen.signInAsCitizen('居民赵阿姨')
    await citizen.switchTab('政策问答')
    await search('小狗办犬证')
    const offer = citizen.on('gm-qa-page').locator('.gm-qa-ask-offer')
    await offer.getByText('没有找到满意的答案？向工作人员提问').waitFor()
    await citizen.screenshot('63-qa-no-good-answer', offer)
    await offer.getByRole('button', { name: '向工作人员提问' }).click()
    await citizen.settled()
    await expect(citizen.field('gm-qa-ask', 'text').inputValue()).resolves.toBe('小狗办犬证')
  })

  it('gets an inline error for an empty question, then submits and is given a receipt', async () => {
    const ask = citizen.on('gm-qa-ask')
    await citizen.field('gm-qa-ask', 'text').fill('')
    await citizen.button('gm-qa-ask', '提交问题').click()
    await ask.locator('.gm-textarea--text .gm-textarea__error', { hasText: '请填写问题' }).waitFor()

    await citizen.field('gm-qa-ask', 'text').fill(QUESTION)
    // 问题类别 is a choice among the Q&A topics; none fits a dog licence, so 不选.
    await ask.getByRole('radiogroup', { name: '问题类别（选填）' }).getByRole('radio', { name: '不选' }).click()
    citizen.expectError(/403 .*\/api\/policy-questions$/) // no consent yet: the notice opens
    await citizen.button('gm-qa-ask', '提交问题').click()
    await ask.locator('.gm-privacy-gate__overlay').getByText('个人信息保护说明').waitFor()
    await citizen.button('gm-qa-ask', '同意并继续').click()
    const code = ask.locator('.gm-qa-ask__receipt-code')
    await code.waitFor()
    receiptCode = ((await code.textContent()) ?? '').trim()
    expect(receiptCode.length).toBeGreaterThan(4)
    await citizen.screenshot('64-qa-ask-receipt')
  })

  it('sees the question as 待答复 in 我的提问', async () => {
    await citizen.button('gm-qa-ask', '查看我的提问').click()
    const card = citizen.on('gm-qa-questions').locator('.gm-policy-question', { hasText: receiptCode })
    await card.getByText('待答复', { exact: true }).waitFor()
    await card.getByText(QUESTION).waitFor()
  })

  it('a reviewer answers it on 工作台 → 政策咨询', async () => {
    await reviewer.signInAsStaffFirstTime('e2e.qa.reviewer', 'Qa-reviewer-2026')
    await reviewer.on('gm-staff-home').getByRole('link', { name: '政策咨询', exact: true }).click()
    await reviewer.settled()
    const card = reviewer.on('gm-staff-policy-questions').locator('.gm-policy-question', { hasText: receiptCode })
    await card.getByText(QUESTION).waitFor()
    await card.getByRole('button', { name: '答复', exact: true }).click()
    await card.getByRole('button', { name: '提交答复' }).click()
    await card.locator('.gm-textarea--answer .gm-textarea__error', { hasText: '请填写答复' }).waitFor()
    await card.locator('.gm-textarea--answer textarea').fill(ANSWER)
    await reviewer.screenshot('65-staff-policy-question-answer', card)
    await card.getByRole('button', { name: '提交答复' }).click()
    await card.getByText('已答复', { exact: true }).waitFor()
    await card.getByRole('button', { name: '加入问答库' }).waitFor()
    await reviewer.screenshot('66-staff-policy-question-answered', card)
  })

  it('the citizen reads the answer in 我的提问', async () => {
    await citizen.page.reload()
    await citizen.settled()
    const card = citizen.on('gm-qa-questions').locator('.gm-policy-question', { hasText: receiptCode })
    await card.getByText('已答复', { exact: true }).waitFor()
    await card.getByText(ANSWER).waitFor()
    await card.getByText('答复（人力资源和社会保障局）').waitFor()
    await citizen.screenshot('67-my-policy-questions-answered', card)
  })
})
