// 关注 from the Q&A item page (its topic and answering department) and the policy page (its topic and issuing department), with the toggle the decision page uses.
import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import type { PolicyDetail, QaItemDetail } from '@gm/shared'
import QaDetailPage from '../../miniapp/src/packages/qa/pages/detail/index'
import PolicyPage from '../../miniapp/src/packages/qa/pages/policy/index'
import { citizen, fakeServer, sentRequests, signedIn } from './fixtures'
import { useRouter } from './taroMock'

const department = { id: 4, name: '人力资源和社会保障局' }
const qaItem: QaItemDetail = {
  id: 9,
  question: '灵活就业人员怎么参加职工医保？',
  answer: '到社保经办窗口办理参保登记。',
  answerBlocks: [{ type: 'paragraph', children: [{ text: '到社保经办窗口办理参保登记。' }] }],
  aliases: [],
  topic: '就业',
  department,
  policy: null,
  clause: null,
  reviewedAt: '2026-11-01T02:00:00.000Z',
  helpfulCount: 3,
  unhelpfulCount: 0,
  reviewNotice: null,
  related: [],
}
const policy: PolicyDetail = {
  id: 2,
  title: '高新区促进高校毕业生就业若干措施',
  issuer: department.name,
  issuerDepartment: department,
  docNumber: '高新人社发〔2026〕3号',
  writtenAt: '2026-03-01T02:00:00.000Z',
  publishedAt: '2026-03-05T02:00:00.000Z',
  validity: 'VALID',
  validityChangedAt: null,
  summary: '',
  topic: '就业',
  validityNote: null,
  replacedBy: null,
  replaces: [],
  sections: [],
  attachments: [],
  interpretations: [],
  qaItems: [],
}
const followed = (targetType: string, targetKey: string, name: string) => ({
  targetType,
  targetKey,
  name,
  link: '/pages/qa/index',
  createdAt: '2026-11-20T02:00:00.000Z',
})
const writes = () =>
  sentRequests()
    .filter((r) => r.method !== 'GET')
    .map((r) => `${r.method} ${decodeURIComponent(r.path)}`)

afterEach(() => useRouter.mockReset().mockImplementation(() => ({ params: {} })))

describe('关注 on Q&A and policy pages', () => {
  let server: ReturnType<typeof fakeServer>
  beforeEach(() => {
    signedIn(citizen())
    server = fakeServer()
  })

  it('follows the Q&A item’s topic and answering department', async () => {
    useRouter.mockReturnValue({ params: { id: '9' } })
    server.reply('/api/qa/9', 200, qaItem)
    server.reply(`GET /api/me/follows/TOPIC/${encodeURIComponent('就业')}`, 200, { following: false })
    server.reply('GET /api/me/follows/DEPARTMENT/4', 200, { following: true })
    server.reply(`PUT /api/me/follows/TOPIC/${encodeURIComponent('就业')}`, 200, followed('TOPIC', '就业', '就业'))
    render(<QaDetailPage />)

    fireEvent.click(await screen.findByLabelText('关注政策主题「就业」'))
    await screen.findByLabelText('已关注政策主题「就业」，点按取消关注')
    expect(await screen.findByLabelText('已关注答复单位人力资源和社会保障局，点按取消关注')).toBeTruthy()
    expect(writes()).toEqual(['PUT /api/me/follows/TOPIC/就业'])
  })

  it('follows the policy’s topic and issuing department, and offers no department follow when the issuer is none', async () => {
    useRouter.mockReturnValue({ params: { id: '2' } })
    server.reply('/api/policies/2', 200, policy)
    server.reply(`GET /api/me/follows/TOPIC/${encodeURIComponent('就业')}`, 200, { following: false })
    server.reply('GET /api/me/follows/DEPARTMENT/4', 200, { following: false })
    server.reply('PUT /api/me/follows/DEPARTMENT/4', 200, followed('DEPARTMENT', '4', department.name))
    const { unmount } = render(<PolicyPage />)

    expect(await screen.findByLabelText('关注政策主题「就业」')).toBeTruthy()
    fireEvent.click(await screen.findByLabelText('关注发文机关人力资源和社会保障局'))
    await screen.findByLabelText('已关注发文机关人力资源和社会保障局，点按取消关注')
    expect(writes()).toEqual(['PUT /api/me/follows/DEPARTMENT/4'])
    unmount()

    server.reply('/api/policies/2', 200, { ...policy, issuer: '高新区管委会', issuerDepartment: null, topic: null })
    render(<PolicyPage />)
    await screen.findByText('高新区管委会')
    await waitFor(() => expect(document.querySelector('.gm-follow')).toBeNull())
  })
})
