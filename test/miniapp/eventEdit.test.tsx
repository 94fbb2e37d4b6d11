// 修改活动 (staff): the create form reused for an existing event (updateEvent), refusals shown next to the field; the 网络直播 link on the citizen page; 报名名单 as a table.
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import type { EventDetail } from '@gm/shared'
import EventDetailPage from '../../miniapp/src/packages/event/pages/detail/index'
import StaffEventPage from '../../miniapp/src/packages/staff/pages/event/index'
import EventFormPage from '../../miniapp/src/packages/staff/pages/event-form/index'
import { fakeServer, sentRequests, signedIn, staff } from './fixtures'
import { useRouter } from './taroMock'

const department = { id: 3, name: '文化旅游局' }

function openDay(overrides: Partial<EventDetail> = {}): EventDetail {
  return {
    id: 7,
    kind: 'OPEN_DAY',
    title: '博物馆新馆公众开放日',
    place: '高新区博物馆新馆一楼',
    department,
    startsAt: '2027-03-20T01:30:00.000Z',
    endsAt: '2027-03-20T04:30:00.000Z',
    signupOpensAt: '2027-03-01T00:00:00.000Z',
    signupClosesAt: '2027-03-15T10:00:00.000Z',
    signupStatus: 'open',
    capacity: 30,
    seatsLeft: 13,
    selectionMode: 'FIRST_COME',
    description: '参观新馆展陈。',
    eligibility: '',
    liveStreamUrl: null,
    reservedSeats: 0,
    waitlistCapacity: 5,
    decisionId: null,
    cancelled: null,
    drawn: false,
    drawCommitment: null,
    drawQuotas: [],
    outcome: null,
    ...overrides,
  }
}

const sent = (method: string, path: string) => sentRequests().filter((r) => r.method === method && r.path === path)
const field = (name: string) => document.querySelector(`.gm-field--${name} input`) as HTMLInputElement
const fieldError = (name: string) => document.querySelector(`.gm-field--${name} .gm-field__error`)?.textContent
const timeInputs = (name: string) => document.querySelectorAll(`.gm-date-time-field--${name} input`) as NodeListOf<HTMLInputElement>

afterEach(() => useRouter.mockReset().mockImplementation(() => ({ params: {} })))

describe('修改活动', () => {
  let server: ReturnType<typeof fakeServer>
  beforeEach(() => {
    signedIn(staff({ role: 'EDITOR', department }))
    server = fakeServer()
    server.reply('/api/departments', 200, [department])
    server.reply('/api/decisions', 200, [])
    useRouter.mockReturnValue({ params: { id: '7' } })
  })

  it('opens from the event page for editors', async () => {
    server.reply('/api/staff/events/7', 200, { event: openDay(), published: true })
    render(<StaffEventPage />)
    fireEvent.click(await screen.findByRole('link', { name: '修改活动' }))
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/staff/pages/event-form/index?id=7' })
  })

  it('fills the form with the stored event (times in pickers, Beijing time) and sends the new time with PUT', async () => {
    server.reply('/api/staff/events/7', 200, { event: openDay(), published: true })
    server.reply('PUT /api/staff/events/7', 200, openDay({ startsAt: '2027-03-21T01:30:00.000Z', endsAt: '2027-03-21T04:30:00.000Z' }))
    render(<EventFormPage />)
    await screen.findByText('活动：博物馆新馆公众开放日')
    expect(screen.getByText(/每位报名人都会收到变更通知/)).toBeTruthy()
    // The form is filled from the loaded event by an effect after the heading shows (a busy machine renders in between).
    await waitFor(() => expect(field('title').value).toBe('博物馆新馆公众开放日'))
    expect([...timeInputs('startsAt')].map((i) => i.value)).toEqual(['2027-03-20', '09:30'])
    fireEvent.change(timeInputs('startsAt')[0]!, { target: { value: '2027-03-21' } })
    fireEvent.change(timeInputs('endsAt')[0]!, { target: { value: '2027-03-21' } })
    fireEvent.click(screen.getByRole('button', { name: '保存修改' }))
    await waitFor(() => expect(sent('PUT', '/api/staff/events/7')).toHaveLength(1))
    expect(sent('PUT', '/api/staff/events/7')[0]!.data).toMatchObject({
      title: '博物馆新馆公众开放日',
      departmentId: 3,
      startsAt: '2027-03-21T01:30:00.000Z',
      endsAt: '2027-03-21T04:30:00.000Z',
      signupOpensAt: '2027-03-01T00:00:00.000Z',
      capacity: 30,
      waitlistCapacity: 5,
      liveStreamUrl: null,
    })
    expect(sent('POST', '/api/staff/events')).toHaveLength(0)
    await waitFor(() => expect(Taro.redirectTo).toHaveBeenLastCalledWith({ url: '/packages/staff/pages/event/index?id=7' }))
  })

  it('shows a refusal next to its field (EVENT_SEATS_TAKEN on 总席位) and keeps what was typed', async () => {
    server.reply('/api/staff/events/7', 200, { event: openDay(), published: true })
    server.reply('PUT /api/staff/events/7', 409, {
      error: {
        code: 'EVENT_SEATS_TAKEN',
        message: '已有 17 人入选，总席位减预留席位不能少于 17 个',
        details: { fields: { capacity: '已有 17 人入选，总席位减预留席位不能少于 17 个' } },
      },
    })
    render(<EventFormPage />)
    await screen.findByText('活动：博物馆新馆公众开放日')
    fireEvent.change(field('capacity'), { target: { value: '10' } })
    fireEvent.click(screen.getByRole('button', { name: '保存修改' }))
    await waitFor(() => expect(fieldError('capacity')).toBe('已有 17 人入选，总席位减预留席位不能少于 17 个'))
    expect(field('capacity').value).toBe('10')
  })

  it('refuses a live-stream address that is not https before sending', async () => {
    server.reply('/api/staff/events/7', 200, { event: openDay(), published: true })
    render(<EventFormPage />)
    await screen.findByText('活动：博物馆新馆公众开放日')
    fireEvent.change(field('liveStreamUrl'), { target: { value: 'http://live.example.gov.cn/1' } })
    fireEvent.click(screen.getByRole('button', { name: '保存修改' }))
    await waitFor(() => expect(fieldError('liveStreamUrl')).toBe('直播网址须以 https:// 开头'))
    expect(sent('PUT', '/api/staff/events/7')).toHaveLength(0)
  })
})

describe('活动详情 (public): 网络直播', () => {
  it('offers the live stream when the event has one', async () => {
    fakeServer().reply('/api/events/7', 200, openDay({ liveStreamUrl: 'https://live.example.gov.cn/room/7' }))
    useRouter.mockReturnValue({ params: { id: '7' } })
    render(<EventDetailPage />)
    const link = await screen.findByRole('link', { name: '观看网络直播' })
    // The row shows the address beside its link (LinkRow: the link is the title, the hint follows it).
    expect(within(link.closest('.gm-link-row') as HTMLElement).getByText(/https:\/\/live\.example\.gov\.cn\/room\/7/)).toBeTruthy()
  })

  it('says nothing of a live stream when there is none', async () => {
    fakeServer().reply('/api/events/7', 200, openDay())
    useRouter.mockReturnValue({ params: { id: '7' } })
    render(<EventDetailPage />)
    await screen.findByText('活动信息')
    expect(screen.queryByText('网络直播')).toBeNull()
  })
})

describe('报名名单 on desktop', () => {
  it('is one table with a row per person (17 people, one header row)', async () => {
    signedIn(staff({ role: 'REVIEWER', department }))
    const server = fakeServer()
    useRouter.mockReturnValue({ params: { id: '7' } })
    server.reply('/api/staff/events/7', 200, { event: openDay(), published: true })
    const people = Array.from({ length: 17 }, (_, i) => ({
      id: i + 1,
      name: `报名人${i + 1}`,
      phone: `1380013${String(i).padStart(4, '0')}`,
      category: 'PUBLIC',
      region: '东区',
      sector: null,
      ageBand: '60+',
      gender: null,
      accessibilityNeeds: i === 0 ? '需要轮椅通道' : null,
      status: i < 2 ? 'CHECKED_IN' : 'SELECTED',
      publicCode: `R${String(i).padStart(7, '0')}`,
      reviewReason: null,
      keepInPool: false,
      checkedInAt: i < 2 ? '2027-03-20T01:00:00.000Z' : null,
      createdAt: '2027-03-02T01:00:00.000Z',
    }))
    server.reply('/api/staff/events/7/registrations', 200, people)
    render(<StaffEventPage />)
    const table = await screen.findByRole('table', { name: '报名名单：博物馆新馆公众开放日' })
    expect(within(table).getAllByRole('row')).toHaveLength(18)
    expect(within(table).getByText('13800130016')).toBeTruthy()
    expect(within(table).getByText('需要轮椅通道')).toBeTruthy()
    expect(within(table).getAllByText('已签到')).toHaveLength(2)
    expect(screen.getByText('共 17 人报名，已签到 2 人')).toBeTruthy()
  })
})
