import { contract, type Endpoint } from '@gm/shared'
import { signInDemoCitizen, signInStaff } from '../support/identity'
import { startTestApp, type TestApp } from '../support/testApp'

/**
 * Publication is masked by the server: one opinion with a name, a mobile number, an ID number and an
 * address walks from submission through review, answer and published feedback (and the same text
 * through an event opinion and a promoted policy question); then every public endpoint of the
 * contract is fetched anonymously and none of the raw strings appears. With an override the raw text
 * is published, and the reason is in the audit log for admins.
 */
const DAY = 86_400_000
const start = new Date('2026-12-01T01:00:00Z')

const RAW = {
  name: '张先生',
  mobile: '13812345678',
  id: '110105194912310021', // wrong check digit: still an ID number
  address: '幸福小区 3 栋 2 单元 501 室',
  manual: '开超市的老李', // not detected: staff mask it by hand
}
const TEXT = `我是${RAW.name}，手机${RAW.mobile}，身份证号${RAW.id}，家住${RAW.address}。隔壁${RAW.manual}天天占道经营，建议加强垃圾分类上门指导。`

let app: TestApp
let editor: Awaited<ReturnType<typeof signInStaff>>
let reviewer: Awaited<ReturnType<typeof signInStaff>>
let admin: Awaited<ReturnType<typeof signInStaff>>
let citizen: Awaited<ReturnType<typeof signInDemoCitizen>>
let departmentId: number

const as = (who: { auth: Record<string, string> }, path: string, json?: unknown, method = 'POST') =>
  app.request(path, { method, headers: who.auth, ...(json !== undefined ? { json } : {}) })

beforeAll(async () => {
  app = await startTestApp({ now: start, settings: { demoLogin: true, sessionTtlHours: 24 * 90 } })
  editor = await signInStaff(app, 'EDITOR')
  departmentId = editor.staff.departmentId
  reviewer = await signInStaff(app, 'REVIEWER')
  admin = await signInStaff(app, 'ADMIN')
  citizen = await signInDemoCitizen(app, '市民甲')
})
afterAll(() => app.close())

async function openConsultation(title: string) {
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
  const published = await as(reviewer, `/api/staff/consultations/${created.body.id}/publish`)
  if (published.status !== 200) throw new Error(JSON.stringify(published.body))
  return created.body.id as number
}

async function submit(consultationId: number, key: string) {
  const response = await as(citizen, `/api/consultations/${consultationId}/opinions`, { text: TEXT, consent: 'PUBLISH_MASKED', idempotencyKey: key })
  if (response.status !== 201) throw new Error(JSON.stringify(response.body))
  return response.body.id as number
}

async function staffOpinion(consultationId: number, id: number) {
  const list = await as(reviewer, `/api/staff/consultations/${consultationId}/opinions?pageSize=50`, undefined, 'GET')
  return list.body.items.find((o: { id: number }) => o.id === id) as {
    rawText: string
    suggestedMasks: { kind: string; start: number; end: number; text: string }[]
  }
}

const answer = (extra: Record<string, unknown> = {}) => ({
  adoption: 'ADOPTED',
  content: '已采纳，将增加上门指导频次。',
  departmentId,
  repliedOn: '2026-12-05',
  ...extra,
})

/** Fetch every public GET endpoint of the contract (file downloads included, should an open export be public) as an anonymous visitor; the bodies as one text. */
async function everyPublicResponse(ids: Record<string, number>) {
  const texts: string[] = []
  const visited: string[] = []
  for (const [name, endpoint] of Object.entries(contract) as [string, Endpoint][]) {
    if (endpoint.access !== 'public' || endpoint.method !== 'GET') continue
    const path = endpoint.path.replace(/:(\w+)/g, () => String(ids[endpoint.path.split('/')[2]!] ?? 1))
    // Unfiltered (largest page) and, where the endpoint searches, once for each raw string.
    const unfiltered = [{ pageSize: '50' }, {}].filter((q) => endpoint.query?.safeParse(q).success ?? Object.keys(q).length === 0).slice(0, 1)
    const searches = endpoint.query?.safeParse({ q: 'x' }).success ? Object.values(RAW).map((q) => ({ q })) : []
    for (const query of [...unfiltered, ...searches] as Record<string, string>[]) {
      const url = `${path}${Object.keys(query).length ? `?${new URLSearchParams(query as Record<string, string>)}` : ''}`
      const response = await app.request(url)
      expect([name, response.status < 500]).toEqual([name, true])
      visited.push(`${name} ${url} ${response.status}`)
      texts.push(typeof response.body === 'string' ? response.body : JSON.stringify(response.body))
    }
  }
  return { text: texts.join('\n'), visited }
}

describe('the public privacy walk', () => {
  let consultationId: number
  let opinionId: number
  let eventId: number
  let qaItemId: number

  it('refuses to approve flagged text with masks: [] and reports the spans by kind', async () => {
    consultationId = await openConsultation('高新区生活垃圾分类管理办法（征求意见稿）')
    app.now.value = new Date(start.getTime() + 2 * DAY)
    opinionId = await submit(consultationId, 'walk-000001')
    const refused = await as(reviewer, `/api/staff/opinions/${opinionId}/moderation`, { decision: 'APPROVE', masks: [] })
    expect([refused.status, refused.body.error.code]).toEqual([422, 'PERSONAL_INFO_UNMASKED'])
    expect(refused.body.error.message).toMatch(/个人信息/)
    expect(refused.body.error.details.spans.map((s: { kind: string; text: string }) => [s.kind, s.text])).toEqual([
      ['NAME', RAW.name],
      ['PHONE', RAW.mobile],
      ['ID_NUMBER', RAW.id],
      ['ADDRESS', RAW.address],
    ])
    expect((await app.db.opinion.findUniqueOrThrow({ where: { id: opinionId } })).moderation).toBe('PENDING')
  })

  it('refuses masks that leave part of a span visible, and hostile or malformed ranges with a Chinese message', async () => {
    const { suggestedMasks, rawText } = await staffOpinion(consultationId, opinionId)
    const partial = suggestedMasks.map(({ start, end, kind }) => (kind === 'PHONE' ? { start, end: end - 4, kind } : { start, end, kind }))
    expect((await as(reviewer, `/api/staff/opinions/${opinionId}/moderation`, { decision: 'APPROVE', masks: partial })).body.error.details.spans).toEqual([
      expect.objectContaining({ kind: 'PHONE', field: 'text' }),
    ])
    for (const masks of [
      [{ start: -1, end: 3 }],
      [{ start: 0, end: 1e12 }],
      [{ start: 5, end: 2 }],
      [{ start: 0, end: rawText.length + 5 }],
      [{ start: '0', end: 3 }],
      [{ start: 0.5, end: 3 }],
      [
        { start: 0, end: 4 },
        { start: 2, end: 6 },
      ],
      Array.from({ length: 201 }, (_, i) => ({ start: i, end: i + 1 })),
    ]) {
      const bad = await as(reviewer, `/api/staff/opinions/${opinionId}/moderation`, { decision: 'APPROVE', masks })
      expect([bad.status, bad.body.error.code]).toEqual([400, 'VALIDATION_FAILED'])
      expect(JSON.stringify(bad.body.error.details.fields)).toMatch(/[\u4e00-\u9fff]/)
    }
  })

  it('refuses a dismissal without a reason or outside the text', async () => {
    const { suggestedMasks } = await staffOpinion(consultationId, opinionId)
    const name = suggestedMasks.find((m) => m.kind === 'NAME')!
    for (const dismissal of [
      { start: name.start, end: name.end },
      { start: name.start, end: name.end, reason: ' ' },
      { start: 0, end: 99_999, reason: '超出原文的范围' },
      { start: name.end, end: name.start, reason: '起止颠倒的范围' },
    ]) {
      const masks = suggestedMasks.filter((m) => m !== name).map(({ start, end, kind }) => ({ start, end, kind }))
      const refused = await as(reviewer, `/api/staff/opinions/${opinionId}/moderation`, { decision: 'APPROVE', masks, dismissals: [dismissal] })
      expect([refused.status, refused.body.error.code]).toEqual([400, 'VALIDATION_FAILED'])
      expect(Object.keys(refused.body.error.details.fields)[0]).toMatch(/^dismissals/)
    }
  })

  it('approves with the suggested masks plus a manual mask of what detection missed', async () => {
    const { suggestedMasks, rawText } = await staffOpinion(consultationId, opinionId)
    const manual = { start: rawText.indexOf(RAW.manual), end: rawText.indexOf(RAW.manual) + RAW.manual.length }
    const approved = await as(reviewer, `/api/staff/opinions/${opinionId}/moderation`, {
      decision: 'APPROVE',
      masks: [...suggestedMasks.map(({ start, end, kind }) => ({ start, end, kind })), manual],
    })
    expect(approved.status).toBe(200)
    expect(approved.body.publishedText).toBe(
      '我是张**，手机138****5678，身份证号110105********0021，家住【已隐去：详细地址】。隔壁【已隐去】天天占道经营，建议加强垃圾分类上门指导。',
    )
  })

  it('guards the answer content too: a phone number is refused, a public hotline is dismissed with a reason (audited)', async () => {
    const leaking = await as(reviewer, `/api/staff/opinions/${opinionId}/answer`, answer({ content: `已联系${RAW.name}（${RAW.mobile}）核实。` }), 'PUT')
    expect([leaking.status, leaking.body.error.code]).toEqual([422, 'PERSONAL_INFO_UNMASKED'])
    expect(leaking.body.error.details.spans.map((s: { field: string; kind: string }) => [s.field, s.kind])).toEqual([
      ['content', 'NAME'],
      ['content', 'PHONE'],
    ])
    const content = '已采纳，将增加上门指导频次。咨询电话 0571-88776655。'
    const hotline = { start: content.indexOf('0571'), end: content.indexOf('0571') + 13 }
    expect((await as(reviewer, `/api/staff/opinions/${opinionId}/answer`, answer({ content, dismissals: [hotline] }), 'PUT')).status).toBe(400)
    const answered = await as(
      reviewer,
      `/api/staff/opinions/${opinionId}/answer`,
      answer({ content, dismissals: [{ ...hotline, reason: '城管局对外公开的服务电话，不是个人信息' }] }),
      'PUT',
    )
    expect(answered.status).toBe(200)
    const audit = await as(admin, '/api/admin/audit?entity=opinion&pageSize=50', undefined, 'GET')
    expect(audit.body.items).toContainEqual(
      expect.objectContaining({
        action: 'dismissPersonalInfo',
        entityId: String(opinionId),
        after: expect.objectContaining({
          publishing: 'answerOpinion',
          dismissals: [expect.objectContaining({ field: 'content', kinds: ['LANDLINE'], reason: '城管局对外公开的服务电话，不是个人信息' })],
        }),
      }),
    )
  })

  it('guards the event (参加人员) opinions and the promoted policy question the same way', async () => {
    const event = await as(editor, '/api/staff/events', {
      kind: 'MEETING_ATTENDANCE',
      title: '列席主任办公会（审议垃圾分类办法）',
      description: '市民列席',
      place: '政务服务中心',
      departmentId,
      startsAt: new Date(start.getTime() + 5 * DAY).toISOString(),
      endsAt: new Date(start.getTime() + 5 * DAY + 3_600_000).toISOString(),
      signupOpensAt: new Date(start.getTime()).toISOString(),
      signupClosesAt: new Date(start.getTime() + 4 * DAY).toISOString(),
      capacity: 5,
      selectionMode: 'FIRST_COME',
    })
    expect(event.status).toBe(201)
    eventId = event.body.id
    expect((await as(reviewer, `/api/staff/events/${eventId}/publish`)).status).toBe(200)
    const refused = await as(reviewer, `/api/staff/events/${eventId}/opinions`, { text: TEXT })
    expect([refused.status, refused.body.error.code]).toEqual([422, 'PERSONAL_INFO_UNMASKED'])
    expect(await app.db.eventOpinion.count({ where: { eventId } })).toBe(0)
    const { suggestedMasks } = await staffOpinion(consultationId, opinionId) // same text, same offsets
    const manual = { start: TEXT.indexOf(RAW.manual), end: TEXT.indexOf(RAW.manual) + RAW.manual.length }
    const recorded = await as(reviewer, `/api/staff/events/${eventId}/opinions`, {
      text: TEXT,
      masks: [...suggestedMasks.map(({ start, end, kind }) => ({ start, end, kind })), manual],
    })
    expect(recorded.status).toBe(201)
    expect(
      (await as(reviewer, `/api/staff/event-opinions/${recorded.body.id}/answer`, answer({ content: `请${RAW.name}拨打${RAW.mobile}` }), 'PUT')).body.error
        .code,
    ).toBe('PERSONAL_INFO_UNMASKED')
    expect((await as(reviewer, `/api/staff/event-opinions/${recorded.body.id}/answer`, answer(), 'PUT')).status).toBe(200)
    app.now.value = new Date(start.getTime() + 6 * DAY)
    const leakingSummary = await as(
      reviewer,
      `/api/staff/events/${eventId}/outcome`,
      { summary: `会议审议通过了垃圾分类管理办法，${RAW.name}的意见已采纳。` },
      'PUT',
    )
    expect([leakingSummary.status, leakingSummary.body.error.code, leakingSummary.body.error.details.spans[0].field]).toEqual([
      422,
      'PERSONAL_INFO_UNMASKED',
      'summary',
    ])
    expect((await as(reviewer, `/api/staff/events/${eventId}/outcome`, { summary: '会议审议通过了垃圾分类管理办法。' }, 'PUT')).status).toBe(200)

    const asked = await as(citizen, '/api/policy-questions', { text: TEXT.slice(0, 290), idempotencyKey: 'walk-question-1' })
    expect(asked.status).toBe(201)
    expect(
      (await as(reviewer, `/api/staff/policy-questions/${asked.body.id}/answer`, { decision: 'ANSWER', answer: '可向街道申请上门指导服务。', departmentId }))
        .status,
    ).toBe(200)
    const promoteRefused = await as(reviewer, `/api/staff/policy-questions/${asked.body.id}/promote`, {
      question: `${RAW.name}问：住${RAW.address}如何申请上门指导？`,
      topic: '医疗',
    })
    expect([promoteRefused.status, promoteRefused.body.error.code]).toEqual([422, 'PERSONAL_INFO_UNMASKED'])
    expect(promoteRefused.body.error.details.spans.map((s: { field: string; kind: string }) => [s.field, s.kind])).toEqual([
      ['question', 'NAME'],
      ['question', 'ADDRESS'],
    ])
    const promoted = await as(reviewer, `/api/staff/policy-questions/${asked.body.id}/promote`, { question: '居民如何申请垃圾分类上门指导？', topic: '医疗' })
    expect([promoted.status, promoted.body.error]).toEqual([201, undefined])
    qaItemId = promoted.body.id
  })

  it('guards the published title of a concentrated opinion', async () => {
    const refused = await as(reviewer, `/api/staff/consultations/${consultationId}/groups`, { title: `${RAW.address}住户的意见`, opinionIds: [opinionId] })
    expect([refused.status, refused.body.error.code, refused.body.error.details.spans[0]]).toEqual([
      422,
      'PERSONAL_INFO_UNMASKED',
      expect.objectContaining({ field: 'title', kind: 'ADDRESS' }),
    ])
    expect(await app.db.opinionGroup.count({ where: { consultationId } })).toBe(0)
  })

  it('publishes the feedback, and no public endpoint shows any of the raw strings', async () => {
    app.now.value = new Date(start.getTime() + 32 * DAY)
    const published = await as(reviewer, `/api/staff/consultations/${consultationId}/feedback`)
    expect(published.status).toBe(200)
    const { text, visited } = await everyPublicResponse({ consultations: consultationId, events: eventId, qa: qaItemId })
    if (process.env.GM_PRINT_VISITED) console.log(visited.join('\n'))
    expect(visited.length).toBeGreaterThanOrEqual(15)
    expect(visited.some((v) => v.startsWith('getFeedback') || v.includes('/feedback 200'))).toBe(true)
    expect(text).toContain('【已隐去：详细地址】') // the walk did publish the masked text
    for (const raw of Object.values(RAW)) expect([raw, text.includes(raw)]).toEqual([raw, false])
    expect(text).not.toContain('501 室')
  })
})

describe('the same walk with an override', () => {
  it('publishes the raw text only with a reason, which admins see in the audit log', async () => {
    app.now.value = start
    const consultationId = await openConsultation('高新区餐厨垃圾收运办法（征求意见稿）')
    app.now.value = new Date(start.getTime() + 2 * DAY)
    const opinionId = await submit(consultationId, 'walk-000002')
    for (const override of ['', '   ', 'abc override', '同意']) {
      const refused = await as(reviewer, `/api/staff/opinions/${opinionId}/moderation`, { decision: 'APPROVE', masks: [], override })
      expect([override, refused.status, refused.body.error.code]).toEqual([override, 400, 'VALIDATION_FAILED'])
    }
    const reason = '作者书面申请署名并公开联系方式，经分管领导同意'
    const approved = await as(reviewer, `/api/staff/opinions/${opinionId}/moderation`, { decision: 'APPROVE', masks: [], override: reason })
    expect(approved.status).toBe(200)
    expect(approved.body.publishedText).toBe(TEXT)
    expect((await as(reviewer, `/api/staff/opinions/${opinionId}/answer`, answer(), 'PUT')).status).toBe(200)

    const audit = await as(admin, '/api/admin/audit?entity=opinion&pageSize=50', undefined, 'GET')
    const entry = audit.body.items.find((a: { action: string; entityId: string }) => a.action === 'overridePersonalInfo' && a.entityId === String(opinionId))
    expect(entry).toMatchObject({
      staff: { id: reviewer.staff.id },
      at: expect.any(String),
      after: { publishing: 'moderateOpinion', reason, kinds: ['NAME', 'PHONE', 'ID_NUMBER', 'ADDRESS'] },
    })
    expect(JSON.stringify(entry)).not.toContain(RAW.mobile) // kinds and positions, never the content
    expect((await as(reviewer, '/api/admin/audit', undefined, 'GET')).status).toBe(403)

    app.now.value = new Date(start.getTime() + 32 * DAY)
    expect((await as(reviewer, `/api/staff/consultations/${consultationId}/feedback`)).status).toBe(200)
    const feedback = JSON.stringify((await app.request(`/api/consultations/${consultationId}/feedback`)).body)
    for (const raw of [RAW.name, RAW.mobile, RAW.id, RAW.address]) expect(feedback).toContain(raw)
  })
})
