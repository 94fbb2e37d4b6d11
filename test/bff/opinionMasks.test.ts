// An opinion keeps the masks that made its published text: a mask by hand survives moderating again, and a moderation from a stale 待审核 view cannot drop it.
import { signInStaff } from '../support/identity'
import { startTestApp, type TestApp } from '../support/testApp'

const DAY = 86_400_000
let app: TestApp
let departmentId: number
let first: Record<string, string>
let second: Record<string, string>
let consultationId: number

beforeAll(async () => {
  app = await startTestApp()
  departmentId = (await app.db.department.create({ data: { name: '隐去范围测试局' } })).id
  first = (await signInStaff(app, 'REVIEWER', undefined, { departments: [departmentId] })).auth
  second = (await signInStaff(app, 'REVIEWER', undefined, { departments: [departmentId] })).auth
  const now = app.now.value.getTime()
  consultationId = (
    await app.db.consultation.create({
      data: {
        departmentId,
        title: '隐去范围测试办法（征求意见稿）',
        summary: '—',
        isMajorDecision: false,
        opensAt: new Date(now - 20 * DAY),
        closesAt: new Date(now + 10 * DAY),
        publishedAt: new Date(now - 20 * DAY),
      },
    })
  ).id
})
afterAll(() => app.close())

// 老王 is a nickname the detector does not know: only a mask by hand hides it.
const TEXT = '楼下老王家的狗天天叫，我的电话 13912345678，建议加强养犬管理。'
const HAND = { start: TEXT.indexOf('老王'), end: TEXT.indexOf('老王') + 2 }

async function pendingOpinion() {
  const opinion = await app.db.opinion.create({
    data: { consultationId, receiptCode: `YJ-MASK-${Math.random().toString(36).slice(2)}`, rawText: TEXT },
  })
  return opinion.id
}
const staffView = async (id: number, who = first) => {
  const list = await app.request(`/api/staff/consultations/${consultationId}/opinions?pageSize=50`, { headers: who })
  expect(list.status).toBe(200)
  return list.body.items.find((o: { id: number }) => o.id === id)
}
const moderate = (id: number, body: unknown, who = first) => app.request(`/api/staff/opinions/${id}/moderation`, { method: 'POST', headers: who, json: body })
const detected = (view: { suggestedMasks: { kind: string; start: number; end: number }[] }) =>
  view.suggestedMasks.map(({ kind, start, end }) => ({ kind, start, end }))

it('stores the masks of an approval, the one by hand included, and the staff view carries them', async () => {
  const id = await pendingOpinion()
  const view = await staffView(id)
  expect(view.masks).toEqual([])
  const masks = [HAND, ...detected(view)]
  const approved = await moderate(id, { decision: 'APPROVE', masks, from: 'PENDING' })
  expect(approved.status).toBe(200)
  expect(approved.body.publishedText).not.toMatch(/老王|13912345678/)
  expect(approved.body.masks).toEqual([HAND, ...detected(view)].sort((a, b) => a.start - b.start))
  expect((await staffView(id)).masks).toEqual(approved.body.masks)

  // Moderating again from the stored masks keeps the mask by hand; hiding clears them.
  const again = await moderate(id, { decision: 'APPROVE', masks: approved.body.masks, from: 'APPROVED' })
  expect([again.status, again.body.publishedText]).toEqual([200, approved.body.publishedText])
  const hidden = await moderate(id, { decision: 'HIDE', reason: '与本草案无关', from: 'APPROVED' })
  expect([hidden.status, hidden.body.masks, hidden.body.publishedText]).toEqual([200, [], null])
})

it('refuses a moderation from a stale 待审核 view (409 OPINION_MODERATION_CHANGED), so a mask by hand is not lost', async () => {
  const id = await pendingOpinion()
  // Both reviewers open the queue while the opinion waits.
  const stale = await staffView(id, second)
  expect(stale.moderation).toBe('PENDING')
  expect((await moderate(id, { decision: 'APPROVE', masks: [HAND, ...detected(stale)].sort((a, b) => a.start - b.start), from: 'PENDING' })).status).toBe(200)

  // The second reviewer approves what they see: the detector's suggestions, without the mask by hand.
  const late = await moderate(id, { decision: 'APPROVE', masks: detected(stale), from: 'PENDING' }, second)
  expect([late.status, late.body.error.code]).toEqual([409, 'OPINION_MODERATION_CHANGED'])
  expect(late.body.error.message).toMatch(/已由其他工作人员审核/)
  const stored = await app.db.opinion.findUniqueOrThrow({ where: { id }, select: { publishedText: true } })
  expect(stored.publishedText).not.toContain('老王')
  const lateHide = await moderate(id, { decision: 'HIDE', reason: '重复意见', from: 'PENDING' }, second)
  expect([lateHide.status, lateHide.body.error.code]).toEqual([409, 'OPINION_MODERATION_CHANGED'])
})
