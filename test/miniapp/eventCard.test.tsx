import { render, screen } from '@testing-library/react'
import type { EventSummary } from '@gm/shared'
import { EventCard } from '../../miniapp/src/components/EventCard'

function event(overrides: Partial<EventSummary>): EventSummary {
  return {
    id: 3,
    kind: 'OPEN_DAY',
    title: '政府开放日：走进高新区政务服务中心',
    place: '政务服务中心一楼大厅',
    department: { id: 1, name: '政务服务中心' },
    startsAt: '2026-10-11T01:00:00.000Z',
    endsAt: '2026-10-11T04:00:00.000Z',
    signupOpensAt: '2026-09-20T00:00:00.000Z',
    signupClosesAt: '2026-10-08T00:00:00.000Z',
    signupStatus: 'open',
    capacity: 30,
    seatsLeft: 3,
    selectionMode: 'FIRST_COME',
    ...overrides,
  }
}

describe('EventCard seats', () => {
  it('shows the seats left while signup is open', () => {
    render(<EventCard event={event({})} />)
    expect(screen.getByText('剩余 3 个名额')).toBeTruthy()
  })

  it('does not show seats left once signup has closed (a past event)', () => {
    render(<EventCard event={event({ signupStatus: 'closed' })} />)
    expect(screen.queryByText(/剩余 \d+ 个名额/)).toBeNull()
    expect(screen.getByText('不再接收报名')).toBeTruthy()
  })
})
