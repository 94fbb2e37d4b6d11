import { fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { applyMasks, findPersonalInfo, type StaffOpinion } from '@gm/shared'
import StaffOpinionsPage from '../../miniapp/src/packages/staff/pages/opinions/index'
import { consultationDetail, fakeServer, page, sentRequests, signedIn, staff } from './fixtures'
import { useRouter } from './taroMock'

const raw = '施工期间请保证夜间不施工。我的电话 13812345678，家住幸福小区3栋2单元501室。'
const department = { id: 3, name: '建设局' }

function opinion(overrides: Partial<StaffOpinion> = {}): StaffOpinion {
  return {
    id: 41,
    receiptCode: 'YJ20261121-MASK01',
    section: null,
    rawText: raw,
    publishedText: null,
    suggestedMasks: findPersonalInfo(raw),
    masks: [],
    consent: 'PUBLISH_MASKED',
    authorName: null,
    contactPhone: null,
    secCheckSuggest: null,
    moderation: 'PENDING',
    hiddenReason: null,
    channel: 'ONLINE',
    receivedAt: '2026-11-20T02:00:00.000Z',
    createdAt: '2026-11-20T02:00:00.000Z',
    replyDeadline: '2026-12-18T16:00:00.000Z',
    deadlineEstimated: false,
    overdue: false,
    group: null,
    answer: null,
    ...overrides,
  }
}

const LIST = '/api/staff/consultations/1/opinions'
const preview = () => document.querySelector('.gm-mask-review__preview')?.textContent
const checkbox = (name: RegExp) => screen.getByRole('checkbox', { name })

describe('审核与答复', () => {
  let server: ReturnType<typeof fakeServer>
  beforeEach(() => {
    signedIn(staff({ role: 'REVIEWER', department }))
    server = fakeServer()
    server.reply('/api/departments', 200, [department, { id: 5, name: '财政金融局' }])
    useRouter.mockReturnValue({ params: { id: '1' } })
  })
  afterEach(() => useRouter.mockReset().mockImplementation(() => ({ params: {} })))

  describe('masks', () => {
    it('highlights the detected personal information, one checkbox each, and previews the published text with the shared rule', async () => {
      server.reply(LIST, 200, page([opinion()], 1, 1))
      render(<StaffOpinionsPage />)
      await screen.findByText('确认需要隐去的内容')

      const suggestions = findPersonalInfo(raw)
      expect(suggestions.map((s) => s.kind)).toEqual(['PHONE', 'ADDRESS'])
      expect([...document.querySelectorAll('.gm-mask-review__mark')].map((m) => m.textContent)).toEqual(suggestions.map((s) => s.text))
      expect(checkbox(/隐去手机号：13812345678/).getAttribute('aria-checked')).toBe('true')
      expect(preview()).toBe(applyMasks(raw, suggestions))
      expect(preview()).toContain('138****5678')
      expect(preview()).toContain('【已隐去：详细地址】')

      fireEvent.click(checkbox(/隐去详细地址/))
      expect(checkbox(/隐去详细地址/).getAttribute('aria-checked')).toBe('false')
      expect(preview()).toBe(applyMasks(raw, [suggestions[0]!]))
      expect(preview()).toContain('幸福小区3栋2单元501室')
    })

    it('approves with exactly the masks staff left confirmed', async () => {
      server.reply(LIST, 200, page([opinion()], 1, 1))
      const suggestions = findPersonalInfo(raw)
      server.reply('POST /api/staff/opinions/41/moderation', 200, opinion({ moderation: 'APPROVED', publishedText: applyMasks(raw, [suggestions[0]!]) }))
      render(<StaffOpinionsPage />)
      await screen.findByText('确认需要隐去的内容')

      fireEvent.click(checkbox(/隐去详细地址/))
      fireEvent.click(screen.getByRole('button', { name: '确认隐去并通过' }))

      await screen.findByText('公开文本')
      const sent = sentRequests().find((r) => r.path === '/api/staff/opinions/41/moderation')
      expect(sent?.data).toEqual({
        decision: 'APPROVE',
        masks: [{ start: suggestions[0]!.start, end: suggestions[0]!.end, kind: 'PHONE' }],
        dismissals: [],
        from: 'PENDING',
      })
    })

    it('sends a suggestion left unmasked as a dismissal with the reason staff typed', async () => {
      server.reply(LIST, 200, page([opinion()], 1, 1))
      const suggestions = findPersonalInfo(raw)
      server.reply('POST /api/staff/opinions/41/moderation', 200, opinion({ moderation: 'APPROVED', publishedText: applyMasks(raw, [suggestions[1]!]) }))
      render(<StaffOpinionsPage />)
      await screen.findByText('确认需要隐去的内容')

      expect(screen.queryByRole('textbox', { name: '不隐去的理由' })).toBeNull()
      fireEvent.click(checkbox(/隐去手机号/))
      fireEvent.change(screen.getByRole('textbox', { name: '不隐去的理由' }), { target: { value: '施工单位公开的值班电话' } })
      fireEvent.click(screen.getByRole('button', { name: '确认隐去并通过' }))

      await screen.findByText('公开文本')
      const sent = sentRequests().find((r) => r.path === '/api/staff/opinions/41/moderation')
      const [phone, address] = suggestions
      expect(sent?.data).toEqual({
        decision: 'APPROVE',
        masks: [{ start: address!.start, end: address!.end, kind: 'ADDRESS' }],
        dismissals: [{ start: phone!.start, end: phone!.end, reason: '施工单位公开的值班电话' }],
        from: 'PENDING',
      })
    })

    it('masks by hand what detection missed: the typed words become 【已隐去】 in the preview and a mask without kind', async () => {
      server.reply(LIST, 200, page([opinion()], 1, 1))
      server.reply('POST /api/staff/opinions/41/moderation', 200, opinion({ moderation: 'APPROVED', publishedText: '—' }))
      render(<StaffOpinionsPage />)
      await screen.findByText('确认需要隐去的内容')

      const field = screen.getByRole('textbox', { name: '手动隐去' })
      fireEvent.change(field, { target: { value: '没有这句话' } })
      fireEvent.click(screen.getByRole('button', { name: '隐去这段文字' }))
      expect(screen.getByText('原文中没有这段文字，请逐字复制原文')).toBeTruthy()

      fireEvent.change(field, { target: { value: '夜间不施工' } })
      fireEvent.click(screen.getByRole('button', { name: '隐去这段文字' }))
      expect(preview()).toContain('施工期间请保证【已隐去】。')
      expect(screen.getByText('已手动隐去：夜间不施工')).toBeTruthy()

      fireEvent.click(screen.getByRole('button', { name: '确认隐去并通过' }))
      await screen.findByText('公开文本')
      const sent = sentRequests().find((r) => r.path === '/api/staff/opinions/41/moderation')
      expect((sent?.data as { masks: unknown[] }).masks[0]).toEqual({ start: raw.indexOf('夜间不施工'), end: raw.indexOf('夜间不施工') + 5 })
    })

    it('shows the spans the server still finds and publishes anyway only with a reason (仍然公开)', async () => {
      server.reply(LIST, 200, page([opinion()], 1, 1))
      const suggestions = findPersonalInfo(raw)
      const phone = suggestions[0]!
      server.reply('POST /api/staff/opinions/41/moderation', 422, {
        error: {
          code: 'PERSONAL_INFO_UNMASKED',
          message: '内容中仍有未隐去的个人信息（手机号），请隐去、忽略并说明理由，或填写仍然公开的理由',
          details: { spans: [{ field: 'text', kind: 'PHONE', label: '手机号', start: phone.start, end: phone.end, text: phone.text }] },
        },
      })
      server.reply('POST /api/staff/opinions/41/moderation', 200, opinion({ moderation: 'APPROVED', publishedText: raw }))
      render(<StaffOpinionsPage />)
      await screen.findByText('确认需要隐去的内容')

      fireEvent.click(checkbox(/隐去手机号/))
      fireEvent.click(screen.getByRole('button', { name: '确认隐去并通过' }))
      expect(await screen.findByText('以下个人信息仍未隐去，暂不能公开：')).toBeTruthy()
      expect(screen.getByText('手机号：13812345678')).toBeTruthy()

      fireEvent.click(screen.getByRole('button', { name: '仍然公开（需填写理由）' }))
      fireEvent.click(screen.getByRole('button', { name: '确认仍然公开' }))
      expect(screen.getByText('请填写仍然公开的理由（至少 4 个字）')).toBeTruthy()
      expect(sentRequests().filter((r) => r.path.endsWith('/moderation'))).toHaveLength(1)

      fireEvent.change(screen.getByRole('textbox', { name: '仍然公开的理由' }), { target: { value: '作者要求公开联系方式' } })
      fireEvent.click(screen.getByRole('button', { name: '确认仍然公开' }))
      await screen.findByText('公开文本')
      const sent = sentRequests().filter((r) => r.path === '/api/staff/opinions/41/moderation')
      expect(sent).toHaveLength(2)
      expect(sent[1]?.data).toMatchObject({ decision: 'APPROVE', override: '作者要求公开联系方式', dismissals: [] })
    })

    it('asks for a reason before hiding an opinion', async () => {
      server.reply(LIST, 200, page([opinion()], 1, 1))
      render(<StaffOpinionsPage />)
      await screen.findByText('确认需要隐去的内容')

      fireEvent.click(screen.getByRole('button', { name: '不予公开' }))
      expect(screen.getByText('请填写不予公开的理由')).toBeTruthy()
      expect(sentRequests().some((r) => r.path.endsWith('/moderation'))).toBe(false)
    })
  })

  describe('重新审核 (before the feedback is public)', () => {
    const hand = { start: raw.indexOf('夜间不施工'), end: raw.indexOf('夜间不施工') + 5 }
    const [phone, address] = findPersonalInfo(raw)
    const stored = [hand, { start: phone!.start, end: phone!.end, kind: phone!.kind }, { start: address!.start, end: address!.end, kind: address!.kind }]
    const approved = opinion({ moderation: 'APPROVED', publishedText: applyMasks(raw, stored), masks: stored })
    const open = async (feedbackPublished: boolean) => {
      server.reply('/api/staff/consultations/1', 200, consultationDetail({ id: 1, feedbackPublished }))
      server.reply('/api/staff/consultations', 200, [])
      server.reply(LIST, 200, page([approved], 1, 1))
      render(<StaffOpinionsPage />)
      await screen.findByText('公开文本')
    }

    it('starts from the stored masks: the mask by hand stays, the detected ones are ticked, and the approval names the moderation it replaces', async () => {
      await open(false)
      fireEvent.click(await screen.findByRole('button', { name: '重新审核' }))
      expect(screen.getByText('已手动隐去：夜间不施工')).toBeTruthy()
      expect(checkbox(/隐去手机号/).getAttribute('aria-checked')).toBe('true')
      expect(checkbox(/隐去详细地址/).getAttribute('aria-checked')).toBe('true')
      expect(preview()).toBe(approved.publishedText)

      server.reply('POST /api/staff/opinions/41/moderation', 200, approved)
      fireEvent.click(screen.getByRole('button', { name: '确认隐去并通过' }))
      await waitFor(() => expect(screen.queryByText('已手动隐去：夜间不施工')).toBeNull())
      const sent = sentRequests().filter((r) => r.path === '/api/staff/opinions/41/moderation')
      expect(sent.map((r) => r.data)).toEqual([{ decision: 'APPROVE', masks: [...stored].sort((a, b) => a.start - b.start), dismissals: [], from: 'APPROVED' }])
    })

    it('offers no 重新审核 once the feedback is public', async () => {
      await open(true)
      expect(screen.queryByRole('button', { name: '重新审核' })).toBeNull()
    })

    it('says so when another reviewer moderated the opinion since the list was opened (OPINION_MODERATION_CHANGED)', async () => {
      server.reply(LIST, 200, page([opinion()], 1, 1))
      server.reply('POST /api/staff/opinions/41/moderation', 409, {
        error: { code: 'OPINION_MODERATION_CHANGED', message: '这条意见已由其他工作人员审核，请刷新后再看' },
      })
      render(<StaffOpinionsPage />)
      await screen.findByText('确认需要隐去的内容')
      fireEvent.click(screen.getByRole('button', { name: '确认隐去并通过' }))
      expect(await screen.findByText('这条意见已由其他工作人员审核，请刷新后再看')).toBeTruthy()
      expect(sentRequests().find((r) => r.path === '/api/staff/opinions/41/moderation')?.data).toMatchObject({ from: 'PENDING' })
    })
  })

  describe('the answer form', () => {
    const approved = () => opinion({ moderation: 'APPROVED', publishedText: applyMasks(raw, findPersonalInfo(raw)), overdue: true })
    const answerPut = () => sentRequests().filter((r) => r.method === 'PUT' && r.path === '/api/staff/opinions/41/answer')

    it('requires a reason for 不予采纳 (shared AnswerBodySchema) and says so at 理由, sending nothing', async () => {
      server.reply(LIST, 200, page([approved()], 1, 1))
      render(<StaffOpinionsPage />)
      await screen.findByText('采纳情况')

      fireEvent.click(screen.getByRole('radio', { name: '不予采纳' }))
      fireEvent.change(screen.getByLabelText('答复内容'), { target: { value: '经研究，夜间施工确有必要。' } })
      fireEvent.click(screen.getByRole('button', { name: '保存答复' }))

      expect(document.querySelector('.gm-textarea--reason .gm-textarea__error')?.textContent).toBe('部分采纳或不予采纳须说明理由')
      expect(screen.getByLabelText('理由（必填）')).toBeTruthy()
      expect(answerPut()).toHaveLength(0)
    })

    it('sends 不予采纳 with its reason, the chosen department and today’s date in Asia/Shanghai by default', async () => {
      server.reply(LIST, 200, page([approved()], 1, 1))
      server.reply('PUT /api/staff/opinions/41/answer', 200, {
        ...approved(),
        answer: {
          adoption: 'NOT_ADOPTED',
          reason: '管网抢修须连续施工',
          content: '经研究，夜间施工确有必要。',
          department,
          repliedAt: '2026-11-20T16:00:00.000Z',
          revisions: 1,
        },
      })
      render(<StaffOpinionsPage />)
      await screen.findByText('采纳情况')
      expect(screen.getByText('已超期')).toBeTruthy()

      fireEvent.click(screen.getByRole('radio', { name: '不予采纳' }))
      fireEvent.change(screen.getByLabelText('理由（必填）'), { target: { value: '管网抢修须连续施工' } })
      fireEvent.change(screen.getByLabelText('答复内容'), { target: { value: '经研究，夜间施工确有必要。' } })
      fireEvent.click(screen.getByRole('button', { name: '保存答复' }))

      await waitFor(() => expect(answerPut()).toHaveLength(1))
      const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10)
      expect(answerPut()[0]?.data).toEqual({
        adoption: 'NOT_ADOPTED',
        reason: '管网抢修须连续施工',
        content: '经研究，夜间施工确有必要。',
        departmentId: 3,
        repliedOn: today,
      })
      const saved = await screen.findByText(/答复（修改 1 次/)
      expect(within(saved.parentElement as HTMLElement).getByText('管网抢修须连续施工')).toBeTruthy()
    })

    it('lets 采纳 go without a reason', async () => {
      server.reply(LIST, 200, page([approved()], 1, 1))
      server.reply('PUT /api/staff/opinions/41/answer', 200, approved())
      render(<StaffOpinionsPage />)
      await screen.findByText('采纳情况')

      fireEvent.click(screen.getByRole('radio', { name: '采纳' }))
      fireEvent.change(screen.getByLabelText('答复内容'), { target: { value: '已采纳，施工改为白天进行。' } })
      fireEvent.click(screen.getByRole('button', { name: '保存答复' }))

      await waitFor(() => expect(answerPut()).toHaveLength(1))
      expect(answerPut()[0]?.data).toMatchObject({ adoption: 'ADOPTED', reason: null })
    })

    const withPhone = '请拨打 13912345678 联系施工单位。'
    const refusal = {
      error: {
        code: 'PERSONAL_INFO_UNMASKED',
        message: '内容中仍有未隐去的个人信息（手机号），请隐去、忽略并说明理由，或填写仍然公开的理由',
        details: { spans: [{ field: 'content', kind: 'PHONE', label: '手机号', start: 4, end: 15, text: '13912345678' }] },
      },
    }
    const fillAdopted = (content: string) => {
      fireEvent.click(screen.getByRole('radio', { name: '采纳' }))
      fireEvent.change(screen.getByLabelText('答复内容'), { target: { value: content } })
      fireEvent.click(screen.getByRole('button', { name: '保存答复' }))
    }

    it('shows what the server refused to publish and saves again with 仍然公开 and the reason', async () => {
      server.reply(LIST, 200, page([approved()], 1, 1))
      server.reply('PUT /api/staff/opinions/41/answer', 422, refusal)
      server.reply('PUT /api/staff/opinions/41/answer', 200, approved())
      render(<StaffOpinionsPage />)
      await screen.findByText('采纳情况')

      fillAdopted(withPhone)
      expect(await screen.findByText('以下个人信息仍未隐去，暂不能公开：')).toBeTruthy()
      expect(screen.getByText('答复内容 · 手机号：13912345678')).toBeTruthy()
      fireEvent.click(screen.getByRole('button', { name: '仍然公开（需填写理由）' }))
      fireEvent.click(screen.getByRole('button', { name: '确认仍然公开' }))
      expect(screen.getByText('请填写仍然公开的理由（至少 4 个字）')).toBeTruthy()
      expect(answerPut()).toHaveLength(1)

      fireEvent.change(screen.getByRole('textbox', { name: '仍然公开的理由' }), { target: { value: '施工单位公开的值班电话' } })
      fireEvent.click(screen.getByRole('button', { name: '确认仍然公开' }))
      await waitFor(() => expect(answerPut()).toHaveLength(2))
      expect(answerPut()[0]?.data).not.toHaveProperty('override')
      expect(answerPut()[1]?.data).toMatchObject({ adoption: 'ADOPTED', content: withPhone, override: '施工单位公开的值班电话' })
    })

    it('隐去 replaces the finding in the answer with 【已隐去】 and the next save sends no override', async () => {
      server.reply(LIST, 200, page([approved()], 1, 1))
      server.reply('PUT /api/staff/opinions/41/answer', 422, refusal)
      server.reply('PUT /api/staff/opinions/41/answer', 200, approved())
      render(<StaffOpinionsPage />)
      await screen.findByText('采纳情况')

      fillAdopted(withPhone)
      fireEvent.click(await screen.findByRole('button', { name: '隐去' }))
      expect((screen.getByLabelText('答复内容') as HTMLTextAreaElement).value).toBe('请拨打 【已隐去】 联系施工单位。')
      expect(screen.queryByText('以下个人信息仍未隐去，暂不能公开：')).toBeNull()
      fireEvent.click(screen.getByRole('button', { name: '保存答复' }))
      await waitFor(() => expect(answerPut()).toHaveLength(2))
      expect(answerPut()[1]?.data).toMatchObject({ content: '请拨打 【已隐去】 联系施工单位。' })
      expect(answerPut()[1]?.data).not.toHaveProperty('override')
    })

    it('puts the server’s REASON_REQUIRED at 理由', async () => {
      server.reply(LIST, 200, page([approved()], 1, 1))
      server.reply('PUT /api/staff/opinions/41/answer', 400, { error: { code: 'REASON_REQUIRED', message: '部分采纳或不予采纳须说明理由' } })
      render(<StaffOpinionsPage />)
      await screen.findByText('采纳情况')

      fireEvent.click(screen.getByRole('radio', { name: '部分采纳' }))
      fireEvent.change(screen.getByLabelText('理由（必填）'), { target: { value: '  x  ' } })
      fireEvent.change(screen.getByLabelText('答复内容'), { target: { value: '部分采纳，详见修改稿。' } })
      fireEvent.click(screen.getByRole('button', { name: '保存答复' }))

      await waitFor(() => expect(document.querySelector('.gm-textarea--reason .gm-textarea__error')?.textContent).toBe('部分采纳或不予采纳须说明理由'))
    })
  })
})
