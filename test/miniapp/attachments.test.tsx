// Attachments: an editor uploads a draft's 起草说明 from the consultation form (WeChat's uploadFile, multipart with kind and title), sees refusals inline, removes one, opens a draft's file with the staff session; a citizen opens a published file in WeChat's document viewer.
import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import type { Attachment } from '@gm/shared'
import ConsultationDetailPage from '../../miniapp/src/packages/consultation/pages/detail/index'
import ConsultationFormPage from '../../miniapp/src/packages/staff/pages/consultation-form/index'
import { platform } from '../../miniapp/src/platform'
import { consultationDetail, fakeServer, sentRequests, signedIn, staff } from './fixtures'
import Taro, { useRouter } from './taroMock'

const attachment = (overrides: Partial<Attachment> = {}): Attachment => ({
  id: 31,
  kind: 'DRAFTING_NOTE',
  title: '起草说明',
  filename: '起草说明.pdf',
  contentType: 'application/pdf',
  size: 204_800,
  createdAt: '2026-11-20T02:00:00.000Z',
  url: '/api/attachments/31/file',
  ...overrides,
})
/** ASCII text as bytes (jsdom has no TextEncoder). */
const ascii = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0))
const pdf = ascii('%PDF-1.4 test')
const pick = (name: string, bytes: Uint8Array = pdf) => jest.spyOn(platform, 'chooseFile').mockResolvedValue({ ok: true, name, bytes, path: 'wxfile://tmp/1' })
const LIST = '/api/staff/consultations/5/attachments'

describe('attachments on the staff consultation form', () => {
  let server: ReturnType<typeof fakeServer>
  beforeEach(() => {
    signedIn(staff({ role: 'EDITOR' }))
    server = fakeServer()
    server.reply('/api/departments', 200, [{ id: 3, name: '市园林绿化局' }])
    server.reply('/api/decisions', 200, [])
    server.reply('/api/staff/consultations/5', 200, consultationDetail({ id: 5 }))
    useRouter.mockReturnValue({ params: { id: '5' } })
  })
  afterEach(() => {
    useRouter.mockReset().mockImplementation(() => ({ params: {} }))
    jest.restoreAllMocks()
  })

  it('uploads the picked file with its kind and name through uploadFile, then lists it', async () => {
    server.reply(LIST, 200, [])
    server.reply(LIST, 200, [attachment({ title: '草案起草说明' })])
    Taro.uploadFile.mockResolvedValue({ statusCode: 201, data: JSON.stringify(attachment({ title: '草案起草说明' })) })
    pick('起草说明.pdf')
    render(<ConsultationFormPage />)
    await screen.findByText('还没有附件')
    fireEvent.input(screen.getByLabelText('附件名称（选填）'), { target: { value: '草案起草说明' } })
    fireEvent.click(screen.getByRole('button', { name: '选择文件并上传' }))
    await screen.findByText('已上传「草案起草说明」')
    expect(Taro.uploadFile).toHaveBeenCalledWith({
      url: 'http://127.0.0.1:3000/api/staff/consultations/5/attachments',
      filePath: 'wxfile://tmp/1',
      name: 'file',
      formData: { kind: 'DRAFTING_NOTE', title: '草案起草说明' },
      header: { Authorization: expect.stringMatching(/^Bearer /) },
    })
    expect(await screen.findByText('起草说明.pdf · 200 KB')).toBeTruthy()
  })

  it('says before sending that a file type is not accepted, and shows the server’s refusal of the content', async () => {
    server.reply(LIST, 200, [])
    pick('安装程序.exe')
    render(<ConsultationFormPage />)
    await screen.findByText('还没有附件')
    fireEvent.click(screen.getByRole('button', { name: '选择文件并上传' }))
    await screen.findByText('只能上传 PDF、图片（PNG/JPG）、Word（.docx）或 Excel（.xlsx） 文件')
    expect(Taro.uploadFile).not.toHaveBeenCalled()

    pick('伪装.pdf', ascii('MZ'))
    Taro.uploadFile.mockResolvedValue({
      statusCode: 415,
      data: JSON.stringify({
        error: {
          code: 'ATTACHMENT_TYPE_NOT_ALLOWED',
          message: '只能上传 PDF、图片（PNG/JPG）、Word（.docx）或 Excel（.xlsx）文件，且文件内容须与扩展名相符',
          details: { fields: { file: '文件类型不符合要求' } },
        },
      }),
    })
    fireEvent.click(screen.getByRole('button', { name: '选择文件并上传' }))
    await screen.findByText(/文件内容须与扩展名相符/)
  })

  it('removes an attachment', async () => {
    server.reply(LIST, 200, [attachment()])
    server.reply('DELETE /api/staff/attachments/31', 204, null)
    server.reply(LIST, 200, [])
    render(<ConsultationFormPage />)
    fireEvent.click(await screen.findByRole('button', { name: '删除「起草说明」' }))
    await screen.findByText('还没有附件')
    expect(
      sentRequests()
        .filter((r) => r.method === 'DELETE')
        .map((r) => r.path),
    ).toEqual(['/api/staff/attachments/31'])
  })

  it('opens a draft’s file before publication with the staff session (getStaffAttachmentFile), in WeChat’s document viewer', async () => {
    server.reply(LIST, 200, [attachment({ url: '/api/staff/attachments/31/file' })])
    Taro.downloadFile.mockResolvedValue({ statusCode: 200, tempFilePath: 'wxfile://tmp/draft' })
    render(<ConsultationFormPage />)
    fireEvent.click(await screen.findByRole('button', { name: '打开「起草说明」' }))
    await waitFor(() => expect(Taro.openDocument).toHaveBeenCalledWith({ filePath: 'wxfile://tmp/draft', fileType: 'pdf', showMenu: true }))
    expect(Taro.downloadFile).toHaveBeenCalledWith({
      url: 'http://127.0.0.1:3000/api/staff/attachments/31/file',
      header: { Authorization: expect.stringMatching(/^Bearer /) },
    })
  })

  it('says so when the file cannot be opened (another department: 403)', async () => {
    server.reply(LIST, 200, [attachment({ url: '/api/staff/attachments/31/file' })])
    Taro.downloadFile.mockResolvedValue({ statusCode: 403, tempFilePath: '' })
    render(<ConsultationFormPage />)
    fireEvent.click(await screen.findByRole('button', { name: '打开「起草说明」' }))
    expect(await screen.findByText(/^附件打开失败：/)).toBeTruthy()
  })
})

describe('attachments on the public consultation page', () => {
  beforeEach(() => useRouter.mockReturnValue({ params: { id: '1' } }))
  afterEach(() => useRouter.mockReset().mockImplementation(() => ({ params: {} })))

  it('lists the files and opens one in WeChat’s document viewer after downloading it', async () => {
    const server = fakeServer()
    server.reply('/api/consultations/1', 200, consultationDetail({ id: 1 }))
    server.reply('/api/consultations/1/attachments', 200, [
      attachment({ id: 40, url: '/api/attachments/40/file', filename: '依据.docx', title: '依据文件', kind: 'BASIS' }),
    ])
    Taro.downloadFile.mockResolvedValue({ statusCode: 200, tempFilePath: 'wxfile://tmp/dl' })
    render(<ConsultationDetailPage />)
    fireEvent.click(await screen.findByRole('button', { name: '打开「依据文件」' }))
    await waitFor(() => expect(Taro.openDocument).toHaveBeenCalledWith({ filePath: 'wxfile://tmp/dl', fileType: 'docx', showMenu: true }))
    expect(Taro.downloadFile).toHaveBeenCalledWith({ url: 'http://127.0.0.1:3000/api/attachments/40/file' })
  })

  it('shows no 附件 section when there is none', async () => {
    const server = fakeServer()
    server.reply('/api/consultations/1', 200, consultationDetail({ id: 1 }))
    server.reply('/api/consultations/1/attachments', 200, [])
    render(<ConsultationDetailPage />)
    await screen.findByText('草案全文')
    expect(screen.queryByText('附件')).toBeNull()
  })
})
