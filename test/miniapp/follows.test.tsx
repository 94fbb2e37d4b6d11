// 关注 in the mini-program: the follow toggle on a page and 我的关注 with 取消关注.
import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import type { Follow } from '@gm/shared'
import { FollowButton } from '../../miniapp/src/components/FollowButton'
import { useFollow } from '../../miniapp/src/hooks/useFollows'
import MyFollowsPage from '../../miniapp/src/packages/me/pages/follows/index'
import { citizen, fakeServer, sentRequests, signedIn } from './fixtures'

function follow(overrides: Partial<Follow> = {}): Follow {
  return {
    targetType: 'DECISION',
    targetKey: '3',
    name: '高新区老旧小区改造三年行动',
    link: '/packages/decision/pages/detail/index?id=3',
    createdAt: '2026-11-20T02:00:00.000Z',
    ...overrides,
  }
}

function DecisionFollow() {
  const state = useFollow('DECISION', 3)
  return <FollowButton name="「老旧小区改造」" following={state.following} busy={state.busy} error={state.error?.message} onPress={() => void state.toggle()} />
}

const writes = () => sentRequests().filter((r) => r.method !== 'GET')

describe('follow toggle', () => {
  let server: ReturnType<typeof fakeServer>
  beforeEach(() => {
    signedIn(citizen())
    server = fakeServer()
  })

  it('shows the state in words, follows and unfollows, with a label naming the target', async () => {
    server.reply('/api/me/follows/DECISION/3', 200, { following: false })
    render(<DecisionFollow />)
    const button = await screen.findByLabelText('关注「老旧小区改造」')
    expect(button.textContent).toBe('＋ 关注')

    server.reply('/api/me/follows/DECISION/3', 200, follow())
    fireEvent.click(button)
    const on = await screen.findByLabelText('已关注「老旧小区改造」，点按取消关注')
    expect(on.textContent).toBe('✓ 已关注')

    server.reply('/api/me/follows/DECISION/3', 204, '')
    fireEvent.click(on)
    await screen.findByLabelText('关注「老旧小区改造」')
    expect(writes().map((r) => [r.method, r.path])).toEqual([
      ['PUT', '/api/me/follows/DECISION/3'],
      ['DELETE', '/api/me/follows/DECISION/3'],
    ])
  })
})

describe('我的关注 page', () => {
  let server: ReturnType<typeof fakeServer>
  beforeEach(() => {
    signedIn(citizen())
    server = fakeServer()
  })

  it('lists what is followed with its kind and date, and 取消关注 removes it', async () => {
    server.reply('/api/me/follows', 200, {
      items: [follow(), follow({ targetType: 'TOPIC', targetKey: '住房', name: '住房', link: '/pages/qa/index?topic=%E4%BD%8F%E6%88%BF' })],
    })
    render(<MyFollowsPage />)
    await screen.findByText('高新区老旧小区改造三年行动')
    expect(screen.getByText('决策事项 · 2026年11月20日 关注')).toBeTruthy()
    expect(screen.getByText('政策主题 · 2026年11月20日 关注')).toBeTruthy()

    server.reply('/api/me/follows/TOPIC/%E4%BD%8F%E6%88%BF', 204, '')
    fireEvent.click(screen.getByLabelText('取消关注住房'))
    await waitFor(() => expect(screen.queryByLabelText('取消关注住房')).toBeNull())
    expect(screen.getByText('高新区老旧小区改造三年行动')).toBeTruthy()
    expect(writes().map((r) => [r.method, r.path])).toEqual([['DELETE', '/api/me/follows/TOPIC/%E4%BD%8F%E6%88%BF']])
  })
})
