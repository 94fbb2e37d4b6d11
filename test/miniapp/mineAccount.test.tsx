import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import { getToken } from '../../miniapp/src/api'
import MinePage from '../../miniapp/src/pages/mine/index'
import { citizen, fakeServer, overview, sentRequests, signedIn, staff } from './fixtures'
import Taro from './taroMock'

describe('我的 page: the account', () => {
  let server: ReturnType<typeof fakeServer>
  beforeEach(() => {
    server = fakeServer()
    server.reply('/api/overview', 200, overview)
  })

  it('offers 登录 when signed out, and opens the login page', async () => {
    render(<MinePage />)
    await screen.findByText('已收到意见')

    fireEvent.click(screen.getByRole('button', { name: '登录' }))

    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/me/pages/login/index' })
    expect(screen.queryByText('我的消息')).toBeNull()
    expect(sentRequests().map((r) => r.path)).toEqual(['/api/overview'])
  })

  it('shows a citizen’s name with 我的消息, 我的个人信息 and 退出登录, and keeps the rest of 我的', async () => {
    signedIn(citizen({ nickname: '李阿姨' }))
    render(<MinePage />)

    expect(screen.getByText('李阿姨')).toBeTruthy()
    fireEvent.click(screen.getByText('我的消息'))
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/me/pages/notifications/index' })
    fireEvent.click(screen.getByText('我的个人信息'))
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/me/pages/data/index' })
    expect(screen.getByRole('button', { name: '退出登录' })).toBeTruthy()
    expect(screen.queryByText('工作台')).toBeNull()
    expect(await screen.findByText('已收到意见')).toBeTruthy()
    expect(screen.getByRole('switch', { name: '大字模式' })).toBeTruthy()
    expect(screen.getByText('决策事项目录')).toBeTruthy()
    expect(screen.getByText('隐私说明')).toBeTruthy()
  })

  it('signs out: ends the session on the server, forgets the token and offers 登录 again', async () => {
    signedIn(citizen())
    server.reply('/api/auth/logout', 204, '')
    render(<MinePage />)

    fireEvent.click(screen.getByRole('button', { name: '退出登录' }))

    expect(await screen.findByRole('button', { name: '登录' })).toBeTruthy()
    expect(sentRequests().find((r) => r.path === '/api/auth/logout')).toMatchObject({
      method: 'POST',
      header: expect.objectContaining({ Authorization: 'Bearer token-old' }),
    })
    expect(getToken()).toBeNull()
  })

  it('signs out locally even when the server cannot be reached', async () => {
    signedIn(citizen())
    server.failNetwork('/api/auth/logout')
    render(<MinePage />)

    fireEvent.click(screen.getByRole('button', { name: '退出登录' }))

    expect(await screen.findByRole('button', { name: '登录' })).toBeTruthy()
    expect(getToken()).toBeNull()
  })

  it('shows staff a 工作台 entry with their role and department', async () => {
    signedIn(staff({ displayName: '王管理', role: 'EDITOR' }))
    render(<MinePage />)

    expect(screen.getByText('王管理')).toBeTruthy()
    expect(screen.getByText('编辑 · 市园林绿化局')).toBeTruthy()
    fireEvent.click(screen.getByText('工作台'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/staff/pages/home/index' })
    expect(screen.queryByText('我的个人信息')).toBeNull()
    await screen.findByText('已收到意见')
  })

  it('shows the stored name at once and confirms it with the server once', async () => {
    signedIn(citizen({ nickname: '旧称呼' }), 'token-old', { confirmed: false })
    server.reply('/api/me', 200, citizen({ nickname: '新称呼' }))
    render(<MinePage />)

    expect(screen.getByText('旧称呼')).toBeTruthy()
    expect(await screen.findByText('新称呼')).toBeTruthy()
    expect(sentRequests().filter((r) => r.path === '/api/me')).toHaveLength(1)
  })

  it('signs out quietly when the stored session turns out to be revoked', async () => {
    signedIn(staff(), 'revoked', { confirmed: false })
    server.reply('/api/me', 401, { error: { code: 'SESSION_EXPIRED', message: '登录已过期，请重新登录' } })
    render(<MinePage />)

    expect(await screen.findByRole('button', { name: '登录' })).toBeTruthy()
    await waitFor(() => expect(getToken()).toBeNull())
    expect(Taro.navigateTo).not.toHaveBeenCalled()
  })
})
