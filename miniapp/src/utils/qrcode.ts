/**
 * A small QR code encoder (ISO/IEC 18004) for check-in codes: byte mode, error-correction level M,
 * versions 1–10 (up to 213 bytes), automatic mask choice. Pure arithmetic — no canvas, no
 * `new Function`/eval — so it runs in the WeChat runtime and in browsers alike. The structure
 * follows Project Nayuki's qrcodegen (MIT), reduced to what a check-in code needs.
 */

/** Level M per version 1–10: error-correction codewords per block, and number of blocks. */
const ECC_PER_BLOCK = [10, 16, 26, 18, 24, 16, 18, 22, 22, 26]
const BLOCKS = [1, 1, 1, 2, 2, 4, 4, 4, 5, 5]
/** Format bits of level M (the two-bit indicator 00). */
const ECC_FORMAT_BITS = 0
export const QR_MAX_VERSION = 10

export interface QrCode {
  version: number
  /** Modules per side (21 for version 1). */
  size: number
  mask: number
  /** `modules[y][x]`: true is a dark module. */
  modules: boolean[][]
}

function rawDataModules(version: number): number {
  let result = (16 * version + 128) * version + 64
  if (version >= 2) {
    const align = Math.floor(version / 7) + 2
    result -= (25 * align - 10) * align - 55
    if (version >= 7) result -= 36
  }
  return result
}

function dataCodewords(version: number): number {
  return Math.floor(rawDataModules(version) / 8) - ECC_PER_BLOCK[version - 1]! * BLOCKS[version - 1]!
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

// —— Reed–Solomon over GF(2^8) with the polynomial x^8 + x^4 + x^3 + x^2 + 1 ——

function gfMultiply(x: number, y: number): number {
  let z = 0
  for (let i = 7; i >= 0; i--) {
    z = (z << 1) ^ ((z >>> 7) * 0x11d)
    z ^= ((y >>> i) & 1) * x
  }
  return z & 0xff
}

function rsDivisor(degree: number): number[] {
  const result = new Array<number>(degree).fill(0)
  result[degree - 1] = 1
  let root = 1
  for (let i = 0; i < degree; i++) {
    for (let j = 0; j < result.length; j++) {
      result[j] = gfMultiply(result[j]!, root)
      if (j + 1 < result.length) result[j] ^= result[j + 1]!
    }
    root = gfMultiply(root, 0x02)
  }
  return result
}

function rsRemainder(data: readonly number[], divisor: readonly number[]): number[] {
  const result = divisor.map(() => 0)
  for (const b of data) {
    const factor = b ^ result.shift()!
    result.push(0)
    divisor.forEach((coef, i) => {
      result[i] ^= gfMultiply(coef, factor)
    })
  }
  return result
}

/** Data codewords split into blocks, each followed by its error correction, interleaved. */
function withErrorCorrection(data: readonly number[], version: number): number[] {
  const blocks = BLOCKS[version - 1]!
  const ecc = ECC_PER_BLOCK[version - 1]!
  const raw = Math.floor(rawDataModules(version) / 8)
  const shortBlocks = blocks - (raw % blocks)
  const shortLength = Math.floor(raw / blocks)
  const divisor = rsDivisor(ecc)
  const all: number[][] = []
  for (let i = 0, k = 0; i < blocks; i++) {
    const dat = data.slice(k, k + shortLength - ecc + (i < shortBlocks ? 0 : 1))
    k += dat.length
    const block = dat.concat(rsRemainder(dat, divisor))
    if (i < shortBlocks) block.splice(shortLength - ecc, 0, -1) // pad short blocks to line up columns
    all.push(block)
  }
  const result: number[] = []
  for (let i = 0; i < all[0]!.length; i++) {
    all.forEach((block, j) => {
      if (i !== shortLength - ecc || j >= shortBlocks) result.push(block[i]!)
    })
  }
  return result
}

// —— the matrix ——

class Matrix {
  readonly modules: boolean[][]
  readonly isFunction: boolean[][]

  constructor(readonly size: number) {
    this.modules = Array.from({ length: size }, () => new Array<boolean>(size).fill(false))
    this.isFunction = Array.from({ length: size }, () => new Array<boolean>(size).fill(false))
  }

  setFunction(x: number, y: number, dark: boolean): void {
    this.modules[y]![x] = dark
    this.isFunction[y]![x] = true
  }
}

function alignmentPositions(version: number, size: number): number[] {
  if (version === 1) return []
  const count = Math.floor(version / 7) + 2
  const step = Math.ceil((version * 4 + 4) / (count * 2 - 2)) * 2
  const result = [6]
  for (let pos = size - 7; result.length < count; pos -= step) result.splice(1, 0, pos)
  return result
}

function drawFinder(m: Matrix, cx: number, cy: number): void {
  for (let dy = -4; dy <= 4; dy++) {
    for (let dx = -4; dx <= 4; dx++) {
      const dist = Math.max(Math.abs(dx), Math.abs(dy))
      const x = cx + dx
      const y = cy + dy
      if (x >= 0 && x < m.size && y >= 0 && y < m.size) m.setFunction(x, y, dist !== 2 && dist !== 4)
    }
  }
}

function drawAlignment(m: Matrix, cx: number, cy: number): void {
  for (let dy = -2; dy <= 2; dy++) {
    for (let dx = -2; dx <= 2; dx++) m.setFunction(cx + dx, cy + dy, Math.max(Math.abs(dx), Math.abs(dy)) !== 1)
  }
}

const bit = (value: number, i: number) => ((value >>> i) & 1) !== 0

function drawFormatBits(m: Matrix, mask: number): void {
  const data = (ECC_FORMAT_BITS << 3) | mask
  let rem = data
  for (let i = 0; i < 10; i++) rem = (rem << 1) ^ ((rem >>> 9) * 0x537)
  const bits = ((data << 10) | rem) ^ 0x5412
  for (let i = 0; i <= 5; i++) m.setFunction(8, i, bit(bits, i))
  m.setFunction(8, 7, bit(bits, 6))
  m.setFunction(8, 8, bit(bits, 7))
  m.setFunction(7, 8, bit(bits, 8))
  for (let i = 9; i < 15; i++) m.setFunction(14 - i, 8, bit(bits, i))
  for (let i = 0; i < 8; i++) m.setFunction(m.size - 1 - i, 8, bit(bits, i))
  for (let i = 8; i < 15; i++) m.setFunction(8, m.size - 15 + i, bit(bits, i))
  m.setFunction(8, m.size - 8, true) // the dark module
}

function drawVersion(m: Matrix, version: number): void {
  if (version < 7) return
  let rem = version
  for (let i = 0; i < 12; i++) rem = (rem << 1) ^ ((rem >>> 11) * 0x1f25)
  const bits = (version << 12) | rem
  for (let i = 0; i < 18; i++) {
    const a = m.size - 11 + (i % 3)
    const b = Math.floor(i / 3)
    m.setFunction(a, b, bit(bits, i))
    m.setFunction(b, a, bit(bits, i))
  }
}

function drawFunctionPatterns(m: Matrix, version: number): void {
  for (let i = 0; i < m.size; i++) {
    m.setFunction(6, i, i % 2 === 0)
    m.setFunction(i, 6, i % 2 === 0)
  }
  drawFinder(m, 3, 3)
  drawFinder(m, m.size - 4, 3)
  drawFinder(m, 3, m.size - 4)
  const positions = alignmentPositions(version, m.size)
  const n = positions.length
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      if (!((i === 0 && j === 0) || (i === 0 && j === n - 1) || (i === n - 1 && j === 0))) drawAlignment(m, positions[i]!, positions[j]!)
    }
  }
  drawFormatBits(m, 0) // reserves the area; drawn again with the chosen mask
  drawVersion(m, version)
}

function drawCodewords(m: Matrix, codewords: readonly number[]): void {
  let i = 0
  for (let right = m.size - 1; right >= 1; right -= 2) {
    if (right === 6) right = 5
    for (let vert = 0; vert < m.size; vert++) {
      for (let j = 0; j < 2; j++) {
        const x = right - j
        const upward = ((right + 1) & 2) === 0
        const y = upward ? m.size - 1 - vert : vert
        if (!m.isFunction[y]![x] && i < codewords.length * 8) {
          m.modules[y]![x] = bit(codewords[i >>> 3]!, 7 - (i & 7))
          i++
        }
      }
    }
  }
}

function maskApplies(mask: number, x: number, y: number): boolean {
  switch (mask) {
    case 0:
      return (x + y) % 2 === 0
    case 1:
      return y % 2 === 0
    case 2:
      return x % 3 === 0
    case 3:
      return (x + y) % 3 === 0
    case 4:
      return (Math.floor(x / 3) + Math.floor(y / 2)) % 2 === 0
    case 5:
      return ((x * y) % 2) + ((x * y) % 3) === 0
    case 6:
      return (((x * y) % 2) + ((x * y) % 3)) % 2 === 0
    default:
      return (((x + y) % 2) + ((x * y) % 3)) % 2 === 0
  }
}

function applyMask(m: Matrix, mask: number): void {
  for (let y = 0; y < m.size; y++) {
    for (let x = 0; x < m.size; x++) {
      if (!m.isFunction[y]![x] && maskApplies(mask, x, y)) m.modules[y]![x] = !m.modules[y]![x]
    }
  }
}

/** The standard's penalty score: runs, 2×2 blocks, finder-like patterns, dark/light balance. */
function penalty(modules: boolean[][]): number {
  const size = modules.length
  let score = 0
  const finderLike = (line: boolean[]) => {
    let found = 0
    for (let i = 0; i + 7 <= line.length; i++) {
      if (line[i] && !line[i + 1] && line[i + 2] && line[i + 3] && line[i + 4] && !line[i + 5] && line[i + 6]) {
        const before = i >= 4 && !line[i - 1] && !line[i - 2] && !line[i - 3] && !line[i - 4]
        const beforeEdge = i < 4 && line.slice(0, i).every((v) => !v)
        const after = i + 11 <= line.length && !line[i + 7] && !line[i + 8] && !line[i + 9] && !line[i + 10]
        const afterEdge = i + 11 > line.length && line.slice(i + 7).every((v) => !v)
        if (before || beforeEdge || after || afterEdge) found++
      }
    }
    return found
  }
  const lines: boolean[][] = []
  for (let y = 0; y < size; y++) lines.push(modules[y]!)
  for (let x = 0; x < size; x++) lines.push(modules.map((row) => row[x]!))
  for (const line of lines) {
    let run = 1
    for (let i = 1; i <= line.length; i++) {
      if (i < line.length && line[i] === line[i - 1]) run++
      else {
        if (run >= 5) score += 3 + (run - 5)
        run = 1
      }
    }
    score += finderLike(line) * 40
  }
  for (let y = 0; y + 1 < size; y++) {
    for (let x = 0; x + 1 < size; x++) {
      const c = modules[y]![x]
      if (c === modules[y]![x + 1] && c === modules[y + 1]![x] && c === modules[y + 1]![x + 1]) score += 3
    }
  }
  let dark = 0
  for (const row of modules) for (const v of row) if (v) dark++
  const total = size * size
  const k = Math.ceil(Math.abs(dark * 20 - total * 10) / total) - 1
  score += Math.max(0, k) * 10
  return score
}

/** Encode text (UTF-8, byte mode) at level M in the smallest version that holds it. */
export function encodeQr(text: string): QrCode {
  const bytes = utf8Bytes(text)
  let version = 1
  for (; version <= QR_MAX_VERSION; version++) {
    const countBits = version <= 9 ? 8 : 16
    if (4 + countBits + bytes.length * 8 <= dataCodewords(version) * 8) break
  }
  if (version > QR_MAX_VERSION) throw new RangeError('text too long for a QR code of version 1–10')

  // mode indicator (byte = 0100), character count, data, terminator and padding
  const bits: number[] = []
  const append = (value: number, length: number) => {
    for (let i = length - 1; i >= 0; i--) bits.push((value >>> i) & 1)
  }
  append(0b0100, 4)
  append(bytes.length, version <= 9 ? 8 : 16)
  for (const b of bytes) append(b, 8)
  const capacity = dataCodewords(version) * 8
  append(0, Math.min(4, capacity - bits.length))
  append(0, (8 - (bits.length % 8)) % 8)
  for (let pad = 0xec; bits.length < capacity; pad ^= 0xec ^ 0x11) append(pad, 8)
  const data: number[] = []
  for (let i = 0; i < bits.length; i += 8) data.push(bits.slice(i, i + 8).reduce((acc, b) => (acc << 1) | b, 0))

  const size = version * 4 + 17
  const base = new Matrix(size)
  drawFunctionPatterns(base, version)
  drawCodewords(base, withErrorCorrection(data, version))

  let best: { mask: number; modules: boolean[][]; score: number } | null = null
  for (let mask = 0; mask < 8; mask++) {
    const m = new Matrix(size)
    for (let y = 0; y < size; y++) {
      m.modules[y] = base.modules[y]!.slice()
      m.isFunction[y] = base.isFunction[y]!.slice()
    }
    applyMask(m, mask)
    drawFormatBits(m, mask)
    const score = penalty(m.modules)
    if (best === null || score < best.score) best = { mask, modules: m.modules, score }
  }
  return { version, size, mask: best!.mask, modules: best!.modules }
}
