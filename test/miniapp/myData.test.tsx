import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { getToken, SESSION_STORAGE_KEY } from '../../miniapp/src/api'
import MyDataPage from '../../miniapp/src/packages/me/pages/data/index'
import { phoneNumberAnswer } from './componentsMock'
import { citizen, errorBody, fakeServer, sentRequests, signedIn } from './fixtures'
import Taro from './taroMock'

const myData = (phone: string | null = null) => ({
  profile: { nickname: '李阿姨', phone, privacyAcceptedAt: '2026-11-20T02:00:00.000Z', createdAt: '2026-11-01T02:00:00.000Z' },
  opinions: [],
  registrations: [],
  policyQuestions: [],
  notifications: [],
})
const deletes = () => sentRequests().filter((r) => r.method === 'DELETE')
const dialog = () => screen.queryByRole('dialog')

describe('我的个人信息 page', () => {
  let server: ReturnType<typeof fakeServer>
  beforeEach(() => {
    server = fakeServer()
    server.reply('GET /api/me/data', 200, myData())
  })

  it('shows what is stored about the citizen', async () => {
    signedIn(citizen())
    render(<MyDataPage />)

    expect(await screen.findByText('李阿姨')).toBeTruthy()
    expect(screen.getByText('未绑定')).toBeTruthy()
    const value = (label: string) => screen.getByText(label).parentElement!.querySelector('.gm-info__value')!.textContent
    expect(value('同意隐私说明')).toBe('2026年11月20日 10:00')
    expect(value('首次登录')).toBe('2026年11月1日 10:00')
  })

  it('does not count a cancelled signup as a signup, and says it is still held', async () => {
    const registration = (status: string) => ({ eventTitle: '政府开放日', name: '李阿姨', phone: '13912344321', status, createdAt: '2026-11-20T02:00:00.000Z' })
    fakeServer().reply('GET /api/me/data', 200, { ...myData(), registrations: [registration('SELECTED'), registration('CANCELLED')] })
    signedIn(citizen())
    render(<MyDataPage />)

    expect(await screen.findByText('1 条（另有已取消的报名记录 1 条）')).toBeTruthy()
    expect(screen.queryByText('2 条')).toBeNull()
  })

  it('asks a signed-out visitor to sign in and requests nothing', async () => {
    render(<MyDataPage />)
    await act(() => Promise.resolve()) // let the page settle

    expect(screen.getByText('请先登录，再查看您的个人信息。')).toBeTruthy()
    expect(Taro.request).not.toHaveBeenCalled()
    expect(Taro.login).not.toHaveBeenCalled()
  })

  it('deletes nothing until the user confirms, and explains what happens to published opinions', async () => {
    signedIn(citizen())
    render(<MyDataPage />)
    await screen.findByText('李阿姨')

    fireEvent.click(screen.getByRole('button', { name: '删除我的个人信息' }))

    expect(dialog()?.textContent).toMatch(/已公开的意见不会撤下，但只以去标识化形式保留/)
    expect(deletes()).toHaveLength(0)
    fireEvent.click(screen.getByRole('button', { name: '取消' }))
    expect(dialog()).toBeNull()
    expect(deletes()).toHaveLength(0)
    expect(getToken()).toBe('token-old')
  })

  it('deletes after confirmation and signs the citizen out', async () => {
    signedIn(citizen())
    server.reply('DELETE /api/me', 204, '')
    render(<MyDataPage />)
    await screen.findByText('李阿姨')

    fireEvent.click(screen.getByRole('button', { name: '删除我的个人信息' }))
    fireEvent.click(screen.getByRole('button', { name: '确认删除' }))

    expect(await screen.findByText(/您的个人信息已删除，并已退出登录/)).toBeTruthy()
    expect(deletes()).toEqual([expect.objectContaining({ path: '/api/me', header: expect.objectContaining({ Authorization: 'Bearer token-old' }) })])
    expect(getToken()).toBeNull()
    expect(Taro.getStorageSync(SESSION_STORAGE_KEY)).toBe('')
    // the deleted account is not signed in again behind the user's back
    expect(Taro.login).not.toHaveBeenCalled()
  })

  it('stays signed in and shows the error when deletion fails', async () => {
    signedIn(citizen())
    server.reply('DELETE /api/me', 503, errorBody('SERVICE_UNAVAILABLE', '服务暂时不可用，请稍后再试'))
    render(<MyDataPage />)
    await screen.findByText('李阿姨')

    fireEvent.click(screen.getByRole('button', { name: '删除我的个人信息' }))
    fireEvent.click(screen.getByRole('button', { name: '确认删除' }))

    expect(await screen.findByText('服务暂时不可用，请稍后再试')).toBeTruthy()
    expect(getToken()).toBe('token-old')
  })

  it('binds the phone number with the code of WeChat’s phone-number button', async () => {
    signedIn(citizen({ hasPhone: false, privacyAccepted: true }))
    server.reply('POST /api/me/phone', 200, citizen({ hasPhone: true }))
    server.reply('GET /api/me/data', 200, myData('138****0000'))
    render(<MyDataPage />)
    await screen.findByText('李阿姨')

    fireEvent.click(screen.getByRole('button', { name: '用微信绑定手机号' }))

    expect(await screen.findByText('联系电话已绑定。')).toBeTruthy()
    expect(sentRequests().find((r) => r.path === '/api/me/phone')?.data).toEqual({ code: 'phone-code' })
    await waitFor(() => expect(screen.getByText('138****0000')).toBeTruthy())
  })

  it('sends nothing when the user refuses to share the phone number', async () => {
    signedIn(citizen({ hasPhone: false, privacyAccepted: true }))
    render(<MyDataPage />)
    await screen.findByText('李阿姨')
    const answer = { ...phoneNumberAnswer.detail }
    phoneNumberAnswer.detail = { errMsg: 'getPhoneNumber:fail user deny' }

    try {
      fireEvent.click(screen.getByRole('button', { name: '用微信绑定手机号' }))
    } finally {
      phoneNumberAnswer.detail = answer
    }

    expect(screen.getByText('您没有授权手机号，可以稍后再绑定。')).toBeTruthy()
    expect(sentRequests().some((r) => r.path === '/api/me/phone')).toBe(false)
  })

  it('asks for the privacy notice when binding is refused for want of consent, then binds with the same code', async () => {
    signedIn(citizen({ hasPhone: false, privacyAccepted: false }))
    server.reply('POST /api/me/phone', 403, errorBody('PRIVACY_NOT_ACCEPTED', '请先阅读并同意个人信息保护说明'))
    server.reply('POST /api/me/privacy', 200, citizen({ hasPhone: false, privacyAccepted: true }))
    server.reply('POST /api/me/phone', 200, citizen({ hasPhone: true, privacyAccepted: true }))
    render(<MyDataPage />)
    await screen.findByText('李阿姨')
    expect(screen.queryByText('用途')).toBeNull()

    fireEvent.click(screen.getByRole('button', { name: '用微信绑定手机号' }))
    await screen.findByText('用途')
    fireEvent.click(screen.getByRole('button', { name: '同意并继续' }))

    expect(await screen.findByText('联系电话已绑定。')).toBeTruthy()
    const phoneCalls = sentRequests().filter((r) => r.path === '/api/me/phone')
    expect(phoneCalls.map((r) => r.data)).toEqual([{ code: 'phone-code' }, { code: 'phone-code' }])
  })
})
