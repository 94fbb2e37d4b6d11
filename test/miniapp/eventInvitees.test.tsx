// 预留席位与受邀人员 on the staff event page: staff give a reserved seat to a named invitee (phone optional, for staff), take it back, and the signup table lists invitees marked 邀请.
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import StaffEventPage from '../../miniapp/src/packages/staff/pages/event/index'
import { eventDetail, fakeServer, sentRequests, signedIn, staff } from './fixtures'
import { useRouter } from './taroMock'

const department = { id: 3, name: '管委会办公室' }
const meeting = eventDetail({
  id: 7,
  kind: 'MEETING_ATTENDANCE',
  title: '列席管委会主任办公会',
  department,
  startsAt: '2027-03-20T01:30:00.000Z',
  endsAt: '2027-03-20T04:30:00.000Z',
  capacity: 10,
  seatsLeft: 8,
  reservedSeats: 2,
})
const invitee = { id: 41, name: '王建国', unit: '区人大常委会', phone: '13900001111', createdAt: '2027-03-02T01:00:00.000Z' }
const sent = (method: string, path: string) => sentRequests().filter((r) => r.method === method && r.path === path)

describe('预留席位与受邀人员', () => {
  let server: ReturnType<typeof fakeServer>
  beforeEach(() => {
    server = fakeServer()
    server.reply('/api/staff/events/7', 200, { event: meeting, published: true })
    useRouter.mockReturnValue({ params: { id: '7' } })
  })
  afterEach(() => useRouter.mockReset().mockImplementation(() => ({ params: {} })))

  it('gives a reserved seat to a named invitee (no phone: null) and takes one back', async () => {
    signedIn(staff({ role: 'EDITOR', department }))
    server.reply('GET /api/staff/events/7/invitees', 200, { reservedSeats: 2, invitees: [invitee] })
    render(<StaffEventPage />)
    expect(await screen.findByText('预留席位 2 个，已分配 1 个，尚余 1 个')).toBeTruthy()
    expect(screen.getByText('王建国（区人大常委会）')).toBeTruthy()

    fireEvent.click(screen.getByRole('button', { name: '分配席位' }))
    expect(await screen.findByText('请填写姓名')).toBeTruthy()
    expect(sent('POST', '/api/staff/events/7/invitees')).toHaveLength(0)

    server.reply('POST /api/staff/events/7/invitees', 201, { ...invitee, id: 42, name: '李记者', unit: '融媒体中心', phone: null })
    server.reply('GET /api/staff/events/7/invitees', 200, {
      reservedSeats: 2,
      invitees: [invitee, { ...invitee, id: 42, name: '李记者', unit: '融媒体中心', phone: null }],
    })
    fireEvent.input(screen.getByLabelText('受邀人员姓名'), { target: { value: ' 李记者 ' } })
    fireEvent.input(screen.getByLabelText('单位'), { target: { value: '融媒体中心' } })
    fireEvent.click(screen.getByRole('button', { name: '分配席位' }))
    await screen.findByText('预留席位 2 个，已分配 2 个，尚余 0 个')
    expect(sent('POST', '/api/staff/events/7/invitees')[0]?.data).toEqual({ name: '李记者', unit: '融媒体中心', phone: null })
    expect(screen.queryByRole('button', { name: '分配席位' })).toBeNull()

    server.reply('DELETE /api/staff/event-invitees/41', 204, null)
    server.reply('GET /api/staff/events/7/invitees', 200, {
      reservedSeats: 2,
      invitees: [{ ...invitee, id: 42, name: '李记者', unit: '融媒体中心', phone: null }],
    })
    fireEvent.click(screen.getByRole('button', { name: '取消「王建国」的席位' }))
    await screen.findByText('预留席位 2 个，已分配 1 个，尚余 1 个')
    expect(sent('DELETE', '/api/staff/event-invitees/41')).toHaveLength(1)
  })

  it('shows the server’s refusal when every reserved seat was given meanwhile', async () => {
    signedIn(staff({ role: 'EDITOR', department }))
    server.reply('GET /api/staff/events/7/invitees', 200, { reservedSeats: 2, invitees: [] })
    server.reply('POST /api/staff/events/7/invitees', 409, {
      error: { code: 'RESERVED_SEATS_EXHAUSTED', message: '预留席位已全部分配，请先增加预留席位或取消一位受邀人员的席位' },
    })
    render(<StaffEventPage />)
    await screen.findByText('预留席位 2 个，已分配 0 个，尚余 2 个')
    fireEvent.input(screen.getByLabelText('受邀人员姓名'), { target: { value: '赵专家' } })
    fireEvent.input(screen.getByLabelText('单位'), { target: { value: '某大学' } })
    fireEvent.click(screen.getByRole('button', { name: '分配席位' }))
    expect(await screen.findByText(/预留席位已全部分配/)).toBeTruthy()
    expect((screen.getByLabelText('受邀人员姓名') as HTMLInputElement).value).toBe('赵专家')
  })

  it('shows an administrator (of any department) the seats and lets them give one', async () => {
    signedIn(staff({ role: 'ADMIN', department: { id: 9, name: '市政府办公室' } }))
    server.reply('GET /api/staff/events/7/invitees', 200, { reservedSeats: 2, invitees: [invitee] })
    render(<StaffEventPage />)
    expect(await screen.findByText('预留席位与受邀人员')).toBeTruthy()
    expect(await screen.findByText('预留席位 2 个，已分配 1 个，尚余 1 个')).toBeTruthy()

    server.reply('POST /api/staff/events/7/invitees', 201, { ...invitee, id: 42, name: '赵专家', unit: '某大学', phone: null })
    fireEvent.input(screen.getByLabelText('受邀人员姓名'), { target: { value: '赵专家' } })
    fireEvent.input(screen.getByLabelText('单位'), { target: { value: '某大学' } })
    fireEvent.click(screen.getByRole('button', { name: '分配席位' }))
    await waitFor(() => expect(sent('POST', '/api/staff/events/7/invitees')).toHaveLength(1))
    expect(sent('POST', '/api/staff/events/7/invitees')[0]?.data).toEqual({ name: '赵专家', unit: '某大学', phone: null })
  })

  it('lists the invitees in the signup table, marked 邀请', async () => {
    signedIn(staff({ role: 'REVIEWER', department }))
    server.reply('GET /api/staff/events/7/invitees', 200, { reservedSeats: 2, invitees: [invitee] })
    server.reply('/api/staff/events/7/registrations', 200, [])
    render(<StaffEventPage />)
    const table = await screen.findByRole('table', { name: '报名名单：列席管委会主任办公会' })
    await waitFor(() => expect(within(table).getAllByRole('row')).toHaveLength(2))
    expect(within(table).getByText('邀请')).toBeTruthy()
    expect(within(table).getByText('受邀人员（区人大常委会）')).toBeTruthy()
    expect(within(table).getByText('13900001111')).toBeTruthy()
  })

  it('releases the reserved seats not given after a confirmation that says where they go, and updates the seats', async () => {
    signedIn(staff({ role: 'EDITOR', department }))
    server.reply('GET /api/staff/events/7/invitees', 200, { reservedSeats: 2, invitees: [invitee] })
    render(<StaffEventPage />)
    await screen.findByText('预留席位 2 个，已分配 1 个，尚余 1 个')
    fireEvent.click(screen.getByRole('button', { name: '释放未分配的预留席位' }))
    const dialog = screen.getByRole('dialog', { name: '释放未分配的预留席位？' })
    expect(
      within(dialog).getByText('预留席位将从 2 个减为已分配的 1 个，空出的 1 个席位先按报名先后依次递补候补人员（递补的人会收到通知），余下的向公众开放报名。'),
    ).toBeTruthy()
    // 不释放: nothing sent.
    fireEvent.click(within(dialog).getByRole('button', { name: '不释放' }))
    expect(screen.queryByRole('dialog')).toBeNull()
    expect(sent('POST', '/api/staff/events/7/release-reserved-seats')).toHaveLength(0)

    server.reply('POST /api/staff/events/7/release-reserved-seats', 200, { ...meeting, reservedSeats: 1, seatsLeft: 9 })
    server.reply('GET /api/staff/events/7/invitees', 200, { reservedSeats: 1, invitees: [invitee] })
    fireEvent.click(screen.getByRole('button', { name: '释放未分配的预留席位' }))
    fireEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: '确认释放' }))
    await screen.findByText('预留席位 1 个，已分配 1 个，尚余 0 个')
    expect(sent('POST', '/api/staff/events/7/release-reserved-seats')).toHaveLength(1)
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
    expect(screen.getByText('共 10 个，公开报名 9 个，剩余 9 个')).toBeTruthy()
    expect(screen.queryByRole('button', { name: '释放未分配的预留席位' })).toBeNull()
  })

  it('says the freed seats go to the public on a reviewed event, shows a refusal, and offers no release to a reviewer', async () => {
    server.reply('GET /api/staff/events/7', 200, { event: { ...meeting, selectionMode: 'REVIEW' }, published: true })
    signedIn(staff({ role: 'EDITOR', department }))
    server.reply('GET /api/staff/events/7/invitees', 200, { reservedSeats: 2, invitees: [] })
    server.reply('POST /api/staff/events/7/release-reserved-seats', 409, {
      error: { code: 'EVENT_SEATS_TAKEN', message: '已有 1 位受邀人员占用预留席位，预留席位不能少于 1 个' },
    })
    const { unmount } = render(<StaffEventPage />)
    await screen.findByText('预留席位 2 个，已分配 0 个，尚余 2 个')
    fireEvent.click(screen.getByRole('button', { name: '释放未分配的预留席位' }))
    expect(screen.getByText('预留席位将从 2 个减为已分配的 0 个，空出的 2 个席位转为公开报名名额。')).toBeTruthy()
    fireEvent.click(screen.getByRole('button', { name: '确认释放' }))
    expect(await screen.findByText('已有 1 位受邀人员占用预留席位，预留席位不能少于 1 个')).toBeTruthy()
    unmount()

    signedIn(staff({ role: 'REVIEWER', department }))
    server.reply('GET /api/staff/events/7/invitees', 200, { reservedSeats: 2, invitees: [] })
    render(<StaffEventPage />)
    await screen.findByText('预留席位 2 个，已分配 0 个，尚余 2 个')
    expect(screen.queryByRole('button', { name: '释放未分配的预留席位' })).toBeNull()
  })
})
