import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import type { Notification } from '@gm/shared'
import NotificationsPage from '../../miniapp/src/packages/me/pages/notifications/index'
import { citizen, fakeServer, page, sentRequests, signedIn } from './fixtures'
import Taro from './taroMock'

function notification(overrides: Partial<Notification> = {}): Notification {
  return {
    id: 1,
    kind: 'OPINION_ANSWERED',
    title: '您的意见已答复',
    body: '关于公园开放时间的意见已答复。',
    link: '/packages/consultation/pages/detail/index?id=3',
    createdAt: '2026-11-20T02:00:00.000Z',
    read: false,
    ...overrides,
  }
}

const card = (title: string) => screen.getByText(title).closest('.gm-notification-card') as HTMLElement
const reads = () => sentRequests().filter((r) => r.path.endsWith('/read'))

describe('我的消息 page', () => {
  let server: ReturnType<typeof fakeServer>
  beforeEach(() => {
    signedIn(citizen())
    server = fakeServer()
  })

  it('marks unread messages with 未读 and leaves read ones plain', async () => {
    server.reply('/api/me/notifications', 200, page([notification({ id: 1, title: '新消息' }), notification({ id: 2, title: '旧消息', read: true })], 1, 2))
    render(<NotificationsPage />)

    await screen.findByText('新消息')

    expect(card('新消息').classList.contains('gm-notification-card--unread')).toBe(true)
    expect(card('新消息').textContent).toContain('未读')
    expect(card('旧消息').classList.contains('gm-notification-card--unread')).toBe(false)
    expect(card('旧消息').textContent).not.toContain('未读')
    expect(screen.getByText('没有更多了')).toBeTruthy()
  })

  it('marks a message read when tapped and opens its link', async () => {
    server.reply('/api/me/notifications', 200, page([notification({ id: 7, title: '报名结果' })], 1, 1))
    server.reply('/api/me/notifications/7/read', 204, '')
    render(<NotificationsPage />)
    await screen.findByText('报名结果')

    fireEvent.click(card('报名结果'))

    expect(card('报名结果').classList.contains('gm-notification-card--unread')).toBe(false)
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/consultation/pages/detail/index?id=3' })
    await waitFor(() => expect(reads()).toEqual([expect.objectContaining({ method: 'POST', path: '/api/me/notifications/7/read' })]))
  })

  it('opens a tab page link with switchTab', async () => {
    server.reply('/api/me/notifications', 200, page([notification({ id: 8, title: '活动提醒', read: true, link: '/pages/events/index' })], 1, 1))
    render(<NotificationsPage />)
    await screen.findByText('活动提醒')

    fireEvent.click(card('活动提醒'))

    expect(Taro.switchTab).toHaveBeenCalledWith({ url: '/pages/events/index' })
    expect(reads()).toHaveLength(0)
  })

  it('sends nothing and opens nothing for a read message without a link', async () => {
    server.reply('/api/me/notifications', 200, page([notification({ id: 9, title: '通知', read: true, link: null })], 1, 1))
    render(<NotificationsPage />)
    await screen.findByText('通知')

    fireEvent.click(card('通知'))

    expect(reads()).toHaveLength(0)
    expect(Taro.navigateTo).not.toHaveBeenCalled()
  })

  it('shows the empty state', async () => {
    server.reply('/api/me/notifications', 200, page([], 1, 0))
    render(<NotificationsPage />)

    expect(await screen.findByText(/暂无消息/)).toBeTruthy()
  })

  it('records the kinds accepted in WeChat’s subscribe dialog (templates without an id are not offered)', async () => {
    process.env.TARO_APP_TEMPLATE_OPINION_ANSWERED = 'tmpl-answer'
    process.env.TARO_APP_TEMPLATE_REGISTRATION_RESULT = 'tmpl-result'
    process.env.TARO_APP_TEMPLATE_EVENT_REMINDER = ''
    try {
      server.reply('/api/me/notifications', 200, page([], 1, 0))
      server.reply('/api/me/subscriptions', 204, '')
      Taro.requestSubscribeMessage.mockResolvedValue({ errMsg: 'requestSubscribeMessage:ok', 'tmpl-answer': 'accept', 'tmpl-result': 'reject' })
      render(<NotificationsPage />)
      await screen.findByText(/暂无消息/)

      fireEvent.click(screen.getByRole('button', { name: '开启微信消息提醒' }))

      expect(await screen.findByText(/已开启：意见答复。/)).toBeTruthy()
      expect(Taro.requestSubscribeMessage).toHaveBeenCalledWith({ tmplIds: ['tmpl-answer', 'tmpl-result'] })
      expect(sentRequests().find((r) => r.path === '/api/me/subscriptions')?.data).toEqual({ accepted: ['OPINION_ANSWERED'] })
    } finally {
      process.env.TARO_APP_TEMPLATE_OPINION_ANSWERED = ''
      process.env.TARO_APP_TEMPLATE_REGISTRATION_RESULT = ''
    }
  })

  it('offers at most three templates in one WeChat request', async () => {
    process.env.TARO_APP_TEMPLATE_OPINION_ANSWERED = 't1'
    process.env.TARO_APP_TEMPLATE_REGISTRATION_RESULT = 't2'
    process.env.TARO_APP_TEMPLATE_EVENT_REMINDER = 't3'
    process.env.TARO_APP_TEMPLATE_EVENT_OUTCOME = 't4'
    try {
      server.reply('/api/me/notifications', 200, page([], 1, 0))
      server.reply('/api/me/subscriptions', 204, '')
      Taro.requestSubscribeMessage.mockResolvedValue({ errMsg: 'requestSubscribeMessage:ok', t1: 'accept', t2: 'accept', t3: 'accept' })
      render(<NotificationsPage />)
      await screen.findByText(/暂无消息/)

      fireEvent.click(screen.getByRole('button', { name: '开启微信消息提醒' }))

      expect(await screen.findByText(/已开启：意见答复、报名结果、活动提醒。/)).toBeTruthy()
      expect(Taro.requestSubscribeMessage).toHaveBeenCalledWith({ tmplIds: ['t1', 't2', 't3'] })
      expect(sentRequests().find((r) => r.path === '/api/me/subscriptions')?.data).toEqual({
        accepted: ['OPINION_ANSWERED', 'REGISTRATION_RESULT', 'EVENT_REMINDER'],
      })
    } finally {
      for (const key of ['OPINION_ANSWERED', 'REGISTRATION_RESULT', 'EVENT_REMINDER', 'EVENT_OUTCOME'] as const) process.env[`TARO_APP_TEMPLATE_${key}`] = ''
    }
  })

  it('records nothing when the user refuses every subscribe message', async () => {
    process.env.TARO_APP_TEMPLATE_OPINION_ANSWERED = 'tmpl-answer'
    try {
      server.reply('/api/me/notifications', 200, page([], 1, 0))
      Taro.requestSubscribeMessage.mockRejectedValue({ errMsg: 'requestSubscribeMessage:fail', errCode: 43101 })
      render(<NotificationsPage />)
      await screen.findByText(/暂无消息/)

      fireEvent.click(screen.getByRole('button', { name: '开启微信消息提醒' }))

      expect(await screen.findByText(/您没有开启微信提醒/)).toBeTruthy()
      expect(sentRequests().some((r) => r.path === '/api/me/subscriptions')).toBe(false)
    } finally {
      process.env.TARO_APP_TEMPLATE_OPINION_ANSWERED = ''
    }
  })
})
