// PrivacyGate: the notice opens when a write needs consent, keeps the form, and resends the same write after 同意.
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { PRIVACY_NOTICE_VERSION } from '@gm/shared'
import { useState } from 'react'
import { api, sessionStore } from '../../miniapp/src/api'
import { PrivacyGate } from '../../miniapp/src/components/PrivacyGate'
import { usePrivacyConsent } from '../../miniapp/src/hooks'
import { citizen, errorBody, fakeServer, LATER, sentRequests, signedIn, staff } from './fixtures'
import Taro from './taroMock'

type WechatResolve = (option: { event: string; buttonId?: string }) => void
type WechatListener = (resolve: WechatResolve, info: { referrer: string }) => void
// wx.onNeedPrivacyAuthorization is registered once per app run: keep the listener it was given.
let wechatListener: WechatListener | undefined
Taro.onNeedPrivacyAuthorization.mockImplementation((listener: WechatListener) => {
  wechatListener = listener
})

const REFUSED = { error: { code: 'PRIVACY_NOT_ACCEPTED', message: '请先阅读并同意个人信息保护说明', details: { requiredVersion: PRIVACY_NOTICE_VERSION } } }
const QUESTIONS = '/api/policy-questions'
const asked = (r: { id: number }) => ({
  id: r.id,
  receiptCode: `ZX-${r.id}`,
  text: '生育津贴怎么领？',
  topic: null,
  status: 'PENDING',
  createdAt: LATER,
  dueAt: LATER,
  answer: null,
  declineReason: null,
  department: null,
  answeredAt: null,
  heldForReview: false,
})

/** A form standing for 「提交意见」: it keeps what the user typed in its own state and sends it through the API client. */
function OpinionForm() {
  const [text, setText] = useState('')
  const [result, setResult] = useState('')
  const send = () =>
    api.askPolicyQuestion({ body: { text, idempotencyKey: 'gate-test-key-1' } }).then(
      () => setResult('已提交'),
      (e: { code: string }) => setResult(`失败：${e.code}`),
    )
  return (
    <>
      <input aria-label="意见内容" value={text} onChange={(e) => setText(e.target.value)} />
      <button onClick={() => void send()}>发送</button>
      {result && <p>{result}</p>}
    </>
  )
}

/** A page as the real ones are: it holds usePrivacyConsent and hands it to the gate around its form. */
function Page() {
  const consent = usePrivacyConsent()
  return (
    <PrivacyGate consent={consent} purpose="提交意见">
      <OpinionForm />
    </PrivacyGate>
  )
}

const renderGate = () => render(<Page />)
const form = () => screen.queryByLabelText('意见内容') as HTMLInputElement | null
const agree = () => fireEvent.click(screen.getByRole('button', { name: '同意并继续' }))
const typeAndSend = (text: string) => {
  fireEvent.change(form()!, { target: { value: text } })
  fireEvent.click(screen.getByRole('button', { name: '发送' }))
}

describe('PrivacyGate', () => {
  it('shows the form at once and asks nothing before a write needs consent', () => {
    signedIn(citizen({ privacyAccepted: false }))
    renderGate()

    expect(form()).not.toBeNull()
    expect(screen.queryByText('保存期限')).toBeNull()
    expect(screen.queryByText('登录后阅读并同意')).toBeNull()
    expect(Taro.request).not.toHaveBeenCalled()
  })

  it('opens the notice (用途、收集的信息、保存期限、联系方式) when the server refuses the write, records consent after 同意 and resends the same write', async () => {
    signedIn(citizen({ privacyAccepted: false }))
    const server = fakeServer()
    server.reply(`POST ${QUESTIONS}`, 403, REFUSED)
    server.reply('/api/me/privacy', 200, citizen({ privacyAccepted: true }))
    server.reply(`POST ${QUESTIONS}`, 201, asked({ id: 5 }))
    renderGate()
    typeAndSend('我的电话 13812345678，生育津贴怎么领？')

    for (const heading of ['用途', '收集的信息', '保存期限', '联系方式']) expect(await screen.findByText(heading)).toBeTruthy()
    expect(sentRequests().map((r) => r.path)).toEqual([QUESTIONS]) // nothing recorded before 同意
    agree()

    expect(await screen.findByText('已提交')).toBeTruthy()
    expect(sentRequests().map((r) => `${r.method} ${r.path}`)).toEqual([`POST ${QUESTIONS}`, 'POST /api/me/privacy', `POST ${QUESTIONS}`])
    expect(sentRequests()[1]?.data).toEqual({ version: PRIVACY_NOTICE_VERSION })
    expect(sentRequests()[2]?.data).toEqual(sentRequests()[0]?.data)
    expect(form()!.value).toBe('我的电话 13812345678，生育津贴怎么领？')
    expect(screen.queryByText('保存期限')).toBeNull()
    expect(sessionStore.getState().me).toMatchObject({ privacyAccepted: true })
  })

  it('asks again when the notice changed although the session remembers an earlier consent', async () => {
    signedIn(citizen({ privacyAccepted: true }))
    const server = fakeServer()
    server.reply(`POST ${QUESTIONS}`, 403, REFUSED)
    server.reply('/api/me/privacy', 200, citizen({ privacyAccepted: true }))
    server.reply(`POST ${QUESTIONS}`, 201, asked({ id: 6 }))
    renderGate()
    typeAndSend('异地就医怎么备案？')

    await screen.findByText('保存期限')
    agree()
    expect(await screen.findByText('已提交')).toBeTruthy()
    expect(sentRequests().map((r) => r.path)).toEqual([QUESTIONS, '/api/me/privacy', QUESTIONS])
  })

  it('never records consent when the user declines: the write fails, the text stays, and the notice can be read again', async () => {
    signedIn(citizen({ privacyAccepted: false }))
    const server = fakeServer()
    server.reply(`POST ${QUESTIONS}`, 403, REFUSED)
    renderGate()
    typeAndSend('社保断缴怎么补？')

    fireEvent.click(await screen.findByRole('button', { name: '不同意' }))

    expect(await screen.findByText('失败：PRIVACY_NOT_ACCEPTED')).toBeTruthy()
    expect(screen.getByText(/您未同意个人信息保护说明，暂时无法提交意见/)).toBeTruthy()
    expect(form()!.value).toBe('社保断缴怎么补？')
    expect(sentRequests().map((r) => r.path)).toEqual([QUESTIONS])
    fireEvent.click(screen.getByRole('button', { name: '重新阅读说明' }))
    expect(screen.getByText('用途')).toBeTruthy()
  })

  it('keeps the notice and shows the error when consent cannot be recorded, then resumes on a second 同意', async () => {
    signedIn(citizen({ privacyAccepted: false }))
    const server = fakeServer()
    server.reply(`POST ${QUESTIONS}`, 403, REFUSED)
    server.reply('/api/me/privacy', 503, errorBody('SERVICE_UNAVAILABLE', '服务暂时不可用，请稍后再试'))
    server.reply('/api/me/privacy', 200, citizen({ privacyAccepted: true }))
    server.reply(`POST ${QUESTIONS}`, 201, asked({ id: 7 }))
    renderGate()
    typeAndSend('公积金怎么提取？')

    await screen.findByText('保存期限')
    agree()
    expect(await screen.findByText('服务暂时不可用，请稍后再试')).toBeTruthy()
    expect(screen.queryByText('已提交')).toBeNull()
    agree()
    expect(await screen.findByText('已提交')).toBeTruthy()
  })

  it('asks once for several writes refused together, and resends each', async () => {
    signedIn(citizen({ privacyAccepted: false }))
    const server = fakeServer()
    server.reply(`POST ${QUESTIONS}`, 403, REFUSED)
    server.reply(`POST ${QUESTIONS}`, 403, REFUSED)
    server.reply('/api/me/privacy', 200, citizen({ privacyAccepted: true }))
    server.reply(`POST ${QUESTIONS}`, 201, asked({ id: 8 }))
    server.reply(`POST ${QUESTIONS}`, 201, asked({ id: 9 }))
    renderGate()
    const both = Promise.all([
      api.askPolicyQuestion({ body: { text: '第一问：养老金', idempotencyKey: 'gate-test-key-a' } }),
      api.askPolicyQuestion({ body: { text: '第二问：医保', idempotencyKey: 'gate-test-key-b' } }),
    ])
    await screen.findByText('保存期限')
    expect(screen.getAllByRole('button', { name: '同意并继续' })).toHaveLength(1)
    agree()
    await waitFor(() => expect(screen.queryByText('保存期限')).toBeNull())
    expect((await both).map((q) => q.id)).toEqual([8, 9])
    expect(sentRequests().filter((r) => r.path === '/api/me/privacy')).toHaveLength(1)
  })

  it('lets the refusal reach the caller when no notice is on screen', async () => {
    signedIn(citizen({ privacyAccepted: false }))
    const server = fakeServer()
    server.reply(`POST ${QUESTIONS}`, 403, REFUSED)
    await expect(api.askPolicyQuestion({ body: { text: '没有表单时', idempotencyKey: 'gate-test-key-c' } })).rejects.toMatchObject({
      code: 'PRIVACY_NOT_ACCEPTED',
    })
    expect(sentRequests().map((r) => r.path)).toEqual([QUESTIONS])
  })

  it('shows the form to staff and sends nothing', () => {
    signedIn(staff())
    renderGate()
    expect(form()).not.toBeNull()
    expect(Taro.request).not.toHaveBeenCalled()
  })

  it('answers a WeChat privacy request over the form, keeping what the user typed', async () => {
    signedIn(citizen({ privacyAccepted: true }))
    renderGate()
    fireEvent.change(form()!, { target: { value: '建议增加座椅' } })
    expect(wechatListener).toBeDefined()
    const resolve = jest.fn<void, Parameters<WechatResolve>>()

    act(() => wechatListener!(resolve, { referrer: 'getPhoneNumber' }))
    expect(screen.getByText('保存期限')).toBeTruthy()
    agree()

    await waitFor(() => expect(resolve).toHaveBeenCalledWith({ event: 'agree', buttonId: 'gm-privacy-agree' }))
    expect(screen.queryByText('保存期限')).toBeNull()
    expect(form()!.value).toBe('建议增加座椅')
    expect(Taro.request).not.toHaveBeenCalled() // consent was already on record
  })

  it('tells WeChat the user disagreed when they decline its privacy request', () => {
    signedIn(citizen({ privacyAccepted: true }))
    renderGate()
    const resolve = jest.fn<void, Parameters<WechatResolve>>()

    act(() => wechatListener!(resolve, { referrer: 'getPhoneNumber' }))
    fireEvent.click(screen.getByRole('button', { name: '不同意' }))

    expect(resolve).toHaveBeenLastCalledWith({ event: 'disagree' })
    expect(resolve).not.toHaveBeenCalledWith(expect.objectContaining({ event: 'agree' }))
  })
})
