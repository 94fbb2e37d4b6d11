// The BFF process: loads config, starts or selects the database, migrates, seeds, starts the app, change feed and background jobs, and shuts down cleanly.
import type { Server } from 'node:http'
import type { Logger } from 'pino'
import { createApp } from './app'
import { createLogger } from './logger'
import { type Config, ConfigError, loadConfig, settingsFrom } from './config'
import { createDatabaseClient, type DatabaseHandle } from './db/client'
import { type ChangeFeed, startChangeFeed } from './db/changeFeed'
import { runMigrations } from './db/migrate'
import { PublicReadCache } from './http/publicReadCache'
import { FullEvents } from './services/fullEvents'
import { type SelectedDatabase, selectDatabase } from './db/select'
import { hasContent, seedDemo } from './seed/demo'
import type { Deps } from './deps'
import { attachmentStorageFrom } from './storage/fromConfig'
import { createWechatFromConfig } from './integrations/wechat'
import { createLimiterStore, type LimiterStore } from './security/limiter'
import { bootstrapAdmin } from './services/bootstrap'
import { nextScheduleInstant } from './services/schedule'
import { purgeOldIdempotencyKeys } from './services/idempotency'
import { startDeliveryWorker } from './services/notification'
import { sendDueReminders } from './services/registration'
import { sendFollowAlerts } from './services/follow'
import { libraryOf } from './search/library'

function listen(app: ReturnType<typeof createApp>, config: Config): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = app.listen(config.PORT, config.HOST)
    // Idle keep-alive sockets outlive the clients' and proxies' own idle timeouts (typically 4–60 s), so
    // the server is never the side that closes a socket a client is just reusing ("other side closed").
    server.keepAliveTimeout = 65_000
    server.headersTimeout = 66_000
    server.once('listening', () => resolve(server))
    server.once('error', (err: NodeJS.ErrnoException) => reject(err.code === 'EADDRINUSE' ? new Error(`端口 ${config.PORT} 已被占用：请换一个 PORT`) : err))
  })
}

/** Stop accepting, let in-flight requests finish (bounded), then close the pool and the database. */
function closeServer(server: Server, timeoutMs: number): Promise<void> {
  return new Promise((resolve) => {
    const force = setTimeout(() => {
      server.closeAllConnections()
      resolve()
    }, timeoutMs)
    force.unref()
    server.close(() => {
      clearTimeout(force)
      resolve()
    })
    server.closeIdleConnections()
  })
}

async function main() {
  let config: Config
  try {
    config = loadConfig()
  } catch (err) {
    console.error(err instanceof ConfigError ? err.message : err)
    process.exit(1)
  }
  const log: Logger = createLogger(config.LOG_LEVEL)

  let database: SelectedDatabase | undefined
  let connection: DatabaseHandle | undefined
  let server: Server | undefined
  let wechatClient: ReturnType<typeof createWechatFromConfig>
  let limits: LimiterStore | undefined
  let worker: { stop(): Promise<void> } | undefined
  let changeFeed: ChangeFeed | undefined
  let stopping = false

  const shutdown = async (signal: string, exitCode = 0) => {
    if (stopping) return
    stopping = true
    log.info({ signal }, '正在停止服务')
    if (server) await closeServer(server, config.SHUTDOWN_TIMEOUT_MS)
    await worker?.stop()
    await changeFeed?.stop()
    await wechatClient?.close().catch((err) => log.warn({ err }, 'token cache close failed'))
    await limits?.close().catch((err) => log.warn({ err }, 'rate limiter close failed'))
    await connection?.close().catch((err) => log.warn({ err }, 'database disconnect failed'))
    await database?.stop().catch((err) => log.warn({ err }, 'embedded database stop failed'))
    log.info('服务已停止')
    process.exit(exitCode)
  }
  process.on('SIGTERM', () => void shutdown('SIGTERM'))
  process.on('SIGINT', () => void shutdown('SIGINT'))

  try {
    database = await selectDatabase(config, log)
    await runMigrations(database.url)
    connection = createDatabaseClient(database.url, {
      poolMax: config.DB_POOL_MAX,
      waitMs: config.DB_WAIT_MS,
      statementTimeoutMs: config.DB_STATEMENT_TIMEOUT_MS,
      log,
    })
    const { db } = connection
    const seed = config.SEED_DEMO ?? database.embedded
    let seeded = false
    if (seed && !(await hasContent(db))) {
      await seedDemo(db)
      seeded = true
      log.info('已写入演示数据')
    }
    let adminCreated = false
    if (config.BOOTSTRAP_ADMIN_USERNAME && config.BOOTSTRAP_ADMIN_PASSWORD) {
      adminCreated = await bootstrapAdmin({ db }, config.BOOTSTRAP_ADMIN_USERNAME, config.BOOTSTRAP_ADMIN_PASSWORD)
      if (adminCreated) log.info({ username: config.BOOTSTRAP_ADMIN_USERNAME }, '已创建首个管理员账号（首次登录须修改密码）')
    }
    // One token per AppID in Redis (gm:wechat:access_token:<appid>), shared by every instance of that app.
    wechatClient = createWechatFromConfig(config, log)
    if (!wechatClient) log.info('未配置 WECHAT_APPID/WECHAT_SECRET：小程序登录与订阅消息不可用')
    const wechat: Deps['wechat'] = wechatClient?.client ?? null
    limits = createLimiterStore({ redisUrl: config.REDIS_URL, prefix: config.RATE_LIMIT_PREFIX, multiplier: config.RATE_LIMIT, log })
    const deps: Deps = {
      db,
      log,
      clock: () => new Date(),
      wechat,
      settings: settingsFrom(config),
      limits,
      attachments: attachmentStorageFrom(config),
    }
    worker = startDeliveryWorker(deps, [sendDueReminders, sendFollowAlerts, purgeOldIdempotencyKeys], config.DELIVERY_INTERVAL_MS)
    let publicCache: PublicReadCache | undefined
    if (config.PUBLIC_CACHE) {
      const cache = new PublicReadCache({
        ttlMs: config.PUBLIC_CACHE_TTL_MS,
        maxBytes: config.PUBLIC_CACHE_MAX_MB * 1024 * 1024,
        clock: deps.clock,
        nextScheduleInstant: (now) => nextScheduleInstant(deps, now),
        log,
      })
      // The same feed keeps this instance's knowledge of full events current (signup crowds refused without a statement).
      const fullEvents = new FullEvents({ maxAgeMs: 5_000, clock: deps.clock })
      deps.fullEvents = fullEvents
      // …and the Q&A search index (rebuilt on every instance soon after an edit through any of them).
      const qaLibrary = libraryOf(db).follow(deps)
      changeFeed = startChangeFeed(
        database.url,
        {
          onChange: () => (cache.invalidate(), fullEvents.invalidate(), qaLibrary.onChange()),
          onUp: () => (cache.up(), fullEvents.up(), qaLibrary.onUp()),
          onDown: () => (cache.down(), fullEvents.down(), qaLibrary.onDown()),
        },
        { log },
      )
      publicCache = cache
    }
    const app = createApp(deps, {
      bodyLimitKb: config.BODY_LIMIT_KB,
      staticDir: config.STATIC_DIR,
      trustedProxies: config.TRUSTED_PROXIES,
      requestTimeoutMs: config.REQUEST_TIMEOUT_MS,
      requestTimeoutLongMs: config.REQUEST_TIMEOUT_LONG_MS,
      burstConcurrency: config.BURST_CONCURRENCY,
      publicCache,
    })
    server = await listen(app, config)
    const address = server.address()
    const port = typeof address === 'object' && address ? address.port : config.PORT
    const host = config.HOST === '0.0.0.0' ? '127.0.0.1' : config.HOST
    log.info({ port, embedded: database.embedded }, 'listening')
    const base = `http://${host}:${port}`
    console.log(
      [
        '',
        '政民互动已启动',
        `  访问地址      ${base}/`,
        `  工作人员登录  ${base}/#/packages/staff/pages/login/index`,
        `  接口文档      ${base}/api/openapi.json`,
        `  数据库        ${database.embedded ? `内置 PostgreSQL（${config.EMBEDDED_PG_DIR}）` : '外部 PostgreSQL（DATABASE_URL）'}`,
        `  演示数据      ${seeded ? '已写入' : seed ? '已有内容，未重复写入' : '未写入（SEED_DEMO=true 可写入空库）'}`,
        `  群众演示登录  ${config.DEMO_LOGIN ? '已开启（DEMO_LOGIN）' : '关闭（DEMO_LOGIN=true 开启，仅 H5）'}`,
        `  首个管理员    ${
          config.BOOTSTRAP_ADMIN_USERNAME
            ? `${config.BOOTSTRAP_ADMIN_USERNAME}${adminCreated ? '（已创建，首次登录须修改密码）' : '（已有管理员，未新建）'}`
            : '未设置（BOOTSTRAP_ADMIN_USERNAME 与 BOOTSTRAP_ADMIN_PASSWORD 创建）'
        }`,
        `  微信登录      ${wechatClient ? '已配置' : '未配置（WECHAT_APPID / WECHAT_SECRET）'}`,
        '按 Ctrl-C 停止',
        '',
      ].join('\n'),
    )
  } catch (err) {
    log.error({ err }, '启动失败')
    console.error(`启动失败：${err instanceof Error ? err.message : String(err)}`)
    await shutdown('startup-failure', 1)
  }
}

void main()
