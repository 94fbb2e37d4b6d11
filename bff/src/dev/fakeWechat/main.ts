// The fake WeChat API for local development: run it, point the BFF's WECHAT_API_BASE at it, and get login
// and phone-number codes from its /__fake/ endpoints (or from the codes it prints).
import { startFakeWechat } from './server'

const DEFAULT_APPID = 'wx00000000fakeapp'
const DEFAULT_SECRET = 'fake-wechat-dev-secret'

async function main() {
  const portText = process.env.FAKE_WECHAT_PORT ?? '3901'
  const port = Number(portText)
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    console.error(`FAKE_WECHAT_PORT=${JSON.stringify(portText)}：必须是 0–65535 的端口号`)
    process.exit(1)
  }
  // The same variables as the BFF, so one environment serves both.
  const appId = process.env.WECHAT_APPID || DEFAULT_APPID
  const secret = process.env.WECHAT_SECRET || DEFAULT_SECRET
  const stamp = () => new Date().toISOString()

  const fake = await startFakeWechat({
    port,
    host: process.env.FAKE_WECHAT_HOST ?? '127.0.0.1',
    appId,
    secret,
    log: (message) => console.log(`${stamp()} ${message}`),
  }).catch((err: NodeJS.ErrnoException) => {
    console.error(err.code === 'EADDRINUSE' ? `端口 ${port} 已被占用：请换一个 FAKE_WECHAT_PORT` : err)
    process.exit(1)
  })

  console.log(`假微信接口已启动：${fake.baseUrl}`)
  console.log(
    `BFF 环境变量：WECHAT_API_BASE=${fake.baseUrl} WECHAT_APPID=${appId}` +
      (secret === DEFAULT_SECRET ? ` WECHAT_SECRET=${DEFAULT_SECRET}` : ' WECHAT_SECRET=（与本进程相同）'),
  )
  console.log(`登录 code：curl -s -X POST ${fake.baseUrl}/__fake/login-code -H 'content-type: application/json' -d '{"openid":"o_dev_citizen"}'`)
  console.log(`手机号 code：curl -s -X POST ${fake.baseUrl}/__fake/phone-code -H 'content-type: application/json' -d '{"phone":"13800138000"}'`)

  const stop = async () => {
    await fake.close()
    process.exit(0)
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
}

void main()
