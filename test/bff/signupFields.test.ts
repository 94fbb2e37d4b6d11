// Signing up asks only what the event's selection mode uses (first come: who you are; review and lottery: also the category), and a new signup form starts with the citizen's known details.
import { signInDemoCitizen, signInStaff } from '../support/identity'
import { startTestApp, type TestApp } from '../support/testApp'

const DAY = 86_400_000
let app: TestApp
let editor: Awaited<ReturnType<typeof signInStaff>>
let reviewer: Awaited<ReturnType<typeof signInStaff>>
let departmentId: number

beforeAll(async () => {
  app = await startTestApp({ settings: { demoLogin: true, sessionTtlHours: 24 * 90 } })
  departmentId = (await app.db.department.create({ data: { name: '文化旅游局' } })).id
  editor = await signInStaff(app, 'EDITOR')
  reviewer = await signInStaff(app, 'REVIEWER')
})
afterAll(() => app.close())

/** A published event of this selection mode whose signup is open now. */
async function openEvent(selectionMode: 'FIRST_COME' | 'REVIEW' | 'LOTTERY') {
  const now = app.now.value.getTime()
  const created = await app.request('/api/staff/events', {
    method: 'POST',
    headers: editor.auth,
    json: {
      kind: selectionMode === 'FIRST_COME' ? 'OPEN_DAY' : 'HEARING',
      title: selectionMode === 'FIRST_COME' ? '博物馆新馆公众开放日' : '停车收费听证会',
      description: '—',
      place: '高新区博物馆新馆',
      departmentId,
      startsAt: new Date(now + 10 * DAY).toISOString(),
      endsAt: new Date(now + 10 * DAY + 3_600_000).toISOString(),
      signupOpensAt: new Date(now - DAY).toISOString(),
      signupClosesAt: new Date(now + 5 * DAY).toISOString(),
      capacity: 10,
      selectionMode,
    },
  })
  if (created.status !== 201) throw new Error(JSON.stringify(created.body))
  expect((await app.request(`/api/staff/events/${created.body.id}/publish`, { method: 'POST', headers: reviewer.auth })).status).toBe(200)
  return created.body.id as number
}

const join = (id: number, who: { auth: Record<string, string> }, body: unknown) =>
  app.request(`/api/events/${id}/registrations`, { method: 'POST', headers: who.auth, json: body })
const stored = (eventId: number) =>
  app.db.registration.findMany({
    where: { eventId },
    select: { category: true, region: true, sector: true, ageBand: true, gender: true, keepInPool: true, accessibilityNeeds: true },
  })

describe('signup fields by selection mode', () => {
  it('takes a first-come signup with name and phone only, recording 公众代表 and nothing for balancing or the 代表库', async () => {
    const id = await openEvent('FIRST_COME')
    const [a, b] = await Promise.all(['开放日甲', '开放日乙'].map((n) => signInDemoCitizen(app, n)))
    const plain = await join(id, a!, { name: '李阿姨', phone: '13912344321', accessibilityNeeds: '需要轮椅通道' })
    expect([plain.status, plain.body.status, plain.body.category]).toEqual([201, 'SELECTED', 'PUBLIC'])
    // Jury-style answers sent anyway are not kept: the mode does not use them.
    const extra = await join(id, b!, {
      name: '王先生',
      phone: '13800138000',
      category: 'MEDIA',
      region: '东区',
      ageBand: '60+',
      gender: '男',
      keepInPool: true,
    })
    expect([extra.status, extra.body.category]).toEqual([201, 'PUBLIC'])
    expect(await stored(id)).toEqual(
      expect.arrayContaining([
        { category: 'PUBLIC', region: null, sector: null, ageBand: null, gender: null, keepInPool: false, accessibilityNeeds: '需要轮椅通道' },
        { category: 'PUBLIC', region: null, sector: null, ageBand: null, gender: null, keepInPool: false, accessibilityNeeds: null },
      ]),
    )
  })

  it('requires the category where people are selected by it (review, lottery), storing nothing without it', async () => {
    for (const mode of ['REVIEW', 'LOTTERY'] as const) {
      const id = await openEvent(mode)
      const person = await signInDemoCitizen(app, `遴选${mode}`)
      const missing = await join(id, person, { name: '赵老师', phone: '13700137000' })
      expect([missing.status, missing.body.error.code, missing.body.error.details.fields]).toEqual([400, 'VALIDATION_FAILED', { category: '请选择报名类别' }])
      expect(await app.db.registration.count({ where: { eventId: id } })).toBe(0)
      const given = await join(id, person, { name: '赵老师', phone: '13700137000', category: 'EXPERT', region: '东区', keepInPool: true })
      expect([given.status, given.body.status, given.body.category]).toEqual([201, 'APPLIED', 'EXPERT'])
      expect(await stored(id)).toEqual([expect.objectContaining({ category: 'EXPERT', region: '东区', keepInPool: true })])
    }
  })

  it('still refuses hostile input with Chinese messages and stable codes', async () => {
    const id = await openEvent('FIRST_COME')
    const person = await signInDemoCitizen(app, '恶意输入')
    const cases: [unknown, string][] = [
      [{ name: '李阿姨', phone: '123' }, 'phone'],
      [{ name: '', phone: '13912344321' }, 'name'],
      [{ name: '李阿姨', phone: '13912344321', category: 'ROOT' }, 'category'],
      [{ name: '李阿姨', phone: '13912344321', region: 'x'.repeat(21) }, 'region'],
      [{ name: '李阿姨', phone: '13912344321', isAdmin: true }, ''],
      [{ name: { $ne: 1 }, phone: '13912344321' }, 'name'],
    ]
    for (const [body, field] of cases) {
      const res = await join(id, person, body)
      expect([res.status, res.body.error.code]).toEqual([400, 'VALIDATION_FAILED'])
      expect(res.body.error.message).toMatch(/[\u4e00-\u9fa5]/)
      if (field) expect(res.body.error.details.fields[field]).toMatch(/[\u4e00-\u9fa5]/)
    }
    expect(await app.db.registration.count({ where: { eventId: id } })).toBe(0)
  })
})

describe('signup defaults', () => {
  it('offer the phone bound to the profile first, then the details of the latest signup (not of a de-identified one)', async () => {
    const person = await signInDemoCitizen(app, '预填')
    const defaults = () => app.request('/api/me/signup-defaults', { headers: person.auth })
    const none = await defaults()
    expect([none.status, none.body]).toEqual([
      200,
      { name: null, phone: null, region: null, sector: null, ageBand: null, gender: null, accessibilityNeeds: null },
    ])
    await app.db.citizen.update({ where: { id: person.citizenId }, data: { phone: '13600136000' } })
    expect((await defaults()).body).toMatchObject({ name: null, phone: '13600136000' })

    const review = await openEvent('REVIEW')
    expect(
      (await join(review, person, { name: '周阿姨', phone: '13912344321', category: 'PUBLIC', region: '西区', ageBand: '60+', gender: '女' })).status,
    ).toBe(201)
    expect((await defaults()).body).toEqual({
      name: '周阿姨',
      phone: '13912344321',
      region: '西区',
      sector: null,
      ageBand: '60+',
      gender: '女',
      accessibilityNeeds: null,
    })

    await app.db.registration.updateMany({
      where: { citizenId: person.citizenId },
      data: { name: '（已删除）', phone: '', region: null, ageBand: null, gender: null },
    })
    expect((await defaults()).body).toMatchObject({ name: null, phone: '13600136000', region: null })
    expect((await app.request('/api/me/signup-defaults')).status).toBe(401)
  })
})
