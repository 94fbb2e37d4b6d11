import { act, renderHook } from '@testing-library/react'
import { api } from '../../miniapp/src/api'
import { useSignupForm } from '../../miniapp/src/hooks/useRegistrations'
import { DEVICE_STORAGE_KEY, forgetDeviceIdCache } from '../../miniapp/src/api/device'
import { citizen, errorBody, fakeServer, sentRequests, signedIn } from './fixtures'
import Taro from './taroMock'

const counts = { helpfulCount: 1, unhelpfulCount: 0 }

describe('request keys', () => {
  it('sends one stable X-Device-Id, generated once and stored', async () => {
    forgetDeviceIdCache()
    const server = fakeServer()
    server.reply('/api/qa/4/feedback', 200, counts)
    server.reply('/api/qa/5/feedback', 200, counts)

    await api.rateQaItem({ params: { id: 4 }, body: { helpful: true } })
    forgetDeviceIdCache() // a fresh start reads the stored id
    await api.rateQaItem({ params: { id: 5 }, body: { helpful: true } })

    const [first, second] = sentRequests().map((r) => r.header['X-Device-Id'])
    expect(first).toMatch(/^[A-Za-z0-9_-]{8,64}$/)
    expect(second).toBe(first)
    expect(Taro.getStorageSync(DEVICE_STORAGE_KEY)).toBe(first)
  })

  it('sends an Idempotency-Key with each write, a new one per call and the same one on the call’s own retry; none with reads', async () => {
    signedIn(citizen(), 'stale-token')
    const server = fakeServer()
    // A public write with a stale token: the client forgets the token and sends the same request again.
    server.reply('/api/qa/4/feedback', 401, errorBody('SESSION_EXPIRED', '登录已过期，请重新登录'))
    server.reply('/api/qa/4/feedback', 200, counts)
    server.reply('/api/qa/4/feedback', 200, counts)
    server.reply('/api/qa/topics', 200, [])

    await api.rateQaItem({ params: { id: 4 }, body: { helpful: true } })
    await api.rateQaItem({ params: { id: 4 }, body: { helpful: true } })
    await api.listQaTopics()

    const keys = sentRequests().map((r) => r.header['Idempotency-Key'])
    expect(keys[0]).toMatch(/^[A-Za-z0-9_-]{8,64}$/)
    expect(keys[1]).toBe(keys[0])
    expect(keys[2]).toMatch(/^[A-Za-z0-9_-]{8,64}$/)
    expect(keys[2]).not.toBe(keys[0])
    expect(keys[3]).toBeUndefined()
  })

  it('keeps one signup key per form, so submitting again after a lost answer gets the recorded registration', async () => {
    signedIn(citizen(), 'citizen-token')
    const server = fakeServer()
    server.failNetwork('/api/events/2/registrations')
    server.reply('/api/events/2/registrations', 201, {
      id: 5,
      event: { id: 2, title: '政府开放日', kind: 'OPEN_DAY', startsAt: '2030-01-01T01:00:00.000Z', place: '政务服务中心', selectionMode: 'FIRST_COME' },
      category: 'PUBLIC',
      status: 'SELECTED',
      checkInCode: 'K7M2P9QX',
      reviewReason: null,
      publicCode: 'R7KQ2MXP',
      createdAt: '2026-11-20T02:00:00.000Z',
    })
    Taro.requestSubscribeMessage.mockResolvedValue({ errMsg: 'requestSubscribeMessage:ok' })
    const { result } = renderHook(() => useSignupForm(2))
    act(() => {
      result.current.form.setField('name', '王阿姨')
      result.current.form.setField('phone', '13800138000')
      result.current.form.setField('category', 'PUBLIC')
    })
    await act(() => result.current.form.handleSubmit())
    expect(result.current.form.formError?.code).toBe('NETWORK_ERROR')
    await act(() => result.current.form.handleSubmit())
    expect(result.current.result?.id).toBe(5)

    const signups = sentRequests().filter((r) => r.path === '/api/events/2/registrations')
    expect(signups).toHaveLength(2)
    const keys = signups.map((r) => (r.data as { idempotencyKey?: string }).idempotencyKey)
    expect(keys[0]).toMatch(/^[A-Za-z0-9_-]{8,64}$/)
    expect(keys[1]).toBe(keys[0])
  })
})
