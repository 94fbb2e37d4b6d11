/**
 * HTTP benchmark of the hot public reads against a bare Koa ceiling, on loopback.
 *
 *   npm run bench                                   seed the default volume, run, write bench/RESULTS.md
 *   npm run bench -- --label before                 store this run as the "before" column
 *   npm run bench -- --consultations 200 --opinions 250000 --duration 5 --connections 10
 *   npm run bench -- --server /tmp/old/bff/dist/server.js --label before   (an earlier build, same database and load)
 *   npm run bench -- --render                       rewrite bench/RESULTS.md from bench/results/*.json only
 *   npm run bench -- --only consultations --bff-node-args "--cpu-prof --cpu-prof-dir=/tmp/prof"   (profile)
 *   npm run bench -- --only opinions,signups        the write workloads only (comma-separated name parts)
 *
 * A fresh database on DATABASE_URL's server (or an embedded PostgreSQL in a temporary folder) is
 * migrated and seeded with plain SQL (consultations with clauses, opinions, events, policies) plus
 * the Q&A library from --library (default /work/shared/data/qa/beijing-faq-library.jsonl) through
 * the staff import's own commit step. The built BFF (bff/dist/server.js, RATE_LIMIT=off) and a bare
 * Koa app answering the BFF's own consultation-list JSON (bench/bareKoa.mjs) run as processes;
 * each workload runs right after a bare Koa run of the same length, and its ratio is to that run.
 * Results go to bench/results/<label>.json; bench/RESULTS.md shows "before" next to the latest run.
 * The write workloads (bench/writes.ts): opinions from distinct citizens, checked afterwards to be
 * stored once each, and a burst of --burst-people signups for --burst-seats seats across two BFF instances.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import autocannon from 'autocannon'
import pg from 'pg'
import pino from 'pino'
import { createDatabaseClient } from '../bff/src/db/client'
import { freePort } from '../bff/src/db/embeddedPostgres'
import type { Deps } from '../bff/src/deps'
import { importQaRows, parseQaFile } from '../bff/src/services/qaImport'
import { SERVER_ENV, SERVER_NODE_ARGS } from '../bff/scripts/serverNodeArgs.mjs'
import { freshBenchDatabase } from './database'
import { countStatements, type StatementCounts } from './statements'
import {
  BURST_WORKLOAD,
  type BurstResult,
  burstCell,
  checkOpinionsStored,
  OPINIONS_WORKLOAD,
  type OpinionsStored,
  opinionRequests,
  seedCitizens,
  signupBurst,
  bareKoaBurst,
  storedCell,
} from './writes'

const root = path.resolve(__dirname, '..', '..')
const benchDir = path.join(root, 'bench')

function options(argv: string[]) {
  const map = new Map<string, string>()
  for (let i = 0; i < argv.length; i += 2) {
    const key = argv[i] as string
    if (!key.startsWith('--')) throw new Error(`无法识别的参数：${key}`)
    map.set(key.slice(2), argv[i + 1] ?? '')
  }
  const int = (name: string, fallback: number) => {
    const value = Number(map.get(name) ?? fallback)
    if (!Number.isInteger(value) || value < 0) throw new Error(`--${name} 应为非负整数`)
    return value
  }
  return {
    /** `--statements off` skips counting statements per request (a third instance behind a statement-reading proxy, ~10 s). */
    noStatements: map.get('statements') === 'off',
    consultations: Math.max(1, int('consultations', 200)),
    opinions: int('opinions', 50_000),
    events: Math.max(1, int('events', 500)),
    policies: Math.max(1, int('policies', 300)),
    library: map.get('library') ?? '/work/shared/data/qa/beijing-faq-library.jsonl',
    duration: Math.max(1, int('duration', 5)),
    connections: Math.max(1, int('connections', 10)),
    label: map.get('label') ?? 'after',
    /** Only the workloads whose name contains one of these (comma-separated). */
    only: map
      .get('only')
      ?.split(',')
      .filter((t) => t !== ''),
    /** Signed-in citizens seeded for the write workloads. */
    citizens: Math.max(1, int('citizens', 26_000)),
    /** The signup burst: people at once, seats, rounds (fewer when a round takes over 30 s), and how long a client waits for an answer. */
    burstPeople: Math.max(1, int('burst-people', 5_000)),
    burstSeats: Math.max(1, int('burst-seats', 100)),
    burstRounds: Math.max(1, int('burst-rounds', 3)),
    burstTimeoutMs: Math.max(1000, int('burst-timeout-ms', 60_000)),
    /** The allocator settings production runs the BFF with (SERVER_ENV in bff/scripts/serverNodeArgs.mjs); --server-env "" leaves them out (A/B runs). */
    serverEnv: map.has('server-env') ? envList(map.get('server-env') ?? '') : { ...SERVER_ENV },
    /** Extra settings for both BFF instances, e.g. "BURST_CONCURRENCY=0,DB_POOL_SIZE=20". */
    bffEnv: envList(map.get('bff-env') ?? ''),
    /** The node arguments production runs the BFF with (bff/scripts/serverNodeArgs.mjs), or these instead (A/B runs). */
    serverNodeArgs: map.has('server-node-args') ? (map.get('server-node-args') ?? '').split(' ').filter((a) => a !== '') : [...SERVER_NODE_ARGS],
    /** Extra node arguments for the BFF process, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof". */
    bffNodeArgs: (map.get('bff-node-args') ?? '').split(' ').filter((a) => a !== ''),
    /** Another build of the server (e.g. of an earlier commit) to measure instead of bff/dist/server.js. */
    server: map.get('server') ?? path.join(root, 'bff', 'dist', 'server.js'),
    /** Koa/BFF pairs per workload; the ratio reported is their median (a busy machine moves single runs a lot). */
    rounds: Math.max(1, int('rounds', 3)),
  }
}
/** "A=1,B=2" as an environment. */
function envList(list: string): Record<string, string> {
  return Object.fromEntries(
    list
      .split(',')
      .filter((a) => a.includes('='))
      .map((a) => [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)]),
  )
}
type Options = ReturnType<typeof options>

/** Volume seeded with set-based SQL: fast even for hundreds of thousands of opinions. */
async function seed(client: pg.Client, o: Options) {
  await client.query(`INSERT INTO department (name) SELECT '基准部门' || g FROM generate_series(1, 8) g`)
  await client.query(
    `INSERT INTO consultation (department_id, title, summary, explanation, background, opens_at, closes_at, published_at)
     SELECT 1 + g % 8, '关于第' || g || '号重大行政决策事项的意见征集（征求意见稿）',
            repeat('为进一步优化营商环境、推动高质量发展，现就本事项公开征求社会公众意见。', 2),
            repeat('起草说明。', 40), repeat('制定依据与背景。', 40),
            now() - (g * interval '2 day'), now() - (g * interval '2 day') + interval '40 day', now() - (g * interval '2 day')
     FROM generate_series(1, $1::int) g`,
    [o.consultations],
  )
  await client.query(
    `INSERT INTO draft_section (consultation_id, version, position, heading, body)
     SELECT c.id, 1, p, '第' || p || '条', repeat('本条规定了相关主体的权利义务和办理程序，具体内容以正式发布文本为准。', 6)
     FROM consultation c CROSS JOIN generate_series(1, 12) p`,
  )
  await client.query(`INSERT INTO draft_version (consultation_id, version, note, published_at) SELECT id, 1, '', published_at FROM consultation`)
  await client.query(
    `INSERT INTO opinion (consultation_id, receipt_code, raw_text, published_text, moderation, created_at)
     SELECT 1 + (g * 7919) % $2::int, 'B' || lpad(g::text, 10, '0'), '建议进一步明确申请条件和办理时限，简化材料。' || g,
            CASE WHEN g % 3 = 0 THEN '建议进一步明确申请条件和办理时限，简化材料。' END,
            (CASE WHEN g % 3 = 0 THEN 'APPROVED' ELSE 'PENDING' END)::"moderation_status", now() - (g % 1000) * interval '1 minute'
     FROM generate_series(1, $1::int) g`,
    [o.opinions, o.consultations],
  )
  await client.query(
    `INSERT INTO event (kind, title, description, place, department_id, starts_at, ends_at, signup_opens_at, signup_closes_at, capacity, selection_mode, published_at)
     SELECT (ARRAY['OPEN_DAY','MEETING_ATTENDANCE','HEARING'])[1 + g % 3]::"event_kind", '第' || g || '期政府开放日', repeat('活动介绍。', 30), '高新区政务服务中心',
            1 + g % 8, now() + (g - $1::int / 2) * interval '1 day', now() + (g - $1::int / 2) * interval '1 day' + interval '2 hour',
            now() + (g - $1::int / 2 - 10) * interval '1 day', now() + (g - $1::int / 2 - 1) * interval '1 day', 100, 'FIRST_COME', now() - interval '30 day'
     FROM generate_series(1, $1::int) g`,
    [o.events],
  )
  await client.query(
    `INSERT INTO policy_document (title, issuer, doc_number, written_at, published_at, summary, topic, status, released_at)
     SELECT '关于支持第' || g || '项产业发展的若干政策措施', '高新区管委会', '高新发〔2026〕' || g || '号', now() - g * interval '1 day', now() - g * interval '1 day',
            repeat('政策要点。', 20), (ARRAY['创业','就业','住房','纳税'])[1 + g % 4], 'PUBLISHED', now() - g * interval '1 day'
     FROM generate_series(1, $1::int) g`,
    [o.policies],
  )
  await client.query('ANALYZE')
}

async function importLibrary(databaseUrl: string, file: string) {
  const log = pino({ level: 'warn' })
  const connection = createDatabaseClient(databaseUrl, { poolMax: 4, log })
  try {
    const db = connection.db
    const staff = await db.staff.create({
      data: { username: 'bench.reviewer', displayName: '基准测试', role: 'REVIEWER', departmentId: 1, passwordHash: 'unused', mustChangePassword: false },
    })
    const deps: Deps = { db, log, clock: () => new Date(), wechat: null, settings: { demoLogin: false, sessionTtlHours: 1, templates: {} } }
    const context = {
      actor: {
        kind: 'staff' as const,
        staffId: staff.id,
        role: 'REVIEWER' as const,
        departmentId: 1,
        departmentIds: [1],
        mustChangePassword: false,
        sessionId: 0,
      },
    }
    const rows = await parseQaFile('jsonl', readFileSync(file))
    const report = await importQaRows(deps, context, rows, { publish: true, createTopics: true, defaultTopic: '综合', dryRun: false })
    return report.created
  } finally {
    await connection.close()
  }
}

interface Child {
  process: ChildProcess
  base: string
  stop(): Promise<void>
  /** Error lines the process logged (pino level 50 and up) since the last call, the first 20. */
  takeErrors(): string[]
}

async function startChild(args: string[], env: Record<string, string>, port: number, readyPath: string): Promise<Child> {
  // The last 64 KB of output (shown if the process exits while starting), and its error lines.
  let output = ''
  let partial = ''
  let errors: string[] = []
  const read = (c: Buffer) => {
    const text = c.toString()
    output = (output + text).slice(-65_536)
    const lines = (partial + text).split('\n')
    partial = lines.pop()!.slice(-65_536)
    for (const line of lines) if (errors.length < 20 && /"level":(5|6)0\b/.test(line)) errors.push(line)
  }
  const child = spawn(process.execPath, args, { cwd: root, env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env }, stdio: ['ignore', 'pipe', 'pipe'] })
  child.stdout!.on('data', read)
  child.stderr!.on('data', read)
  const takeErrors = () => {
    const taken = errors
    errors = []
    return taken
  }
  const base = `http://127.0.0.1:${port}`
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return
    const exited = new Promise((r) => child.once('exit', r))
    child.kill('SIGTERM')
    // A server that does not finish draining (e.g. after a burst it could not answer) is killed.
    const killer = setTimeout(() => child.kill('SIGKILL'), 20_000)
    await exited
    clearTimeout(killer)
  }
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`进程退出：${args.join(' ')}\n${output}`)
    try {
      if ((await fetch(base + readyPath)).ok) return { process: child, base, stop, takeErrors }
    } catch {
      // starting
    }
    await new Promise((r) => setTimeout(r, 100))
  }
  await stop()
  throw new Error(`进程未就绪：${args.join(' ')}\n${output}`)
}

/** Resident set of a process in MB (current and peak), from /proc. */
function rssOf(pid: number | undefined) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8')
    const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0)
    return { rssMb: Math.round(kb('VmRSS') / 1024), peakMb: Math.round(kb('VmHWM') / 1024) }
  } catch {
    return { rssMb: 0, peakMb: 0 }
  }
}

/** Start a new peak: the kernel resets a process's VmHWM to its current resident set (proc(5), clear_refs "5"). */
function resetPeak(pid: number | undefined) {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5')
  } catch {
    // not Linux, or not allowed: the peak then covers the whole run so far
  }
}

interface Run {
  rps: number
  p50: number
  p99: number
  errors: number
  bytesPerRequest: number
  /** CPU time (user + system) the server process spent per request answered: unlike req/s, barely moved by what else the machine runs. */
  cpuMsPerRequest?: number
  /** CPU time all PostgreSQL processes spent per request answered (Linux, database on this machine). */
  dbCpuMsPerRequest?: number
}

/** User + system CPU time of a process so far, in ms (proc(5): utime and stime, in clock ticks of 10 ms), and its name. */
function statOf(pid: number | string | undefined) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    return { name: stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')), cpuMs: (Number(fields[11]) + Number(fields[12])) * 10 }
  } catch {
    return { name: '', cpuMs: NaN }
  }
}
const cpuMsOf = (pid: number | undefined) => statOf(pid).cpuMs

/** CPU time so far of every PostgreSQL process on this machine (the bench's database runs here; nothing else should be using it meanwhile). */
function postgresCpuMs() {
  let sum = 0
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    const { name, cpuMs } = statOf(entry)
    if (name === 'postgres' && Number.isFinite(cpuMs)) sum += cpuMs
  }
  return sum
}

/** GET the paths in turn, or send what `request` makes, to the server process `pid` listening at `base`. */
async function load(base: string, pid: number | undefined, target: string[] | autocannon.Request, o: Options, duration = o.duration): Promise<Run> {
  let next = 0
  const paths = Array.isArray(target) ? target : []
  const cpuBefore = cpuMsOf(pid)
  const dbBefore = postgresCpuMs()
  const result = await autocannon({
    url: base,
    connections: o.connections,
    duration,
    headers: { 'accept-encoding': 'identity' },
    requests: [Array.isArray(target) ? { method: 'GET', setupRequest: (request) => ({ ...request, path: paths[next++ % paths.length] }) } : target],
  })
  const total = result.requests.total || 1
  const cpu = cpuMsOf(pid) - cpuBefore
  const db = postgresCpuMs() - dbBefore
  const perRequest = (ms: number) => Math.round((ms / total) * 1000) / 1000
  return {
    ...(Number.isFinite(cpu) ? { cpuMsPerRequest: perRequest(cpu) } : {}),
    ...(db > 0 ? { dbCpuMsPerRequest: perRequest(db) } : {}),
    rps: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts + result.non2xx,
    bytesPerRequest: Math.round((result.throughput.average * duration) / total),
  }
}

const DIFFERENT_QUERIES = 1_000
const DIFFERENT_QUERIES_WORKLOAD = `GET /api/qa/search (${DIFFERENT_QUERIES.toLocaleString('en')} different queries)`

/** `count` different searches, as citizens type them: the first 12 characters of the library's questions, in file order. */
function differentQueries(library: string, count: number): string[] {
  if (!existsSync(library)) return []
  const seen = new Set<string>()
  for (const line of readFileSync(library, 'utf8').split('\n')) {
    const question = line.trim() === '' ? '' : String((JSON.parse(line) as { question?: unknown }).question ?? '')
    const query = question.replace(/[？?。！!\s]+/g, '').slice(0, 12)
    if (query.length >= 2) seen.add(query)
    if (seen.size === count) break
  }
  return [...seen]
}

/** Bytes a browser downloads for the H5 first load (index.html and the scripts and styles it names), as served. */
async function firstLoad(base: string, encoding: string) {
  const get = async (pathname: string) => {
    const response = await fetch(base + pathname, { headers: { 'accept-encoding': encoding } })
    // fetch decodes the body; the wire size is content-length when the server compressed it.
    const body = Buffer.from(await response.arrayBuffer())
    const length = Number(response.headers.get('content-length') ?? body.length)
    return { body: body.toString('utf8'), length, status: response.status, encoding: response.headers.get('content-encoding') }
  }
  const index = await get('/')
  if (index.status !== 200) return null
  const assets = [...index.body.matchAll(/(?:src|href)="(\/[^"]+\.(?:js|css))"/g)].map((m) => m[1] as string)
  let bytes = index.length
  const encodings = new Set<string>()
  for (const asset of assets) {
    const answer = await get(asset)
    bytes += answer.length
    encodings.add(answer.encoding ?? 'identity')
  }
  return { kb: Math.round(bytes / 1024), files: assets.length + 1, encodings: [...encodings].join(',') }
}

interface Workload {
  name: string
  paths: string[] | autocannon.Request
}

async function main() {
  if (process.argv[2] === '--render') {
    // Only rewrite bench/RESULTS.md from bench/results/*.json (after removing or renaming a run).
    writeFileSync(path.join(benchDir, 'RESULTS.md'), renderResults())
    return
  }
  const o = options(process.argv.slice(2))
  const started = new Date()
  const loadAtStart = os.loadavg().map((x) => Math.round(x * 100) / 100)
  const log = pino({ level: 'warn' })
  const database = await freshBenchDatabase('gm_bench_http', log)
  const databaseUrl = database.url
  const children: Child[] = []
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'gm-bench-http-'))
  try {
    const client = new pg.Client({ connectionString: databaseUrl })
    await client.connect()
    let t = performance.now()
    await seed(client, o)
    await seedCitizens(client, o.citizens)
    console.log(`写入：${o.consultations} 项意见征集，${o.opinions} 条意见，${o.events} 场活动，${o.policies} 份政策，${Math.round(performance.now() - t)} ms`)
    t = performance.now()
    const qaItems = existsSync(o.library) ? await importLibrary(databaseUrl, o.library) : 0
    console.log(`问答库：${qaItems} 条，${Math.round(performance.now() - t)} ms`)
    const { rows: sample } = await client.query<{ id: number }>('SELECT id FROM consultation ORDER BY id LIMIT 20')
    const { rows: open } = await client.query<{ id: number }>('SELECT id FROM consultation WHERE opens_at <= now() AND closes_at > now() ORDER BY id LIMIT 20')

    const bffPort = await freePort()
    const staticDir = path.join(root, 'miniapp', 'dist', 'h5')
    const bffEnv = {
      DATABASE_URL: databaseUrl,
      LOG_LEVEL: 'warn',
      RATE_LIMIT: 'off',
      STATIC_DIR: existsSync(staticDir) ? staticDir : scratch,
      ...o.serverEnv,
      ...o.bffEnv,
    }
    const nodeArgs = [...o.serverNodeArgs, ...o.bffNodeArgs]
    const bff = await startChild([...nodeArgs, o.server], { ...bffEnv, PORT: String(bffPort) }, bffPort, '/readyz')
    children.push(bff)
    const idle = rssOf(bff.process.pid)
    const listJson = await (await fetch(`${bff.base}/api/consultations`)).text()
    const bodyFile = path.join(scratch, 'consultations.json')
    writeFileSync(bodyFile, listJson)
    const koaPort = await freePort()
    const koa = await startChild([path.join(benchDir, 'bareKoa.mjs'), bodyFile, String(koaPort)], {}, koaPort, '/api/consultations')
    children.push(koa)

    const queries = ['公积金提取', '社保卡丢了去哪补办', '驾照到期换证', '居住证办理', '退休了公积金怎么取出来']
    const workloads: Workload[] = [
      { name: 'GET /api/consultations (first page)', paths: ['/api/consultations'] },
      { name: 'GET /api/consultations/:id', paths: sample.map((r) => `/api/consultations/${r.id}`) },
      { name: 'GET /api/events', paths: ['/api/events'] },
      { name: 'GET /api/policies', paths: ['/api/policies'] },
      { name: 'GET /api/qa/search (5 queries)', paths: queries.map((q) => `/api/qa/search?q=${encodeURIComponent(q)}`) },
    ]
    // Citizens ask in many different words: each answer is cached, so this fills the public-read cache to its bound.
    const asked = differentQueries(o.library, DIFFERENT_QUERIES)
    if (asked.length > 0) workloads.push({ name: DIFFERENT_QUERIES_WORKLOAD, paths: asked.map((q) => `/api/qa/search?q=${encodeURIComponent(q)}`) })
    const selected = (name: string) => !o.only || o.only.some((t) => name.includes(t))
    const opinions = opinionRequests(
      open.map((r) => r.id),
      o.citizens,
    )
    if (open.length > 0) workloads.push({ name: OPINIONS_WORKLOAD, paths: opinions.request })
    const results: Record<string, Run & { ratio: number; koaRps: number; koaCpuMsPerRequest?: number; rssPeakMb: number }> = {}
    let peak = idle.peakMb
    for (const workload of workloads.filter((w) => selected(w.name))) {
      resetPeak(bff.process.pid)
      await load(koa.base, koa.process.pid, ['/api/consultations'], o, 1) // warm-up both
      await load(bff.base, bff.process.pid, workload.paths, o, 1)
      const pairs: { ceiling: Run; run: Run; ratio: number }[] = []
      for (let round = 0; round < o.rounds; round++) {
        const ceiling = await load(koa.base, koa.process.pid, ['/api/consultations'], o)
        const run = await load(bff.base, bff.process.pid, workload.paths, o)
        pairs.push({ ceiling, run, ratio: run.rps / (ceiling.rps || 1) })
      }
      // The pair with the median ratio stands for the workload; errors are summed over all rounds.
      const { ceiling, run } = [...pairs].sort((a, b) => a.ratio - b.ratio)[Math.floor(pairs.length / 2)]!
      const errors = pairs.reduce((sum, p) => sum + p.run.errors, 0)
      const rss = rssOf(bff.process.pid)
      peak = Math.max(peak, rss.peakMb)
      results[workload.name] = {
        ...run,
        errors,
        koaRps: ceiling.rps,
        ...(ceiling.cpuMsPerRequest !== undefined ? { koaCpuMsPerRequest: ceiling.cpuMsPerRequest } : {}),
        ratio: Math.round((run.rps / (ceiling.rps || 1)) * 1000) / 1000,
        rssPeakMb: rss.peakMb,
      }
      for (const line of bff.takeErrors()) console.log(`BFF error log: ${line.slice(0, 2_000)}`)
      console.log(
        `${workload.name}: ${run.rps} req/s (Koa ${ceiling.rps}), ratio ${results[workload.name]!.ratio}, p50 ${run.p50} ms, p99 ${run.p99} ms, errors ${run.errors}, ${run.bytesPerRequest} B/req, CPU ${run.cpuMsPerRequest} ms/req (Koa ${ceiling.cpuMsPerRequest}), PostgreSQL CPU ${run.dbCpuMsPerRequest ?? 0} ms/req`,
      )
    }
    const writes: { opinions?: OpinionsStored; burst?: BurstResult } = {}
    let statements: StatementCounts | undefined
    if (results[OPINIONS_WORKLOAD]) {
      writes.opinions = await checkOpinionsStored(client, opinions.run, opinions.acknowledged, opinions.refused)
      console.log(`opinions: ${storedCell(writes.opinions)}`)
    }
    if (selected(BURST_WORKLOAD)) {
      // A second instance on the same database, like production behind a load balancer.
      const secondPort = await freePort()
      const second = await startChild([...nodeArgs, o.server], { ...bffEnv, PORT: String(secondPort) }, secondPort, '/readyz')
      children.push(second)
      // And a second bare Koa: the ceiling of each round is the same burst against the two of them.
      const koaPort2 = await freePort()
      const koa2 = await startChild([path.join(benchDir, 'bareKoa.mjs'), bodyFile, String(koaPort2)], {}, koaPort2, '/api/consultations')
      children.push(koa2)
      const burst: BurstResult = { people: o.burstPeople, seats: o.burstSeats, rounds: [] }
      resetPeak(bff.process.pid)
      resetPeak(second.process.pid)
      for (let round = 0; round < o.burstRounds && o.citizens >= (round + 1) * o.burstPeople; round++) {
        const ceiling = await bareKoaBurst([koa.base, koa2.base], o.burstPeople, o.burstTimeoutMs)
        console.log(`bare Koa burst, round ${round + 1}: ${JSON.stringify(ceiling)}`)
        const measured = await signupBurst(client, [bff.base, second.base], {
          people: o.burstPeople,
          seats: o.burstSeats,
          firstCitizen: 1 + round * o.burstPeople,
          timeoutMs: o.burstTimeoutMs,
        })
        const result = { ...measured, ceiling }
        burst.rounds.push(result)
        console.log(`${BURST_WORKLOAD}, round ${round + 1}: ${JSON.stringify(result)}`)
        if (result.wallMs > 30_000) break
      }
      burst.rssPeakMb = [rssOf(bff.process.pid).peakMb, rssOf(second.process.pid).peakMb]
      peak = Math.max(peak, ...burst.rssPeakMb)
      writes.burst = burst
    }
    if (!o.noStatements) {
      const counted = await countStatements(
        client,
        databaseUrl,
        async (url) => {
          const port = await freePort()
          // No delivery-worker rounds (every 5 s by default) in the middle of a counted request.
          const child = await startChild(
            [...nodeArgs, o.server],
            { ...bffEnv, DATABASE_URL: url, PORT: String(port), DELIVERY_INTERVAL_MS: '600000' },
            port,
            '/readyz',
          )
          children.push(child)
          return child
        },
        {
          reads: workloads.filter((w) => selected(w.name) && Array.isArray(w.paths)).map((w) => ({ name: w.name, paths: w.paths as string[] })),
          opinions: selected(OPINIONS_WORKLOAD) ? { name: OPINIONS_WORKLOAD, consultationIds: open.map((r) => r.id) } : undefined,
          signups: selected(BURST_WORKLOAD),
          // The last seeded citizens: the burst's rounds take the first ones.
          citizens: Array.from({ length: 25 }, (_, i) => o.citizens - i).filter((c) => c >= 1),
        },
      )
      statements = counted
      console.log(`statements per request (first / repeated): ${statementsCell(counted)}`)
    }
    await client.end()
    const h5 = existsSync(staticDir) ? { identity: await firstLoad(bff.base, 'identity'), compressed: await firstLoad(bff.base, 'br, gzip') } : null
    if (h5) console.log(`H5 first load: ${JSON.stringify(h5)}`)
    const record = {
      label: o.label,
      date: started.toISOString(),
      commit: gitHead(),
      machine: { nproc: os.cpus().length, model: os.cpus()[0]?.model ?? 'unknown', loadAverage: loadAtStart },
      volume: {
        consultations: o.consultations,
        opinions: o.opinions,
        events: o.events,
        policies: o.policies,
        qaItems,
        ...(o.only && !o.only.some((t) => OPINIONS_WORKLOAD.includes(t) || BURST_WORKLOAD.includes(t)) ? {} : { citizens: o.citizens }),
      },
      settings: {
        durationS: o.duration,
        connections: o.connections,
        rounds: o.rounds,
        server: path.relative(root, o.server),
        bffEnv: { ...o.serverEnv, ...o.bffEnv },
        nodeArgs,
      },
      rss: { idleMb: idle.rssMb, peakMb: peak },
      results,
      writes,
      statements,
      h5,
    }
    mkdirSync(path.join(benchDir, 'results'), { recursive: true })
    writeFileSync(path.join(benchDir, 'results', `${o.label}.json`), `${JSON.stringify(record, null, 2)}\n`)
    writeFileSync(path.join(benchDir, 'RESULTS.md'), renderResults())
    console.log(`已写入 bench/results/${o.label}.json 与 bench/RESULTS.md`)
  } finally {
    for (const child of children.reverse()) await child.stop()
    rmSync(scratch, { recursive: true, force: true })
    await database.drop()
  }
}

function gitHead() {
  try {
    const head = readFileSync(path.join(root, '.git', 'HEAD'), 'utf8').trim()
    const ref = head.startsWith('ref: ') ? readFileSync(path.join(root, '.git', head.slice(5)), 'utf8').trim() : head
    return ref.slice(0, 7)
  } catch {
    return 'unknown'
  }
}

type StoredRun = {
  label: string
  date: string
  commit: string
  machine: { nproc: number; model: string; loadAverage: number[] }
  volume: Record<string, number>
  settings: { durationS: number; connections: number; rounds?: number; server?: string; bffEnv?: Record<string, string>; nodeArgs?: string[] }
  rss: { idleMb: number; peakMb: number }
  results: Record<string, Run & { ratio: number; koaRps: number; koaCpuMsPerRequest?: number; rssPeakMb?: number }>
  writes?: { opinions?: OpinionsStored; burst?: BurstResult }
  statements?: StatementCounts
  h5: { identity: { kb: number; files: number; encodings: string } | null; compressed: { kb: number; files: number; encodings: string } | null } | null
}

/** Statements per request of each workload, e.g. "GET /api/events 2 / 0". */
function statementsCell(counts: StatementCounts) {
  return Object.entries(counts)
    .map(([name, c]) => `${name.replace(/ \(.*\)$/, '')} ${c.first} / ${c.repeated}`)
    .join(' · ')
}

/** The resident-set peak of each workload (from runs of 2026-12-07 on, which reset the peak before each one). */
function workloadPeaks(r: StoredRun) {
  const reads = Object.values(r.results).map((x) => (x.rssPeakMb === undefined ? '—' : String(x.rssPeakMb)))
  const burst = r.writes?.burst?.rssPeakMb
  if (reads.every((x) => x === '—') && !burst) return '—'
  return `${reads.join(' / ')}${burst ? ` · burst ${burst.join(' / ')}` : ''} MB`
}

/** The server's CPU time per request of each workload, bare Koa's for the same run, and PostgreSQL's (runs of 2026-12-07 on). */
function workloadCpu(r: StoredRun) {
  const cells = Object.values(r.results).map((x) =>
    x.cpuMsPerRequest === undefined
      ? '—'
      : `${x.cpuMsPerRequest} (${x.koaCpuMsPerRequest ?? '—'})${x.dbCpuMsPerRequest !== undefined ? ` + PostgreSQL ${x.dbCpuMsPerRequest}` : ''}`,
  )
  return cells.every((c) => c === '—') ? '—' : cells.join(' / ')
}

/** bench/RESULTS.md from every stored run: "before" first, then the others by date. */
function renderResults(): string {
  const dir = path.join(benchDir, 'results')
  const runs = readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as StoredRun)
    .sort((a, b) => (a.label === 'before' ? -1 : b.label === 'before' ? 1 : a.date.localeCompare(b.date)))
  const names = [...new Set(runs.flatMap((r) => Object.keys(r.results)))]
  const cell = (r: StoredRun, n: string) => {
    const x = r.results[n]
    return x ? `${x.ratio} · ${x.rps} req/s · p50 ${x.p50} / p99 ${x.p99} ms · ${x.errors} err · ${x.bytesPerRequest} B` : '—'
  }
  const lines = [
    '# HTTP benchmark results',
    '',
    'Written by `npm run bench` (see bench/README.md); do not edit by hand. Each cell: ratio to a bare Koa app',
    'answering the same consultation-list JSON in the run just before it (median of the rounds) · req/s · latency',
    'p50 / p99 · errors (non-2xx, timeouts, socket errors; all rounds) · bytes per response. Absolute figures depend',
    'on how busy the machine was; compare the ratios.',
    '',
    `| workload | ${runs.map((r) => `${r.label} (${r.commit})`).join(' | ')} |`,
    `|---|${runs.map(() => '---').join('|')}|`,
    ...names.map((n) => `| ${n} | ${runs.map((r) => cell(r, n)).join(' | ')} |`),
    ...(runs.some((r) => r.writes?.opinions)
      ? [`| POST opinions: acknowledged writes in the database | ${runs.map((r) => storedCell(r.writes?.opinions)).join(' | ')} |`]
      : []),
    ...(runs.some((r) => r.writes?.burst) ? [`| ${BURST_WORKLOAD} | ${runs.map((r) => burstCell(r.writes?.burst)).join(' | ')} |`] : []),
    ...(runs.some((r) => r.statements)
      ? [
          `| statements per request, first ask / asked again (one at a time, change-feed polls not counted) | ${runs.map((r) => (r.statements ? statementsCell(r.statements) : '—')).join(' | ')} |`,
        ]
      : []),
    `| bare Koa req/s (per workload) | ${runs
      .map((r) =>
        Object.values(r.results)
          .map((x) => x.koaRps)
          .join(' / '),
      )
      .join(' | ')} |`,
    `| BFF RSS idle → peak | ${runs.map((r) => `${r.rss.idleMb} → ${r.rss.peakMb} MB`).join(' | ')} |`,
    ...(runs.some((r) => Object.values(r.results).some((x) => x.cpuMsPerRequest !== undefined))
      ? [`| CPU ms per request in each workload: BFF (bare Koa) + PostgreSQL, in the order above | ${runs.map(workloadCpu).join(' | ')} |`]
      : []),
    ...(runs.some((r) => Object.values(r.results).some((x) => x.rssPeakMb !== undefined))
      ? [`| BFF RSS peak in each workload (in the order above; burst: both instances) | ${runs.map(workloadPeaks).join(' | ')} |`]
      : []),
    `| H5 first load, identity | ${runs.map((r) => (r.h5?.identity ? `${r.h5.identity.kb} KB (${r.h5.identity.files} files)` : '—')).join(' | ')} |`,
    `| H5 first load, Accept-Encoding: br, gzip | ${runs.map((r) => (r.h5?.compressed ? `${r.h5.compressed.kb} KB (${r.h5.compressed.encodings})` : '—')).join(' | ')} |`,
    '',
    '| run | date | machine | load average at start | volume | settings |',
    '|---|---|---|---|---|---|',
    ...runs.map(
      (r) =>
        `| ${r.label} | ${r.date} | ${r.machine.nproc} × ${r.machine.model} | ${r.machine.loadAverage.join(' ')} | ${Object.entries(r.volume)
          .map(([k, v]) => `${v} ${k}`)
          .join(
            ', ',
          )} | ${r.settings.durationS} s × ${r.settings.rounds ?? 1} rounds, ${r.settings.connections} connections${r.settings.server ? `, ${r.settings.server}` : ''}${
          r.settings.nodeArgs ? `, node ${r.settings.nodeArgs.join(' ') || '(no arguments)'}` : ''
        }${
          r.settings.bffEnv && Object.keys(r.settings.bffEnv).length > 0
            ? `, ${Object.entries(r.settings.bffEnv)
                .map(([k, v]) => `${k}=${v}`)
                .join(' ')}`
            : ''
        } |`,
    ),
    '',
  ]
  return lines.join('\n')
}

main().catch((err: Error) => {
  console.error(err.stack ?? err.message)
  process.exit(1)
})
