// Attachments of consultation drafts and events: editors of the department upload files whose content is an accepted type; citizens list and open them once the owner is published, with safe headers.
import { zipSync } from 'fflate'
import { signInDemoCitizen, signInStaff } from '../support/identity'
import { startTestApp, type TestApp } from '../support/testApp'

let app: TestApp
let own: number
let other: number
let editor: Record<string, string>
let otherEditor: Record<string, string>
let reviewer: Record<string, string>
let draftId: number
let publishedId: number
let eventId: number

const DAY = 86_400_000
const pdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n')
const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52])
const office = (main: string, extra: Record<string, Uint8Array> = {}) =>
  Buffer.from(zipSync({ '[Content_Types].xml': Buffer.from('<Types/>'), [main]: Buffer.from('<document/>'), ...extra }))

function form(file: { name: string; bytes: Buffer; type?: string } | null, fields: Record<string, string> = { kind: 'DRAFTING_NOTE' }) {
  const body = new FormData()
  for (const [k, v] of Object.entries(fields)) body.append(k, v)
  if (file) body.append('file', new Blob([new Uint8Array(file.bytes)], { type: file.type ?? 'application/octet-stream' }), file.name)
  return body
}
const upload = (path: string, headers: Record<string, string>, body: FormData) => app.request(path, { method: 'POST', headers, body })
const toDraft = (file: Parameters<typeof form>[0], fields?: Record<string, string>, headers = editor) =>
  upload(`/api/staff/consultations/${draftId}/attachments`, headers, form(file, fields))

beforeAll(async () => {
  app = await startTestApp({ settings: { demoLogin: true } })
  own = (await app.db.department.create({ data: { name: '附件甲局' } })).id
  other = (await app.db.department.create({ data: { name: '附件乙局' } })).id
  editor = (await signInStaff(app, 'EDITOR', undefined, { departments: [own] })).auth
  otherEditor = (await signInStaff(app, 'EDITOR', undefined, { departments: [other] })).auth
  reviewer = (await signInStaff(app, 'REVIEWER', undefined, { departments: [own] })).auth
  const now = Date.now()
  const consultation = (publishedAt: Date | null) =>
    app.db.consultation.create({
      data: { departmentId: own, title: '附件测试草案', summary: '—', opensAt: new Date(now - DAY), closesAt: new Date(now + 40 * DAY), publishedAt },
    })
  draftId = (await consultation(null)).id
  publishedId = (await consultation(new Date(now - DAY))).id
  eventId = (
    await app.db.event.create({
      data: {
        kind: 'OPEN_DAY',
        title: '附件测试开放日',
        description: '—',
        place: '市民中心',
        departmentId: own,
        startsAt: new Date(now + 10 * DAY),
        endsAt: new Date(now + 10 * DAY + 3_600_000),
        signupOpensAt: new Date(now - DAY),
        signupClosesAt: new Date(now + 5 * DAY),
        capacity: 10,
        selectionMode: 'FIRST_COME',
        publishedAt: new Date(now - DAY),
      },
    })
  ).id
})
afterAll(() => app.close())

describe('uploading', () => {
  it('stores a PDF 起草说明 and a .docx 依据文件 of a draft, typed by content, audited; staff list them before publication', async () => {
    const note = await toDraft({ name: '起草说明.PDF', bytes: pdf, type: 'text/html' }, { kind: 'DRAFTING_NOTE', title: '' })
    expect(note.status).toBe(201)
    expect(note.body).toMatchObject({ kind: 'DRAFTING_NOTE', title: '起草说明', filename: '起草说明.PDF', contentType: 'application/pdf', size: pdf.length })
    const basis = await toDraft({ name: '依据.docx', bytes: office('word/document.xml') }, { kind: 'BASIS', title: '上位法依据' })
    expect(basis.status).toBe(201)
    expect(basis.body.contentType).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document')
    const listed = await app.request(`/api/staff/consultations/${draftId}/attachments`, { headers: reviewer })
    expect(listed.body.map((a: { title: string }) => a.title)).toEqual(['起草说明', '上位法依据'])
    expect(await app.db.auditLog.count({ where: { action: 'uploadAttachment', entity: 'attachment' } })).toBe(2)
  })

  it.each([
    ['a program renamed .pdf', { name: '说明.pdf', bytes: Buffer.from('MZ\x90\x00 this program cannot be run in DOS mode') }],
    ['an HTML page named .pdf', { name: '说明.pdf', bytes: Buffer.from('<html><script>alert(1)</script></html>') }],
    ['a PNG named .jpg', { name: '图解.jpg', bytes: png }],
    ['a macro-enabled document named .docx', { name: '依据.docx', bytes: office('word/document.xml', { 'word/vbaProject.bin': Buffer.from('vba') }) }],
    ['a spreadsheet named .docx', { name: '依据.docx', bytes: office('xl/workbook.xml') }],
    ['a type not accepted at all', { name: '说明.txt', bytes: Buffer.from('纯文本') }],
  ])('refuses %s with 415 ATTACHMENT_TYPE_NOT_ALLOWED and stores nothing', async (_, file) => {
    const before = await app.db.attachment.count()
    const refused = await toDraft(file)
    expect([refused.status, refused.body.error.code, refused.body.error.details.fields.file]).toEqual([
      415,
      'ATTACHMENT_TYPE_NOT_ALLOWED',
      '文件类型不符合要求',
    ])
    expect(refused.body.error.message).toMatch(/只能上传 PDF/)
    expect(await app.db.attachment.count()).toBe(before)
  })

  it('refuses a file over 20 MB (413), no file (400), a JSON body (415) and an unknown kind (400)', async () => {
    const big = Buffer.concat([pdf, Buffer.alloc(20 * 1024 * 1024)])
    const tooBig = await toDraft({ name: '大文件.pdf', bytes: big })
    expect([tooBig.status, tooBig.body.error.code]).toEqual([413, 'ATTACHMENT_TOO_LARGE'])
    const none = await toDraft(null)
    expect([none.status, none.body.error.code]).toEqual([400, 'ATTACHMENT_MISSING'])
    const json = await app.request(`/api/staff/consultations/${draftId}/attachments`, { method: 'POST', headers: editor, json: { kind: 'BASIS' } })
    expect([json.status, json.body.error.code]).toEqual([415, 'NOT_MULTIPART'])
    const kind = await toDraft({ name: '说明.pdf', bytes: pdf }, { kind: 'VIRUS' })
    expect([kind.status, kind.body.error.code, Object.keys(kind.body.error.details.fields)]).toEqual([400, 'VALIDATION_FAILED', ['kind']])
  })

  it('refuses an editor of another department (403 FORBIDDEN_DEPARTMENT), a reviewer (403), a citizen (403) and an anonymous caller (401)', async () => {
    const before = await app.db.attachment.count()
    const elsewhere = await toDraft({ name: '说明.pdf', bytes: pdf }, undefined, otherEditor)
    expect([elsewhere.status, elsewhere.body.error.code]).toEqual([403, 'FORBIDDEN_DEPARTMENT'])
    expect((await toDraft({ name: '说明.pdf', bytes: pdf }, undefined, reviewer)).status).toBe(403)
    const citizen = await signInDemoCitizen(app)
    expect((await toDraft({ name: '说明.pdf', bytes: pdf }, undefined, citizen.auth)).status).toBe(403)
    expect((await toDraft({ name: '说明.pdf', bytes: pdf }, undefined, {})).status).toBe(401)
    expect((await app.request(`/api/staff/consultations/${draftId}/attachments`, { headers: otherEditor })).status).toBe(403)
    expect(await app.db.attachment.count()).toBe(before)
  })
})

describe('reading', () => {
  it('keeps a draft’s files from the public: the list and the file are 404', async () => {
    const [first] = (await app.request(`/api/staff/consultations/${draftId}/attachments`, { headers: editor })).body
    expect((await app.request(`/api/consultations/${draftId}/attachments`)).status).toBe(404)
    expect((await app.request(`/api/attachments/${first.id}/file`)).status).toBe(404)
  })

  it('lets staff of the owner’s department open a draft’s file before publication; another department 403, a citizen 403, the public 404', async () => {
    const [first] = (await app.request(`/api/staff/consultations/${draftId}/attachments`, { headers: editor })).body
    expect(first.url).toBe(`/api/staff/attachments/${first.id}/file`)
    for (const headers of [editor, reviewer]) {
      const file = await fetch(`${app.baseUrl}${first.url}`, { headers })
      expect([file.status, file.headers.get('content-type'), file.headers.get('x-content-type-options')]).toEqual([200, 'application/pdf', 'nosniff'])
      expect(file.headers.get('cache-control')).toBe('no-store')
      expect(Buffer.from(await file.arrayBuffer()).equals(pdf)).toBe(true)
    }
    const elsewhere = await app.request(first.url, { headers: otherEditor })
    expect([elsewhere.status, elsewhere.body.error.code]).toEqual([403, 'FORBIDDEN_DEPARTMENT'])
    const citizen = await signInDemoCitizen(app)
    expect((await app.request(first.url, { headers: citizen.auth })).status).toBe(403)
    expect((await app.request(first.url)).status).toBe(401)
    expect((await app.request(`/api/attachments/${first.id}/file`)).status).toBe(404)
    expect((await app.request('/api/staff/attachments/987654/file', { headers: editor })).status).toBe(404)
  })

  it('serves a published consultation’s file with its type, as a download, nosniff, and the same bytes', async () => {
    const made = await upload(
      `/api/staff/consultations/${publishedId}/attachments`,
      editor,
      form({ name: '政策图解.png', bytes: png }, { kind: 'OTHER', title: '图解' }),
    )
    expect(made.status).toBe(201)
    const list = await app.request(`/api/consultations/${publishedId}/attachments`)
    expect(list.body).toEqual([expect.objectContaining({ id: made.body.id, title: '图解', url: `/api/attachments/${made.body.id}/file` })])
    const file = await fetch(`${app.baseUrl}/api/attachments/${made.body.id}/file`)
    expect(file.status).toBe(200)
    expect(file.headers.get('content-type')).toBe('image/png')
    expect(file.headers.get('content-disposition')).toBe(`attachment; filename="????.png"; filename*=UTF-8''${encodeURIComponent('政策图解.png')}`)
    expect(file.headers.get('x-content-type-options')).toBe('nosniff')
    expect(Buffer.from(await file.arrayBuffer()).equals(png)).toBe(true)
  })

  it('lists an event’s 会议材料 publicly once the event is published', async () => {
    const made = await upload(
      `/api/staff/events/${eventId}/attachments`,
      editor,
      form({ name: '议程.xlsx', bytes: office('xl/workbook.xml') }, { kind: 'MEETING_MATERIAL', title: '' }),
    )
    expect(made.status).toBe(201)
    expect((await app.request(`/api/events/${eventId}/attachments`)).body).toEqual([expect.objectContaining({ title: '议程', kind: 'MEETING_MATERIAL' })])
    expect((await app.request(`/api/staff/events/${eventId}/attachments`, { headers: otherEditor })).status).toBe(403)
  })
})

describe('removing', () => {
  it('deletes a draft’s file (audited, bytes gone), refuses one of a published consultation (409) and another department’s editor (403)', async () => {
    const [first] = (await app.request(`/api/staff/consultations/${draftId}/attachments`, { headers: editor })).body
    const refused = await app.request(`/api/staff/attachments/${first.id}`, { method: 'DELETE', headers: otherEditor })
    expect([refused.status, refused.body.error.code]).toEqual([403, 'FORBIDDEN_DEPARTMENT'])
    const key = (await app.db.attachment.findUniqueOrThrow({ where: { id: first.id } })).storageKey
    expect((await app.request(`/api/staff/attachments/${first.id}`, { method: 'DELETE', headers: editor })).status).toBe(204)
    expect(await app.deps.attachments!.get(key)).toBeNull()
    expect(await app.db.auditLog.count({ where: { action: 'deleteAttachment', entityId: String(first.id) } })).toBe(1)
    const [published] = (await app.request(`/api/consultations/${publishedId}/attachments`)).body
    const locked = await app.request(`/api/staff/attachments/${published.id}`, { method: 'DELETE', headers: editor })
    expect([locked.status, locked.body.error.code]).toEqual([409, 'DRAFT_IMMUTABLE'])
  })
})
