import AdmZip from 'adm-zip'
import { IMPORT_PART_BYTES } from '@gm/shared'
import { toCsv, toXlsx } from '../../bff/src/lib/spreadsheet'
import { parseQaFile } from '../../bff/src/services/qaImport'
import { readCsv, readXlsx } from '../../bff/src/lib/spreadsheetReader'
import { signInStaff } from '../support/identity'
import { startTestApp, type TestApp } from '../support/testApp'

/**
 * Bulk import (Excel, CSV, JSON) through staged uploads, all or nothing with errors per row, and
 * export in the same columns so a file can go round again.
 */
let app: TestApp
let editor: Awaited<ReturnType<typeof signInStaff>>
let reviewer: Awaited<ReturnType<typeof signInStaff>>
const HEADER = ['编号', '问题', '相似问法', '答案', '主题', '答复部门', '依据文号', '条款序号', '复核日期']

/** Upload a file in parts within the body limit, then commit it. */
async function upload(who: { auth: Record<string, string> }, format: string, bytes: Buffer) {
  const parts: Buffer[] = []
  for (let at = 0; at < bytes.length || parts.length === 0; at += IMPORT_PART_BYTES) parts.push(bytes.subarray(at, at + IMPORT_PART_BYTES))
  const created = await app.request('/api/staff/qa-imports', {
    method: 'POST',
    headers: who.auth,
    json: { format, filename: `test.${format}`, content: parts[0]!.toString('base64') },
  })
  expect(created.status).toBe(201)
  for (let i = 1; i < parts.length; i++) {
    const part = await app.request(`/api/staff/qa-imports/${created.body.id}/parts`, {
      method: 'POST',
      headers: who.auth,
      json: { index: i, content: parts[i]!.toString('base64') },
    })
    expect(part.status).toBe(200)
  }
  return created.body.id as number
}
const commit = (who: { auth: Record<string, string> }, id: number, json: Record<string, unknown> = {}) =>
  app.request(`/api/staff/qa-imports/${id}/commit`, { method: 'POST', headers: who.auth, json })
const csv = (rows: (string | number | null)[][]) => toCsv({ sheetName: 'x', header: HEADER, rows })

let departmentName: string

beforeAll(async () => {
  app = await startTestApp()
  editor = await signInStaff(app, 'EDITOR')
  reviewer = await signInStaff(app, 'REVIEWER')
  departmentName = (await app.db.department.findUniqueOrThrow({ where: { id: editor.staff.departmentId } })).name
  const doc = await app.db.policyDocument.create({
    data: {
      title: '养老服务补贴办法',
      issuer: '民政局',
      docNumber: '高新民发〔2026〕1号',
      writtenAt: new Date(),
      publishedAt: new Date(),
      status: 'PUBLISHED',
      sections: { create: [{ position: 1, heading: '第一条', body: '补贴对象' }] },
    },
  })
  expect(doc.id).toBeGreaterThan(0)
})
afterAll(() => app.close())

describe('importing', () => {
  it('imports a CSV uploaded in several parts as drafts, after a dry run that writes nothing', async () => {
    const rows = Array.from({ length: 400 }, (_, i) => [
      `csv-${i}`,
      `第 ${i} 个导入问题：养老服务补贴怎么申请？`,
      `相似问法甲${i}；相似问法乙${i}`,
      `答案 ${i}：${'请携带身份证到社区服务站申请，审核通过后按月发放。'.repeat(3)}`,
      '养老',
      departmentName,
      '高新民发〔2026〕1号',
      i === 0 ? 1 : null,
      '2026-11-01',
    ])
    const bytes = csv(rows)
    expect(bytes.length).toBeGreaterThan(IMPORT_PART_BYTES * 2)
    const id = await upload(editor, 'csv', bytes)
    const dry = await commit(editor, id, { dryRun: true })
    expect(dry.body).toMatchObject({ rows: 400, valid: 400, created: 0, errors: [], dryRun: true })
    expect(await app.db.qaItem.count({ where: { externalId: { startsWith: 'csv-' } } })).toBe(0)

    const report = await commit(editor, id)
    expect(report.body).toMatchObject({ rows: 400, created: 400, updated: 0, errors: [], dryRun: false })
    const first = await app.db.qaItem.findUniqueOrThrow({ where: { externalId: 'csv-0' }, include: { clause: true, department: true } })
    expect(first).toMatchObject({
      status: 'DRAFT',
      aliases: ['相似问法甲0', '相似问法乙0'],
      topic: '养老',
      clause: { position: 1 },
      department: { name: departmentName },
    })
    expect(first.reviewedAt.toISOString()).toBe('2026-10-31T16:00:00.000Z')
    expect((await commit(editor, id)).body.error.code).toBe('IMPORT_ALREADY_COMMITTED')
    expect(await app.db.auditLog.count({ where: { action: 'importQaItems' } })).toBe(1)
  })

  it('reports every bad row and imports nothing when any row is wrong', async () => {
    const before = await app.db.qaItem.count()
    const bytes = csv([
      ['bad-1', '', '', '答案', '养老', '', '', null, ''],
      ['bad-2', '问题二', '', '', '星际旅行', '不存在的部门', '', null, ''],
      ['bad-3', '问题三', '', '答案', '养老', '', '没有这个文号', null, ''],
      ['bad-4', '问题四', '', '答案', '养老', '', '高新民发〔2026〕1号', 9, ''],
      ['bad-4', '问题五', '', '答案', '养老', '', '', 'x', '2026年十一月'],
      ['ok-6', '问题六（这一行没问题）', '', '<b>带标记的答案</b>', '养老', '', '', null, ''],
      ['ok-7', '问'.repeat(1001), '', '答案', '养老', '', '', null, ''],
    ])
    const { status, body } = await commit(editor, await upload(editor, 'csv', bytes))
    expect([status, body.error.code]).toEqual([400, 'IMPORT_INVALID'])
    const errors = body.error.details.errors as { row: number; field: string }[]
    expect(errors.map((e) => `${e.row}:${e.field}`)).toEqual([
      '1:question',
      '2:answer',
      '2:topic',
      '2:department',
      '3:docNumber',
      '4:clause',
      '5:externalId',
      '5:clause',
      '5:reviewedOn',
      '7:question',
    ])
    expect(body.error.details.fields['rows.2.topic']).toBe('主题“星际旅行”不在问答主题列表中')
    expect(await app.db.qaItem.count()).toBe(before)
  })

  it('reads .xlsx with shared strings (as Excel writes them) and with inline strings (as we export)', async () => {
    const sheet = (rows: string[][]) => {
      const strings: string[] = []
      const index = (s: string) => (strings.includes(s) ? strings.indexOf(s) : strings.push(s) - 1)
      const xmlRows = rows.map(
        (cells, r) =>
          `<row r="${r + 1}">${cells.map((c, k) => (c === '' ? '' : `<c r="${String.fromCharCode(65 + k)}${r + 1}" t="s"><v>${index(c)}</v></c>`)).join('')}</row>`,
      )
      const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;')
      const zip = new AdmZip()
      zip.addFile('[Content_Types].xml', Buffer.from('<Types/>'))
      zip.addFile('xl/workbook.xml', Buffer.from('<workbook xmlns:r="r"><sheets><sheet name="问答" sheetId="1" r:id="rId7"/></sheets></workbook>'))
      zip.addFile(
        'xl/_rels/workbook.xml.rels',
        Buffer.from('<Relationships><Relationship Id="rId7" Type="worksheet" Target="worksheets/data.xml"/></Relationships>'),
      )
      zip.addFile('xl/worksheets/data.xml', Buffer.from(`<worksheet><sheetData>${xmlRows.join('')}</sheetData></worksheet>`))
      zip.addFile(
        'xl/sharedStrings.xml',
        Buffer.from(
          `<sst>${strings.map((s) => `<si><r><t>${esc(s.slice(0, 2))}</t></r><r><t xml:space="preserve">${esc(s.slice(2))}</t></r></si>`).join('')}</sst>`,
        ),
      )
      return zip.toBuffer()
    }
    const excel = sheet([
      ['问题', '答案', '主题'],
      ['Excel 导入的问题：高龄津贴', '年满 80 周岁可申请 <高龄津贴> & 护理补贴', '养老'],
      ['', '', ''],
      ['第二个 Excel 问题', '答案二', '养老'],
    ])
    expect(await readXlsx(excel)).toEqual([
      ['问题', '答案', '主题'],
      ['Excel 导入的问题：高龄津贴', '年满 80 周岁可申请 <高龄津贴> & 护理补贴', '养老'],
      ['第二个 Excel 问题', '答案二', '养老'],
    ])
    const report = await commit(reviewer, await upload(reviewer, 'xlsx', excel), { publish: true })
    expect(report.body).toMatchObject({ created: 2, errors: [] })
    const found = await app.request(`/api/qa/search?q=${encodeURIComponent('80岁的老人有高龄津贴吗')}`)
    expect(found.body.items[0]).toMatchObject({ question: 'Excel 导入的问题：高龄津贴', answerExcerpt: '年满 80 周岁可申请 <高龄津贴> & 护理补贴' })

    const ours = await toXlsx({ sheetName: '问答', header: ['问题', '答案', '主题'], rows: [['=1+1 公式不执行', '-以减号开头', '养老']] })
    expect(await parseQaFile('xlsx', ours)).toEqual([{ question: '=1+1 公式不执行', answer: '-以减号开头', topic: '养老' }])
  })

  it('imports JSON and JSON Lines with English keys, creating topics when asked, published by a reviewer', async () => {
    const items = [
      { id: 'json-1', question: 'JSON 导入：残疾人两项补贴怎么申请？', answer: '向户籍所在地街道提出申请。', topic: '残疾人服务', aliases: ['残补怎么申请'] },
      { id: 'json-2', question: 'JSON 导入：没有主题的条目', answer: '使用默认主题。', topic: '' },
    ]
    const refused = await commit(reviewer, await upload(reviewer, 'json', Buffer.from(JSON.stringify(items))), { publish: true })
    expect(refused.body.error.details.errors.map((e: { row: number; field: string }) => `${e.row}:${e.field}`)).toEqual(['1:topic', '2:topic'])
    const accepted = await commit(reviewer, await upload(reviewer, 'json', Buffer.from(JSON.stringify({ items }))), {
      publish: true,
      createTopics: true,
      defaultTopic: '综合',
    })
    expect(accepted.body).toMatchObject({ created: 2, createdTopics: ['残疾人服务', '综合'] })
    expect((await app.request('/api/qa/topics')).body.map((t: { topic: string }) => t.topic)).toEqual(expect.arrayContaining(['残疾人服务', '综合']))
    expect((await app.request(`/api/qa/search?q=${encodeURIComponent('残补')}`)).body.items[0].question).toBe('JSON 导入：残疾人两项补贴怎么申请？')

    const jsonl = `${JSON.stringify({ id: 'jsonl-1', question: 'JSONL 导入的问题', answer: '答案', topic: '养老' })}\n\n${JSON.stringify({ id: 'jsonl-2', question: '第二行', answer: '答案', topic: '养老' })}\n`
    expect((await commit(editor, await upload(editor, 'jsonl', Buffer.from(jsonl)))).body).toMatchObject({ created: 2 })
  })

  it('updates items whose external id it already has: published ones wait for review when an editor imports', async () => {
    const bytes = csv([['json-1', 'JSON 导入：残疾人两项补贴怎么申请？', '', '改为在“北京通”App 在线申请。', '残疾人服务', '', '', null, '']])
    const report = await commit(editor, await upload(editor, 'csv', bytes))
    expect(report.body).toMatchObject({ created: 0, updated: 1 })
    const item = await app.db.qaItem.findUniqueOrThrow({ where: { externalId: 'json-1' } })
    expect(item.answer).toBe('向户籍所在地街道提出申请。')
    expect(item.pendingRevision).toMatchObject({ answer: [{ type: 'paragraph', children: [{ text: '改为在“北京通”App 在线申请。' }] }] })
  })

  it('refuses unreadable files, bad uploads and publishing by editors with clear 4xx errors', async () => {
    const cases: [string, Buffer, number, string][] = [
      ['xlsx', Buffer.from('问题,答案\nx,y\n'), 400, 'IMPORT_UNREADABLE'],
      ['json', Buffer.from('{"items": [ broken'), 400, 'IMPORT_UNREADABLE'],
      ['json', Buffer.from('{"rows": []}'), 400, 'IMPORT_UNREADABLE'],
      ['csv', Buffer.from('标题,内容\nx,y\n'), 400, 'IMPORT_UNREADABLE'],
      ['csv', Buffer.from('问题,答案\n"未闭合,y\n'), 400, 'IMPORT_UNREADABLE'],
      ['csv', Buffer.from([0xff, 0xfe, 0x00, 0xd8, 0x41]), 400, 'IMPORT_UNREADABLE'],
      ['csv', Buffer.from('问题,答案\n'), 400, 'VALIDATION_FAILED'],
      ['jsonl', Buffer.from('{"question":"a","answer":"b","topic":"养老"}\nnot json\n'), 400, 'IMPORT_UNREADABLE'],
    ]
    for (const [format, bytes, status, code] of cases) {
      const response = await commit(editor, await upload(editor, format, bytes))
      expect({ format, text: bytes.toString().slice(0, 20), status: response.status, code: response.body.error?.code }).toEqual({
        format,
        text: bytes.toString().slice(0, 20),
        status,
        code,
      })
    }
    const ok = await upload(editor, 'csv', Buffer.from('问题,答案,主题\nx,y,养老\n'))
    expect((await commit(editor, ok, { publish: true })).status).toBe(403)
    expect((await commit(reviewer, ok)).status).toBe(404) // someone else's upload
    expect((await app.request('/api/staff/qa-imports', { method: 'POST', headers: editor.auth, json: { format: 'csv', content: '不是base64!' } })).status).toBe(
      400,
    )
    expect(
      (await app.request('/api/staff/qa-imports', { method: 'POST', headers: editor.auth, json: { format: 'docx', content: '' } })).body.error.details.fields
        .format,
    ).toBeDefined()
    expect((await app.request(`/api/staff/qa-imports/${ok}/parts`, { method: 'POST', headers: editor.auth, json: { index: 2, content: 'eA==' } })).status).toBe(
      200,
    )
    expect((await commit(editor, ok)).body.error.details.fields.parts).toMatch(/第 2 段/)
    const tooBig = Buffer.alloc(IMPORT_PART_BYTES + 10, 'a').toString('base64')
    expect((await app.request('/api/staff/qa-imports', { method: 'POST', headers: editor.auth, json: { format: 'csv', content: tooBig } })).status).toBe(400)
  })
})

describe('exporting', () => {
  it('exports Excel, CSV and JSON in the import’s own columns, so a file goes round again', async () => {
    const count = await app.db.qaItem.count()
    for (const format of ['xlsx', 'csv', 'json'] as const) {
      const response = await fetch(`${app.baseUrl}/api/staff/qa-export?format=${format}`, { headers: editor.auth })
      expect(response.status).toBe(200)
      expect(response.headers.get('content-disposition')).toContain(`.${format}`)
      const rows = await parseQaFile(format, Buffer.from(await response.arrayBuffer()))
      expect(rows).toHaveLength(count)
      expect(rows.find((r) => r.externalId === 'csv-0')).toMatchObject({
        question: '第 0 个导入问题：养老服务补贴怎么申请？',
        topic: '养老',
        department: departmentName,
        docNumber: '高新民发〔2026〕1号',
      })
    }
    const published = await fetch(`${app.baseUrl}/api/staff/qa-export?format=json&status=PUBLISHED`, { headers: editor.auth })
    expect(((await published.json()) as { status: string }[]).every((r) => r.status === 'PUBLISHED')).toBe(true)
    expect(await readCsv('a,"b,""c"""\r\n"多\n行",d\n')).toEqual([
      ['a', 'b,"c"'],
      ['多\n行', 'd'],
    ])
  })
})
