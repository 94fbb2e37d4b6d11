import { fireEvent, render, screen } from '@testing-library/react'
import { api, ApiError, getToken, SESSION_STORAGE_KEY } from '../../miniapp/src/api'
import LoginPage from '../../miniapp/src/packages/me/pages/login/index'
import { citizen, errorBody, respond, sentRequests, sessionBody, signedIn } from './fixtures'
import Taro from './taroMock'

// This file runs as the H5 build: no wx.login, sign-in happens on the login pages.
jest.mock('../../miniapp/src/platform', () => {
  const { h5Platform } = jest.requireActual('../../miniapp/src/platform/h5')
  return { platform: h5Platform }
})

const nameInput = () => screen.getByLabelText('您的称呼') as HTMLInputElement
const submit = () => fireEvent.click(screen.getByRole('button', { name: '演示登录' }))

describe('a 401 in the H5 build', () => {
  it('forgets the token and opens the login page instead of calling wx.login', async () => {
    signedIn(citizen(), 'expired-token')
    respond(401, errorBody('SESSION_EXPIRED', '登录已过期，请重新登录'))

    const error = await api.exportMyData().catch((e: unknown) => e)

    expect(error).toBeInstanceOf(ApiError)
    expect(Taro.login).not.toHaveBeenCalled()
    expect(Taro.request).toHaveBeenCalledTimes(1)
    expect(getToken()).toBeNull()
    expect(Taro.getStorageSync(SESSION_STORAGE_KEY)).toBe('')
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/me/pages/login/index' })
  })

  it('does not open the login page again when it is already on top', async () => {
    Taro.getCurrentPages.mockReturnValue([{ route: 'pages/mine/index' }, { route: 'packages/me/pages/login/index' }])
    respond(401, errorBody('UNAUTHORIZED', '请先登录'))

    await api.listMyNotifications().catch(() => undefined)

    expect(Taro.navigateTo).not.toHaveBeenCalled()
  })
})

describe('演示登录 page (H5)', () => {
  it('shows the demo form with a link to 工作人员登录, and no WeChat button', () => {
    render(<LoginPage />)

    expect(nameInput()).toBeTruthy()
    expect(screen.queryByRole('button', { name: '微信登录' })).toBeNull()
    fireEvent.click(screen.getByRole('link', { name: '工作人员登录' }))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/staff/pages/login/index' })
  })

  it('asks for a name next to the field without sending anything', () => {
    render(<LoginPage />)

    submit()

    expect(screen.getByText('请填写称呼')).toBeTruthy()
    expect(nameInput().getAttribute('aria-invalid')).toBe('true')
    expect(Taro.request).not.toHaveBeenCalled()
  })

  it('says clearly that demo login is switched off, and keeps the name typed', async () => {
    respond(403, errorBody('DEMO_LOGIN_DISABLED', '演示登录未开启'))
    render(<LoginPage />)

    fireEvent.change(nameInput(), { target: { value: '张先生' } })
    submit()

    expect(await screen.findByText(/演示登录未开启。网页版仅供演示，请在微信中打开「政民互动」小程序/)).toBeTruthy()
    expect(nameInput().value).toBe('张先生')
    expect(getToken()).toBeNull()
  })

  it('signs in with the name, keeps the session and returns to 我的', async () => {
    respond(200, sessionBody(citizen({ nickname: '张先生' }), 'demo-token'))
    render(<LoginPage />)

    fireEvent.change(nameInput(), { target: { value: ' 张先生 ' } })
    submit()

    await screen.findByText(/您已登录为「张先生」/)
    expect(sentRequests()[0]).toMatchObject({ method: 'POST', path: '/api/auth/demo', data: { name: '张先生' } })
    expect(getToken()).toBe('demo-token')
    expect(Taro.switchTab).toHaveBeenCalledWith({ url: '/pages/mine/index' })
  })

  it('goes back to the page that asked for a login when there is one', async () => {
    Taro.getCurrentPages.mockReturnValue([{ route: 'packages/me/pages/notifications/index' }, { route: 'packages/me/pages/login/index' }])
    respond(200, sessionBody(citizen(), 'demo-token'))
    render(<LoginPage />)

    fireEvent.change(nameInput(), { target: { value: '李阿姨' } })
    submit()

    await screen.findByText(/您已登录为/)
    expect(Taro.navigateBack).toHaveBeenCalled()
    expect(Taro.switchTab).not.toHaveBeenCalled()
  })
})
