// What each published statistic means (口径说明), shown next to every figure, in the exports and in the open data.
import { REPLY_DEADLINE_WORKING_DAYS } from './workingDays'

/** The plans' yearly requirement: each department invites people to sit in on (列席) its meetings at least twice a year. */
export const MEETING_ATTENDANCE_MIN_PER_YEAR = 2

/** Reply-time buckets in working days (upper bound inclusive; the last is open). */
export const REPLY_TIME_BUCKETS: readonly { from: number; to: number | null; label: string }[] = [
  { from: 0, to: 5, label: '5 个工作日内' },
  { from: 6, to: 10, label: '6–10 个工作日' },
  { from: 11, to: 15, label: '11–15 个工作日' },
  { from: 16, to: REPLY_DEADLINE_WORKING_DAYS, label: `16–${REPLY_DEADLINE_WORKING_DAYS} 个工作日` },
  { from: REPLY_DEADLINE_WORKING_DAYS + 1, to: null, label: `超过 ${REPLY_DEADLINE_WORKING_DAYS} 个工作日` },
]

/** The bucket index of a reply time in working days. */
export function replyTimeBucket(days: number): number {
  const index = REPLY_TIME_BUCKETS.findIndex((b) => days >= b.from && (b.to === null || days <= b.to))
  return index === -1 ? 0 : index
}

export const opinionFigureKeys = [
  'received',
  'valid',
  'pending',
  'outOfScope',
  'duplicate',
  'answered',
  'adopted',
  'partiallyAdopted',
  'notAdopted',
  'explained',
  'participants',
  'replyDaysMean',
  'replyDaysMedian',
  'replyDaysMax',
  'overdue',
  'overdueAnswered',
  'overdueOpen',
] as const
export type OpinionFigureKey = (typeof opinionFigureKeys)[number]

export const eventFigureKeys = ['events', 'registrations', 'selected', 'attended', 'meetingAttendance', 'meetingAttendanceMet'] as const
export type EventFigureKey = (typeof eventFigureKeys)[number]

export const qaFigureKeys = ['publishedItems', 'views', 'searches', 'unansweredSearches', 'helpfulVotes', 'unhelpfulVotes', 'helpfulRate', 'mostAsked'] as const
export type QaFigureKey = (typeof qaFigureKeys)[number]

export type StatisticKey = OpinionFigureKey | EventFigureKey | QaFigureKey | 'year' | 'department'

export interface StatisticDefinition {
  label: string
  definition: string
}

/**
 * 口径说明. The data model has no "duplicate" or "out of scope" status: the definitions say how each is
 * derived from what is stored (moderation PENDING / APPROVED / HIDDEN, the adoption of the effective answer,
 * the opinion's text), so a reader can recount every figure.
 */
export const statisticDefinitions: Record<StatisticKey, StatisticDefinition> = {
  year: { label: '年度', definition: '意见按所属征集的开始日期（北京时间）归入年度；活动按举办日期归入年度；问答按浏览与检索发生的日期归入年度。' },
  department: { label: '部门', definition: '意见征集与活动按承办单位统计（答复部门可能不同）；问答按条目的答复部门统计。' },
  received: {
    label: '收到意见',
    definition: '该征集收到的全部意见，包括线上提交与工作人员录入的线下意见（电话、信函、电子邮件、座谈会、听证会、问卷），不论审核结果。',
  },
  valid: { label: '有效意见', definition: '经审核确认去标识化后公开的意见（审核状态“已公开”）。采纳情况只统计有效意见。' },
  pending: { label: '待审核', definition: '尚未审核的意见（审核状态“待审核”，含内容安全检测提示需人工复核的意见）。' },
  outOfScope: {
    label: '不予公开（与草案无关等）',
    definition:
      '系统没有单独的“不属于征集范围”状态：此项为经审核不予公开的意见（审核状态“不予公开”），包括与草案无关、广告灌水、含违法不良信息等，每条均记录了理由。',
  },
  duplicate: {
    label: '重复意见',
    definition:
      '系统没有单独的“重复”状态：意见文字（去除空白和标点后）与同一征集中更早收到的一条意见完全相同的，计为重复；第一条不计。重复意见仍计入收到意见及其审核结果。',
  },
  answered: { label: '已答复', definition: '有效意见中已有答复的条数：本条的答复，或其所在集中意见的答复（集中意见答复后即代表组内每条意见）。' },
  adopted: { label: '采纳', definition: '有效意见中答复为“采纳”的条数：意见建议的内容已被草案修改稿吸收。' },
  partiallyAdopted: { label: '部分采纳', definition: '有效意见中答复为“部分采纳”的条数：部分内容被吸收，未吸收的部分说明了理由。' },
  notAdopted: { label: '不予采纳', definition: '有效意见中答复为“不予采纳”的条数：未被吸收，并说明了理由。' },
  explained: { label: '其他说明', definition: '有效意见中答复为“其他说明”的条数：不属于本草案规定的事项或已有相关规定，作出解释说明。' },
  participants: {
    label: '参与人数',
    definition: '提出意见的不同人数：线上意见按提交账号去重（同一人多条只计一人）；线下录入的意见和本人已删除个人信息的意见无法识别是否同一人，每条计一人。',
  },
  replyDaysMean: {
    label: '平均答复用时（工作日）',
    definition:
      '已答复的有效意见从收到之日到答复日期之间的工作日数（收到当日不计，答复当日计入）的平均值，保留一位小数。工作日按国务院办公厅放假调休安排计算。',
  },
  replyDaysMedian: { label: '答复用时中位数（工作日）', definition: '同上口径的工作日数的中位数（偶数条时取中间两数的平均值）。' },
  replyDaysMax: { label: '最长答复用时（工作日）', definition: '同上口径的工作日数的最大值。' },
  overdue: {
    label: '超期',
    definition: `收到后 ${REPLY_DEADLINE_WORKING_DAYS} 个工作日内未答复的意见（不含不予公开的意见）：超期后才答复的，加上至今超期仍未答复的。`,
  },
  overdueAnswered: { label: '超期答复', definition: `答复日期晚于收到后第 ${REPLY_DEADLINE_WORKING_DAYS} 个工作日的意见。` },
  overdueOpen: { label: '超期未答复', definition: `统计时已超过收到后 ${REPLY_DEADLINE_WORKING_DAYS} 个工作日、仍未答复的意见（不含不予公开的意见）。` },
  events: { label: '活动场次', definition: '已发布、未取消的政府开放日、列席会议、听证座谈活动场次，按举办日期归入年度。' },
  registrations: { label: '报名人次', definition: '这些活动的报名记录数，不含本人取消的报名。' },
  selected: { label: '入选人次', definition: '报名结果为“入选”（含已签到）的人次：先到先得、审核或抽签选出。' },
  attended: { label: '到场人次', definition: '在活动现场签到的人次。' },
  meetingAttendance: {
    label: '邀请列席次数',
    definition: `已举办（开始时间已过）、未取消的列席会议场次。各部门单位年内邀请相关人员列席会议不得少于 ${MEETING_ATTENDANCE_MIN_PER_YEAR} 次。`,
  },
  meetingAttendanceMet: { label: '列席达标', definition: `该部门当年邀请列席次数不少于 ${MEETING_ATTENDANCE_MIN_PER_YEAR} 次。` },
  publishedItems: { label: '问答条目', definition: '目前已发布的问答条目数。' },
  views: { label: '浏览次数', definition: '当年问答条目被浏览的次数（同一人对同一条目只计首次）。' },
  helpfulVotes: { label: '“有帮助”票数', definition: '已发布条目收到的“有帮助”评价数（每人每条一票，可改票）。' },
  unhelpfulVotes: { label: '“没帮助”票数', definition: '已发布条目收到的“没帮助”评价数。' },
  helpfulRate: { label: '有帮助率', definition: '“有帮助”票数 ÷（“有帮助”票数 + “没帮助”票数），无评价时不计算。' },
  searches: { label: '检索次数', definition: '当年在政策问答中检索的次数（同一人当天同样的检索只计一次，翻页不另计）。系统只计数，不保存检索的文字。' },
  unansweredSearches: {
    label: '未找到答案的检索',
    definition: '检索次数中，问答库没有足够好的答案（页面提示可转人工咨询）的次数。只计数，不保存检索的文字（群众常在检索框里输入姓名、电话）。',
  },
  mostAsked: { label: '最常问的问题', definition: '当年浏览次数与检索命中次数之和最多的已发布条目（前 10 条）。' },
}

/** The median of numbers (mean of the middle two for an even count), or null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

/** One decimal place, or null. */
export const oneDecimal = (value: number | null) => (value === null ? null : Math.round(value * 10) / 10)

/** The text two opinions are compared on for 重复意见: no whitespace, no punctuation (ASCII or CJK). */
export function duplicateKey(text: string): string {
  return text.replace(/[\s\p{P}\p{S}]/gu, '')
}
