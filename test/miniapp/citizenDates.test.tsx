// Citizen pages say dates and times in words, in Asia/Shanghai (2026年11月20日 10:00), as the event and staff pages do: cards, notices, 我的 pages, Q&A and the consultation page; never 2026-11-20.
import { render, screen } from '@testing-library/react'
import type { MyOpinion, MyPolicyQuestion, Notification } from '@gm/shared'
import { DraftRestored } from '../../miniapp/src/components/DraftRestored'
import { NotificationCard } from '../../miniapp/src/components/NotificationCard'
import { OpinionCard } from '../../miniapp/src/components/OpinionCard'
import { PolicyQuestionCard } from '../../miniapp/src/components/PolicyQuestionCard'
import { StageTimeline } from '../../miniapp/src/components/StageTimeline'
import ConsultationDetailPage from '../../miniapp/src/packages/consultation/pages/detail/index'
import { signupErrorText } from '../../miniapp/src/packages/event/pages/signup/index'
import { ApiError } from '../../miniapp/src/api'
import { consultationDetail, eventDetail, fakeServer } from './fixtures'
import { useRouter } from './taroMock'

/** A date written with hyphens, which an older reader has to decode and a narrow line may break at. */
const HYPHEN_DATE = /\d{4}-\d{1,2}-\d{1,2}/
/** Each piece that must stay on one line. */
const pieces = (root: Element) => Array.from(root.querySelectorAll('.gm-when__part')).map((p) => p.textContent)

const department = { id: 3, name: '市人力资源和社会保障局' }

describe('dates on citizen pages', () => {
  afterEach(() => useRouter.mockReset().mockImplementation(() => ({ params: {} })))

  it('我的消息: a message’s time in words (2026-11-20T02:00Z is 10:00 in Shanghai)', () => {
    const n: Notification = {
      id: 1,
      kind: 'OPINION_ANSWERED',
      title: '您的意见已答复',
      body: '请查看答复。',
      link: null,
      createdAt: '2026-11-20T02:00:00.000Z',
      read: false,
    }
    render(<NotificationCard notification={n} onOpen={() => undefined} />)
    const time = document.querySelector('.gm-notification-card__time')!
    expect(time.textContent).toBe('2026年11月20日 10:00')
    expect(pieces(time)).toEqual(['2026年11月20日', '10:00'])
  })

  it('我的提问: 提交时间, 答复期限 and 答复时间 in words', () => {
    const q: MyPolicyQuestion = {
      id: 4,
      receiptCode: 'Q7K2M9',
      text: '灵活就业人员怎么缴纳养老保险？',
      topic: '社保',
      status: 'PENDING',
      createdAt: '2026-11-20T02:00:00.000Z',
      dueAt: '2026-12-17T16:00:00.000Z',
      answer: null,
      declineReason: null,
      department: null,
      answeredAt: null,
      heldForReview: false,
    }
    const { rerender } = render(<PolicyQuestionCard question={q} />)
    const card = () => document.querySelector('.gm-policy-question')!
    expect(screen.getByText('提交时间：', { exact: false }).textContent).toBe('提交时间：2026年11月20日 10:00')
    expect(screen.getByText('答复期限：', { exact: false }).textContent).toBe('答复期限：2026年12月18日 前')
    expect(card().textContent).not.toMatch(HYPHEN_DATE)

    rerender(<PolicyQuestionCard question={{ ...q, status: 'ANSWERED', answer: '可在社保窗口办理。', department, answeredAt: '2026-11-25T07:30:00.000Z' }} />)
    expect(screen.getByText('答复时间：', { exact: false }).textContent).toBe('答复时间：2026年11月25日 15:30')
    expect(card().textContent).not.toMatch(HYPHEN_DATE)
  })

  it('我的意见: 提交时间 on its own line, and the answer’s 受理日期 and 答复日期', () => {
    const o: MyOpinion = {
      id: 9,
      receiptCode: 'OP-7K2M',
      consultation: { id: 1, title: '城市公园管理办法' },
      section: null,
      draftVersion: 1,
      text: '建议延长开放时间。',
      consent: 'PUBLISH_MASKED',
      state: 'ANSWERED',
      createdAt: '2026-11-20T02:00:00.000Z',
      group: null,
      answer: { adoption: 'ADOPTED', reason: null, content: '已采纳。', department, repliedAt: '2026-12-02T03:00:00.000Z' },
    }
    render(<OpinionCard opinion={o} />)
    const metas = Array.from(document.querySelectorAll('.gm-opinion-card__meta')).map((m) => m.textContent)
    expect(metas).toContain('针对第 1 稿：草案整体')
    expect(metas).toContain('提交时间：2026年11月20日 10:00')
    expect(document.querySelector('.gm-answer__row--received .gm-answer__value')!.textContent).toBe('2026年11月20日')
    expect(document.querySelector('.gm-answer__row--replied .gm-answer__value')!.textContent).toBe('2026年12月2日')
    expect(document.querySelector('.gm-opinion-card')!.textContent).not.toMatch(HYPHEN_DATE)
  })

  it('a decision’s stages, and a restored draft’s moment', () => {
    render(
      <StageTimeline
        stages={[
          { kind: 'DRAFT_PUBLISHED', startsAt: '2026-10-31T16:00:00.000Z', endsAt: '2026-11-15T09:30:00.000Z', summary: '', link: null },
          { kind: 'CONSULTATION', startsAt: '2026-11-20T02:00:00.000Z', endsAt: null, summary: '', link: null },
        ]}
        current="CONSULTATION"
      />,
    )
    const [drafting, consulting] = Array.from(document.querySelectorAll('.gm-stages__dates'))
    expect(pieces(drafting!)).toEqual(['2026年11月1日', '至', '2026年11月15日'])
    expect(consulting!.textContent).toBe('2026年11月20日 起')

    render(<DraftRestored savedAt={Date.parse('2026-11-20T02:00:00.000Z')} onDiscard={() => undefined} />)
    expect(screen.getByText(/已恢复您/).textContent).toBe('已恢复您 2026年11月20日 10:00 未提交的内容（仅保存在本机，提交后自动清除）。')
  })

  it('signup refusals name the signup moments in words', () => {
    const e = eventDetail()
    expect(signupErrorText(new ApiError({ status: 409, code: 'SIGNUP_CLOSED', message: '报名已截止' }), e)).toBe(
      '报名已于 2026年10月8日 18:00 截止，不能再报名。',
    )
    expect(signupErrorText(new ApiError({ status: 409, code: 'SIGNUP_NOT_OPEN', message: '报名未开始' }), e)).toMatch(
      /^报名尚未开始，请于 2026年9月20日 09:00 后再报名。/,
    )
  })

  it('the consultation page: 开始时间, 截止时间, the closed notice and a window change, in words', async () => {
    useRouter.mockReturnValue({ params: { id: '1' } })
    const server = fakeServer()
    server.reply(
      '/api/consultations/1',
      200,
      consultationDetail({
        id: 1,
        opensAt: '2020-01-01T01:00:00.000Z',
        closesAt: '2020-02-01T01:00:00.000Z',
        status: 'closed',
        windowChanges: [
          {
            kind: 'EXTENDED',
            previousClosesAt: '2020-01-25T01:00:00.000Z',
            closesAt: '2020-02-01T01:00:00.000Z',
            reason: '春节',
            at: '2020-01-20T06:00:00.000Z',
          },
        ],
      }),
    )
    server.reply('/api/consultations/1/attachments', 200, [])
    render(<ConsultationDetailPage />)
    await screen.findByText('开始时间')
    const value = (label: string) => screen.getByText(label).parentElement!.querySelector('.gm-info__value')!
    expect(pieces(value('开始时间'))).toEqual(['2020年1月1日', '09:00'])
    expect(pieces(value('截止时间'))).toEqual(['2020年2月1日', '09:00'])
    expect(screen.getByText(/^征集已结束/).textContent).toMatch(/^征集已结束（截止于 2020年2月1日 09:00）/)
    expect(screen.getByText(/^截止时间由/).textContent).toBe('截止时间由 2020年1月25日 09:00 调整为 2020年2月1日 09:00')
    expect(document.querySelector('.gm-consultation-detail')!.textContent).not.toMatch(HYPHEN_DATE)
  })
})
