// 关联决策事项 on the consultation and event forms: only published catalog entries are offered, and the server's refusal of a draft entry shows under the picker.
import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import ConsultationFormPage from '../../miniapp/src/packages/staff/pages/consultation-form/index'
import EventFormPage from '../../miniapp/src/packages/staff/pages/event-form/index'
import { consultationDetail, eventDetail, fakeServer, sentRequests, signedIn, staff } from './fixtures'
import { useRouter } from './taroMock'

const department = { id: 3, name: '市园林绿化局' }
const entry = (id: number, title: string) => ({
  id,
  year: 2027,
  title,
  summary: '—',
  department,
  plannedDecisionAt: '2027年',
  participationMethods: [],
  currentStage: null,
})
const published = entry(7, '城市公园管理办法')
const draft = { ...entry(8, '城市绿道管理办法'), publishedAt: null }
const refusal = {
  error: {
    code: 'DECISION_NOT_PUBLISHED',
    message: '所选决策事项尚未发布，只能关联已发布的重大行政决策事项目录条目',
    details: { fields: { decisionId: '该决策事项还是草稿，尚未发布：请选择已发布的决策事项，或请本部门审核人员先发布' } },
  },
}
const pickerError = () => document.querySelector('.gm-decision-picker__error')?.textContent
const sent = (method: string, path: string) => sentRequests().filter((r) => r.method === method && r.path === path)

let server: ReturnType<typeof fakeServer>
beforeEach(() => {
  signedIn(staff({ role: 'EDITOR', department }))
  server = fakeServer()
  server.reply('/api/departments', 200, [department])
  // The public catalog holds the published entry; the staff catalog has a draft too, which must not be offered.
  server.reply('/api/decisions', 200, [published])
  server.reply('/api/staff/decisions', 200, [{ ...published, publishedAt: '2026-11-01T00:00:00.000Z' }, draft])
})
afterEach(() => useRouter.mockReset().mockImplementation(() => ({ params: {} })))

describe('意见征集草稿: 关联决策事项', () => {
  it('offers the published entries only and shows the refusal of a draft link under the picker', async () => {
    useRouter.mockReturnValue({ params: { id: '5' } })
    server.reply('/api/staff/consultations/5', 200, consultationDetail({ id: 5, decisionId: 7, department }))
    server.reply('PUT /api/staff/consultations/5', 409, refusal)
    render(<ConsultationFormPage />)
    await screen.findByRole('button', { name: '2027 城市公园管理办法' })
    expect(screen.queryByRole('button', { name: '2027 城市绿道管理办法' })).toBeNull()
    expect(screen.getByText(/只列出已发布的决策事项/)).toBeTruthy()

    fireEvent.click(screen.getByRole('button', { name: '保存草稿' }))
    await waitFor(() => expect(pickerError()).toBe(refusal.error.details.fields.decisionId))
    expect(sent('PUT', '/api/staff/consultations/5')[0]?.data).toMatchObject({ decisionId: 7 })
  })
})

describe('活动: 关联决策事项', () => {
  const event = eventDetail({ id: 9, title: '城市公园开放日', department, startsAt: '2027-03-20T01:30:00.000Z', endsAt: '2027-03-20T04:30:00.000Z' })

  it('offers the published entries only and shows the refusal of a draft link under the picker', async () => {
    useRouter.mockReturnValue({ params: { id: '9' } })
    server.reply('/api/staff/events/9', 200, { event, published: false })
    server.reply('PUT /api/staff/events/9', 409, refusal)
    render(<EventFormPage />)
    fireEvent.click(await screen.findByRole('button', { name: '2027 城市公园管理办法' }))
    expect(screen.queryByRole('button', { name: '2027 城市绿道管理办法' })).toBeNull()

    fireEvent.click(screen.getByRole('button', { name: '保存修改' }))
    await waitFor(() => expect(pickerError()).toBe(refusal.error.details.fields.decisionId))
    expect(sent('PUT', '/api/staff/events/9')[0]?.data).toMatchObject({ decisionId: 7 })
  })
})
