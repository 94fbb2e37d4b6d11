// The audit log names each object by what people call it (a person's name, a title, a receipt code), not "工作人员 #2".
import { signInStaff } from '../support/identity'
import { startTestApp, type TestApp } from '../support/testApp'

let app: TestApp
beforeAll(async () => {
  app = await startTestApp()
})
afterAll(() => app.close())

describe('the audit log', () => {
  it('gives the staff member and department written to by their names, and null for an object that no longer exists', async () => {
    const admin = await signInStaff(app, 'ADMIN')
    const department = await app.request('/api/admin/departments', { method: 'POST', headers: admin.auth, json: { name: `审计标题局${Date.now() % 1e6}` } })
    expect(department.status).toBe(201)
    const created = await app.request('/api/admin/staff', {
      method: 'POST',
      headers: admin.auth,
      json: {
        username: `audit.title.${Date.now()}`,
        displayName: '审计标题编辑',
        role: 'EDITOR',
        departmentId: department.body.id,
        departmentIds: [department.body.id],
      },
    })
    expect(created.status).toBe(201)
    await app.db.auditLog.create({ data: { staffId: admin.staff.id, action: 'updateConsultation', entity: 'consultation', entityId: '99999999' } })

    const log = await app.request('/api/admin/audit?pageSize=50', { headers: admin.auth })
    expect(log.status).toBe(200)
    type Row = { entity: string; entityId: string; entityTitle: string | null }
    const rows = log.body.items as Row[]
    expect(rows.find((r) => r.entity === 'staff' && r.entityId === String(created.body.staff.id))?.entityTitle).toBe('审计标题编辑')
    expect(rows.find((r) => r.entity === 'department' && r.entityId === String(department.body.id))?.entityTitle).toBe(department.body.name)
    expect(rows.find((r) => r.entity === 'consultation' && r.entityId === '99999999')?.entityTitle).toBeNull()
  })
})
