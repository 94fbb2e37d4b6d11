import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import type { StaffPolicyQuestion } from '@gm/shared'
import { ApiError } from '../../miniapp/src/api'
import { PolicyQuestionStaffActions } from '../../miniapp/src/components/PolicyQuestionStaffActions'
import StaffGroupsPage from '../../miniapp/src/packages/staff/pages/groups/index'
import { fakeServer, page, sentRequests, signedIn, staff } from './fixtures'
import { useRouter } from './taroMock'

const department = { id: 3, name: '建设局' }
const refusal = (field: string, kind: string, label: string, text: string, start = 0) => ({
  code: 'PERSONAL_INFO_UNMASKED',
  message: `内容中仍有未隐去的个人信息（${label}），请隐去、忽略并说明理由，或填写仍然公开的理由`,
  details: { spans: [{ field, kind, label, start, end: start + text.length, text }] },
})

describe('集中意见: the title is published with the feedback', () => {
  const GROUPS = '/api/staff/consultations/1/groups'
  const posted = () => sentRequests().filter((r) => r.method === 'POST' && r.path === GROUPS)
  let server: ReturnType<typeof fakeServer>
  beforeEach(() => {
    signedIn(staff({ role: 'REVIEWER', department }))
    server = fakeServer()
    server.reply('/api/departments', 200, [department])
    server.reply('GET /api/staff/consultations/1/group-suggestions', 200, [{ opinionIds: [7, 8], score: 0.8, keywords: ['施工'] }])
    server.reply('GET /api/staff/consultations/1/groups', 200, [])
    server.reply('GET /api/staff/consultations/1/opinions', 200, page([], 1, 0, 50))
    useRouter.mockReturnValue({ params: { id: '1' } })
  })
  afterEach(() => useRouter.mockReset().mockImplementation(() => ({ params: {} })))

  async function refuseTitle(title: string) {
    server.reply(`POST ${GROUPS}`, 422, { error: refusal('title', 'NAME', '姓名', '张先生') })
    server.reply(`POST ${GROUPS}`, 201, { id: 5, title, opinionIds: [7, 8], answer: null })
    render(<StaffGroupsPage />)
    fireEvent.change(await screen.findByRole('textbox', { name: '集中意见概括' }), { target: { value: title } })
    fireEvent.click(screen.getByRole('button', { name: '归为一条集中意见' }))
    expect(await screen.findByText('姓名：张先生')).toBeTruthy()
  }

  it('隐去 replaces the name in the title with 【已隐去】; the next try sends no override', async () => {
    await refuseTitle('张先生等居民关于夜间施工的意见')
    fireEvent.click(screen.getByRole('button', { name: '隐去' }))
    expect((screen.getByRole('textbox', { name: '集中意见概括' }) as HTMLInputElement).value).toBe('【已隐去】等居民关于夜间施工的意见')
    expect(screen.queryByText('姓名：张先生')).toBeNull()
    fireEvent.click(screen.getByRole('button', { name: '归为一条集中意见' }))
    await waitFor(() => expect(posted()).toHaveLength(2))
    expect(posted()[1]?.data).toEqual({ title: '【已隐去】等居民关于夜间施工的意见', opinionIds: [7, 8] })
  })

  it('仍然公开 sends the same title with the reason', async () => {
    await refuseTitle('张先生等居民关于夜间施工的意见')
    fireEvent.click(screen.getByRole('button', { name: '仍然公开（需填写理由）' }))
    fireEvent.change(screen.getByRole('textbox', { name: '仍然公开的理由' }), { target: { value: '张先生是小区业委会主任，已同意署名' } })
    fireEvent.click(screen.getByRole('button', { name: '确认仍然公开' }))
    await waitFor(() => expect(posted()).toHaveLength(2))
    expect(posted()[1]?.data).toEqual({ title: '张先生等居民关于夜间施工的意见', opinionIds: [7, 8], override: '张先生是小区业委会主任，已同意署名' })
  })
})

describe('加入问答库: the library item is public', () => {
  const question: StaffPolicyQuestion = {
    id: 9,
    receiptCode: 'ZX20261201-ABC123',
    text: '我在幸福小区住，电话 13812345678，想问灵活就业社保补贴怎么申请？',
    topic: '社保',
    status: 'ANSWERED',
    createdAt: '2026-12-01T02:00:00.000Z',
    dueAt: '2026-12-08T02:00:00.000Z',
    answer: '持灵活就业登记到街道社保所申请，按月补贴。',
    declineReason: null,
    department,
    answeredAt: '2026-12-02T02:00:00.000Z',
    heldForReview: false,
    secCheckSuggest: null,
    dueAtEstimated: false,
    overdue: false,
    policy: null,
    promotedItemId: null,
  }
  const phoneRefusal = new ApiError({ status: 422, ...refusal('question', 'PHONE', '手机号', '13812345678', 11) })

  function renderPromote(onPromote: jest.Mock, error?: ApiError) {
    const props = { question, departments: [department], defaultDepartmentId: 3, busy: false, onAnswer: jest.fn(), onPromote, onOpenItem: jest.fn() }
    const view = render(<PolicyQuestionStaffActions {...props} />)
    fireEvent.click(screen.getByRole('button', { name: '加入问答库' }))
    if (error) view.rerender(<PolicyQuestionStaffActions {...props} error={error} />)
    return view
  }

  it('shows where the phone number is, masks it in the question with 隐去', () => {
    renderPromote(jest.fn(), phoneRefusal)
    expect(screen.getByText('问题 · 手机号：13812345678')).toBeTruthy()
    fireEvent.click(screen.getByRole('button', { name: '隐去' }))
    expect((screen.getByLabelText('问题') as HTMLTextAreaElement).value).toBe('我在幸福小区住，电话 【已隐去】，想问灵活就业社保补贴怎么申请？')
    expect(screen.queryByText('问题 · 手机号：13812345678')).toBeNull()
  })

  it('仍然公开 promotes with the reason as override', async () => {
    const onPromote = jest.fn().mockResolvedValue(false)
    renderPromote(onPromote, phoneRefusal)
    fireEvent.click(screen.getByRole('button', { name: '仍然公开（需填写理由）' }))
    fireEvent.change(screen.getByRole('textbox', { name: '仍然公开的理由' }), { target: { value: '该号码为街道社保所公开咨询电话' } })
    fireEvent.click(screen.getByRole('button', { name: '确认仍然公开' }))
    await waitFor(() => expect(onPromote).toHaveBeenCalledTimes(1))
    expect(onPromote).toHaveBeenCalledWith({ question: question.text, topic: '社保', override: '该号码为街道社保所公开咨询电话' })
  })
})
