// 报名类别 on the staff pages appears only where the event's selection mode asked for it: a first-come signup is recorded as 公众代表 though nobody chose, so the staff card, table, check-in notice and event-opinion hint leave it out.
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import type { SelectionMode } from '@gm/shared'
import CheckInPage from '../../miniapp/src/packages/staff/pages/check-in/index'
import StaffEventOpinionsPage from '../../miniapp/src/packages/staff/pages/event-opinions/index'
import StaffEventPage from '../../miniapp/src/packages/staff/pages/event/index'
import { eventDetail, fakeServer, signedIn, staff } from './fixtures'
import { useRouter } from './taroMock'

const department = { id: 1, name: '政务服务中心' }

const signup = (category: 'PUBLIC' | 'STAKEHOLDER') => ({
  id: 8,
  name: '李秀英',
  phone: '13800000000',
  category,
  region: null,
  sector: null,
  ageBand: null,
  gender: null,
  accessibilityNeeds: null,
  status: 'SELECTED' as const,
  publicCode: 'R7KQ2MXP',
  reviewReason: null,
  keepInPool: false,
  checkedInAt: null,
  createdAt: '2026-09-21T02:05:00.000Z',
})

describe('报名类别 on the staff pages', () => {
  let server: ReturnType<typeof fakeServer>
  beforeEach(() => {
    signedIn(staff({ role: 'REVIEWER', department }))
    server = fakeServer()
    useRouter.mockReturnValue({ params: { id: '3' } })
  })
  afterEach(() => useRouter.mockReset().mockImplementation(() => ({ params: {} })))

  const openEventPage = async (selectionMode: SelectionMode, category: 'PUBLIC' | 'STAKEHOLDER') => {
    server.reply('/api/staff/events/3', 200, { event: eventDetail({ department, selectionMode }), published: true })
    server.reply('/api/staff/events/3/registrations', 200, [signup(category)])
    render(<StaffEventPage />)
    return screen.findByRole('table', { name: /报名名单/ })
  }
  const cardMeta = () => Array.from(document.querySelectorAll('.gm-staff-event__cards .gm-staff-registration__meta')).map((m) => m.textContent)

  it('leaves 公众代表 out of a first-come signup on the staff event page: no 类别 on the card, no 类别 column', async () => {
    const table = await openEventPage('FIRST_COME', 'PUBLIC')
    await within(table).findByText('李秀英')
    expect(cardMeta()).toEqual(['13800000000 · 编号 R7KQ2MXP'])
    expect(within(table).queryByRole('columnheader', { name: '类别' })).toBeNull()
    expect(document.querySelector('.gm-staff-event')!.textContent).not.toContain('公众代表')
  })

  it('shows the chosen 类别 where the event selects by category (review, lottery)', async () => {
    const table = await openEventPage('REVIEW', 'STAKEHOLDER')
    await within(table).findByText('李秀英')
    expect(cardMeta()).toEqual(['利益相关方 · 13800000000 · 编号 R7KQ2MXP'])
    expect(within(table).getByRole('columnheader', { name: '类别' })).toBeTruthy()
    expect(within(table).getByText('利益相关方')).toBeTruthy()
  })

  it.each([
    ['FIRST_COME', 'PUBLIC', '签到成功：李秀英'],
    ['LOTTERY', 'PUBLIC', '签到成功：李秀英（公众代表）'],
  ] as const)('says who checked in at a %s event: %s → %s', async (selectionMode, category, notice) => {
    server.reply('/api/events/3', 200, eventDetail({ selectionMode }))
    server.reply('POST /api/staff/events/3/check-ins', 200, {
      registrationId: 8,
      name: '李秀英',
      category,
      checkedInAt: '2026-10-11T06:12:00.000Z',
      attendeeCount: 1,
    })
    render(<CheckInPage />)
    const field = await screen.findByLabelText('签到码')
    fireEvent.input(field, { target: { value: 'K7M2P9QX' } })
    await act(async () => fireEvent.click(screen.getByRole('button', { name: '确认签到' })))
    const shown = await screen.findByText(/^签到成功/)
    expect(shown.textContent).toBe(notice)
  })

  it.each([
    ['FIRST_COME', '已入选'],
    ['REVIEW', '已入选 · 公众代表'],
  ] as const)('hints an attendee in 记录意见 at a %s event as %s', async (selectionMode, hint) => {
    server.reply('/api/departments', 200, [department])
    server.reply('/api/staff/events/3', 200, { event: eventDetail({ department, selectionMode }), published: true })
    server.reply('GET /api/staff/events/3/opinions', 200, [])
    server.reply('/api/staff/events/3/registrations', 200, [signup('PUBLIC')])
    render(<StaffEventOpinionsPage />)
    const choice = await screen.findByRole('radio', { name: /李秀英/ })
    await waitFor(() => expect(choice.querySelector('.gm-choice__hint')?.textContent).toBe(hint))
  })
})
