// Administrators (of any department) see an event's review work on the staff pages — 报名名单 and review, export, 公开抽签, 参加人员意见, 会议结果 — as its endpoints admit them; publishing and cancelling stay with reviewers, and editors still see none of it.
import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import type { EventDetail } from '@gm/shared'
import type { StaffRegistration } from '../../miniapp/src/hooks'
import StaffEventPage from '../../miniapp/src/packages/staff/pages/event/index'
import StaffEventDrawPage from '../../miniapp/src/packages/staff/pages/event-draw/index'
import StaffEventOpinionsPage from '../../miniapp/src/packages/staff/pages/event-opinions/index'
import { eventDetail, fakeServer, sentRequests, signedIn, staff } from './fixtures'
import { useRouter } from './taroMock'

const department = { id: 3, name: '市交通运输局' }
const adminElsewhere = staff({ role: 'ADMIN', department: { id: 9, name: '市政府办公室' } })
const started = (overrides: Partial<EventDetail>) =>
  eventDetail({
    id: 7,
    kind: 'HEARING',
    title: '公交线网优化方案听证会',
    department,
    startsAt: '2026-11-10T01:00:00.000Z',
    endsAt: '2026-11-10T04:00:00.000Z',
    signupStatus: 'closed',
    selectionMode: 'REVIEW',
    ...overrides,
  })
const applied: StaffRegistration = {
  id: 5,
  name: '张寅',
  phone: '13700001111',
  category: 'STAKEHOLDER',
  region: null,
  sector: null,
  ageBand: null,
  gender: null,
  accessibilityNeeds: null,
  status: 'APPLIED',
  publicCode: 'K7Q2',
  reviewReason: null,
  keepInPool: false,
  checkedInAt: null,
  createdAt: '2026-10-21T02:00:00.000Z',
}

describe('an administrator runs an event', () => {
  let server: ReturnType<typeof fakeServer>
  beforeEach(() => {
    server = fakeServer()
    useRouter.mockReturnValue({ params: { id: '7' } })
  })
  afterEach(() => useRouter.mockReset().mockImplementation(() => ({ params: {} })))

  it('shows an administrator the signup list with review and export, the opinions link and the outcome form, and selects an applicant', async () => {
    signedIn(adminElsewhere)
    server.reply('/api/staff/events/7', 200, { event: started({}), published: true })
    server.reply('GET /api/staff/events/7/registrations', 200, [applied])
    render(<StaffEventPage />)
    expect(await screen.findByText('报名名单')).toBeTruthy()
    expect(screen.getByRole('button', { name: '导出 Excel' })).toBeTruthy()
    expect(screen.getByText('参加人员意见及答复')).toBeTruthy()
    expect(screen.getByText('会议结果')).toBeTruthy()
    expect(screen.getByRole('button', { name: '公开会议结果' })).toBeTruthy()
    // Cancelling stays with reviewers (cancelEvent admits REVIEWER only).
    expect(screen.queryByText('取消活动')).toBeNull()

    server.reply('POST /api/staff/registrations/5/review', 200, { ...applied, status: 'SELECTED' })
    fireEvent.click((await screen.findAllByRole('button', { name: '张寅：入选' }))[0]!)
    await waitFor(() => expect(sentRequests().filter((r) => r.method === 'POST' && r.path === '/api/staff/registrations/5/review')).toHaveLength(1))
  })

  it('shows an administrator the draw of a lottery event, and the draw page lets them in', async () => {
    signedIn(adminElsewhere)
    server.reply('/api/staff/events/7', 200, { event: started({ selectionMode: 'LOTTERY', kind: 'MEETING_ATTENDANCE' }), published: true })
    server.reply('GET /api/staff/events/7/registrations', 200, [])
    const { unmount } = render(<StaffEventPage />)
    expect(await screen.findByText(/^报名截止后抽签/)).toBeTruthy()
    unmount()

    server.reply('/api/staff/events/7/draw-preview', 200, {
      eventId: 7,
      drawn: false,
      signupClosed: true,
      commitment: 'c'.repeat(64),
      candidateCount: 0,
      seats: 3,
      listHash: 'a'.repeat(64),
      quotas: [],
      counts: { category: {}, region: {}, sector: {}, ageBand: {}, gender: {} },
    })
    render(<StaffEventDrawPage />)
    expect(await screen.findByRole('button', { name: '开始抽签…' })).toBeTruthy()
    expect(screen.queryByText(/可以主持抽签/)).toBeNull()
  })

  it('lets an administrator into 参加人员意见 to record one', async () => {
    signedIn(adminElsewhere)
    server.reply('/api/departments', 200, [department])
    server.reply('/api/staff/events/7', 200, { event: started({}), published: true })
    server.reply('GET /api/staff/events/7/opinions', 200, [])
    server.reply('/api/staff/events/7/registrations', 200, [])
    render(<StaffEventOpinionsPage />)
    expect(await screen.findByText('还没有记录意见')).toBeTruthy()
    expect(screen.queryByText(/可以记录和答复参加人员的意见/)).toBeNull()
  })

  it('still shows an editor none of it', async () => {
    signedIn(staff({ role: 'EDITOR', department }))
    server.reply('/api/staff/events/7', 200, { event: started({ selectionMode: 'LOTTERY' }), published: true })
    render(<StaffEventPage />)
    expect(await screen.findByText('公交线网优化方案听证会')).toBeTruthy()
    for (const text of ['报名名单', /^报名截止后抽签/, '参加人员意见及答复', '会议结果']) expect(screen.queryByText(text)).toBeNull()
    expect(sentRequests().some((r) => r.path === '/api/staff/events/7/registrations')).toBe(false)
  })
})
