import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import type { StaffDecisionDetail, StaffDecisionSummary } from '@gm/shared'
import StaffDecisionFormPage from '../../miniapp/src/packages/staff/pages/decision-form/index'
import StaffDecisionsPage from '../../miniapp/src/packages/staff/pages/decisions/index'
import StaffHomePage from '../../miniapp/src/packages/staff/pages/home/index'
import { fakeServer, sentRequests, signedIn, staff } from './fixtures'
import Taro, { useRouter } from './taroMock'

const department = { id: 3, name: '市园林绿化局' }

function summary(overrides: Partial<StaffDecisionSummary> = {}): StaffDecisionSummary {
  return {
    id: 1,
    year: 2026,
    title: '城市公园管理办法的制定',
    summary: '规范城市公园的规划、建设与管理。',
    department,
    plannedDecisionAt: '2026年第四季度',
    participationMethods: ['网上征求意见', '座谈会'],
    currentStage: null,
    publishedAt: '2026-11-01T00:00:00.000Z',
    ...overrides,
  }
}

function detail(overrides: Partial<StaffDecisionDetail> = {}): StaffDecisionDetail {
  return { ...summary(), stages: [], consultations: [], events: [], ...overrides }
}

const LIST = '/api/staff/decisions'
const CREATE = 'POST /api/staff/decisions'
const posted = () => sentRequests().filter((r) => r.method === 'POST' && r.path === '/api/staff/decisions')
const type = (label: string, value: string, scope: HTMLElement = document.body) => fireEvent.change(within(scope).getByLabelText(label), { target: { value } })
const stage = (label: string) => screen.getByRole('group', { name: `${label}阶段` })
/** Switch a stage on or off by its row's checkbox. */
const toggleStage = (label: string) => fireEvent.click(within(stage(label)).getByRole('checkbox'))
const settle = () => act(() => Promise.resolve())

/** Fill the entry's own fields (not the stages). */
async function fillEntry() {
  type('年度', '2026')
  type('事项名称', '城市公园管理办法的制定')
  type('事项简介', '规范城市公园的规划、建设与管理。')
  fireEvent.click(await screen.findByRole('button', { name: '市园林绿化局' }))
  type('计划决策时间', '2026年第四季度')
  type('公众参与方式（选填）', '网上征求意见、座谈会')
}

describe('决策事项目录管理 (staff)', () => {
  let server: ReturnType<typeof fakeServer>
  beforeEach(() => {
    server = fakeServer()
    server.reply('/api/departments', 200, [department, { id: 4, name: '市民政局' }])
  })
  afterEach(() => useRouter.mockReset().mockImplementation(() => ({ params: {} })))

  it('lists the entries by year, newest year first, with 新增 and 修改 for an editor', async () => {
    signedIn(staff({ role: 'EDITOR' }))
    server.reply(LIST, 200, [
      summary({ id: 5, year: 2025, title: '老旧小区改造三年行动计划' }),
      summary({ id: 7, year: 2026, title: '城市公园管理办法的制定', currentStage: 'CONSULTATION' }),
      summary({ id: 8, year: 2026, title: '养老服务设施布局专项规划' }),
    ])
    render(<StaffDecisionsPage />)

    await screen.findByText('城市公园管理办法的制定')
    expect([...document.querySelectorAll('.gm-section__title')].map((e) => e.textContent)).toEqual(['2026 年度（2 项）', '2025 年度（1 项）'])
    expect([...document.querySelectorAll('.gm-decision-card__title')].map((e) => e.textContent)).toEqual([
      '城市公园管理办法的制定',
      '养老服务设施布局专项规划',
      '老旧小区改造三年行动计划',
    ])
    const park = screen.getByRole('group', { name: '城市公园管理办法的制定' })
    expect(within(park).getByText('意见征集')).toBeTruthy()

    fireEvent.click(within(park).getByRole('button', { name: '修改' }))
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/staff/pages/decision-form/index?id=7' })
    fireEvent.click(screen.getByRole('button', { name: '新增决策事项' }))
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/staff/pages/decision-form/index' })
  })

  it('shows a reviewer the list read-only, and says when it is empty', async () => {
    signedIn(staff({ role: 'REVIEWER' }))
    server.reply(LIST, 200, [summary()])
    render(<StaffDecisionsPage />)
    await screen.findByText('城市公园管理办法的制定')
    expect(screen.queryByRole('button', { name: '新增决策事项' })).toBeNull()
    expect(screen.queryByRole('button', { name: '修改' })).toBeNull()
  })

  it('shows an empty catalog and a failed load with 重新加载', async () => {
    signedIn(staff({ role: 'EDITOR' }))
    server.failNetwork(LIST)
    server.reply(LIST, 200, [])
    render(<StaffDecisionsPage />)

    fireEvent.click(await screen.findByRole('button', { name: '重新加载' }))
    expect(await screen.findByText('目录还没有事项，点“新增决策事项”添加')).toBeTruthy()
  })

  it('offers the catalog on the staff home page', async () => {
    signedIn(staff({ role: 'EDITOR', displayName: '赵编辑' }))
    render(<StaffHomePage />)
    fireEvent.click(await screen.findByRole('link', { name: '决策事项目录' }))
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/staff/pages/decisions/index' })
    await settle()
  })

  it('creates an entry with its stages: sends exactly the body, then confirms and refreshes the list', async () => {
    signedIn(staff({ role: 'EDITOR' }))
    server.reply(LIST, 200, [])
    const created = detail({ id: 12, publishedAt: null })
    server.reply(CREATE, 201, created)
    server.reply(LIST, 200, [summary({ id: 12, publishedAt: null })])
    render(
      <>
        <StaffDecisionsPage />
        <StaffDecisionFormPage />
      </>,
    )
    await screen.findByText('目录还没有事项，点“新增决策事项”添加')

    await fillEntry()
    toggleStage('草案公布')
    type('阶段说明', '草案全文在政府网站公布。', stage('草案公布'))
    toggleStage('意见征集')
    const consultation = stage('意见征集')
    type('开始时间', '2026-12-01 09:00', consultation)
    type('结束时间', '2026-12-31 18:00', consultation)
    type('阶段说明', '  公开征求社会公众意见。 ', consultation)
    type('相关链接（选填）', '/packages/consultation/pages/detail/index?id=5', consultation)
    // switched on and off again: not sent
    toggleStage('听证 / 列席')
    type('阶段说明', '不会发送', stage('听证 / 列席'))
    toggleStage('听证 / 列席')
    fireEvent.click(screen.getByRole('button', { name: '保存为草稿' }))

    expect((await screen.findAllByText('已保存「城市公园管理办法的制定」（草稿），本部门审核人员发布后公开。')).length).toBeGreaterThan(0)
    expect(screen.queryByRole('button', { name: '查看公开页面' })).toBeNull()
    expect(posted().map((r) => r.data)).toEqual([
      {
        year: 2026,
        title: '城市公园管理办法的制定',
        summary: '规范城市公园的规划、建设与管理。',
        departmentId: 3,
        plannedDecisionAt: '2026年第四季度',
        participationMethods: ['网上征求意见', '座谈会'],
        stages: [
          { kind: 'DRAFT_PUBLISHED', startsAt: null, endsAt: null, summary: '草案全文在政府网站公布。', link: null },
          {
            kind: 'CONSULTATION',
            startsAt: '2026-12-01T01:00:00.000Z',
            endsAt: '2026-12-31T10:00:00.000Z',
            summary: '公开征求社会公众意见。',
            link: '/packages/consultation/pages/detail/index?id=5',
          },
        ],
      },
    ])
    // the list under the form heard of the save and shows it
    // the form's notice and the list's
    await waitFor(() => expect(screen.getAllByText('已保存「城市公园管理办法的制定」（草稿），本部门审核人员发布后公开。')).toHaveLength(2))
    await waitFor(() => expect(sentRequests().filter((r) => r.method === 'GET' && r.path === LIST)).toHaveLength(2))
    expect(await screen.findByText('草稿（未公开）')).toBeTruthy()

    fireEvent.click(screen.getByRole('button', { name: '返回决策事项目录' }))
    expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/packages/staff/pages/decisions/index' })
  })

  it('edits an entry: loads its stages and replaces them with PUT', async () => {
    signedIn(staff({ role: 'EDITOR' }))
    useRouter.mockReturnValue({ params: { id: '7' } })
    const existing = detail({
      id: 7,
      stages: [
        { kind: 'DRAFT_PUBLISHED', startsAt: '2026-10-31T16:00:00.000Z', endsAt: null, summary: '草案已公布', link: null },
        { kind: 'HEARING', startsAt: null, endsAt: null, summary: '拟召开听证会', link: 'https://www.example.gov.cn/hearing' },
      ],
    })
    server.reply('/api/staff/decisions/7', 200, existing)
    server.reply('PUT /api/staff/decisions/7', 200, existing)
    render(<StaffDecisionFormPage />)

    const draft = await screen.findByRole('group', { name: '草案公布阶段' })
    expect((within(draft).getByLabelText('开始时间') as HTMLInputElement).value).toBe('2026-11-01 00:00')
    expect((screen.getByLabelText('事项名称') as HTMLInputElement).value).toBe('城市公园管理办法的制定')
    await screen.findByRole('button', { name: '市园林绿化局' })
    toggleStage('听证 / 列席')
    type('结束时间', '2026-11-15 17:30', draft)
    fireEvent.click(screen.getByRole('button', { name: '保存修改' }))

    await screen.findByText(/已保存「城市公园管理办法的制定」/)
    const put = sentRequests().filter((r) => r.method === 'PUT')
    expect(put.map((r) => r.path)).toEqual(['/api/staff/decisions/7'])
    expect((put[0]!.data as { stages: unknown }).stages).toEqual([
      { kind: 'DRAFT_PUBLISHED', startsAt: '2026-10-31T16:00:00.000Z', endsAt: '2026-11-15T09:30:00.000Z', summary: '草案已公布', link: null },
    ])
    expect(posted()).toHaveLength(0)
  })

  it('shows 结束时间不能早于开始时间 by the stage when it ends before it starts, and sends nothing', async () => {
    signedIn(staff({ role: 'EDITOR' }))
    render(<StaffDecisionFormPage />)
    await fillEntry()
    toggleStage('会议审议')
    const meeting = stage('会议审议')
    type('开始时间', '2026-12-10 09:00', meeting)
    type('结束时间', '2026-12-09 17:00', meeting)
    toggleStage('决策结果')
    type('开始时间', '2026-12-20', stage('决策结果'))
    fireEvent.click(screen.getByRole('button', { name: '保存为草稿' }))

    const endField = meeting.querySelector('.gm-field--stage-meeting-review-endsAt') as HTMLElement
    expect(within(endField).getByText('结束时间不能早于开始时间')).toBeTruthy()
    expect(within(endField).getByLabelText('结束时间').getAttribute('aria-invalid')).toBe('true')
    expect(within(stage('决策结果')).queryByText('结束时间不能早于开始时间')).toBeNull()
    expect(screen.getByText('请按提示修改标红的内容后再保存。')).toBeTruthy()
    // what was typed stays
    expect((within(meeting).getByLabelText('结束时间') as HTMLInputElement).value).toBe('2026-12-09 17:00')
    await settle()
    expect(posted()).toHaveLength(0)

    // correcting the field clears its message
    type('结束时间', '2026-12-10 17:00', meeting)
    expect(within(meeting).queryByText('结束时间不能早于开始时间')).toBeNull()
  })

  it('shows the server’s error for stages.N.link by the N-th stage sent', async () => {
    signedIn(staff({ role: 'EDITOR' }))
    server.reply(CREATE, 400, {
      error: {
        code: 'VALIDATION_FAILED',
        message: '提交的内容有误，请检查后重试',
        details: { fields: { 'stages.1.link': '链接须为小程序内页面（以 / 开头）或 https:// 网址' } },
      },
    })
    render(<StaffDecisionFormPage />)
    await fillEntry()
    toggleStage('草案公布')
    type('相关链接（选填）', 'https://www.example.gov.cn/draft', stage('草案公布'))
    // the second stage sent is 听证, the third row of the editor
    toggleStage('听证 / 列席')
    type('相关链接（选填）', 'https://www.example.gov.cn/hearing', stage('听证 / 列席'))
    fireEvent.click(screen.getByRole('button', { name: '保存为草稿' }))

    const hearing = stage('听证 / 列席')
    const linkField = (await waitFor(() => {
      const found = hearing.querySelector('.gm-field--stage-hearing-link .gm-field__error')
      if (!found) throw new Error('no error on the hearing link yet')
      return found.closest('.gm-field')
    })) as HTMLElement
    expect(within(linkField).getByText('链接须为小程序内页面（以 / 开头）或 https:// 网址')).toBeTruthy()
    expect(within(stage('草案公布')).queryByText(/链接须为/)).toBeNull()
    expect(within(stage('意见征集')).queryByText(/链接须为/)).toBeNull()
    expect(screen.queryByText(/已保存/)).toBeNull()
    expect((within(hearing).getByLabelText('相关链接（选填）') as HTMLInputElement).value).toBe('https://www.example.gov.cn/hearing')
    expect(posted()).toHaveLength(1)
  })

  it('tells a reviewer that only editors change the catalog', async () => {
    signedIn(staff({ role: 'REVIEWER' }))
    render(<StaffDecisionFormPage />)
    expect(screen.getByText('只有「编辑」角色可以新增和修改决策事项。')).toBeTruthy()
    await settle()
    expect(sentRequests().some((r) => r.path.startsWith('/api/staff'))).toBe(false)
  })

  it('lets a reviewer of the department publish a draft, and offers no 发布 to a reviewer of another department', async () => {
    signedIn(staff({ role: 'REVIEWER', department }))
    server.reply(LIST, 200, [
      summary({ id: 5, publishedAt: null }),
      summary({ id: 6, title: '其他部门的草稿事项', department: { id: 4, name: '市民政局' }, publishedAt: null }),
    ])
    server.reply('POST /api/staff/decisions/5/publish', 200, detail({ id: 5, publishedAt: '2026-12-06T00:00:00.000Z' }))
    server.reply(LIST, 200, [summary({ id: 5 }), summary({ id: 6, title: '其他部门的草稿事项', department: { id: 4, name: '市民政局' }, publishedAt: null })])
    render(<StaffDecisionsPage />)
    const publish = await screen.findByRole('button', { name: '发布「城市公园管理办法的制定」' })
    expect(screen.getAllByText('草稿（未公开）')).toHaveLength(2)
    expect(screen.queryByRole('button', { name: '发布「其他部门的草稿事项」' })).toBeNull()
    fireEvent.click(publish)
    await screen.findByText('已发布「城市公园管理办法的制定」，公众现在可以在决策事项目录中看到。')
    await waitFor(() => expect(screen.getAllByText('草稿（未公开）')).toHaveLength(1))
    expect(
      sentRequests()
        .filter((r) => r.method === 'POST')
        .map((r) => r.path),
    ).toEqual(['/api/staff/decisions/5/publish'])
  })

  it('shows a refused publication', async () => {
    signedIn(staff({ role: 'REVIEWER', department }))
    server.reply(LIST, 200, [summary({ id: 5, publishedAt: null })])
    server.reply('POST /api/staff/decisions/5/publish', 409, { error: { code: 'ALREADY_PUBLISHED', message: '已发布，不能重复发布' } })
    render(<StaffDecisionsPage />)
    fireEvent.click(await screen.findByRole('button', { name: '发布「城市公园管理办法的制定」' }))
    await screen.findByText('发布失败：已发布，不能重复发布')
  })
})
