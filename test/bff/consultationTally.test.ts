// The consultation list and detail show opinion counts from consultation_tally, kept by triggers on opinion.
import { signInDemoCitizen } from '../support/identity'
import { startTestApp, type TestApp } from '../support/testApp'

const day = 24 * 60 * 60 * 1000

let app: TestApp
let openId: number
let otherId: number
beforeAll(async () => {
  app = await startTestApp({ settings: { demoLogin: true } })
  const department = await app.db.department.create({ data: { name: '计数测试承办单位' } })
  const make = (title: string) =>
    app.db.consultation.create({
      data: {
        departmentId: department.id,
        title,
        summary: '意见数测试',
        publishedAt: new Date(Date.now() - 2 * day),
        opensAt: new Date(Date.now() - day),
        closesAt: new Date(Date.now() + 40 * day),
        sections: { create: [{ version: 1, position: 1, heading: '第一条', body: '条款内容' }] },
      },
      select: { id: true },
    })
  openId = (await make('计数测试草案甲')).id
  otherId = (await make('计数测试草案乙')).id
})
afterAll(() => app.close())

async function shown(id: number) {
  const listed = (await app.request('/api/consultations?q=计数测试')).body.items.find((c: { id: number }) => c.id === id)
  const detail = (await app.request(`/api/consultations/${id}`)).body
  expect(listed.opinionCount).toBe(detail.opinionCount)
  return detail.opinionCount as number
}

const stored = async (id: number) => app.db.opinion.count({ where: { consultationId: id } })

describe('opinion counts on the public consultation list and detail', () => {
  it('shows 0 before the first opinion', async () => {
    expect(await shown(openId)).toBe(0)
  })

  it('counts twelve concurrent submissions to one consultation, none refused or lost', async () => {
    const citizens = await Promise.all(Array.from({ length: 12 }, (_, i) => signInDemoCitizen(app, `计数${i}`)))
    const answers = await Promise.all(
      citizens.map((citizen, i) =>
        app.request(`/api/consultations/${openId}/opinions`, {
          method: 'POST',
          headers: citizen.auth,
          json: { text: `第${i}条并发意见：建议简化申请材料。`, consent: 'PUBLISH_MASKED', idempotencyKey: `tally-${String(i).padStart(6, '0')}` },
        }),
      ),
    )
    expect(answers.map((a) => a.status)).toEqual(Array(12).fill(201))
    expect(await stored(openId)).toBe(12)
    expect(await shown(openId)).toBe(12)
  })

  it('does not count a refused submission', async () => {
    const citizen = await signInDemoCitizen(app, '计数迟到')
    const { closesAt } = await app.db.consultation.update({
      where: { id: openId },
      data: { closesAt: new Date(app.now.value.getTime() - 1000) },
      select: { closesAt: true },
    })
    const late = await app.request(`/api/consultations/${openId}/opinions`, {
      method: 'POST',
      headers: citizen.auth,
      json: { text: '截止后提交的意见。', consent: 'PUBLISH_MASKED', idempotencyKey: 'tally-late-01' },
    })
    await app.db.consultation.update({ where: { id: openId }, data: { closesAt: new Date(Date.now() + 40 * day) } })
    expect([closesAt < app.now.value, late.status, late.body.error?.code]).toEqual([true, 409, 'CONSULTATION_CLOSED'])
    expect(await shown(openId)).toBe(12)
  })

  it('follows bulk inserts, deletions and an opinion moved to another consultation', async () => {
    await app.db.opinion.createMany({
      data: Array.from({ length: 30 }, (_, i) => ({
        consultationId: i % 3 === 0 ? otherId : openId,
        receiptCode: `TALLY${String(i).padStart(6, '0')}`,
        rawText: `批量意见${i}`,
      })),
    })
    expect([await shown(openId), await shown(otherId)]).toEqual([32, 10])
    await app.db.opinion.deleteMany({ where: { receiptCode: { in: ['TALLY000000', 'TALLY000001', 'TALLY000002'] } } })
    expect([await shown(openId), await shown(otherId)]).toEqual([30, 9])
    await app.db.opinion.update({ where: { receiptCode: 'TALLY000004' }, data: { consultationId: otherId } })
    expect([await shown(openId), await shown(otherId)]).toEqual([29, 10])
    expect([await stored(openId), await stored(otherId)]).toEqual([29, 10])
  })

  it('reads the kept count instead of counting the opinion table', async () => {
    await app.db.consultationTally.update({ where: { consultationId: otherId }, data: { opinionCount: 1_000_000 } })
    expect(await shown(otherId)).toBe(1_000_000)
    await app.db.consultationTally.update({ where: { consultationId: otherId }, data: { opinionCount: await stored(otherId) } })
  })
})
