// Starts the built BFF (bff/dist/server.js) as a real process on a free port, for tests across several instances.
import { type ChildProcess, spawn } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { freePort } from '../../bff/src/db/embeddedPostgres'

const root = path.resolve(__dirname, '../..')
/** The built server; GM_TEST_BFF_SCRIPT points at another build (e.g. to check a test fails without a fix). */
export const SERVER_SCRIPT = process.env.GM_TEST_BFF_SCRIPT ?? path.join(root, 'bff/dist/server.js')

export interface BffProcess {
  child: ChildProcess
  base: string
  /** What the process printed so far (stdout and stderr). */
  output(): string
  stop(): Promise<void>
}

export function requireBuiltServer() {
  if (!existsSync(SERVER_SCRIPT)) throw new Error(`${SERVER_SCRIPT} is missing: run \`npm run build:bff\` (npm test does it)`)
}

/** Start one BFF on `databaseUrl` with these extra settings; resolves once /readyz answers. */
export async function startBffProcess(databaseUrl: string, env: Record<string, string> = {}): Promise<BffProcess> {
  requireBuiltServer()
  const port = await freePort()
  const staticDir = mkdtempSync(path.join(os.tmpdir(), 'gm-bff-'))
  let output = ''
  const child = spawn(process.execPath, [SERVER_SCRIPT], {
    cwd: root,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, DATABASE_URL: databaseUrl, PORT: String(port), LOG_LEVEL: 'error', STATIC_DIR: staticDir, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  child.stdout!.on('data', (c: Buffer) => (output += c.toString()))
  child.stderr!.on('data', (c: Buffer) => (output += c.toString()))
  const base = `http://127.0.0.1:${port}`
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((r) => child.once('exit', r))
      child.kill('SIGTERM')
      await exited
    }
    rmSync(staticDir, { recursive: true, force: true })
  }
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) {
      await stop()
      throw new Error(`server exited:\n${output}`)
    }
    try {
      if ((await fetch(`${base}/readyz`)).ok) return { child, base, output: () => output, stop }
    } catch {
      // starting
    }
    await new Promise((r) => setTimeout(r, 100))
  }
  await stop()
  throw new Error(`server not ready:\n${output}`)
}

export interface Answer<B = any> {
  status: number
  headers: Headers
  body: B
}

/**
 * One JSON request; a dropped connection is answered as status 0 with the cause as the error code,
 * so it shows up in a test's tally instead of hiding the other answers.
 */
export async function call<B = any>(base: string, pathname: string, init: RequestInit & { json?: unknown } = {}): Promise<Answer<B>> {
  const { json, ...rest } = init
  try {
    const response = await fetch(base + pathname, {
      ...rest,
      ...(json !== undefined ? { body: JSON.stringify(json), headers: { 'content-type': 'application/json', ...rest.headers } } : {}),
    })
    const text = await response.text()
    let body: unknown = text
    try {
      body = JSON.parse(text)
    } catch {
      // not JSON
    }
    return { status: response.status, headers: response.headers, body: body as B }
  } catch (e) {
    const cause = (e as { cause?: { code?: string; message?: string } }).cause
    return { status: 0, headers: new Headers(), body: { error: { code: `${(e as Error).message}: ${cause?.code ?? cause?.message}` } } as B }
  }
}
