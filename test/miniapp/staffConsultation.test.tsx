import { fireEvent, render, screen, within } from '@testing-library/react'
import { adoptionDefinitions, DAY_MS } from '@gm/shared'
import StaffConsultationPage from '../../miniapp/src/packages/staff/pages/consultation/index'
import { consultationDetail, fakeServer, sentRequests, signedIn, staff } from './fixtures'
import { useRouter } from './taroMock'

const row = (overrides: Record<string, unknown> = {}) => ({
  id: 1,
  title: '关于《城市公园管理办法（征求意见稿）》公开征求意见',
  department: { id: 3, name: '市园林绿化局' },
  opensAt: '2026-10-31T16:00:00.000Z',
  closesAt: '2026-11-30T16:00:00.000Z',
  status: 'open',
  published: true,
  draftVersion: 1,
  feedbackPublished: false,
  counts: { opinions: 3, pending: 1, unanswered: 2 },
  ...overrides,
})

describe('征集管理 (staff)', () => {
  let server: ReturnType<typeof fakeServer>
  beforeEach(() => {
    signedIn(staff({ role: 'REVIEWER' }))
    server = fakeServer()
    useRouter.mockReturnValue({ params: { id: '1' } })
  })
  afterEach(() => useRouter.mockReset().mockImplementation(() => ({ params: {} })))

  it('shows SHORT_WINDOW_REASON_REQUIRED under 缩短理由 when publishing a short draft without one', async () => {
    const now = Date.now()
    const draft = consultationDetail({
      opensAt: new Date(now + DAY_MS).toISOString(),
      closesAt: new Date(now + 10 * DAY_MS).toISOString(),
      shortWindowReason: null,
    })
    server.reply('/api/staff/consultations/1', 200, draft)
    server.reply('/api/staff/consultations', 200, [row({ published: false, status: 'upcoming' })])
    server.reply('POST /api/staff/consultations/1/publish', 400, {
      error: {
        code: 'SHORT_WINDOW_REASON_REQUIRED',
        message: '重大决策事项征求意见不少于 30 日，缩短期限须说明理由',
        details: { fields: { shortWindowReason: '征求意见期限不足 30 日，请填写理由' } },
      },
    })
    render(<StaffConsultationPage />)

    fireEvent.click(await screen.findByRole('button', { name: '发布征集' }))
    fireEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: '确认发布' }))

    const reason = document.querySelector('.gm-field--shortWindowReason') as HTMLElement
    expect(await within(reason).findByText(/征求意见期限不足 30 日，请填写理由/)).toBeTruthy()
    expect(within(reason).getByText('未填写')).toBeTruthy()
    expect(sentRequests().filter((r) => r.path === '/api/staff/consultations/1/publish')).toHaveLength(1)
  })

  it('publishes the feedback only after a confirmation and shows what FEEDBACK_NOT_READY says is left', async () => {
    const closed = consultationDetail({ opensAt: '2020-01-01T00:00:00.000Z', closesAt: '2020-02-01T00:00:00.000Z' })
    server.reply('/api/staff/consultations/1', 200, closed)
    server.reply('/api/staff/consultations', 200, [row({ status: 'closed' })])
    server.reply('POST /api/staff/consultations/1/feedback', 409, {
      error: { code: 'FEEDBACK_NOT_READY', message: '还有 1 条意见待审核、2 条意见待答复', details: { pending: 1, unanswered: 2 } },
    })
    render(<StaffConsultationPage />)

    fireEvent.click(await screen.findByRole('button', { name: '公开采纳情况' }))
    const dialog = screen.getByRole('dialog', { name: '确定公开意见采纳情况吗？' })
    expect(sentRequests().some((r) => r.path.endsWith('/feedback'))).toBe(false)
    fireEvent.click(within(dialog).getByRole('button', { name: '确认公开' }))

    expect(await screen.findByText('暂不能公开采纳情况：还有 1 条意见待审核、2 条意见待答复。请处理完毕后再公开。')).toBeTruthy()
    expect(screen.queryByRole('dialog')).toBeNull()
  })

  it('lists the opinions whose published text still shows personal information and publishes the feedback with 仍然公开 and a reason', async () => {
    const closed = consultationDetail({ opensAt: '2020-01-01T00:00:00.000Z', closesAt: '2020-02-01T00:00:00.000Z' })
    server.reply('/api/staff/consultations/1', 200, closed)
    server.reply('/api/staff/consultations', 200, [row({ status: 'closed', counts: { opinions: 3, pending: 0, unanswered: 0 } })])
    server.reply('POST /api/staff/consultations/1/feedback', 422, {
      error: {
        code: 'PERSONAL_INFO_UNMASKED',
        message: '1 条已审核意见的公开文本中仍有未隐去的个人信息（手机号），请重新审核隐去，或填写仍然公开的理由',
        details: { spans: [{ opinionId: 17, field: 'text', kind: 'PHONE', label: '手机号', start: 3, end: 14, text: '13812345678' }], opinionIds: [17] },
      },
    })
    server.reply('POST /api/staff/consultations/1/feedback', 200, {
      consultationId: 1,
      title: closed.title,
      publishedAt: '2026-12-06T02:00:00.000Z',
      report: {
        collected: 3,
        valid: 3,
        adopted: 1,
        partiallyAdopted: 1,
        notAdopted: 1,
        explained: 0,
        channels: [{ channel: 'ONLINE', collected: 3, valid: 3 }],
      },
      definitions: adoptionDefinitions,
      groups: [],
      opinions: [],
    })
    render(<StaffConsultationPage />)

    fireEvent.click(await screen.findByRole('button', { name: '公开采纳情况' }))
    fireEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: '确认公开' }))
    expect(await screen.findByText('意见 #17 · 手机号：13812345678')).toBeTruthy()
    expect(screen.getByText('以下个人信息仍未隐去，暂不能公开：')).toBeTruthy()

    fireEvent.click(screen.getByRole('button', { name: '仍然公开（需填写理由）' }))
    fireEvent.change(screen.getByRole('textbox', { name: '仍然公开的理由' }), { target: { value: '作者书面同意公开联系电话' } })
    fireEvent.click(screen.getByRole('button', { name: '确认仍然公开' }))
    expect(await screen.findByText('意见采纳情况已公开，已通知提交意见的公众。')).toBeTruthy()
    const sent = sentRequests().filter((r) => r.path === '/api/staff/consultations/1/feedback')
    expect(sent.map((r) => r.data)).toEqual([{}, { override: '作者书面同意公开联系电话' }])
  })

  it('offers no publishing to an editor, only 修改草稿', async () => {
    signedIn(staff({ role: 'EDITOR' }))
    server.reply('/api/staff/consultations/1', 200, consultationDetail())
    server.reply('/api/staff/consultations', 200, [row({ published: false })])
    render(<StaffConsultationPage />)

    expect(await screen.findByRole('button', { name: '修改草稿' })).toBeTruthy()
    expect(screen.queryByRole('button', { name: '发布征集' })).toBeNull()
  })
})
