import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import type { MyRegistration } from '@gm/shared'
import MyRegistrationsPage from '../../miniapp/src/packages/me/pages/registrations/index'
import { reloadSessionFromStorage, SESSION_STORAGE_KEY, sessionStore } from '../../miniapp/src/api/session'
import { citizen, errorBody, fakeServer, sentRequests, signedIn } from './fixtures'
import Taro from './taroMock'

const later = new Date(Date.now() + 10 * 86_400_000).toISOString()

function registration(overrides: Partial<MyRegistration> = {}): MyRegistration {
  return {
    id: 5,
    event: { id: 2, title: '政府开放日：走进政务服务中心', kind: 'OPEN_DAY', startsAt: later, place: '政务服务中心一楼', selectionMode: 'FIRST_COME' },
    category: 'PUBLIC',
    status: 'SELECTED',
    checkInCode: 'K7M2P9QX',
    reviewReason: null,
    publicCode: 'R7KQ2MXP',
    createdAt: '2026-11-20T02:00:00.000Z',
    ...overrides,
  }
}

const card = () => document.querySelector<HTMLElement>('.gm-registration-card')!
const cancelPosts = () => sentRequests().filter((r) => r.method === 'POST' && r.path === '/api/me/registrations/5/cancel')

describe('我的报名', () => {
  let server: ReturnType<typeof fakeServer>
  beforeEach(() => {
    signedIn(citizen())
    server = fakeServer()
  })

  it('shows the check-in code large, grouped for reading aloud, and as a QR code', async () => {
    server.reply('/api/me/registrations', 200, [registration()])
    render(<MyRegistrationsPage />)
    await screen.findByText('已入选')

    expect(card().querySelector('.gm-registration-card__code')?.textContent).toBe('K7M2 P9QX')
    const qr = within(card()).getByRole('img', { name: '签到二维码，内容为签到码 K7M2P9QX' })
    // version 1: 21 × 21 modules
    expect(qr.querySelectorAll('.gm-qr__row')).toHaveLength(21)
    expect(qr.querySelectorAll('.gm-qr__cell')).toHaveLength(441)
    expect(qr.querySelectorAll('.gm-qr__cell--dark').length).toBeGreaterThan(100)
  })

  it('shows the public candidate code so the person can find themselves in the published lottery list', async () => {
    server.reply('/api/me/registrations', 200, [registration({ status: 'APPLIED', checkInCode: null })])
    render(<MyRegistrationsPage />)
    await screen.findByText('已报名（待遴选）')
    expect(card().querySelector('.gm-registration-card__candidate')?.textContent).toMatch(/候选编号：R7KQ2MXP/)
  })

  it('shows no code or QR for an application still waiting, and says what happens next', async () => {
    server.reply('/api/me/registrations', 200, [registration({ status: 'APPLIED', checkInCode: null })])
    render(<MyRegistrationsPage />)
    await screen.findByText('已报名（待遴选）')
    expect(card().querySelector('.gm-registration-card__code')).toBeNull()
    expect(within(card()).queryByRole('img')).toBeNull()
    expect(within(card()).getByText(/遴选结果将通过「我的消息」通知您/)).toBeTruthy()
  })

  it('shows 已签到 with the used code and no cancel button', async () => {
    server.reply('/api/me/registrations', 200, [registration({ status: 'CHECKED_IN' })])
    render(<MyRegistrationsPage />)
    await screen.findByText('已签到')
    expect(within(card()).getByText('签到码（已使用）')).toBeTruthy()
    expect(within(card()).queryByRole('button', { name: '取消报名' })).toBeNull()
  })

  it('cancels only after the confirmation, and shows the new status', async () => {
    server.reply('/api/me/registrations', 200, [registration()])
    server.reply('POST /api/me/registrations/5/cancel', 200, registration({ status: 'CANCELLED', checkInCode: null }))
    render(<MyRegistrationsPage />)
    await screen.findByText('已入选')

    fireEvent.click(within(card()).getByRole('button', { name: '取消报名' }))
    const dialog = screen.getByRole('dialog', { name: '确定取消报名吗？' })
    expect(within(dialog).getByText(/取消后名额将让给候补人员/)).toBeTruthy()
    expect(cancelPosts()).toHaveLength(0)

    fireEvent.click(within(dialog).getByRole('button', { name: '不取消' }))
    expect(screen.queryByRole('dialog')).toBeNull()
    expect(cancelPosts()).toHaveLength(0)

    fireEvent.click(within(card()).getByRole('button', { name: '取消报名' }))
    fireEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: '确认取消报名' }))

    await waitFor(() => expect(within(card()).getByText('已取消')).toBeTruthy())
    expect(cancelPosts()).toHaveLength(1)
    expect(screen.queryByRole('dialog')).toBeNull()
    expect(card().querySelector('.gm-registration-card__code')).toBeNull()
  })

  it('shows 报名类别 only for an event that asked for it: none for first come, the chosen one for a lottery', async () => {
    // The server records 公众代表 for a first-come signup although the person never chose a category.
    server.reply('/api/me/registrations', 200, [
      registration({ id: 5, event: { ...registration().event, id: 2, title: '先到先得的开放日', selectionMode: 'FIRST_COME' }, category: 'PUBLIC' }),
      registration({
        id: 6,
        event: { ...registration().event, id: 4, title: '公开抽签的座谈会', selectionMode: 'LOTTERY' },
        category: 'EXPERT',
        status: 'APPLIED',
        checkInCode: null,
      }),
    ])
    render(<MyRegistrationsPage />)
    await screen.findByText('报名类别：专家')
    const [firstCome, lottery] = Array.from(document.querySelectorAll<HTMLElement>('.gm-registration-card'))
    expect(within(lottery!).getByText('公开抽签的座谈会')).toBeTruthy()
    expect(firstCome!.textContent).toMatch(/先到先得的开放日/)
    expect(firstCome!.textContent).not.toMatch(/报名类别|公众代表/)
    // The list says it all: no event page is read per registration.
    expect(sentRequests().filter((r) => r.path.startsWith('/api/events/'))).toHaveLength(0)
  })

  it('keeps the registration and shows why when cancelling fails', async () => {
    server.reply('/api/me/registrations', 200, [registration()])
    server.reply('POST /api/me/registrations/5/cancel', 409, errorBody('CANCEL_TOO_LATE', '活动已开始，不能取消报名'))
    render(<MyRegistrationsPage />)
    await screen.findByText('已入选')

    fireEvent.click(within(card()).getByRole('button', { name: '取消报名' }))
    fireEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: '确认取消报名' }))

    expect(await within(card()).findByText('活动已开始，不能取消报名')).toBeTruthy()
    expect(within(card()).getByText('已入选')).toBeTruthy()
  })

  it('asks a signed-out visitor to sign in without requesting anything', async () => {
    Taro.removeStorageSync(SESSION_STORAGE_KEY)
    reloadSessionFromStorage()
    expect(sessionStore.getState().me).toBeNull()
    render(<MyRegistrationsPage />)
    expect(screen.getByText('请先登录，再查看您的报名。')).toBeTruthy()
    fireEvent.click(screen.getByRole('button', { name: '登录' }))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/me/pages/login/index' })
    await act(() => Promise.resolve())
    expect(sentRequests()).toEqual([])
  })
})
