import { render, screen, within } from '@testing-library/react'
import { adoptionDefinitions, type Feedback } from '@gm/shared'
import FeedbackPage from '../../miniapp/src/packages/consultation/pages/feedback/index'
import { errorBody, fakeServer } from './fixtures'
import { useRouter } from './taroMock'

const department = { id: 4, name: '经济发展局' }
const feedback: Feedback = {
  consultationId: 7,
  title: '关于《科技型中小企业若干政策（征求意见稿）》公开征求意见',
  publishedAt: '2026-10-27T02:00:00.000Z',
  report: {
    collected: 5,
    valid: 4,
    adopted: 1,
    partiallyAdopted: 1,
    notAdopted: 2,
    explained: 0,
    channels: [
      { channel: 'ONLINE', collected: 3, valid: 2 },
      { channel: 'PHONE', collected: 1, valid: 1 },
      { channel: 'SYMPOSIUM', collected: 1, valid: 1 },
    ],
  },
  definitions: adoptionDefinitions,
  groups: [
    {
      id: 1,
      title: '建议降低研发投入补助门槛',
      opinionCount: 2,
      answer: {
        adoption: 'NOT_ADOPTED',
        reason: '与省级政策衔接，降低门槛将重复支持',
        content: '暂不调整补助门槛。',
        department,
        repliedAt: '2026-10-22T16:00:00.000Z',
      },
    },
  ],
  opinions: [
    {
      id: 21,
      text: '<img src=x onerror="alert(1)"><b>门槛太高</b>，联系电话 139****5678',
      authorName: null,
      section: { id: 3, heading: '第一条 研发投入补助' },
      draftVersion: 1,
      channel: 'ONLINE',
      receivedAt: '2026-09-22T16:00:00.000Z',
      groupTitle: '建议降低研发投入补助门槛',
      answer: {
        adoption: 'NOT_ADOPTED',
        reason: '与省级政策衔接，降低门槛将重复支持',
        content: '暂不调整补助门槛。',
        department,
        repliedAt: '2026-10-22T16:00:00.000Z',
      },
    },
    {
      id: 22,
      text: null,
      authorName: null,
      section: null,
      draftVersion: 1,
      channel: 'ONLINE',
      receivedAt: '2026-09-23T16:00:00.000Z',
      groupTitle: null,
      answer: { adoption: 'ADOPTED', reason: null, content: '已采纳，全程网上办理。', department, repliedAt: '2026-10-22T16:00:00.000Z' },
    },
    {
      id: 23,
      text: '人才安居补贴建议覆盖硕士研究生。',
      authorName: '王先生',
      section: { id: 4, heading: '第二条 人才安居' },
      draftVersion: 2,
      channel: 'PHONE',
      receivedAt: '2026-09-24T16:00:00.000Z',
      groupTitle: null,
      answer: { adoption: 'PARTIALLY_ADOPTED', reason: '补贴标准为每月 1,000 元', content: '部分采纳。', department, repliedAt: '2026-10-22T16:00:00.000Z' },
    },
  ],
}

const cards = () => [...document.querySelectorAll<HTMLElement>('.gm-published-opinion')]

describe('意见采纳情况 page', () => {
  let server: ReturnType<typeof fakeServer>
  beforeEach(() => {
    server = fakeServer()
    useRouter.mockReturnValue({ params: { id: '7' } })
  })
  afterEach(() => useRouter.mockReset().mockImplementation(() => ({ params: {} })))

  it('shows the figures and what each adoption state means', async () => {
    server.reply('/api/consultations/7/feedback', 200, feedback)
    render(<FeedbackPage />)
    await screen.findByText('采纳情况统计')

    const figure = (key: string) => document.querySelector(`.gm-feedback-report__figure--${key} .gm-feedback-report__value`)?.textContent
    expect([figure('collected'), figure('valid'), figure('adopted'), figure('partiallyAdopted'), figure('notAdopted'), figure('explained')]).toEqual([
      '5',
      '4',
      '1',
      '1',
      '2',
      '0',
    ])
    expect(screen.getByText(`不予采纳：${adoptionDefinitions.NOT_ADOPTED}`)).toBeTruthy()
    expect(screen.getByText(`其他说明：${adoptionDefinitions.EXPLAINED}`)).toBeTruthy()
  })

  it('counts opinions per channel, offline ones included, and names the channel of an opinion received offline', async () => {
    server.reply('/api/consultations/7/feedback', 200, feedback)
    render(<FeedbackPage />)
    await screen.findByText('收集渠道')
    const channel = (name: string) => document.querySelector(`.gm-feedback-report__channel--${name}`)?.textContent
    expect([channel('online'), channel('phone'), channel('symposium')]).toEqual([
      '线上收到 3 条，有效 2 条',
      '电话收到 1 条，有效 1 条',
      '座谈会收到 1 条，有效 1 条',
    ])
    const [online, , phone] = cards() as [HTMLElement, HTMLElement, HTMLElement]
    expect(online.querySelector('.gm-published-opinion__channel')).toBeNull()
    expect(within(phone).getByText('收集渠道：电话')).toBeTruthy()
  })

  it('says which draft version (第 N 稿) each opinion was made on', async () => {
    server.reply('/api/consultations/7/feedback', 200, feedback)
    render(<FeedbackPage />)
    await screen.findByText('针对第 1 稿：第一条 研发投入补助')
    expect(screen.getByText('针对第 1 稿：草案整体')).toBeTruthy()
    expect(screen.getByText('针对第 2 稿：第二条 人才安居')).toBeTruthy()
  })

  it('shows the reason of a concentrated opinion that was not adopted', async () => {
    server.reply('/api/consultations/7/feedback', 200, feedback)
    render(<FeedbackPage />)
    const group = (await screen.findByText('建议降低研发投入补助门槛', { selector: '.gm-feedback-page__group-title' })).closest(
      '.gm-feedback-page__group',
    ) as HTMLElement

    expect(within(group).getByText('不予采纳')).toBeTruthy()
    expect(within(group).getByText('理由')).toBeTruthy()
    expect(within(group).getByText('与省级政策衔接，降低门槛将重复支持')).toBeTruthy()
    expect(within(group).getByText('共 2 条意见')).toBeTruthy()
  })

  it('renders published text as plain text: markup in an opinion stays inert', async () => {
    server.reply('/api/consultations/7/feedback', 200, feedback)
    render(<FeedbackPage />)
    await screen.findByText('逐条答复（3 条）')

    const first = cards()[0]!
    expect(first.querySelector('img')).toBeNull()
    expect(first.querySelector('b')).toBeNull()
    expect(first.querySelector('.gm-published-opinion__text')?.textContent).toBe('<img src=x onerror="alert(1)"><b>门槛太高</b>，联系电话 139****5678')
  })

  it('shows each opinion with 受理日期, 答复日期, 答复部门, 答复内容 and 采纳情况; 「意见人选择不公开」 for a private one; a name only when given', async () => {
    server.reply('/api/consultations/7/feedback', 200, feedback)
    render(<FeedbackPage />)
    await screen.findByText('逐条答复（3 条）')
    const [masked, hidden, named] = cards() as [HTMLElement, HTMLElement, HTMLElement]

    const row = (card: HTMLElement, name: string) => card.querySelector(`.gm-answer__row--${name} .gm-answer__value`)?.textContent
    expect(row(masked, 'received')).toBe('2026年9月23日')
    expect(row(masked, 'replied')).toBe('2026年10月23日')
    expect(row(masked, 'department')).toBe('经济发展局')
    expect(row(masked, 'content')).toBe('暂不调整补助门槛。')
    expect(row(masked, 'reason')).toBe('与省级政策衔接，降低门槛将重复支持')
    expect(masked.querySelector('.gm-published-opinion__author')).toBeNull()

    expect(within(hidden).getByText('意见人选择不公开')).toBeTruthy()
    expect(within(hidden).getByText('采纳')).toBeTruthy()
    expect(hidden.querySelector('.gm-answer__row--reason')).toBeNull()

    expect(within(named).getByText('意见人：王先生')).toBeTruthy()
    expect(within(named).getByText('部分采纳')).toBeTruthy()
  })

  it('says when the feedback is not published yet', async () => {
    server.reply('/api/consultations/7/feedback', 404, errorBody('FEEDBACK_NOT_PUBLISHED', '意见采纳情况尚未公开'))
    render(<FeedbackPage />)
    expect(await screen.findByText('意见采纳情况尚未公开')).toBeTruthy()
  })
})
