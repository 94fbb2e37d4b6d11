import { buildPath, contract, type EndpointName, PRIVACY_NOTICE_VERSION } from '@gm/shared'
import { createSession } from '../../bff/src/repositories/session'
import { hashToken, newToken } from '../../bff/src/security/tokens'
import { seedDemo } from '../../bff/src/seed/demo'
import { createDepartmentItems, type DepartmentItems, shanghaiToday } from '../support/departments'
import { startTestApp, type TestApp } from '../support/testApp'

/**
 * Every endpoint × every kind of caller. The expectations are written out here, independently of
 * the contract's `access` field, and the table must name every endpoint: a new endpoint cannot
 * appear without someone deciding who may call it.
 */
type Outcome = 'ok' | 401 | 403
type Caller = 'anonymous' | 'citizen' | 'editor' | 'reviewer' | 'admin'
const callers: Caller[] = ['anonymous', 'citizen', 'editor', 'reviewer', 'admin']

const EVERYONE: Outcome[] = ['ok', 'ok', 'ok', 'ok', 'ok']
const SIGNED_IN: Outcome[] = [401, 'ok', 'ok', 'ok', 'ok']
const CITIZEN_ONLY: Outcome[] = [401, 'ok', 403, 403, 403]
const STAFF_ONLY: Outcome[] = [401, 403, 'ok', 'ok', 'ok']
const ADMIN_ONLY: Outcome[] = [401, 403, 403, 403, 'ok']
const EDITOR_ONLY: Outcome[] = [401, 403, 'ok', 403, 403]
const REVIEWER_ONLY: Outcome[] = [401, 403, 403, 'ok', 403]
const EDITOR_OR_REVIEWER: Outcome[] = [401, 403, 'ok', 'ok', 403]
const REVIEWER_OR_ADMIN: Outcome[] = [401, 403, 403, 'ok', 'ok']

const expected: Record<EndpointName, Outcome[]> = {
  getOverview: EVERYONE,
  listDepartments: EVERYONE,
  listDecisions: EVERYONE,
  getDecision: EVERYONE,
  listConsultations: EVERYONE,
  getConsultation: EVERYONE,
  listDraftVersions: EVERYONE,
  compareDraftVersions: EVERYONE,
  listEvents: EVERYONE,
  getEvent: EVERYONE,
  listQaItems: EVERYONE,
  listQaTopics: EVERYONE,
  getQaItem: EVERYONE,
  rateQaItem: EVERYONE,
  getFeedback: EVERYONE,
  submitOpinion: CITIZEN_ONLY,
  listMyOpinions: CITIZEN_ONLY,
  listStaffConsultations: STAFF_ONLY,
  getStaffConsultation: STAFF_ONLY,
  createDecision: EDITOR_ONLY,
  listStaffDecisions: STAFF_ONLY,
  getStaffDecision: STAFF_ONLY,
  publishDecision: REVIEWER_ONLY,
  updateDecision: EDITOR_ONLY,
  createConsultation: EDITOR_ONLY,
  updateConsultation: EDITOR_ONLY,
  reviseDraft: EDITOR_ONLY,
  publishConsultation: REVIEWER_ONLY,
  changeWindow: REVIEWER_ONLY,
  listStaffOpinions: REVIEWER_OR_ADMIN,
  recordOfflineOpinion: STAFF_ONLY,
  resetStaffPassword: ADMIN_ONLY,
  moderateOpinion: REVIEWER_OR_ADMIN,
  answerOpinion: REVIEWER_OR_ADMIN,
  listOverdueOpinions: REVIEWER_OR_ADMIN,
  suggestGroups: REVIEWER_OR_ADMIN,
  listGroups: REVIEWER_OR_ADMIN,
  createGroup: REVIEWER_OR_ADMIN,
  updateGroup: REVIEWER_OR_ADMIN,
  answerGroup: REVIEWER_OR_ADMIN,
  publishFeedback: REVIEWER_OR_ADMIN,
  exportOpinions: REVIEWER_OR_ADMIN,
  getDraw: EVERYONE,
  joinEvent: CITIZEN_ONLY,
  listMyRegistrations: CITIZEN_ONLY,
  getSignupDefaults: CITIZEN_ONLY,
  cancelRegistration: CITIZEN_ONLY,
  listStaffEvents: STAFF_ONLY,
  getStaffEvent: STAFF_ONLY,
  createEvent: EDITOR_ONLY,
  updateEvent: EDITOR_ONLY,
  releaseReservedSeats: EDITOR_ONLY,
  publishEvent: REVIEWER_ONLY,
  setEventQuotas: EDITOR_ONLY,
  cancelEvent: REVIEWER_ONLY,
  listRegistrations: REVIEWER_OR_ADMIN,
  reviewRegistration: REVIEWER_OR_ADMIN,
  drawLottery: REVIEWER_OR_ADMIN,
  drawPreview: REVIEWER_OR_ADMIN,
  redrawLottery: REVIEWER_OR_ADMIN,
  checkIn: STAFF_ONLY,
  recordOutcome: REVIEWER_OR_ADMIN,
  exportRegistrations: REVIEWER_OR_ADMIN,
  listEventInvitees: STAFF_ONLY,
  assignInvitee: STAFF_ONLY,
  removeInvitee: STAFF_ONLY,
  recordEventOpinion: REVIEWER_OR_ADMIN,
  listEventOpinions: REVIEWER_OR_ADMIN,
  answerEventOpinion: REVIEWER_OR_ADMIN,
  updateEventOpinion: REVIEWER_OR_ADMIN,
  deleteEventOpinion: REVIEWER_OR_ADMIN,
  loginWithWechat: EVERYONE,
  loginDemo: EVERYONE,
  loginStaff: EVERYONE,
  loginStaffWithWechat: EVERYONE,
  getWorkQueue: STAFF_ONLY,
  bindStaffWechat: EVERYONE,
  logout: SIGNED_IN,
  getMe: SIGNED_IN,
  changePassword: STAFF_ONLY,
  acceptPrivacy: CITIZEN_ONLY,
  bindPhone: CITIZEN_ONLY,
  listMyNotifications: CITIZEN_ONLY,
  readNotification: CITIZEN_ONLY,
  listMyFollows: CITIZEN_ONLY,
  getFollow: CITIZEN_ONLY,
  follow: CITIZEN_ONLY,
  unfollow: CITIZEN_ONLY,
  recordSubscriptions: CITIZEN_ONLY,
  exportMyData: CITIZEN_ONLY,
  deleteMyData: CITIZEN_ONLY,
  listStaff: ADMIN_ONLY,
  createStaff: ADMIN_ONLY,
  updateStaff: ADMIN_ONLY,
  inviteStaff: ADMIN_ONLY,
  createDepartment: ADMIN_ONLY,
  listAudit: ADMIN_ONLY,
  getHolidayCalendar: ADMIN_ONLY,
  getHolidayYear: ADMIN_ONLY,
  replaceHolidayYear: ADMIN_ONLY,
  // —— policy documents and the Q&A library ——
  searchQa: EVERYONE,
  searchAll: EVERYONE,
  listHotQa: EVERYONE,
  listPolicies: EVERYONE,
  getPolicy: EVERYONE,
  getInterpretation: EVERYONE,
  askPolicyQuestion: CITIZEN_ONLY,
  listMyPolicyQuestions: CITIZEN_ONLY,
  listStaffQaItems: STAFF_ONLY,
  getStaffQaItem: STAFF_ONLY,
  createQaItem: EDITOR_ONLY,
  updateQaItem: EDITOR_ONLY,
  publishQaItem: REVIEWER_ONLY,
  confirmQaItem: REVIEWER_ONLY,
  withdrawQaItem: REVIEWER_ONLY,
  createQaTopic: REVIEWER_ONLY,
  listQaSynonyms: STAFF_ONLY,
  listQaUnanswered: EDITOR_OR_REVIEWER,
  answerQaUnanswered: EDITOR_ONLY,
  createQaSynonym: EDITOR_OR_REVIEWER,
  deleteQaSynonym: EDITOR_OR_REVIEWER,
  createQaImport: EDITOR_OR_REVIEWER,
  addQaImportPart: EDITOR_OR_REVIEWER,
  commitQaImport: EDITOR_OR_REVIEWER,
  exportQaItems: STAFF_ONLY,
  listStaffPolicies: STAFF_ONLY,
  getStaffPolicy: STAFF_ONLY,
  createPolicy: EDITOR_ONLY,
  updatePolicy: EDITOR_ONLY,
  publishPolicy: REVIEWER_ONLY,
  changePolicyValidity: REVIEWER_ONLY,
  createInterpretation: EDITOR_ONLY,
  updateInterpretation: EDITOR_ONLY,
  publishInterpretation: REVIEWER_ONLY,
  listStaffPolicyQuestions: REVIEWER_ONLY,
  answerPolicyQuestion: REVIEWER_ONLY,
  promotePolicyQuestion: REVIEWER_ONLY,
  getPublicStatistics: EVERYONE,
  getConsultationStatistics: EVERYONE,
  getStaffStatistics: STAFF_ONLY,
  exportStatistics: STAFF_ONLY,
  getOpenDataCatalog: EVERYONE,
  listOpenConsultations: EVERYONE,
  listOpenOpinions: EVERYONE,
  listOpenGroups: EVERYONE,
  listOpenEvents: EVERYONE,
  listOpenQaItems: EVERYONE,
  exportOpenConsultations: EVERYONE,
  exportOpenOpinions: EVERYONE,
  exportOpenGroups: EVERYONE,
  exportOpenEvents: EVERYONE,
  exportOpenQaItems: EVERYONE,
  listAnswerTemplates: REVIEWER_OR_ADMIN,
  createAnswerTemplate: REVIEWER_OR_ADMIN,
  updateAnswerTemplate: REVIEWER_OR_ADMIN,
  deleteAnswerTemplate: REVIEWER_OR_ADMIN,
  listConsultationAttachments: EVERYONE,
  listEventAttachments: EVERYONE,
  getAttachmentFile: EVERYONE,
  getStaffAttachmentFile: STAFF_ONLY,
  listStaffConsultationAttachments: STAFF_ONLY,
  listStaffEventAttachments: STAFF_ONLY,
  uploadConsultationAttachment: EDITOR_ONLY,
  uploadEventAttachment: EDITOR_ONLY,
  deleteAttachment: EDITOR_ONLY,
}

let app: TestApp
let departmentId: number
let seq = 0

/**
 * A fresh caller per cell (so logout or deleting one's data cannot affect another cell). The matrix
 * citizen accepted the current privacy notice; `privacyVersion` makes one who did not.
 */
async function headersFor(caller: Caller, privacyVersion: string | null = PRIVACY_NOTICE_VERSION): Promise<Record<string, string>> {
  if (caller === 'anonymous') return {}
  seq += 1
  let owner: { citizenId: number } | { staffId: number }
  if (caller === 'citizen') {
    owner = {
      citizenId: (await app.db.citizen.create({ data: { openid: `matrix-${seq}`, privacyVersion, privacyAcceptedAt: privacyVersion ? new Date() : null } })).id,
    }
  } else {
    const role = caller.toUpperCase() as 'EDITOR' | 'REVIEWER' | 'ADMIN'
    const staff = await app.db.staff.create({
      data: { username: `matrix${seq}`, displayName: '矩阵', role, departmentId, passwordHash: 'unused', mustChangePassword: false },
    })
    owner = { staffId: staff.id }
  }
  const token = newToken()
  await createSession(app.db, owner, hashToken(token), new Date(Date.now() + 3_600_000))
  return { Authorization: `Bearer ${token}` }
}

const bodies: Partial<Record<EndpointName, () => unknown>> = {
  rateQaItem: () => ({ helpful: true }),
  recordOfflineOpinion: () => ({ channel: 'PHONE', receivedOn: shanghaiToday(), text: '矩阵测试：电话反映的意见' }),
  loginWithWechat: () => ({ code: 'matrix-code' }),
  loginStaffWithWechat: () => ({ code: 'matrix-code' }),
  loginDemo: () => ({ name: '矩阵' }),
  loginStaff: () => ({ username: 'nobody.matrix', password: 'whatever-1' }),
  bindStaffWechat: () => ({ inviteCode: 'ABCDEFGHJK', code: 'matrix-code' }),
  changePassword: () => ({ currentPassword: 'wrong-one-1', newPassword: 'Another-passw0rd' }),
  acceptPrivacy: () => ({ version: '2026-11' }),
  bindPhone: () => ({ code: 'phone-code' }),
  recordSubscriptions: () => ({ accepted: ['OPINION_ANSWERED'] }),
  createStaff: () => ({ username: `made${++seq}`, displayName: '新人', role: 'EDITOR', departmentId }),
  updateStaff: () => ({ disabled: false }),
  createDepartment: () => ({ name: `矩阵部门${++seq}` }),
  replaceHolidayYear: () => ({ source: '矩阵测试', days: [] }),
  askPolicyQuestion: () => ({ text: '矩阵测试：生育津贴怎么领？', idempotencyKey: `matrix-${++seq}-key` }),
  createQaSynonym: () => ({ terms: [`矩阵词${++seq}`], expansions: ['矩阵规范词'] }),
  createQaTopic: () => ({ name: `矩阵主题${++seq}` }),
  createAnswerTemplate: () => ({ departmentId, title: `矩阵模板${++seq}`, body: '{{称呼}}：您的意见已收悉，感谢参与。' }),
  updateAnswerTemplate: () => ({ departmentId, title: `矩阵模板${++seq}`, body: '{{称呼}}：您的意见已收悉，感谢参与。' }),
  createQaImport: () => ({ format: 'csv', content: Buffer.from('问题,答案\n矩阵问题,矩阵答案\n').toString('base64') }),
}

beforeAll(async () => {
  app = await startTestApp({ settings: { demoLogin: true } })
  await seedDemo(app.db, new Date())
  departmentId = (await app.db.department.findFirstOrThrow()).id
})
afterAll(() => app.close())

it('names every endpoint of the contract', () => {
  expect(Object.keys(expected).sort()).toEqual(Object.keys(contract).sort())
})

describe.each(Object.keys(contract) as EndpointName[])('%s', (name) => {
  it.each(callers.map((caller, i) => [caller, i] as const))('as %s', async (caller, index) => {
    const endpoint = contract[name]
    const target = await app.db.staff.findFirstOrThrow({ select: { id: true } }).catch(() => ({ id: 1 }))
    const params = { id: endpoint.path.includes('/admin/staff/') ? target.id : 1, year: 2030, targetType: 'DEPARTMENT', targetKey: 1 }
    const path = buildPath(endpoint.path, params)
    const body = bodies[name]?.()
    const response = await app.request(path, { method: endpoint.method, headers: await headersFor(caller), ...(body !== undefined ? { json: body } : {}) })
    const outcome = expected[name][index]
    if (outcome === 'ok') {
      // Admitted: whatever the use case answers, it is not an access decision.
      const code = response.body?.error?.code
      expect({ caller, code }).toEqual({ caller, code: expect.not.stringMatching(/^(UNAUTHORIZED|SESSION_EXPIRED|FORBIDDEN|PRIVACY_NOT_ACCEPTED)$/) })
      // Only WeChat being unconfigured in this app may answer 5xx.
      if (response.status >= 500) expect(code).toBe('WECHAT_UNAVAILABLE')
    } else {
      const code = outcome === 401 ? 'UNAUTHORIZED' : 'FORBIDDEN'
      expect({ caller, status: response.status, code: response.body.error.code }).toEqual({ caller, status: outcome, code })
    }
  })
})

/**
 * The citizen writes that store personal data, written out independently of the contract's
 * `consent` flag: refused until the citizen accepted the current privacy notice.
 */
const NEEDS_CONSENT: EndpointName[] = ['submitOpinion', 'joinEvent', 'askPolicyQuestion', 'bindPhone']

it('names exactly the endpoints the contract marks as needing consent', () => {
  const marked = (Object.keys(contract) as EndpointName[]).filter((name) => 'consent' in contract[name])
  expect(marked.sort()).toEqual([...NEEDS_CONSENT].sort())
})

describe.each(NEEDS_CONSENT)('%s without consent to the current privacy notice', (name) => {
  it.each([
    ['a citizen who never accepted it', null],
    ['a citizen who accepted an earlier version', '2020-01'],
  ] as const)('refuses %s with PRIVACY_NOT_ACCEPTED', async (_, privacyVersion) => {
    const endpoint = contract[name]
    const body = bodies[name]?.()
    const response = await app.request(buildPath(endpoint.path, { id: 1 }), {
      method: endpoint.method,
      headers: await headersFor('citizen', privacyVersion),
      ...(body !== undefined ? { json: body } : {}),
    })
    expect([response.status, response.body.error.code, response.body.error.details]).toEqual([
      403,
      'PRIVACY_NOT_ACCEPTED',
      { requiredVersion: PRIVACY_NOTICE_VERSION },
    ])
    expect(response.body.error.message).toMatch(/个人信息保护说明/)
  })
})

describe('one citizen and another', () => {
  it('cannot read, mark or export each other’s notifications', async () => {
    const a = await headersFor('citizen')
    const b = await headersFor('citizen')
    const citizenA = (await app.request('/api/me', { headers: a })).body.id
    const note = await app.db.notification.create({ data: { citizenId: citizenA, kind: 'OPINION_ANSWERED', title: '您的意见已答复', body: '私密内容甲' } })
    expect((await app.request(`/api/me/notifications/${note.id}/read`, { method: 'POST', headers: b })).status).toBe(404)
    expect((await app.db.notification.findUniqueOrThrow({ where: { id: note.id } })).readAt).toBeNull()
    expect(JSON.stringify((await app.request('/api/me/notifications', { headers: b })).body)).not.toContain('私密内容甲')
    expect(JSON.stringify((await app.request('/api/me/data', { headers: b })).body)).not.toContain('私密内容甲')
    expect((await app.request(`/api/me/notifications/${note.id}/read`, { method: 'POST', headers: a })).status).toBe(204)
  })
})

/**
 * Departments are scopes: editors and reviewers reach only the consultations, events and policy
 * questions of their departments (403 FORBIDDEN_DEPARTMENT otherwise); administrators reach all.
 * Each row is refused for staff of department A on department B's item, and admitted for staff
 * of B (and of A and B together).
 */
describe('department scope', () => {
  let a: DepartmentItems
  let b: DepartmentItems

  /** A signed-in staff member of the given departments (the first the primary one). */
  async function staffOf(role: 'EDITOR' | 'REVIEWER' | 'ADMIN', departmentIds: number[]): Promise<Record<string, string>> {
    seq += 1
    const staff = await app.db.staff.create({
      data: {
        username: `scope${seq}`,
        displayName: '部门范围',
        role,
        departmentId: departmentIds[0]!,
        passwordHash: 'unused',
        mustChangePassword: false,
        departments: { create: departmentIds.map((id) => ({ departmentId: id })) },
      },
    })
    const token = newToken()
    await createSession(app.db, { staffId: staff.id }, hashToken(token), new Date(Date.now() + 3_600_000))
    return { Authorization: `Bearer ${token}` }
  }

  beforeAll(async () => {
    a = await createDepartmentItems(app, '范围甲局')
    b = await createDepartmentItems(app, '范围乙局')
  })

  type Row = { role: 'EDITOR' | 'REVIEWER'; method: string; path: (d: DepartmentItems) => string; body?: (own: number) => unknown; read?: true }
  const answer = (own: number) => ({ adoption: 'ADOPTED', content: '已采纳，将在修订稿中体现。', departmentId: own, repliedOn: shanghaiToday() })
  const rows: Record<string, Row> = {
    listStaffOpinions: { role: 'REVIEWER', method: 'GET', path: (d) => `/api/staff/consultations/${d.consultationId}/opinions`, read: true },
    exportOpinions: { role: 'REVIEWER', method: 'GET', path: (d) => `/api/staff/consultations/${d.consultationId}/export?format=csv`, read: true },
    suggestGroups: { role: 'REVIEWER', method: 'GET', path: (d) => `/api/staff/consultations/${d.consultationId}/group-suggestions`, read: true },
    listGroups: { role: 'REVIEWER', method: 'GET', path: (d) => `/api/staff/consultations/${d.consultationId}/groups`, read: true },
    answerOpinion: { role: 'REVIEWER', method: 'PUT', path: (d) => `/api/staff/opinions/${d.opinionId}/answer`, body: answer },
    moderateOpinion: {
      role: 'REVIEWER',
      method: 'POST',
      path: (d) => `/api/staff/opinions/${d.overdueOpinionId}/moderation`,
      body: () => ({ decision: 'HIDE', reason: '与本次征集无关' }),
    },
    createGroup: {
      role: 'REVIEWER',
      method: 'POST',
      path: (d) => `/api/staff/consultations/${d.consultationId}/groups`,
      body: () => ({ title: '新的集中意见', opinionIds: [1] }),
    },
    answerGroup: { role: 'REVIEWER', method: 'PUT', path: (d) => `/api/staff/groups/${d.groupId}/answer`, body: answer },
    changeWindow: {
      role: 'REVIEWER',
      method: 'POST',
      path: (d) => `/api/staff/consultations/${d.consultationId}/window`,
      body: () => ({ closesAt: new Date(Date.now() + 40 * 86_400_000).toISOString(), reason: '延长征集期限，便于更多群众参与' }),
    },
    publishFeedback: { role: 'REVIEWER', method: 'POST', path: (d) => `/api/staff/consultations/${d.consultationId}/feedback` },
    listRegistrations: { role: 'REVIEWER', method: 'GET', path: (d) => `/api/staff/events/${d.eventId}/registrations`, read: true },
    exportRegistrations: { role: 'REVIEWER', method: 'GET', path: (d) => `/api/staff/events/${d.eventId}/export?format=xlsx`, read: true },
    reviewRegistration: {
      role: 'REVIEWER',
      method: 'POST',
      path: (d) => `/api/staff/registrations/${d.registrationId}/review`,
      body: () => ({ decision: 'REJECT', reason: '名额有限' }),
    },
    listEventOpinions: { role: 'REVIEWER', method: 'GET', path: (d) => `/api/staff/events/${d.eventId}/opinions`, read: true },
    recordOfflineOpinion: {
      role: 'EDITOR',
      method: 'POST',
      path: (d) => `/api/staff/consultations/${d.consultationId}/offline-opinions`,
      body: () => ({ channel: 'LETTER', receivedOn: shanghaiToday(), text: '来信建议增加停车位' }),
    },
    recordEventOpinion: {
      role: 'REVIEWER',
      method: 'POST',
      path: (d) => `/api/staff/events/${d.eventId}/opinions`,
      body: () => ({ text: '希望开放日增加夜间场次' }),
    },
    answerEventOpinion: { role: 'REVIEWER', method: 'PUT', path: (d) => `/api/staff/event-opinions/${d.eventOpinionId}/answer`, body: answer },
    updateEventOpinion: {
      role: 'REVIEWER',
      method: 'PUT',
      path: (d) => `/api/staff/event-opinions/${d.eventOpinionId}`,
      body: () => ({ text: '希望开放日增加夜间场次和周末场次' }),
    },
    answerPolicyQuestion: {
      role: 'REVIEWER',
      method: 'POST',
      path: (d) => `/api/staff/policy-questions/${d.questionId}/answer`,
      body: (own) => ({ decision: 'ANSWER', answer: '可在政务服务网在线申请。', departmentId: own }),
    },
    getStaffConsultation: { role: 'EDITOR', method: 'GET', path: (d) => `/api/staff/consultations/${d.consultationId}`, read: true },
    getStaffEvent: { role: 'EDITOR', method: 'GET', path: (d) => `/api/staff/events/${d.eventId}`, read: true },
    releaseReservedSeats: { role: 'EDITOR', method: 'POST', path: (d) => `/api/staff/events/${d.eventId}/release-reserved-seats` },
    checkIn: { role: 'EDITOR', method: 'POST', path: (d) => `/api/staff/events/${d.eventId}/check-ins`, body: () => ({ code: b.checkInCode }) },
    updateEvent: {
      role: 'EDITOR',
      method: 'PUT',
      path: (d) => `/api/staff/events/${d.eventId}`,
      body: (own) => ({
        kind: 'OPEN_DAY',
        title: '范围乙局政府开放日（修改）',
        description: '部门范围测试',
        place: '政务服务中心',
        departmentId: own,
        startsAt: new Date(Date.now() + 20 * 86_400_000).toISOString(),
        endsAt: new Date(Date.now() + 20.1 * 86_400_000).toISOString(),
        signupOpensAt: new Date(Date.now() + 86_400_000).toISOString(),
        signupClosesAt: new Date(Date.now() + 10 * 86_400_000).toISOString(),
        capacity: 20,
        selectionMode: 'REVIEW',
      }),
    },
    // Last: the item is gone for the rows after it.
    deleteEventOpinion: { role: 'REVIEWER', method: 'DELETE', path: (d) => `/api/staff/event-opinions/${d.eventOpinionId}` },
  }
  const call = async (row: Row, headers: Record<string, string>, own: number) => {
    const body = row.body?.(own)
    return app.request(row.path(b), { method: row.method, headers, ...(body !== undefined ? { json: body } : {}) })
  }

  describe.each(Object.keys(rows))('%s on department B’s item', (name) => {
    const row = rows[name]!
    it(`refuses ${row.role.toLowerCase()} of department A with FORBIDDEN_DEPARTMENT, leaving nothing behind`, async () => {
      const auditBefore = await app.db.auditLog.count()
      const response = await call(row, await staffOf(row.role, [a.departmentId]), a.departmentId)
      expect([response.status, response.body.error?.code]).toEqual([403, 'FORBIDDEN_DEPARTMENT'])
      expect(response.body.error.message).toMatch(/其他部门/)
      expect(JSON.stringify(response.body)).not.toContain(b.secrets.phone)
      expect(await app.db.auditLog.count()).toBe(auditBefore)
    })
    it(`admits ${row.role.toLowerCase()} of department B, and of A and B together`, async () => {
      for (const departments of [[b.departmentId], [a.departmentId, b.departmentId]]) {
        const response = await call(row, await staffOf(row.role, departments), b.departmentId)
        expect({ departments, code: response.body?.error?.code }).toEqual({
          departments,
          code: expect.not.stringMatching(/^(FORBIDDEN|FORBIDDEN_DEPARTMENT|UNAUTHORIZED)$/),
        })
        expect(response.status).toBeLessThan(500)
        if (row.read) expect(response.status).toBe(200)
      }
    })
  })

  it('lets an administrator read every department’s items', async () => {
    const admin = await staffOf('ADMIN', [a.departmentId])
    for (const path of [`/api/staff/consultations/${b.consultationId}`, `/api/staff/events/${b.eventId}`]) {
      expect((await app.request(path, { headers: admin })).status).toBe(200)
    }
    const consultations = (await app.request('/api/staff/consultations', { headers: admin })).body as { id: number }[]
    expect(consultations.map((c) => c.id)).toEqual(expect.arrayContaining([a.consultationId, b.consultationId]))
  })

  it('refuses to answer in another department’s name, on one’s own department’s item', async () => {
    const reviewer = await staffOf('REVIEWER', [a.departmentId])
    const response = await app.request(`/api/staff/opinions/${a.opinionId}/answer`, { method: 'PUT', headers: reviewer, json: answer(b.departmentId) })
    expect([response.status, response.body.error.code, response.body.error.details.fields]).toEqual([
      403,
      'FORBIDDEN_DEPARTMENT',
      { departmentId: '只能选择您所属的部门' },
    ])
    expect(await app.db.opinionAnswer.findUnique({ where: { opinionId: a.opinionId } })).toBeNull()
  })

  it('lets an editor draft consultations and events for their own departments only', async () => {
    const day = 86_400_000
    const at = (days: number) => new Date(Date.now() + days * day).toISOString()
    const consultation = (departmentId: number) => ({
      title: '跨部门起草的管理办法（征求意见稿）',
      summary: '部门范围测试',
      departmentId,
      opensAt: at(1),
      closesAt: at(40),
      sections: [{ heading: '第一条', body: '为了规范管理，制定本办法。' }],
    })
    const event = (departmentId: number) => ({
      kind: 'OPEN_DAY',
      title: '跨部门开放日',
      description: '部门范围测试',
      place: '政务服务中心',
      departmentId,
      startsAt: at(20),
      endsAt: at(20.1),
      signupOpensAt: at(1),
      signupClosesAt: at(10),
      capacity: 10,
      selectionMode: 'FIRST_COME',
    })
    const editor = await staffOf('EDITOR', [a.departmentId])
    for (const [path, body] of [
      ['/api/staff/consultations', consultation],
      ['/api/staff/events', event],
    ] as const) {
      const refused = await app.request(path, { method: 'POST', headers: editor, json: body(b.departmentId) })
      expect([path, refused.status, refused.body.error?.code, refused.body.error?.details]).toEqual([
        path,
        403,
        'FORBIDDEN_DEPARTMENT',
        { fields: { departmentId: '只能选择您所属的部门' } },
      ])
      const created = await app.request(path, { method: 'POST', headers: editor, json: body(a.departmentId) })
      expect([path, created.status]).toEqual([path, 201])
    }
    expect(await app.db.consultation.count({ where: { departmentId: b.departmentId } })).toBe(1)
    expect(await app.db.event.count({ where: { departmentId: b.departmentId } })).toBe(1)
  })
})
