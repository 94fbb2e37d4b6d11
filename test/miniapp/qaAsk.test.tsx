import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import type { MyPolicyQuestion } from '@gm/shared'
import AskPage from '../../miniapp/src/packages/qa/pages/ask/index'
import { citizen, fakeServer, sentRequests, signedIn } from './fixtures'
import { useRouter } from './taroMock'

const ASK = '/api/policy-questions'
const receipt: MyPolicyQuestion = {
  id: 5,
  receiptCode: 'ZC20261121-QWE123',
  text: '外地社保转回本市后退休金怎么领？',
  topic: null,
  status: 'PENDING',
  createdAt: '2026-11-21T02:00:00.000Z',
  dueAt: '2026-11-28T16:00:00.000Z',
  answer: null,
  declineReason: null,
  department: null,
  answeredAt: null,
  heldForReview: false,
}

const question = () => screen.getByLabelText('您的问题') as HTMLTextAreaElement
const submit = () => fireEvent.click(screen.getByRole('button', { name: '提交问题' }))
const posted = () => sentRequests().filter((r) => r.method === 'POST' && r.path === ASK)
const fieldError = (name: string) => document.querySelector(`.gm-choice--${name} .gm-choice__error, .gm-textarea--${name} .gm-textarea__error`)?.textContent

describe('向工作人员提问', () => {
  let server: ReturnType<typeof fakeServer>
  beforeEach(() => {
    signedIn(citizen())
    server = fakeServer()
    useRouter.mockReturnValue({ params: { q: encodeURIComponent('退休金怎么领') } })
  })
  afterEach(() => {
    useRouter.mockReset().mockImplementation(() => ({ params: {} }))
  })

  it('prefills the search words and shows a field error for an empty question without sending', async () => {
    render(<AskPage />)
    expect(question().value).toBe('退休金怎么领')
    fireEvent.change(question(), { target: { value: '   ' } })
    submit()
    expect(fieldError('text')).toBe('请填写问题')
    expect(posted()).toHaveLength(0)
  })

  it('reuses the same idempotency key when retrying after a network error, and keeps the text', async () => {
    server.failNetwork(`POST ${ASK}`)
    server.reply(`POST ${ASK}`, 201, receipt)
    render(<AskPage />)
    fireEvent.change(question(), { target: { value: '外地社保转回本市后退休金怎么领？' } })
    submit()
    expect(await screen.findByText(/网络连接失败.*同一个问题不会重复提交/)).toBeTruthy()
    expect(question().value).toBe('外地社保转回本市后退休金怎么领？')

    submit()
    await screen.findByText('ZC20261121-QWE123')
    const [first, second] = posted().map((r) => r.data as { idempotencyKey: string; text: string })
    expect(first?.idempotencyKey).toMatch(/^[A-Za-z0-9_-]{8,64}$/)
    expect(second?.idempotencyKey).toBe(first?.idempotencyKey)
    expect(second?.text).toBe('外地社保转回本市后退休金怎么领？')
  })

  it('takes a new key for the next question after a receipt', async () => {
    server.reply(`POST ${ASK}`, 201, receipt)
    server.reply(`POST ${ASK}`, 201, { ...receipt, id: 6, receiptCode: 'ZC20261121-ZZZ999' })
    render(<AskPage />)
    submit()
    await screen.findByText('ZC20261121-QWE123')
    fireEvent.click(screen.getByRole('button', { name: '再提一个问题' }))
    fireEvent.change(question(), { target: { value: '公积金怎么提取？' } })
    submit()
    await screen.findByText('ZC20261121-ZZZ999')
    const keys = posted().map((r) => (r.data as { idempotencyKey: string }).idempotencyKey)
    expect(keys[0]).not.toBe(keys[1])
  })

  it('shows the daily limit (429 RATE_LIMITED) next to the form and keeps what was typed', async () => {
    server.reply(`POST ${ASK}`, 429, { error: { code: 'RATE_LIMITED', message: '每人每天最多提交 5 条政策咨询，请明天再试' } })
    render(<AskPage />)
    submit()
    expect(await screen.findByText('每人每天最多提交 5 条政策咨询，请明天再试。您填写的内容仍保留在上方。')).toBeTruthy()
    expect(question().value).toBe('退休金怎么领')
  })

  it('shows the server’s field errors next to the fields', async () => {
    server.reply(`POST ${ASK}`, 400, {
      error: {
        code: 'VALIDATION_FAILED',
        message: '提交的内容有误，请检查后重试',
        details: { fields: { 'body.text': '问题内容含有不允许的字符', 'body.topic': '主题最多 20 个字' } },
      },
    })
    server.reply('/api/qa/topics', 200, [{ topic: '养老', count: 3 }])
    render(<AskPage />)
    fireEvent.click(await screen.findByRole('radio', { name: '养老' }))
    submit()
    await waitFor(() => expect(fieldError('text')).toBe('问题内容含有不允许的字符'))
    expect(fieldError('topic')).toBe('主题最多 20 个字')
    expect(posted()[0]?.data).toEqual({ text: '退休金怎么领', topic: '养老', idempotencyKey: expect.any(String) })
  })

  it('offers 问题类别 as a choice among the Q&A topics (not free text), with 不选', async () => {
    server.reply('/api/qa/topics', 200, [
      { topic: '生育', count: 4 },
      { topic: '养老', count: 3 },
    ])
    server.reply(`POST ${ASK}`, 201, receipt)
    render(<AskPage />)

    const group = await screen.findByRole('radiogroup', { name: '问题类别（选填）' })
    expect(Array.from(group.querySelectorAll('.gm-choice__title')).map((r) => r.textContent)).toEqual(['生育', '养老', '不选'])
    expect(document.querySelector('.gm-field--topic input')).toBeNull()
    fireEvent.click(screen.getByRole('radio', { name: '生育' }))
    fireEvent.click(screen.getByRole('radio', { name: '不选' }))
    fireEvent.click(screen.getByRole('radio', { name: '养老' }))
    submit()
    await screen.findByText('ZC20261121-QWE123')
    expect(posted()[0]?.data).toMatchObject({ topic: '养老' })
  })

  it('shows the form first: the privacy notice waits for the moment the question is sent', async () => {
    signedIn(citizen({ privacyAccepted: false }))
    render(<AskPage />)
    await screen.findByLabelText('您的问题')
    expect(screen.queryByText('个人信息保护说明')).toBeNull()
  })
})
