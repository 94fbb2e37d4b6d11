// 录入线下意见 (staff): channel picker, date picker, clause, consented contact; field errors from the form and the BFF shown next to the field.
import { fireEvent, render, screen, within } from '@testing-library/react'
import { DAY_MS, formatShanghaiDate, type StaffOpinion } from '@gm/shared'
import StaffOfflineOpinionPage from '../../miniapp/src/packages/staff/pages/offline-opinion/index'
import { consultationDetail, fakeServer, sentRequests, signedIn, staff } from './fixtures'
import { useRouter } from './taroMock'

const now = Date.now()
const opensAt = new Date(now - 10 * DAY_MS).toISOString()
const detail = consultationDetail({ opensAt, closesAt: new Date(now + 20 * DAY_MS).toISOString() })
const row = {
  id: 1,
  title: detail.title,
  department: detail.department,
  opensAt,
  closesAt: detail.closesAt,
  status: 'open',
  published: true,
  draftVersion: 1,
  feedbackPublished: false,
  counts: { opinions: 0, pending: 0, unanswered: 0 },
}
const today = formatShanghaiDate(new Date())

const created = (overrides: Partial<StaffOpinion> = {}): StaffOpinion => ({
  id: 90,
  receiptCode: 'YJ20261206-PHONE1',
  section: { id: 11, heading: '第一条' },
  rawText: '建议公园晚上延长开放时间。',
  publishedText: null,
  suggestedMasks: [],
  masks: [],
  consent: 'PUBLISH_MASKED',
  authorName: null,
  contactPhone: '0571-88886666',
  secCheckSuggest: null,
  moderation: 'PENDING',
  hiddenReason: null,
  channel: 'PHONE',
  receivedAt: new Date(now).toISOString(),
  createdAt: new Date(now).toISOString(),
  replyDeadline: new Date(now + 28 * DAY_MS).toISOString(),
  deadlineEstimated: false,
  overdue: false,
  group: null,
  answer: null,
  ...overrides,
})

const option = (group: string, name: string) => within(document.querySelector(`.gm-choice--${group}`) as HTMLElement).getByRole('radio', { name })
const dateInput = () => document.querySelector('.gm-date-field--receivedOn input[type=date]') as HTMLInputElement
const fieldError = (name: string) =>
  document.querySelector(`.gm-field--${name} .gm-field__error, .gm-date-field--${name} .gm-date-field__error, .gm-choice--${name} .gm-choice__error`)
    ?.textContent
const posted = () => sentRequests().filter((r) => r.method === 'POST' && r.path === '/api/staff/consultations/1/offline-opinions')

describe('录入线下意见', () => {
  let server: ReturnType<typeof fakeServer>
  beforeEach(() => {
    signedIn(staff({ role: 'EDITOR' }))
    server = fakeServer()
    server.reply('/api/staff/consultations/1', 200, detail)
    server.reply('/api/staff/consultations', 200, [row])
    useRouter.mockReturnValue({ params: { id: '1' } })
  })
  afterEach(() => useRouter.mockReset().mockImplementation(() => ({ params: {} })))

  it('asks for the channel before sending, and offers dates from the opening day to today', async () => {
    render(<StaffOfflineOpinionPage />)
    await screen.findByText('录入线下意见', { selector: '.gm-page__title' })
    expect(dateInput().value).toBe(today)
    expect(dateInput().min).toBe(formatShanghaiDate(opensAt))
    expect(dateInput().max).toBe(today)
    fireEvent.change(screen.getByRole('textbox', { name: '意见内容' }), { target: { value: '建议公园晚上延长开放时间。' } })
    fireEvent.click(screen.getByRole('button', { name: '录入意见' }))
    expect(fieldError('channel')).toBe('请选择意见的收集渠道')
    expect(posted()).toHaveLength(0)
  })

  it('sends channel, date, clause and a contact only with the person’s consent', async () => {
    server.reply('POST /api/staff/consultations/1/offline-opinions', 201, created())
    render(<StaffOfflineOpinionPage />)
    await screen.findByText('录入线下意见', { selector: '.gm-page__title' })
    fireEvent.click(option('channel', '电话'))
    fireEvent.change(dateInput(), { target: { value: formatShanghaiDate(new Date(now - 2 * DAY_MS)) } })
    fireEvent.click(option('sectionId', '第一条'))
    fireEvent.change(screen.getByRole('textbox', { name: '意见内容' }), { target: { value: '建议公园晚上延长开放时间。' } })
    fireEvent.change(screen.getByRole('textbox', { name: '联系电话（选填，不公开）' }), { target: { value: '0571-88886666' } })
    fireEvent.click(screen.getByRole('button', { name: '录入意见' }))
    expect(fieldError('contactPhone') ?? document.querySelector('.gm-offline-opinion-form__error')?.textContent).toBe(
      '留存联系方式须经本人同意，请确认已征得同意',
    )
    expect(posted()).toHaveLength(0)

    fireEvent.click(screen.getByRole('checkbox', { name: '意见人已同意留存联系方式' }))
    fireEvent.click(screen.getByRole('button', { name: '录入意见' }))
    expect(await screen.findByText(/已录入（受理编号 YJ20261206-PHONE1，电话/)).toBeTruthy()
    expect(posted()[0]!.data).toEqual({
      channel: 'PHONE',
      receivedOn: formatShanghaiDate(new Date(now - 2 * DAY_MS)),
      sectionId: 11,
      text: '建议公园晚上延长开放时间。',
      consent: 'PUBLISH_MASKED',
      contactPhone: '0571-88886666',
      contactConsent: true,
    })
    // Ready for the next one of the same batch: channel and date kept, text cleared.
    expect((screen.getByRole('textbox', { name: '意见内容' }) as HTMLTextAreaElement).value).toBe('')
    expect(option('channel', '电话').getAttribute('aria-checked')).toBe('true')
  })

  it('shows the BFF’s refusal of the received date next to the date picker and keeps what was typed', async () => {
    server.reply('POST /api/staff/consultations/1/offline-opinions', 400, {
      error: {
        code: 'VALIDATION_FAILED',
        message: '提交的内容有误，请检查后重试',
        details: { fields: { receivedOn: '收到日期不能早于征集开始日期（2026-11-26）' } },
      },
    })
    render(<StaffOfflineOpinionPage />)
    await screen.findByText('录入线下意见', { selector: '.gm-page__title' })
    fireEvent.click(option('channel', '座谈会'))
    fireEvent.change(screen.getByRole('textbox', { name: '意见内容' }), { target: { value: '座谈会上居民建议增设儿童游乐区。' } })
    fireEvent.click(screen.getByRole('button', { name: '录入意见' }))
    expect(await screen.findByText('收到日期不能早于征集开始日期（2026-11-26）')).toBeTruthy()
    expect(fieldError('receivedOn')).toBe('收到日期不能早于征集开始日期（2026-11-26）')
    expect((screen.getByRole('textbox', { name: '意见内容' }) as HTMLTextAreaElement).value).toBe('座谈会上居民建议增设儿童游乐区。')
  })
})
