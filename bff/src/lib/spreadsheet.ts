// Spreadsheet files for staff exports and open data: CSV (RFC 4180, UTF-8 BOM) and .xlsx through exceljs, formulas neutralised.
import { stringify } from 'csv-stringify/sync'

/** One sheet of text cells: a header row and data rows. */
export interface Table {
  sheetName: string
  header: string[]
  rows: (string | number | null)[][]
}

/** A cell that Excel would run as a formula (=, +, -, @) is prefixed so citizens' text stays text. */
export const neutralise = (value: string) => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value)

/** CSV (RFC 4180) with a UTF-8 BOM so Excel opens Chinese text correctly. */
export function toCsv(table: Table): Buffer {
  const rows = [table.header, ...table.rows].map((row) => row.map((value) => neutralise(value === null ? '' : String(value))))
  return Buffer.from(stringify(rows, { bom: true, record_delimiter: '\r\n', quoted_match: /[\r\n]/ }), 'utf8')
}

/** Characters XML 1.0 cannot carry (an .xlsx is XML): dropped. */
// eslint-disable-next-line no-control-regex -- the tab, newline and carriage return XML allows are named on purpose
const xmlSafe = (text: string) => text.replace(/[^\x09\x0A\x0D\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')

/** Excel's sheet-name rules: at most 31 characters, none of : \ / ? * [ ], unique in the workbook. */
function sheetName(name: string, taken: Set<string>): string {
  const base =
    xmlSafe(name)
      .replace(/[:\\/?*[\]]/g, '_')
      .slice(0, 31) || 'Sheet'
  let candidate = base
  for (let n = 2; taken.has(candidate.toLowerCase()); n++) candidate = `${base.slice(0, 28)}(${n})`
  taken.add(candidate.toLowerCase())
  return candidate
}

/**
 * An .xlsx workbook, one sheet per table (exceljs). Text cells are written as strings (never formulas),
 * and a text that Excel would run as a formula when edited is prefixed with ' like in the CSV.
 */
export async function toXlsx(tables: Table | readonly Table[]): Promise<Buffer> {
  // Loaded on the first export, not at start: exceljs costs every process ~20 MB (bench/README.md, "Memory").
  const { default: ExcelJS } = await import('exceljs')
  const workbook = new ExcelJS.Workbook()
  workbook.creator = '政民互动'
  const taken = new Set<string>()
  const list: readonly Table[] = 'sheetName' in tables ? [tables] : tables
  for (const table of list) {
    const sheet = workbook.addWorksheet(sheetName(table.sheetName, taken), { views: [{ state: 'frozen', ySplit: 1 }] })
    sheet.addRow(table.header.map((h) => xmlSafe(h)))
    sheet.getRow(1).font = { bold: true }
    for (const row of table.rows) sheet.addRow(row.map((v) => (typeof v === 'string' ? neutralise(xmlSafe(v)) : v)))
    sheet.columns.forEach((column, i) => {
      const longest = Math.max(table.header[i]?.length ?? 0, ...table.rows.slice(0, 200).map((r) => String(r[i] ?? '').length))
      column.width = Math.min(60, Math.max(8, longest * 2))
    })
  }
  return Buffer.from(await workbook.xlsx.writeBuffer())
}
