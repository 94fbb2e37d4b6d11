// Every in-app route by domain, and the navigation helpers pages use (open, replace, switch tab, go back, open a notification link).
import Taro from '@tarojs/taro'

/** Every in-app route, by domain. Subpackage pages live under packages/<domain>/. */
export const routes = {
  consultations: () => '/pages/consultations/index',
  events: () => '/pages/events/index',
  consultationDetail: (id: number) => `/packages/consultation/pages/detail/index?id=${id}`,
  /** 提交意见 on the whole draft, or on one clause. */
  consultationOpinion: (id: number, sectionId?: number | null) =>
    `/packages/consultation/pages/opinion/index?id=${id}${sectionId ? `&sectionId=${sectionId}` : ''}`,
  consultationFeedback: (id: number) => `/packages/consultation/pages/feedback/index?id=${id}`,
  /** 历次版本: a draft's published versions and the comparison of two of them. */
  consultationVersions: (id: number) => `/packages/consultation/pages/versions/index?id=${id}`,
  eventDetail: (id: number) => `/packages/event/pages/detail/index?id=${id}`,
  eventSignup: (id: number) => `/packages/event/pages/signup/index?id=${id}`,
  eventDraw: (id: number) => `/packages/event/pages/draw/index?id=${id}`,
  qaDetail: (id: number) => `/packages/qa/pages/detail/index?id=${id}`,
  qaPolicy: (id: number) => `/packages/qa/pages/policy/index?id=${id}`,
  qaInterpretation: (id: number) => `/packages/qa/pages/interpretation/index?id=${id}`,
  /** 搜索结果 of the home tab's one search box (consultations, policies, interpretations, events, Q&A). */
  search: (q: string) => `/packages/search/pages/results/index?q=${encodeURIComponent(q)}`,
  /** 向工作人员提问, with the search words prefilled. */
  qaAsk: (q?: string) => `/packages/qa/pages/ask/index${q ? `?q=${encodeURIComponent(q)}` : ''}`,
  qaMyQuestions: () => '/packages/qa/pages/questions/index',
  /** 政策文件库 (citizens): search documents, see validity and replacements. */
  qaPolicies: () => '/packages/qa/pages/policies/index',
  staffPolicyQuestions: () => '/packages/staff/pages/policy-questions/index',
  /** 政策文件管理: documents, validity, interpretations (staff). */
  staffPolicies: () => '/packages/staff/pages/policies/index',
  /** 部门管理 (administrators). */
  staffDepartments: () => '/packages/staff/pages/departments/index',
  /** 答复模板 (reviewers, administrators). */
  staffAnswerTemplates: () => '/packages/staff/pages/answer-templates/index',
  /** 问答主题 (reviewers). */
  staffQaTopics: () => '/packages/staff/pages/qa-topics/index',
  decisionList: () => '/packages/decision/pages/list/index',
  decisionDetail: (id: number) => `/packages/decision/pages/detail/index?id=${id}`,
  mine: () => '/pages/mine/index',
  login: () => '/packages/me/pages/login/index',
  notifications: () => '/packages/me/pages/notifications/index',
  myFollows: () => '/packages/me/pages/follows/index',
  accessibility: () => '/packages/me/pages/accessibility/index',
  myData: () => '/packages/me/pages/data/index',
  myOpinions: () => '/packages/me/pages/opinions/index',
  myRegistrations: () => '/packages/me/pages/registrations/index',
  staffLogin: () => '/packages/staff/pages/login/index',
  staffPassword: () => '/packages/staff/pages/password/index',
  staffHome: () => '/packages/staff/pages/home/index',
  staffBind: () => '/packages/staff/pages/bind/index',
  staffConsultations: () => '/packages/staff/pages/consultations/index',
  staffConsultation: (id: number) => `/packages/staff/pages/consultation/index?id=${id}`,
  /** A new draft without an id, editing one with it. */
  staffConsultationForm: (id?: number) => `/packages/staff/pages/consultation-form/index${id ? `?id=${id}` : ''}`,
  staffOpinions: (id: number) => `/packages/staff/pages/opinions/index?id=${id}`,
  staffGroups: (id: number) => `/packages/staff/pages/groups/index?id=${id}`,
  /** 录入线下意见 of one consultation (phone, letter, 座谈会…). */
  staffOfflineOpinion: (id: number) => `/packages/staff/pages/offline-opinion/index?id=${id}`,
  staffEvents: () => '/packages/staff/pages/events/index',
  staffEvent: (id: number) => `/packages/staff/pages/event/index?id=${id}`,
  staffEventForm: (id?: number) => `/packages/staff/pages/event-form/index${id ? `?id=${id}` : ''}`,
  staffEventDraw: (id: number) => `/packages/staff/pages/event-draw/index?id=${id}`,
  staffCheckIn: (id: number) => `/packages/staff/pages/check-in/index?id=${id}`,
  staffQa: () => '/packages/staff/pages/qa/index',
  /** A new Q&A item without an id, editing one with it. */
  staffQaItem: (id?: number) => `/packages/staff/pages/qa-item/index${id ? `?id=${id}` : ''}`,
  staffQaSynonyms: () => '/packages/staff/pages/qa-synonyms/index',
  staffQaImport: () => '/packages/staff/pages/qa-import/index',
  /** 决策事项目录管理 */
  staffDecisions: () => '/packages/staff/pages/decisions/index',
  /** A new catalog entry without an id, editing one with it. */
  staffDecisionForm: (id?: number) => `/packages/staff/pages/decision-form/index${id ? `?id=${id}` : ''}`,
  /** 参加人员意见: record what attendees said at an event and answer it. */
  staffEventOpinions: (id: number) => `/packages/staff/pages/event-opinions/index?id=${id}`,
  /** 放假安排: the holiday calendar deadlines are counted with (administrators). */
  staffHolidayCalendar: () => '/packages/staff/pages/holiday-calendar/index',
  /** 统计分析 (staff: their departments, per year, exports). */
  staffStatistics: () => '/packages/statistics/pages/staff/index',
  /** 公开统计 (citizens: published figures per year). */
  publicStatistics: () => '/packages/statistics/pages/public/index',
  /** One consultation's published statistics. */
  consultationStatistics: (id: number) => `/packages/statistics/pages/consultation/index?id=${id}`,
}

/** Tab pages can only be reached with switchTab. */
const tabPages = ['/pages/consultations/index', '/pages/events/index', '/pages/qa/index', '/pages/mine/index']

const pathOf = (url: string) => `/${url.replace(/^\/+/, '').split('?')[0]}`

export function openPage(url: string): void {
  void Taro.navigateTo({ url })
}

/** Replace the current page (login → 工作台), so 返回 does not lead back to the form. */
export function replacePage(url: string): void {
  void Taro.redirectTo({ url })
}

export function openTab(url: string): void {
  void Taro.switchTab({ url })
}

/** The path of the page on top, e.g. `/packages/me/pages/login/index`; null when unknown. */
export function currentPath(): string | null {
  try {
    const pages = Taro.getCurrentPages()
    const top = pages[pages.length - 1] as { route?: string; path?: string } | undefined
    const route = top?.route ?? top?.path
    return route ? pathOf(route) : null
  } catch {
    return null
  }
}

/** Open a page unless it is already on top (several failing requests ask for the same login page). */
export function openPageOnce(url: string): void {
  if (currentPath() !== pathOf(url)) openPage(url)
}

/** How many pages are on the stack (0 when the runtime cannot tell). */
function stackDepth(): number {
  try {
    return Taro.getCurrentPages().length
  } catch {
    return 0
  }
}

/** After signing in: back to where the user came from, or to 我的 when the login page was the first. */
export function leavePage(fallbackTab = routes.mine()): void {
  if (stackDepth() > 1) void Taro.navigateBack()
  else openTab(fallbackTab)
}

/** Back to the page under this one (a list after its form), or open `url` in this one's place when there is none. */
export function goBackTo(url: string): void {
  if (stackDepth() > 1) void Taro.navigateBack()
  else replacePage(url)
}

/**
 * Open a link carried by a notification. Only in-app paths are followed (a mini-program cannot
 * open web pages); returns false for anything else.
 */
export function openLink(link: string): boolean {
  if (!link.startsWith('/') || link.startsWith('//')) return false
  if (tabPages.includes(pathOf(link))) openTab(pathOf(link))
  else openPage(link)
  return true
}
