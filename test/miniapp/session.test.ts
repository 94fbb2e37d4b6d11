import { act, renderHook } from '@testing-library/react'
import { api, ApiError, callEndpoint, getToken, SESSION_STORAGE_KEY, sessionStore } from '../../miniapp/src/api'
import { reloadSessionFromStorage } from '../../miniapp/src/api/session'
import { useSession } from '../../miniapp/src/hooks'
import { citizen, errorBody, fakeServer, LATER, respond, sentRequests, sessionBody, signedIn, staff } from './fixtures'
import Taro from './taroMock'

const overview = { openConsultations: 1, opinionsReceived: 2, upcomingEvents: 3, qaItems: 4, decisionsThisYear: 5 }
const authHeader = (n: number) => sentRequests()[n]?.header.Authorization
const storedToken = () => (Taro.getStorageSync(SESSION_STORAGE_KEY) as { token?: string } | '') || null

async function failure(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => {
      throw new Error('expected the call to fail')
    },
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(ApiError)
  return error as ApiError
}

describe('the session token', () => {
  it('is stored from a login and sent as a Bearer header on later requests', async () => {
    respond(200, sessionBody(citizen(), 'tok-1'))
    respond(200, { items: [], total: 0, page: 1, pageSize: 10 })
    const { result } = renderHook(() => useSession())

    await act(() => result.current.signInDemo('李阿姨'))
    await api.listMyNotifications({ query: { page: 1, pageSize: 10 } })

    expect(Taro.setStorageSync).toHaveBeenCalledWith(SESSION_STORAGE_KEY, expect.objectContaining({ token: 'tok-1', expiresAt: LATER }))
    expect(result.current.me).toMatchObject({ kind: 'citizen', nickname: '李阿姨' })
    expect(authHeader(0)).toBeUndefined()
    expect(authHeader(1)).toBe('Bearer tok-1')
  })

  it('survives a restart of the app: the stored token is read back and sent', async () => {
    signedIn(citizen(), 'tok-stored')
    reloadSessionFromStorage()
    respond(200, citizen())

    await api.getMe()

    expect(authHeader(0)).toBe('Bearer tok-stored')
  })

  it('is not sent when nobody is signed in', async () => {
    respond(200, overview)

    await api.getOverview()

    expect(authHeader(0)).toBeUndefined()
    expect(getToken()).toBeNull()
  })

  it('is dropped without asking the server once its expiry has passed', () => {
    Taro.setStorageSync(SESSION_STORAGE_KEY, { token: 'old', expiresAt: '2020-01-01T00:00:00.000Z', me: citizen() })
    reloadSessionFromStorage()

    expect(getToken()).toBeNull()
    expect(sessionStore.getState().me).toBeNull()
  })
})

describe('a 401 from the server (WeChat mini-program)', () => {
  it('forgets the token, signs in again with wx.login and retries the request once with the new token', async () => {
    signedIn(citizen(), 'expired-token')
    const server = fakeServer()
    server.reply('/api/me/notifications', 401, errorBody('SESSION_EXPIRED', '登录已过期，请重新登录'))
    server.reply('/api/auth/wechat', 200, sessionBody(citizen(), 'renewed-token'))
    server.reply('/api/me/notifications', 200, { items: [], total: 0, page: 1, pageSize: 10 })
    Taro.login.mockResolvedValue({ code: 'wx-code-1', errMsg: 'login:ok' })

    const list = await api.listMyNotifications()

    expect(list.total).toBe(0)
    expect(Taro.login).toHaveBeenCalledTimes(1)
    expect(sentRequests().map((r) => `${r.method} ${r.path} ${r.header.Authorization ?? '-'}`)).toEqual([
      'GET /api/me/notifications Bearer expired-token',
      'POST /api/auth/wechat -',
      'GET /api/me/notifications Bearer renewed-token',
    ])
    expect(sentRequests()[1]?.data).toEqual({ code: 'wx-code-1' })
    expect(storedToken()).toMatchObject({ token: 'renewed-token' })
  })

  it('retries only once: a second 401 reaches the caller and the token is gone', async () => {
    signedIn(citizen(), 'expired-token')
    const server = fakeServer()
    server.reply('/api/me/notifications', 401, errorBody('UNAUTHORIZED', '请先登录'))
    server.reply('/api/auth/wechat', 200, sessionBody(citizen(), 'renewed-token'))
    server.reply('/api/me/notifications', 401, errorBody('UNAUTHORIZED', '请先登录'))
    Taro.login.mockResolvedValue({ code: 'wx-code', errMsg: 'login:ok' })

    const error = await failure(api.listMyNotifications())

    expect(error).toMatchObject({ status: 401, code: 'UNAUTHORIZED' })
    expect(Taro.login).toHaveBeenCalledTimes(1)
    expect(server.requested('/api/me/notifications')).toHaveLength(2)
    expect(getToken()).toBeNull()
  })

  it('clears the token even when signing in again fails, and opens the login page', async () => {
    signedIn(citizen(), 'expired-token')
    respond(401, errorBody('SESSION_EXPIRED', '登录已过期，请重新登录'))
    Taro.login.mockRejectedValue({ errMsg: 'login:fail' })

    const error = await failure(api.exportMyData())

    expect(error.code).toBe('SESSION_EXPIRED')
    expect(getToken()).toBeNull()
    expect(Taro.removeStorageSync).toHaveBeenCalledWith(SESSION_STORAGE_KEY)
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/me/pages/login/index' })
  })

  it('shares one WeChat sign-in between requests that fail together', async () => {
    signedIn(citizen(), 'expired-token')
    const server = fakeServer()
    server.reply('/api/me/notifications', 401, errorBody('SESSION_EXPIRED', '登录已过期'))
    server.reply('/api/me/data', 401, errorBody('SESSION_EXPIRED', '登录已过期'))
    server.reply('/api/auth/wechat', 200, sessionBody(citizen(), 'renewed-token'))
    server.reply('/api/me/notifications', 200, { items: [], total: 0, page: 1, pageSize: 10 })
    server.reply('/api/me/data', 200, {
      profile: { nickname: null, phone: null, privacyAcceptedAt: null, createdAt: LATER },
      opinions: [],
      registrations: [],
      policyQuestions: [],
      notifications: [],
    })
    Taro.login.mockResolvedValue({ code: 'wx-code', errMsg: 'login:ok' })

    await Promise.all([api.listMyNotifications(), api.exportMyData()])

    expect(Taro.login).toHaveBeenCalledTimes(1)
    expect(server.requested('/api/auth/wechat')).toHaveLength(1)
    expect(
      sentRequests()
        .slice(-2)
        .map((r) => r.header.Authorization),
    ).toEqual(['Bearer renewed-token', 'Bearer renewed-token'])
  })

  it('does not turn an expired staff session into a citizen one: opens the staff login page instead', async () => {
    signedIn(staff(), 'staff-token')
    respond(401, errorBody('SESSION_EXPIRED', '登录已过期，请重新登录'))

    await failure(api.listStaff())

    expect(Taro.login).not.toHaveBeenCalled()
    expect(getToken()).toBeNull()
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/staff/pages/login/index' })
  })

  it('retries a public request without the stale token instead of signing in', async () => {
    signedIn(citizen(), 'stale')
    respond(401, errorBody('SESSION_EXPIRED', '登录已过期'))
    respond(200, overview)

    await expect(api.getOverview()).resolves.toEqual(overview)

    expect(Taro.login).not.toHaveBeenCalled()
    expect([authHeader(0), authHeader(1)]).toEqual(['Bearer stale', undefined])
  })

  it('only forgets the session when asked to sign out, without signing in again', async () => {
    signedIn(citizen(), 'expired-token')
    respond(401, errorBody('SESSION_EXPIRED', '登录已过期'))

    await failure(callEndpoint('logout', undefined, { signIn: 'never' }))

    expect(Taro.login).not.toHaveBeenCalled()
    expect(Taro.navigateTo).not.toHaveBeenCalled()
    expect(getToken()).toBeNull()
  })

  it('does not retry a wrong staff password: LOGIN_FAILED is not a lost session', async () => {
    respond(401, errorBody('LOGIN_FAILED', '用户名或密码错误'))

    const error = await failure(api.loginStaff({ body: { username: 'wang', password: 'x' } }))

    expect(error).toMatchObject({ status: 401, code: 'LOGIN_FAILED', message: '用户名或密码错误' })
    expect(Taro.request).toHaveBeenCalledTimes(1)
    expect(Taro.login).not.toHaveBeenCalled()
  })

  it('opens the password page when the server requires a password change first', async () => {
    signedIn(staff({ mustChangePassword: true }), 'staff-token')
    respond(403, errorBody('PASSWORD_CHANGE_REQUIRED', '首次登录请先修改密码'))

    await failure(api.listStaff())

    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/staff/pages/password/index' })
    expect(getToken()).toBe('staff-token')
  })
})

describe('204 No Content', () => {
  it('resolves with null when wx.request hands back an empty string', async () => {
    signedIn(citizen())
    respond(204, '')

    await expect(api.logout()).resolves.toBeNull()
  })

  it('resolves with null when the H5 request hands back null', async () => {
    signedIn(citizen())
    respond(204, null)

    await expect(api.readNotification({ params: { id: 5 } })).resolves.toBeNull()
    expect(sentRequests()[0]).toMatchObject({ method: 'POST', url: 'http://127.0.0.1:3000/api/me/notifications/5/read' })
  })

  it('still rejects a 200 with an empty body for an endpoint that promises JSON', async () => {
    respond(200, '')

    await expect(failure(api.getOverview())).resolves.toMatchObject({ code: 'BAD_RESPONSE' })
  })
})
