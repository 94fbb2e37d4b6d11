// Hostile import files (column bomb, zip bomb, bad entities, 10 MB CSVs) are refused with a 4xx while the server keeps answering.
import { createDeflateRaw, crc32 } from 'node:zlib'
import AdmZip from 'adm-zip'
import { IMPORT_LIMITS, IMPORT_PART_BYTES } from '@gm/shared'
import { signInStaff } from '../support/identity'
import { startTestApp, type TestApp } from '../support/testApp'

let app: TestApp
let editor: Awaited<ReturnType<typeof signInStaff>>

beforeAll(async () => {
  app = await startTestApp()
  editor = await signInStaff(app, 'EDITOR')
})
afterAll(() => app.close())

/** Store an upload directly in 40 KB parts (as the miniapp sends them), so the test spends its time on reading, not uploading. */
async function stage(format: string, bytes: Buffer): Promise<number> {
  const upload = await app.db.qaImport.create({
    data: { staffId: editor.staff.id, format, filename: `hostile.${format}`, expiresAt: new Date(Date.now() + 3_600_000) },
  })
  const parts: { importId: number; index: number; data: Uint8Array<ArrayBuffer> }[] = []
  for (let at = 0, index = 0; at < bytes.length || index === 0; at += IMPORT_PART_BYTES, index++) {
    parts.push({ importId: upload.id, index, data: new Uint8Array(bytes.subarray(at, at + IMPORT_PART_BYTES)) })
  }
  for (let at = 0; at < parts.length; at += 25) await app.db.qaImportPart.createMany({ data: parts.slice(at, at + 25) })
  return upload.id
}

/** Time one /healthz answer. */
async function healthLatency(): Promise<number> {
  const started = performance.now()
  const response = await fetch(`${app.baseUrl}/healthz`)
  expect(response.status).toBe(200)
  await response.text()
  return performance.now() - started
}

/**
 * Commit an upload while /healthz is asked every 50 ms; returns the answer and the slowest health check
 * against what a blocked event loop would show: the slowest check is under a second, or (on a machine
 * busy enough to stretch everything) under half of the whole commit — a parse that held the loop would
 * keep one check waiting for about all of it.
 */
async function commitWatchingHealth(id: number) {
  const started = performance.now()
  let done = false
  const latencies: number[] = []
  const watcher = (async () => {
    while (!done) {
      latencies.push(await healthLatency())
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
  })()
  const response = await app.request(`/api/staff/qa-imports/${id}/commit`, { method: 'POST', headers: editor.auth, json: { dryRun: true } })
  done = true
  await watcher
  latencies.push(await healthLatency())
  const slowest = Math.max(...latencies)
  const allowed = Math.max(1_000, (performance.now() - started) / 2)
  return { status: response.status, body: response.body, slowest, allowed }
}

/** A minimal workbook whose first sheet is `sheetXml`. */
function workbook(sheetXml: string, extra: Record<string, Buffer> = {}): Buffer {
  const zip = new AdmZip()
  zip.addFile('xl/workbook.xml', Buffer.from('<workbook xmlns:r="r"><sheets><sheet name="问答" sheetId="1" r:id="rId1"/></sheets></workbook>'))
  zip.addFile(
    'xl/_rels/workbook.xml.rels',
    Buffer.from('<Relationships><Relationship Id="rId1" Type="worksheet" Target="worksheets/sheet1.xml"/></Relationships>'),
  )
  zip.addFile('xl/worksheets/sheet1.xml', Buffer.from(sheetXml))
  for (const [name, data] of Object.entries(extra)) zip.addFile(name, data)
  return zip.toBuffer()
}

const HEADER_ROW =
  '<row r="1"><c r="A1" t="inlineStr"><is><t>问题</t></is></c><c r="B1" t="inlineStr"><is><t>答案</t></is></c><c r="C1" t="inlineStr"><is><t>主题</t></is></c></row>'

/**
 * A zip whose one worksheet inflates to `inflatedBytes` (a header row, then spaces), built from
 * streamed deflate output so the test never holds the inflated bytes.
 */
async function zipBomb(inflatedBytes: number): Promise<Buffer> {
  const head = Buffer.from(`<worksheet><sheetData>${HEADER_ROW}<row r="2"><c r="A2" t="inlineStr"><is><t>`)
  const filler = Buffer.alloc(1024 * 1024, 0x20)
  const deflate = createDeflateRaw({ level: 9 })
  const chunks: Buffer[] = []
  deflate.on('data', (chunk: Buffer) => chunks.push(chunk))
  const finished = new Promise((resolve) => deflate.on('end', resolve))
  let crc = crc32(head)
  deflate.write(head)
  for (let written = head.length; written < inflatedBytes; written += filler.length) {
    crc = crc32(filler, crc)
    if (!deflate.write(filler)) await new Promise((resolve) => deflate.once('drain', resolve))
  }
  deflate.end()
  await finished
  const compressed = Buffer.concat(chunks)
  const size = head.length + Math.ceil((inflatedBytes - head.length) / filler.length) * filler.length

  const entries: { name: Buffer; data: Buffer; method: number; crc: number; size: number }[] = [
    {
      name: Buffer.from('xl/workbook.xml'),
      data: Buffer.from('<workbook xmlns:r="r"><sheets><sheet name="s" sheetId="1" r:id="rId1"/></sheets></workbook>'),
      method: 0,
      crc: 0,
      size: 0,
    },
    { name: Buffer.from('xl/worksheets/sheet1.xml'), data: compressed, method: 8, crc, size },
  ]
  entries[0]!.crc = crc32(entries[0]!.data)
  entries[0]!.size = entries[0]!.data.length
  const locals: Buffer[] = []
  const centrals: Buffer[] = []
  let offset = 0
  for (const e of entries) {
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    local.writeUInt16LE(20, 4)
    local.writeUInt16LE(e.method, 8)
    local.writeUInt32LE(e.crc >>> 0, 14)
    local.writeUInt32LE(e.data.length, 18)
    local.writeUInt32LE(e.size >>> 0, 22)
    local.writeUInt16LE(e.name.length, 26)
    const central = Buffer.alloc(46)
    central.writeUInt32LE(0x02014b50, 0)
    central.writeUInt16LE(20, 4)
    central.writeUInt16LE(20, 6)
    central.writeUInt16LE(e.method, 10)
    central.writeUInt32LE(e.crc >>> 0, 16)
    central.writeUInt32LE(e.data.length, 20)
    central.writeUInt32LE(e.size >>> 0, 24)
    central.writeUInt16LE(e.name.length, 28)
    central.writeUInt32LE(offset, 42)
    locals.push(local, e.name, e.data)
    centrals.push(central, e.name)
    offset += 30 + e.name.length + e.data.length
  }
  const centralBytes = Buffer.concat(centrals)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(entries.length, 8)
  end.writeUInt16LE(entries.length, 10)
  end.writeUInt32LE(centralBytes.length, 12)
  end.writeUInt32LE(offset, 16)
  return Buffer.concat([...locals, centralBytes, end])
}

describe('hostile import files', () => {
  it('refuses a single cell at column ZZZZZZ before allocating the row (the 776-byte column bomb)', async () => {
    const bytes = workbook(`<worksheet><sheetData>${HEADER_ROW}<row r="2"><c r="ZZZZZZ2" t="inlineStr"><is><t>x</t></is></c></row></sheetData></worksheet>`)
    expect(bytes.length).toBeLessThan(2_000)
    const result = await commitWatchingHealth(await stage('xlsx', bytes))
    expect([result.status, result.body.error.code]).toEqual([413, 'IMPORT_TOO_LARGE'])
    expect(result.body.error.message).toContain(`${IMPORT_LIMITS.columns} 列`)
    expect(result.slowest).toBeLessThan(result.allowed)
  })

  it('refuses content past the column limit even with a valid reference', async () => {
    const bytes = workbook(
      `<worksheet><sheetData>${HEADER_ROW}<row r="2"><c r="XFD2" t="inlineStr"><is><t>远处的单元格</t></is></c></row></sheetData></worksheet>`,
    )
    const result = await commitWatchingHealth(await stage('xlsx', bytes))
    expect([result.status, result.body.error.code]).toEqual([413, 'IMPORT_TOO_LARGE'])
    expect(result.body.error.message).toContain(`${IMPORT_LIMITS.columns} 列`)
  })

  it('stops inflating a zip bomb (a small file that inflates to hundreds of MB) at the unzipped-size limit', async () => {
    const bytes = await zipBomb(400 * 1024 * 1024)
    expect(bytes.length).toBeLessThan(IMPORT_LIMITS.fileBytes)
    expect(bytes.length).toBeLessThan(600 * 1024)
    const rssBefore = process.memoryUsage().rss
    const result = await commitWatchingHealth(await stage('xlsx', bytes))
    expect([result.status, result.body.error.code]).toEqual([413, 'IMPORT_TOO_LARGE'])
    expect(result.body.error.message).toMatch(/解压后超过 \d+ MB/)
    expect(result.slowest).toBeLessThan(result.allowed)
    // The inflated bytes are counted and dropped as they come: memory does not grow by the bomb's size.
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(300 * 1024 * 1024)
  })

  it('refuses character references outside Unicode (&#x110000;) and entity expansion with a 400, not a 500', async () => {
    const badEntity = workbook(
      `<worksheet><sheetData>${HEADER_ROW}<row r="2"><c r="A2" t="inlineStr"><is><t>&#x110000;</t></is></c></row></sheetData></worksheet>`,
    )
    const laughs = workbook(
      `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]><worksheet><sheetData>${HEADER_ROW}<row r="2"><c r="A2" t="inlineStr"><is><t>&lol3;</t></is></c></row></sheetData></worksheet>`,
    )
    const badShared = workbook(`<worksheet><sheetData>${HEADER_ROW}<row r="2"><c r="A2" t="s"><v>0</v></c></row></sheetData></worksheet>`, {
      'xl/sharedStrings.xml': Buffer.from('<sst><si><t>&#0;</t></si></sst>'),
    })
    const notUtf8 = workbook(Buffer.from([0x3c, 0x77, 0xff, 0xfe, 0x3e]).toString('latin1'))
    for (const bytes of [badEntity, laughs, badShared, notUtf8]) {
      const result = await commitWatchingHealth(await stage('xlsx', bytes))
      expect([result.status, result.body.error.code]).toEqual([400, 'IMPORT_UNREADABLE'])
      expect(result.body.error.message).toMatch(/[\u4e00-\u9fff]/)
    }
  })

  it('refuses a 10 MB CSV with more rows than the limit, and one with a 10 MB cell, while /healthz answers', async () => {
    const line = `"问题 ${'x'.repeat(60)}","答案 ${'y'.repeat(80)}",养老\r\n`
    const manyRows = Buffer.from(`问题,答案,主题\r\n${line.repeat(Math.ceil((10 * 1024 * 1024) / line.length))}`)
    expect(manyRows.length).toBeGreaterThanOrEqual(10 * 1024 * 1024)
    const rows = await commitWatchingHealth(await stage('csv', manyRows))
    expect([rows.status, rows.body.error.code]).toEqual([413, 'IMPORT_TOO_LARGE'])
    expect(rows.body.error.message).toContain(`${IMPORT_LIMITS.rows} 行`)
    expect(rows.slowest).toBeLessThan(rows.allowed)

    const bigCell = Buffer.from(`问题,答案,主题\r\n"${'长'.repeat(3_500_000)}",答案,养老\r\n`)
    expect(bigCell.length).toBeGreaterThanOrEqual(10 * 1024 * 1024)
    const cell = await commitWatchingHealth(await stage('csv', bigCell))
    expect([cell.status, cell.body.error.code]).toEqual([413, 'IMPORT_TOO_LARGE'])
    expect(cell.body.error.message).toContain(`${IMPORT_LIMITS.cellChars} 个字`)
    expect(cell.slowest).toBeLessThan(cell.allowed)

    const wide = Buffer.from(`问题,答案,主题\r\n${Array.from({ length: 200 }, (_, i) => `c${i}`).join(',')}\r\n`)
    const columns = await commitWatchingHealth(await stage('csv', wide))
    expect([columns.status, columns.body.error.code]).toEqual([413, 'IMPORT_TOO_LARGE'])
  }, 180_000) // two 10 MB parses: ~20 s on a quiet machine, over 60 s at load 14

  it('still imports an ordinary file afterwards: the process survived every hostile one', async () => {
    const ok = workbook(
      `<worksheet><sheetData>${HEADER_ROW}<row r="2"><c r="A2" t="inlineStr"><is><t>普通问题</t></is></c><c r="B2" t="inlineStr"><is><t>普通答案</t></is></c><c r="C2" t="inlineStr"><is><t>养老</t></is></c></row></sheetData></worksheet>`,
    )
    const result = await commitWatchingHealth(await stage('xlsx', ok))
    expect(result.status).toBe(200)
    expect(result.body).toMatchObject({ rows: 1, valid: 1, dryRun: true })
    expect(await healthLatency()).toBeLessThan(5_000) // answered at all (a busy machine stretches one answer)
  })
})
