import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { applyMasks, type EventDetail, findPersonalInfo, type StaffEventOpinion } from '@gm/shared'
import EventDetailPage from '../../miniapp/src/packages/event/pages/detail/index'
import StaffEventPage from '../../miniapp/src/packages/staff/pages/event/index'
import StaffEventOpinionsPage from '../../miniapp/src/packages/staff/pages/event-opinions/index'
import { fakeServer, sentRequests, signedIn, staff } from './fixtures'
import Taro, { useRouter } from './taroMock'
import { shanghaiToday } from '../../miniapp/src/utils/datetime'

const department = { id: 3, name: '市交通运输局' }

function event(overrides: Partial<EventDetail> = {}): EventDetail {
  return {
    id: 7,
    kind: 'HEARING',
    title: '公交线网优化方案听证会',
    place: '市民中心三楼会议室',
    department,
    startsAt: '2026-11-10T01:00:00.000Z',
    endsAt: '2026-11-10T04:00:00.000Z',
    signupOpensAt: '2026-10-20T00:00:00.000Z',
    signupClosesAt: '2026-11-01T00:00:00.000Z',
    signupStatus: 'closed',
    capacity: 30,
    seatsLeft: 0,
    selectionMode: 'REVIEW',
    description: '听取公众对公交线网优化方案的意见。',
    eligibility: '',
    reservedSeats: 5,
    waitlistCapacity: 0,
    liveStreamUrl: null,
    decisionId: null,
    cancelled: null,
    drawn: false,
    drawCommitment: null,
    drawQuotas: [],
    outcome: null,
    ...overrides,
  }
}

const registration = (id: number, name: string, publicCode: string, status: 'CHECKED_IN' | 'SELECTED' | 'NOT_SELECTED') => ({
  id,
  name,
  phone: '13700001111',
  category: 'STAKEHOLDER' as const,
  region: null,
  sector: null,
  ageBand: null,
  gender: null,
  accessibilityNeeds: null,
  status,
  publicCode,
  reviewReason: null,
  keepInPool: false,
  checkedInAt: status === 'CHECKED_IN' ? '2026-11-10T00:50:00.000Z' : null,
  createdAt: '2026-10-21T02:00:00.000Z',
})

const registrations = [
  registration(5, '张寅', 'K7Q2', 'CHECKED_IN'),
  registration(6, '李娟', 'M3P8', 'SELECTED'),
  registration(8, '赵明', 'Z9X1', 'NOT_SELECTED'),
]

const rawWithPhone = '建议 18 路夜间加密班次。我的电话 13812345678，可以联系我。'
const detectedMasks = (text: string) => findPersonalInfo(text).map(({ start, end, kind }) => ({ start, end, kind }))

function opinion(overrides: Partial<StaffEventOpinion> = {}): StaffEventOpinion {
  return {
    id: 61,
    registrationId: 5,
    rawText: rawWithPhone,
    publishedText: applyMasks(rawWithPhone, findPersonalInfo(rawWithPhone)),
    masks: detectedMasks(rawWithPhone),
    answer: null,
    receivedAt: '2026-11-10T05:00:00.000Z',
    createdAt: '2026-11-10T05:00:00.000Z',
    ...overrides,
  }
}

const answered = opinion({
  id: 62,
  registrationId: null,
  rawText: '希望保留 6 路支线。',
  publishedText: '希望保留 6 路支线。',
  masks: [],
  answer: {
    adoption: 'NOT_ADOPTED',
    reason: '6 路支线日均客流不足 50 人次',
    content: '将以需求响应公交替代。',
    department,
    repliedAt: '2026-11-11T16:00:00.000Z',
  },
})

/** The recorded opinion's card whose 提出人 is `who` (the same name is also a choice in the record form). */
function card(who: string): HTMLElement {
  const cards = [...document.querySelectorAll<HTMLElement>('.gm-event-opinion')].filter((c) => c.querySelector('.gm-event-opinion__who')?.textContent === who)
  expect(cards).toHaveLength(1)
  return cards[0]!
}
const recordForm = () => document.querySelector('.gm-event-opinion-form') as HTMLElement
const posted = () => sentRequests().filter((r) => r.method === 'POST' && r.path === '/api/staff/events/7/opinions')
const answerPut = (id: number) => sentRequests().filter((r) => r.method === 'PUT' && r.path === `/api/staff/event-opinions/${id}/answer`)

describe('参加人员意见 (staff)', () => {
  let server: ReturnType<typeof fakeServer>
  beforeEach(() => {
    signedIn(staff({ role: 'REVIEWER', department }))
    server = fakeServer()
    server.reply('/api/departments', 200, [department, { id: 5, name: '财政局' }])
    server.reply('/api/staff/events/7/registrations', 200, registrations)
    useRouter.mockReturnValue({ params: { id: '7' } })
  })
  afterEach(() => useRouter.mockReset().mockImplementation(() => ({ params: {} })))

  const open = async (opinions: StaffEventOpinion[], detail = event()) => {
    server.reply('/api/staff/events/7', 200, { event: detail, published: true })
    server.reply('GET /api/staff/events/7/opinions', 200, opinions)
    render(<StaffEventOpinionsPage />)
    await screen.findByText('公交线网优化方案听证会')
    await screen.findByText(opinions.length ? /^共 \d+ 条/ : '还没有记录意见')
  }

  it('lists the recorded opinions with who raised them, the published (masked) text and whether each is answered', async () => {
    await open([opinion(), answered])

    expect(screen.getByText('共 2 条，待答复 1 条')).toBeTruthy()
    const pending = card('张寅（编号 K7Q2）')
    expect(within(pending).getByText('待答复')).toBeTruthy()
    expect(within(pending).getByText(rawWithPhone)).toBeTruthy()
    expect(within(pending).getByText('公开文本（已隐去个人信息）')).toBeTruthy()
    expect(within(pending).getByText(/138\*\*\*\*5678/)).toBeTruthy()
    expect(within(pending).getByRole('button', { name: '保存答复' })).toBeTruthy()

    const done = card('未关联报名人员')
    expect(within(done).getByText('已答复')).toBeTruthy()
    expect(within(done).getByText('公开文本（与原文相同）')).toBeTruthy()
    expect(within(done).getByText('不予采纳')).toBeTruthy()
    expect(within(done).getByText('6 路支线日均客流不足 50 人次')).toBeTruthy()
    expect(within(done).getByRole('button', { name: '修改答复' })).toBeTruthy()
    expect(within(done).queryByRole('button', { name: '保存答复' })).toBeNull()
  })

  it('offers only selected or checked-in attendees as 提出人', async () => {
    await open([])
    const form = recordForm()
    expect(within(form).getByRole('radio', { name: '张寅（编号 K7Q2）' })).toBeTruthy()
    expect(within(form).getByRole('radio', { name: '李娟（编号 M3P8）' })).toBeTruthy()
    expect(within(form).queryByRole('radio', { name: /赵明/ })).toBeNull()
    expect(within(form).getByRole('radio', { name: '不关联报名人员' }).getAttribute('aria-checked')).toBe('true')
  })

  it('records an opinion for the chosen attendee with the trimmed text and the confirmed masks, then lists it', async () => {
    await open([answered])
    const typed = `  ${rawWithPhone}  `
    const masks = findPersonalInfo(rawWithPhone)
    expect(masks.map((m) => m.kind)).toEqual(['PHONE'])
    server.reply('POST /api/staff/events/7/opinions', 201, opinion({ id: 63 }))

    const form = recordForm()
    fireEvent.click(within(form).getByRole('radio', { name: '张寅（编号 K7Q2）' }))
    fireEvent.change(within(form).getByLabelText('意见内容'), { target: { value: typed } })
    expect(
      within(form)
        .getByRole('checkbox', { name: /隐去手机号：13812345678/ })
        .getAttribute('aria-checked'),
    ).toBe('true')
    expect(form.querySelector('.gm-mask-review__preview')?.textContent).toBe(applyMasks(rawWithPhone, masks))
    fireEvent.click(within(form).getByRole('button', { name: '记录意见' }))

    await waitFor(() => expect(posted()).toHaveLength(1))
    // 收到日期 defaults to today (Asia/Shanghai)
    expect(posted()[0]?.data).toEqual({
      registrationId: 5,
      text: rawWithPhone,
      masks: [{ start: masks[0]!.start, end: masks[0]!.end, kind: 'PHONE' }],
      receivedOn: shanghaiToday(),
    })
    expect(await screen.findByText('已记录。请在上方「已记录的意见」中答复。')).toBeTruthy()
    expect(screen.getByText('共 2 条，待答复 1 条')).toBeTruthy()
    expect(within(card('张寅（编号 K7Q2）')).getByText('待答复')).toBeTruthy()
    expect((within(recordForm()).getByLabelText('意见内容') as HTMLTextAreaElement).value).toBe('')
  })

  it('sends no mask for personal information staff chose to keep, and no registration when unlinked', async () => {
    await open([])
    server.reply('POST /api/staff/events/7/opinions', 201, opinion({ id: 64, registrationId: null, publishedText: rawWithPhone }))

    const form = recordForm()
    fireEvent.change(within(form).getByLabelText('意见内容'), { target: { value: rawWithPhone } })
    fireEvent.click(within(form).getByRole('checkbox', { name: /隐去手机号/ }))
    expect(form.querySelector('.gm-mask-review__preview')?.textContent).toBe(rawWithPhone)
    fireEvent.change(within(form).getByLabelText('收到日期'), { target: { value: '2026-11-10' } })
    fireEvent.click(within(form).getByRole('button', { name: '记录意见' }))

    await waitFor(() => expect(posted()).toHaveLength(1))
    expect(posted()[0]?.data).toEqual({ registrationId: null, text: rawWithPhone, masks: [], receivedOn: '2026-11-10' })
  })

  it('dismisses a suggestion with a reason, masks by hand, and records anyway with a reason when the server still finds personal information', async () => {
    await open([])
    const [phone] = findPersonalInfo(rawWithPhone)
    server.reply('POST /api/staff/events/7/opinions', 422, {
      error: {
        code: 'PERSONAL_INFO_UNMASKED',
        message: '内容中仍有未隐去的个人信息（手机号）',
        details: { spans: [{ field: 'text', kind: 'PHONE', label: '手机号', start: phone!.start, end: phone!.end, text: phone!.text }] },
      },
    })
    server.reply('POST /api/staff/events/7/opinions', 201, opinion({ id: 65, registrationId: null, publishedText: rawWithPhone }))

    const form = recordForm()
    fireEvent.change(within(form).getByLabelText('意见内容'), { target: { value: rawWithPhone } })
    fireEvent.change(within(form).getByRole('textbox', { name: '手动隐去' }), { target: { value: '18 路' } })
    fireEvent.click(within(form).getByRole('button', { name: '隐去这段文字' }))
    expect(form.querySelector('.gm-mask-review__preview')?.textContent).toContain('建议 【已隐去】夜间加密班次')
    fireEvent.click(within(form).getByRole('checkbox', { name: /隐去手机号/ }))
    fireEvent.click(within(form).getByRole('button', { name: '记录意见' }))

    expect(await within(form).findByText('手机号：13812345678')).toBeTruthy()
    const manual = { start: rawWithPhone.indexOf('18 路'), end: rawWithPhone.indexOf('18 路') + 4 }
    expect(posted()[0]?.data).toMatchObject({ masks: [manual] })
    fireEvent.click(within(form).getByRole('button', { name: '仍然公开（需填写理由）' }))
    fireEvent.change(within(form).getByRole('textbox', { name: '仍然公开的理由' }), { target: { value: '发言人当场要求公开联系电话' } })
    fireEvent.click(within(form).getByRole('button', { name: '确认仍然公开' }))

    await waitFor(() => expect(posted()).toHaveLength(2))
    expect(posted()[1]?.data).toMatchObject({ masks: [manual], override: '发言人当场要求公开联系电话' })
    expect(await screen.findByText('已记录。请在上方「已记录的意见」中答复。')).toBeTruthy()
  })

  it('sends a suggestion left unmasked with a reason as a dismissal', async () => {
    await open([])
    const [phone] = findPersonalInfo(rawWithPhone)
    server.reply('POST /api/staff/events/7/opinions', 201, opinion({ id: 66, registrationId: null, publishedText: rawWithPhone }))
    const form = recordForm()
    fireEvent.change(within(form).getByLabelText('意见内容'), { target: { value: rawWithPhone } })
    fireEvent.click(within(form).getByRole('checkbox', { name: /隐去手机号/ }))
    fireEvent.change(within(form).getByRole('textbox', { name: '不隐去的理由' }), { target: { value: '公交公司公开的服务热线' } })
    fireEvent.click(within(form).getByRole('button', { name: '记录意见' }))
    await waitFor(() => expect(posted()).toHaveLength(1))
    expect(posted()[0]?.data).toMatchObject({ masks: [], dismissals: [{ start: phone!.start, end: phone!.end, reason: '公交公司公开的服务热线' }] })
  })

  it('asks for the text before recording and sends nothing', async () => {
    await open([])
    fireEvent.click(within(recordForm()).getByRole('button', { name: '记录意见' }))
    expect(document.querySelector('.gm-textarea--text .gm-textarea__error')?.textContent).toBe('请填写意见内容')
    expect(posted()).toHaveLength(0)
  })

  it('requires a reason for 不予采纳 and says so at 理由, sending nothing', async () => {
    await open([opinion()])
    const pending = card('张寅（编号 K7Q2）')

    fireEvent.click(within(pending).getByRole('radio', { name: '不予采纳' }))
    fireEvent.change(within(pending).getByLabelText('答复内容'), { target: { value: '夜间客流不足，暂不加密。' } })
    fireEvent.click(within(pending).getByRole('button', { name: '保存答复' }))

    expect(pending.querySelector('.gm-textarea--reason .gm-textarea__error')?.textContent).toBe('部分采纳或不予采纳须说明理由')
    expect(within(pending).getByLabelText('理由（必填）')).toBeTruthy()
    expect(answerPut(61)).toHaveLength(0)
  })

  it('sends a valid answer to the event-opinion endpoint and shows it as answered', async () => {
    await open([opinion()])
    server.reply('PUT /api/staff/event-opinions/61/answer', 200, {
      ...opinion(),
      answer: {
        adoption: 'PARTIALLY_ADOPTED',
        reason: '仅周五、周六加密',
        content: '18 路周五、周六夜间班次加密至 20 分钟一班。',
        department,
        repliedAt: '2026-11-11T16:00:00.000Z',
      },
    })
    const pending = card('张寅（编号 K7Q2）')

    fireEvent.click(within(pending).getByRole('radio', { name: '部分采纳' }))
    fireEvent.change(within(pending).getByLabelText('理由（必填）'), { target: { value: '仅周五、周六加密' } })
    fireEvent.change(within(pending).getByLabelText('答复内容'), { target: { value: '18 路周五、周六夜间班次加密至 20 分钟一班。' } })
    fireEvent.change(within(pending).getByLabelText('答复日期'), { target: { value: '2026-11-12' } })
    fireEvent.click(within(pending).getByRole('button', { name: '保存答复' }))

    await waitFor(() => expect(answerPut(61)).toHaveLength(1))
    expect(answerPut(61)[0]?.data).toEqual({
      adoption: 'PARTIALLY_ADOPTED',
      reason: '仅周五、周六加密',
      content: '18 路周五、周六夜间班次加密至 20 分钟一班。',
      departmentId: 3,
      repliedOn: '2026-11-12',
    })
    const after = card('张寅（编号 K7Q2）')
    expect(await within(after).findByText('已答复')).toBeTruthy()
    expect(within(after).getByText('部分采纳')).toBeTruthy()
    expect(within(after).queryByRole('button', { name: '保存答复' })).toBeNull()
    expect(screen.getByText('全部意见已答复，可以回到活动页面公开会议结果。')).toBeTruthy()
  })

  it('is read-only once the outcome is public', async () => {
    await open(
      [answered],
      event({ outcome: { summary: '会议听取了 12 位代表的意见。', attendeeCount: 12, publishedAt: '2026-11-12T02:00:00.000Z', opinions: [] } }),
    )

    expect(screen.getByText(/会议结果已于 .* 公开/)).toBeTruthy()
    expect(document.querySelector('.gm-event-opinion-form')).toBeNull()
    expect(screen.queryByRole('button', { name: '修改答复' })).toBeNull()
    expect(screen.queryByRole('button', { name: '修改记录' })).toBeNull()
    expect(screen.queryByRole('button', { name: '删除记录' })).toBeNull()
    expect(screen.getByText('答复（已随会议结果公开）')).toBeTruthy()
  })

  it('corrects a recorded opinion in the record form filled with it (updateEventOpinion), then shows it as saved', async () => {
    await open([opinion(), answered])
    fireEvent.click(within(card('张寅（编号 K7Q2）')).getByRole('button', { name: '修改记录' }))
    const forms = document.querySelectorAll<HTMLElement>('.gm-event-opinion-form')
    expect(forms).toHaveLength(2) // the correction in place of the card, and 记录意见 below
    const form = forms[0]!
    expect((within(form).getByLabelText('意见内容') as HTMLTextAreaElement).value).toBe(rawWithPhone)
    expect((within(form).getByLabelText('收到日期') as HTMLInputElement).value).toBe('2026-11-10')
    expect(within(form).getByRole('radio', { name: '张寅（编号 K7Q2）' }).getAttribute('aria-checked')).toBe('true')

    const corrected = '建议 18 路夜间加密班次至每 15 分钟一班。我的电话 13812345678。'
    const masks = findPersonalInfo(corrected)
    server.reply('PUT /api/staff/event-opinions/61', 200, opinion({ rawText: corrected, publishedText: applyMasks(corrected, masks) }))
    fireEvent.change(within(form).getByLabelText('意见内容'), { target: { value: corrected } })
    fireEvent.click(within(form).getByRole('button', { name: '保存修改' }))
    const put = () => sentRequests().filter((r) => r.method === 'PUT' && r.path === '/api/staff/event-opinions/61')
    await waitFor(() => expect(put()).toHaveLength(1))
    expect(put()[0]?.data).toEqual({
      registrationId: 5,
      text: corrected,
      masks: [{ start: masks[0]!.start, end: masks[0]!.end, kind: 'PHONE' }],
      receivedOn: '2026-11-10',
    })
    expect(posted()).toHaveLength(0)
    await waitFor(() => expect(document.querySelectorAll('.gm-event-opinion')).toHaveLength(2))
    expect(within(card('张寅（编号 K7Q2）')).getByText(corrected)).toBeTruthy()
    expect(document.querySelectorAll('.gm-event-opinion-form')).toHaveLength(1)
  })

  describe('修改记录 of an opinion with a mask added by hand', () => {
    const byHand = { start: rawWithPhone.indexOf('18 路'), end: rawWithPhone.indexOf('18 路') + 4 }
    const masks = [byHand, ...detectedMasks(rawWithPhone)]
    const withHandMask = opinion({ masks, publishedText: applyMasks(rawWithPhone, masks) })
    const put = () => sentRequests().filter((r) => r.method === 'PUT' && r.path === '/api/staff/event-opinions/61')

    const correct = async () => {
      await open([withHandMask, answered])
      server.reply('PUT /api/staff/event-opinions/61', 200, withHandMask)
      fireEvent.click(within(card('张寅（编号 K7Q2）')).getByRole('button', { name: '修改记录' }))
      return document.querySelectorAll<HTMLElement>('.gm-event-opinion-form')[0]!
    }

    it('starts from the recorded masks, the one by hand included, and saving sends them', async () => {
      const form = await correct()
      expect(within(form).getByText('已手动隐去：18 路')).toBeTruthy()
      expect(
        within(form)
          .getByRole('checkbox', { name: /隐去手机号：13812345678/ })
          .getAttribute('aria-checked'),
      ).toBe('true')
      expect(form.querySelector('.gm-mask-review__preview')?.textContent).toBe(withHandMask.publishedText)

      fireEvent.click(within(form).getByRole('button', { name: '保存修改' }))
      await waitFor(() => expect(put()).toHaveLength(1))
      expect(put()[0]?.data).toEqual({ registrationId: 5, text: rawWithPhone, masks, receivedOn: '2026-11-10' })
    })

    it('keeps the mask by hand on its words when the text is corrected', async () => {
      const form = await correct()
      const corrected = `补充：${rawWithPhone}`
      fireEvent.change(within(form).getByLabelText('意见内容'), { target: { value: corrected } })
      expect(within(form).getByText('已手动隐去：18 路')).toBeTruthy()
      expect(form.querySelector('.gm-mask-review__preview')?.textContent).toContain('建议 【已隐去】夜间加密班次')

      fireEvent.click(within(form).getByRole('button', { name: '保存修改' }))
      await waitFor(() => expect(put()).toHaveLength(1))
      const at = corrected.indexOf('18 路')
      expect(put()[0]?.data).toMatchObject({ text: corrected, masks: [{ start: at, end: at + 4 }, ...detectedMasks(corrected)] })
    })
  })

  it('deletes a recorded opinion after a confirmation (deleteEventOpinion) and leaves it out of the list', async () => {
    await open([opinion(), answered])
    fireEvent.click(within(card('未关联报名人员')).getByRole('button', { name: '删除记录' }))
    const dialog = screen.getByRole('dialog', { name: '删除这条意见记录？' })
    server.reply('DELETE /api/staff/event-opinions/62', 204, null)
    fireEvent.click(within(dialog).getByRole('button', { name: '删除' }))
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
    expect(sentRequests().filter((r) => r.method === 'DELETE' && r.path === '/api/staff/event-opinions/62')).toHaveLength(1)
    expect(screen.getByText('共 1 条，待答复 1 条')).toBeTruthy()
    expect(document.querySelectorAll('.gm-event-opinion')).toHaveLength(1)
  })

  it('tells other roles that only reviewers and administrators record and answer, without asking the server', async () => {
    signedIn(staff({ role: 'EDITOR', department }))
    render(<StaffEventOpinionsPage />)
    await act(() => new Promise((resolve) => setTimeout(resolve, 0)))
    expect(screen.getByText('只有「审核」角色和管理员可以记录和答复参加人员的意见。')).toBeTruthy()
    expect(sentRequests().some((r) => r.path.includes('/opinions'))).toBe(false)
  })
})

describe('活动管理 → 参加人员意见', () => {
  beforeEach(() => {
    signedIn(staff({ role: 'REVIEWER', department }))
    useRouter.mockReturnValue({ params: { id: '7' } })
  })
  afterEach(() => useRouter.mockReset().mockImplementation(() => ({ params: {} })))

  it('links to the opinions page once the event has started', async () => {
    const server = fakeServer()
    server.reply('/api/staff/events/7', 200, { event: event(), published: true })
    server.reply('/api/staff/events/7/registrations', 200, registrations)
    render(<StaffEventPage />)

    fireEvent.click(await screen.findByRole('link', { name: '参加人员意见及答复' }))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/staff/pages/event-opinions/index?id=7' })
  })

  it('has no such link before the event starts', async () => {
    const server = fakeServer()
    const later = new Date(Date.now() + 10 * 86_400_000).toISOString()
    const end = new Date(Date.now() + 10 * 86_400_000 + 3_600_000).toISOString()
    server.reply('/api/staff/events/7', 200, { event: event({ startsAt: later, endsAt: end }), published: true })
    server.reply('/api/staff/events/7/registrations', 200, registrations)
    render(<StaffEventPage />)

    await screen.findByText('公交线网优化方案听证会')
    expect(screen.getByText('活动开始后可以公开会议结果和实际参加人数。')).toBeTruthy()
    expect(screen.queryByRole('link', { name: '参加人员意见及答复' })).toBeNull()
  })
})

describe('活动详情 (public) after the outcome', () => {
  beforeEach(() => useRouter.mockReturnValue({ params: { id: '7' } }))
  afterEach(() => useRouter.mockReset().mockImplementation(() => ({ params: {} })))

  it('shows the attendees’ opinions in their published (masked) form with the answers', async () => {
    const server = fakeServer()
    const published = applyMasks(rawWithPhone, findPersonalInfo(rawWithPhone))
    server.reply('/api/events/7', 200, {
      ...event(),
      outcome: {
        summary: '会议听取了 12 位代表的意见。',
        attendeeCount: 12,
        publishedAt: '2026-11-12T02:00:00.000Z',
        opinions: [
          {
            id: 61,
            text: published,
            answer: {
              adoption: 'PARTIALLY_ADOPTED',
              reason: '仅周五、周六加密',
              content: '18 路周五、周六夜间加密。',
              department,
              repliedAt: '2026-11-11T16:00:00.000Z',
            },
          },
        ],
      },
    })
    render(<EventDetailPage />)

    const section = (await screen.findByText('参加人员的意见及答复（1 条）')).closest('.gm-section') as HTMLElement
    expect(within(section).getByText(published)).toBeTruthy()
    expect(within(section).queryByText(/13812345678/)).toBeNull()
    expect(within(section).getByText('部分采纳')).toBeTruthy()
    expect(within(section).getByText('仅周五、周六加密')).toBeTruthy()
  })
})

describe('活动管理 → 会议结果: the summary is published at once', () => {
  beforeEach(() => {
    signedIn(staff({ role: 'REVIEWER', department }))
    useRouter.mockReturnValue({ params: { id: '7' } })
  })
  afterEach(() => useRouter.mockReset().mockImplementation(() => ({ params: {} })))

  const summary = '听证会由张寅先生主持，与会代表一致同意优化 18 路夜间班次。'
  const outcomePut = () => sentRequests().filter((r) => r.method === 'PUT' && r.path === '/api/staff/events/7/outcome')

  async function refuse() {
    const server = fakeServer()
    server.reply('/api/staff/events/7', 200, { event: event(), published: true })
    server.reply('/api/staff/events/7/registrations', 200, registrations)
    server.reply('PUT /api/staff/events/7/outcome', 422, {
      error: {
        code: 'PERSONAL_INFO_UNMASKED',
        message: '内容中仍有未隐去的个人信息（姓名），请隐去、忽略并说明理由，或填写仍然公开的理由',
        details: { spans: [{ field: 'summary', kind: 'NAME', label: '姓名', start: 5, end: 9, text: '张寅先生' }] },
      },
    })
    server.reply('PUT /api/staff/events/7/outcome', 200, event())
    render(<StaffEventPage />)
    fireEvent.change(await screen.findByLabelText('会议纪要摘要'), { target: { value: summary } })
    fireEvent.click(screen.getByRole('button', { name: '公开会议结果' }))
    expect(await screen.findByText('姓名：张寅先生')).toBeTruthy()
  }

  it('隐去 masks the name in the summary, and the next try sends no override', async () => {
    await refuse()
    fireEvent.click(screen.getByRole('button', { name: '隐去' }))
    expect((screen.getByLabelText('会议纪要摘要') as HTMLTextAreaElement).value).toBe('听证会由【已隐去】主持，与会代表一致同意优化 18 路夜间班次。')
    expect(screen.getByText('已隐去，请再次公开会议结果。')).toBeTruthy()
    fireEvent.click(screen.getByRole('button', { name: '公开会议结果' }))
    await waitFor(() => expect(outcomePut()).toHaveLength(2))
    expect(outcomePut()[1]?.data).toEqual({ summary: '听证会由【已隐去】主持，与会代表一致同意优化 18 路夜间班次。' })
  })

  it('仍然公开 publishes the summary as typed with the reason', async () => {
    await refuse()
    fireEvent.click(screen.getByRole('button', { name: '仍然公开（需填写理由）' }))
    fireEvent.change(screen.getByRole('textbox', { name: '仍然公开的理由' }), { target: { value: '主持人为公开履职的人大代表' } })
    fireEvent.click(screen.getByRole('button', { name: '确认仍然公开' }))
    await waitFor(() => expect(outcomePut()).toHaveLength(2))
    expect(outcomePut()[1]?.data).toEqual({ summary, override: '主持人为公开履职的人大代表' })
  })
})
