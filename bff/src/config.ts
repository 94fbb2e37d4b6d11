// The BFF's settings from the environment, parsed once at boot with zod; every problem names its variable.
import path from 'node:path'
import { z } from 'zod'
import { DEFAULT_CHECK_IN_OPENS_HOURS_BEFORE } from '@gm/shared'

/** The repository root: bff/src (sources, tests) and bff/dist (the bundle) both sit two levels below it. */
export const PROJECT_ROOT = path.resolve(__dirname, '..', '..')

const booleanFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { error: '只能是 true 或 false' })
  .transform((v) => v === 'true' || v === '1' || v === 'yes')

const postgresUrl = z
  .string()
  .trim()
  .refine((value) => {
    try {
      const url = new URL(value)
      return (url.protocol === 'postgres:' || url.protocol === 'postgresql:') && url.hostname !== '' && url.pathname.length > 1
    } catch {
      return false
    }
  }, '必须是 postgresql://用户@主机:端口/数据库 形式的连接串')

const ConfigSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().trim().min(1).default('127.0.0.1'),
  PORT: z.coerce.number({ error: '必须是 0–65535 的端口号' }).int('必须是整数端口号').min(0).max(65535).default(3000),
  /** External PostgreSQL; without it an embedded PostgreSQL is started. */
  DATABASE_URL: postgresUrl.optional(),
  EMBEDDED_PG_DIR: z.string().default(path.join(PROJECT_ROOT, '.data', 'postgres')),
  /** 0 picks a free port at each start. */
  EMBEDDED_PG_PORT: z.coerce.number().int().min(0).max(65535).default(0),
  /** Load demo content into an empty database. Defaults to on for the embedded database only. */
  SEED_DEMO: booleanFlag.optional(),
  DB_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
  /** How long a request may queue for a database connection before it is answered 503. */
  DB_WAIT_MS: z.coerce.number().int().min(100).max(300_000).default(30_000),
  /**
   * The longest one SQL statement may run, lock waits included (PostgreSQL statement_timeout). A
   * server that does not answer at all is given this plus a short margin before the connection is dropped.
   */
  DB_STATEMENT_TIMEOUT_MS: z.coerce.number({ error: '必须是毫秒数' }).int('必须是整数毫秒').min(100).max(600_000).default(5_000),
  /**
   * Per-request deadline: a request not answered by then gets 503 SERVICE_UNAVAILABLE with Retry-After
   * (file imports and exports get REQUEST_TIMEOUT_LONG_MS).
   */
  REQUEST_TIMEOUT_MS: z.coerce.number({ error: '必须是毫秒数' }).int('必须是整数毫秒').min(100).max(600_000).default(10_000),
  REQUEST_TIMEOUT_LONG_MS: z.coerce.number({ error: '必须是毫秒数' }).int('必须是整数毫秒').min(100).max(3_600_000).default(300_000),
  /** Signups (抢票) running at once on this instance, the rest waiting in arrival order before sign-in; 0 turns the gate off. */
  BURST_CONCURRENCY: z.coerce.number({ error: '必须是整数' }).int('必须是整数').min(0).max(10_000).default(24),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  STATIC_DIR: z.string().default(path.join(PROJECT_ROOT, 'miniapp', 'dist', 'h5')),
  /** Where uploaded attachments (起草说明, 依据文件, 会议材料) are kept: `file` (ATTACHMENT_DIR) or `s3` (an S3-compatible store, S3_*). */
  ATTACHMENT_STORE: z.enum(['file', 's3'], { error: '只能是 file 或 s3' }).default('file'),
  /** The filesystem backend's folder. */
  ATTACHMENT_DIR: z
    .string()
    .trim()
    .min(1, '不能为空')
    .default(path.join(PROJECT_ROOT, '.data', 'attachments')),
  /** The S3 API's address, e.g. https://s3.cn-north-1.amazonaws.com.cn or http://minio.internal:9000. */
  S3_ENDPOINT: z
    .string()
    .trim()
    .regex(/^https?:\/\/[^\s/]+(\/[^\s]*)?$/, '必须是 http(s):// 开头的地址')
    .optional(),
  S3_BUCKET: z
    .string()
    .trim()
    .regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, '必须是 3–63 位小写字母、数字、点或连字符')
    .optional(),
  S3_REGION: z.string().trim().min(1).default('us-east-1'),
  S3_ACCESS_KEY_ID: z.string().trim().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  /** Path-style addressing (endpoint/bucket/key; MinIO and most self-hosted stores); false for bucket.host/key. */
  S3_FORCE_PATH_STYLE: booleanFlag.default(true),
  BODY_LIMIT_KB: z.coerce.number().int().min(1).max(10_240).default(64),
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
  /** Shared cache (WeChat access_token) across BFF instances; in-process when unset. */
  REDIS_URL: z
    .string()
    .trim()
    .regex(/^rediss?:\/\/[^\s]+$/, '必须是 redis://主机:端口 形式的地址')
    .optional(),
  /**
   * Rate limits and sign-in throttling: `on` (default), `off`, or a multiplier of every request budget
   * (`0.5` halves them, `10` for load tests). Shared across instances through REDIS_URL when set.
   */
  RATE_LIMIT: z
    .string()
    .trim()
    .regex(/^(on|off|\d+(\.\d+)?)$/, '只能是 on、off 或非负倍数（如 0.5、10）')
    .default('on')
    .transform((v) => (v === 'on' ? 1 : v === 'off' ? 0 : Number(v))),
  /**
   * Each instance's cache of public reads, emptied on every change seen in PostgreSQL's change log
   * (http/publicReadCache.ts): on by default; `false` computes every read.
   */
  PUBLIC_CACHE: booleanFlag.default(true),
  /** The longest a cached public read is served even without a change or a schedule instant. */
  PUBLIC_CACHE_TTL_MS: z.coerce.number({ error: '必须是毫秒数' }).int('必须是整数毫秒').min(100).max(3_600_000).default(30_000),
  /** Memory the public-read cache may use, in MB. */
  PUBLIC_CACHE_MAX_MB: z.coerce.number({ error: '必须是 MB 数' }).int('必须是整数').min(1).max(4_096).default(64),
  /** Prefix of the rate-limit keys in Redis (one per deployment or test run). */
  RATE_LIMIT_PREFIX: z
    .string()
    .trim()
    .regex(/^[\w:.-]{1,64}$/, '1–64 位字母、数字或 _ : . -')
    .default('gm:rl'),
  /**
   * Reverse proxies whose X-Forwarded-For is believed (comma-separated addresses or CIDR ranges, or
   * `loopback`, `uniquelocal`); without it the client address is the socket's peer.
   */
  TRUSTED_PROXIES: z
    .string()
    .trim()
    .default('')
    .transform((v) =>
      v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    )
    .refine((list) => list.every((entry) => /^(loopback|linklocal|uniquelocal|[0-9a-fA-F.:]+(\/\d{1,3})?)$/.test(entry)), '必须是逗号分隔的 IP 地址或网段'),
  /** WeChat API base URL: the real servers in production, the fake server in tests and local development. */
  WECHAT_API_BASE: z.url({ error: '必须是 http(s):// 地址' }).default('https://api.weixin.qq.com'),
  WECHAT_APPID: z.string().trim().min(1).optional(),
  WECHAT_SECRET: z.string().trim().min(1).optional(),
  /** Subscribe-message template ids (from the WeChat admin console); a kind without one is only kept in-app. */
  WECHAT_TEMPLATE_OPINION_ANSWERED: z.string().trim().min(1).optional(),
  WECHAT_TEMPLATE_REGISTRATION_RESULT: z.string().trim().min(1).optional(),
  WECHAT_TEMPLATE_EVENT_REMINDER: z.string().trim().min(1).optional(),
  /** 会议结果 for 列席 attendees: thing1 event, thing2 result, time3 published at. */
  WECHAT_TEMPLATE_EVENT_OUTCOME: z.string().trim().min(1).optional(),
  /** 关注动态: thing1 what, thing2 what happened, time3 when. */
  WECHAT_TEMPLATE_FOLLOW_UPDATE: z.string().trim().min(1).optional(),
  /** On-site check-in opens this many hours before an event starts and closes when it ends (the event day, not days ahead). */
  CHECK_IN_OPENS_HOURS_BEFORE: z.coerce
    .number({ error: '必须是小时数' })
    .min(0, '不能为负数')
    .max(48, '最多 48 小时')
    .default(DEFAULT_CHECK_IN_OPENS_HOURS_BEFORE),
  /** How often each instance's background worker sends queued subscribe messages and reminders (ms). */
  DELIVERY_INTERVAL_MS: z.coerce.number().int().min(100).max(600_000).default(5_000),
  /** The H5 build's demo login for citizens: never on unless explicitly enabled. */
  DEMO_LOGIN: booleanFlag.default(false),
  SESSION_TTL_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 90)
    .default(24 * 7),
  /**
   * The first administrator, created at boot when no staff account exists yet. The password is a
   * one-time password: it must be changed at first sign-in. There is no built-in default.
   */
  BOOTSTRAP_ADMIN_USERNAME: z
    .string()
    .trim()
    .regex(/^[a-z][a-z0-9_.-]{2,31}$/, '3–32 位小写字母、数字或 _ . -，以字母开头')
    .optional(),
  BOOTSTRAP_ADMIN_PASSWORD: z.string().min(10, '至少 10 位').optional(),
})

export type Config = z.infer<typeof ConfigSchema>

/** Settings that only make sense together. */
function crossCheck(config: Config): string[] {
  const problems: string[] = []
  if (Boolean(config.WECHAT_APPID) !== Boolean(config.WECHAT_SECRET)) problems.push('WECHAT_APPID 与 WECHAT_SECRET 需同时设置')
  if (Boolean(config.BOOTSTRAP_ADMIN_USERNAME) !== Boolean(config.BOOTSTRAP_ADMIN_PASSWORD)) {
    problems.push('BOOTSTRAP_ADMIN_USERNAME 与 BOOTSTRAP_ADMIN_PASSWORD 需同时设置')
  }
  if (config.REQUEST_TIMEOUT_LONG_MS < config.REQUEST_TIMEOUT_MS) problems.push('REQUEST_TIMEOUT_LONG_MS 不能小于 REQUEST_TIMEOUT_MS')
  if (config.ATTACHMENT_STORE === 's3') {
    const missing = (['S3_ENDPOINT', 'S3_BUCKET', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY'] as const).filter((name) => !config[name])
    if (missing.length > 0) problems.push(`ATTACHMENT_STORE=s3 需要设置 ${missing.join('、')}`)
  }
  return problems
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`配置有误，服务未启动：\n${problems.map((p) => `  - ${p}`).join('\n')}`)
  }
}

/** Parse the environment once at boot; every problem names the variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''))
  const result = ConfigSchema.safeParse(present)
  if (!result.success) {
    throw new ConfigError(
      result.error.issues.map((issue) => {
        const name = issue.path.join('.')
        const given = present[name]
        return `${name}=${JSON.stringify(given ?? '')}：${issue.message}`
      }),
    )
  }
  const problems = crossCheck(result.data)
  if (problems.length > 0) throw new ConfigError(problems)
  return result.data
}

export function settingsFrom(config: Config) {
  return {
    demoLogin: config.DEMO_LOGIN,
    sessionTtlHours: config.SESSION_TTL_HOURS,
    templates: {
      OPINION_ANSWERED: config.WECHAT_TEMPLATE_OPINION_ANSWERED,
      REGISTRATION_RESULT: config.WECHAT_TEMPLATE_REGISTRATION_RESULT,
      EVENT_REMINDER: config.WECHAT_TEMPLATE_EVENT_REMINDER,
      EVENT_OUTCOME: config.WECHAT_TEMPLATE_EVENT_OUTCOME,
      FOLLOW_UPDATE: config.WECHAT_TEMPLATE_FOLLOW_UPDATE,
    },
    checkInOpensHoursBefore: config.CHECK_IN_OPENS_HOURS_BEFORE,
  }
}
