#!/usr/bin/env node
// `npm start`: build what is missing or out of date (H5 pages, BFF bundle), then run the BFF,
// which starts the embedded PostgreSQL (unless DATABASE_URL is set), migrates, seeds and serves.
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { SERVER_ENV, SERVER_NODE_ARGS } from './serverNodeArgs.mjs'

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

/**
 * Run a build quietly: one line while it runs and one when done; its whole output (webpack's progress, deprecation
 * and asset-size warnings) goes to .data/logs/<name>.log and is printed only when the build fails. On a terminal,
 * GM_VERBOSE_BUILD=true shows it live instead.
 */
function build(name, label, script) {
  const started = Date.now()
  if (process.env.GM_VERBOSE_BUILD === 'true' && process.stdout.isTTY) {
    const live = spawnSync('npm', ['run', script], { cwd: root, stdio: 'inherit' })
    if (live.status !== 0) process.exit(live.status ?? 1)
    return
  }
  process.stdout.write(`${label}……`)
  const result = spawnSync('npm', ['run', '--silent', script], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    env: { ...process.env, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --no-deprecation`.trim() },
  })
  const logDir = path.join(root, '.data', 'logs')
  mkdirSync(logDir, { recursive: true })
  const logFile = path.join(logDir, `${name}.log`)
  writeFileSync(logFile, `${result.stdout ?? ''}${result.stderr ?? ''}`)
  if (result.status !== 0) {
    console.log('失败')
    console.error(`${result.stdout ?? ''}${result.stderr ?? ''}`.trim().split('\n').slice(-60).join('\n'))
    console.error(`\n构建失败，完整输出：${path.relative(root, logFile)}`)
    process.exit(result.status ?? 1)
  }
  console.log(`完成（${Math.round((Date.now() - started) / 1000)} 秒，输出见 ${path.relative(root, logFile)}）`)
}

if (isStale(path.join(root, 'miniapp/dist/h5/index.html'), ['miniapp/src', 'miniapp/config', 'shared/src'])) {
  build('build-h5', '正在构建 H5 页面', 'build:h5')
}
if (isStale(path.join(root, 'bff/dist/server.js'), ['bff/src', 'shared/src', 'prisma'])) {
  build('build-bff', '正在构建 BFF', 'build:bff')
}

// The server's own log lines (JSON) only from warnings up unless LOG_LEVEL says otherwise: the address block comes last.
const env = { ...SERVER_ENV, ...process.env, LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' }
const server = spawn(process.execPath, [...SERVER_NODE_ARGS, path.join(root, 'bff/dist/server.js')], { cwd: root, stdio: 'inherit', env })
// Ctrl-C reaches the server through the terminal's process group; a SIGTERM sent to this
// wrapper alone is forwarded. Either way the wrapper waits for the server's clean exit.
process.on('SIGINT', () => undefined)
process.on('SIGTERM', () => server.kill('SIGTERM'))
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))
