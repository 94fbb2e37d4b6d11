import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { IMPORT_PART_BYTES, type StaffQaItem } from '@gm/shared'
import StaffHomePage from '../../miniapp/src/packages/staff/pages/home/index'
import StaffQaImportPage from '../../miniapp/src/packages/staff/pages/qa-import/index'
import StaffQaItemPage from '../../miniapp/src/packages/staff/pages/qa-item/index'
import StaffQaSynonymsPage from '../../miniapp/src/packages/staff/pages/qa-synonyms/index'
import StaffQaPage from '../../miniapp/src/packages/staff/pages/qa/index'
import { platform } from '../../miniapp/src/platform'
import { h5Platform } from '../../miniapp/src/platform/h5'
import { fakeServer, page, sentRequests, signedIn, staff, staffQaItem } from './fixtures'
import Taro, { useRouter } from './taroMock'

const department = { id: 3, name: '民政局' }
const NOTICE = '所依据的《养老服务补贴办法》已于 2026-11-01 修改，请复核答案是否仍然有效'

const qaItem = (overrides: Partial<StaffQaItem> = {}) => staffQaItem({ department, ...overrides })

const flagged = qaItem({
  reviewNotice: NOTICE,
  flaggedAt: '2026-11-01T02:00:00.000Z',
  policy: { id: 2, title: '养老服务补贴办法', docNumber: '高新民发〔2026〕1号', validity: 'AMENDED' },
})
const draft = qaItem({ id: 8, question: '护理补贴的标准是多少？', answer: '按失能等级每月发放。', status: 'DRAFT', publishedAt: null, policy: null })

const LIST = '/api/staff/qa'
const card = (question: string) => {
  const found = [...document.querySelectorAll<HTMLElement>('.gm-staff-qa')].find(
    (c) => c.querySelector('.gm-staff-qa__question')?.textContent === `问：${question}`,
  )
  if (!found) throw new Error(`no card for ${question}`)
  return found
}
/** Let requests started on mount settle, so nothing updates after the test. */
const settle = () => act(() => Promise.resolve())

describe('政策问答库管理', () => {
  let server: ReturnType<typeof fakeServer>
  beforeEach(() => {
    server = fakeServer()
  })

  it('lists items with their state and flags those waiting for review with the reason', async () => {
    signedIn(staff({ role: 'REVIEWER', department }))
    server.reply(LIST, 200, page([flagged, draft], 1, 2))
    render(<StaffQaPage />)

    await screen.findByText('问：高龄津贴怎么申请？')
    const first = card('高龄津贴怎么申请？')
    expect(first.className).toContain('gm-staff-qa--flagged')
    expect(within(first).getByText('待复核')).toBeTruthy()
    expect(within(first).getByText(NOTICE)).toBeTruthy()
    expect(within(first).getByText('已发布')).toBeTruthy()
    expect(within(first).getByText(/依据：养老服务补贴办法（高新民发〔2026〕1号） · 已修改/)).toBeTruthy()
    expect(within(first).getByRole('button', { name: '确认复核' })).toBeTruthy()

    const second = card('护理补贴的标准是多少？')
    expect(second.className).not.toContain('gm-staff-qa--flagged')
    expect(within(second).queryByText('待复核')).toBeNull()
    expect(within(second).getByText('草稿')).toBeTruthy()
    expect(within(second).getByRole('button', { name: '发布' })).toBeTruthy()
    expect(screen.getByText('共 2 条')).toBeTruthy()
  })

  it('asks the server for the items needing review when 待复核 is chosen', async () => {
    signedIn(staff({ role: 'REVIEWER', department }))
    server.reply(LIST, 200, page([flagged, draft], 1, 2))
    server.reply(LIST, 200, page([flagged], 1, 1))
    render(<StaffQaPage />)
    await screen.findByText('问：护理补贴的标准是多少？')

    fireEvent.click(screen.getByRole('button', { name: '待复核' }))
    await waitFor(() => expect(screen.queryByText('问：护理补贴的标准是多少？')).toBeNull())
    const urls = server.requested(LIST)
    expect(urls).toHaveLength(2)
    expect(new URL(urls[1]!).searchParams.get('needsReview')).toBe('true')
    expect(new URL(urls[1]!).searchParams.get('status')).toBeNull()
  })

  it('publishes a draft after the reviewer confirms, and shows it as published', async () => {
    signedIn(staff({ role: 'REVIEWER', department }))
    server.reply(LIST, 200, page([draft], 1, 1))
    server.reply('POST /api/staff/qa/8/publish', 200, { ...draft, status: 'PUBLISHED', publishedAt: '2026-11-21T02:00:00.000Z' })
    render(<StaffQaPage />)
    await screen.findByText('问：护理补贴的标准是多少？')

    fireEvent.click(within(card('护理补贴的标准是多少？')).getByRole('button', { name: '发布' }))
    const dialog = screen.getByRole('dialog', { name: '发布这条问答？' })
    expect(sentRequests().some((r) => r.path.endsWith('/publish'))).toBe(false)
    fireEvent.click(within(dialog).getByRole('button', { name: '发布' }))

    await waitFor(() => expect(within(card('护理补贴的标准是多少？')).getByText('已发布')).toBeTruthy())
    const sent = sentRequests().filter((r) => r.path === '/api/staff/qa/8/publish')
    expect(sent.map((r) => r.method)).toEqual(['POST'])
    expect(within(card('护理补贴的标准是多少？')).queryByRole('button', { name: '发布' })).toBeNull()
    expect(screen.queryByRole('dialog')).toBeNull()
  })

  it('shows why publishing failed on the item', async () => {
    signedIn(staff({ role: 'REVIEWER', department }))
    server.reply(LIST, 200, page([draft], 1, 1))
    server.reply('POST /api/staff/qa/8/publish', 409, { error: { code: 'CONTENT_NOT_PUBLISHED', message: '所依据的政策文件尚未发布，请先发布政策文件' } })
    render(<StaffQaPage />)
    await screen.findByText('问：护理补贴的标准是多少？')

    fireEvent.click(within(card('护理补贴的标准是多少？')).getByRole('button', { name: '发布' }))
    fireEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: '发布' }))

    expect(await within(card('护理补贴的标准是多少？')).findByText('所依据的政策文件尚未发布，请先发布政策文件')).toBeTruthy()
    expect(within(card('护理补贴的标准是多少？')).getByText('草稿')).toBeTruthy()
  })

  it('gives an editor 修改 but not the reviewer’s actions', async () => {
    signedIn(staff({ role: 'EDITOR', department }))
    server.reply(LIST, 200, page([flagged, draft], 1, 2))
    render(<StaffQaPage />)
    await screen.findByText('问：护理补贴的标准是多少？')

    const second = card('护理补贴的标准是多少？')
    expect(within(second).getByRole('button', { name: '修改' })).toBeTruthy()
    expect(within(second).queryByRole('button', { name: '发布' })).toBeNull()
    expect(within(card('高龄津贴怎么申请？')).queryByRole('button', { name: '确认复核' })).toBeNull()
    expect(screen.getByRole('button', { name: '新建问答' })).toBeTruthy()
  })
})

describe('批量导入', () => {
  let server: ReturnType<typeof fakeServer>
  beforeEach(() => {
    server = fakeServer()
    signedIn(staff({ role: 'EDITOR', department }))
  })
  afterEach(() => jest.restoreAllMocks())

  const pick = (name: string, bytes: Uint8Array) => jest.spyOn(platform, 'chooseFile').mockResolvedValue({ ok: true, name, bytes })
  const body = (path: string) =>
    sentRequests()
      .filter((r) => r.path === path)
      .map((r) => r.data as Record<string, unknown>)

  it('lists every error under its row, in Chinese, when the server refuses the file', async () => {
    const csv = Buffer.from('编号,问题,答案,主题\nbad-1,,答案,养老\nbad-2,问题二,答案,星际旅行\n')
    pick('问答.csv', new Uint8Array(csv))
    server.reply('POST /api/staff/qa-imports', 201, { id: 5, parts: 1, bytes: csv.length })
    server.reply('POST /api/staff/qa-imports/5/commit', 400, {
      error: {
        code: 'IMPORT_INVALID',
        message: '共 2 处错误（涉及 2 行），未导入任何条目',
        details: {
          errors: [
            { row: 1, field: 'question', message: '问题不能为空' },
            { row: 2, field: 'topic', message: '主题“星际旅行”不在问答主题列表中' },
          ],
          errorCount: 2,
          fields: { 'rows.1.question': '问题不能为空', 'rows.2.topic': '主题“星际旅行”不在问答主题列表中' },
        },
      },
    })
    render(<StaffQaImportPage />)

    fireEvent.click(screen.getByRole('button', { name: '选择文件' }))
    await screen.findByText(/已选择：问答\.csv/)
    fireEvent.click(screen.getByRole('button', { name: '开始导入' }))

    await screen.findByText('共 2 处错误（涉及 2 行），未导入任何条目。请改正文件后重新选择并导入。')
    const rows = [...document.querySelectorAll('.gm-import-report__row')].map((r) => r.textContent)
    expect(rows).toEqual(['第 1 行（表格第 2 行）问题：问题不能为空', '第 2 行（表格第 3 行）主题：主题“星际旅行”不在问答主题列表中'])
    expect(screen.queryByText(/导入完成/)).toBeNull()

    expect(body('/api/staff/qa-imports')).toEqual([{ format: 'csv', filename: '问答.csv', content: csv.toString('base64') }])
    expect(body('/api/staff/qa-imports/5/commit')).toEqual([{ dryRun: false, publish: false, createTopics: false }])
    // the file stays chosen, to be checked again after fixing it elsewhere
    expect(screen.getByText(/已选择：问答\.csv/)).toBeTruthy()
  })

  it('sends a large file in parts of at most 40 KB that add up to the file, then reports the import', async () => {
    const bytes = new Uint8Array(IMPORT_PART_BYTES * 2 + 1234).map((_, i) => (i * 7) % 256)
    pick('library.json', bytes)
    server.reply('POST /api/staff/qa-imports', 201, { id: 9, parts: 1, bytes: IMPORT_PART_BYTES })
    server.reply('POST /api/staff/qa-imports/9/parts', 200, { id: 9, parts: 2, bytes: IMPORT_PART_BYTES * 2 })
    server.reply('POST /api/staff/qa-imports/9/parts', 200, { id: 9, parts: 3, bytes: bytes.length })
    server.reply('POST /api/staff/qa-imports/9/commit', 200, {
      rows: 120,
      valid: 120,
      created: 100,
      updated: 20,
      createdTopics: ['综合'],
      errors: [],
      dryRun: false,
    })
    render(<StaffQaImportPage />)

    fireEvent.click(screen.getByRole('button', { name: '选择文件' }))
    await screen.findByText(/已选择：library\.json/)
    fireEvent.click(screen.getByRole('checkbox', { name: '自动新增文件中的新主题' }))
    fireEvent.click(screen.getByRole('button', { name: '开始导入' }))

    await screen.findByText('导入完成：共 120 行，新建 100 条，更新 20 条；新增主题：综合。')
    const [first] = body('/api/staff/qa-imports')
    const parts = body('/api/staff/qa-imports/9/parts')
    expect(first).toMatchObject({ format: 'json', filename: 'library.json' })
    expect(parts.map((p) => p.index)).toEqual([1, 2])
    const decoded = [first!, ...parts].map((p) => Buffer.from(p.content as string, 'base64'))
    expect(decoded.map((d) => d.length)).toEqual([IMPORT_PART_BYTES, IMPORT_PART_BYTES, 1234])
    expect(Buffer.concat(decoded).equals(Buffer.from(bytes))).toBe(true)
    expect(body('/api/staff/qa-imports/9/commit')).toEqual([{ dryRun: false, publish: false, createTopics: true }])
  })

  it('refuses a file it cannot import before sending anything', async () => {
    pick('旧表格.xls', new Uint8Array([1, 2, 3]))
    render(<StaffQaImportPage />)

    fireEvent.click(screen.getByRole('button', { name: '选择文件' }))
    await screen.findByText('不支持旧版 Excel（.xls）文件，请在 Excel 中另存为 .xlsx 后再导入')
    expect(screen.getByRole('button', { name: '开始导入' }).getAttribute('aria-disabled')).toBe('true')
    expect(sentRequests()).toHaveLength(0)
  })
})

describe('同义词词典', () => {
  const builtIn = { id: null, terms: ['医保'], expansions: ['医疗保险'], builtIn: true }
  const added = { id: 31, terms: ['残补'], expansions: ['残疾人两项补贴', '两项补贴'], builtIn: false }
  let server: ReturnType<typeof fakeServer>
  beforeEach(() => {
    server = fakeServer()
    signedIn(staff({ role: 'EDITOR', department }))
  })
  const type = (label: string, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } })

  it('adds a colloquial word for standard terms and shows it in the dictionary', async () => {
    server.reply('GET /api/staff/qa-synonyms', 200, [builtIn])
    server.reply('POST /api/staff/qa-synonyms', 201, added)
    server.reply('GET /api/staff/qa-synonyms', 200, [builtIn, added])
    render(<StaffQaSynonymsPage />)
    await screen.findByText('群众说法：医保')
    expect(screen.getByText('内置')).toBeTruthy()

    type('群众说法', '残补')
    type('规范说法', '残疾人两项补贴、两项补贴')
    fireEvent.click(screen.getByRole('button', { name: '添加词条' }))

    await screen.findByText('群众说法：残补')
    expect(screen.getByText('→ 规范说法：残疾人两项补贴、两项补贴')).toBeTruthy()
    expect(screen.getByText('已添加：残补 → 残疾人两项补贴、两项补贴，检索即时生效。')).toBeTruthy()
    const posted = sentRequests().filter((r) => r.method === 'POST' && r.path === '/api/staff/qa-synonyms')
    expect(posted.map((r) => r.data)).toEqual([{ terms: ['残补'], expansions: ['残疾人两项补贴', '两项补贴'] }])
    expect((screen.getByLabelText('群众说法') as HTMLInputElement).value).toBe('')
    const entry = screen.getByText('群众说法：残补').closest('.gm-qa-synonym') as HTMLElement
    expect(within(entry).getByRole('button', { name: '删除' })).toBeTruthy()
  })

  it('says what is missing at the field and sends nothing', async () => {
    server.reply('GET /api/staff/qa-synonyms', 200, [builtIn])
    render(<StaffQaSynonymsPage />)
    await screen.findByText('群众说法：医保')

    type('群众说法', '残补')
    fireEvent.click(screen.getByRole('button', { name: '添加词条' }))

    expect(document.querySelector('.gm-field--expansions .gm-field__error')?.textContent).toBe('至少一个规范说法')
    expect(sentRequests().filter((r) => r.method === 'POST')).toHaveLength(0)
    await settle()
  })

  it('lets an administrator read the dictionary without changing it', async () => {
    signedIn(staff({ role: 'ADMIN', department }))
    server.reply('GET /api/staff/qa-synonyms', 200, [builtIn, added])
    render(<StaffQaSynonymsPage />)
    await screen.findByText('群众说法：残补')

    expect(screen.queryByRole('button', { name: '添加词条' })).toBeNull()
    expect(screen.queryByRole('button', { name: '删除' })).toBeNull()
  })
})

describe('起草问答', () => {
  let server: ReturnType<typeof fakeServer>
  beforeEach(() => {
    server = fakeServer()
    signedIn(staff({ role: 'EDITOR', department }))
    server.reply('/api/qa/topics', 200, [
      { topic: '养老', count: 3 },
      { topic: '医疗', count: 0 },
    ])
    server.reply('/api/departments', 200, [department])
  })
  afterEach(() => useRouter.mockReset().mockImplementation(() => ({ params: {} })))
  const type = (label: string, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } })

  it('saves a new draft with the chosen topic and department, after saying what is missing', async () => {
    server.reply('POST /api/staff/qa', 201, { ...draft, id: 12, question: '医保卡丢了怎么办？', topic: '医疗' })
    render(<StaffQaItemPage />)
    await screen.findByRole('button', { name: '医疗' })

    fireEvent.click(screen.getByRole('button', { name: '保存草稿' }))
    expect(document.querySelector('.gm-textarea--question .gm-textarea__error')?.textContent).toBe('请填写问题')
    expect(sentRequests().some((r) => r.method === 'POST')).toBe(false)

    type('问题', '医保卡丢了怎么办？')
    type('相似问法（选填）', '医保卡补办\n社保卡丢失')
    type('答案', '携带身份证到社保服务窗口补办。')
    fireEvent.click(screen.getByRole('button', { name: '医疗' }))
    fireEvent.click(screen.getByRole('button', { name: '民政局' }))
    fireEvent.click(screen.getByRole('button', { name: '保存草稿' }))

    await screen.findByText('已保存为草稿，审核人员发布后公开。')
    const posted = sentRequests().filter((r) => r.method === 'POST' && r.path === '/api/staff/qa')
    expect(posted.map((r) => r.data)).toEqual([
      {
        question: '医保卡丢了怎么办？',
        aliases: ['医保卡补办', '社保卡丢失'],
        answer: '携带身份证到社保服务窗口补办。',
        topic: '医疗',
        departmentId: 3,
        policyDocumentId: null,
        clauseId: null,
      },
    ])
  })

  it('links the answer to a policy document and clause found by keyword', async () => {
    const summary = {
      id: 2,
      title: '养老服务补贴办法',
      issuer: '民政局',
      docNumber: '高新民发〔2026〕1号',
      writtenAt: '2026-01-01T02:00:00.000Z',
      publishedAt: '2026-01-02T02:00:00.000Z',
      validity: 'VALID',
      validityChangedAt: null,
      summary: '',
      topic: '养老',
      status: 'PUBLISHED',
    }
    server.reply('GET /api/staff/policies', 200, page([summary], 1, 1))
    server.reply('GET /api/staff/policies/2', 200, {
      ...summary,
      issuerDepartment: null,
      validityNote: null,
      replacedBy: null,
      replaces: [],
      sections: [{ id: 21, position: 1, heading: '第一条', body: '补贴对象' }],
      attachments: [],
      interpretations: [],
      qaItems: [],
      releasedAt: null,
    })
    server.reply('POST /api/staff/qa', 201, { ...draft, id: 13 })
    render(<StaffQaItemPage />)
    await screen.findByRole('button', { name: '养老' })

    type('问题', '高龄津贴找谁申请？')
    type('答案', '向社区服务站申请。')
    fireEvent.click(screen.getByRole('button', { name: '养老' }))
    type('按标题或文号查找政策文件', '养老')
    fireEvent.click(screen.getByRole('button', { name: '搜索' }))
    fireEvent.click(await screen.findByRole('radio', { name: '养老服务补贴办法' }))
    await screen.findByText('已选：养老服务补贴办法（高新民发〔2026〕1号）')
    fireEvent.click(await screen.findByRole('button', { name: '第 1 条 第一条' }))
    fireEvent.click(screen.getByRole('button', { name: '保存草稿' }))

    await screen.findByText('已保存为草稿，审核人员发布后公开。')
    expect(new URL(server.requested('/api/staff/policies')[0]!).searchParams.get('q')).toBe('养老')
    const posted = sentRequests().find((r) => r.method === 'POST' && r.path === '/api/staff/qa')
    expect(posted?.data).toMatchObject({ topic: '养老', policyDocumentId: 2, clauseId: 21, departmentId: null })
  })

  it('edits a published item as a change for review, keeping the formatted answer when only the question changes', async () => {
    const blocks = [
      {
        type: 'paragraph' as const,
        children: [
          { text: '详见', bold: true },
          { text: '办事指南', href: 'https://example.gov.cn/guide' },
        ],
      },
    ]
    const item = qaItem({ answer: '详见办事指南', answerBlocks: blocks, policy: null })
    useRouter.mockReturnValue({ params: { id: '7' } })
    server.reply('GET /api/staff/qa/7', 200, item)
    server.reply('PUT /api/staff/qa/7', 200, {
      ...item,
      pendingRevision: { question: '如何申请高龄津贴？', aliases: [], answer: blocks, topic: '养老', departmentId: 3, policyDocumentId: null, clauseId: null },
    })
    render(<StaffQaItemPage />)

    await waitFor(() => expect((screen.getByLabelText('问题') as HTMLTextAreaElement).value).toBe('高龄津贴怎么申请？'))
    expect(screen.getByText(/修改提交后须由审核人员发布/)).toBeTruthy()
    expect(screen.getByText(/答案含有加粗、链接或列表等格式/)).toBeTruthy()
    type('问题', '如何申请高龄津贴？')
    fireEvent.click(screen.getByRole('button', { name: '提交修改（待审核）' }))

    await screen.findByText('修改已提交，审核人员发布后替换公开的内容。')
    const put = sentRequests().filter((r) => r.method === 'PUT')
    expect(put.map((r) => r.data)).toEqual([
      { question: '如何申请高龄津贴？', aliases: [], answer: blocks, topic: '养老', departmentId: 3, policyDocumentId: null, clauseId: null },
    ])
  })
})

describe('choosing a file on H5', () => {
  it('opens a file dialog for the allowed types and reads the chosen file', async () => {
    const click = jest.spyOn(HTMLInputElement.prototype, 'click').mockImplementation(() => undefined)
    const choice = h5Platform.chooseFile(['xlsx', 'csv'])
    const input = document.querySelector<HTMLInputElement>('input[type=file]')!
    expect(input.accept).toBe('.xlsx,.csv')
    expect(click).toHaveBeenCalledTimes(1)
    const file = new File(['问题,答案\n'], '问答.csv', { type: 'text/csv' })
    // jsdom's File has no arrayBuffer(): give it the browser's
    if (!('arrayBuffer' in file))
      Object.defineProperty(file, 'arrayBuffer', { value: () => Promise.resolve(Uint8Array.from(Buffer.from('问题,答案\n')).buffer) })
    Object.defineProperty(input, 'files', { value: [file] })
    input.dispatchEvent(new Event('change'))

    const result = await choice
    expect(result.ok && result.name).toBe('问答.csv')
    expect(result.ok && Buffer.from(result.bytes).toString('utf8')).toBe('问题,答案\n')
    expect(document.querySelector('input[type=file]')).toBeNull()
    click.mockRestore()
  })

  it('reports a cancelled dialog as no file', async () => {
    jest.spyOn(HTMLInputElement.prototype, 'click').mockImplementation(() => undefined)
    const choice = h5Platform.chooseFile(['json'])
    document.querySelector('input[type=file]')!.dispatchEvent(new Event('cancel'))
    expect(await choice).toEqual({ ok: false, reason: null })
    jest.restoreAllMocks()
  })
})

describe('the 工作台 entry', () => {
  it.each(['EDITOR', 'REVIEWER', 'ADMIN'] as const)('opens 政策问答库管理 for a %s', async (role) => {
    const server = fakeServer()
    server.reply('/api/departments', 200, [department])
    server.reply('/api/admin/staff', 200, [])
    server.reply('/api/admin/audit', 200, page([], 1, 0))
    signedIn(staff({ role, department }))
    render(<StaffHomePage />)

    fireEvent.click(screen.getByRole('link', { name: '政策问答库管理' }))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/staff/pages/qa/index' })
    await waitFor(() => expect(sentRequests().length).toBeGreaterThan(0))
    await settle()
  })
})
