import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { PRIVACY_NOTICE_VERSION } from '@gm/shared'
import { useState } from 'react'
import { getToken, sessionStore } from '../../miniapp/src/api'
import { PrivacyGate } from '../../miniapp/src/components/PrivacyGate'
import { citizen, errorBody, fakeServer, respond, sentRequests, sessionBody, signedIn, staff } from './fixtures'
import Taro from './taroMock'

type WechatResolve = (option: { event: string; buttonId?: string }) => void
type WechatListener = (resolve: WechatResolve, info: { referrer: string }) => void
// wx.onNeedPrivacyAuthorization is registered once per app run: keep the listener it was given.
let wechatListener: WechatListener | undefined
Taro.onNeedPrivacyAuthorization.mockImplementation((listener: WechatListener) => {
  wechatListener = listener
})

/** A form standing for 「提交意见」: it keeps what the user typed in its own state. */
function OpinionForm() {
  const [text, setText] = useState('')
  return <input aria-label='意见内容' value={text} onChange={(e) => setText(e.target.value)} />
}

const renderGate = () =>
  render(
    <PrivacyGate purpose='提交意见'>
      <OpinionForm />
    </PrivacyGate>,
  )
const form = () => screen.queryByLabelText('意见内容') as HTMLInputElement | null
const agree = () => fireEvent.click(screen.getByRole('button', { name: '同意并继续' }))

describe('PrivacyGate', () => {
  it('shows the notice (用途、收集的信息、保存期限、联系方式) instead of the form and sends nothing by itself', () => {
    signedIn(citizen({ privacyAccepted: false }))
    renderGate()

    for (const heading of ['用途', '收集的信息', '保存期限', '联系方式']) expect(screen.getByText(heading)).toBeTruthy()
    expect(form()).toBeNull()
    expect(Taro.request).not.toHaveBeenCalled()
  })

  it('records consent with the notice version only after 同意, then shows the form', async () => {
    signedIn(citizen({ privacyAccepted: false }))
    respond(200, citizen({ privacyAccepted: true }))
    renderGate()

    agree()

    expect(await screen.findByLabelText('意见内容')).toBeTruthy()
    expect(sentRequests()).toEqual([expect.objectContaining({ method: 'POST', path: '/api/me/privacy', data: { version: PRIVACY_NOTICE_VERSION } })])
    expect(sessionStore.getState().me).toMatchObject({ privacyAccepted: true })
  })

  it('never records consent when the user declines, and lets them read the notice again', () => {
    signedIn(citizen({ privacyAccepted: false }))
    renderGate()

    fireEvent.click(screen.getByRole('button', { name: '不同意' }))

    expect(screen.getByText(/您未同意个人信息保护说明，暂时无法提交意见/)).toBeTruthy()
    expect(form()).toBeNull()
    fireEvent.click(screen.getByRole('button', { name: '重新阅读说明' }))
    expect(screen.getByText('用途')).toBeTruthy()
    expect(Taro.request).not.toHaveBeenCalled()
  })

  it('keeps the notice and shows the error when consent cannot be recorded', async () => {
    signedIn(citizen({ privacyAccepted: false }))
    respond(503, errorBody('SERVICE_UNAVAILABLE', '服务暂时不可用，请稍后再试'))
    renderGate()

    agree()

    expect(await screen.findByText('服务暂时不可用，请稍后再试')).toBeTruthy()
    expect(form()).toBeNull()
  })

  it('shows the form straight away to a citizen who already accepted, and to staff', () => {
    signedIn(citizen({ privacyAccepted: true }))
    const { unmount } = renderGate()
    expect(form()).not.toBeNull()
    unmount()

    signedIn(staff())
    renderGate()
    expect(form()).not.toBeNull()
    expect(Taro.request).not.toHaveBeenCalled()
  })

  it('signs a signed-out WeChat user in when they agree, then records consent', async () => {
    const server = fakeServer()
    server.reply('/api/me/privacy', 401, errorBody('UNAUTHORIZED', '请先登录'))
    server.reply('/api/auth/wechat', 200, sessionBody(citizen({ privacyAccepted: false }), 'wx-token'))
    server.reply('/api/me/privacy', 200, citizen({ privacyAccepted: true }))
    Taro.login.mockResolvedValue({ code: 'wx-code', errMsg: 'login:ok' })
    renderGate()

    agree()

    expect(await screen.findByLabelText('意见内容')).toBeTruthy()
    expect(sentRequests().map((r) => r.path)).toEqual(['/api/me/privacy', '/api/auth/wechat', '/api/me/privacy'])
    expect(getToken()).toBe('wx-token')
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
