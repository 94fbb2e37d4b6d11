// A PostgreSQL cluster owned by one test (system initdb/pg_ctl): to pause, restart or stop without touching the shared server.
import { execFileSync } from 'node:child_process'
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { freePort } from '../../bff/src/db/embeddedPostgres'

export interface TestCluster {
  port: number
  dataDir: string
  /** URL of a database on this cluster (user postgres, trust authentication on 127.0.0.1). */
  urlFor(database: string): string
  /** SIGSTOP the postmaster and every process it started: the server keeps its sockets and answers nothing. */
  pause(): void
  /** SIGCONT whatever pause() stopped. */
  resume(): void
  /** pg_ctl stop: fast (sessions cut, transactions rolled back) or immediate (a crash; recovery at the next start). */
  stop(mode?: 'fast' | 'immediate'): void
  /** pg_ctl start on the same port and folder. */
  start(): void
  /** Resume if paused, stop immediately, remove the folder. */
  destroy(): void
}

/** The PostgreSQL tools: on PATH, else the newest /usr/lib/postgresql/<version>/bin. */
function binary(name: string): string {
  try {
    return execFileSync('sh', ['-c', `command -v ${name}`])
      .toString()
      .trim()
  } catch {
    const root = '/usr/lib/postgresql'
    const versions = existsSync(root)
      ? execFileSync('ls', [root])
          .toString()
          .split('\n')
          .filter(Boolean)
          .sort((a, b) => Number(b) - Number(a))
      : []
    for (const version of versions) {
      const candidate = path.join(root, version, 'bin', name)
      if (existsSync(candidate)) return candidate
    }
    throw new Error(`PostgreSQL tool ${name} not found (install postgresql or put its bin folder on PATH)`)
  }
}

/** The server refuses to run as root: as root, the tools run as the `postgres` system user. */
function run(tool: string, args: string[]) {
  const asRoot = process.getuid?.() === 0
  const [command, commandArgs] = asRoot ? ['runuser', ['-u', 'postgres', '--', binary(tool), ...args]] : [binary(tool), args]
  execFileSync(command, commandArgs, { stdio: 'pipe', timeout: 120_000 })
}

function childrenOf(pid: number): number[] {
  try {
    return execFileSync('pgrep', ['-P', String(pid)])
      .toString()
      .split('\n')
      .filter(Boolean)
      .map(Number)
  } catch {
    return [] // pgrep exits 1 when there are none
  }
}

export async function startTestCluster(): Promise<TestCluster> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'gm-cluster-'))
  const dataDir = path.join(dir, 'data')
  mkdirSync(dataDir, { mode: 0o700 })
  if (process.getuid?.() === 0) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim())
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim())
    chmodSync(dir, 0o755)
    chownSync(dir, uid, gid)
    chownSync(dataDir, uid, gid)
  }
  run('initdb', ['-D', dataDir, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--locale=C', '--no-instructions'])
  const port = await freePort()
  const start = () =>
    run('pg_ctl', [
      '-D',
      dataDir,
      '-o',
      `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=100`,
      '-l',
      path.join(dir, 'log'),
      '-w',
      '-t',
      '60',
      'start',
    ])
  const stop = (mode: 'fast' | 'immediate') => run('pg_ctl', ['-D', dataDir, '-m', mode, '-w', '-t', '60', 'stop'])
  start()
  let stopped: number[] = []
  const postmaster = () => Number(readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0])
  const cluster: TestCluster = {
    port,
    dataDir,
    urlFor: (database) => `postgresql://postgres@127.0.0.1:${port}/${database}`,
    pause() {
      const main = postmaster()
      process.kill(main, 'SIGSTOP')
      stopped = [main]
      // Backends forked just before the postmaster stopped show up on a second look.
      for (let round = 0; round < 5; round++) {
        const fresh = childrenOf(main).filter((pid) => !stopped.includes(pid))
        if (fresh.length === 0) break
        for (const pid of fresh) {
          process.kill(pid, 'SIGSTOP')
          stopped.push(pid)
        }
      }
    },
    resume() {
      for (const pid of stopped.slice().reverse()) {
        try {
          process.kill(pid, 'SIGCONT')
        } catch {
          // already gone
        }
      }
      stopped = []
    },
    stop: (mode = 'fast') => stop(mode),
    start,
    destroy() {
      cluster.resume()
      try {
        if (existsSync(path.join(dataDir, 'postmaster.pid'))) stop('immediate')
      } finally {
        rmSync(dir, { recursive: true, force: true })
      }
    },
  }
  return cluster
}
