#!/usr/bin/env node
// `npm start`: build what is missing or out of date (H5 pages, BFF bundle), then run the BFF,
// which starts the embedded PostgreSQL (unless DATABASE_URL is set), migrates, seeds and serves.
import { execSync, spawn } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..')

function newestMtime(dir) {
  let newest = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name)
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs)
  }
  return newest
}

function isStale(output, sources) {
  if (!existsSync(output)) return true
  const built = statSync(output).mtimeMs
  return sources.some((dir) => newestMtime(path.join(root, dir)) > built)
}

const run = (command) => execSync(command, { cwd: root, stdio: 'inherit' })

if (isStale(path.join(root, 'miniapp/dist/h5/index.html'), ['miniapp/src', 'miniapp/config', 'shared/src'])) {
  console.log('正在构建 H5 页面……')
  run('npm run build:h5')
}
if (isStale(path.join(root, 'bff/dist/server.js'), ['bff/src', 'shared/src', 'prisma'])) {
  run('npm run build:bff')
}

const server = spawn(process.execPath, ['--enable-source-maps', path.join(root, 'bff/dist/server.js')], { cwd: root, stdio: 'inherit' })
// Ctrl-C reaches the server through the terminal's process group; a SIGTERM sent to this
// wrapper alone is forwarded. Either way the wrapper waits for the server's clean exit.
process.on('SIGINT', () => undefined)
process.on('SIGTERM', () => server.kill('SIGTERM'))
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))
