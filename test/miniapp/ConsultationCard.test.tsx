import { fireEvent, render, screen } from '@testing-library/react'
import { shanghaiTime } from '@gm/shared'
import { ConsultationCard } from '../../miniapp/src/components/ConsultationCard'
import { consultation } from './fixtures'

// The fixture's window: 2026-11-01 00:00 to 2026-12-01 00:00, Asia/Shanghai
const card = () => document.querySelector('.gm-consultation-card') as HTMLElement
const deadline = () => document.querySelector('.gm-consultation-card__deadline') as HTMLElement

describe('ConsultationCard', () => {
  it('counts down the whole days left while the consultation is open', () => {
    render(<ConsultationCard consultation={consultation()} now={shanghaiTime(2026, 11, 20, 10, 0)} />)

    expect(screen.getByText('征集中')).toBeTruthy()
    // The full last day in words: the window ends at 2026-12-01 00:00, so the last day is 30 November.
    expect(deadline().textContent).toBe('还剩 11 天 · 截止 2026年11月30日')
    expect(document.querySelector('.gm-consultation-card__date')?.textContent).toBe(' · 截止 2026年11月30日')
    expect(deadline().classList.contains('gm-consultation-card__deadline--urgent')).toBe(false)
    expect(card().classList.contains('gm-consultation-card--open')).toBe(true)
  })

  it('marks the deadline urgent in the last three days', () => {
    render(<ConsultationCard consultation={consultation()} now={shanghaiTime(2026, 11, 28, 9, 0)} />)

    expect(deadline().textContent).toBe('还剩 3 天 · 截止 2026年11月30日')
    expect(deadline().classList.contains('gm-consultation-card__deadline--urgent')).toBe(true)
  })

  it('shows when an upcoming consultation starts instead of a countdown', () => {
    render(<ConsultationCard consultation={consultation({ status: 'upcoming' })} now={shanghaiTime(2026, 10, 29, 12, 0)} />)

    expect(screen.getByText('未开始')).toBeTruthy()
    expect(deadline().textContent).toBe('3 天后开始')
  })

  it('derives the status from the dates, so a list loaded before closing shows 已结束 afterwards', () => {
    render(<ConsultationCard consultation={consultation({ status: 'open' })} now={shanghaiTime(2026, 12, 1, 0, 0)} />)

    expect(screen.getAllByText('已结束').length).toBeGreaterThan(0)
    expect(screen.queryByText(/还剩/)).toBeNull()
    expect(card().classList.contains('gm-consultation-card--closed')).toBe(true)
  })

  it('shows the window in Asia/Shanghai dates in words, ending on the last open day, each date kept on one line', () => {
    render(<ConsultationCard consultation={consultation()} now={shanghaiTime(2026, 11, 20)} />)

    const window = document.querySelector('.gm-consultation-card__window')!
    expect(window.textContent).toBe('征集时间：2026年11月1日 至 2026年11月30日')
    expect(Array.from(window.querySelectorAll('.gm-when__part')).map((p) => p.textContent)).toEqual(['2026年11月1日', '至', '2026年11月30日'])
    expect(screen.getByText('市园林绿化局')).toBeTruthy()
    expect(screen.getByText('已收到 42 条意见')).toBeTruthy()
  })

  it('opens the consultation by id when tapped', () => {
    const onOpen = jest.fn()
    render(<ConsultationCard consultation={consultation({ id: 17 })} now={shanghaiTime(2026, 11, 20)} onOpen={onOpen} />)

    fireEvent.click(card())

    expect(onOpen).toHaveBeenCalledWith(17)
  })
})
