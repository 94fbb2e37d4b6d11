// 答复模板: reviewers keep their department's templates on a staff page, and choosing one in an opinion's, a group's or an event opinion's answer form fills 答复内容 with its placeholders resolved (still editable).
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { applyMasks, findPersonalInfo, type StaffOpinion } from '@gm/shared'
import StaffAnswerTemplatesPage from '../../miniapp/src/packages/staff/pages/answer-templates/index'
import StaffEventOpinionsPage from '../../miniapp/src/packages/staff/pages/event-opinions/index'
import StaffGroupsPage from '../../miniapp/src/packages/staff/pages/groups/index'
import StaffOpinionsPage from '../../miniapp/src/packages/staff/pages/opinions/index'
import { consultationDetail, eventDetail, fakeServer, page, sentRequests, signedIn, staff } from './fixtures'
import { useRouter } from './taroMock'

const department = { id: 3, name: '建设局' }
const template = (id: number, title: string, body: string, dept = department) => ({ id, title, body, department: dept, updatedAt: '2026-11-20T02:00:00.000Z' })
const TEMPLATES = '/api/staff/answer-templates'
const posted = () => sentRequests().filter((r) => r.method !== 'GET' && r.path.startsWith(TEMPLATES))

describe('答复模板 page', () => {
  let server: ReturnType<typeof fakeServer>
  beforeEach(() => {
    server = fakeServer()
    server.reply('/api/departments', 200, [department, { id: 5, name: '财政金融局' }])
  })

  it('lists the templates in a table and adds one written with a placeholder chip', async () => {
    signedIn(staff({ role: 'REVIEWER', department }))
    server.reply(TEMPLATES, 200, [template(1, '采纳通用', '{{称呼}}：您的意见已采纳。')])
    render(<StaffAnswerTemplatesPage />)
    await screen.findByText('采纳通用')
    fireEvent.input(screen.getByLabelText('模板名称'), { target: { value: '不予采纳说明' } })
    fireEvent.input(screen.getByLabelText('模板内容'), { target: { value: '您好，关于' } })
    fireEvent.click(screen.getByRole('button', { name: /插入 \{\{征集名称\}\}/ }))
    expect((screen.getByLabelText('模板内容') as HTMLTextAreaElement).value).toBe('您好，关于{{征集名称}}')
    fireEvent.input(screen.getByLabelText('模板内容'), { target: { value: '您好，关于{{征集名称}}的意见，经研究暂不采纳，理由如下。' } })
    expect(screen.getByText('您好，关于某某条例（征求意见稿）的意见，经研究暂不采纳，理由如下。')).toBeTruthy()
    server.reply(`POST ${TEMPLATES}`, 201, template(2, '不予采纳说明', '您好，关于{{征集名称}}的意见，经研究暂不采纳，理由如下。'))
    server.reply(TEMPLATES, 200, [template(1, '采纳通用', '{{称呼}}：您的意见已采纳。'), template(2, '不予采纳说明', '…')])
    fireEvent.click(screen.getByRole('button', { name: '新增模板' }))
    await screen.findByText('已保存「不予采纳说明」')
    expect(posted().map((r) => [r.method, r.data])).toEqual([
      ['POST', { departmentId: 3, title: '不予采纳说明', body: '您好，关于{{征集名称}}的意见，经研究暂不采纳，理由如下。' }],
    ])
  })

  it('says at 模板内容 that a placeholder is unknown (the shared schema), sending nothing', async () => {
    signedIn(staff({ role: 'REVIEWER', department }))
    server.reply(TEMPLATES, 200, [])
    render(<StaffAnswerTemplatesPage />)
    await screen.findByText('还没有答复模板')
    fireEvent.input(screen.getByLabelText('模板名称'), { target: { value: '错字' } })
    fireEvent.input(screen.getByLabelText('模板内容'), { target: { value: '{{称呼}}：您于{{收件日期}}提出的意见已收悉。' } })
    fireEvent.click(screen.getByRole('button', { name: '新增模板' }))
    await screen.findByText(/未知的占位符：\{\{收件日期\}\}/)
    expect(posted()).toEqual([])
  })

  it('changes and deletes a template', async () => {
    signedIn(staff({ role: 'ADMIN', department }))
    server.reply(TEMPLATES, 200, [template(1, '采纳通用', '{{称呼}}：您的意见已采纳。')])
    render(<StaffAnswerTemplatesPage />)
    fireEvent.click(await screen.findByRole('button', { name: '修改「采纳通用」' }))
    expect((screen.getByLabelText('模板名称') as HTMLInputElement).value).toBe('采纳通用')
    fireEvent.input(screen.getByLabelText('模板名称'), { target: { value: '采纳（通用）' } })
    server.reply(`PUT ${TEMPLATES}/1`, 200, template(1, '采纳（通用）', '{{称呼}}：您的意见已采纳。'))
    server.reply(TEMPLATES, 200, [template(1, '采纳（通用）', '{{称呼}}：您的意见已采纳。')])
    fireEvent.click(screen.getByRole('button', { name: '保存修改' }))
    await screen.findByText('已保存「采纳（通用）」')
    server.reply(`DELETE ${TEMPLATES}/1`, 204, null)
    server.reply(TEMPLATES, 200, [])
    fireEvent.click(await screen.findByRole('button', { name: '删除「采纳（通用）」' }))
    await screen.findByText('还没有答复模板')
    expect(posted().map((r) => [r.method, r.path])).toEqual([
      ['PUT', `${TEMPLATES}/1`],
      ['DELETE', `${TEMPLATES}/1`],
    ])
  })

  it('refuses an editor', () => {
    signedIn(staff({ role: 'EDITOR', department }))
    render(<StaffAnswerTemplatesPage />)
    expect(screen.getByText('只有「审核」角色和管理员可以管理答复模板。')).toBeTruthy()
  })
})

describe('choosing a template in an opinion’s answer form', () => {
  const raw = '施工期间请保证夜间不施工。'
  const opinion: StaffOpinion = {
    id: 41,
    receiptCode: 'YJ20261121-MASK01',
    section: null,
    rawText: raw,
    publishedText: applyMasks(raw, findPersonalInfo(raw)),
    suggestedMasks: [],
    masks: [],
    consent: 'PUBLISH_MASKED',
    authorName: '王小明',
    contactPhone: null,
    secCheckSuggest: null,
    moderation: 'APPROVED',
    hiddenReason: null,
    channel: 'ONLINE',
    receivedAt: '2026-11-20T02:00:00.000Z',
    createdAt: '2026-11-20T02:00:00.000Z',
    replyDeadline: '2026-12-18T16:00:00.000Z',
    deadlineEstimated: false,
    overdue: false,
    group: null,
    answer: null,
  }

  beforeEach(() => {
    signedIn(staff({ role: 'REVIEWER', department }))
    useRouter.mockReturnValue({ params: { id: '1' } })
  })
  afterEach(() => useRouter.mockReset().mockImplementation(() => ({ params: {} })))

  it('fills 答复内容 with the placeholders resolved (no personal name), offers only the answering department’s templates, and sends the edited text', async () => {
    const server = fakeServer()
    server.reply('/api/departments', 200, [department, { id: 5, name: '财政金融局' }])
    server.reply('/api/staff/consultations/1/opinions', 200, page([opinion], 1, 1))
    server.reply('/api/staff/consultations/1', 200, consultationDetail({ title: '城市道路施工管理办法（征求意见稿）' }))
    server.reply('/api/staff/consultations', 200, [])
    server.reply(TEMPLATES, 200, [
      template(1, '采纳通用', '{{称呼}}：您于{{收到日期}}对《{{征集名称}}》提出的意见（回执 {{回执编号}}）已采纳。{{答复部门}}'),
      template(2, '财政口径', '另一个部门的模板内容。', { id: 5, name: '财政金融局' }),
    ])
    render(<StaffOpinionsPage />)
    const use = await screen.findByRole('button', { name: '套用模板「采纳通用」' })
    expect(screen.queryByRole('button', { name: '套用模板「财政口径」' })).toBeNull()
    await screen.findByText('意见征集：城市道路施工管理办法（征求意见稿）')
    fireEvent.click(use)
    const content = screen.getByLabelText('答复内容') as HTMLTextAreaElement
    expect(content.value).toBe('市民朋友：您于2026年11月20日对《城市道路施工管理办法（征求意见稿）》提出的意见（回执 YJ20261121-MASK01）已采纳。建设局')
    expect(content.value).not.toContain('王小明')
    fireEvent.change(content, { target: { value: `${content.value}感谢您的参与。` } })
    fireEvent.click(screen.getByRole('radio', { name: '采纳' }))
    server.reply('PUT /api/staff/opinions/41/answer', 200, opinion)
    fireEvent.click(screen.getByRole('button', { name: '保存答复' }))
    await waitFor(() => expect(sentRequests().filter((r) => r.method === 'PUT')).toHaveLength(1))
    expect((sentRequests().find((r) => r.method === 'PUT')?.data as { content: string }).content).toMatch(/已采纳。建设局感谢您的参与。$/)
  })
})

describe('choosing a template in a 集中意见 answer form', () => {
  beforeEach(() => {
    signedIn(staff({ role: 'REVIEWER', department }))
    useRouter.mockReturnValue({ params: { id: '1' } })
  })
  afterEach(() => useRouter.mockReset().mockImplementation(() => ({ params: {} })))

  it('fills the group’s answer with the consultation, department and date; 收到日期 stays for staff to fill', async () => {
    const server = fakeServer()
    server.reply('/api/departments', 200, [department])
    server.reply('GET /api/staff/consultations/1/group-suggestions', 200, [])
    server.reply('GET /api/staff/consultations/1/groups', 200, [{ id: 5, title: '关于夜间施工的集中意见', opinionIds: [], answer: null }])
    server.reply('GET /api/staff/consultations/1/opinions', 200, page([], 1, 0, 50))
    server.reply('/api/staff/consultations/1', 200, consultationDetail({ title: '城市道路施工管理办法（征求意见稿）' }))
    server.reply('/api/staff/consultations', 200, [])
    server.reply(TEMPLATES, 200, [template(1, '集中答复', '{{称呼}}：您于{{收到日期}}对《{{征集名称}}》提出的意见，{{答复部门}}已研究采纳。')])
    render(<StaffGroupsPage />)
    const use = await screen.findByRole('button', { name: '套用模板「集中答复」' })
    await waitFor(() => expect(sentRequests().some((r) => r.path === '/api/staff/consultations/1')).toBe(true))
    await act(() => new Promise((r) => setTimeout(r, 0)))
    fireEvent.click(use)
    expect((screen.getByLabelText('答复内容') as HTMLTextAreaElement).value).toBe(
      '市民朋友：您于{{收到日期}}对《城市道路施工管理办法（征求意见稿）》提出的意见，建设局已研究采纳。',
    )
  })
})

describe('choosing a template in an event opinion’s answer form', () => {
  beforeEach(() => {
    signedIn(staff({ role: 'REVIEWER', department }))
    useRouter.mockReturnValue({ params: { id: '7' } })
  })
  afterEach(() => useRouter.mockReset().mockImplementation(() => ({ params: {} })))

  it('offers the answering department’s templates and fills 答复内容 with the event, the receipt date, department and date', async () => {
    const server = fakeServer()
    server.reply('/api/departments', 200, [department])
    server.reply('/api/staff/events/7', 200, {
      event: eventDetail({ id: 7, kind: 'HEARING', title: '公交线网优化方案听证会', department }),
      published: true,
    })
    server.reply('/api/staff/events/7/registrations', 200, [])
    server.reply('GET /api/staff/events/7/opinions', 200, [
      {
        id: 61,
        registrationId: null,
        rawText: '建议 18 路夜间加密班次。',
        publishedText: '建议 18 路夜间加密班次。',
        masks: [],
        answer: null,
        receivedAt: '2026-11-10T05:00:00.000Z',
        createdAt: '2026-11-10T05:00:00.000Z',
      },
    ])
    server.reply(TEMPLATES, 200, [
      template(1, '活动意见答复', '{{称呼}}：您于{{收到日期}}在《{{征集名称}}》提出的意见，{{答复部门}}已研究采纳。'),
      template(2, '其他部门的模板', '—', { id: 5, name: '财政金融局' }),
    ])
    render(<StaffEventOpinionsPage />)
    const use = await screen.findByRole('button', { name: '套用模板「活动意见答复」' })
    expect(screen.queryByRole('button', { name: '套用模板「其他部门的模板」' })).toBeNull()
    fireEvent.click(use)
    expect((screen.getByLabelText('答复内容') as HTMLTextAreaElement).value).toMatch(
      /^市民朋友：您于2026年11月10日在《公交线网优化方案听证会》提出的意见，建设局已研究采纳。$/,
    )
  })
})
