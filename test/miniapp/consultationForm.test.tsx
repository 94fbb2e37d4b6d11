// 起草意见征集: a catalog-linked consultation is major by definition and asks for a short-window reason up front.
import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import ConsultationFormPage from '../../miniapp/src/packages/staff/pages/consultation-form/index'
import { consultationDetail, fakeServer, sentRequests, signedIn, staff } from './fixtures'
import { useRouter } from './taroMock'

const decision = {
  id: 7,
  year: 2026,
  title: '城市公园管理办法',
  summary: '—',
  department: { id: 3, name: '市园林绿化局' },
  plannedDecisionAt: '2026年第四季度',
  participationMethods: [],
  currentStage: null,
}
const type = (label: string, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } })
const majorBox = () => screen.getByRole('checkbox', { name: '属于重大行政决策事项' })
const posted = () => sentRequests().filter((r) => r.method === 'POST' && r.path === '/api/staff/consultations')

describe('起草意见征集 (editor)', () => {
  let server: ReturnType<typeof fakeServer>
  beforeEach(() => {
    signedIn(staff({ role: 'EDITOR' }))
    server = fakeServer()
    server.reply('/api/departments', 200, [{ id: 3, name: '市园林绿化局' }])
    server.reply('/api/decisions', 200, [decision])
    useRouter.mockReturnValue({ params: {} })
  })

  async function fillTwentyDays() {
    render(<ConsultationFormPage />)
    fireEvent.click(await screen.findByRole('button', { name: '2026 城市公园管理办法' }))
    fireEvent.click(screen.getByRole('button', { name: '市园林绿化局' }))
    type('标题', '关于《城市公园管理办法（征求意见稿）》公开征求意见')
    type('内容摘要', '规范城市公园的规划、建设与管理。')
    type('开始时间', '2026-12-01 09:00')
    type('截止时间', '2026-12-21 09:00')
    type('条款标题', '第一条')
    type('条款内容', '为了加强城市公园管理，制定本办法。')
  }

  it('marks a catalog-linked consultation as major (not a free checkbox) and asks for the reason before saving', async () => {
    await fillTwentyDays()
    fireEvent.click(majorBox()) // locked: the catalog decides
    expect(majorBox().getAttribute('aria-checked')).toBe('true')
    expect(majorBox().getAttribute('aria-disabled')).toBe('true')

    fireEvent.click(screen.getByRole('button', { name: '保存草稿' }))
    await waitFor(() => expect(document.querySelector('.gm-textarea--shortWindowReason .gm-textarea__error')?.textContent).toMatch(/30 日/))
    expect(posted()).toHaveLength(0)
  })

  it('sends the decision link and the reason once given', async () => {
    server.reply('POST /api/staff/consultations', 201, consultationDetail({ id: 5, decisionId: 7 }))
    await fillTwentyDays()
    type('缩短理由（必填）', '须与市级条例同步施行，经主任办公会同意')
    fireEvent.click(screen.getByRole('button', { name: '保存草稿' }))
    await waitFor(() => expect(posted()).toHaveLength(1))
    expect(posted()[0]?.data).toMatchObject({ decisionId: 7, isMajorDecision: true, shortWindowReason: '须与市级条例同步施行，经主任办公会同意' })
  })
})

describe('承办单位 choices', () => {
  beforeEach(() => {
    useRouter.mockReturnValue({ params: {} })
  })
  const departments = [
    { id: 3, name: '市园林绿化局' },
    { id: 5, name: '建设局' },
    { id: 8, name: '经济发展局' },
  ]

  it('offers an editor only the departments they work for (the server refuses others)', async () => {
    signedIn(staff({ role: 'EDITOR', department: departments[0]!, departments: [departments[0]!, departments[2]!] }))
    const server = fakeServer()
    server.reply('/api/departments', 200, departments)
    server.reply('/api/decisions', 200, [])
    render(<ConsultationFormPage />)
    await screen.findByRole('button', { name: '经济发展局' })
    expect(screen.getByRole('button', { name: '市园林绿化局' })).toBeTruthy()
    expect(screen.queryByRole('button', { name: '建设局' })).toBeNull()
  })
})
