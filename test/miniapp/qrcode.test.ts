import { encodeQr, utf8Bytes } from '../../miniapp/src/utils/qrcode'

/**
 * The same text encoded by an independent implementation (the `qrcode` npm package, byte mode,
 * level M, mask 0 — the mask this encoder's penalty rule picks for it); the result was also read
 * back with a QR decoder when this fixture was made.
 */
const K7M2P9QX = [
  '#######..##.#.#######',
  '#.....#.#.#.#.#.....#',
  '#.###.#..#.##.#.###.#',
  '#.###.#...#...#.###.#',
  '#.###.#.#.###.#.###.#',
  '#.....#..#.#..#.....#',
  '#######.#.#.#.#######',
  '..........#..........',
  '#.#.#.#..#..#...#..#.',
  '####...#.#.#.##.....#',
  '##.#..###..#..####..#',
  '..##...#..####......#',
  '##.#.##....#..#.#.#..',
  '........#.#...#...##.',
  '#######...#.#..######',
  '#.....#..#....#..#.#.',
  '#.###.#.##..#.#..#...',
  '#.###.#....#.#..##.#.',
  '#.###.#.#..#.##.#...#',
  '#.....#..#.###.#...#.',
  '#######.#..#.##.#####',
]

const picture = (modules: boolean[][]) => modules.map((row) => row.map((dark) => (dark ? '#' : '.')).join(''))

describe('the QR encoder', () => {
  it('encodes a check-in code module for module like an independent implementation', () => {
    const qr = encodeQr('K7M2P9QX')
    expect(qr.version).toBe(1)
    expect(qr.mask).toBe(0)
    expect(picture(qr.modules)).toEqual(K7M2P9QX)
  })

  it('grows the version with the text and keeps the three finder patterns', () => {
    const qr = encodeQr('https://example.gov.cn/packages/event/pages/detail/index?id=12345')
    expect(qr.version).toBe(5)
    expect(qr.size).toBe(37)
    const finder = ['#######', '#.....#', '#.###.#', '#.###.#', '#.###.#', '#.....#', '#######']
    const rows = picture(qr.modules)
    expect(rows.slice(0, 7).map((r) => r.slice(0, 7))).toEqual(finder)
    expect(rows.slice(0, 7).map((r) => r.slice(-7))).toEqual(finder)
    expect(rows.slice(-7).map((r) => r.slice(0, 7))).toEqual(finder)
  })

  it('counts UTF-8 bytes for Chinese text and refuses what does not fit version 10', () => {
    expect(utf8Bytes('签到')).toEqual([0xe7, 0xad, 0xbe, 0xe5, 0x88, 0xb0])
    expect(encodeQr('x'.repeat(213)).version).toBe(10)
    expect(() => encodeQr('x'.repeat(214))).toThrow(RangeError)
  })
})
