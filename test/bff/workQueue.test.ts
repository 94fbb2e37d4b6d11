// The staff home's work queue (GET /api/staff/work-queue): counts per need, scoped to the person's departments and role.
import { createDepartmentItems, type DepartmentItems } from '../support/departments'
import { signInStaff } from '../support/identity'
import { startTestApp, type TestApp } from '../support/testApp'

let app: TestApp
let a: DepartmentItems
let b: DepartmentItems
const DAY = 86_400_000

beforeAll(async () => {
  app = await startTestApp()
  a = await createDepartmentItems(app, '待办甲局')
  b = await createDepartmentItems(app, '待办乙局')
  // Department B also has an opinion waiting for moderation and a consultation closing tomorrow.
  await app.db.opinion.create({
    data: { consultationId: b.consultationId, receiptCode: `YJ-WQ-${Date.now()}`, rawText: '乙局待审核的意见', moderation: 'PENDING' },
  })
  await app.db.consultation.update({ where: { id: b.consultationId }, data: { closesAt: new Date(Date.now() + DAY) } })
})
afterAll(() => app.close())

type Entry = { key: string; count: number; target: string; examples: string[] }
const queueOf = async (auth: Record<string, string>) => {
  const res = await app.request('/api/staff/work-queue', { headers: auth })
  expect(res.status).toBe(200)
  return new Map((res.body.entries as Entry[]).map((e) => [e.key, e]))
}

describe('the staff work queue', () => {
  it('counts a reviewer’s own department only: nothing of another department leaks into counts or titles', async () => {
    const reviewerA = await signInStaff(app, 'REVIEWER', undefined, { departments: [a.departmentId] })
    const queue = await queueOf(reviewerA.auth)
    const bTitle = '待办乙局管理办法（征求意见稿）'
    expect(queue.get('repliesOverdue')).toMatchObject({ count: 1, target: 'overdueOpinions', examples: ['待办甲局管理办法（征求意见稿）'] })
    expect(queue.get('awaitingModeration')).toMatchObject({ count: 0, examples: [] })
    expect(queue.get('consultationsClosingSoon')).toMatchObject({ count: 0 })
    expect(JSON.stringify([...queue.values()])).not.toContain(bTitle)
    expect(JSON.stringify([...queue.values()])).not.toContain('待办乙局政府开放日')
    expect(queue.get('questionsWaiting')!.count).toBeGreaterThanOrEqual(1)
  })

  it('shows the other department’s work to its own reviewer, and everything to an administrator', async () => {
    const reviewerB = await signInStaff(app, 'REVIEWER', undefined, { departments: [b.departmentId] })
    const queue = await queueOf(reviewerB.auth)
    expect(queue.get('awaitingModeration')).toMatchObject({ count: 1, target: 'consultations', examples: ['待办乙局管理办法（征求意见稿）'] })
    expect(queue.get('consultationsClosingSoon')).toMatchObject({ count: 1 })
    const admin = await signInStaff(app, 'ADMIN', undefined, { departments: [a.departmentId] })
    const all = await queueOf(admin.auth)
    expect(all.get('repliesOverdue')!.count).toBeGreaterThanOrEqual(2)
  })

  it('gives an editor no opinion work (answers are a reviewer’s), but the consultations and events of the department', async () => {
    const editor = await signInStaff(app, 'EDITOR', undefined, { departments: [b.departmentId] })
    const queue = await queueOf(editor.auth)
    expect(queue.has('awaitingModeration')).toBe(false)
    expect(queue.has('questionsWaiting')).toBe(false)
    expect(queue.get('consultationsClosingSoon')).toMatchObject({ count: 1 })
  })
})
