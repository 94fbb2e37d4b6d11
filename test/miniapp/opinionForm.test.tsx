import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { DAY_MS, OPINION_MAX_CHARS, PRIVACY_NOTICE_VERSION } from '@gm/shared'
import OpinionPage from '../../miniapp/src/packages/consultation/pages/opinion/index'
import { citizen, consultationDetail, fakeServer, sentRequests, signedIn } from './fixtures'
import Taro, { useRouter } from './taroMock'

const OPINIONS = '/api/consultations/1/opinions'
const receipt = { id: 9, receiptCode: 'YJ20261121-ABC234', state: 'SUBMITTED', createdAt: '2026-11-21T02:00:00.000Z', heldForReview: false }

/** A consultation open right now, whatever the date the tests run on. */
function openConsultation() {
  const now = Date.now()
  return consultationDetail({
    opensAt: new Date(now - DAY_MS).toISOString(),
    closesAt: new Date(now + 10 * DAY_MS).toISOString(),
    sections: [
      { id: 11, position: 1, heading: '第一条 适用范围', body: '本办法适用于城市公园。' },
      { id: 12, position: 2, heading: '第二条 开放时间', body: '公园每日开放。' },
    ],
  })
}

const typeText = (label: string, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } })
const submit = () => fireEvent.click(screen.getByRole('button', { name: '提交意见' }))
const posted = () => sentRequests().filter((r) => r.method === 'POST' && r.path === OPINIONS)
const fieldError = (name: string) =>
  document.querySelector(`.gm-field--${name} .gm-field__error, .gm-textarea--${name} .gm-textarea__error, .gm-choice--${name} .gm-choice__error`)?.textContent

describe('提交意见', () => {
  let server: ReturnType<typeof fakeServer>
  beforeEach(() => {
    signedIn(citizen())
    server = fakeServer()
    server.reply('/api/consultations/1', 200, openConsultation())
    useRouter.mockReturnValue({ params: { id: '1' } })
  })
  afterEach(() => {
    useRouter.mockReset().mockImplementation(() => ({ params: {} }))
    process.env.TARO_APP_TEMPLATE_OPINION_ANSWERED = ''
  })

  const renderForm = async () => {
    render(<OpinionPage />)
    await screen.findByLabelText('意见内容')
  }

  it('counts characters as the user types and refuses a text over the shared limit without sending it', async () => {
    await renderForm()
    typeText('意见内容', '建议延长开放时间')
    expect(screen.getByText(`已输入 8 / ${OPINION_MAX_CHARS} 字`)).toBeTruthy()

    typeText('意见内容', '长'.repeat(OPINION_MAX_CHARS + 3))
    expect(screen.getByText(`已输入 ${OPINION_MAX_CHARS + 3} 字，超出 3 字（最多 ${OPINION_MAX_CHARS} 字）`)).toBeTruthy()
    fireEvent.click(screen.getByRole('radio', { name: '不公开' }))
    submit()

    expect(fieldError('text')).toBe(`意见内容最多 ${OPINION_MAX_CHARS} 个字`)
    expect(posted()).toHaveLength(0)
  })

  it('asks for 署名 only when 公开并署名 is chosen, and sends the name only then', async () => {
    server.reply(`POST ${OPINIONS}`, 201, receipt)
    await renderForm()
    expect(screen.queryByLabelText('署名')).toBeNull()

    typeText('意见内容', '建议公园增设无障碍卫生间')
    fireEvent.click(screen.getByRole('radio', { name: '公开并署名' }))
    submit()
    expect(fieldError('authorName')).toBe('选择署名公开时请填写署名')
    expect(posted()).toHaveLength(0)

    typeText('署名', '李阿姨')
    fireEvent.click(screen.getByRole('radio', { name: '公开（隐去个人信息）' }))
    expect(screen.queryByLabelText('署名')).toBeNull()
    submit()

    await screen.findByText('YJ20261121-ABC234')
    expect(posted()[0]?.data).toEqual({
      text: '建议公园增设无障碍卫生间',
      consent: 'PUBLISH_MASKED',
      idempotencyKey: expect.stringMatching(/^[A-Za-z0-9_-]{8,64}$/),
    })
  })

  it('reuses the same idempotency key when the user retries after a network error, and keeps the text', async () => {
    server.failNetwork(`POST ${OPINIONS}`)
    server.reply(`POST ${OPINIONS}`, 201, receipt)
    await renderForm()
    typeText('意见内容', '建议夜间不施工')
    fireEvent.click(screen.getByRole('radio', { name: '不公开' }))

    submit()
    expect(await screen.findByText(/网络连接失败.*同一条意见不会重复提交/)).toBeTruthy()
    expect((screen.getByLabelText('意见内容') as HTMLTextAreaElement).value).toBe('建议夜间不施工')

    submit()
    await screen.findByText('YJ20261121-ABC234')
    const [first, second] = posted().map((r) => r.data as { idempotencyKey: string })
    expect(first?.idempotencyKey).toBeTruthy()
    expect(second?.idempotencyKey).toBe(first?.idempotencyKey)
  })

  it('starts a new idempotency key for the next opinion after a receipt', async () => {
    server.reply(`POST ${OPINIONS}`, 201, receipt)
    server.reply(`POST ${OPINIONS}`, 201, { ...receipt, id: 10, receiptCode: 'YJ20261121-XYZ789' })
    await renderForm()
    typeText('意见内容', '第一条意见的内容')
    fireEvent.click(screen.getByRole('radio', { name: '不公开' }))
    submit()
    await screen.findByText('YJ20261121-ABC234')

    fireEvent.click(screen.getByRole('button', { name: '再提一条意见' }))
    typeText('意见内容', '第二条意见的内容')
    fireEvent.click(screen.getByRole('radio', { name: '不公开' }))
    submit()
    await screen.findByText('YJ20261121-XYZ789')

    const keys = posted().map((r) => (r.data as { idempotencyKey: string }).idempotencyKey)
    expect(keys[0]).not.toBe(keys[1])
  })

  it('shows the server’s field errors (VALIDATION_FAILED details.fields) next to the fields', async () => {
    server.reply(`POST ${OPINIONS}`, 400, {
      error: {
        code: 'VALIDATION_FAILED',
        message: '提交的内容有误，请检查后重试',
        details: { fields: { 'body.contactPhone': '请填写 11 位手机号码', 'body.text': '意见内容含有不允许的字符' } },
      },
    })
    await renderForm()
    typeText('意见内容', '建议增设停车位')
    typeText('联系电话（选填）', '13912345678')
    fireEvent.click(screen.getByRole('radio', { name: '不公开' }))
    submit()

    await waitFor(() => expect(fieldError('contactPhone')).toBe('请填写 11 位手机号码'))
    expect(fieldError('text')).toBe('意见内容含有不允许的字符')
    expect((screen.getByLabelText('联系电话（选填）') as HTMLInputElement).value).toBe('13912345678')
  })

  it('explains CONSULTATION_CLOSED clearly and keeps what was typed', async () => {
    server.reply(`POST ${OPINIONS}`, 409, { error: { code: 'CONSULTATION_CLOSED', message: '意见征集已结束，不能再提交意见' } })
    await renderForm()
    typeText('意见内容', '建议延长征集期限')
    fireEvent.click(screen.getByRole('radio', { name: '不公开' }))
    submit()

    expect(await screen.findByText(/意见征集已结束，不能再提交意见。您填写的内容仍保留在下方/)).toBeTruthy()
    expect((screen.getByLabelText('意见内容') as HTMLTextAreaElement).value).toBe('建议延长征集期限')
  })

  it('names the clause the opinion is about and sends its sectionId', async () => {
    useRouter.mockReturnValue({ params: { id: '1', sectionId: '12' } })
    server.reply(`POST ${OPINIONS}`, 201, receipt)
    await renderForm()
    expect(screen.getByText('针对条款：第二条 开放时间')).toBeTruthy()
    typeText('意见内容', '建议冬季延长开放')
    fireEvent.click(screen.getByRole('radio', { name: '不公开' }))
    submit()
    await screen.findByText('YJ20261121-ABC234')
    expect(posted()[0]?.data).toMatchObject({ sectionId: 12 })
  })

  it('asks for 意见答复 reminders at the submit tap, records the acceptance, then sends the opinion', async () => {
    process.env.TARO_APP_TEMPLATE_OPINION_ANSWERED = 'tmpl-opinion'
    Taro.requestSubscribeMessage.mockResolvedValue({ 'tmpl-opinion': 'accept', errMsg: 'requestSubscribeMessage:ok' })
    server.reply('POST /api/me/subscriptions', 204, null)
    server.reply(`POST ${OPINIONS}`, 201, receipt)
    await renderForm()
    typeText('意见内容', '建议增加座椅')
    fireEvent.click(screen.getByRole('radio', { name: '不公开' }))
    submit()

    await screen.findByText('YJ20261121-ABC234')
    expect(Taro.requestSubscribeMessage).toHaveBeenCalledWith({ tmplIds: ['tmpl-opinion'] })
    expect(sentRequests().map((r) => `${r.method} ${r.path}`)).toEqual(['GET /api/consultations/1', 'POST /api/me/subscriptions', `POST ${OPINIONS}`])
    expect(sentRequests()[1]?.data).toEqual({ accepted: ['OPINION_ANSWERED'] })
  })

  it('asks for consent at the moment of submitting, then submits the same opinion with the text intact', async () => {
    signedIn(citizen({ privacyAccepted: false }))
    server.reply(`POST ${OPINIONS}`, 403, {
      error: { code: 'PRIVACY_NOT_ACCEPTED', message: '请先阅读并同意个人信息保护说明', details: { requiredVersion: PRIVACY_NOTICE_VERSION } },
    })
    server.reply('/api/me/privacy', 200, citizen({ privacyAccepted: true }))
    server.reply(`POST ${OPINIONS}`, 201, receipt)
    await renderForm()
    expect(screen.queryByText('个人信息保护说明')).toBeNull() // not before: the form comes first
    typeText('意见内容', '建议在公园东门增设无障碍坡道，电话 13812345678')
    fireEvent.click(screen.getByRole('radio', { name: '公开（隐去个人信息）' }))
    submit()

    await screen.findByText('个人信息保护说明')
    expect((screen.getByLabelText('意见内容') as HTMLTextAreaElement).value).toBe('建议在公园东门增设无障碍坡道，电话 13812345678')
    fireEvent.click(screen.getByRole('button', { name: '同意并继续' }))

    await screen.findByText('YJ20261121-ABC234')
    const [refused, resent] = posted()
    expect(resent?.data).toEqual(refused?.data) // same text, same idempotency key
    expect(sentRequests().map((r) => `${r.method} ${r.path}`)).toEqual([
      'GET /api/consultations/1',
      `POST ${OPINIONS}`,
      'POST /api/me/privacy',
      `POST ${OPINIONS}`,
    ])
    expect(sentRequests()[2]?.data).toEqual({ version: PRIVACY_NOTICE_VERSION })
  })

  it('keeps the text and sends nothing more when the citizen declines at submit', async () => {
    signedIn(citizen({ privacyAccepted: false }))
    server.reply(`POST ${OPINIONS}`, 403, { error: { code: 'PRIVACY_NOT_ACCEPTED', message: '请先阅读并同意个人信息保护说明' } })
    await renderForm()
    typeText('意见内容', '建议延长夜间开放时间')
    fireEvent.click(screen.getByRole('radio', { name: '不公开' }))
    submit()
    fireEvent.click(await screen.findByRole('button', { name: '不同意' }))

    await screen.findByText(/您未同意个人信息保护说明，暂时无法提交意见/)
    expect((screen.getByLabelText('意见内容') as HTMLTextAreaElement).value).toBe('建议延长夜间开放时间')
    await act(() => Promise.resolve())
    expect(sentRequests().map((r) => `${r.method} ${r.path}`)).toEqual(['GET /api/consultations/1', `POST ${OPINIONS}`])
  })

  it('shows 征集已结束 instead of the form once the consultation has closed', async () => {
    server = fakeServer()
    server.reply('/api/consultations/1', 200, consultationDetail({ opensAt: '2020-01-01T00:00:00.000Z', closesAt: '2020-02-01T00:00:00.000Z' }))
    render(<OpinionPage />)
    expect(await screen.findByText(/意见征集已于 .* 结束，不再接收意见/)).toBeTruthy()
    expect(screen.queryByLabelText('意见内容')).toBeNull()
  })
})
