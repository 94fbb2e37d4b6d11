import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import { ESTIMATED_DEADLINE_NOTE, findPersonalInfo, type HolidayYear, type StaffOpinion } from '@gm/shared'
import { PolicyQuestionCard } from '../../miniapp/src/components/PolicyQuestionCard'
import { StaffOpinionCard } from '../../miniapp/src/components/StaffOpinionCard'
import StaffConsultationsPage from '../../miniapp/src/packages/staff/pages/consultations/index'
import StaffHolidayCalendarPage from '../../miniapp/src/packages/staff/pages/holiday-calendar/index'
import { formatArrangement, parseArrangement } from '../../miniapp/src/utils/holidayCalendar'
import { fakeServer, sentRequests, signedIn, staff } from './fixtures'

/** Staff see when a reply deadline is only estimated; administrators enter a year's holiday arrangement. */
const raw = '夜间停车收费标准建议下调。'
// Typed by assertion: channel and receivedAt come with offline opinions, which may land before or after this test.
const opinion = (overrides: Partial<StaffOpinion> = {}): StaffOpinion =>
  ({
    id: 7,
    receiptCode: 'YJ20261205-HOLI01',
    section: null,
    draftVersion: 1,
    rawText: raw,
    publishedText: null,
    suggestedMasks: findPersonalInfo(raw),
    masks: [],
    consent: 'PUBLISH_MASKED',
    authorName: null,
    contactPhone: null,
    secCheckSuggest: null,
    moderation: 'APPROVED',
    hiddenReason: null,
    channel: 'ONLINE',
    receivedAt: '2026-12-05T02:00:00.000Z',
    createdAt: '2026-12-05T02:00:00.000Z',
    replyDeadline: '2027-01-01T15:59:59.999Z',
    deadlineEstimated: true,
    overdue: false,
    group: null,
    answer: null,
    ...overrides,
  }) as StaffOpinion

describe('an estimated reply deadline', () => {
  it('is flagged on the staff opinion card', () => {
    render(<StaffOpinionCard opinion={opinion()} />)
    expect(screen.getByText('答复期限：2027年1月1日（20 个工作日）')).toBeTruthy()
    expect(screen.getByText(`⚠ ${ESTIMATED_DEADLINE_NOTE}`)).toBeTruthy()
  })

  it('is not flagged when the year has an official arrangement', () => {
    render(<StaffOpinionCard opinion={opinion({ deadlineEstimated: false, replyDeadline: '2027-01-04T15:59:59.999Z' })} />)
    expect(screen.queryByText(new RegExp(ESTIMATED_DEADLINE_NOTE))).toBeNull()
  })

  it('is flagged on a pending policy question for staff', () => {
    const question = {
      id: 9,
      receiptCode: 'ZX20261228-HOLI03',
      text: '元旦前后办理居住证需要多久？',
      topic: null,
      status: 'PENDING' as const,
      createdAt: '2026-12-28T02:00:00.000Z',
      dueAt: '2027-01-04T15:59:59.999Z',
      answer: null,
      declineReason: null,
      department: null,
      answeredAt: null,
      heldForReview: false,
    }
    const { rerender } = render(<PolicyQuestionCard question={question} dueAtEstimated />)
    expect(screen.getByText(`⚠ ${ESTIMATED_DEADLINE_NOTE}`)).toBeTruthy()
    rerender(<PolicyQuestionCard question={question} />)
    expect(screen.queryByText(`⚠ ${ESTIMATED_DEADLINE_NOTE}`)).toBeNull()
  })

  it('is flagged on the overdue dashboard', async () => {
    signedIn(staff({ role: 'REVIEWER' }))
    const server = fakeServer()
    server.reply('/api/staff/consultations', 200, [])
    server.reply('/api/staff/opinions/overdue', 200, [
      {
        id: 7,
        receiptCode: 'YJ20261205-HOLI01',
        consultation: { id: 3, title: '停车收费办法' },
        createdAt: '2026-12-05T02:00:00.000Z',
        replyDeadline: '2027-01-01T15:59:59.999Z',
        deadlineEstimated: true,
      },
      {
        id: 8,
        receiptCode: 'YJ20261101-HOLI02',
        consultation: { id: 3, title: '停车收费办法' },
        createdAt: '2026-11-01T02:00:00.000Z',
        replyDeadline: '2026-11-27T15:59:59.999Z',
        deadlineEstimated: false,
      },
    ])
    render(<StaffConsultationsPage />)
    expect(await screen.findByText('YJ20261205-HOLI01 · 期限 2027年1月1日（估算） · 停车收费办法')).toBeTruthy()
    expect(screen.getByText('YJ20261101-HOLI02 · 期限 2026年11月27日 · 停车收费办法')).toBeTruthy()
    expect(screen.getAllByText(ESTIMATED_DEADLINE_NOTE)).toHaveLength(1)
  })
})

describe('the arrangement text administrators type', () => {
  it('reads single days and ranges, and writes them back the same way', () => {
    const text = '2027-01-01 至 2027-01-03 放假 元旦\n\n2027-02-20 调休上班 春节'
    const parsed = parseArrangement(text)
    expect(parsed).toEqual({
      ok: true,
      days: [
        { date: '2027-01-01', kind: 'HOLIDAY', name: '元旦' },
        { date: '2027-01-02', kind: 'HOLIDAY', name: '元旦' },
        { date: '2027-01-03', kind: 'HOLIDAY', name: '元旦' },
        { date: '2027-02-20', kind: 'WORKDAY', name: '春节' },
      ],
    })
    expect(formatArrangement(parsed.ok ? parsed.days : [])).toBe('2027-01-01 至 2027-01-03 放假 元旦\n2027-02-20 调休上班 春节')
  })

  it.each([
    ['2027-01-01 休息 元旦', /第 1 行看不懂/],
    ['2027-01-01 放假\n2027-02-30 放假', /第 2 行的日期不存在/],
    ['2027-01-05 至 2027-01-01 放假', /结束日期早于开始日期/],
  ])('names the line it cannot read: %s', (text, message) => {
    const parsed = parseArrangement(text)
    expect(parsed.ok).toBe(false)
    expect(parsed.ok ? '' : parsed.error).toMatch(message)
  })
})

describe('放假安排 (administrators)', () => {
  const overview = { package: { name: 'chinese-days', version: '1.5.7', firstYear: 2004, lastYear: 2026 }, tableYears: [] }
  const none: HolidayYear = { year: 2027, origin: 'NONE', source: null, updatedAt: null, days: [] }
  const entered: HolidayYear = {
    year: 2027,
    origin: 'TABLE',
    source: '测试通知',
    updatedAt: '2026-12-06T03:00:00.000Z',
    days: [
      { date: '2027-01-01', kind: 'HOLIDAY', name: '元旦' },
      { date: '2027-02-20', kind: 'WORKDAY', name: '春节' },
    ],
  }

  it('opens on the first year the package lacks and saves the typed arrangement', async () => {
    signedIn(staff({ role: 'ADMIN' }))
    const server = fakeServer()
    server.reply('/api/admin/holiday-calendar', 200, overview)
    server.reply('/api/admin/holiday-calendar/2027', 200, none)
    render(<StaffHolidayCalendarPage />)
    expect(await screen.findByText('2027 年还没有放假安排，该年的答复期限只按周末估算')).toBeTruthy()
    expect(screen.getByText(/包含 2004—2026 年/)).toBeTruthy()

    fireEvent.input(screen.getByLabelText('依据'), { target: { value: '测试通知' } })
    fireEvent.input(screen.getByLabelText('放假和调休上班日期'), { target: { value: '2027-01-01 放假 元旦\n2027-02-20 调休上班 春节' } })
    server.reply('PUT /api/admin/holiday-calendar/2027', 200, entered)
    server.reply('/api/admin/holiday-calendar', 200, { ...overview, tableYears: [{ year: 2027, source: '测试通知', days: 2, updatedAt: entered.updatedAt }] })
    server.reply('/api/admin/holiday-calendar/2027', 200, entered)
    fireEvent.click(screen.getByRole('button', { name: '保存' }))

    expect(await screen.findByText('已保存 2027 年放假安排，答复期限即按此计算。')).toBeTruthy()
    const sent = sentRequests().find((r) => r.method === 'PUT')
    expect(sent?.data).toEqual({
      source: '测试通知',
      days: [
        { date: '2027-01-01', kind: 'HOLIDAY', name: '元旦' },
        { date: '2027-02-20', kind: 'WORKDAY', name: '春节' },
      ],
    })
    await waitFor(() => expect(screen.getByRole('table', { name: '2027 年放假安排' })).toBeTruthy())
    expect(screen.getByText('调休上班')).toBeTruthy()
    expect(screen.getByText('周六')).toBeTruthy()
  })

  it('shows the server refusal under the dates', async () => {
    signedIn(staff({ role: 'ADMIN' }))
    const server = fakeServer()
    server.reply('/api/admin/holiday-calendar', 200, overview)
    server.reply('/api/admin/holiday-calendar/2027', 200, none)
    render(<StaffHolidayCalendarPage />)
    await screen.findByText('2027 年还没有放假安排，该年的答复期限只按周末估算')
    fireEvent.input(screen.getByLabelText('依据'), { target: { value: '测试通知' } })
    fireEvent.input(screen.getByLabelText('放假和调休上班日期'), { target: { value: '2027-01-01 放假 元旦\n2027-01-05 调休上班' } })
    server.reply('PUT /api/admin/holiday-calendar/2027', 400, {
      error: {
        code: 'VALIDATION_FAILED',
        message: '放假安排有误，请对照通知修改',
        details: { fields: { 'days.1.kind': '2027-01-05 不是周六或周日，不能作为调休上班日' } },
      },
    })
    fireEvent.click(screen.getByRole('button', { name: '保存' }))
    expect(await screen.findByText('2027-01-05 不是周六或周日，不能作为调休上班日')).toBeTruthy()
  })

  it('tells other staff that administrators keep it', async () => {
    signedIn(staff({ role: 'REVIEWER' }))
    fakeServer()
    render(<StaffHolidayCalendarPage />)
    expect(await screen.findByText('放假安排由管理员维护。')).toBeTruthy()
    expect(sentRequests().filter((r) => r.path.startsWith('/api/admin/'))).toHaveLength(0)
  })
})
