// esbuild plugins of the BFF bundle (bff/scripts/build.mjs): what the process keeps in memory of its own code.
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import ts from 'typescript'

/**
 * Prisma's query compiler arrives as a module exporting a 2.6 MB base64 string, loaded once by the generated
 * client (`await import(…)`). Imported as it is, a process keeps that string for good, twice: in the module's
 * exports and in the source text Node's CommonJS export scanner holds on to (heap snapshot, bench/README.md
 * "Memory"). This stand-in requires the module when the client asks and forgets it straight after: the module
 * cache and the bundle's `module.children` both let go of it (a heap snapshot found it still held by the latter).
 */
export const COMPILER_WASM = '@prisma/client/runtime/query_compiler_bg.postgresql.wasm-base64.js'
export const compilerWasmOnce = {
  name: 'compiler-wasm-once',
  setup(b) {
    b.onResolve({ filter: new RegExp(`^${COMPILER_WASM.replace(/[.\/]/g, '\\$&')}$`) }, (args) =>
      // The stand-in's own require goes to the installed module (external, like all of @prisma/client).
      args.namespace === 'compiler-wasm-once' ? { path: COMPILER_WASM, external: true } : { path: COMPILER_WASM, namespace: 'compiler-wasm-once' },
    )
    b.onLoad({ filter: /.*/, namespace: 'compiler-wasm-once' }, () => ({
      loader: 'js',
      contents: `module.exports = {
  get wasm() {
    const id = require.resolve(${JSON.stringify(COMPILER_WASM)})
    try {
      return require(id).wasm
    } finally {
      // Forgotten by the module cache and by this bundle's module.children, the other list that holds it.
      const loaded = require.cache[id]
      delete require.cache[id]
      const children = require.cache[__filename]?.children ?? []
      if (children.includes(loaded)) children.splice(children.indexOf(loaded), 1)
    }
  },
}`,
    }))
  },
}

/** A regular-expression literal with its non-ASCII characters as \u escapes (`\。`, an identity escape, as `\u3002` too). */
export function asciiPattern(literal) {
  let out = ''
  for (let i = 0; i < literal.length; i++) {
    const escaped = literal[i] === '\\'
    if (escaped) i++
    const c = literal.charCodeAt(i)
    if (c > 0x7f) out += `\\u${c.toString(16).padStart(4, '0')}`
    else out += (escaped ? '\\' : '') + literal[i]
  }
  return out
}

/**
 * The bundle is ASCII, so V8 keeps its source as one byte per character. esbuild writes strings and templates
 * as \u escapes but leaves regular-expression literals as written, and one 微信 in a pattern made V8 hold the
 * whole 1 MB bundle as a two-byte string (2 MB, heap snapshot, bench/README.md "Memory"). This plugin writes
 * the non-ASCII characters of our own regular-expression literals as \u escapes before esbuild reads them:
 * the same pattern (in a `u` pattern too: an escaped surrogate pair is one code point), a longer `source`.
 */
export const asciiPatterns = {
  name: 'ascii-patterns',
  setup(b) {
    b.onLoad({ filter: /\.tsx?$/ }, async (args) => {
      if (args.path.includes(`${path.sep}node_modules${path.sep}`)) return undefined
      const text = await readFile(args.path, 'utf8')
      if (!/[^\x00-\x7f]/.test(text)) return undefined
      const file = ts.createSourceFile(args.path, text, ts.ScriptTarget.Latest, false, args.path.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS)
      const spans = []
      const visit = (node) => {
        if (node.kind === ts.SyntaxKind.RegularExpressionLiteral && /[^\x00-\x7f]/.test(node.text)) spans.push([node.getStart(file), node.end])
        ts.forEachChild(node, visit)
      }
      visit(file)
      if (spans.length === 0) return undefined
      let contents = ''
      let last = 0
      for (const [start, end] of spans) {
        contents += text.slice(last, start) + asciiPattern(text.slice(start, end))
        last = end
      }
      return { contents: contents + text.slice(last), loader: args.path.endsWith('x') ? 'tsx' : 'ts' }
    })
  },
}
