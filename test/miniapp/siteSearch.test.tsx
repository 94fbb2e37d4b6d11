// The home tab's one search box and its results page (packages/search): grouped results, hits marked, each opening its page.
import { act, fireEvent, render, screen } from '@testing-library/react'
import type { SearchResult } from '@gm/shared'
import SearchResultsPage from '../../miniapp/src/packages/search/pages/results/index'
import ConsultationsPage from '../../miniapp/src/pages/consultations/index'
import QaPage from '../../miniapp/src/pages/qa/index'
import { consultation, fakeServer, page } from './fixtures'
import Taro, { useRouter } from './taroMock'

const result = (): SearchResult => ({
  groups: [
    {
      area: 'consultations',
      label: '意见征集',
      items: [
        {
          id: 3,
          title: [{ text: '老旧小区改造实施办法', hit: false }],
          excerpt: [
            { text: '…完善类改造包括加装', hit: false },
            { text: '电梯', hit: true },
            { text: '、停车设施…', hit: false },
          ],
          link: '/packages/consultation/pages/detail/index?id=3',
        },
      ],
    },
    { area: 'policies', label: '政策文件', items: [] },
    { area: 'interpretations', label: '政策解读', items: [] },
    {
      area: 'events',
      label: '活动',
      items: [
        {
          id: 9,
          title: [
            { text: '政府', hit: false },
            { text: '电梯', hit: true },
            { text: '开放日', hit: false },
          ],
          excerpt: [],
          link: '/packages/event/pages/detail/index?id=9',
        },
      ],
    },
    { area: 'qa', label: '政策问答', items: [] },
  ],
})

const SEARCH = '/api/search'

describe('全站搜索', () => {
  let server: ReturnType<typeof fakeServer>
  beforeEach(() => {
    server = fakeServer()
  })
  afterEach(() => {
    useRouter.mockReset().mockImplementation(() => ({ params: {} }))
  })

  it('opens the results page from the home tab with the words typed', async () => {
    server.reply('/api/departments', 200, [])
    server.reply('/api/consultations', 200, page([consultation({ id: 1, title: '草案一' })], 1, 1))
    render(<ConsultationsPage />)
    await screen.findByText('草案一')
    const input = screen.getByLabelText('搜索政策、问答、活动和意见征集') as HTMLInputElement
    fireEvent.change(input, { target: { value: ' 电梯 ' } })
    fireEvent.keyDown(input, { key: 'Enter' })
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: `/packages/search/pages/results/index?q=${encodeURIComponent('电梯')}` })
    // The consultation list's own search is left alone.
    expect(server.requested('/api/consultations')).toHaveLength(1)
  })

  it('shows the groups that have results, hits marked, and opens an item’s page', async () => {
    useRouter.mockReturnValue({ params: { q: encodeURIComponent('电梯') } })
    server.reply(SEARCH, 200, result())
    render(<SearchResultsPage />)
    await screen.findByText('意见征集（1）')
    expect(server.requested(SEARCH)).toEqual([`http://127.0.0.1:3000/api/search?q=${encodeURIComponent('电梯')}`])
    expect(screen.getByText('活动（1）')).toBeTruthy()
    expect(screen.queryByText(/政策文件/)).toBeNull()
    const hits = Array.from(document.querySelectorAll('.gm-search-results__item .gm-qa-highlight__hit')).map((el) => el.textContent)
    expect(hits).toEqual(['电梯', '电梯'])
    expect(document.querySelector('.gm-search-results__excerpt')?.textContent).toBe('…完善类改造包括加装电梯、停车设施…')

    fireEvent.click(screen.getByRole('link', { name: '老旧小区改造实施办法' }))
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/consultation/pages/detail/index?id=3' })
  })

  it('searches again from its own box and says so when nothing is found', async () => {
    useRouter.mockReturnValue({ params: { q: encodeURIComponent('电梯') } })
    server.reply(SEARCH, 200, result())
    server.reply(SEARCH, 200, { groups: result().groups.map((g) => ({ ...g, items: [] })) })
    render(<SearchResultsPage />)
    await screen.findByText('意见征集（1）')
    const input = screen.getByLabelText('搜索政策、问答、活动和意见征集') as HTMLInputElement
    fireEvent.change(input, { target: { value: '火星' } })
    await act(async () => {
      fireEvent.keyDown(input, { key: 'Enter' })
    })
    expect(await screen.findByText('没有找到与「火星」相关的内容，可以换个说法再试')).toBeTruthy()
  })

  it('offers the same words across everything from a Q&A search without a good answer (开放日怎么报名)', async () => {
    server.reply('/api/qa/topics', 200, [])
    server.reply('/api/qa/hot', 200, [])
    server.reply('/api/qa', 200, { items: [], total: 0, page: 1, pageSize: 10, noGoodAnswer: false })
    server.reply('/api/qa/search', 200, { items: [], total: 0, page: 1, pageSize: 10, noGoodAnswer: true })
    render(<QaPage />)
    expect(screen.queryByRole('link', { name: /在全部内容中搜索/ })).toBeNull()
    const input = document.querySelector('.gm-search-bar input') as HTMLInputElement
    fireEvent.change(input, { target: { value: '开放日怎么报名' } })
    await act(async () => {
      fireEvent.keyDown(input, { key: 'Enter' })
    })
    fireEvent.click(await screen.findByRole('link', { name: '在全部内容中搜索「开放日怎么报名」' }))
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: `/packages/search/pages/results/index?q=${encodeURIComponent('开放日怎么报名')}` })
  })

  it('shows the BFF’s Chinese message with a retry when the search fails', async () => {
    useRouter.mockReturnValue({ params: { q: encodeURIComponent('电梯') } })
    server.failNetwork(SEARCH)
    server.reply(SEARCH, 200, result())
    render(<SearchResultsPage />)
    expect(await screen.findByText('网络连接失败，请检查网络后重试')).toBeTruthy()
    fireEvent.click(screen.getByRole('button', { name: '重新加载' }))
    expect(await screen.findByText('意见征集（1）')).toBeTruthy()
  })
})
