import pg from 'pg'
import { signInDemoCitizen } from '../support/identity'
import { recordStatements, type StatementLog, verbOf } from '../support/statementLog'
import { startTestApp, type TestApp } from '../support/testApp'

/**
 * POST opinions in few round trips: a fresh opinion is stored by one statement (the consultation's
 * window and the clause checked, the consultation row share-locked against a concurrent close, the
 * idempotency key claimed by its unique index), and every promise of the submit still holds: a
 * retry gets the first receipt, the key with other content is 422, a closed or unknown
 * consultation and a clause of an old version are refused, the tally counts each opinion once.
 */
const DAY = 86_400_000
let app: TestApp
let log: StatementLog
let departmentId: number

beforeAll(async () => {
  log = recordStatements()
  app = await startTestApp({ settings: { demoLogin: true, sessionTtlHours: 24 } })
  departmentId = (await app.db.department.create({ data: { name: '意见提交测试部门' } })).id
})
afterAll(async () => {
  log?.stop()
  await app?.close()
})

async function consultation(opensInDays = -1, closesInDays = 30) {
  const now = app.now.value.getTime()
  return app.db.consultation.create({
    data: {
      departmentId,
      title: '意见提交测试草案',
      summary: '—',
      publishedAt: new Date(now - 2 * DAY),
      opensAt: new Date(now + opensInDays * DAY),
      closesAt: new Date(now + closesInDays * DAY),
      sections: { create: [{ version: 1, position: 1, heading: '第一条', body: '条款内容' }] },
    },
    select: { id: true, sections: { select: { id: true } } },
  })
}

const submit = (id: number, who: { auth: Record<string, string> }, body: Record<string, unknown>) =>
  app.request(`/api/consultations/${id}/opinions`, { method: 'POST', headers: who.auth, json: body })
const opinion = (text: string, idempotencyKey: string, extra: Record<string, unknown> = {}) => ({ text, consent: 'PUBLISH_MASKED', idempotencyKey, ...extra })

async function measured<T>(run: () => Promise<T>): Promise<{ result: T; statements: string[] }> {
  log.take()
  const result = await run()
  return { result, statements: log.take() }
}
const summary = (statements: string[]) => statements.map(verbOf).join(' ')
const tally = async (id: number) =>
  (await app.db.consultationTally.findUnique({ where: { consultationId: id }, select: { opinionCount: true } }))?.opinionCount ?? 0

it('stores a fresh opinion with one statement beyond the sign-in check, no explicit transaction', async () => {
  const { id, sections } = await consultation()
  const who = await signInDemoCitizen(app, '提交人甲')
  const whole = await measured(() => submit(id, who, opinion('建议延长公示期，方便更多居民参与。', 'submitkey-0001')))
  expect(whole.result.status).toBe(201)
  const clause = await measured(() => submit(id, who, opinion('第一条的适用范围应写明。', 'submitkey-0002', { sectionId: sections[0]!.id })))
  expect(clause.result.status).toBe(201)
  const retry = await measured(() => submit(id, who, opinion('建议延长公示期，方便更多居民参与。', 'submitkey-0001')))
  expect(retry.result.body).toEqual(whole.result.body)
  if (process.env.GM_PRINT_STATEMENTS) {
    console.log(
      [
        `whole ${whole.statements.length}: ${summary(whole.statements)}`,
        `clause ${clause.statements.length}: ${summary(clause.statements)}`,
        `retry ${retry.statements.length}: ${summary(retry.statements)}`,
      ].join('\n'),
    )
  }
  for (const fresh of [whole, clause]) {
    const writes = fresh.statements.filter((sql) => /^(INSERT|BEGIN|COMMIT|WITH INSERT)$/.test(verbOf(sql)))
    expect({ writes: writes.length, statements: writes.length === 1 ? [] : fresh.statements }).toEqual({ writes: 1, statements: [] })
    expect(writes[0]).toMatch(/FOR SHARE/)
  }
  expect(await tally(id)).toBe(2)
  expect(await app.db.opinion.count({ where: { consultationId: id } })).toBe(2)
})

it('keeps every refusal: reused key, closed, not yet open, unknown, a clause of another consultation', async () => {
  const open = await consultation()
  const closed = await consultation(-30, -1)
  const upcoming = await consultation(2, 30)
  const who = await signInDemoCitizen(app, '提交人乙')
  expect((await submit(open.id, who, opinion('第一次提交的意见内容。', 'refusekey-0001'))).status).toBe(201)
  expect((await submit(open.id, who, opinion('同一个编号换了内容。', 'refusekey-0001'))).body.error.code).toBe('IDEMPOTENCY_KEY_REUSED')
  expect((await submit(closed.id, who, opinion('征集结束后的意见。', 'refusekey-0002'))).body.error.code).toBe('CONSULTATION_CLOSED')
  expect((await submit(upcoming.id, who, opinion('征集开始前的意见。', 'refusekey-0003'))).body.error.code).toBe('CONSULTATION_NOT_OPEN')
  expect((await submit(999999, who, opinion('不存在的征集。', 'refusekey-0004'))).status).toBe(404)
  const wrongClause = await submit(open.id, who, opinion('别的草案的条款。', 'refusekey-0005', { sectionId: upcoming.sections[0]!.id }))
  expect(wrongClause.body.error.details.fields.sectionId).toBeTruthy()
  // A retry after the close still gets its first receipt.
  const first = await submit(open.id, who, opinion('关闭前提交、关闭后重试的意见。', 'refusekey-0006'))
  await app.db.consultation.update({ where: { id: open.id }, data: { closesAt: new Date(app.now.value.getTime() - 1000) } })
  expect(await submit(open.id, who, opinion('关闭前提交、关闭后重试的意见。', 'refusekey-0006'))).toEqual({ ...first, headers: expect.anything() })
  expect(await app.db.opinion.count({ where: { citizenId: who.citizenId } })).toBe(2)
  expect(await tally(open.id)).toBe(2)
})

it('stores one opinion for concurrent duplicates of one key, and counts 20 concurrent citizens once each', async () => {
  const { id } = await consultation()
  const who = await signInDemoCitizen(app, '提交人丙')
  const duplicates = await Promise.all(Array.from({ length: 6 }, () => submit(id, who, opinion('并发重复提交的意见。', 'dupkey-0001'))))
  expect(duplicates.map((d) => d.status)).toEqual(Array(6).fill(201))
  expect(new Set(duplicates.map((d) => d.body.receiptCode)).size).toBe(1)
  const crowd = await Promise.all(Array.from({ length: 20 }, (_, i) => signInDemoCitizen(app, `并发提交${i}`)))
  const answers = await Promise.all(crowd.map((c, i) => submit(id, c, opinion(`第${i}位居民的意见。`, `crowdkey-${String(i).padStart(4, '0')}`))))
  expect(answers.map((a) => a.status)).toEqual(Array(20).fill(201))
  expect(await app.db.opinion.count({ where: { consultationId: id } })).toBe(21)
  expect(await tally(id)).toBe(21)
})

it('lands no opinion after an early close that commits first (the consultation row is share-locked)', async () => {
  const { id } = await consultation()
  const who = await signInDemoCitizen(app, '提交人丁')
  const locker = new pg.Client({ connectionString: app.databaseUrl })
  await locker.connect()
  try {
    await locker.query('BEGIN')
    // Staff close the consultation now; the submit arriving meanwhile waits for the row, then sees it closed.
    await locker.query('UPDATE consultation SET closes_at = $2 WHERE id = $1', [id, new Date(app.now.value.getTime() - 1000)])
    const pending = submit(id, who, opinion('关闭时到达的意见。', 'closekey-0001'))
    await new Promise((r) => setTimeout(r, 300))
    await locker.query('COMMIT')
    expect((await pending).body.error.code).toBe('CONSULTATION_CLOSED')
  } finally {
    await locker.end()
  }
  expect(await app.db.opinion.count({ where: { consultationId: id } })).toBe(0)
})
