// Bounded readers for the spreadsheets staff import: CSV (csv-parse) and the first sheet of an .xlsx (fflate + saxes).
import { setImmediate as yieldToEventLoop } from 'node:timers/promises'
import { IMPORT_LIMITS } from '@gm/shared'
import { parse as parseCsv } from 'csv-parse'
import { Unzip, UnzipInflate, type UnzipFile } from 'fflate'
import { SaxesParser, type SaxesTagPlain } from 'saxes'

/**
 * Every limit of IMPORT_LIMITS is checked while the file is read, before memory for the next step
 * is taken: zip entries are counted and their bytes counted as they inflate, rows, columns and
 * cell lengths as the XML or CSV streams by. The work runs in small slices with the event loop
 * free in between, so other requests (and /healthz) are answered while a large file is read.
 */

/** The file is not the format it claims, or is damaged: IMPORT_UNREADABLE (400). */
export class UnreadableFile extends Error {}
/** The file goes past one of IMPORT_LIMITS: IMPORT_TOO_LARGE (413); the message names the limit. */
export class ImportLimitExceeded extends Error {}

export type ReaderLimits = typeof IMPORT_LIMITS
type Limits = { [K in keyof ReaderLimits]: number }

/** Bytes handed to a parser in one slice of work before the event loop gets a turn. */
const SLICE_BYTES = 64 * 1024
/** Compressed bytes inflated in one slice (deflate expands at most ~1,000×: a few MB per slice). */
const ZIP_SLICE_BYTES = 4 * 1024

const MB = 1024 * 1024
const tooLarge = {
  rows: (l: Limits) => new ImportLimitExceeded(`文件超过 ${l.rows} 行数据，请分批导入`),
  columns: (l: Limits) => new ImportLimitExceeded(`文件超过 ${l.columns} 列，请只保留导入所需的列`),
  cell: (l: Limits) => new ImportLimitExceeded(`有单元格超过 ${l.cellChars} 个字`),
  unzipped: (l: Limits) => new ImportLimitExceeded(`.xlsx 文件解压后超过 ${Math.round(l.unzippedBytes / MB)} MB`),
  entry: (l: Limits) => new ImportLimitExceeded(`.xlsx 文件中有部件解压后超过 ${Math.round(l.entryBytes / MB)} MB`),
  entries: (l: Limits) => new ImportLimitExceeded(`.xlsx 文件包含超过 ${l.zipEntries} 个部件`),
  time: (l: Limits) => new ImportLimitExceeded(`文件读取超过 ${l.seconds} 秒，请分批导入`),
  file: (l: Limits) => new ImportLimitExceeded(`导入文件最大 ${Math.round(l.fileBytes / MB)} MB`),
}

/** The clock for the time limit, checked at every slice. */
function budget(limits: Limits) {
  const deadline = Date.now() + limits.seconds * 1000
  return async () => {
    await yieldToEventLoop()
    if (Date.now() > deadline) throw tooLarge.time(limits)
  }
}

const isBlankRow = (row: string[]) => row.every((cell) => cell.trim() === '')

// —— CSV ————————————————————————————————————————————————————————————————————————————————————

/** Rows of cells (RFC 4180: quoted fields may hold commas, quotes and line breaks); a UTF-8 BOM is skipped. */
export async function readCsv(text: string, overrides: Partial<Limits> = {}): Promise<string[][]> {
  const limits: Limits = { ...IMPORT_LIMITS, ...overrides }
  const tick = budget(limits)
  const rows: string[][] = []
  let failure: Error | null = null
  const parser = parseCsv({
    bom: true,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    record_delimiter: ['\r\n', '\n', '\r'],
    // A whole record longer than every cell at its longest cannot be valid: stop before buffering it.
    max_record_size: limits.cellChars * limits.columns,
  })
  parser.on('readable', () => {
    let record: string[] | null
    while (!failure && (record = parser.read() as string[] | null) !== null) {
      if (record.length > limits.columns && record.slice(limits.columns).some((cell) => cell.trim() !== '')) failure = tooLarge.columns(limits)
      else if (record.some((cell) => cell.length > limits.cellChars)) failure = tooLarge.cell(limits)
      else if (!isBlankRow(record)) {
        rows.push(record.slice(0, limits.columns))
        if (rows.length > limits.rows + 1) failure = tooLarge.rows(limits)
      }
    }
  })
  parser.on('error', (err: Error & { code?: string }) => {
    if (failure) return
    if (err.code === 'CSV_MAX_RECORD_SIZE') failure = tooLarge.cell(limits)
    else if (err.code === 'CSV_QUOTE_NOT_CLOSED') failure = new UnreadableFile('CSV 中有未闭合的引号')
    else failure = new UnreadableFile(`CSV 格式有误：${err.message.split('\n')[0]?.slice(0, 100) ?? ''}`)
  })
  const ended = new Promise<void>((resolve) => {
    parser.on('end', resolve)
    parser.on('close', resolve)
  })
  for (let at = 0; at < text.length && !failure; at += SLICE_BYTES) {
    parser.write(text.slice(at, at + SLICE_BYTES))
    await tick()
  }
  if (!failure) parser.end()
  else parser.destroy()
  await Promise.race([ended, yieldToEventLoop()])
  await yieldToEventLoop()
  if (failure) throw failure
  return rows
}

// —— zip ————————————————————————————————————————————————————————————————————————————————————

/** The parts of a workbook the reader needs; every other part is skipped without inflating it. */
const WANTED = /^xl\/(workbook\.xml|_rels\/workbook\.xml\.rels|sharedStrings\.xml|worksheets\/[^/]+\.xml)$/

/** Inflate the wanted parts of a zip, counting entries and inflated bytes as they come. */
async function unzipParts(bytes: Uint8Array, limits: Limits, tick: () => Promise<void>): Promise<Map<string, Buffer>> {
  const parts = new Map<string, Buffer[]>()
  let entries = 0
  let total = 0
  let failure: Error | null = null
  const unzip = new Unzip((file: UnzipFile) => {
    entries++
    if (entries > limits.zipEntries) {
      failure ??= tooLarge.entries(limits)
      return
    }
    const name = file.name.replace(/^\/+/, '')
    if (!WANTED.test(name) || parts.has(name)) return
    if (file.compression !== 0 && file.compression !== 8) {
      failure ??= new UnreadableFile('.xlsx 文件使用了不支持的压缩方式')
      return
    }
    const chunks: Buffer[] = []
    let size = 0
    parts.set(name, chunks)
    file.ondata = (err, data) => {
      if (failure) return
      if (err) {
        failure = new UnreadableFile('.xlsx 文件已损坏（无法解压）')
        return
      }
      size += data.length
      total += data.length
      if (size > limits.entryBytes) failure = tooLarge.entry(limits)
      else if (total > limits.unzippedBytes) failure = tooLarge.unzipped(limits)
      else chunks.push(Buffer.from(data))
      if (failure) file.terminate()
    }
    file.start()
  })
  unzip.register(UnzipInflate)
  try {
    for (let at = 0; at < bytes.length && !failure; at += ZIP_SLICE_BYTES) {
      const end = Math.min(at + ZIP_SLICE_BYTES, bytes.length)
      unzip.push(bytes.subarray(at, end), end === bytes.length)
      await tick()
    }
  } catch (err) {
    if (err instanceof ImportLimitExceeded) throw err
    failure ??= new UnreadableFile('.xlsx 文件已损坏（无法解压）')
  }
  if (failure) throw failure
  return new Map([...parts].map(([name, chunks]) => [name, Buffer.concat(chunks)]))
}

// —— XML ————————————————————————————————————————————————————————————————————————————————————

interface XmlHandlers {
  open(name: string, attributes: Record<string, string>): void
  text(text: string): void
  close(name: string): void
}

const localName = (name: string) => name.slice(name.indexOf(':') + 1)

/**
 * Stream an XML part through saxes in slices. Malformed XML, undefined entities and character
 * references outside Unicode (`&#x110000;`) are UnreadableFile; saxes never expands DTD entities.
 */
async function readXml(part: Buffer, what: string, handlers: XmlHandlers, tick: () => Promise<void>): Promise<void> {
  const parser = new SaxesParser({ xmlns: false, position: false })
  let failure: Error | null = null
  const guard = (work: () => void) => {
    if (failure) return
    try {
      work()
    } catch (err) {
      failure = err instanceof Error ? err : new Error(String(err))
    }
  }
  parser.on('error', (err) => {
    failure ??= new UnreadableFile(`.xlsx 文件的${what}不是有效的 XML（${err.message.slice(0, 80)}）`)
  })
  parser.on('opentag', (tag) => guard(() => handlers.open(localName(tag.name), (tag as SaxesTagPlain).attributes)))
  parser.on('text', (text) => guard(() => handlers.text(text)))
  parser.on('cdata', (text) => guard(() => handlers.text(text)))
  parser.on('closetag', (tag) => guard(() => handlers.close(localName(tag.name))))
  const decoder = new TextDecoder('utf-8', { fatal: true })
  try {
    for (let at = 0; at < part.length && !failure; at += SLICE_BYTES) {
      parser.write(decoder.decode(part.subarray(at, at + SLICE_BYTES), { stream: true }))
      await tick()
    }
    if (!failure) {
      parser.write(decoder.decode())
      parser.close()
    }
  } catch (err) {
    if (err instanceof ImportLimitExceeded) throw err
    failure ??= new UnreadableFile(`.xlsx 文件的${what}无法读取（编码或格式有误）`)
  }
  if (failure) throw failure
}

/** Column of a cell reference ("B7" → 1). More than three letters is past any sheet: refused before allocating. */
function columnOf(ref: string): number | null {
  const letters = /^([A-Za-z]{1,3})\d*$/.exec(ref)?.[1]
  if (!letters) return null
  let n = 0
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64)
  return n - 1 < 16_384 ? n - 1 : null
}

/** The shared-string table: the text of each <si> (formatted runs joined, phonetic hints left out). */
async function readSharedStrings(part: Buffer, limits: Limits, tick: () => Promise<void>): Promise<string[]> {
  const strings: string[] = []
  let current: string | null = null
  let inText = false
  let phonetic = 0
  await readXml(
    part,
    '共享字符串',
    {
      open(name) {
        if (name === 'si') current = ''
        else if (name === 'rPh') phonetic++
        else if (name === 't' && current !== null && phonetic === 0) inText = true
      },
      text(text) {
        if (!inText || current === null) return
        current += text
        if (current.length > limits.cellChars) throw tooLarge.cell(limits)
      },
      close(name) {
        if (name === 't') inText = false
        else if (name === 'rPh') phonetic--
        else if (name === 'si' && current !== null) {
          strings.push(current)
          current = null
        }
      },
    },
    tick,
  )
  return strings
}

/** Rows of a worksheet's cells as text, with the row, column and cell limits checked as they stream. */
async function readSheet(part: Buffer, shared: string[], limits: Limits, tick: () => Promise<void>): Promise<string[][]> {
  const rows: string[][] = []
  let row: string[] | null = null
  let next = 0
  let cell: { col: number; type: string; value: string; inline: string } | null = null
  let collecting: 'v' | 't' | null = null
  const append = (text: string) => {
    if (!cell || !collecting) return
    if (collecting === 'v') cell.value += text
    else cell.inline += text
    if (cell.value.length > limits.cellChars || cell.inline.length > limits.cellChars) throw tooLarge.cell(limits)
  }
  await readXml(
    part,
    '工作表',
    {
      open(name, attributes) {
        if (name === 'row') {
          row = []
          next = 0
        } else if (name === 'c' && row) {
          const ref = attributes.r
          const col = ref === undefined ? next : columnOf(ref)
          if (col === null) throw new ImportLimitExceeded(`单元格位置“${String(ref).slice(0, 12)}”超出表格范围（最多 ${limits.columns} 列）`)
          cell = { col, type: attributes.t ?? 'n', value: '', inline: '' }
        } else if (cell && name === 'v') collecting = 'v'
        else if (cell && name === 't' && cell.type === 'inlineStr') collecting = 't'
      },
      text: append,
      close(name) {
        if (name === 'v' || name === 't') collecting = null
        else if (name === 'c' && row && cell) {
          const { col, type, value, inline } = cell
          cell = null
          let text = ''
          if (type === 's') {
            const index = Number(value)
            text = Number.isInteger(index) && index >= 0 ? (shared[index] ?? '') : ''
          } else if (type === 'inlineStr') text = inline
          else text = value
          next = col + 1
          if (text === '') return
          if (col >= limits.columns) throw tooLarge.columns(limits)
          while (row.length < col) row.push('')
          row[col] = text
        } else if (name === 'row' && row) {
          if (!isBlankRow(row)) {
            rows.push(row)
            if (rows.length > limits.rows + 1) throw tooLarge.rows(limits)
          }
          row = null
        }
      },
    },
    tick,
  )
  return rows
}

/** Rows of the first worksheet (in workbook order) as text, numbers as Excel wrote them. */
export async function readXlsx(bytes: Uint8Array, overrides: Partial<Limits> = {}): Promise<string[][]> {
  const limits: Limits = { ...IMPORT_LIMITS, ...overrides }
  if (bytes.length > limits.fileBytes) throw tooLarge.file(limits)
  const tick = budget(limits)
  const parts = await unzipParts(bytes, limits, tick)
  const workbook = parts.get('xl/workbook.xml')
  if (!workbook) throw new UnreadableFile('不是有效的 .xlsx 文件（缺少工作簿）')

  // The first sheet in workbook order, through the workbook's relationships (small parts: read whole).
  let firstSheet: string | undefined
  await readXml(
    workbook,
    '工作簿',
    {
      open: (name, a) =>
        void (name === 'sheet' && firstSheet === undefined && (firstSheet = a['r:id'] ?? Object.entries(a).find(([k]) => k.endsWith(':id'))?.[1])),
      text: () => undefined,
      close: () => undefined,
    },
    tick,
  )
  let target = 'worksheets/sheet1.xml'
  const rels = parts.get('xl/_rels/workbook.xml.rels')
  if (rels && firstSheet) {
    await readXml(
      rels,
      '关系表',
      {
        open: (name, a) => void (name === 'Relationship' && a.Id === firstSheet && a.Target && (target = a.Target)),
        text: () => undefined,
        close: () => undefined,
      },
      tick,
    )
  }
  const sheetPath = target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`
  const sheet = parts.get(sheetPath)
  if (!sheet) throw new UnreadableFile('不是有效的 .xlsx 文件（缺少工作表）')
  const sst = parts.get('xl/sharedStrings.xml')
  const shared = sst ? await readSharedStrings(sst, limits, tick) : []
  return readSheet(sheet, shared, limits, tick)
}
