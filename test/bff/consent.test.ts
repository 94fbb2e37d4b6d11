// Consent is enforced by the server: personal data is stored only after the current privacy notice was accepted.
import { PRIVACY_NOTICE_VERSION } from '@gm/shared'
import { seedDemo } from '../../bff/src/seed/demo'
import { OUTDATED_PRIVACY_VERSION, setCitizenConsent, signInDemoCitizen, signInDemoCitizenWithoutConsent } from '../support/identity'
import { startTestApp, type TestApp } from '../support/testApp'
import { type Answer, okBody } from '../support/contractClient'

let app: TestApp
let consultationId: number
let eventId: number

beforeAll(async () => {
  app = await startTestApp({ settings: { demoLogin: true } })
  await seedDemo(app.db, app.now.value)
  consultationId = (await app.db.consultation.findFirstOrThrow({ where: { title: { contains: '老旧小区改造提升三年行动方案' } }, select: { id: true } })).id
  eventId = (await app.db.event.findFirstOrThrow({ where: { selectionMode: 'FIRST_COME' }, select: { id: true } })).id
})
afterAll(() => app.close())

type Who = { citizenId: number; auth: Record<string, string> }
let seq = 0
const writes = {
  opinion: (who: Who) =>
    app.call(
      'submitOpinion',
      {
        params: { id: consultationId },
        body: {
          text: '建议加装电梯，联系我 13812345678，幸福小区 3 栋 2 单元 501 室',
          consent: 'PUBLISH_MASKED',
          contactPhone: '13812345678',
          idempotencyKey: `consent-${++seq}-key`,
        },
      },
      { headers: who.auth },
    ),
  signup: (who: Who) =>
    app.call('joinEvent', { params: { id: eventId }, body: { name: '王同意', phone: '13912345678', category: 'PUBLIC' } }, { headers: who.auth }),
  question: (who: Who) =>
    app.call(
      'askPolicyQuestion',
      { body: { text: '我的电话 13812345678，生育津贴怎么领？', idempotencyKey: `consent-q-${++seq}-key` } },
      { headers: who.auth },
    ),
}

async function storedBy(citizenId: number) {
  const [opinions, registrations, questions] = await Promise.all([
    app.db.opinion.count({ where: { citizenId } }),
    app.db.registration.count({ where: { citizenId } }),
    app.db.policyQuestion.count({ where: { citizenId } }),
  ])
  return { opinions, registrations, questions }
}

const refusal = { status: 403, code: 'PRIVACY_NOT_ACCEPTED', details: { requiredVersion: PRIVACY_NOTICE_VERSION } }
const outcome = (r: Answer<'submitOpinion' | 'joinEvent' | 'askPolicyQuestion'>) =>
  r.ok ? { status: r.status } : { status: r.status, code: r.body.error.code, details: r.body.error.details }
const me = (who: Who) => app.call('getMe', {}, { headers: who.auth })

describe('a citizen who has not accepted the privacy notice', () => {
  it('cannot submit an opinion with a phone number, sign up or ask a question: nothing is stored', async () => {
    const citizen = await signInDemoCitizenWithoutConsent(app, '未同意')
    for (const write of Object.values(writes)) expect(outcome(await write(citizen))).toEqual(refusal)
    expect(await storedBy(citizen.citizenId)).toEqual({ opinions: 0, registrations: 0, questions: 0 })
    expect(okBody(await me(citizen))).toMatchObject({ privacyAccepted: false })
  })

  it('can write once the current notice is accepted (the same request, resent)', async () => {
    const citizen = await signInDemoCitizenWithoutConsent(app, '后同意')
    expect(outcome(await writes.opinion(citizen))).toEqual(refusal)
    const accepted = await app.call('acceptPrivacy', { body: { version: PRIVACY_NOTICE_VERSION } }, { headers: citizen.auth })
    expect(okBody(accepted)).toMatchObject({ privacyAccepted: true })
    expect((await writes.opinion(citizen)).status).toBe(201)
    expect((await writes.signup(citizen)).status).toBe(201)
    expect((await writes.question(citizen)).status).toBe(201)
    expect(await storedBy(citizen.citizenId)).toEqual({ opinions: 1, registrations: 1, questions: 1 })
  })

  it('is asked again when the notice changes (an earlier accepted version does not count)', async () => {
    const citizen = await signInDemoCitizen(app, '旧版本', 'outdated')
    expect(okBody(await me(citizen))).toMatchObject({ privacyAccepted: false })
    for (const write of Object.values(writes)) expect(outcome(await write(citizen))).toEqual(refusal)
    expect(await storedBy(citizen.citizenId)).toEqual({ opinions: 0, registrations: 0, questions: 0 })
  })

  it('is refused in the same session once its consent no longer matches (checked per request, not per sign-in)', async () => {
    const citizen = await signInDemoCitizen(app, '会话中')
    expect((await writes.question(citizen)).status).toBe(201)
    await setCitizenConsent(app, citizen.citizenId, 'outdated')
    expect(outcome(await writes.question(citizen))).toEqual(refusal)
  })

  it('accepts only the current version of the notice', async () => {
    const citizen = await signInDemoCitizenWithoutConsent(app, '版本')
    // The contract's type admits only the current version, so the outdated one goes out raw.
    const old = await app.request('/api/me/privacy', { method: 'POST', headers: citizen.auth, json: { version: OUTDATED_PRIVACY_VERSION } })
    expect([old.status, old.body.error.code]).toEqual([400, 'VALIDATION_FAILED'])
    expect(outcome(await writes.signup(citizen))).toEqual(refusal)
  })
})

describe('reads and non-personal writes need no consent', () => {
  it('lets a citizen without consent read their own data and delete it', async () => {
    const citizen = await signInDemoCitizenWithoutConsent(app, '只读')
    const as = { headers: citizen.auth }
    expect((await app.call('listMyOpinions', {}, as)).status).toBe(200)
    expect((await app.call('listMyRegistrations', {}, as)).status).toBe(200)
    expect((await app.call('exportMyData', {}, as)).status).toBe(200)
    expect((await app.call('deleteMyData', {}, as)).status).toBe(204)
  })
})
