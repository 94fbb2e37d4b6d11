import { drawLottery, type LotteryQuota, verifyDraw } from '@gm/shared'
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { setDrawSecret } from '../../bff/src/repositories/event'
import { commitDrawSecret } from '../../bff/src/services/lottery'
import { signInDemoCitizen, signInStaff } from '../support/identity'
import { startTestApp, type TestApp } from '../support/testApp'

const DAY = 86_400_000
const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex')
let app: TestApp
let editor: Awaited<ReturnType<typeof signInStaff>>
let reviewer: Awaited<ReturnType<typeof signInStaff>>
let departmentId: number
let start: number

beforeAll(async () => {
  app = await startTestApp({ settings: { demoLogin: true, sessionTtlHours: 24 * 90 } })
  start = app.now.value.getTime()
  departmentId = (await app.db.department.create({ data: { name: '管委会办公室' } })).id
  editor = await signInStaff(app, 'EDITOR')
  reviewer = await signInStaff(app, 'REVIEWER')
})
afterEach(() => {
  app.now.value = new Date(start)
})
afterAll(() => app.close())

const quotas: LotteryQuota[] = [
  { field: 'category', value: 'STAKEHOLDER', seats: 2 },
  { field: 'sector', value: '制造业', seats: 1 },
  { field: 'ageBand', value: '60+', seats: 1 },
]

/** A published lottery event whose signup is open now, with `quotas` fixed on it at creation. */
async function lotteryEvent(overrides: Record<string, unknown> = {}) {
  const now = app.now.value.getTime()
  const created = await app.request('/api/staff/events', {
    method: 'POST',
    headers: editor.auth,
    json: {
      kind: 'MEETING_ATTENDANCE',
      title: '公众代表列席主任办公会',
      description: '审议老旧小区改造方案',
      place: '管委会 3 楼第一会议室',
      departmentId,
      startsAt: new Date(now + 10 * DAY).toISOString(),
      endsAt: new Date(now + 10 * DAY + 3_600_000).toISOString(),
      signupOpensAt: new Date(now - DAY).toISOString(),
      signupClosesAt: new Date(now + 5 * DAY).toISOString(),
      capacity: 5,
      reservedSeats: 1,
      selectionMode: 'LOTTERY',
      drawQuotas: overrides.selectionMode && overrides.selectionMode !== 'LOTTERY' ? [] : quotas,
      ...overrides,
    },
  })
  if (created.status !== 201) throw new Error(JSON.stringify(created.body))
  expect((await app.request(`/api/staff/events/${created.body.id}/publish`, { method: 'POST', headers: reviewer.auth })).status).toBe(200)
  return created.body as { id: number; drawCommitment: string | null; drawQuotas: LotteryQuota[] }
}

const categories = ['STAKEHOLDER', 'STAKEHOLDER', 'PUBLIC', 'PUBLIC', 'PUBLIC', 'EXPERT', 'PUBLIC', 'STAKEHOLDER', 'PUBLIC', 'MEDIA']

/** Ten citizens sign up with the attributes quotas use; returns their sessions and registrations. */
async function signUpTen(eventId: number, tag: string) {
  const people = []
  for (const [i, category] of categories.entries()) {
    const who = await signInDemoCitizen(app, `${tag}${i}`)
    const joined = await app.request(`/api/events/${eventId}/registrations`, {
      method: 'POST',
      headers: who.auth,
      json: {
        name: `${tag}报名人${i}`,
        phone: '13912345678',
        category,
        region: i % 3 ? '东区' : '西区',
        sector: i % 4 ? '服务业' : '制造业',
        ageBand: i % 2 ? '60+' : '18-35',
        gender: i % 2 ? '男' : '女',
      },
    })
    expect(joined.status).toBe(201)
    people.push({ who, registration: joined.body as { id: number; publicCode: string; status: string } })
  }
  return people
}

const preview = (id: number, who = reviewer) => app.request(`/api/staff/events/${id}/draw-preview`, { headers: who.auth })
const draw = (id: number, body: unknown, who = reviewer) => app.request(`/api/staff/events/${id}/draw`, { method: 'POST', headers: who.auth, json: body })
const redraw = (id: number, body: unknown) => app.request(`/api/staff/events/${id}/redraw`, { method: 'POST', headers: reviewer.auth, json: body })
describe('commitment', () => {
  it('is public on the event page from the start of signups while the secret stays hidden until the draw', async () => {
    const event = await lotteryEvent()
    expect(event.drawCommitment).toMatch(/^[0-9a-f]{64}$/)
    const stored = await app.db.event.findUniqueOrThrow({ where: { id: event.id }, select: { drawSecret: true, drawCommitment: true } })
    expect(sha256(stored.drawSecret!)).toBe(stored.drawCommitment)
    const page = await app.request(`/api/events/${event.id}`)
    expect(page.body.drawCommitment).toBe(event.drawCommitment)
    for (const path of [`/api/events/${event.id}`, '/api/events', `/api/staff/events/${event.id}`, `/api/staff/events/${event.id}/draw-preview`]) {
      expect(JSON.stringify((await app.request(path, { headers: reviewer.auth })).body)).not.toContain(stored.drawSecret)
    }
    expect((await app.request(`/api/events/${event.id}/draw`)).status).toBe(404)
    // First-come events have no lottery and no commitment.
    const firstCome = await lotteryEvent({ selectionMode: 'FIRST_COME' })
    expect(firstCome.drawCommitment).toBeNull()
  })

  it('refuses changing the secret after the commitment: in the use case, in the repository and in the database', async () => {
    const event = await lotteryEvent()
    const before = await app.db.event.findUniqueOrThrow({ where: { id: event.id }, select: { drawSecret: true, drawCommitment: true } })
    await expect(app.db.$transaction((tx) => commitDrawSecret(tx, event.id))).rejects.toMatchObject({ code: 'DRAW_SECRET_LOCKED', status: 409 })
    const forged = 'f'.repeat(64)
    await expect(setDrawSecret(app.db, event.id, forged, sha256(forged))).rejects.toMatchObject({ code: 'DRAW_SECRET_LOCKED' })
    await expect(
      app.db.$executeRawUnsafe(`UPDATE event SET draw_secret = $1, draw_commitment = $2 WHERE id = $3`, forged, sha256(forged), event.id),
    ).rejects.toThrow(/DRAW_SECRET_LOCKED/)
    await expect(app.db.$executeRawUnsafe(`UPDATE event SET draw_secret = NULL, draw_commitment = NULL WHERE id = $1`, event.id)).rejects.toThrow(
      /DRAW_SECRET_LOCKED/,
    )
    // A commitment that is not the secret's hash is refused too.
    const other = await lotteryEvent({ selectionMode: 'REVIEW' })
    await expect(
      app.db.$executeRawUnsafe(`UPDATE event SET draw_secret = $1, draw_commitment = $2 WHERE id = $3`, forged, 'a'.repeat(64), other.id),
    ).rejects.toThrow(/event_draw_commitment_matches/)
    expect(await app.db.event.findUniqueOrThrow({ where: { id: event.id }, select: { drawSecret: true, drawCommitment: true } })).toEqual(before)
  })
})

describe('quotas', () => {
  const putQuotas = (id: number, body: unknown, who = editor) => app.request(`/api/staff/events/${id}/quotas`, { method: 'PUT', headers: who.auth, json: body })
  const upcoming = () => lotteryEvent({ signupOpensAt: new Date(app.now.value.getTime() + DAY).toISOString() })

  it('are set on the event, public on its page before signups open, and changeable only until then', async () => {
    const event = await upcoming()
    expect(event.drawQuotas).toEqual(quotas)
    expect((await app.request(`/api/events/${event.id}`)).body).toMatchObject({ signupStatus: 'upcoming', drawQuotas: quotas })

    const changed: LotteryQuota[] = [
      { field: 'region', value: '东区', seats: 2 },
      { field: 'gender', value: '女', seats: 1 },
    ]
    const saved = await putQuotas(event.id, { quotas: changed })
    expect(saved.status).toBe(200)
    expect(saved.body.drawQuotas).toEqual(changed)
    expect((await app.request(`/api/events/${event.id}`)).body.drawQuotas).toEqual(changed)
    const audit = await app.db.auditLog.findMany({ where: { entity: 'event', entityId: String(event.id), action: 'setEventQuotas' } })
    expect(audit.map((a) => [a.before, a.after])).toEqual([[{ quotas }, { quotas: changed }]])

    // Bad rows are refused field by field, before anything is stored.
    const tooMany = await putQuotas(event.id, { quotas: [{ field: 'region', value: '东区', seats: 5 }] })
    expect([tooMany.status, tooMany.body.error.code, tooMany.body.error.details.fields]).toEqual([
      400,
      'VALIDATION_FAILED',
      { 'quotas.0.seats': '名额不能超过可抽名额 4 个（总席位减预留席位）' },
    ])
    const typo = await putQuotas(event.id, { quotas: [{ field: 'ageBand', value: '老年', seats: 1 }] })
    expect(typo.body.error.details.fields).toEqual({ 'quotas.0.value': '年龄段只能是：18-35、36-59、60+' })

    // Signups open: the quotas are public with the commitment and locked.
    app.now.value = new Date(start + 2 * DAY)
    const locked = await putQuotas(event.id, { quotas: [] })
    expect([locked.status, locked.body.error.code, locked.body.error.message]).toEqual([
      409,
      'DRAW_QUOTAS_LOCKED',
      '报名已开始或已有人报名，抽签配额和席位已公开，不能更改',
    ])
    expect((await app.request(`/api/events/${event.id}`)).body.drawQuotas).toEqual(changed)
  })

  it('are locked once anyone signed up, in the use case and in the database', async () => {
    const event = await upcoming()
    await app.db.registration.create({
      data: {
        eventId: event.id,
        name: '提前登记人',
        phone: '13900001111',
        category: 'PUBLIC',
        status: 'APPLIED',
        checkInCode: `QLOCK${event.id}`,
        publicCode: `RQ${event.id}`,
      },
    })
    const refused = await putQuotas(event.id, { quotas: [] })
    expect([refused.status, refused.body.error.code]).toEqual([409, 'DRAW_QUOTAS_LOCKED'])
    // The trigger refuses the same change — quotas and the seats they share — made behind the use case.
    for (const [column, value] of [
      ['draw_quotas', '[]'],
      ['capacity', 50],
      ['reserved_seats', 0],
    ] as const) {
      const sql = column === 'draw_quotas' ? `UPDATE event SET draw_quotas = $1::jsonb WHERE id = $2` : `UPDATE event SET ${column} = $1 WHERE id = $2`
      await expect(app.db.$executeRawUnsafe(sql, value, event.id)).rejects.toThrow(/DRAW_QUOTAS_LOCKED/)
    }
    const open = await lotteryEvent()
    await expect(app.db.$executeRawUnsafe(`UPDATE event SET draw_quotas = '[]'::jsonb WHERE id = $1`, open.id)).rejects.toThrow(/DRAW_QUOTAS_LOCKED/)
    expect((await app.db.event.findUniqueOrThrow({ where: { id: open.id }, select: { drawQuotas: true } })).drawQuotas).toEqual(quotas)
  })

  it("belong to lottery events only, and staff of the event's department", async () => {
    const review = await lotteryEvent({ selectionMode: 'REVIEW', signupOpensAt: new Date(app.now.value.getTime() + DAY).toISOString() })
    expect((await putQuotas(review.id, { quotas: [] })).body.error.code).toBe('WRONG_SELECTION_MODE')
    const mixed = await app.request('/api/staff/events', {
      method: 'POST',
      headers: editor.auth,
      json: {
        kind: 'OPEN_DAY',
        title: '先报先得开放日',
        description: '参观',
        place: '展厅',
        departmentId,
        startsAt: new Date(start + 10 * DAY).toISOString(),
        endsAt: new Date(start + 11 * DAY).toISOString(),
        signupOpensAt: new Date(start + DAY).toISOString(),
        signupClosesAt: new Date(start + 5 * DAY).toISOString(),
        capacity: 5,
        selectionMode: 'FIRST_COME',
        drawQuotas: quotas,
      },
    })
    expect([mixed.status, mixed.body.error.details.fields.drawQuotas]).toEqual([400, '只有公开抽签的活动可以设置分层配额'])
    const otherDepartment = await app.db.department.create({ data: { name: '建设局（配额）' } })
    const foreign = await app.db.event.create({
      data: {
        kind: 'MEETING_ATTENDANCE',
        title: '他部门列席（配额）',
        description: '—',
        place: '—',
        departmentId: otherDepartment.id,
        startsAt: new Date(start + 10 * DAY),
        endsAt: new Date(start + 11 * DAY),
        signupOpensAt: new Date(start + DAY),
        signupClosesAt: new Date(start + 2 * DAY),
        capacity: 3,
        selectionMode: 'LOTTERY',
      },
    })
    const outside = await putQuotas(foreign.id, { quotas: [] })
    expect([outside.status, outside.body.error.code]).toEqual([403, 'FORBIDDEN_DEPARTMENT'])
  })

  it('cannot be chosen at the draw: a body carrying quotas is refused, and the stored ones are used', async () => {
    const event = await lotteryEvent()
    await signUpTen(event.id, '配额')
    app.now.value = new Date(start + 6 * DAY)
    const { listHash } = (await preview(event.id)).body
    for (const body of [
      { listHash, quotas: [{ field: 'gender', value: '女', seats: 4 }] },
      { listHash, quotas: [] },
    ]) {
      const refused = await draw(event.id, body)
      expect([refused.status, refused.body.error.code, refused.body.error.details.fields]).toEqual([
        400,
        'VALIDATION_FAILED',
        { quotas: '抽签只使用活动在报名开始前公布的配额，不能在抽签时指定配额' },
      ])
    }
    expect(await app.db.eventDraw.count({ where: { eventId: event.id } })).toBe(0)
    const drawn = (await draw(event.id, { listHash })).body
    expect(drawn.quotas).toEqual(quotas)
    const { drawSecret } = await app.db.event.findUniqueOrThrow({ where: { id: event.id }, select: { drawSecret: true } })
    expect(drawn.selected).toEqual(drawLottery({ secret: drawSecret!, candidates: drawn.candidates, quotas, seats: drawn.seats }).selected)
  })
})

describe('the draw', () => {
  it('runs only after staff confirm the preview; the published inputs recompute the same selection', async () => {
    const event = await lotteryEvent()
    const people = await signUpTen(event.id, '抽签')
    // 我的报名 shows each person their public candidate code.
    const mine = (await app.request('/api/me/registrations', { headers: people[3]!.who.auth })).body
    expect(mine[0].publicCode).toBe(people[3]!.registration.publicCode)

    const open = (await preview(event.id)).body
    expect(open).toMatchObject({ signupClosed: false, drawn: false, candidateCount: 10, seats: 4, commitment: event.drawCommitment })
    expect(open.counts.sector).toEqual({ 制造业: 3, 服务业: 7 })
    expect(open.quotas).toEqual(quotas) // the event's, shown in the confirmation
    expect((await draw(event.id, { listHash: open.listHash })).body.error.code).toBe('SIGNUP_STILL_OPEN')

    app.now.value = new Date(start + 6 * DAY)
    // Staff no longer type a seed.
    const typed = await draw(event.id, { seed: '2026-12-01-福彩3D-517', listHash: open.listHash, witnesses: ['公证员 李某'] })
    expect([typed.status, typed.body.error.code]).toEqual([400, 'VALIDATION_FAILED'])
    expect((await draw(event.id, {})).body.error.code).toBe('VALIDATION_FAILED') // no confirmation
    expect((await draw(event.id, { listHash: 'b'.repeat(64) })).body.error.code).toBe('DRAW_LIST_CHANGED')

    const confirmed = (await preview(event.id)).body
    expect(confirmed.listHash).toBe(open.listHash)
    const drawn = await draw(event.id, { listHash: confirmed.listHash, witnesses: ['公证员 李某', '居民代表 王某'] })
    expect(drawn.status).toBe(200)
    const record = drawn.body
    expect(record).toMatchObject({
      round: 1,
      reason: null,
      seats: 4,
      commitment: event.drawCommitment,
      listHash: confirmed.listHash,
      quotas,
      announcedQuotas: quotas,
      previousRounds: [],
    })
    expect(record.selected).toHaveLength(4)
    expect(record.candidates.map((c: { code: string }) => c.code)).toEqual(people.map((p) => p.registration.publicCode)) // signup order
    expect(JSON.stringify(record)).not.toMatch(/报名人|13912345678/)

    // Anyone: the commitment published before the draw is SHA-256 of the revealed secret, and the
    // published inputs give the published result — with node's own SHA-256 as well as the shared rule.
    const published = (await app.request(`/api/events/${event.id}/draw`)).body
    expect(published).toEqual(record)
    expect(sha256(published.secret)).toBe(event.drawCommitment)
    expect(sha256(JSON.stringify(published.candidates))).toBe(published.listHash)
    expect(sha256(published.secret + published.listHash)).toBe(published.seed)
    expect(verifyDraw(published).ok).toBe(true)
    expect(drawLottery({ secret: published.secret, candidates: published.candidates, quotas: published.quotas, seats: published.seats }).selected).toEqual(
      published.selected,
    )
    const stakeholders = published.candidates.filter((c: { category: string }) => c.category === 'STAKEHOLDER').map((c: { code: string }) => c.code)
    expect(published.selected.filter((code: string) => stakeholders.includes(code)).length).toBeGreaterThanOrEqual(2)

    const statuses = await app.db.registration.groupBy({ by: ['status'], where: { eventId: event.id }, _count: { _all: true } })
    expect(Object.fromEntries(statuses.map((s) => [s.status, s._count._all]))).toEqual({ SELECTED: 4, NOT_SELECTED: 6 })
    expect((await draw(event.id, { listHash: confirmed.listHash })).body.error.code).toBe('DRAW_ALREADY_DONE')
    expect((await app.request(`/api/events/${event.id}`)).body).toMatchObject({ drawn: true, seatsLeft: 0 })
    const audit = await app.db.auditLog.findMany({ where: { entity: 'event', entityId: String(event.id), action: 'drawLottery' } })
    expect(audit).toHaveLength(1)
  })

  it('is a pure function of the committed inputs: same secret, list and quotas give the same selection, even on a redraw', async () => {
    const event = await lotteryEvent()
    await signUpTen(event.id, '纯函数')
    app.now.value = new Date(start + 6 * DAY)
    const { listHash } = (await preview(event.id)).body
    const first = (await draw(event.id, { listHash })).body
    const { drawSecret } = await app.db.event.findUniqueOrThrow({ where: { id: event.id }, select: { drawSecret: true } })
    expect(drawLottery({ secret: drawSecret!, candidates: first.candidates, quotas, seats: first.seats }).selected).toEqual(first.selected)
    // A redraw cannot reroll the dice: nothing changed, so nothing changes.
    const again = await redraw(event.id, { listHash: (await preview(event.id)).body.listHash, reason: '见证人要求当场复核一次' })
    expect(again.status).toBe(200)
    expect(again.body.selected).toEqual(first.selected)
    expect(again.body.seed).toBe(first.seed)
  })

  it('lets only one of two simultaneous draws run', async () => {
    const event = await lotteryEvent()
    await signUpTen(event.id, '并发')
    app.now.value = new Date(start + 6 * DAY)
    const { listHash } = (await preview(event.id)).body
    const both = await Promise.all([draw(event.id, { listHash }), draw(event.id, { listHash })])
    expect(both.map((r) => r.status).sort()).toEqual([200, 409])
    expect(both.find((r) => r.status === 409)!.body.error.code).toBe('DRAW_ALREADY_DONE')
    expect(await app.db.eventDraw.count({ where: { eventId: event.id } })).toBe(1)
    expect((await app.db.event.findUniqueOrThrow({ where: { id: event.id } })).confirmedCount).toBe(4)
  })

  it('refuses other selection modes and events of another department', async () => {
    const review = await lotteryEvent({ selectionMode: 'REVIEW' })
    app.now.value = new Date(start + 6 * DAY)
    expect((await preview(review.id)).body.error.code).toBe('WRONG_SELECTION_MODE')
    expect((await draw(review.id, { listHash: 'a'.repeat(64) })).body.error.code).toBe('WRONG_SELECTION_MODE')
    const otherDepartment = await app.db.department.create({ data: { name: '建设局（抽签）' } })
    const outsider = await app.db.staff.findUniqueOrThrow({ where: { id: reviewer.staff.id } })
    const foreign = await app.db.event.create({
      data: {
        kind: 'MEETING_ATTENDANCE',
        title: '他部门列席',
        description: '—',
        place: '—',
        departmentId: otherDepartment.id,
        startsAt: new Date(start + 10 * DAY),
        endsAt: new Date(start + 11 * DAY),
        signupOpensAt: new Date(start - DAY),
        signupClosesAt: new Date(start + DAY),
        capacity: 3,
        selectionMode: 'LOTTERY',
        publishedAt: new Date(start - DAY),
      },
    })
    expect(outsider.role).toBe('REVIEWER')
    const refused = await draw(foreign.id, { listHash: 'a'.repeat(64) })
    expect(refused.status).toBe(403)
    expect((await preview(foreign.id)).status).toBe(403)
  })
})

describe('redraw', () => {
  it('needs a reason, is audited, and publishes every earlier round with the reason', async () => {
    const event = await lotteryEvent()
    const people = await signUpTen(event.id, '重抽')
    app.now.value = new Date(start + 6 * DAY)
    expect((await redraw(event.id, { listHash: 'a'.repeat(64), reason: '名单有误需要重新抽签' })).body.error.code).toBe('DRAW_NOT_DONE')
    const first = (await draw(event.id, { listHash: (await preview(event.id)).body.listHash })).body

    const { listHash } = (await preview(event.id)).body
    for (const reason of [undefined, '', '   ', '重抽']) {
      const refused = await redraw(event.id, { listHash, ...(reason === undefined ? {} : { reason }) })
      expect([refused.status, refused.body.error.code]).toEqual([400, 'REDRAW_REASON_REQUIRED'])
      expect(refused.body.error.details.fields.reason).toMatch(/理由/)
    }
    expect(await app.db.eventDraw.count({ where: { eventId: event.id } })).toBe(1)

    // One selected person withdraws; the list changes, staff confirm the new preview and redraw.
    const leaving = people.find((p) => first.selected.includes(p.registration.publicCode))!
    expect((await app.request(`/api/me/registrations/${leaving.registration.id}/cancel`, { method: 'POST', headers: leaving.who.auth })).status).toBe(200)
    expect((await redraw(event.id, { listHash, reason: '一名抽中者放弃，按规则重新抽签' })).body.error.code).toBe('DRAW_LIST_CHANGED')
    const changed = (await preview(event.id)).body
    expect(changed).toMatchObject({ drawn: true, candidateCount: 9, seats: 4 })
    const reason = '一名抽中者放弃，按规则重新抽签'
    // The redraw cannot change the quotas either.
    const steered = await redraw(event.id, { listHash: changed.listHash, quotas: [{ field: 'gender', value: '女', seats: 2 }], reason })
    expect([steered.status, steered.body.error.code, Object.keys(steered.body.error.details.fields)]).toEqual([400, 'VALIDATION_FAILED', ['quotas']])
    const second = await redraw(event.id, { listHash: changed.listHash, reason })
    expect(second.status).toBe(200)
    expect(second.body).toMatchObject({ round: 2, reason, listHash: changed.listHash, quotas })
    expect(second.body.candidates.map((c: { code: string }) => c.code)).not.toContain(leaving.registration.publicCode)

    const published = (await app.request(`/api/events/${event.id}/draw`)).body
    expect(published.previousRounds).toHaveLength(1)
    expect(published.previousRounds[0]).toMatchObject({ round: 1, reason: null, selected: first.selected, listHash: first.listHash })
    expect(verifyDraw(published).ok).toBe(true)
    expect(
      verifyDraw({ ...published.previousRounds[0], commitment: published.commitment, secret: published.secret, announcedQuotas: published.announcedQuotas }).ok,
    ).toBe(true)

    const statuses = await app.db.registration.groupBy({ by: ['status'], where: { eventId: event.id }, _count: { _all: true } })
    expect(Object.fromEntries(statuses.map((s) => [s.status, s._count._all]))).toEqual({ SELECTED: 4, NOT_SELECTED: 5, CANCELLED: 1 })
    expect((await app.db.event.findUniqueOrThrow({ where: { id: event.id } })).confirmedCount).toBe(4)
    const audit = await app.db.auditLog.findMany({ where: { entity: 'event', entityId: String(event.id), action: 'redrawLottery' } })
    expect(audit).toHaveLength(1)
    expect(JSON.stringify(audit[0]!.after)).toContain(reason)
    // Published rounds are never edited.
    await expect(app.db.$executeRawUnsafe(`UPDATE event_draw SET reason = 'x' WHERE event_id = $1`, event.id)).rejects.toThrow(/EVENT_DRAW_IMMUTABLE/)
    await expect(app.db.$executeRawUnsafe(`DELETE FROM event_draw WHERE event_id = $1`, event.id)).rejects.toThrow(/EVENT_DRAW_IMMUTABLE/)
    // Those whose result changed were told why.
    const changedPerson = people.find(
      (p) => first.selected.includes(p.registration.publicCode) !== second.body.selected.includes(p.registration.publicCode) && p !== leaving,
    )
    if (changedPerson) {
      const notes = (await app.request('/api/me/notifications', { headers: changedPerson.who.auth })).body.items
      expect(notes[0].body).toContain(reason)
    }
  })
})

describe('the event_draw_quotas migration', () => {
  it('gives events drawn before it the quotas of their round in force, so their record still checks out', async () => {
    const sql = readFileSync(path.resolve(__dirname, '../../prisma/migrations/20261206020000_event_draw_quotas/migration.sql'), 'utf8')
    const backfill = /UPDATE "event" e SET "draw_quotas"[^;]+;/.exec(sql)?.[0]
    expect(backfill).toBeDefined()
    const event = await lotteryEvent()
    await signUpTen(event.id, '迁移')
    app.now.value = new Date(start + 6 * DAY)
    await draw(event.id, { listHash: (await preview(event.id)).body.listHash })
    // As before the migration: the quotas lived only in the round (the trigger did not exist yet).
    await app.db.$executeRawUnsafe(`ALTER TABLE event DISABLE TRIGGER event_draw_quotas_locked`)
    try {
      await app.db.$executeRawUnsafe(`UPDATE event SET draw_quotas = '[]'::jsonb WHERE id = $1`, event.id)
      await app.db.$executeRawUnsafe(backfill!)
    } finally {
      await app.db.$executeRawUnsafe(`ALTER TABLE event ENABLE TRIGGER event_draw_quotas_locked`)
    }
    const published = (await app.request(`/api/events/${event.id}/draw`)).body
    expect(published.announcedQuotas).toEqual(quotas)
    expect(verifyDraw(published).ok).toBe(true)
  })
})
