import { type ChildProcess, spawn } from 'node:child_process'
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { freePort } from '../../bff/src/db/embeddedPostgres'

/**
 * The built BFF as a newcomer runs it (`npm start` runs this bundle): configuration errors,
 * the embedded database's lifecycle, and data surviving a restart.
 */
const root = path.resolve(__dirname, '../..')
const bundle = path.join(root, 'bff/dist/server.js')

interface Running {
  child: ChildProcess
  output: () => string
  exited: Promise<number | null>
}

/** Every server started, so a failed test does not leave one running (jest would not exit). */
const started: Running[] = []

function run(env: Record<string, string>): Running {
  let output = ''
  const child = spawn(process.execPath, [bundle], {
    cwd: root,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  child.stdout!.on('data', (c: Buffer) => (output += c.toString()))
  child.stderr!.on('data', (c: Buffer) => (output += c.toString()))
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
  const running = { child, output: () => output, exited }
  started.push(running)
  return running
}

/** After a test (passed or not): no server of it still runs, nor the embedded PostgreSQL of its data folder, which then can be removed. */
async function cleanUp(dir: string, dataDir: string) {
  for (const running of started.splice(0)) {
    if (running.child.exitCode === null && running.child.signalCode === null) running.child.kill('SIGKILL')
    await running.exited
  }
  const postmaster = postmasterPid(dataDir)
  if (postmaster && alive(postmaster)) process.kill(postmaster, 'SIGKILL')
  rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 })
}

async function waitForReady(base: string, running: Running, timeoutMs = 150_000) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (running.child.exitCode !== null) throw new Error(`server exited early:\n${running.output()}`)
    try {
      if ((await fetch(`${base}/readyz`)).ok) return
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200))
  }
  throw new Error(`server not ready:\n${running.output()}`)
}

function postmasterPid(dataDir: string): number | null {
  const file = path.join(dataDir, 'postmaster.pid')
  return existsSync(file) ? Number(readFileSync(file, 'utf8').split('\n')[0]) : null
}

function alive(pid: number) {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

beforeAll(() => {
  if (!existsSync(bundle)) throw new Error('bff/dist/server.js is missing: run `npm run build:bff` (npm test does it)')
})

describe('the BFF process', () => {
  it.each([
    [{ PORT: 'abc' }, /PORT="abc"/],
    [{ DATABASE_URL: 'postgres://' }, /DATABASE_URL=/],
    [{ DATABASE_URL: 'mysql://root@localhost/db' }, /DATABASE_URL=.*postgresql:\/\//],
  ])('refuses to start with bad configuration %p and names the setting', async (env, message) => {
    const running = run(env)
    expect(await running.exited).toBe(1)
    expect(running.output()).toMatch(message)
    expect(running.output()).toMatch(/配置有误/)
  })

  it('starts the embedded database, migrates and seeds on first run, stops cleanly on SIGTERM and keeps data across a restart', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'gm-server-test-'))
    chmodSync(dir, 0o755)
    const dataDir = path.join(dir, 'pg')
    try {
      const port = await freePort()
      const base = `http://127.0.0.1:${port}`
      const env = { PORT: String(port), EMBEDDED_PG_DIR: dataDir, STATIC_DIR: dir }

      const first = run(env)
      await waitForReady(base, first)
      const consultations = (await (await fetch(`${base}/api/consultations`)).json()) as { total: number }
      expect(consultations.total).toBeGreaterThanOrEqual(4)
      const vote = await fetch(`${base}/api/qa/1/feedback`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"helpful":true}' })
      expect(await vote.json()).toEqual({ helpfulCount: 1, unhelpfulCount: 0 })
      const pgPid = postmasterPid(dataDir)!
      expect(alive(pgPid)).toBe(true)

      first.child.kill('SIGTERM')
      expect(await first.exited).toBe(0)
      expect(alive(pgPid)).toBe(false)
      expect(first.output()).not.toMatch(/"level":50/)

      const second = run(env)
      await waitForReady(base, second)
      const item = (await (await fetch(`${base}/api/qa/1`)).json()) as { helpfulCount: number }
      expect(item.helpfulCount).toBe(1)
      expect(((await (await fetch(`${base}/api/consultations`)).json()) as { total: number }).total).toBe(consultations.total)
      second.child.kill('SIGINT')
      expect(await second.exited).toBe(0)
    } finally {
      await cleanUp(dir, dataDir)
    }
  }, 360_000) // a first run initialises PostgreSQL, migrates and seeds: ~20 s quiet, over 60 s at load 15

  it('recovers the data folder from a killed server whose database was left running', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'gm-server-test-'))
    chmodSync(dir, 0o755)
    const dataDir = path.join(dir, 'pg')
    try {
      const port = await freePort()
      const base = `http://127.0.0.1:${port}`
      const env = { PORT: String(port), EMBEDDED_PG_DIR: dataDir, STATIC_DIR: dir }
      const first = run(env)
      await waitForReady(base, first)
      const orphan = postmasterPid(dataDir)!
      first.child.kill('SIGKILL')
      await first.exited
      expect(alive(orphan)).toBe(true)

      const second = run(env)
      await waitForReady(base, second)
      expect(alive(orphan)).toBe(false)
      expect((await fetch(`${base}/api/overview`)).status).toBe(200)
      second.child.kill('SIGTERM')
      expect(await second.exited).toBe(0)
    } finally {
      await cleanUp(dir, dataDir)
    }
  }, 360_000) // a first run initialises PostgreSQL, migrates and seeds: ~20 s quiet, over 60 s at load 15
})
