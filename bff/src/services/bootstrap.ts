// Creates the first administrator from configuration at boot when no active administrator exists.
import type { Deps } from '../deps'
import { countActiveAdmins, insertStaff } from '../repositories/staff'
import { findDepartments, insertDepartment } from '../repositories/department'
import { hashPassword } from '../security/password'
import { recordAudit } from './audit'

/**
 * Create the first administrator (from configuration) when no active administrator exists — demo
 * content may include other staff. The password is one-time: it must be changed at first sign-in.
 * Returns false when an administrator already exists.
 */
export async function bootstrapAdmin(deps: Pick<Deps, 'db'>, username: string, password: string): Promise<boolean> {
  const passwordHash = await hashPassword(password)
  return deps.db.$transaction(async (tx) => {
    if ((await countActiveAdmins(tx)) > 0) return false
    const department = (await findDepartments(tx))[0] ?? (await insertDepartment(tx, '管委会办公室'))
    const admin = await insertStaff(tx, {
      username,
      displayName: '系统管理员',
      role: 'ADMIN',
      departmentId: department.id,
      passwordHash,
      mustChangePassword: true,
    })
    await recordAudit(tx, { staffId: admin.id }, { action: 'bootstrapAdmin', entity: 'staff', entityId: admin.id, after: { username, role: 'ADMIN' } })
    return true
  })
}
