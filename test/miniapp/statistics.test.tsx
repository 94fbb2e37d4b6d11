// 统计分析 (staff) and 公开统计 (citizens): definitions next to every figure, tables of the charts' numbers, year and department choices, the 列席 minimum.
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import {
  MEETING_ATTENDANCE_MIN_PER_YEAR,
  type OpinionFigures,
  REPLY_TIME_BUCKETS,
  type StaffStatistics,
  statisticDefinitions,
  type Statistics,
} from '@gm/shared'
import { adoptionSharesOption, meetingAttendanceOption } from '../../miniapp/src/components/StatisticsCharts/options'
import ConsultationStatisticsPage from '../../miniapp/src/packages/statistics/pages/consultation/index'
import PublicStatisticsPage from '../../miniapp/src/packages/statistics/pages/public/index'
import StaffStatisticsPage from '../../miniapp/src/packages/statistics/pages/staff/index'
import StaffHomePage from '../../miniapp/src/packages/staff/pages/home/index'
import { errorBody, fakeServer, signedIn, staff } from './fixtures'
import Taro, { useRouter } from './taroMock'

const figures = (overrides: Partial<OpinionFigures> = {}): OpinionFigures => ({
  received: 12,
  valid: 9,
  pending: 1,
  outOfScope: 2,
  duplicate: 1,
  answered: 9,
  adopted: 4,
  partiallyAdopted: 2,
  notAdopted: 1,
  explained: 2,
  participants: 10,
  replyDaysMean: 6.25,
  replyDaysMedian: 5,
  replyDaysMax: 22,
  overdue: 1,
  overdueAnswered: 1,
  overdueOpen: 0,
  ...overrides,
})

const construction = { id: 2, name: '建设局' }
const economy = { id: 5, name: '经济发展局' }
const eventFigures = (meetingAttendance: number) => ({
  events: 3,
  registrations: 40,
  selected: 30,
  attended: 25,
  meetingAttendance,
  meetingAttendanceRequired: MEETING_ATTENDANCE_MIN_PER_YEAR,
  meetingAttendanceMet: meetingAttendance >= MEETING_ATTENDANCE_MIN_PER_YEAR,
})

function statistics(year = 2026): Statistics {
  return {
    year,
    years: [2026, 2025],
    totals: figures(),
    byDepartment: [
      { department: construction, consultations: 2, figures: figures() },
      {
        department: economy,
        consultations: 0,
        figures: figures({ received: 0, valid: 0, answered: 0, adopted: 0, partiallyAdopted: 0, notAdopted: 0, explained: 0, replyDaysMean: null }),
      },
    ],
    byConsultation: [
      {
        id: 31,
        title: '老旧小区改造实施办法',
        department: construction,
        opensAt: '2026-03-01T00:00:00.000Z',
        closesAt: '2026-04-01T00:00:00.000Z',
        feedbackPublishedAt: '2026-05-10T02:00:00.000Z',
        figures: figures(),
      },
    ],
    byMonth: Array.from({ length: 12 }, (_, i) => ({ month: i + 1, received: i === 2 ? 12 : 0, valid: i === 2 ? 9 : 0, answered: i === 2 ? 9 : 0 })),
    byChannel: [
      { channel: 'ONLINE', received: 10, valid: 8 },
      { channel: 'PHONE', received: 2, valid: 1 },
    ],
    replyTime: REPLY_TIME_BUCKETS.map((b, i) => ({ label: b.label, from: b.from, to: b.to, count: [5, 2, 1, 0, 1][i]! })),
    events: {
      totals: { events: 6, registrations: 80, selected: 60, attended: 50, meetingAttendance: 2 },
      byDepartment: [
        { department: construction, figures: eventFigures(2) },
        { department: economy, figures: eventFigures(0) },
      ],
    },
    qa: {
      searches: 150,
      publishedItems: 40,
      views: 300,
      searchHits: 120,
      helpfulVotes: 30,
      unhelpfulVotes: 10,
      helpfulRate: 0.75,
      unansweredSearches: null,
      mostAsked: [{ id: 8, question: '退休手续怎么办？', topic: '社保', views: 50, searchHits: 20 }],
    },
    definitions: statisticDefinitions,
  }
}

const staffStatistics = (year = 2026, all = true): StaffStatistics => ({
  ...statistics(year),
  scope: { all, departments: [construction, economy] },
  generatedAt: '2026-12-06T02:00:00.000Z',
})

const STAFF = '/api/staff/statistics'

describe('the statistics charts', () => {
  it('draw the plans’ minimum of 列席 as a line, and mark the departments below it in words as well as colour', () => {
    const option = meetingAttendanceOption(
      [
        { department: '建设局', count: 2 },
        { department: '经济发展局', count: 0 },
      ],
      2,
      { fontSize: 14 },
    )
    const [series] = option.series as {
      data: { value: number; itemStyle: { color: string } }[]
      markLine: { data: { xAxis: number }[] }
    }[]
    expect(series!.markLine.data).toEqual([{ xAxis: 2 }])
    // a horizontal bar chart lists its first category at the bottom: the order is reversed
    expect((option.yAxis as { data: string[] }).data).toEqual(['未达标 经济发展局', '建设局'])
    expect(series!.data.map((d) => d.value)).toEqual([0, 2])
    expect(series!.data[0]!.itemStyle.color).not.toBe(series!.data[1]!.itemStyle.color)
  })

  it('name each adoption share with its count and leave out empty ones', () => {
    const option = adoptionSharesOption(
      [
        { label: '采纳', count: 3 },
        { label: '部分采纳', count: 0 },
        { label: '不予采纳', count: 1 },
      ],
      { fontSize: 14 },
    )
    const [series] = option.series as { data: { name: string; value: number }[] }[]
    expect(series!.data.map((d) => [d.name, d.value])).toEqual([
      ['采纳', 3],
      ['不予采纳', 1],
    ])
    expect((option.legend as { formatter: (name: string) => string }).formatter('不予采纳')).toBe('不予采纳 1 条')
  })
})

describe('统计分析 (staff)', () => {
  let server: ReturnType<typeof fakeServer>
  beforeEach(() => {
    server = fakeServer()
  })

  it('is on 工作台', async () => {
    signedIn(staff({ role: 'REVIEWER' }))
    server.reply('/api/departments', 200, [])
    render(<StaffHomePage />)
    await act(() => Promise.resolve()) // the departments arrive
    fireEvent.click(screen.getByRole('link', { name: '统计分析' }))
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/statistics/pages/staff/index' })
  })

  it('asks someone without a staff session to sign in, and asks the server nothing', async () => {
    render(<StaffStatisticsPage />)
    await act(() => Promise.resolve())
    expect(screen.getByText('此页面仅供工作人员使用，请使用工作人员账号登录。')).toBeTruthy()
    expect(server.requested(STAFF)).toEqual([])
  })

  it('shows every figure with its definition, and the charts’ numbers as tables', async () => {
    signedIn(staff())
    server.reply(STAFF, 200, staffStatistics())
    render(<StaffStatisticsPage />)
    await screen.findByText(/统计范围：全部部门/)

    const participants = document.querySelector('.gm-stat-numbers__item--participants') as HTMLElement
    expect(within(participants).getByText('参与人数')).toBeTruthy()
    expect(within(participants).getByText(statisticDefinitions.participants.definition)).toBeTruthy()
    expect(document.querySelector('.gm-stat-numbers__item--replyDaysMean .gm-stat-numbers__value')?.textContent).toBe('6.3个工作日')
    expect(document.querySelector('.gm-stat-numbers__item--overdue')?.className).toContain('gm-stat-numbers__item--warn')

    // each chart's numbers are a table a screen reader finds, with the definitions beside the chart
    const adoption = document.querySelector('.gm-stat-figure--adoption') as HTMLElement
    expect(within(adoption).getByText(statisticDefinitions.adopted.definition)).toBeTruthy()
    const adoptionTable = within(adoption).getByRole('table')
    expect(
      within(adoptionTable)
        .getAllByRole('row')
        .map((r) => r.textContent),
    ).toEqual(['答复条数占比', '采纳444.4%', '部分采纳222.2%', '不予采纳111.1%', '其他说明222.2%', '合计9100%'])
    expect(adoptionTable.closest('.gm-data-table')?.className).toContain('gm-stat-figure__table--hidden')
    fireEvent.click(within(adoption).getByRole('button', { name: '以表格查看「采纳情况」' }))
    expect(adoptionTable.closest('.gm-data-table')?.className).not.toContain('gm-stat-figure__table--hidden')
    expect(within(adoption).getByRole('button', { name: '收起「采纳情况」表格' }).getAttribute('aria-expanded')).toBe('true')

    const attendance = within(document.querySelector('.gm-stat-figure--attendance') as HTMLElement).getByRole('table')
    expect(
      within(attendance)
        .getAllByRole('row')
        .map((r) => r.textContent),
    ).toEqual(['部门邀请列席次数达到 2 次', '建设局2达标', '经济发展局0未达标（差 2 次）'])
    const months = within(document.querySelector('.gm-stat-figure--over-time') as HTMLElement).getAllByRole('row')
    expect(months).toHaveLength(13)
    expect(months[3]!.textContent).toBe('3月1299')

    // per consultation with the state of its 采纳情况, per department, events and Q&A
    expect(screen.getByRole('table', { name: '2026 年各项意见征集统计' }).textContent).toContain('老旧小区改造实施办法建设局已公布（2026年5月10日）')
    expect(screen.getByRole('table', { name: '2026 年各部门意见征集统计' }).textContent).toContain('经济发展局00')
    expect(document.querySelector('.gm-stat-numbers__item--helpfulRate .gm-stat-numbers__value')?.textContent).toBe('75%')
    expect(document.querySelector('.gm-stat-numbers__item--searches .gm-stat-numbers__value')?.textContent).toBe('150次')
    expect(document.querySelector('.gm-stat-numbers__item--unansweredSearches .gm-stat-numbers__value')?.textContent).toBe('—')
  })

  it('asks for another year and one department of the scope', async () => {
    signedIn(staff())
    server.reply(STAFF, 200, staffStatistics())
    server.reply(STAFF, 200, staffStatistics(2025))
    server.reply(STAFF, 200, staffStatistics(2025))
    render(<StaffStatisticsPage />)
    fireEvent.click(await screen.findByRole('tab', { name: '2025 年' }))
    await screen.findByText('2025 年意见征集概况')
    fireEvent.click(screen.getByRole('button', { name: '经济发展局' }))
    await waitFor(() => expect(server.requested(STAFF)).toHaveLength(3))
    await act(() => Promise.resolve()) // the last answer arrives
    expect(server.requested(STAFF)).toEqual([
      'http://127.0.0.1:3000/api/staff/statistics',
      'http://127.0.0.1:3000/api/staff/statistics?year=2025',
      'http://127.0.0.1:3000/api/staff/statistics?year=2025&departmentId=5',
    ])
  })

  it('says why when the server refuses, and loads again on 重新加载', async () => {
    signedIn(staff({ role: 'EDITOR' }))
    server.reply(STAFF, 503, errorBody('SERVICE_UNAVAILABLE', '服务暂时不可用，请稍后重试'))
    server.reply(STAFF, 200, staffStatistics(2026, false))
    render(<StaffStatisticsPage />)
    await screen.findByText('服务暂时不可用，请稍后重试')
    fireEvent.click(screen.getByRole('button', { name: '重新加载' }))
    await screen.findByText(/统计范围：建设局、经济发展局/)
    expect(screen.getByRole('button', { name: '本人所属部门' })).toBeTruthy()
  })
})

describe('公开统计 (citizens)', () => {
  let server: ReturnType<typeof fakeServer>
  beforeEach(() => {
    server = fakeServer()
  })
  afterEach(() => {
    useRouter.mockReset().mockImplementation(() => ({ params: {} }))
  })

  it('shows the year’s published figures and opens a consultation’s statistics from its row', async () => {
    server.reply('/api/statistics', 200, statistics())
    render(<PublicStatisticsPage />)
    await screen.findByText('2026 年意见征集')
    expect(within(document.querySelector('.gm-stat-numbers__item--valid') as HTMLElement).getByText(statisticDefinitions.valid.definition)).toBeTruthy()
    // staff-only figures stay on the staff page
    expect(document.querySelector('.gm-stat-numbers__item--pending')).toBeNull()
    fireEvent.click(screen.getByRole('link', { name: '老旧小区改造实施办法' }))
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/statistics/pages/consultation/index?id=31' })
  })

  it('shows one consultation’s figures, and says so while its 采纳情况 is not published', async () => {
    useRouter.mockReturnValue({ params: { id: '31' } })
    const published = statistics()
    server.reply('/api/statistics/consultations/31', 200, {
      consultation: published.byConsultation[0],
      byChannel: published.byChannel,
      replyTime: published.replyTime,
      definitions: statisticDefinitions,
    })
    const { unmount } = render(<ConsultationStatisticsPage />)
    await screen.findByText('老旧小区改造实施办法')
    expect(screen.getByRole('table', { name: '意见收集渠道' }).textContent).toContain('电话21')
    fireEvent.click(screen.getByRole('link', { name: '查看意见采纳情况' }))
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/consultation/pages/feedback/index?id=31' })
    unmount()

    server.reply('/api/statistics/consultations/31', 409, errorBody('FEEDBACK_NOT_PUBLISHED', '采纳情况尚未公布'))
    render(<ConsultationStatisticsPage />)
    await screen.findByText('采纳情况尚未公布')
  })
})
