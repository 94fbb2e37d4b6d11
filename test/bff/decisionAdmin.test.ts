import { seedDemo } from '../../bff/src/seed/demo'
import { signInStaff } from '../support/identity'
import { startTestApp, type TestApp } from '../support/testApp'

/** Staff keep the public 决策事项目录: entries, their stages in legal order, every write audited. */
let app: TestApp
let editor: Record<string, string>
let reviewer: Record<string, string>
let departmentId: number

const day = (iso: string) => `${iso}T00:00:00+08:00`

function entry(overrides: Record<string, unknown> = {}) {
  return {
    year: 2027,
    title: '高新区人才公寓租赁管理办法',
    summary: '规范人才公寓的申请、配租和退出。',
    departmentId,
    plannedDecisionAt: '2027年第二季度',
    participationMethods: ['公开征求意见', '专家论证'],
    stages: [
      { kind: 'CONSULTATION', startsAt: day('2027-03-01'), endsAt: day('2027-03-31'), summary: '公开征求意见 30 日' },
      { kind: 'DRAFT_PUBLISHED', startsAt: day('2027-03-01') },
    ],
    ...overrides,
  }
}

beforeAll(async () => {
  app = await startTestApp()
  await seedDemo(app.db, app.now.value)
  editor = (await signInStaff(app, 'EDITOR')).auth
  departmentId = (await app.db.department.findFirstOrThrow({ where: { name: '建设局' } })).id
  reviewer = (await signInStaff(app, 'REVIEWER', undefined, { departments: [departmentId] })).auth
})
afterAll(() => app.close())

describe('creating a catalog entry', () => {
  it('is a draft (not public until published), stages in legal order, and audited', async () => {
    const created = await app.request('/api/staff/decisions', { method: 'POST', headers: editor, json: entry() })
    expect(created.status).toBe(201)
    expect(created.body).toMatchObject({ title: '高新区人才公寓租赁管理办法', department: { id: departmentId, name: '建设局' }, currentStage: null })
    expect(created.body.stages.map((s: { kind: string }) => s.kind)).toEqual(['DRAFT_PUBLISHED', 'CONSULTATION'])
    expect(created.body.stages[1]).toMatchObject({ summary: '公开征求意见 30 日', link: null })

    expect(created.body.publishedAt).toBeNull()
    expect((await app.request('/api/decisions?year=2027')).body).toEqual([])
    const listed = (await app.request('/api/staff/decisions?year=2027', { headers: editor })).body
    expect(listed.map((d: { id: number }) => d.id)).toEqual([created.body.id])
    const audit = await app.db.auditLog.findFirstOrThrow({ where: { action: 'createDecision', entityId: String(created.body.id) } })
    expect(audit.entity).toBe('decision')
  })

  it('refuses bad input with field messages and stores nothing', async () => {
    const before = await app.db.decision.count()
    const cases: [Record<string, unknown>, string][] = [
      [{ title: '短' }, 'title'],
      [{ year: 1999 }, 'year'],
      [{ plannedDecisionAt: '' }, 'plannedDecisionAt'],
      [{ stages: [{ kind: 'HEARING' }, { kind: 'HEARING' }] }, 'stages.1.kind'],
      [{ stages: [{ kind: 'HEARING', startsAt: day('2027-05-02'), endsAt: day('2027-05-01') }] }, 'stages.0.endsAt'],
      [{ stages: [{ kind: 'HEARING', link: 'javascript:alert(1)' }] }, 'stages.0.link'],
      [{ stages: [{ kind: 'PARTY' }] }, 'stages.0.kind'],
    ]
    for (const [overrides, field] of cases) {
      const { status, body } = await app.request('/api/staff/decisions', { method: 'POST', headers: editor, json: entry(overrides) })
      expect({ field, status, code: body.error.code }).toEqual({ field, status: 400, code: 'VALIDATION_FAILED' })
      expect(Object.keys(body.error.details.fields)).toContain(field)
    }
    const unknownDepartment = await app.request('/api/staff/decisions', { method: 'POST', headers: editor, json: entry({ departmentId: 424242 }) })
    expect(unknownDepartment.status).toBe(400)
    expect(unknownDepartment.body.error.details.fields).toHaveProperty('departmentId')
    expect(await app.db.decision.count()).toBe(before)
  })
})

describe('keeping an entry current', () => {
  it('replaces fields and the whole set of stages; the public page follows; before/after audited', async () => {
    const { id } = (await app.request('/api/staff/decisions', { method: 'POST', headers: editor, json: entry({ title: '高新区停车设施建设补助办法' }) })).body
    const stages = [
      { kind: 'DRAFT_PUBLISHED', startsAt: day('2026-10-01') },
      { kind: 'CONSULTATION', startsAt: day('2026-10-01'), endsAt: day('2026-10-31') },
      { kind: 'MEETING_REVIEW', startsAt: day('2026-11-10'), summary: '管委会主任办公会审议', link: '/packages/event/pages/detail/index?id=1' },
    ]
    const updated = await app.request(`/api/staff/decisions/${id}`, {
      method: 'PUT',
      headers: editor,
      json: entry({ title: '高新区停车设施建设补助办法', plannedDecisionAt: '2026年第四季度', stages }),
    })
    expect(updated.status).toBe(200)
    expect(updated.body.stages.map((s: { kind: string }) => s.kind)).toEqual(['DRAFT_PUBLISHED', 'CONSULTATION', 'MEETING_REVIEW'])
    expect(updated.body.currentStage).toBe(app.now.value >= new Date(day('2026-11-10')) ? 'MEETING_REVIEW' : expect.any(String))
    expect((await app.request(`/api/staff/decisions/${id}/publish`, { method: 'POST', headers: reviewer })).status).toBe(200)

    const publicPage = (await app.request(`/api/decisions/${id}`)).body
    expect(publicPage).toMatchObject({ plannedDecisionAt: '2026年第四季度' })
    expect(publicPage.stages[2]).toMatchObject({ summary: '管委会主任办公会审议', link: '/packages/event/pages/detail/index?id=1' })
    expect(await app.db.decisionStage.count({ where: { decisionId: id } })).toBe(3)

    const audit = await app.db.auditLog.findFirstOrThrow({ where: { action: 'updateDecision', entityId: String(id) } })
    expect(JSON.stringify(audit.before)).toContain('2027年第二季度')
    expect(JSON.stringify(audit.after)).toContain('2026年第四季度')
  })

  it('404 for an unknown entry, 400 for a bad one, nothing changed', async () => {
    expect((await app.request('/api/staff/decisions/424242', { method: 'PUT', headers: editor, json: entry() })).status).toBe(404)
    const { id } = (await app.request('/api/decisions')).body[0]
    const before = (await app.request(`/api/decisions/${id}`)).body
    const bad = await app.request(`/api/staff/decisions/${id}`, {
      method: 'PUT',
      headers: editor,
      json: entry({ stages: [{ kind: 'HEARING' }, { kind: 'HEARING' }] }),
    })
    expect(bad.status).toBe(400)
    expect((await app.request(`/api/decisions/${id}`)).body).toEqual(before)
  })
})

describe('the public decision page', () => {
  it('links only published events (a draft event stays internal)', async () => {
    const { id } = (await app.request('/api/decisions')).body.find((d: { title: string }) => d.title.includes('老旧小区'))
    const linked = await app.db.event.findFirstOrThrow({ where: { decisionId: id } })
    const draft = await app.db.event.create({
      data: {
        ...(({ id: _id, createdAt: _c, drawSecret: _s, drawCommitment: _k, drawQuotas: _q, ...rest }) => rest)(linked),
        title: '尚未发布的座谈会',
        publishedAt: null,
      },
    })
    const { body } = await app.request(`/api/decisions/${id}`)
    expect(body.events.map((e: { id: number }) => e.id)).not.toContain(draft.id)
    expect(body.events.map((e: { id: number }) => e.id)).toContain(linked.id)
  })
})
