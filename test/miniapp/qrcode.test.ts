// The QR codes the miniapp draws read back as the text they carry (checked with an independent decoder, jsQR).
import { TextDecoder } from 'node:util'
import jsQR from 'jsqr'
import { encodeQr, utf8Bytes } from '../../miniapp/src/utils/qrcode'

/** Render modules as an RGBA image (4 px per module, the standard 4-module quiet zone) and decode it. */
function decode(modules: boolean[][]): string | null {
  const scale = 4
  const quiet = 4
  const side = (modules.length + 2 * quiet) * scale
  const pixels = new Uint8ClampedArray(side * side * 4).fill(255)
  modules.forEach((row, y) =>
    row.forEach((dark, x) => {
      if (!dark) return
      for (let dy = 0; dy < scale; dy++)
        for (let dx = 0; dx < scale; dx++) {
          const at = (((y + quiet) * scale + dy) * side + (x + quiet) * scale + dx) * 4
          pixels[at] = pixels[at + 1] = pixels[at + 2] = 0
        }
    }),
  )
  const found = jsQR(pixels, side, side)
  return found ? new TextDecoder().decode(Uint8Array.from(found.binaryData)) : null
}

const picture = (modules: boolean[][]) => modules.map((row) => row.map((dark) => (dark ? '#' : '.')).join(''))

describe('the QR encoder', () => {
  it('draws a check-in code that a decoder reads back, in the smallest version', () => {
    const qr = encodeQr('K7M2P9QX')
    expect(qr.size).toBe(21)
    expect(decode(qr.modules)).toBe('K7M2P9QX')
  })

  it('grows the version with the text and keeps the three finder patterns', () => {
    const url = 'https://example.gov.cn/packages/event/pages/detail/index?id=12345'
    const qr = encodeQr(url)
    expect(qr.size).toBe(37)
    const finder = ['#######', '#.....#', '#.###.#', '#.###.#', '#.###.#', '#.....#', '#######']
    const rows = picture(qr.modules)
    expect(rows.slice(0, 7).map((r) => r.slice(0, 7))).toEqual(finder)
    expect(rows.slice(0, 7).map((r) => r.slice(-7))).toEqual(finder)
    expect(rows.slice(-7).map((r) => r.slice(0, 7))).toEqual(finder)
    expect(decode(qr.modules)).toBe(url)
  })

  it('carries Chinese text and emoji as UTF-8', () => {
    expect(utf8Bytes('签到')).toEqual([0xe7, 0xad, 0xbe, 0xe5, 0x88, 0xb0])
    expect(utf8Bytes('😀')).toEqual([0xf0, 0x9f, 0x98, 0x80])
    expect(decode(encodeQr('高新区政府开放日签到 😀').modules)).toBe('高新区政府开放日签到 😀')
  })
})
