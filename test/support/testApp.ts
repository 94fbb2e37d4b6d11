import type { AddressInfo } from 'node:net'
import type { Server } from 'node:http'
import { randomBytes } from 'node:crypto'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { type AttachmentStorage, createFileStorage } from '../../bff/src/storage/attachmentStorage'
import pino from 'pino'
import { type AppOptions, createApp } from '../../bff/src/app'
import { createDatabaseClient, type Database } from '../../bff/src/db/client'
import type { Deps, Settings } from '../../bff/src/deps'
import { type ChangeFeed, startChangeFeed } from '../../bff/src/db/changeFeed'
import { PublicReadCache } from '../../bff/src/http/publicReadCache'
import { nextScheduleInstant } from '../../bff/src/services/schedule'
import { createWechatClient } from '../../bff/src/integrations/wechat/client'
import { createMemoryTokenCache } from '../../bff/src/integrations/wechat/tokenCache'
import { cloneDatabase, dropDatabase, serverFromEnv } from './postgres'
import { contractClient, type ContractCall } from './contractClient'

export interface TestApp {
  db: Database
  databaseUrl: string
  baseUrl: string
  /** The clock the app's use cases read; tests move it. */
  now: { value: Date }
  /** The dependencies the app runs with (for calling use cases and workers directly). */
  deps: Deps
  /** The public-read cache when started with `publicCache`. */
  publicCache?: PublicReadCache
  /** Calls an endpoint by its contract name with typed params, query and body; the answer's body is typed once `ok` is checked. */
  call: ContractCall
  /** A raw request by path (for what the contract cannot express: malformed bodies, unknown paths, raw headers). */
  request(path: string, init?: RequestInit & { json?: unknown }): Promise<{ status: number; headers: Headers; body: any }>
  close(): Promise<void>
}

/**
 * The real Koa app on a random port over a fresh database cloned from the migrated template:
 * each test file gets its own data, nothing is mocked.
 */
export const TEST_WECHAT = { appId: 'wx-test-app', secret: 'test-secret' }

export interface TestAppOptions {
  now?: Date
  staticDir?: string
  /** Base URL of a fake WeChat server; without it the app runs with WeChat unconfigured. */
  wechatBaseUrl?: string
  settings?: Partial<Settings>
  /** App options beyond the defaults, e.g. a longer per-request deadline for suites that must not measure speed. */
  app?: Pick<AppOptions, 'requestTimeoutMs' | 'requestTimeoutLongMs'>
  /** Serve public reads through the public-read cache, invalidated by this database's change feed (as in production). */
  publicCache?: { ttlMs?: number; /** false: no LISTEN connection, only this app's own writes invalidate. */ changeFeed?: boolean }
  /** Attachment storage other than the default (files in a temporary folder), e.g. the S3 backend against a fake S3 server. */
  attachments?: AttachmentStorage
}

export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const server = serverFromEnv()
  const name = `gm_test_${randomBytes(6).toString('hex')}`
  const databaseUrl = await cloneDatabase(server, process.env.GM_TEST_TEMPLATE_DB!, name)
  const log = pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' })
  const connection = createDatabaseClient(databaseUrl, { poolMax: 5, log })
  const now = { value: options.now ?? new Date() }
  const wechat = options.wechatBaseUrl
    ? createWechatClient({ baseUrl: options.wechatBaseUrl, ...TEST_WECHAT, tokenCache: createMemoryTokenCache(), log })
    : null
  const deps: Deps = {
    db: connection.db,
    log,
    clock: () => now.value,
    wechat,
    settings: { demoLogin: false, sessionTtlHours: 24, templates: {}, ...options.settings },
    attachments: options.attachments ?? createFileStorage(path.join(tmpdir(), name, 'attachments')),
  }
  let publicCache: PublicReadCache | undefined
  let changeFeed: ChangeFeed | undefined
  if (options.publicCache) {
    const cache = new PublicReadCache({
      ttlMs: options.publicCache.ttlMs ?? 30_000,
      maxBytes: 16 * 1024 * 1024,
      clock: deps.clock,
      nextScheduleInstant: (at) => nextScheduleInstant(deps, at),
      log,
    })
    if (options.publicCache.changeFeed === false) cache.up()
    else changeFeed = startChangeFeed(databaseUrl, { onChange: () => cache.invalidate(), onUp: () => cache.up(), onDown: () => cache.down() }, { log })
    for (let i = 0; i < 100 && !cache.serving; i++) await new Promise((r) => setTimeout(r, 50))
    publicCache = cache
  }
  const app = createApp(deps, { bodyLimitKb: 64, staticDir: options.staticDir, ...options.app, publicCache })
  const http: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s))
  })
  const baseUrl = `http://127.0.0.1:${(http.address() as AddressInfo).port}`

  return {
    db: connection.db,
    databaseUrl,
    baseUrl,
    now,
    deps,
    call: contractClient(baseUrl),
    async request(path, init = {}) {
      const { json, ...rest } = init
      const response = await fetch(baseUrl + path, {
        ...rest,
        ...(json !== undefined ? { body: JSON.stringify(json), headers: { 'content-type': 'application/json', ...rest.headers } } : {}),
      })
      const text = await response.text()
      let body: unknown = text
      try {
        body = JSON.parse(text)
      } catch {
        // not JSON: keep the text
      }
      return { status: response.status, headers: response.headers, body }
    },
    publicCache,
    async close() {
      await new Promise((resolve) => http.close(resolve))
      await changeFeed?.stop()
      await connection.close()
      await dropDatabase(server, name)
    },
  }
}
