// Opinions received offline (phone, letter, 座谈会…): entered by staff of the consultation's department, moderated and answered like online ones, counted per channel in the published report.
import { formatShanghaiDate } from '@gm/shared'
import { shanghaiToday } from '../support/departments'
import { signInDemoCitizen, signInStaff } from '../support/identity'
import { startTestApp, type TestApp } from '../support/testApp'

const DAY = 86_400_000
let app: TestApp
let departmentId: number
let otherDepartmentId: number

beforeAll(async () => {
  app = await startTestApp({ settings: { demoLogin: true } })
  departmentId = (await app.db.department.create({ data: { name: '线下意见测试局' } })).id
  otherDepartmentId = (await app.db.department.create({ data: { name: '线下意见其他局' } })).id
})
afterAll(() => app.close())

async function openConsultation(openedDaysAgo = 10) {
  const now = Date.now()
  const c = await app.db.consultation.create({
    data: {
      departmentId,
      title: '线下意见测试管理办法（征求意见稿）',
      summary: '线下意见测试',
      opensAt: new Date(now - openedDaysAgo * DAY),
      closesAt: new Date(now + 20 * DAY),
      publishedAt: new Date(now - openedDaysAgo * DAY),
      shortWindowReason: null,
      sections: { create: [{ version: 1, position: 1, heading: '第一条 停车', body: '小区停车位按户配置。' }] },
    },
    include: { sections: true },
  })
  return { id: c.id, sectionId: c.sections[0]!.id, opensOn: formatShanghaiDate(c.opensAt) }
}

const post = (path: string, auth: Record<string, string>, json: unknown) => app.request(path, { method: 'POST', headers: auth, json })
const phoneOpinion = (extra: Record<string, unknown> = {}) => ({
  channel: 'PHONE',
  receivedOn: shanghaiToday(),
  text: '建议在小区东门增加临时停车位，我是刘阿姨，电话 13912345678。',
  ...extra,
})

describe('entering an offline opinion', () => {
  it('stores it pending moderation with its channel and received date, no citizen, entered by the staff member (audited)', async () => {
    const c = await openConsultation()
    const editor = await signInStaff(app, 'EDITOR', undefined, { departments: [departmentId] })
    const res = await post(`/api/staff/consultations/${c.id}/offline-opinions`, editor.auth, phoneOpinion({ sectionId: c.sectionId }))
    expect(res.status).toBe(201)
    expect(res.body).toMatchObject({ channel: 'PHONE', moderation: 'PENDING', section: { id: c.sectionId }, contactPhone: null, answer: null })
    expect(formatShanghaiDate(res.body.receivedAt)).toBe(shanghaiToday())
    expect(res.body.suggestedMasks.map((m: { kind: string }) => m.kind)).toEqual(expect.arrayContaining(['PHONE', 'NAME']))
    const row = await app.db.opinion.findUniqueOrThrow({ where: { id: res.body.id } })
    expect(row).toMatchObject({ citizenId: null, channel: 'PHONE', enteredById: editor.staff.id })
    const audit = await app.db.auditLog.findFirst({ where: { action: 'recordOfflineOpinion', entityId: String(res.body.id) } })
    expect(audit).toMatchObject({ staffId: editor.staff.id, after: expect.objectContaining({ channel: 'PHONE', contactKept: false }) })
  })

  it('keeps a contact phone only with recorded consent', async () => {
    const c = await openConsultation()
    const reviewer = await signInStaff(app, 'REVIEWER', undefined, { departments: [departmentId] })
    const refused = await post(`/api/staff/consultations/${c.id}/offline-opinions`, reviewer.auth, phoneOpinion({ contactPhone: '0571-88886666' }))
    expect(refused.status).toBe(400)
    expect(refused.body.error).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { fields: { contactConsent: '留存联系方式须经本人同意，请确认已征得同意' } },
    })
    const kept = await post(
      `/api/staff/consultations/${c.id}/offline-opinions`,
      reviewer.auth,
      phoneOpinion({ channel: 'LETTER', contactPhone: '0571-88886666', contactConsent: true }),
    )
    expect(kept.status).toBe(201)
    expect(kept.body).toMatchObject({ channel: 'LETTER', contactPhone: '0571-88886666' })
  })

  it('refuses a received date in the future or before the consultation opened, and an unknown channel, in Chinese', async () => {
    const c = await openConsultation(3)
    const admin = await signInStaff(app, 'ADMIN')
    const tomorrow = formatShanghaiDate(new Date(Date.now() + DAY))
    const future = await post(`/api/staff/consultations/${c.id}/offline-opinions`, admin.auth, phoneOpinion({ receivedOn: tomorrow }))
    expect(future.status).toBe(400)
    expect(future.body.error.details.fields).toEqual({ receivedOn: '收到日期不能晚于今天' })
    const early = formatShanghaiDate(new Date(Date.now() - 5 * DAY))
    const before = await post(`/api/staff/consultations/${c.id}/offline-opinions`, admin.auth, phoneOpinion({ receivedOn: early }))
    expect(before.status).toBe(400)
    expect(before.body.error.details.fields).toEqual({ receivedOn: `收到日期不能早于征集开始日期（${c.opensOn}）` })
    const online = await post(`/api/staff/consultations/${c.id}/offline-opinions`, admin.auth, phoneOpinion({ channel: 'ONLINE' }))
    expect(online.status).toBe(400)
    expect(online.body.error.details.fields.channel).toMatch(/[\u4e00-\u9fa5]/)
    const noDate = await post(`/api/staff/consultations/${c.id}/offline-opinions`, admin.auth, phoneOpinion({ receivedOn: undefined }))
    expect(noDate.body.error.details.fields).toEqual({ receivedOn: '请填写收到日期（YYYY-MM-DD）' })
    expect(await app.db.opinion.count({ where: { consultationId: c.id } })).toBe(0)
  })

  it('refuses staff of another department (403 FORBIDDEN_DEPARTMENT) and citizens', async () => {
    const c = await openConsultation()
    const outsider = await signInStaff(app, 'REVIEWER', undefined, { departments: [otherDepartmentId] })
    const res = await post(`/api/staff/consultations/${c.id}/offline-opinions`, outsider.auth, phoneOpinion())
    expect(res.status).toBe(403)
    expect(res.body.error.code).toBe('FORBIDDEN_DEPARTMENT')
    const citizen = await signInDemoCitizen(app, '线下意见市民')
    expect((await post(`/api/staff/consultations/${c.id}/offline-opinions`, citizen.auth, phoneOpinion())).status).toBe(403)
    expect(await app.db.opinion.count({ where: { consultationId: c.id } })).toBe(0)
  })
})

describe('an offline opinion in the adoption report', () => {
  it('is moderated with masks, answered and counted under its channel next to 线上; publishing unmasked is refused', async () => {
    const c = await openConsultation()
    const reviewer = await signInStaff(app, 'REVIEWER', undefined, { departments: [departmentId] })
    const citizen = await signInDemoCitizen(app, '线上意见人')
    const online = await post(`/api/consultations/${c.id}/opinions`, citizen.auth, {
      text: '建议延长公共停车场的开放时间。',
      consent: 'PUBLISH_MASKED',
      idempotencyKey: 'offline-test-online-1',
    })
    expect(online.status).toBe(201)
    const phone = (await post(`/api/staff/consultations/${c.id}/offline-opinions`, reviewer.auth, phoneOpinion())).body
    const symposium = (
      await post(`/api/staff/consultations/${c.id}/offline-opinions`, reviewer.auth, {
        channel: 'SYMPOSIUM',
        receivedOn: shanghaiToday(),
        text: '座谈会上多位居民建议错峰共享停车。',
      })
    ).body

    // Approving the phone opinion with its name and number unmasked is refused by the server.
    const unmasked = await post(`/api/staff/opinions/${phone.id}/moderation`, reviewer.auth, { decision: 'APPROVE', masks: [] })
    expect(unmasked.status).toBe(422)
    expect(unmasked.body.error.code).toBe('PERSONAL_INFO_UNMASKED')
    const masks = phone.suggestedMasks.map(({ kind, start, end }: { kind: string; start: number; end: number }) => ({ kind, start, end }))
    expect((await post(`/api/staff/opinions/${phone.id}/moderation`, reviewer.auth, { decision: 'APPROVE', masks })).status).toBe(200)
    for (const id of [online.body.id, symposium.id]) {
      expect((await post(`/api/staff/opinions/${id}/moderation`, reviewer.auth, { decision: 'APPROVE', masks: [] })).status).toBe(200)
    }
    for (const id of [online.body.id, phone.id, symposium.id]) {
      const answered = await app.request(`/api/staff/opinions/${id}/answer`, {
        method: 'PUT',
        headers: reviewer.auth,
        json: { adoption: 'ADOPTED', content: '已采纳，将增加临时停车位。', departmentId, repliedOn: shanghaiToday() },
      })
      expect(answered.status).toBe(200)
    }
    await app.db.consultation.update({ where: { id: c.id }, data: { closesAt: new Date(Date.now() - 60_000) } })
    const published = await post(`/api/staff/consultations/${c.id}/feedback`, reviewer.auth, {})
    expect(published.status).toBe(200)

    const feedback = await app.request(`/api/consultations/${c.id}/feedback`)
    expect(feedback.status).toBe(200)
    expect(feedback.body.report).toMatchObject({ collected: 3, valid: 3, adopted: 3 })
    expect(feedback.body.report.channels).toEqual([
      { channel: 'ONLINE', collected: 1, valid: 1 },
      { channel: 'PHONE', collected: 1, valid: 1 },
      { channel: 'SYMPOSIUM', collected: 1, valid: 1 },
    ])
    const publicPhone = feedback.body.opinions.find((o: { id: number }) => o.id === phone.id)
    expect(publicPhone).toMatchObject({ channel: 'PHONE' })
    expect(JSON.stringify(feedback.body)).not.toContain('13912345678')
    expect(JSON.stringify(feedback.body)).not.toContain('刘阿姨')
  })

  it('cannot be entered once the feedback is published', async () => {
    const c = await openConsultation()
    await app.db.consultation.update({ where: { id: c.id }, data: { feedbackPublishedAt: new Date() } })
    const editor = await signInStaff(app, 'EDITOR', undefined, { departments: [departmentId] })
    const res = await post(`/api/staff/consultations/${c.id}/offline-opinions`, editor.auth, phoneOpinion())
    expect(res.status).toBe(409)
    expect(res.body.error).toMatchObject({ code: 'FEEDBACK_ALREADY_PUBLISHED', message: '意见采纳情况已公开，不能再录入意见' })
  })
})
