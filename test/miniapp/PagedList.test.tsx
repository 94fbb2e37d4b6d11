import { act, fireEvent, render, screen } from '@testing-library/react'
import { PagedList } from '../../miniapp/src/components/PagedList'
import ConsultationsPage from '../../miniapp/src/pages/consultations/index'
import { consultation, fakeServer, page } from './fixtures'
import { useReachBottom } from './taroMock'

const state = (name: string) => document.querySelector(`.gm-list-state--${name}`)

describe('PagedList states', () => {
  const renderList = (props: Partial<Parameters<typeof PagedList<string>>[0]>) =>
    render(<PagedList items={[]} status="loading" keyOf={(s) => s} renderItem={(s) => <span className="item">{s}</span>} {...props} />)

  it('shows only a loading line while the first page loads', () => {
    renderList({ status: 'loading' })

    expect(state('loading')?.textContent).toBe('正在加载…')
    expect(document.querySelectorAll('.gm-list-state')).toHaveLength(1)
  })

  it('shows the empty text when there are no items', () => {
    renderList({ status: 'empty', emptyText: '目前没有正在征集意见的草案' })

    expect(state('empty')?.textContent).toBe('目前没有正在征集意见的草案')
  })

  it('shows the error message with a retry button that calls onRetry', () => {
    const onRetry = jest.fn()
    renderList({ status: 'error', errorMessage: '网络连接失败，请检查网络后重试', onRetry })

    expect(state('error')?.textContent).toContain('网络连接失败，请检查网络后重试')
    fireEvent.click(screen.getByText('重新加载'))
    expect(onRetry).toHaveBeenCalledTimes(1)
  })

  it('offers 加载更多 below the items while more pages exist', () => {
    const onLoadMore = jest.fn()
    renderList({ items: ['甲', '乙'], status: 'more', onLoadMore })

    expect(document.querySelectorAll('.item')).toHaveLength(2)
    fireEvent.click(screen.getByText('加载更多'))
    expect(onLoadMore).toHaveBeenCalledTimes(1)
  })

  it('says there is nothing more after the last page', () => {
    renderList({ items: ['甲'], status: 'end' })

    expect(state('end')?.textContent).toBe('没有更多了')
    expect(screen.queryByText('加载更多')).toBeNull()
  })
})

describe('意见征集 list page', () => {
  const LIST = '/api/consultations'
  const cards = () => [...document.querySelectorAll('.gm-consultation-card__title')].map((e) => e.textContent)
  let server: ReturnType<typeof fakeServer>
  beforeEach(() => {
    server = fakeServer()
    server.reply('/api/departments', 200, [{ id: 3, name: '市园林绿化局' }])
  })

  it('loads open consultations page by page until the end', async () => {
    server.reply(LIST, 200, page([consultation({ id: 1, title: '草案一' }), consultation({ id: 2, title: '草案二' })], 1, 3, 2))
    server.reply(LIST, 200, page([consultation({ id: 3, title: '草案三' })], 2, 3, 2))
    render(<ConsultationsPage />)

    expect(state('loading')).not.toBeNull()
    expect(await screen.findByText('草案一')).toBeTruthy()
    expect(state('more')).not.toBeNull()

    fireEvent.click(screen.getByText('加载更多'))

    expect(await screen.findByText('草案三')).toBeTruthy()
    expect(cards()).toEqual(['草案一', '草案二', '草案三'])
    expect(state('end')).not.toBeNull()
    expect(server.requested(LIST)).toEqual([
      'http://127.0.0.1:3000/api/consultations?status=open&page=1&pageSize=10',
      'http://127.0.0.1:3000/api/consultations?status=open&page=2&pageSize=10',
    ])
  })

  it('loads the next page when the user scrolls to the bottom', async () => {
    server.reply(LIST, 200, page([consultation({ id: 1, title: '草案一' })], 1, 2, 1))
    server.reply(LIST, 200, page([consultation({ id: 2, title: '草案二' })], 2, 2, 1))
    render(<ConsultationsPage />)
    await screen.findByText('草案一')

    const onReachBottom = useReachBottom.mock.calls.at(-1)?.[0] as () => void
    act(() => onReachBottom())

    expect(await screen.findByText('草案二')).toBeTruthy()
    expect(state('end')).not.toBeNull()
  })

  it('shows the error with retry when the first page fails, and recovers on retry', async () => {
    server.failNetwork(LIST)
    server.reply(LIST, 200, page([consultation({ id: 5, title: '恢复后的草案' })], 1, 1))
    render(<ConsultationsPage />)

    expect(await screen.findByText('网络连接失败，请检查网络后重试')).toBeTruthy()
    expect(state('error')).not.toBeNull()

    fireEvent.click(screen.getByText('重新加载'))

    expect(await screen.findByText('恢复后的草案')).toBeTruthy()
    expect(state('error')).toBeNull()
    expect(state('end')).not.toBeNull()
  })

  it('shows the empty state for a tab without consultations', async () => {
    server.reply(LIST, 200, page([consultation({ id: 1 })], 1, 1))
    server.reply(LIST, 200, page([], 1, 0))
    render(<ConsultationsPage />)
    await screen.findByText('已收到 42 条意见')

    fireEvent.click(screen.getByText('未开始'))

    expect(await screen.findByText('暂无即将开始的意见征集')).toBeTruthy()
    expect(server.requested(LIST).at(-1)).toContain('status=upcoming&page=1')
    expect(document.querySelector('.gm-consultation-card')).toBeNull()
  })

  it('filters by department from the chips', async () => {
    server.reply(LIST, 200, page([consultation({ id: 1, title: '草案一' })], 1, 1))
    server.reply(LIST, 200, page([consultation({ id: 2, title: '园林草案' })], 1, 1))
    render(<ConsultationsPage />)
    await screen.findByText('草案一')

    fireEvent.click(await screen.findByRole('button', { name: '市园林绿化局' }))

    expect(await screen.findByText('园林草案')).toBeTruthy()
    expect(server.requested(LIST).at(-1)).toContain('departmentId=3')
  })
})
