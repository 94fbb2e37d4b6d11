// Event times in full words that never break inside a date or a time: the event card, the event page, 我的报名 and the staff event page.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { render, screen, within } from '@testing-library/react'
import { EventCard } from '../../miniapp/src/components/EventCard'
import { RegistrationCard } from '../../miniapp/src/components/RegistrationCard'
import EventDetailPage from '../../miniapp/src/packages/event/pages/detail/index'
import StaffEventPage from '../../miniapp/src/packages/staff/pages/event/index'
import { momentText, partsText, periodParts, timeRangeParts, windowParts } from '../../miniapp/src/utils/format'
import { eventDetail, eventSummary, fakeServer, myRegistration, signedIn, staff } from './fixtures'
import { useRouter } from './taroMock'

/** Each piece of a date or time that must stay on one line. */
const pieces = (root: Element) => Array.from(root.querySelectorAll('.gm-when__part')).map((p) => p.textContent)

describe('event times', () => {
  it('are said in words, as pieces that each stay on one line', () => {
    expect(timeRangeParts('2026-10-11T06:30:00.000Z', '2026-10-11T08:00:00.000Z')).toEqual(['2026年10月11日', '14:30–16:00'])
    expect(timeRangeParts('2026-10-11T06:30:00.000Z', '2026-10-12T09:00:00.000Z')).toEqual(['2026年10月11日', '14:30', '至', '2026年10月12日', '17:00'])
    expect(periodParts('2026-09-20T01:00:00.000Z', '2026-10-08T10:00:00.000Z')).toEqual(['2026年9月20日', '09:00', '至', '2026年10月8日', '18:00'])
    // One line where a string is wanted (a table cell, a notice), from the same pieces, in Asia/Shanghai.
    expect(momentText('2026-10-10T16:30:00.000Z')).toBe('2026年10月11日 00:30')
    expect(partsText(windowParts('2026-10-31T16:00:00.000Z', '2026-11-30T16:00:00.000Z'))).toBe('2026年11月1日 至 2026年11月30日')
    // The stylesheet keeps a piece whole: the line may break only between pieces.
    const scss = readFileSync(join(__dirname, '../../miniapp/src/components/WhenText/index.scss'), 'utf8')
    expect(scss).toMatch(/&__part\s*\{\s*white-space:\s*nowrap;/)
  })

  it('on the event card: 时间：2026年10月11日 14:30–16:00, no 2026-10-11 that can break at its hyphens', () => {
    render(<EventCard event={eventSummary()} />)
    const time = document.querySelector('.gm-event-card__time')!
    expect(time.textContent).toBe('时间：2026年10月11日 14:30–16:00')
    expect(pieces(time)).toEqual(['2026年10月11日', '14:30–16:00'])
  })

  it('in 我的报名: the event time and the signup time', () => {
    const registration = myRegistration({ checkInCode: null })
    render(<RegistrationCard registration={registration} onOpenEvent={() => undefined} onCancel={() => undefined} />)
    const [when, signedUp] = Array.from(document.querySelectorAll('.gm-registration-card .gm-when'))
    expect(when?.textContent).toBe('时间：2026年10月11日 14:30')
    expect(pieces(when!)).toEqual(['2026年10月11日', '14:30'])
    expect(signedUp?.textContent).toBe('报名时间：2026年9月21日 10:05')
  })

  it('on the event page: 活动时间 and 报名时间', async () => {
    useRouter.mockReturnValue({ params: { id: '3' } })
    const server = fakeServer()
    server.reply('/api/events/3', 200, eventDetail())
    render(<EventDetailPage />)
    await screen.findByText('活动时间')
    const value = (label: string) => screen.getByText(label).parentElement!.querySelector('.gm-info__value')!
    expect(pieces(value('活动时间'))).toEqual(['2026年10月11日', '14:30–16:00'])
    expect(pieces(value('报名时间'))).toEqual(['2026年9月20日', '09:00', '至', '2026年10月8日', '18:00'])
    expect(document.querySelector('.gm-event-detail')!.textContent).not.toMatch(/\d{4}-\d{2}-\d{2}/)
    useRouter.mockReset().mockImplementation(() => ({ params: {} }))
  })
})

describe('staff event times, said as on the citizen pages', () => {
  afterEach(() => useRouter.mockReset().mockImplementation(() => ({ params: {} })))

  it('on the staff event page: 活动时间, 报名时间 and the check-in time in the list, in words, no 2026-10-11', async () => {
    const department = { id: 1, name: '政务服务中心' }
    signedIn(staff({ role: 'REVIEWER', department }))
    useRouter.mockReturnValue({ params: { id: '3' } })
    const server = fakeServer()
    server.reply('/api/staff/events/3', 200, { event: eventDetail({ department }), published: true })
    server.reply('/api/staff/events/3/invitees', 200, { reservedSeats: 0, invitees: [] })
    server.reply('/api/staff/events/3/registrations', 200, [
      {
        id: 8,
        name: '李秀英',
        phone: '13800000000',
        category: 'PUBLIC',
        region: null,
        sector: null,
        ageBand: null,
        gender: null,
        accessibilityNeeds: null,
        status: 'CHECKED_IN',
        publicCode: 'R7KQ2MXP',
        reviewReason: null,
        keepInPool: false,
        checkedInAt: '2026-10-11T06:12:00.000Z',
        createdAt: '2026-09-21T02:05:00.000Z',
      },
    ])
    render(<StaffEventPage />)
    await screen.findByText('活动时间')
    const value = (label: string) => screen.getByText(label).parentElement!.querySelector('.gm-info__value')!
    expect(pieces(value('活动时间'))).toEqual(['2026年10月11日', '14:30–16:00'])
    expect(pieces(value('报名时间'))).toEqual(['2026年9月20日', '09:00', '至', '2026年10月8日', '18:00'])
    const table = await screen.findByRole('table', { name: /报名名单/ })
    await within(table).findByText('2026年10月11日 14:12')
    expect(document.querySelector('.gm-staff-event')!.textContent).not.toMatch(/\d{4}-\d{2}-\d{2}/)
  })
})
