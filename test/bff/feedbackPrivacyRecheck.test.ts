// Feedback publication re-checks approved opinions with the current detector, and the public rendering masks what no recorded decision exempts.
import { signInStaff } from '../support/identity'
import { startTestApp, type TestApp } from '../support/testApp'

const DAY = 86_400_000
const start = new Date('2026-12-01T01:00:00Z')
const PHONE = '13912345678'
const ADDRESS = '幸福小区 3 栋 2 单元 501 室'
const LEGACY = `我家住${ADDRESS}，电话${PHONE}，楼下垃圾桶太少。`

let app: TestApp
let editor: Awaited<ReturnType<typeof signInStaff>>
let reviewer: Awaited<ReturnType<typeof signInStaff>>
let admin: Awaited<ReturnType<typeof signInStaff>>
let departmentId: number
let receipt = 0

const as = (who: { auth: Record<string, string> }, path: string, json?: unknown, method = 'POST') =>
  app.request(path, { method, headers: who.auth, ...(json !== undefined ? { json } : {}) })

beforeAll(async () => {
  app = await startTestApp({ now: start, settings: { demoLogin: true, sessionTtlHours: 24 * 90 } })
  editor = await signInStaff(app, 'EDITOR')
  departmentId = editor.staff.departmentId
  reviewer = await signInStaff(app, 'REVIEWER')
  admin = await signInStaff(app, 'ADMIN')
})
afterAll(() => app.close())

async function openConsultation(title: string) {
  app.now.value = start
  const created = await as(editor, '/api/staff/consultations', {
    title,
    summary: '规范生活垃圾分类投放。',
    departmentId,
    isMajorDecision: false,
    opensAt: new Date(start.getTime() + DAY).toISOString(),
    closesAt: new Date(start.getTime() + 31 * DAY).toISOString(),
    sections: [{ heading: '第一条 适用范围', body: '本办法适用于高新区。' }],
  })
  if (created.status !== 201) throw new Error(JSON.stringify(created.body))
  expect((await as(reviewer, `/api/staff/consultations/${created.body.id}/publish`)).status).toBe(200)
  return created.body.id as number
}

/** An opinion approved before masking was enforced: its published text is the raw text, with no recorded exemptions. */
async function insertLegacyApproved(consultationId: number, text = LEGACY) {
  receipt++
  const rows = await app.db.$queryRaw<{ id: number }[]>`
    INSERT INTO opinion (consultation_id, receipt_code, raw_text, published_text, consent, moderation, moderated_at, created_at)
    VALUES (${consultationId}, ${`LEGACY-${Date.now()}-${receipt}`}, ${text}, ${text}, 'PUBLISH_MASKED', 'APPROVED', ${new Date(start.getTime() + 2 * DAY)}, ${new Date(start.getTime() + 2 * DAY)})
    RETURNING id`
  const id = rows[0]!.id
  app.now.value = new Date(start.getTime() + 3 * DAY)
  const answered = await as(
    reviewer,
    `/api/staff/opinions/${id}/answer`,
    { adoption: 'ADOPTED', content: '已采纳，将增设垃圾桶。', departmentId, repliedOn: '2026-12-04' },
    'PUT',
  )
  expect(answered.status).toBe(200)
  return id
}

const publicFeedback = async (consultationId: number) => {
  const response = await app.request(`/api/consultations/${consultationId}/feedback`)
  expect(response.status).toBe(200)
  return response.body as { opinions: { id: number; text: string | null }[] }
}

describe('publishing feedback with opinions approved before masking was enforced', () => {
  it('refuses with PERSONAL_INFO_UNMASKED listing the opinion and its spans, and publishes nothing', async () => {
    const consultationId = await openConsultation('高新区垃圾桶设置办法（征求意见稿）')
    const legacyId = await insertLegacyApproved(consultationId)
    app.now.value = new Date(start.getTime() + 32 * DAY)
    const refused = await as(reviewer, `/api/staff/consultations/${consultationId}/feedback`)
    expect([refused.status, refused.body.error.code]).toEqual([422, 'PERSONAL_INFO_UNMASKED'])
    expect(refused.body.error.message).toMatch(/个人信息/)
    expect(refused.body.error.details.opinionIds).toEqual([legacyId])
    expect(refused.body.error.details.spans.map((s: { opinionId: number; kind: string; text: string }) => [s.opinionId, s.kind, s.text])).toEqual([
      [legacyId, 'ADDRESS', ADDRESS],
      [legacyId, 'PHONE', PHONE],
    ])
    expect((await app.db.consultation.findUniqueOrThrow({ where: { id: consultationId } })).feedbackPublishedAt).toBeNull()
    expect((await app.request(`/api/consultations/${consultationId}/feedback`)).status).not.toBe(200)

    for (const override of ['', '同意', 'ok ok ok', 7]) {
      const bad = await as(reviewer, `/api/staff/consultations/${consultationId}/feedback`, { override })
      expect([override, bad.status, bad.body.error.code]).toEqual([override, 400, 'VALIDATION_FAILED'])
    }
    expect((await as(reviewer, `/api/staff/consultations/${consultationId}/feedback`, { override: '作者书面同意公开住址和电话', extra: 1 })).status).toBe(400)
  })

  it('publishes with an override reason: audited per opinion for admins, and the overridden spans stay visible', async () => {
    const consultationId = await openConsultation('高新区垃圾桶清运办法（征求意见稿）')
    const legacyId = await insertLegacyApproved(consultationId)
    app.now.value = new Date(start.getTime() + 32 * DAY)
    const reason = '作者书面同意公开住址和电话，经分管领导批准'
    const published = await as(reviewer, `/api/staff/consultations/${consultationId}/feedback`, { override: reason })
    expect(published.status).toBe(200)
    const audit = await as(admin, '/api/admin/audit?entity=opinion&pageSize=50', undefined, 'GET')
    const entry = audit.body.items.find((a: { action: string; entityId: string }) => a.action === 'overridePersonalInfo' && a.entityId === String(legacyId))
    expect(entry).toMatchObject({ staff: { id: reviewer.staff.id }, after: { publishing: 'publishFeedback', reason, kinds: ['ADDRESS', 'PHONE'] } })
    expect(JSON.stringify(entry)).not.toContain(PHONE)
    const text = (await publicFeedback(consultationId)).opinions.find((o) => o.id === legacyId)!.text
    expect(text).toBe(LEGACY)
  })
})

describe('the public rendering of approved opinions', () => {
  it('masks detected personal information of a legacy opinion in an already published report', async () => {
    const consultationId = await openConsultation('高新区垃圾分类宣传办法（征求意见稿）')
    const legacyId = await insertLegacyApproved(consultationId)
    // A report published before the re-check existed.
    await app.db.$executeRaw`UPDATE consultation SET feedback_published_at = ${new Date(start.getTime() + 32 * DAY)} WHERE id = ${consultationId}`
    app.now.value = new Date(start.getTime() + 40 * DAY)
    const feedback = await publicFeedback(consultationId)
    const body = JSON.stringify(feedback)
    expect(body).not.toContain(PHONE)
    expect(body).not.toContain(ADDRESS)
    expect(body).not.toContain('501')
    expect(feedback.opinions.find((o) => o.id === legacyId)!.text).toBe('我家住【已隐去：详细地址】，电话139****5678，楼下垃圾桶太少。')
  })

  it('keeps a span staff dismissed with a reason (after masks that change offsets) and masks anything else detected', async () => {
    const consultationId = await openConsultation('高新区垃圾分类督导办法（征求意见稿）')
    app.now.value = new Date(start.getTime() + 2 * DAY)
    const citizenText = `我的电话${PHONE}，可以打城管服务电话0571-88776655反映问题，建议增加督导员。`
    const { id } = await app.db.opinion.create({
      data: {
        consultationId,
        receiptCode: `RAW-${Date.now()}`,
        rawText: citizenText,
        consent: 'PUBLISH_MASKED',
        createdAt: new Date(start.getTime() + 2 * DAY),
      },
      select: { id: true },
    })
    const staffList = await as(reviewer, `/api/staff/consultations/${consultationId}/opinions?pageSize=50`, undefined, 'GET')
    const suggested = staffList.body.items.find((o: { id: number }) => o.id === id).suggestedMasks as { kind: string; start: number; end: number }[]
    const phone = suggested.find((s) => s.kind === 'PHONE')!
    const hotline = suggested.find((s) => s.kind === 'LANDLINE')!
    const approved = await as(reviewer, `/api/staff/opinions/${id}/moderation`, {
      decision: 'APPROVE',
      masks: [{ start: phone.start, end: phone.end, kind: 'PHONE' }],
      dismissals: [{ start: hotline.start, end: hotline.end, reason: '城管局对外公开的服务电话，不是个人信息' }],
    })
    expect(approved.status).toBe(200)
    // A text staff changed behind the review (or a newer detector) adds a phone no decision covers.
    await app.db.$executeRaw`UPDATE opinion SET published_text = published_text || ${`另：${PHONE}`} WHERE id = ${id}`
    expect(
      (await as(reviewer, `/api/staff/opinions/${id}/answer`, { adoption: 'ADOPTED', content: '已采纳。', departmentId, repliedOn: '2026-12-04' }, 'PUT'))
        .status,
    ).toBe(200)
    app.now.value = new Date(start.getTime() + 32 * DAY)
    const refused = await as(reviewer, `/api/staff/consultations/${consultationId}/feedback`)
    expect(refused.body.error.details.spans.map((s: { kind: string; text: string }) => [s.kind, s.text])).toEqual([['PHONE', PHONE]])
    await app.db.$executeRaw`UPDATE consultation SET feedback_published_at = ${app.now.value} WHERE id = ${consultationId}`
    const text = (await publicFeedback(consultationId)).opinions.find((o) => o.id === id)!.text
    expect(text).toBe('我的电话139****5678，可以打城管服务电话0571-88776655反映问题，建议增加督导员。另：139****5678')
  })

  it('masks what no recorded decision exempts in a published meeting outcome (event opinions keep their exemptions too)', async () => {
    app.now.value = start
    const created = await as(editor, '/api/staff/events', {
      kind: 'MEETING_ATTENDANCE',
      title: '列席城管局办公会（审议垃圾分类督导办法）',
      description: '市民列席',
      place: '政务服务中心',
      departmentId,
      startsAt: new Date(start.getTime() + 5 * DAY).toISOString(),
      endsAt: new Date(start.getTime() + 5 * DAY + 3_600_000).toISOString(),
      signupOpensAt: start.toISOString(),
      signupClosesAt: new Date(start.getTime() + 4 * DAY).toISOString(),
      capacity: 5,
      selectionMode: 'FIRST_COME',
    })
    expect(created.status).toBe(201)
    const eventId = created.body.id as number
    expect((await as(reviewer, `/api/staff/events/${eventId}/publish`)).status).toBe(200)
    const said = `我的电话${PHONE}，可以打城管服务电话0571-88776655反映问题。`
    const phoneAt = said.indexOf(PHONE)
    const hotlineAt = said.indexOf('0571-88776655')
    const recorded = await as(reviewer, `/api/staff/events/${eventId}/opinions`, {
      text: said,
      masks: [{ start: phoneAt, end: phoneAt + PHONE.length, kind: 'PHONE' }],
      dismissals: [{ start: hotlineAt, end: hotlineAt + '0571-88776655'.length, reason: '城管局对外公开的服务电话，不是个人信息' }],
    })
    expect(recorded.status).toBe(201)
    expect(
      (
        await as(
          reviewer,
          `/api/staff/event-opinions/${recorded.body.id}/answer`,
          { adoption: 'ADOPTED', content: '已采纳。', departmentId, repliedOn: '2026-12-01' },
          'PUT',
        )
      ).status,
    ).toBe(200)
    // A text changed behind the review (or a newer detector) adds what no decision covers.
    await app.db.$executeRaw`UPDATE event_opinion SET published_text = published_text || ${`另：${PHONE}，住${ADDRESS}`} WHERE id = ${recorded.body.id}`
    await app.db
      .$executeRaw`UPDATE event SET outcome_summary = '会议审议通过了督导办法。', outcome_published_at = ${new Date(start.getTime() + 6 * DAY)} WHERE id = ${eventId}`
    app.now.value = new Date(start.getTime() + 7 * DAY)
    const detail = await app.request(`/api/events/${eventId}`)
    expect(detail.status).toBe(200)
    const body = JSON.stringify(detail.body)
    expect(body).not.toContain(PHONE)
    expect(body).not.toContain('501')
    expect(detail.body.outcome.opinions[0].text).toBe('我的电话139****5678，可以打城管服务电话0571-88776655反映问题。另：139****5678，住【已隐去：详细地址】')
  })

  it('publishes without a body when every approved opinion is masked (the miniapp sends none)', async () => {
    const consultationId = await openConsultation('高新区垃圾分类奖励办法（征求意见稿）')
    await insertLegacyApproved(consultationId, '建议增加垃圾分类奖励积分。')
    app.now.value = new Date(start.getTime() + 32 * DAY)
    expect((await as(reviewer, `/api/staff/consultations/${consultationId}/feedback`)).status).toBe(200)
  })
})
