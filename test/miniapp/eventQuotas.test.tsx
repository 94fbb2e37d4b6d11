// Lottery quotas fixed on the event: typed on the event form, public on the event page, editable by staff only before signups open.
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import type { EventDetail } from '@gm/shared'
import EventDetailPage from '../../miniapp/src/packages/event/pages/detail/index'
import { quotaHint } from '../../miniapp/src/packages/event/pages/signup/index'
import StaffEventPage from '../../miniapp/src/packages/staff/pages/event/index'
import EventFormPage from '../../miniapp/src/packages/staff/pages/event-form/index'
import { fakeServer, sentRequests, signedIn, staff } from './fixtures'
import { useRouter } from './taroMock'

const department = { id: 3, name: '管委会办公室' }

function lotteryEvent(overrides: Partial<EventDetail> = {}): EventDetail {
  return {
    id: 7,
    kind: 'MEETING_ATTENDANCE',
    title: '公众代表列席管委会主任办公会',
    place: '管委会 3 楼第一会议室',
    department,
    startsAt: '2026-12-20T01:30:00.000Z',
    endsAt: '2026-12-20T03:30:00.000Z',
    signupOpensAt: '2026-12-10T00:00:00.000Z',
    signupClosesAt: '2026-12-15T00:00:00.000Z',
    signupStatus: 'upcoming',
    capacity: 5,
    seatsLeft: 4,
    selectionMode: 'LOTTERY',
    description: '审议老旧小区改造方案。',
    eligibility: '',
    reservedSeats: 1,
    waitlistCapacity: 0,
    liveStreamUrl: null,
    decisionId: null,
    cancelled: null,
    drawn: false,
    drawCommitment: 'c'.repeat(64),
    drawQuotas: [
      { field: 'region', value: '东区', seats: 2 },
      { field: 'ageBand', value: '60+', seats: 1 },
    ],
    outcome: null,
    ...overrides,
  }
}

const type = (label: string, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } })
/** The date and the time pickers of a date-time field ("2026-12-20 09:30"). */
function pickTime(name: string, value: string) {
  const [date, time] = value.split(' ')
  fireEvent.change(document.querySelector(`.gm-date-time-field--${name} input[type=date]`)!, { target: { value: date } })
  fireEvent.change(document.querySelector(`.gm-date-time-field--${name} input[type=time]`)!, { target: { value: time } })
}
const pick = (group: string, option: string) => fireEvent.click(within(screen.getByRole('radiogroup', { name: group })).getByRole('radio', { name: option }))
const sent = (method: string, path: string) => sentRequests().filter((r) => r.method === method && r.path === path)

afterEach(() => useRouter.mockReset().mockImplementation(() => ({ params: {} })))

describe('新建活动: quota rows', () => {
  let server: ReturnType<typeof fakeServer>
  beforeEach(() => {
    signedIn(staff({ role: 'EDITOR', department }))
    server = fakeServer()
    server.reply('/api/departments', 200, [department])
    server.reply('/api/decisions', 200, [])
    useRouter.mockReturnValue({ params: {} })
  })

  async function fillLotteryEvent() {
    render(<EventFormPage />)
    fireEvent.click(await screen.findByRole('button', { name: '管委会办公室' }))
    pick('活动类型', '列席会议')
    type('活动名称', '公众代表列席管委会主任办公会')
    type('活动介绍', '审议老旧小区改造方案。')
    type('活动地点', '管委会 3 楼第一会议室')
    pickTime('startsAt', '2026-12-20 09:30')
    pickTime('endsAt', '2026-12-20 11:30')
    pickTime('signupOpensAt', '2026-12-10 08:00')
    pickTime('signupClosesAt', '2026-12-15 08:00')
    type('总席位', '5')
    type('预留席位', '1')
    expect(screen.queryByRole('button', { name: '添加配额' })).toBeNull() // only for 公开抽签
    pick('确定方式', '公开抽签')
  }

  it('sends the quota rows (地区 typed, 年龄段 and 性别 chosen) with the new lottery event', async () => {
    server.reply('POST /api/staff/events', 201, lotteryEvent())
    await fillLotteryEvent()
    fireEvent.click(screen.getByRole('button', { name: '添加配额' }))
    type('地区为', '东区')
    type('配额 1 名额', '2')
    fireEvent.click(screen.getByRole('button', { name: '添加配额' }))
    pick('配额 2：按', '年龄段')
    pick('年龄段为', '60+')
    fireEvent.click(screen.getByRole('button', { name: '添加配额' }))
    pick('配额 3：按', '性别')
    pick('性别为', '女')
    fireEvent.click(screen.getByRole('button', { name: '删除配额 3' }))
    fireEvent.click(screen.getByRole('button', { name: '保存活动（待发布）' }))
    await waitFor(() => expect(sent('POST', '/api/staff/events')).toHaveLength(1))
    expect(sent('POST', '/api/staff/events')[0]!.data).toMatchObject({
      selectionMode: 'LOTTERY',
      capacity: 5,
      reservedSeats: 1,
      waitlistCapacity: 0,
      liveStreamUrl: null,
      drawQuotas: [
        { field: 'region', value: '东区', seats: 2 },
        { field: 'ageBand', value: '60+', seats: 1 },
      ],
    })
  })

  it('says which row is wrong before sending: seats beyond the drawable seats, a missing value', async () => {
    await fillLotteryEvent()
    fireEvent.click(screen.getByRole('button', { name: '添加配额' }))
    type('地区为', '东区')
    type('配额 1 名额', '5')
    fireEvent.click(screen.getByRole('button', { name: '保存活动（待发布）' }))
    await screen.findByText('配额 1：名额不能超过可抽名额 4 个（总席位减预留席位）')
    type('配额 1 名额', '2')
    fireEvent.click(screen.getByRole('button', { name: '添加配额' }))
    fireEvent.click(screen.getByRole('button', { name: '保存活动（待发布）' }))
    await screen.findByText('配额 2：请填写配额条件')
    expect(sent('POST', '/api/staff/events')).toHaveLength(0)
  })
})

describe('活动详情 (staff): quotas', () => {
  let server: ReturnType<typeof fakeServer>
  beforeEach(() => {
    signedIn(staff({ role: 'EDITOR', department }))
    server = fakeServer()
    useRouter.mockReturnValue({ params: { id: '7' } })
  })

  it('lets an editor change them before signups open, with PUT /api/staff/events/7/quotas', async () => {
    server.reply('/api/staff/events/7', 200, { event: lotteryEvent(), published: true })
    server.reply('PUT /api/staff/events/7/quotas', 200, lotteryEvent({ drawQuotas: [{ field: 'region', value: '东区', seats: 3 }] }))
    render(<StaffEventPage />)
    await screen.findByText('1. 地区为「东区」：2 名')
    fireEvent.click(screen.getByRole('button', { name: '修改配额' }))
    type('配额 1 名额', '3')
    fireEvent.click(screen.getByRole('button', { name: '删除配额 2' }))
    fireEvent.click(screen.getByRole('button', { name: '保存配额' }))
    await screen.findByText('1. 地区为「东区」：3 名')
    expect(sent('PUT', '/api/staff/events/7/quotas').map((r) => r.data)).toEqual([{ quotas: [{ field: 'region', value: '东区', seats: 3 }] }])
  })

  it('shows the refusal once signups opened elsewhere (409 DRAW_QUOTAS_LOCKED), and offers no change once they are open', async () => {
    server.reply('/api/staff/events/7', 200, { event: lotteryEvent(), published: true })
    server.reply('PUT /api/staff/events/7/quotas', 409, {
      error: { code: 'DRAW_QUOTAS_LOCKED', message: '报名已开始或已有人报名，抽签配额和席位已公开，不能更改', details: {} },
    })
    const { unmount } = render(<StaffEventPage />)
    fireEvent.click(await screen.findByRole('button', { name: '修改配额' }))
    fireEvent.click(screen.getByRole('button', { name: '保存配额' }))
    await screen.findByText('报名已开始或已有人报名，抽签配额和席位已公开，不能更改')
    unmount()

    server.reply('/api/staff/events/7', 200, { event: lotteryEvent({ signupStatus: 'open' }), published: true })
    render(<StaffEventPage />)
    await screen.findByText('1. 地区为「东区」：2 名')
    expect(screen.queryByRole('button', { name: '修改配额' })).toBeNull()
  })
})

describe('活动详情 (public): quotas', () => {
  beforeEach(() => {
    fakeServer().reply('/api/events/7', 200, lotteryEvent({ signupStatus: 'open' }))
    useRouter.mockReturnValue({ params: { id: '7' } })
  })

  it('are public next to the commitment, in the order the draw fills them', async () => {
    render(<EventDetailPage />)
    await screen.findByText('抽签分层配额')
    expect(screen.getByText('1. 地区为「东区」：2 名')).toBeTruthy()
    expect(screen.getByText('2. 年龄段为「60+」：1 名')).toBeTruthy()
  })
})

describe('报名: free-text attributes a quota names', () => {
  it('tells the person the exact 地区 / 行业 values the published quotas name', () => {
    const e = lotteryEvent({
      drawQuotas: [
        { field: 'region', value: '东区', seats: 2 },
        { field: 'region', value: '西区', seats: 1 },
        { field: 'gender', value: '女', seats: 1 },
      ],
    })
    expect(quotaHint(e, 'region')).toBe('本次抽签对以下地区设有配额：东区、西区。属于的请照此填写')
    expect(quotaHint(e, 'sector')).toBeUndefined()
  })
})
