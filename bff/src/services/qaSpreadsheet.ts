import { inflateRawSync } from 'node:zlib'

/**
 * Readers for the spreadsheets staff import: CSV (RFC 4180) and the first sheet of an .xlsx
 * workbook. The .xlsx reader needs only node:zlib: it walks the zip's central directory, inflates
 * the parts it needs and reads cells from the sheet XML (shared strings, inline strings, numbers).
 * Anything it cannot make sense of is an `UnreadableFile`, which the import reports as a 400.
 */
export class UnreadableFile extends Error {}

/** Rows of cells; quoted fields may hold commas, quotes ("") and line breaks. A UTF-8 BOM is skipped. */
export function readCsv(text: string): string[][] {
  const s = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let quoted = false
  let i = 0
  const endField = () => {
    row.push(field)
    field = ''
  }
  const endRow = () => {
    endField()
    rows.push(row)
    row = []
  }
  while (i < s.length) {
    const c = s.charAt(i)
    if (quoted) {
      if (c === '"') {
        if (s.charAt(i + 1) === '"') {
          field += '"'
          i += 2
          continue
        }
        quoted = false
        i++
        continue
      }
      field += c
      i++
      continue
    }
    if (c === '"' && field === '') {
      quoted = true
      i++
    } else if (c === ',') {
      endField()
      i++
    } else if (c === '\r' || c === '\n') {
      endRow()
      i += c === '\r' && s.charAt(i + 1) === '\n' ? 2 : 1
    } else {
      field += c
      i++
    }
  }
  if (quoted) throw new UnreadableFile('CSV 中有未闭合的引号')
  if (field !== '' || row.length > 0) endRow()
  return rows.filter((r) => r.some((cell) => cell.trim() !== ''))
}

// —— zip ————————————————————————————————————————————————————————————————————————————————————

interface ZipEntry {
  name: string
  method: number
  compressedSize: number
  size: number
  offset: number
}

function zipEntries(zip: Buffer): Map<string, ZipEntry> {
  // The end-of-central-directory record is in the last 64 KB + 22 bytes.
  let end = -1
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 65_557); i--) {
    if (zip.readUInt32LE(i) === 0x06054b50) {
      end = i
      break
    }
  }
  if (end < 0) throw new UnreadableFile('不是有效的 .xlsx 文件（找不到 zip 目录）')
  const count = zip.readUInt16LE(end + 10)
  let at = zip.readUInt32LE(end + 16)
  const entries = new Map<string, ZipEntry>()
  for (let n = 0; n < count; n++) {
    if (at + 46 > zip.length || zip.readUInt32LE(at) !== 0x02014b50) throw new UnreadableFile('.xlsx 文件的目录已损坏')
    const method = zip.readUInt16LE(at + 10)
    const compressedSize = zip.readUInt32LE(at + 20)
    const size = zip.readUInt32LE(at + 24)
    const nameLength = zip.readUInt16LE(at + 28)
    const extraLength = zip.readUInt16LE(at + 30)
    const commentLength = zip.readUInt16LE(at + 32)
    const offset = zip.readUInt32LE(at + 42)
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength)
    entries.set(name, { name, method, compressedSize, size, offset })
    at += 46 + nameLength + extraLength + commentLength
  }
  return entries
}

/** Largest part we inflate (a sheet of 50,000 long rows fits well within it). */
const MAX_PART_BYTES = 200 * 1024 * 1024

function readEntry(zip: Buffer, entry: ZipEntry): string {
  const at = entry.offset
  if (at + 30 > zip.length || zip.readUInt32LE(at) !== 0x04034b50) throw new UnreadableFile('.xlsx 文件已损坏')
  const start = at + 30 + zip.readUInt16LE(at + 26) + zip.readUInt16LE(at + 28)
  const data = zip.subarray(start, start + entry.compressedSize)
  if (entry.method === 0) return data.toString('utf8')
  if (entry.method !== 8) throw new UnreadableFile('.xlsx 文件使用了不支持的压缩方式')
  try {
    return inflateRawSync(data, { maxOutputLength: MAX_PART_BYTES }).toString('utf8')
  } catch {
    throw new UnreadableFile('.xlsx 文件已损坏（无法解压）')
  }
}

// —— xlsx ——————————————————————————————————————————————————————————————————————————————————

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }
function unescapeXml(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_, e: string) => {
    if (e.startsWith('#x')) return String.fromCodePoint(parseInt(e.slice(2), 16))
    if (e.startsWith('#')) return String.fromCodePoint(parseInt(e.slice(1), 10))
    return ENTITIES[e] ?? ''
  })
}

/** The text of every <t> inside a fragment (a shared string may be split into formatted runs). */
function textOf(fragment: string): string {
  let out = ''
  for (const m of fragment.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>|<t(?:\s[^>]*)?\/>/g)) out += unescapeXml(m[1] ?? '')
  return out
}

function columnIndex(ref: string): number {
  let n = 0
  for (const ch of ref) {
    const c = ch.charCodeAt(0)
    if (c < 65 || c > 90) break
    n = n * 26 + (c - 64)
  }
  return n - 1
}

/** Rows of the first worksheet as text (numbers as Excel wrote them). */
export function readXlsx(bytes: Buffer): string[][] {
  const entries = zipEntries(bytes)
  const part = (name: string) => {
    const entry = entries.get(name)
    return entry ? readEntry(bytes, entry) : null
  }
  const workbook = part('xl/workbook.xml')
  if (!workbook) throw new UnreadableFile('不是有效的 .xlsx 文件（缺少工作簿）')
  // The first sheet in workbook order, through the workbook's relationships.
  const firstSheet = /<sheet\s[^>]*r:id="([^"]+)"/.exec(workbook)?.[1]
  const rels = part('xl/_rels/workbook.xml.rels') ?? ''
  let target = 'worksheets/sheet1.xml'
  if (firstSheet) {
    for (const m of rels.matchAll(/<Relationship\s[^>]*>/g)) {
      if (m[0].includes(`Id="${firstSheet}"`)) target = /Target="([^"]+)"/.exec(m[0])?.[1] ?? target
    }
  }
  const sheetPath = target.startsWith('/') ? target.slice(1) : `xl/${target}`
  const sheet = part(sheetPath)
  if (!sheet) throw new UnreadableFile('不是有效的 .xlsx 文件（缺少工作表）')
  const shared: string[] = []
  const sst = part('xl/sharedStrings.xml')
  if (sst) for (const m of sst.matchAll(/<si>([\s\S]*?)<\/si>/g)) shared.push(textOf(m[1] ?? ''))

  const rows: string[][] = []
  for (const rowMatch of sheet.matchAll(/<row\b[^>]*?(?:\/>|>([\s\S]*?)<\/row>)/g)) {
    const cells: string[] = []
    let next = 0
    for (const cell of (rowMatch[1] ?? '').matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const attrs = cell[1] ?? ''
      const body = cell[2] ?? ''
      const ref = /\br="([A-Z]+)\d+"/.exec(attrs)?.[1]
      const col = ref ? columnIndex(ref) : next
      const type = /\bt="([^"]+)"/.exec(attrs)?.[1]
      const raw = /<v>([\s\S]*?)<\/v>/.exec(body)?.[1]
      let value = ''
      if (type === 's') value = shared[Number(raw)] ?? ''
      else if (type === 'inlineStr') value = textOf(body)
      else if (raw !== undefined) value = unescapeXml(raw)
      while (cells.length < col) cells.push('')
      cells[col] = value
      next = col + 1
    }
    rows.push(cells)
  }
  return rows.filter((r) => r.some((cell) => cell.trim() !== ''))
}
