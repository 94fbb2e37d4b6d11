// Department scope beyond the authorization matrix: filtered staff lists, audited contact-data reads, and staff of several departments.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { seedDemo } from '../../bff/src/seed/demo'
import { createDepartmentItems, type DepartmentItems } from '../support/departments'
import { signInStaff } from '../support/identity'
import { startTestApp, type TestApp } from '../support/testApp'

let app: TestApp
let a: DepartmentItems
let b: DepartmentItems

beforeAll(async () => {
  app = await startTestApp()
  await seedDemo(app.db, new Date())
  a = await createDepartmentItems(app, '范围甲局')
  b = await createDepartmentItems(app, '范围乙局')
})
afterAll(() => app.close())

const get = (path: string, auth: Record<string, string>) => app.request(path, { headers: auth })
const ids = (rows: { id: number }[]) => rows.map((r) => r.id)

describe('staff lists show only their departments’ items', () => {
  it('filters consultations, events, overdue opinions and policy questions; administrators see all', async () => {
    const reviewerA = await signInStaff(app, 'REVIEWER', undefined, { departments: [a.departmentId] })
    const admin = await signInStaff(app, 'ADMIN', undefined, { departments: [a.departmentId] })
    const unassigned = await app.db.policyQuestion.create({
      data: { receiptCode: 'ZX-UNASSIGNED-1', text: '还没有部门接手的咨询', dueAt: new Date(Date.now() + 86_400_000) },
    })

    const consultations = ids((await get('/api/staff/consultations', reviewerA.auth)).body)
    expect(consultations).toContain(a.consultationId)
    expect(consultations).not.toContain(b.consultationId)
    // The seeded demo consultations belong to other departments.
    expect(consultations).toEqual([a.consultationId])

    const events = (await get('/api/staff/events', reviewerA.auth)).body.map((e: { event: { id: number } }) => e.event.id)
    expect(events).toEqual([a.eventId])

    const overdue = ids((await get('/api/staff/opinions/overdue', reviewerA.auth)).body)
    expect(overdue).toContain(a.overdueOpinionId)
    expect(overdue).not.toContain(b.overdueOpinionId)

    const questions = ids((await get('/api/staff/policy-questions?pageSize=50', reviewerA.auth)).body.items)
    expect(questions).toEqual(expect.arrayContaining([a.questionId, unassigned.id]))
    expect(questions).not.toContain(b.questionId)

    const all = ids((await get('/api/staff/consultations', admin.auth)).body)
    expect(all).toEqual(expect.arrayContaining([a.consultationId, b.consultationId]))
    const allEvents = (await get('/api/staff/events', admin.auth)).body.map((e: { event: { id: number } }) => e.event.id)
    expect(allEvents).toEqual(expect.arrayContaining([a.eventId, b.eventId]))
  })
})

describe('every read of contact data is in the audit log', () => {
  const contactReads = (staffId: number) =>
    app.db.auditLog.findMany({ where: { staffId, action: 'readContactData' }, select: { entity: true, entityId: true, after: true }, orderBy: { id: 'asc' } })

  it('records who read which consultation’s or event’s personal data, how, and how many records', async () => {
    const reviewer = await signInStaff(app, 'REVIEWER', undefined, { departments: [b.departmentId] })
    const opinions = await get(`/api/staff/consultations/${b.consultationId}/opinions`, reviewer.auth)
    expect(JSON.stringify(opinions.body)).toContain(b.secrets.phone)
    const exported = await get(`/api/staff/consultations/${b.consultationId}/export?format=csv`, reviewer.auth)
    expect(exported.status).toBe(200)
    expect(await get(`/api/staff/events/${b.eventId}/registrations`, reviewer.auth)).toMatchObject({ status: 200 })
    expect(await get(`/api/staff/events/${b.eventId}/export?format=xlsx`, reviewer.auth)).toMatchObject({ status: 200 })
    expect(await get(`/api/staff/events/${b.eventId}/opinions`, reviewer.auth)).toMatchObject({ status: 200 })

    expect(await contactReads(reviewer.staff.id)).toEqual([
      {
        entity: 'consultation',
        entityId: String(b.consultationId),
        after: { via: 'listStaffOpinions', records: 2, fields: ['rawText', 'authorName', 'contactPhone'] },
      },
      {
        entity: 'consultation',
        entityId: String(b.consultationId),
        after: { via: 'exportOpinions', records: 2, fields: ['rawText', 'authorName', 'contactPhone'], format: 'csv' },
      },
      { entity: 'event', entityId: String(b.eventId), after: { via: 'listRegistrations', records: 1, fields: ['name', 'phone'] } },
      { entity: 'event', entityId: String(b.eventId), after: { via: 'exportRegistrations', records: 1, fields: ['name', 'phone'], format: 'xlsx' } },
      { entity: 'event', entityId: String(b.eventId), after: { via: 'listEventOpinions', records: 1, fields: ['rawText'] } },
    ])
  })

  it('counts the records of the page read, and logs a check-in’s name lookup', async () => {
    const reviewer = await signInStaff(app, 'REVIEWER', undefined, { departments: [a.departmentId] })
    await get(`/api/staff/consultations/${a.consultationId}/opinions?pageSize=1`, reviewer.auth)
    const selected = await app.request(`/api/staff/registrations/${a.registrationId}/review`, {
      method: 'POST',
      headers: reviewer.auth,
      json: { decision: 'SELECT' },
    })
    expect(selected.status).toBe(200)
    // Check-in is taken on the event day: the department's event started a day ago; the clock goes back into it.
    const clock = app.now.value
    const event = (await app.db.event.findUniqueOrThrow({ where: { id: a.eventId } })).startsAt
    app.now.value = new Date(event.getTime() + 3_600_000)
    const checkedIn = await app
      .request(`/api/staff/events/${a.eventId}/check-ins`, { method: 'POST', headers: reviewer.auth, json: { code: a.checkInCode } })
      .finally(() => (app.now.value = clock))
    expect(checkedIn.body).toMatchObject({ name: a.secrets.registrantName })
    const reads = await contactReads(reviewer.staff.id)
    expect(reads.map((r) => [r.entity, r.after])).toEqual([
      ['consultation', { via: 'listStaffOpinions', records: 1, fields: ['rawText', 'authorName', 'contactPhone'] }],
      ['registration', { via: 'checkIn', records: 1, fields: ['name'] }],
    ])
  })

  it('shows the entries to administrators in the audit log', async () => {
    const admin = await signInStaff(app, 'ADMIN')
    const log = await get('/api/admin/audit?entity=event&pageSize=50', admin.auth)
    expect(log.body.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ action: 'readContactData', entityId: String(b.eventId), after: expect.objectContaining({ via: 'exportRegistrations' }) }),
      ]),
    )
  })
})

describe('staff of several departments', () => {
  it('are created with several departments, listed with all of them, and reach each department’s items', async () => {
    const admin = await signInStaff(app, 'ADMIN')
    const created = await app.request('/api/admin/staff', {
      method: 'POST',
      headers: admin.auth,
      json: { username: 'multi.reviewer', displayName: '双部门审核', role: 'REVIEWER', departmentId: a.departmentId, departmentIds: [b.departmentId] },
    })
    expect(created.status).toBe(201)
    expect(created.body.staff).toMatchObject({
      department: { id: a.departmentId },
      departments: [
        { id: a.departmentId, name: '范围甲局' },
        { id: b.departmentId, name: '范围乙局' },
      ],
    })
    const listed = (await get('/api/admin/staff', admin.auth)).body.find((s: { username: string }) => s.username === 'multi.reviewer')
    expect(listed.departments.map((d: { name: string }) => d.name)).toEqual(['范围甲局', '范围乙局'])

    // Signs in with the one-time password, changes it, then reads both departments' opinions.
    const login = await app.request('/api/auth/staff', { method: 'POST', json: { username: 'multi.reviewer', password: created.body.initialPassword } })
    const auth = { Authorization: `Bearer ${login.body.token}` }
    expect(
      (
        await app.request('/api/auth/password', {
          method: 'PUT',
          headers: auth,
          json: { currentPassword: created.body.initialPassword, newPassword: 'Another-passw0rd-9' },
        })
      ).status,
    ).toBeLessThan(300)
    for (const d of [a, b]) expect((await get(`/api/staff/consultations/${d.consultationId}/opinions`, auth)).status).toBe(200)
    expect((await get('/api/me', auth)).body.departments.map((d: { name: string }) => d.name)).toEqual(['范围甲局', '范围乙局'])
  })

  it('lose and gain departments at once, on the session they already have', async () => {
    const admin = await signInStaff(app, 'ADMIN')
    const reviewer = await signInStaff(app, 'REVIEWER', undefined, { departments: [a.departmentId] })
    const path = `/api/staff/events/${b.eventId}/registrations`
    expect((await get(path, reviewer.auth)).body.error.code).toBe('FORBIDDEN_DEPARTMENT')

    const widened = await app.request(`/api/admin/staff/${reviewer.staff.id}`, {
      method: 'PATCH',
      headers: admin.auth,
      json: { departmentIds: [a.departmentId, b.departmentId] },
    })
    expect(widened.body.departments.map((d: { id: number }) => d.id)).toEqual([a.departmentId, b.departmentId])
    expect((await get(path, reviewer.auth)).status).toBe(200)

    // Moving the primary department to B drops A.
    const moved = await app.request(`/api/admin/staff/${reviewer.staff.id}`, {
      method: 'PATCH',
      headers: admin.auth,
      json: { departmentId: b.departmentId, departmentIds: [b.departmentId] },
    })
    expect(moved.body).toMatchObject({ department: { id: b.departmentId }, departments: [{ id: b.departmentId }] })
    expect((await get(`/api/staff/events/${a.eventId}/registrations`, reviewer.auth)).body.error.code).toBe('FORBIDDEN_DEPARTMENT')
    expect((await get(path, reviewer.auth)).status).toBe(200)

    const audit = await app.db.auditLog.findFirst({
      where: { action: 'updateStaff', entityId: String(reviewer.staff.id) },
      orderBy: { id: 'desc' },
      select: { before: true, after: true },
    })
    expect(audit).toMatchObject({ before: { departmentIds: [a.departmentId, b.departmentId] }, after: { departmentIds: [b.departmentId] } })
  })

  it('refuses unknown, repeated or no departments with a field message', async () => {
    const admin = await signInStaff(app, 'ADMIN')
    const body = (departmentIds: unknown) => ({
      username: `bad.${Math.floor(Math.random() * 1e6)}`,
      displayName: '错误',
      role: 'EDITOR',
      departmentId: a.departmentId,
      departmentIds,
    })
    for (const [departmentIds, message] of [
      [[a.departmentId, 987654], '包含不存在的部门'],
      [[b.departmentId, b.departmentId], '部门不能重复'],
      [[], '请至少选择一个部门'],
      [['1'], undefined],
    ] as const) {
      const response = await app.request('/api/admin/staff', { method: 'POST', headers: admin.auth, json: body(departmentIds) })
      expect([response.status, response.body.error.code]).toEqual([400, 'VALIDATION_FAILED'])
      const fields = response.body.error.details.fields as Record<string, string>
      const field = Object.entries(fields).find(([k]) => k.includes('departmentIds'))
      expect(field).toBeDefined()
      if (message) expect(field![1]).toBe(message)
    }
    expect(await app.db.staff.count({ where: { username: { startsWith: 'bad.' } } })).toBe(0)
  })
})

describe('the staff_department migration', () => {
  it('keeps every existing staff member in the department they had', async () => {
    const sql = readFileSync(path.resolve(__dirname, '../../prisma/migrations/20261205131500_staff_departments/migration.sql'), 'utf8')
    const copy = /INSERT INTO "staff_department"[^;]+;/.exec(sql)?.[0]
    expect(copy).toBeDefined()
    // Staff as they were before the migration: a department, no membership rows.
    const before = await app.db.staff.create({
      data: { username: 'before.migration', displayName: '老账号', role: 'REVIEWER', departmentId: b.departmentId, passwordHash: 'unused' },
    })
    await app.db.staffDepartment.deleteMany({})
    await app.db.$executeRawUnsafe(copy!)
    expect(await app.db.staffDepartment.findMany({ where: { staffId: before.id }, select: { departmentId: true } })).toEqual([{ departmentId: b.departmentId }])
    expect(await app.db.staffDepartment.count()).toBe(await app.db.staff.count())
  })
})
