import type { StaffRole } from '@gm/shared'
import { hashPassword } from '../../bff/src/security/password'
import type { TestApp } from './testApp'

/** A staff account with a known, already-changed password, and a signed-in session for it. */
export async function signInStaff(app: TestApp, role: StaffRole, username = `${role.toLowerCase()}${Math.floor(Math.random() * 1e9)}`) {
  const password = 'Passw0rd-for-tests'
  const department = (await app.db.department.findFirst({ select: { id: true } })) ?? (await app.db.department.create({ data: { name: `测试部门${username}` } }))
  const staff = await app.db.staff.create({
    data: { username, displayName: `测试${role}`, role, departmentId: department.id, passwordHash: await hashPassword(password), mustChangePassword: false },
  })
  const { status, body } = await app.request('/api/auth/staff', { method: 'POST', json: { username, password } })
  if (status !== 200) throw new Error(`staff sign-in failed: ${status} ${JSON.stringify(body)}`)
  return { staff, password, token: body.token as string, auth: { Authorization: `Bearer ${body.token}` } }
}

/** A citizen signed in through the H5 demo login (the app must run with demoLogin on). */
export async function signInDemoCitizen(app: TestApp, name = '张三') {
  const { status, body } = await app.request('/api/auth/demo', { method: 'POST', json: { name } })
  if (status !== 200) throw new Error(`demo sign-in failed: ${status} ${JSON.stringify(body)}`)
  return { citizenId: body.me.id as number, token: body.token as string, auth: { Authorization: `Bearer ${body.token}` } }
}
