import { readFileSync } from 'node:fs'
import pg from 'pg'

/**
 * Staff accounts the e2e walks sign in with (each test file its own, so that one file's password
 * change never ends another file's session). They are created by the bootstrap administrator
 * through the API before any test runs, each with a one-time password the walk must change in the
 * H5 UI, like any new staff member.
 *
 * `identity.test.ts` walks the bootstrap administrator's own first sign-in (one-time password →
 * forced change), and the administrator must change that password before it can create anyone.
 * So after creating the accounts the administrator's row is put back exactly as bootstrapped —
 * the same password hash, `must_change_password` again — and the set-up session is ended.
 */
export interface E2eStaff {
  username: string
  displayName: string
  role: 'EDITOR' | 'REVIEWER' | 'ADMIN'
  /** Name of a seeded department. */
  department: string
}

export const e2eStaff: readonly E2eStaff[] = [
  { username: 'e2e.op.editor', displayName: '征集编辑（测试）', role: 'EDITOR', department: '建设局' },
  { username: 'e2e.op.reviewer', displayName: '征集审核（测试）', role: 'REVIEWER', department: '建设局' },
  { username: 'e2e.ev.checker', displayName: '签到人员（测试）', role: 'EDITOR', department: '政务服务中心' },
  { username: 'e2e.ev.editor', displayName: '活动修改编辑（测试）', role: 'EDITOR', department: '政务服务中心' },
  { username: 'e2e.ev.reviewer', displayName: '报名名单审核（测试）', role: 'REVIEWER', department: '政务服务中心' },
  { username: 'e2e.qa.reviewer', displayName: '咨询答复（测试）', role: 'REVIEWER', department: '人力资源和社会保障局' },
  { username: 'e2e.lottery.reviewer', displayName: '抽签主持（测试）', role: 'REVIEWER', department: '管委会办公室' },
  { username: 'e2e.lottery.editor', displayName: '抽签配额编辑（测试）', role: 'EDITOR', department: '管委会办公室' },
  { username: 'e2e.pi.reviewer', displayName: '答复审核（测试）', role: 'REVIEWER', department: '建设局' },
  { username: 'e2e.pi.admin', displayName: '审计管理员（测试）', role: 'ADMIN', department: '管委会办公室' },
  { username: 'e2e.cal.admin', displayName: '放假安排管理员（测试）', role: 'ADMIN', department: '管委会办公室' },
  { username: 'e2e.off.reviewer', displayName: '线下意见审核（测试）', role: 'REVIEWER', department: '建设局' },
  { username: 'e2e.reset.admin', displayName: '重置密码管理员（测试）', role: 'ADMIN', department: '管委会办公室' },
  { username: 'e2e.reset.editor', displayName: '忘记密码编辑（测试）', role: 'EDITOR', department: '建设局' },
  { username: 'e2e.stats.admin', displayName: '统计管理员（测试）', role: 'ADMIN', department: '管委会办公室' },
  { username: 'e2e.dept.admin', displayName: '部门管理员（测试）', role: 'ADMIN', department: '管委会办公室' },
  { username: 'e2e.group.reviewer', displayName: '集中意见审核（测试）', role: 'REVIEWER', department: '人力资源和社会保障局' },
  { username: 'e2e.policy.reviewer', displayName: '政策文件审核（测试）', role: 'REVIEWER', department: '人力资源和社会保障局' },
  { username: 'e2e.ver.editor', displayName: '草案修订编辑（测试）', role: 'EDITOR', department: '建设局' },
  { username: 'e2e.link.editor', displayName: '决策关联编辑（测试）', role: 'EDITOR', department: '建设局' },
  { username: 'e2e.tpl.reviewer', displayName: '答复模板审核（测试）', role: 'REVIEWER', department: '建设局' },
  { username: 'e2e.att.editor', displayName: '附件上传编辑（测试）', role: 'EDITOR', department: '建设局' },
  { username: 'e2e.a11y.reviewer', displayName: '无障碍检查（测试）', role: 'REVIEWER', department: '经济发展局' },
]

const ENV_KEY = 'E2E_STAFF_PASSWORDS'

async function call<T>(base: string, method: string, path: string, body?: unknown, token?: string): Promise<T> {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: { ...(body === undefined ? {} : { 'Content-Type': 'application/json' }), ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const text = await response.text()
  if (!response.ok) throw new Error(`e2e staff set-up: ${method} ${path} answered ${response.status}: ${text}`)
  return (text ? JSON.parse(text) : null) as T
}

/** The database the BFF uses: DATABASE_URL's, or the embedded server's (its credentials file and port). */
export function databaseUrl(env: Record<string, string>): string {
  if (env.DATABASE_URL) return env.DATABASE_URL
  const dataDir = env.EMBEDDED_PG_DIR
  const port = env.EMBEDDED_PG_PORT
  if (!dataDir || !port) throw new Error('e2e staff set-up: neither DATABASE_URL nor EMBEDDED_PG_DIR with EMBEDDED_PG_PORT is set')
  const { user, password } = JSON.parse(readFileSync(`${dataDir}.credentials.json`, 'utf8')) as { user: string; password: string }
  return `postgresql://${user}:${encodeURIComponent(password)}@127.0.0.1:${port}/gm`
}

/** Create the e2e staff accounts; publishes their one-time passwords in the environment for the tests. */
export async function provisionStaff(base: string, admin: { username: string; password: string }, connectionString: string): Promise<void> {
  const db = new pg.Client({ connectionString })
  await db.connect()
  try {
    const rows = await db.query<{ id: number; password_hash: string }>('SELECT id, password_hash FROM staff WHERE username = $1 AND must_change_password', [
      admin.username,
    ])
    const bootstrapped = rows.rows[0]
    if (!bootstrapped) throw new Error(`e2e staff set-up: ${admin.username} is not a freshly bootstrapped administrator`)

    const session = await call<{ token: string }>(base, 'POST', '/api/auth/staff', { username: admin.username, password: admin.password })
    const interim = `${admin.password}-setup`
    await call(base, 'PUT', '/api/auth/password', { currentPassword: admin.password, newPassword: interim }, session.token)
    const departments = await call<{ id: number; name: string }[]>(base, 'GET', '/api/departments')
    const passwords: Record<string, string> = {}
    for (const staff of e2eStaff) {
      const department = departments.find((d) => d.name === staff.department)
      if (!department) throw new Error(`e2e staff set-up: no seeded department ${staff.department}`)
      const created = await call<{ initialPassword: string }>(
        base,
        'POST',
        '/api/admin/staff',
        { username: staff.username, displayName: staff.displayName, role: staff.role, departmentId: department.id },
        session.token,
      )
      passwords[staff.username] = created.initialPassword
    }
    await call(base, 'POST', '/api/auth/logout', undefined, session.token)

    // Back to the bootstrapped state identity.test.ts walks: the one-time password, to be changed.
    await db.query('UPDATE staff SET password_hash = $2, must_change_password = true WHERE id = $1', [bootstrapped.id, bootstrapped.password_hash])
    await db.query('UPDATE session SET revoked_at = now() WHERE staff_id = $1 AND revoked_at IS NULL', [bootstrapped.id])
    process.env[ENV_KEY] = JSON.stringify(passwords)
  } finally {
    await db.end()
  }
}

/** An e2e staff account and its one-time password (set by the global set-up). */
export function staffAccount(username: string): E2eStaff & { initialPassword: string } {
  const staff = e2eStaff.find((s) => s.username === username)
  const passwords = JSON.parse(process.env[ENV_KEY] ?? '{}') as Record<string, string>
  const initialPassword = passwords[username]
  if (!staff || !initialPassword) throw new Error(`${username} was not provisioned: run e2e tests through jest (test/e2e/support/globalSetup.ts)`)
  return { ...staff, initialPassword }
}
