// The four staff edit forms (意见征集、活动、决策事项、问答) show only once they hold the record being edited: never an empty form that a quick tap would save.
import { render, screen, waitFor } from '@testing-library/react'
import type { StaffDecisionDetail } from '@gm/shared'
import ConsultationFormPage from '../../miniapp/src/packages/staff/pages/consultation-form/index'
import DecisionFormPage from '../../miniapp/src/packages/staff/pages/decision-form/index'
import EventFormPage from '../../miniapp/src/packages/staff/pages/event-form/index'
import QaItemPage from '../../miniapp/src/packages/staff/pages/qa-item/index'
import { consultationDetail, eventDetail, fakeServer, signedIn, staff, staffQaItem } from './fixtures'
import { useRouter } from './taroMock'

/** Every value each named field was rendered with, in order. */
const rendered = new Map<string, string[]>()
function recording<P extends { name: string; value: string }>(real: (props: P) => unknown) {
  return (props: P) => {
    rendered.set(props.name, [...(rendered.get(props.name) ?? []), props.value])
    return real(props)
  }
}
jest.mock('../../miniapp/src/components/FormField', () => {
  const actual = jest.requireActual('../../miniapp/src/components/FormField')
  return { ...actual, FormField: recording(actual.FormField) }
})
jest.mock('../../miniapp/src/components/TextAreaField', () => {
  const actual = jest.requireActual('../../miniapp/src/components/TextAreaField')
  return { ...actual, TextAreaField: recording(actual.TextAreaField) }
})

const department = { id: 3, name: '市园林绿化局' }
let server: ReturnType<typeof fakeServer>
beforeEach(() => {
  rendered.clear()
  signedIn(staff({ role: 'EDITOR', department }))
  server = fakeServer()
  server.reply('/api/departments', 200, [department])
  server.reply('/api/decisions', 200, [])
  server.reply('/api/staff/decisions', 200, [])
})
afterEach(() => useRouter.mockReset().mockImplementation(() => ({ params: {} })))

/** The field shows the record's value, and was never rendered with anything else (the empty new form). */
async function onlyEverShows(name: string, value: string) {
  await waitFor(() => expect(rendered.get(name)?.at(-1)).toBe(value))
  expect(new Set(rendered.get(name))).toEqual(new Set([value]))
}

describe('修改表单: 载入完成后才显示', () => {
  it('意见征集草稿', async () => {
    useRouter.mockReturnValue({ params: { id: '5' } })
    server.reply('/api/staff/consultations/5', 200, consultationDetail({ id: 5, department }))
    render(<ConsultationFormPage />)
    await screen.findByText('修改意见征集草稿')
    await onlyEverShows('title', consultationDetail().title)
  })

  it('活动', async () => {
    useRouter.mockReturnValue({ params: { id: '9' } })
    const event = eventDetail({ id: 9, title: '城市公园开放日', department })
    server.reply('/api/staff/events/9', 200, { event, published: false })
    render(<EventFormPage />)
    await onlyEverShows('title', '城市公园开放日')
  })

  it('决策事项', async () => {
    useRouter.mockReturnValue({ params: { id: '7' } })
    const entry: StaffDecisionDetail = {
      id: 7,
      year: 2027,
      title: '城市公园管理办法的制定',
      summary: '规范城市公园的规划、建设与管理。',
      department,
      plannedDecisionAt: '2027年',
      participationMethods: [],
      currentStage: null,
      publishedAt: null,
      stages: [],
      consultations: [],
      events: [],
    }
    server.reply('/api/staff/decisions/7', 200, entry)
    render(<DecisionFormPage />)
    await onlyEverShows('title', '城市公园管理办法的制定')
  })

  it('问答', async () => {
    useRouter.mockReturnValue({ params: { id: '7' } })
    server.reply('/api/qa/topics', 200, [])
    server.reply('GET /api/staff/qa/7', 200, staffQaItem({ department, policy: null }))
    render(<QaItemPage />)
    await onlyEverShows('question', '高龄津贴怎么申请？')
  })
})
