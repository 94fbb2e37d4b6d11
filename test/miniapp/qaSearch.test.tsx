import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import type { QaList, QaListItem } from '@gm/shared'
import { QaHighlight } from '../../miniapp/src/components/QaHighlight'
import { QaRichText } from '../../miniapp/src/components/QaRichText'
import { QaSearchResult } from '../../miniapp/src/components/QaSearchResult'
import QaPage from '../../miniapp/src/pages/qa/index'
import { fakeServer } from './fixtures'
import Taro from './taroMock'

function qaItem(overrides: Partial<QaListItem> = {}): QaListItem {
  return {
    id: 7,
    question: '到了退休年龄，基本养老金怎么领取？',
    answerExcerpt: '携带身份证和社会保障卡到社保经办机构申领基本养老金。',
    topic: '养老',
    department: { id: 4, name: '人力资源和社会保障局' },
    policy: null,
    reviewedAt: '2026-11-01T02:00:00.000Z',
    helpfulCount: 3,
    unhelpfulCount: 0,
    reviewNotice: null,
    ...overrides,
  }
}

const list = (items: QaListItem[], noGoodAnswer = false): QaList => ({ items, total: items.length, page: 1, pageSize: 10, noGoodAnswer })

function libraryServer() {
  const server = fakeServer()
  server.reply('/api/qa/topics', 200, [
    { topic: '养老', count: 12 },
    { topic: '社保', count: 8 },
  ])
  server.reply('/api/qa/hot', 200, [{ id: 7, question: '到了退休年龄，基本养老金怎么领取？', topic: '养老', views: 90, searches: 40 }])
  server.reply('/api/qa', 200, list([qaItem()]))
  return server
}

/** The tab with its topics, hot questions and first page loaded. */
const renderPage = async () => {
  render(<QaPage />)
  await screen.findByText('热门问题')
  await screen.findByText('养老（12）')
  await waitFor(() => expect(document.querySelectorAll('.gm-qa-card')).toHaveLength(1))
}

const search = async (words: string) => {
  const input = document.querySelector('.gm-search-bar input') as HTMLInputElement
  fireEvent.change(input, { target: { value: words } })
  // the search starts requests that settle at once (no hot questions while searching)
  await act(async () => {
    fireEvent.keyDown(input, { key: 'Enter' })
  })
}

describe('highlighted search snippets', () => {
  it('shows the answer excerpt the list sends when a card has no highlight (the full answer is on the detail page)', () => {
    const { container } = render(<QaSearchResult item={qaItem({ answerExcerpt: '第一句。'.repeat(30) })} />)
    expect(container.querySelector('.gm-qa-card__answer')?.textContent).toBe(`答：${'第一句。'.repeat(15)}…`)
  })

  it('renders the BFF segments as plain text, hits marked, markup left inert', () => {
    const { container } = render(
      <QaHighlight
        segments={[
          { text: '怎么领取', hit: false },
          { text: '<img src=x onerror="alert(1)">养老金', hit: true },
          { text: '<script>alert(2)</script>', hit: false },
        ]}
      />,
    )
    expect(container.querySelector('img')).toBeNull()
    expect(container.querySelector('script')).toBeNull()
    const hit = container.querySelector('.gm-qa-highlight__hit')
    expect(hit?.textContent).toBe('<img src=x onerror="alert(1)">养老金')
    expect(container.textContent).toBe('怎么领取<img src=x onerror="alert(1)">养老金<script>alert(2)</script>')
  })

  it('renders rich answers as text and drops links the schema does not allow', () => {
    const { container } = render(
      <QaRichText
        blocks={[
          { type: 'heading', children: [{ text: '办理<b>材料</b>' }] },
          {
            type: 'paragraph',
            children: [
              { text: '点此', href: 'javascript:alert(1)' },
              { text: '咨询电话', href: 'tel:12345' },
            ],
          },
          { type: 'list', ordered: true, items: [[{ text: '身份证' }], [{ text: '社会保障卡', bold: true }]] },
        ]}
      />,
    )
    expect(container.querySelector('b')).toBeNull()
    expect(screen.getByText('办理<b>材料</b>')).toBeTruthy()
    expect(screen.getByText('点此').getAttribute('role')).toBeNull()
    expect(screen.getByRole('link', { name: '咨询电话' })).toBeTruthy()
    expect(screen.getAllByRole('listitem').map((li) => li.textContent)).toEqual(['1.身份证', '2.社会保障卡'])
  })
})

describe('政策问答 tab', () => {
  it('shows hot questions while the box is empty, then searches in the citizen’s words with highlights', async () => {
    const server = libraryServer()
    server.reply('/api/qa/search', 200, {
      ...list([
        qaItem({
          highlight: {
            question: [
              { text: '到了退休年龄，', hit: false },
              { text: '基本养老金', hit: true },
              { text: '怎么领取？', hit: false },
            ],
            answer: [{ text: '…申领基本养老金。', hit: false }],
          },
        }),
      ]),
    })
    await renderPage()
    await search('退休金怎么领')

    await waitFor(() => expect(document.querySelector('.gm-qa-card .gm-qa-highlight__hit')?.textContent).toBe('基本养老金'))
    expect(server.requested('/api/qa/search')[0]).toContain(`q=${encodeURIComponent('退休金怎么领')}`)
    expect(screen.queryByText('热门问题')).toBeNull()
    expect(screen.queryByText('没有找到满意的答案？向工作人员提问')).toBeNull()
  })

  it('offers to ask staff, with the words prefilled, when the search flags no good answer', async () => {
    const server = libraryServer()
    server.reply('/api/qa/search', 200, list([qaItem({ question: '失业保险金怎么申领？' })], true))
    await renderPage()
    await search('宠物狗办证')

    await screen.findByText('没有找到满意的答案？向工作人员提问')
    fireEvent.click(screen.getByRole('button', { name: '向工作人员提问' }))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: `/packages/qa/pages/ask/index?q=${encodeURIComponent('宠物狗办证')}` })
  })

  it('offers to ask staff when nothing at all is found', async () => {
    const server = libraryServer()
    server.reply('/api/qa/search', 200, list([], true))
    await renderPage()
    await search('无关的话')
    await screen.findByText('没有找到与「无关的话」相关的问答，换个说法试试')
    expect(screen.getByText('没有找到满意的答案？向工作人员提问')).toBeTruthy()
  })

  it('shows the BFF’s message for a query that is too long and keeps the words in the box', async () => {
    const server = libraryServer()
    server.reply('/api/qa/search', 400, {
      error: { code: 'VALIDATION_FAILED', message: '提交的内容有误，请检查后重试', details: { fields: { 'query.q': '问题最多 50 个字，请简要描述' } } },
    })
    await renderPage()
    await search('很长的问题')
    await screen.findByRole('button', { name: '重新加载' })
    expect((document.querySelector('.gm-search-bar input') as HTMLInputElement).value).toBe('很长的问题')
  })
})
