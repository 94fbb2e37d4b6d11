import { PRIVACY_NOTICE_VERSION } from '@gm/shared'
import { type FakeWechat, startFakeWechat } from '../../bff/src/dev/fakeWechat/server'
import { buildTemplateData } from '../../bff/src/integrations/wechat/templateData'
import { notify, processDeliveries } from '../../bff/src/services/notification'
import { signInStaff } from '../support/identity'
import { startTestApp, TEST_WECHAT, type TestApp } from '../support/testApp'

let wechat: FakeWechat
let app: TestApp
beforeAll(async () => {
  wechat = await startFakeWechat(TEST_WECHAT)
  app = await startTestApp({ wechatBaseUrl: wechat.baseUrl, settings: { templates: { OPINION_ANSWERED: 'tmpl-opinion-answered' } } })
})
afterAll(async () => {
  await app.close()
  await wechat.close()
})

async function wechatLogin(openid: string) {
  const { status, body } = await app.request('/api/auth/wechat', { method: 'POST', json: { code: wechat.issueLoginCode(openid) } })
  if (status !== 200) throw new Error(`login failed: ${status} ${JSON.stringify(body)}`)
  return { id: body.me.id as number, auth: { Authorization: `Bearer ${body.token}` }, body }
}

describe('mini-program login through code2Session', () => {
  it('signs a citizen in, keeps session_key on the server, and finds the same citizen next time', async () => {
    const first = await wechatLogin('openid-alice')
    expect(first.body.me).toMatchObject({ kind: 'citizen', privacyAccepted: false, hasPhone: false })
    const stored = await app.db.citizen.findUniqueOrThrow({ where: { id: first.id } })
    expect(stored.sessionKey).toBeTruthy()
    expect(JSON.stringify(first.body)).not.toContain(stored.sessionKey!)
    expect(JSON.stringify(first.body)).not.toContain('openid-alice')
    expect((await wechatLogin('openid-alice')).id).toBe(first.id)
    expect(wechat.requests.filter((r) => r.path === '/sns/jscode2session')).toHaveLength(2)
  })

  it('answers an invalid or reused code with WECHAT_CODE_INVALID and creates nobody', async () => {
    const before = await app.db.citizen.count()
    const bogus = await app.request('/api/auth/wechat', { method: 'POST', json: { code: 'made-up-code' } })
    expect([bogus.status, bogus.body.error.code]).toEqual([400, 'WECHAT_CODE_INVALID'])
    const code = wechat.issueLoginCode('openid-bob')
    expect((await app.request('/api/auth/wechat', { method: 'POST', json: { code } })).status).toBe(200)
    const reused = await app.request('/api/auth/wechat', { method: 'POST', json: { code } })
    expect([reused.status, reused.body.error.code]).toEqual([400, 'WECHAT_CODE_INVALID'])
    expect(await app.db.citizen.count()).toBe(before + 1)
  })

  it('answers 503 WECHAT_UNAVAILABLE when WeChat fails or is not configured', async () => {
    wechat.failNext('/sns/jscode2session', { status: 502 })
    const failed = await app.request('/api/auth/wechat', { method: 'POST', json: { code: wechat.issueLoginCode('openid-carol') } })
    expect([failed.status, failed.body.error.code]).toEqual([503, 'WECHAT_UNAVAILABLE'])
    const unconfigured = await startTestApp()
    try {
      expect((await unconfigured.request('/api/auth/wechat', { method: 'POST', json: { code: 'x' } })).body.error.code).toBe('WECHAT_UNAVAILABLE')
    } finally {
      await unconfigured.close()
    }
  })
})

describe('privacy and personal data', () => {
  it('records consent to the current notice and refuses an outdated version', async () => {
    const { auth } = await wechatLogin('openid-dora')
    const outdated = await app.request('/api/me/privacy', { method: 'POST', headers: auth, json: { version: '2020-01' } })
    expect(outdated.body.error.details.fields.version).toMatch(/隐私说明/)
    const accepted = await app.request('/api/me/privacy', { method: 'POST', headers: auth, json: { version: PRIVACY_NOTICE_VERSION } })
    expect(accepted.body.privacyAccepted).toBe(true)
  })

  it('stores a phone number from the phone-number code privately and shows it only to its owner', async () => {
    const { id, auth } = await wechatLogin('openid-erin')
    wechat.setPhoneNumber('phone-code-erin', '13800138000')
    // Before consent the number is not even fetched from WeChat: the same code still works afterwards.
    const refused = await app.request('/api/me/phone', { method: 'POST', headers: auth, json: { code: 'phone-code-erin' } })
    expect([refused.status, refused.body.error.code, refused.body.error.details]).toEqual([
      403,
      'PRIVACY_NOT_ACCEPTED',
      { requiredVersion: PRIVACY_NOTICE_VERSION },
    ])
    expect(wechat.requests.some((r) => JSON.stringify(r).includes('phone-code-erin'))).toBe(false)
    expect((await app.db.citizen.findUniqueOrThrow({ where: { id } })).phone).toBeNull()
    await app.request('/api/me/privacy', { method: 'POST', headers: auth, json: { version: PRIVACY_NOTICE_VERSION } })
    const me = await app.request('/api/me/phone', { method: 'POST', headers: auth, json: { code: 'phone-code-erin' } })
    expect(me.body.hasPhone).toBe(true)
    expect(JSON.stringify(me.body)).not.toContain('13800138000')
    expect((await app.request('/api/me/data', { headers: auth })).body.profile.phone).toBe('13800138000')
    expect((await app.db.citizen.findUniqueOrThrow({ where: { id } })).phone).toBe('13800138000')
  })

  it('deletes the citizen’s personal data, notifications, Q&A votes, views, search hits, idempotency records and sessions on request', async () => {
    const { id, auth } = await wechatLogin('openid-fay')
    const other = await wechatLogin('openid-fay-neighbour')
    await app.db.$transaction((tx) => notify(app.deps, tx, { citizenId: id, kind: 'OPINION_ANSWERED', title: '答复', body: '内容' }))
    const item = await app.db.qaItem.create({
      data: { question: '电动自行车充电桩怎么申请安装？', answer: '向街道提出申请。', topic: '删除数据测试', status: 'PUBLISHED', publishedAt: new Date() },
    })
    const traces = async () => [await app.db.qaVote.count({ where: { itemId: item.id } }), await app.db.qaView.count({ where: { itemId: item.id } })]
    const useLibrary = async (who: Record<string, string>) => {
      expect((await app.request(`/api/qa/${item.id}`, { headers: who })).status).toBe(200)
      expect((await app.request(`/api/qa/${item.id}/feedback`, { method: 'POST', headers: who, json: { helpful: true } })).status).toBe(200)
      const search = await app.request(`/api/qa?q=${encodeURIComponent('电动自行车充电桩怎么申请安装')}`, { headers: who })
      expect(search.body.items[0]?.id).toBe(item.id)
      return traces()
    }
    // Fay's view, vote and search hit, then the neighbour's.
    expect(await useLibrary(auth)).toEqual([1, 2])
    expect(await useLibrary(other.auth)).toEqual([2, 4])
    await app.db.idempotentRequest.create({
      data: { citizenId: id, key: 'signup-key-fay', operation: 'joinEvent', requestHash: 'h', response: { name: '费某' } },
    })
    await app.db.idempotentRequest.create({ data: { citizenId: other.id, key: 'signup-key-other', operation: 'joinEvent', requestHash: 'h' } })

    expect((await app.request('/api/me', { method: 'DELETE', headers: auth })).status).toBe(204)
    expect(await app.db.citizen.findUnique({ where: { id } })).toBeNull()
    expect(await app.db.notification.count({ where: { citizenId: id } })).toBe(0)
    // Only the neighbour's rows are left; the helpful count stays an anonymous total.
    expect(await traces()).toEqual([1, 2])
    expect(await app.db.idempotentRequest.findMany({ where: { citizenId: { in: [id, other.id] } }, select: { key: true } })).toEqual([
      { key: 'signup-key-other' },
    ])
    expect((await app.db.qaItem.findUniqueOrThrow({ where: { id: item.id } })).helpfulCount).toBe(2)
    expect((await app.request('/api/me', { headers: auth })).body.error.code).toBe('SESSION_EXPIRED')
  })
})

describe('staff bind WeChat with a one-time invite', () => {
  it('binds once, then signs the member in from the mini-program; a used or unknown invite is refused', async () => {
    const admin = await signInStaff(app, 'ADMIN')
    const member = await signInStaff(app, 'REVIEWER', 'reviewer.wechat')
    const invite = await app.request(`/api/admin/staff/${member.staff.id}/invite`, { method: 'POST', headers: admin.auth })
    expect(invite.status).toBe(201)
    const bind = (inviteCode: string, openid: string) =>
      app.request('/api/staff/wechat-binding', { method: 'POST', json: { inviteCode, code: wechat.issueLoginCode(openid) } })
    expect((await bind(invite.body.code, 'openid-staff-reviewer')).status).toBe(204)
    expect((await bind(invite.body.code, 'openid-intruder')).body.error.code).toBe('INVITE_INVALID')
    expect((await bind('NOSUCHCODE', 'openid-intruder')).body.error.code).toBe('INVITE_INVALID')

    const staffLogin = await app.request('/api/auth/staff/wechat', { method: 'POST', json: { code: wechat.issueLoginCode('openid-staff-reviewer') } })
    expect(staffLogin.body.me).toMatchObject({ kind: 'staff', username: 'reviewer.wechat', wechatBound: true })
    const stranger = await app.request('/api/auth/staff/wechat', { method: 'POST', json: { code: wechat.issueLoginCode('openid-intruder') } })
    expect(stranger.status).toBe(403)
  })
})

describe('notifications: in-app always, WeChat when subscribed', () => {
  const templateData = () => buildTemplateData({ thing1: '关于老旧小区改造提升三年行动方案的意见已答复', time2: new Date() })

  async function subscribedCitizen(openid: string) {
    const citizen = await wechatLogin(openid)
    await app.request('/api/me/subscriptions', { method: 'POST', headers: citizen.auth, json: { accepted: ['OPINION_ANSWERED'] } })
    return citizen
  }
  const send = (citizenId: number) =>
    app.db.$transaction((tx) =>
      notify(app.deps, tx, {
        citizenId,
        kind: 'OPINION_ANSWERED',
        title: '您的意见已答复',
        body: '详见答复',
        link: '/pages/mine/index',
        templateData: templateData(),
      }),
    )
  const deliveryOf = (notificationId: number) => app.db.notificationDelivery.findUnique({ where: { notificationId } })

  it('sends one subscribe message per accepted subscription, with fields within WeChat limits', async () => {
    const { id, auth } = await subscribedCitizen('openid-gus')
    const first = await send(id)
    const second = await send(id)
    expect(await deliveryOf(first.id)).toMatchObject({ status: 'PENDING' })
    expect(await deliveryOf(second.id)).toBeNull()
    await processDeliveries(app.deps)
    expect(await deliveryOf(first.id)).toMatchObject({ status: 'SENT', attempts: 1 })
    const message = wechat.delivered.find((m) => m.touser === 'openid-gus')!
    expect(message.template_id).toBe('tmpl-opinion-answered')
    expect([...message.data.thing1!.value].length).toBeLessThanOrEqual(20)
    const inbox = await app.request('/api/me/notifications', { headers: auth })
    expect(inbox.body.items.map((n: { title: string }) => n.title)).toEqual(['您的意见已答复', '您的意见已答复'])
  })

  it('retries a transient failure later, and records a refusal (43101) without retrying', async () => {
    const transient = await subscribedCitizen('openid-hal')
    const note = await send(transient.id)
    wechat.failNext('/cgi-bin/message/subscribe/send', { errcode: -1, errmsg: 'system error' })
    await processDeliveries(app.deps)
    const retry = await deliveryOf(note.id)
    expect(retry).toMatchObject({ status: 'PENDING', attempts: 1 })
    expect(retry!.nextAttemptAt.getTime()).toBeGreaterThan(app.now.value.getTime())
    await processDeliveries(app.deps)
    expect((await deliveryOf(note.id))!.attempts).toBe(1) // not due yet
    app.now.value = new Date(retry!.nextAttemptAt.getTime() + 1)
    await processDeliveries(app.deps)
    expect(await deliveryOf(note.id)).toMatchObject({ status: 'SENT', attempts: 2 })

    const refusing = await subscribedCitizen('openid-ivy')
    wechat.refuseSubscriptions('openid-ivy')
    const refused = await send(refusing.id)
    await processDeliveries(app.deps)
    expect(await deliveryOf(refused.id)).toMatchObject({ status: 'REFUSED', attempts: 1 })
    app.now.value = new Date(app.now.value.getTime() + 24 * 3_600_000)
    await processDeliveries(app.deps)
    expect(await deliveryOf(refused.id)).toMatchObject({ status: 'REFUSED', attempts: 1 })
    expect(await app.db.notification.count({ where: { id: refused.id } })).toBe(1)
  })
})
