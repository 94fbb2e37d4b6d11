// 我要报名: the form asks only what the event's selection mode uses, and a new signup starts with the details the citizen gave last time.
import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import type { EventDetail } from '@gm/shared'
import SignupPage from '../../miniapp/src/packages/event/pages/signup/index'
import { citizen, eventDetail, fakeServer, myRegistration, sentRequests, signedIn } from './fixtures'
import Taro, { useRouter } from './taroMock'

/** The open day of the fixtures, signup open until 2099. */
const event = (overrides: Partial<EventDetail> = {}) =>
  eventDetail({ id: 7, title: '博物馆新馆公众开放日', signupClosesAt: '2099-03-15T10:00:00.000Z', waitlistCapacity: 5, ...overrides })

const lastTime = { name: '李阿姨', phone: '13912344321', region: '东区街道', sector: '退休', ageBand: '60+', gender: '女', accessibilityNeeds: null }
const input = (name: string) => document.querySelector(`.gm-field--${name} input`) as HTMLInputElement | null
const signups = () => sentRequests().filter((r) => r.method === 'POST' && r.path === '/api/events/7/registrations')
const registration = myRegistration({
  event: {
    id: 7,
    title: '博物馆新馆公众开放日',
    kind: 'OPEN_DAY',
    startsAt: '2027-03-20T01:30:00.000Z',
    place: '高新区博物馆新馆一楼',
    selectionMode: 'FIRST_COME',
  },
})

afterEach(() => useRouter.mockReset().mockImplementation(() => ({ params: {} })))

describe('我要报名', () => {
  let server: ReturnType<typeof fakeServer>
  beforeEach(() => {
    signedIn(citizen())
    server = fakeServer()
    useRouter.mockReturnValue({ params: { id: '7' } })
    Taro.requestSubscribeMessage.mockResolvedValue({ errMsg: 'requestSubscribeMessage:ok' })
  })

  it('asks a first-come open day only who you are, prefilled from the last signup, and sends no jury-style fields', async () => {
    server.reply('/api/events/7', 200, event())
    server.reply('/api/me/signup-defaults', 200, lastTime)
    server.reply('POST /api/events/7/registrations', 201, registration)
    render(<SignupPage />)

    await waitFor(() => expect(input('name')?.value).toBe('李阿姨'))
    expect(input('phone')?.value).toBe('13912344321')
    expect(screen.getByText('已按您上次报名时填写的信息预先填好，请核对，可以修改。')).toBeTruthy()
    expect(screen.queryByText('报名类别')).toBeNull()
    expect(screen.queryByText('利益相关方')).toBeNull()
    expect(screen.queryByText('同意进入代表库')).toBeNull()
    expect(input('region')).toBeNull()

    fireEvent.click(screen.getByRole('button', { name: '提交报名' }))
    await screen.findByText(/报名成功/)
    const body = signups()[0].data as Record<string, unknown>
    expect(body).toMatchObject({ name: '李阿姨', phone: '13912344321' })
    for (const unused of ['category', 'region', 'sector', 'ageBand', 'gender', 'keepInPool']) expect(body[unused]).toBeUndefined()
  })

  it('asks the category, the balancing details and the 代表库 where people are selected, and requires the category', async () => {
    server.reply('/api/events/7', 200, event({ selectionMode: 'REVIEW', kind: 'MEETING_ATTENDANCE' }))
    server.reply('/api/me/signup-defaults', 200, lastTime)
    render(<SignupPage />)

    await waitFor(() => expect(input('region')?.value).toBe('东区街道'))
    expect(screen.getByText('报名类别')).toBeTruthy()
    expect(screen.getByText('利益相关方')).toBeTruthy()
    expect(screen.getByText('同意进入代表库')).toBeTruthy()

    fireEvent.click(screen.getByRole('button', { name: '提交报名' }))
    expect(await screen.findByText('请选择报名类别')).toBeTruthy()
    expect(signups()).toHaveLength(0)
  })

  it('starts empty when nothing is known about the citizen', async () => {
    server.reply('/api/events/7', 200, event())
    server.reply('/api/me/signup-defaults', 200, { ...lastTime, name: null, phone: null, region: null, sector: null, ageBand: null, gender: null })
    render(<SignupPage />)

    await waitFor(() => expect(input('name')).not.toBeNull())
    await waitFor(() => expect(sentRequests().some((r) => r.path === '/api/me/signup-defaults')).toBe(true))
    expect(input('name')?.value).toBe('')
    expect(screen.queryByText(/预先填好/)).toBeNull()
  })
})
