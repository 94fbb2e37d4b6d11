import { fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { drawCommitment, drawLottery, type DrawPreview, type DrawRecord, LOTTERY_ALGORITHM, type Quota } from '@gm/shared'
import { DrawConfirmation, quotaWarnings } from '../../miniapp/src/components/DrawConfirmation'
import { DrawRecordView } from '../../miniapp/src/components/DrawRecordView'
import StaffEventDrawPage from '../../miniapp/src/packages/staff/pages/event-draw/index'
import { fakeServer, sentRequests, signedIn, staff } from './fixtures'
import { useRouter } from './taroMock'

const SECRET = '3f'.repeat(32)
const candidates = Array.from({ length: 8 }, (_, i) => ({
  code: `R${100 + i}`,
  category: (i % 3 ? 'PUBLIC' : 'STAKEHOLDER') as 'PUBLIC' | 'STAKEHOLDER',
  region: i % 2 ? '东区' : '西区',
  sector: i % 4 ? '服务业' : '制造业',
  ageBand: null,
  gender: null,
}))

function previewOf(overrides: Partial<DrawPreview> = {}): DrawPreview {
  const { listHash } = drawLottery({ secret: SECRET, candidates, quotas: [], seats: 3 })
  return {
    eventId: 7,
    drawn: false,
    signupClosed: true,
    commitment: drawCommitment(SECRET),
    candidateCount: candidates.length,
    seats: 3,
    listHash,
    quotas: [],
    counts: { category: { PUBLIC: 5, STAKEHOLDER: 3 }, region: { 东区: 4, 西区: 4 }, sector: { 制造业: 2, 服务业: 6 }, ageBand: {}, gender: {} },
    ...overrides,
  }
}

/** A record drawn with `quotas`; `announced` are the quotas the event published before signups (the same, unless steered). */
function recordOf(quotas: Quota[] = [], round = 1, reason: string | null = null, announced: Quota[] = quotas): DrawRecord {
  const result = drawLottery({ secret: SECRET, candidates, quotas, seats: 3 })
  return {
    eventId: 7,
    round,
    algorithm: LOTTERY_ALGORITHM,
    drawAt: '2026-12-01T02:00:00.000Z',
    reason,
    witnesses: ['公证员 李某'],
    seats: 3,
    quotas,
    listHash: result.listHash,
    seed: result.seed,
    candidates,
    selected: result.selected,
    commitment: result.commitment,
    secret: SECRET,
    announcedQuotas: announced,
    previousRounds: [],
  }
}

describe('DrawConfirmation', () => {
  it("shows what the draw will use — candidates, seats, the event's quotas, commitment, list hash — and runs only on 确认抽签", () => {
    const onConfirm = jest.fn()
    const onCancel = jest.fn()
    const preview = previewOf({ quotas: [{ field: 'sector', value: '制造业', seats: 1 }] })
    render(<DrawConfirmation preview={preview} witnesses={['公证员 李某']} onConfirm={onConfirm} onCancel={onCancel} />)
    const dialog = screen.getByRole('dialog', { name: '确认开始抽签' })
    expect(within(dialog).getByText('分层配额（报名开始前已公布，不能更改）')).toBeTruthy()
    expect(within(dialog).getByText('8 人')).toBeTruthy()
    expect(within(dialog).getByText('3 个')).toBeTruthy()
    expect(within(dialog).getByText('1. 行业为「制造业」：1 名')).toBeTruthy()
    expect(within(dialog).getByText(preview.commitment!)).toBeTruthy()
    expect(within(dialog).getByText(preview.listHash)).toBeTruthy()
    expect(onConfirm).not.toHaveBeenCalled()
    fireEvent.click(within(dialog).getByRole('button', { name: '取消' }))
    expect(onCancel).toHaveBeenCalledTimes(1)
    fireEvent.click(within(dialog).getByRole('button', { name: '确认抽签' }))
    expect(onConfirm).toHaveBeenCalledTimes(1)
  })

  it('warns about quotas beyond the seats or beyond the candidates who match, and shows a redraw reason', () => {
    const quotas: Quota[] = [
      { field: 'sector', value: '制造业', seats: 3 },
      { field: 'category', value: 'EXPERT', seats: 1 },
    ]
    expect(quotaWarnings(previewOf({ quotas }))).toEqual([
      '配额合计 4 个，超过可抽名额 3 个，排在后面的配额可能无法满足。',
      '行业为「制造业」的候选人只有 2 人，少于配额 3 个。',
      '类别为「专家」的候选人只有 0 人，少于配额 1 个。',
    ])
    render(<DrawConfirmation preview={previewOf({ drawn: true, quotas })} witnesses={[]} reason="一名抽中者放弃" onConfirm={() => {}} onCancel={() => {}} />)
    const dialog = screen.getByRole('dialog', { name: '确认重新抽签' })
    expect(within(dialog).getByText('一名抽中者放弃')).toBeTruthy()
    expect(within(dialog).getByText(/超过可抽名额/)).toBeTruthy()
    expect(within(dialog).getByRole('button', { name: '确认重新抽签' })).toBeTruthy()
  })
})

describe('验证抽签结果', () => {
  it('recomputes on this device with the quotas announced before signups: 结果一致 for the published record, 结果不一致 for a tampered one', () => {
    const announced: Quota[] = [{ field: 'region', value: '东区', seats: 2 }]
    const record = recordOf(announced)
    const { unmount } = render(<DrawRecordView record={record} />)
    expect(screen.getByText('分层配额（报名开始前公布，抽签时不能更改）')).toBeTruthy()
    expect(screen.getByText('1. 地区为「东区」：2 名')).toBeTruthy()
    expect(screen.queryByText('结果一致')).toBeNull()
    fireEvent.click(screen.getByRole('button', { name: '验证抽签结果' }))
    expect(screen.getByText('结果一致')).toBeTruthy()
    unmount()
    render(<DrawRecordView record={{ ...record, selected: [...record.selected].reverse() }} />)
    fireEvent.click(screen.getByRole('button', { name: '验证抽签结果' }))
    expect(screen.getByText('结果不一致')).toBeTruthy()
  })

  it('says 结果不一致 for a draw that recomputes but used other quotas than those announced', () => {
    const steered = recordOf([{ field: 'region', value: '西区', seats: 2 }], 1, null, [{ field: 'region', value: '东区', seats: 2 }])
    render(<DrawRecordView record={steered} />)
    expect(screen.getByText('本轮抽签实际使用的配额与事先公布的不同：')).toBeTruthy()
    fireEvent.click(screen.getByRole('button', { name: '验证抽签结果' }))
    expect(screen.getByText('结果不一致')).toBeTruthy()
  })
})

describe('公开抽签 (staff page)', () => {
  let server: ReturnType<typeof fakeServer>
  beforeEach(() => {
    signedIn(staff({ role: 'REVIEWER' }))
    server = fakeServer()
    useRouter.mockReturnValue({ params: { id: '7' } })
  })
  afterEach(() => useRouter.mockReset().mockImplementation(() => ({ params: {} })))

  const drawPosts = () => sentRequests().filter((r) => r.method === 'POST' && r.path === '/api/staff/events/7/draw')

  it("shows the event's fixed quotas, asks for confirmation of the preview before drawing, then sends the confirmed list hash (no seed, no quotas)", async () => {
    const preview = previewOf({ quotas: [{ field: 'region', value: '东区', seats: 2 }] })
    // Before the draw the public record is not asked for (it would be a 404).
    server.reply('/api/staff/events/7/draw-preview', 200, preview)
    server.reply('/api/staff/events/7/draw-preview', 200, { ...preview, drawn: true })
    server.reply('POST /api/staff/events/7/draw', 200, recordOf())
    server.reply('GET /api/events/7/draw', 200, recordOf())
    render(<StaffEventDrawPage />)
    fireEvent.click(await screen.findByRole('button', { name: '开始抽签…' }))
    expect(screen.queryByLabelText('随机种子')).toBeNull()
    expect(screen.queryByRole('button', { name: '添加配额' })).toBeNull()
    expect(screen.getByText('地区为「东区」的候选人 4 人（配额 2 名）')).toBeTruthy()
    const dialog = await screen.findByRole('dialog', { name: '确认开始抽签' })
    expect(within(dialog).getByText('1. 地区为「东区」：2 名')).toBeTruthy()
    expect(drawPosts()).toHaveLength(0)
    fireEvent.click(within(dialog).getByRole('button', { name: '确认抽签' }))
    await screen.findByText('抽签完成，记录已公开，结果已通知每位报名人。')
    expect(drawPosts()).toHaveLength(1)
    expect(drawPosts()[0]!.data).toEqual({ listHash: preview.listHash, witnesses: [] })
    expect(screen.queryByRole('dialog')).toBeNull()
    expect(sentRequests().filter((r) => r.path === '/api/events/7/draw').length).toBeLessThanOrEqual(1)
  })

  it('refuses a redraw without a reason before asking the server', async () => {
    server.reply('GET /api/events/7/draw', 200, recordOf())
    server.reply('/api/staff/events/7/draw-preview', 200, previewOf({ drawn: true }))
    render(<StaffEventDrawPage />)
    fireEvent.click(await screen.findByRole('button', { name: '重新抽签…' }))
    await waitFor(() => expect(screen.getByText('请说明重新抽签的理由（至少 4 个字），理由将公开')).toBeTruthy())
    expect(screen.queryByRole('dialog')).toBeNull()
    expect(sentRequests().filter((r) => r.method === 'POST')).toHaveLength(0)
  })
})
