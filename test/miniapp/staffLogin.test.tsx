import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import { getToken } from '../../miniapp/src/api'
import StaffLoginPage from '../../miniapp/src/packages/staff/pages/login/index'
import StaffPasswordPage from '../../miniapp/src/packages/staff/pages/password/index'
import { errorBody, fakeServer, respond, sentRequests, sessionBody, signedIn, staff } from './fixtures'
import Taro from './taroMock'

const input = (label: string) => screen.getByLabelText(label) as HTMLInputElement
const type = (label: string, value: string) => fireEvent.change(input(label), { target: { value } })
const alerts = () => screen.queryAllByRole('alert').map((e) => e.textContent)

describe('工作人员登录 page', () => {
  const signIn = () => fireEvent.click(screen.getByRole('button', { name: '登录' }))

  it('shows what is missing next to each field and sends nothing', () => {
    render(<StaffLoginPage />)

    signIn()

    expect(alerts()).toEqual(['请填写用户名', '请填写密码'])
    expect(input('用户名').getAttribute('aria-invalid')).toBe('true')
    expect(input('密码').type).toBe('password')
    expect(Taro.request).not.toHaveBeenCalled()
  })

  it('clears a field error as soon as the field is edited', () => {
    render(<StaffLoginPage />)
    signIn()

    type('用户名', 'wang')

    expect(alerts()).toEqual(['请填写密码'])
  })

  it('says the username or password is wrong on LOGIN_FAILED and keeps what was typed', async () => {
    respond(401, errorBody('LOGIN_FAILED', '用户名或密码错误'))
    render(<StaffLoginPage />)

    type('用户名', 'wang.admin')
    type('密码', 'wrong-password')
    signIn()

    expect(await screen.findByText('用户名或密码错误')).toBeTruthy()
    expect(input('用户名').value).toBe('wang.admin')
    expect(input('密码').value).toBe('wrong-password')
    expect(getToken()).toBeNull()
    expect(Taro.login).not.toHaveBeenCalled()
  })

  it('shows the wait message on RATE_LIMITED', async () => {
    respond(429, errorBody('RATE_LIMITED', '操作过于频繁，请 60 秒后再试'))
    render(<StaffLoginPage />)

    type('用户名', 'wang.admin')
    type('密码', 'whatever-1')
    signIn()

    expect(await screen.findByText('操作过于频繁，请 60 秒后再试')).toBeTruthy()
  })

  it('shows the disabled-account message on ACCOUNT_DISABLED', async () => {
    respond(403, errorBody('ACCOUNT_DISABLED', '账号已停用，请联系管理员'))
    render(<StaffLoginPage />)

    type('用户名', 'zhao')
    type('密码', 'whatever-1')
    signIn()

    expect(await screen.findByText('账号已停用，请联系管理员')).toBeTruthy()
  })

  it('shows a server field message next to its field', async () => {
    respond(400, { error: { code: 'VALIDATION_FAILED', message: '提交的内容有误，请检查后重试', details: { fields: { 'body.username': '用户名过长' } } } })
    render(<StaffLoginPage />)

    type('用户名', 'wang')
    type('密码', 'secret')
    signIn()

    expect(await screen.findByText('用户名过长')).toBeTruthy()
    expect(input('用户名').getAttribute('aria-invalid')).toBe('true')
  })

  it('sends a first-time staff member to the forced password change', async () => {
    respond(200, sessionBody(staff({ mustChangePassword: true }), 'staff-token'))
    render(<StaffLoginPage />)

    type('用户名', ' wang.admin ')
    type('密码', 'Initial-pass-1')
    signIn()

    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/packages/staff/pages/password/index' }))
    expect(sentRequests()[0]).toMatchObject({ path: '/api/auth/staff', data: { username: 'wang.admin', password: 'Initial-pass-1' } })
    expect(getToken()).toBe('staff-token')
  })

  it('opens 工作台 for a staff member whose password is already set', async () => {
    respond(200, sessionBody(staff(), 'staff-token'))
    render(<StaffLoginPage />)

    type('用户名', 'wang.admin')
    type('密码', 'My-own-pass-2')
    signIn()

    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/packages/staff/pages/home/index' }))
  })
})

describe('修改密码 page', () => {
  const save = () => fireEvent.click(screen.getByRole('button', { name: '保存新密码' }))
  const fill = (current: string, next: string, again: string) => {
    type('初始密码', current)
    type('新密码', next)
    type('再次输入新密码', again)
  }

  beforeEach(() => signedIn(staff({ mustChangePassword: true }), 'staff-token'))

  it('explains why the change is forced', () => {
    render(<StaffPasswordPage />)

    expect(screen.getByText(/首次登录或密码被重置后，请先设置您自己的密码/)).toBeTruthy()
  })

  it('checks the shared password rules before sending: length', () => {
    render(<StaffPasswordPage />)

    fill('Initial-1', 'short1', 'short1')
    save()

    expect(screen.getByText('密码至少 10 位')).toBeTruthy()
    expect(Taro.request).not.toHaveBeenCalled()
  })

  it('checks the shared password rules before sending: letters and digits', () => {
    render(<StaffPasswordPage />)

    fill('Initial-1', 'onlyletters-here', 'onlyletters-here')
    save()

    expect(screen.getByText('密码需同时包含字母和数字')).toBeTruthy()
    expect(Taro.request).not.toHaveBeenCalled()
  })

  it('asks for the same new password twice', () => {
    render(<StaffPasswordPage />)

    fill('Initial-1', 'Good-password-9', 'Good-password-8')
    save()

    expect(screen.getByText('两次输入的新密码不一致')).toBeTruthy()
    expect(Taro.request).not.toHaveBeenCalled()
  })

  it('shows WRONG_PASSWORD under the current password and keeps the input', async () => {
    respond(400, errorBody('WRONG_PASSWORD', '当前密码不正确'))
    render(<StaffPasswordPage />)

    fill('Not-initial-1', 'Good-password-9', 'Good-password-9')
    save()

    expect(await screen.findByText('当前密码不正确')).toBeTruthy()
    expect(input('初始密码').getAttribute('aria-invalid')).toBe('true')
    expect(input('新密码').value).toBe('Good-password-9')
  })

  it('saves the new password (204) and opens 工作台', async () => {
    const server = fakeServer()
    server.reply('/api/auth/password', 204, '')
    server.reply('/api/me', 200, staff({ mustChangePassword: false }))
    render(<StaffPasswordPage />)

    fill('Initial-1', 'Good-password-9', 'Good-password-9')
    save()

    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/packages/staff/pages/home/index' }))
    expect(sentRequests()[0]).toMatchObject({
      method: 'PUT',
      path: '/api/auth/password',
      data: { currentPassword: 'Initial-1', newPassword: 'Good-password-9' },
    })
    expect(screen.getByLabelText('当前密码')).toBeTruthy() // no longer the forced first change
  })
})
