// QR codes for check-in and decision pages: the maintained qrcode-generator package (pure JS, no canvas, no eval — runs in WeChat), UTF-8 byte mode, level M.
import qrcode from 'qrcode-generator'

export interface QrCode {
  /** Modules per side (21 for version 1). */
  size: number
  /** `modules[y][x]`: true is a dark module. */
  modules: boolean[][]
}

/** Bytes of a string as UTF-8 (no TextEncoder in every runtime). */
export function utf8Bytes(text: string): number[] {
  const out: number[] = []
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i)
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const low = text.charCodeAt(i + 1)
      if (low >= 0xdc00 && low <= 0xdfff) {
        c = 0x10000 + ((c - 0xd800) << 10) + (low - 0xdc00)
        i++
      }
    }
    if (c < 0x80) out.push(c)
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63))
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63))
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63))
  }
  return out
}

/** Encode text (UTF-8, byte mode) at level M in the smallest version that holds it. */
export function encodeQr(text: string): QrCode {
  const qr = qrcode(0, 'M')
  // The package's default byte conversion keeps each char code's low byte: hand it the UTF-8 bytes as such chars.
  qr.addData(String.fromCharCode(...utf8Bytes(text)), 'Byte')
  qr.make()
  const size = qr.getModuleCount()
  const modules = Array.from({ length: size }, (_, y) => Array.from({ length: size }, (_, x) => qr.isDark(y, x)))
  return { size, modules }
}
