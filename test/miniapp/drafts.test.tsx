// Save-and-return: an unsent opinion or question is kept on the device, restored when the form opens again, and cleared on submit.
import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import { DAY_MS } from '@gm/shared'
import OpinionPage from '../../miniapp/src/packages/consultation/pages/opinion/index'
import AskPage from '../../miniapp/src/packages/qa/pages/ask/index'
import { citizen, consultationDetail, fakeServer, sentRequests, signedIn } from './fixtures'
import Taro, { useRouter } from './taroMock'

const OPINION_DRAFT = 'gm:draft:opinion:1:all'
const QUESTION_DRAFT = 'gm:draft:question:general'
const stored = (key: string) => Taro.getStorageSync(key) as { values: Record<string, string>; key: string } | ''
const typeText = (label: string, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } })
const LONG_OPINION = '建议在公园东门增设无障碍坡道和扶手，现有台阶过高，轮椅和推婴儿车的居民进出都很困难。'.repeat(8)

describe('opinion draft', () => {
  let server: ReturnType<typeof fakeServer>
  beforeEach(() => {
    signedIn(citizen())
    server = fakeServer()
    const now = Date.now()
    server.reply(
      '/api/consultations/1',
      200,
      consultationDetail({ opensAt: new Date(now - DAY_MS).toISOString(), closesAt: new Date(now + 10 * DAY_MS).toISOString() }),
    )
    server.reply(
      '/api/consultations/1',
      200,
      consultationDetail({ opensAt: new Date(now - DAY_MS).toISOString(), closesAt: new Date(now + 10 * DAY_MS).toISOString() }),
    )
    useRouter.mockReturnValue({ params: { id: '1' } })
  })
  afterEach(() => useRouter.mockReset().mockImplementation(() => ({ params: {} })))

  it('keeps the text and the publication choice (never the phone number), restores them, and forgets them once submitted', async () => {
    const first = render(<OpinionPage />)
    await screen.findByLabelText('意见内容')
    typeText('意见内容', LONG_OPINION)
    fireEvent.click(screen.getByRole('radio', { name: '不公开' }))
    typeText('联系电话（选填）', '13912345678')
    await waitFor(() => expect(stored(OPINION_DRAFT)).toMatchObject({ values: { text: LONG_OPINION, consent: 'PRIVATE' } }))
    expect(JSON.stringify(stored(OPINION_DRAFT))).not.toContain('13912345678')
    const key = (stored(OPINION_DRAFT) as { key: string }).key
    first.unmount() // the phone locked, the user left

    render(<OpinionPage />)
    await screen.findByText(/已恢复您 .* 未提交的内容/)
    expect((screen.getByLabelText('意见内容') as HTMLTextAreaElement).value).toBe(LONG_OPINION)
    expect((screen.getByRole('radio', { name: '不公开' }) as HTMLElement).getAttribute('aria-checked')).toBe('true')

    server.reply('POST /api/consultations/1/opinions', 201, {
      id: 9,
      receiptCode: 'YJ20261121-ABC234',
      state: 'SUBMITTED',
      createdAt: '2026-11-21T02:00:00.000Z',
      heldForReview: false,
    })
    fireEvent.click(screen.getByRole('button', { name: '提交意见' }))
    await screen.findByText('YJ20261121-ABC234')
    const sent = sentRequests().find((r) => r.method === 'POST')!.data as { idempotencyKey: string; text: string }
    expect(sent).toMatchObject({ idempotencyKey: key, text: LONG_OPINION })
    await new Promise((r) => setTimeout(r, 700))
    expect(stored(OPINION_DRAFT)).toBe('')
  })
})

describe('question draft', () => {
  beforeEach(() => {
    signedIn(citizen())
    fakeServer()
    useRouter.mockReturnValue({ params: {} })
  })
  afterEach(() => useRouter.mockReset().mockImplementation(() => ({ params: {} })))

  it('restores an unsent question, and 清空 forgets it', async () => {
    const first = render(<AskPage />)
    typeText('您的问题', '外地社保转回本市后退休金怎么领？')
    await waitFor(() => expect(stored(QUESTION_DRAFT)).toMatchObject({ values: { text: '外地社保转回本市后退休金怎么领？' } }))
    first.unmount()

    render(<AskPage />)
    await screen.findByText(/已恢复您 .* 未提交的内容/)
    expect((screen.getByLabelText('您的问题') as HTMLTextAreaElement).value).toBe('外地社保转回本市后退休金怎么领？')
    fireEvent.click(screen.getByRole('button', { name: '清空，重新填写' }))
    expect((screen.getByLabelText('您的问题') as HTMLTextAreaElement).value).toBe('')
    expect(screen.queryByText(/已恢复您/)).toBeNull()
    await new Promise((r) => setTimeout(r, 700))
    expect(stored(QUESTION_DRAFT)).toBe('')
  })
})
