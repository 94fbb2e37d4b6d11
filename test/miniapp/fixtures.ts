import type { ConsultationDetail, ConsultationSummary, EventDetail, EventSummary, Me, MyRegistration, Overview, StaffQaItem } from '@gm/shared'
import { reloadSessionFromStorage, SESSION_STORAGE_KEY, type StoredSession, updateMe } from '../../miniapp/src/api/session'
import Taro from './taroMock'

/** The next Taro.request call answers with this status and body. */
export function respond(statusCode: number, data: unknown): void {
  Taro.request.mockResolvedValueOnce({ statusCode, data, header: {}, errMsg: 'request:ok' })
}

/** The next Taro.request call fails without a response, as wx.request does offline. */
export function failNetwork(errMsg = 'request:fail net::ERR_CONNECTION_REFUSED'): void {
  Taro.request.mockRejectedValueOnce({ errMsg })
}

type Answer = () => Promise<unknown>
const answers = new Map<string, Answer[]>()

export interface SentRequest {
  method: string
  url: string
  path: string
  header: Record<string, string>
  data?: unknown
}

/** Every Taro.request call so far. */
export function sentRequests(): SentRequest[] {
  return Taro.request.mock.calls.map((call) => {
    const options = call[0] as Omit<SentRequest, 'path'>
    return { ...options, path: new URL(options.url).pathname }
  })
}

/**
 * Answer Taro.request by path, for pages that make several requests at once: each call to a
 * path takes the next queued answer; a path with nothing queued gets the BFF's JSON 404. A key
 * may name the method too (`'DELETE /api/me'`), which wins over the bare path.
 */
export function fakeServer() {
  answers.clear()
  Taro.request.mockImplementation((options: { url: string; method: string }) => {
    const path = new URL(options.url).pathname
    const next = answers.get(`${options.method} ${path}`)?.shift() ?? answers.get(path)?.shift()
    return next ? next() : Promise.resolve({ statusCode: 404, data: { error: { code: 'ROUTE_NOT_FOUND', message: '接口不存在' } } })
  })
  const queue = (path: string, answer: Answer) => answers.set(path, [...(answers.get(path) ?? []), answer])
  return {
    reply(path: string, statusCode: number, data: unknown) {
      queue(path, () => Promise.resolve({ statusCode, data, header: {}, errMsg: 'request:ok' }))
    },
    failNetwork(path: string) {
      queue(path, () => Promise.reject({ errMsg: 'request:fail net::ERR_INTERNET_DISCONNECTED' }))
    },
    /** URLs requested for `path`, in order. */
    requested(path: string): string[] {
      return Taro.request.mock.calls.map((call) => (call[0] as { url: string }).url).filter((url) => new URL(url).pathname === path)
    },
  }
}

/** The URL of the n-th Taro.request call. */
export function requestedUrl(n = 0): string {
  return (Taro.request.mock.calls[n]?.[0] as { url: string }).url
}

export function consultation(overrides: Partial<ConsultationSummary> = {}): ConsultationSummary {
  return {
    id: 1,
    title: '关于《城市公园管理办法（征求意见稿）》公开征求意见',
    summary: '规范城市公园的规划、建设与管理。',
    department: { id: 3, name: '市园林绿化局' },
    decisionId: null,
    // 2026-11-01 00:00 to 2026-12-01 00:00 in Asia/Shanghai
    opensAt: '2026-10-31T16:00:00.000Z',
    closesAt: '2026-11-30T16:00:00.000Z',
    status: 'open',
    daysLeft: 10,
    opinionCount: 42,
    feedbackPublished: false,
    ...overrides,
  }
}

export function consultationDetail(overrides: Partial<ConsultationDetail> = {}): ConsultationDetail {
  return {
    ...consultation(),
    explanation: '起草说明正文',
    background: '依据与背景正文',
    isMajorDecision: true,
    shortWindowReason: null,
    draftVersion: 1,
    versionNote: null,
    windowChanges: [],
    sections: [{ id: 11, position: 1, heading: '第一条', body: '为了加强城市公园管理，制定本办法。' }],
    ...overrides,
  }
}

/** A first-come open day, 2026-10-11 14:30–16:00 Beijing time, signup open. */
export function eventSummary(overrides: Partial<EventSummary> = {}): EventSummary {
  return {
    id: 3,
    kind: 'OPEN_DAY',
    title: '政府开放日：走进高新区政务服务中心',
    place: '政务服务中心一楼大厅',
    department: { id: 1, name: '政务服务中心' },
    startsAt: '2026-10-11T06:30:00.000Z',
    endsAt: '2026-10-11T08:00:00.000Z',
    signupOpensAt: '2026-09-20T01:00:00.000Z',
    signupClosesAt: '2026-10-08T10:00:00.000Z',
    signupStatus: 'open',
    capacity: 30,
    seatsLeft: 3,
    selectionMode: 'FIRST_COME',
    ...overrides,
  }
}

export function eventDetail(overrides: Partial<EventDetail> = {}): EventDetail {
  return {
    ...eventSummary(),
    description: '参观大厅',
    eligibility: '',
    liveStreamUrl: null,
    reservedSeats: 0,
    waitlistCapacity: 0,
    decisionId: null,
    cancelled: null,
    drawn: false,
    drawCommitment: null,
    drawQuotas: [],
    outcome: null,
    ...overrides,
  }
}

/** A confirmed registration for eventSummary()'s open day. */
export function myRegistration(overrides: Partial<MyRegistration> = {}): MyRegistration {
  return {
    id: 5,
    event: { id: 3, title: '政府开放日', kind: 'OPEN_DAY', startsAt: '2026-10-11T06:30:00.000Z', place: '政务服务中心', selectionMode: 'FIRST_COME' },
    category: 'PUBLIC',
    status: 'SELECTED',
    checkInCode: 'K7M2P9QX',
    reviewReason: null,
    publicCode: 'R7KQ2MXP',
    createdAt: '2026-09-21T02:05:00.000Z',
    ...overrides,
  }
}

export function page<T>(items: T[], pageNumber: number, total: number, pageSize = 10) {
  return { items, total, page: pageNumber, pageSize }
}

export const overview: Overview = {
  openConsultations: 3,
  opinionsReceived: 128,
  upcomingEvents: 2,
  qaItems: 56,
  decisionsThisYear: 9,
}

/** The BFF's error body for a code, with its table message unless given. */
export function errorBody(code: string, message: string) {
  return { error: { code, message } }
}

export function citizen(overrides: Partial<Extract<Me, { kind: 'citizen' }>> = {}): Me {
  return { kind: 'citizen', id: 11, nickname: '李阿姨', hasPhone: false, privacyAccepted: true, ...overrides }
}

export function staff(overrides: Partial<Extract<Me, { kind: 'staff' }>> = {}): Me {
  return {
    kind: 'staff',
    id: 21,
    username: 'wang.admin',
    displayName: '王管理',
    role: 'ADMIN',
    department: { id: 3, name: '市园林绿化局' },
    mustChangePassword: false,
    wechatBound: false,
    ...overrides,
  }
}

/** A staff Q&A item as GET /api/staff/qa/:id answers (published, citing a policy). */
export function staffQaItem(overrides: Partial<StaffQaItem> = {}): StaffQaItem {
  const answer = overrides.answer ?? '年满 80 周岁的本市户籍老人，可向社区服务站申请高龄津贴。'
  return {
    id: 7,
    question: '高龄津贴怎么申请？',
    answer,
    topic: '养老',
    department: { id: 3, name: '民政局' },
    policy: { id: 2, title: '养老服务补贴办法', docNumber: '高新民发〔2026〕1号', validity: 'VALID' },
    reviewedAt: '2026-10-01T02:00:00.000Z',
    helpfulCount: 3,
    unhelpfulCount: 0,
    reviewNotice: null,
    status: 'PUBLISHED',
    aliases: [],
    answerBlocks: [{ type: 'paragraph', children: [{ text: answer }] }],
    clauseId: null,
    publishedAt: '2026-10-01T02:00:00.000Z',
    flaggedAt: null,
    externalId: null,
    viewCount: 12,
    pendingRevision: null,
    updatedAt: '2026-10-01T02:00:00.000Z',
    ...overrides,
  }
}

export const LATER = '2099-01-01T00:00:00.000Z'

/** A login endpoint's answer. */
export function sessionBody(me: Me, token = 'token-new') {
  return { token, expiresAt: LATER, me }
}

/**
 * Start the test signed in, as if the app had stored a session earlier and (unless `confirmed` is
 * false) already confirmed it with getMe during this run, so pages make no extra request.
 */
export function signedIn(me: Me, token = 'token-old', { confirmed = true } = {}): void {
  const stored: StoredSession = { token, expiresAt: LATER, me }
  Taro.setStorageSync(SESSION_STORAGE_KEY, stored)
  reloadSessionFromStorage()
  if (confirmed) updateMe(me)
  Taro.setStorageSync.mockClear()
}
