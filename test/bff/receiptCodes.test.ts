// A receipt code already issued that day (two submissions drew the same 6 characters) is drawn again: the opinion, the offline opinion and the policy question are stored, never a 500.
import { formatShanghaiDate } from '@gm/shared'
import { shanghaiToday } from '../support/departments'
import { signInDemoCitizen, signInStaff } from '../support/identity'
import { startTestApp, type TestApp } from '../support/testApp'

/** Codes the next receipts get, in order, before random ones again (jest.mock may only reach `mock…` names). */
const mockForcedCodes: string[] = []
jest.mock('../../bff/src/security/tokens', () => {
  const actual = jest.requireActual('../../bff/src/security/tokens')
  return { ...actual, newReceiptCode: (prefix: string, now: Date) => mockForcedCodes.shift() ?? actual.newReceiptCode(prefix, now) }
})

const DAY = 86_400_000
let app: TestApp
let departmentId: number

beforeAll(async () => {
  app = await startTestApp({ settings: { demoLogin: true } })
  departmentId = (await app.db.department.create({ data: { name: '回执编号测试局' } })).id
})
afterAll(() => app.close())
afterEach(() => {
  mockForcedCodes.length = 0
})

async function openConsultation() {
  const now = Date.now()
  const c = await app.db.consultation.create({
    data: {
      departmentId,
      title: '回执编号测试办法（征求意见稿）',
      summary: '回执编号测试',
      opensAt: new Date(now - 10 * DAY),
      closesAt: new Date(now + 20 * DAY),
      publishedAt: new Date(now - 10 * DAY),
      sections: { create: [{ version: 1, position: 1, heading: '第一条', body: '条款内容' }] },
    },
  })
  return c.id
}

const day = () => formatShanghaiDate(new Date()).replace(/-/g, '')
const post = (path: string, auth: Record<string, string>, json: unknown) => app.request(path, { method: 'POST', headers: auth, json })
const opinion = (key: string) => ({ text: '建议公布办理时限。', consent: 'PUBLISH_MASKED', idempotencyKey: key })

describe('a receipt code drawn twice in one day', () => {
  it('an opinion gets the next code drawn; both opinions are stored and counted once each', async () => {
    const id = await openConsultation()
    const taken = `YJ${day()}-AAAAAA`
    mockForcedCodes.push(taken)
    const first = await post(`/api/consultations/${id}/opinions`, (await signInDemoCitizen(app, '回执甲')).auth, opinion('receipt-first'))
    expect([first.status, first.body.receiptCode]).toEqual([201, taken])

    mockForcedCodes.push(taken, `YJ${day()}-BBBBBB`)
    const second = await post(`/api/consultations/${id}/opinions`, (await signInDemoCitizen(app, '回执乙')).auth, opinion('receipt-second'))
    expect([second.status, second.body.receiptCode]).toEqual([201, `YJ${day()}-BBBBBB`])
    expect(await app.db.opinion.count({ where: { consultationId: id } })).toBe(2)
    expect((await app.db.consultationTally.findUnique({ where: { consultationId: id } }))?.opinionCount).toBe(2)
  })

  it('should every draw be taken, the answer is a 409 with a code and a Chinese message, and nothing is stored', async () => {
    const id = await openConsultation()
    const taken = `YJ${day()}-CCCCCC`
    mockForcedCodes.push(taken)
    expect((await post(`/api/consultations/${id}/opinions`, (await signInDemoCitizen(app, '回执丙')).auth, opinion('receipt-third'))).status).toBe(201)
    mockForcedCodes.push(taken, taken, taken)
    const refused = await post(`/api/consultations/${id}/opinions`, (await signInDemoCitizen(app, '回执丁')).auth, opinion('receipt-fourth'))
    expect([refused.status, refused.body.error.code]).toEqual([409, 'ALREADY_EXISTS'])
    expect(refused.body.error.message).toMatch(/[\u4e00-\u9fa5]/)
    expect(await app.db.opinion.count({ where: { consultationId: id } })).toBe(1)
  })

  it('an offline opinion entered by staff gets the next code drawn', async () => {
    const id = await openConsultation()
    const editor = await signInStaff(app, 'EDITOR', undefined, { departments: [departmentId] })
    const taken = `YJ${day()}-DDDDDD`
    mockForcedCodes.push(taken)
    expect((await post(`/api/consultations/${id}/opinions`, (await signInDemoCitizen(app, '回执戊')).auth, opinion('receipt-fifth'))).status).toBe(201)
    mockForcedCodes.push(taken, `YJ${day()}-EEEEEE`)
    const entered = await post(`/api/staff/consultations/${id}/offline-opinions`, editor.auth, {
      channel: 'LETTER',
      receivedOn: shanghaiToday(),
      text: '来信建议公布办理时限。',
    })
    expect(entered.status).toBe(201)
    expect((await app.db.opinion.findUniqueOrThrow({ where: { id: entered.body.id } })).receiptCode).toBe(`YJ${day()}-EEEEEE`)
  })

  it('a policy question gets the next code drawn', async () => {
    const citizen = await signInDemoCitizen(app, '回执己')
    const taken = `ZX${day()}-FFFFFF`
    mockForcedCodes.push(taken)
    const first = await post('/api/policy-questions', citizen.auth, { text: '企业研发费用加计扣除如何申请？', idempotencyKey: 'receipt-question-1' })
    expect([first.status, first.body.receiptCode]).toEqual([201, taken])
    mockForcedCodes.push(taken, `ZX${day()}-GGGGGG`)
    const second = await post('/api/policy-questions', (await signInDemoCitizen(app, '回执庚')).auth, {
      text: '高新技术企业认定需要哪些材料？',
      idempotencyKey: 'receipt-question-2',
    })
    expect([second.status, second.body.receiptCode]).toEqual([201, `ZX${day()}-GGGGGG`])
  })
})
