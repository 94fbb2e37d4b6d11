// What an uploaded file really is, from its first bytes (magic numbers) and, for Office files, the parts inside the ZIP — never from the name alone.
import { type AttachmentExtension, attachmentExtensionOf, attachmentTypes } from '@gm/shared'

type Sniffed = 'pdf' | 'png' | 'jpeg' | 'docx' | 'xlsx'

const startsWith = (bytes: Uint8Array, signature: readonly number[]) => signature.every((b, i) => bytes[i] === b)

/** ZIP member names appear in plain text in the local headers and the central directory. */
function zipHolds(bytes: Uint8Array, name: string): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(name, 0, 'latin1')
}

function sniff(bytes: Uint8Array): Sniffed | null {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'pdf' // %PDF-
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png'
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg'
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) && zipHolds(bytes, '[Content_Types].xml')) {
    // Macro-enabled documents (docm/xlsm carry vbaProject.bin) are refused whatever their name.
    if (zipHolds(bytes, 'vbaProject.bin')) return null
    if (zipHolds(bytes, 'word/document.xml')) return 'docx'
    if (zipHolds(bytes, 'xl/workbook.xml')) return 'xlsx'
  }
  return null
}

const sniffedOf: Record<AttachmentExtension, Sniffed> = { pdf: 'pdf', png: 'png', jpg: 'jpeg', jpeg: 'jpeg', docx: 'docx', xlsx: 'xlsx' }

/**
 * The Content-Type to store and serve the file with, when both its extension is an accepted one and
 * its content is that type; null otherwise (a renamed .exe, an HTML page called .pdf, a .docm).
 */
export function acceptedContentType(filename: string, bytes: Uint8Array): string | null {
  const extension = attachmentExtensionOf(filename)
  if (!extension) return null
  const actual = sniff(bytes)
  return actual !== null && sniffedOf[extension] === actual ? attachmentTypes[extension] : null
}
