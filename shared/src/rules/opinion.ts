// Rules of opinions: adoption outcomes with their published definitions, when a reason or reply date is valid, the state a citizen sees, when answers go public.
import { formatShanghaiDate } from './time'

/** Adoption of an opinion (采纳情况), with the definitions published alongside the report. */
export const adoptions = ['ADOPTED', 'PARTIALLY_ADOPTED', 'NOT_ADOPTED', 'EXPLAINED'] as const
export type Adoption = (typeof adoptions)[number]

export const adoptionLabels: Record<Adoption, string> = {
  ADOPTED: '采纳',
  PARTIALLY_ADOPTED: '部分采纳',
  NOT_ADOPTED: '不予采纳',
  EXPLAINED: '其他说明',
}

export const adoptionDefinitions: Record<Adoption, string> = {
  ADOPTED: '意见建议的内容已被草案修改稿吸收。',
  PARTIALLY_ADOPTED: '意见建议的部分内容被吸收；未吸收的部分须说明理由。',
  NOT_ADOPTED: '意见建议未被吸收，须说明理由。',
  EXPLAINED: '意见建议不属于本草案规定的事项，或已有相关规定，作出解释说明。',
}

/**
 * 答复日期 (a Shanghai calendar date, YYYY-MM-DD) cannot precede the day the opinion was received
 * (its Shanghai calendar date); the same day is fine.
 */
export function replyPrecedesReceipt(repliedOn: string, receivedAt: Date | string | number): boolean {
  return repliedOn < formatShanghaiDate(receivedAt)
}

/** A reason is mandatory when an opinion is only partly or not adopted. */
export function adoptionNeedsReason(adoption: Adoption): boolean {
  return adoption === 'PARTIALLY_ADOPTED' || adoption === 'NOT_ADOPTED'
}

/** What the citizen sees of their opinion: 已提交 → 已受理 (moderated) → 已答复 (feedback published). */
export type OpinionState = 'SUBMITTED' | 'ACCEPTED' | 'ANSWERED'
export const opinionStateLabels: Record<OpinionState, string> = { SUBMITTED: '已提交', ACCEPTED: '已受理', ANSWERED: '已答复' }

export type ModerationStatus = 'PENDING' | 'APPROVED' | 'HIDDEN'

export function opinionState(input: { moderation: ModerationStatus; answered: boolean; feedbackPublished: boolean }): OpinionState {
  if (input.feedbackPublished && input.answered) return 'ANSWERED'
  return input.moderation === 'PENDING' ? 'SUBMITTED' : 'ACCEPTED'
}

/** Answers stay internal until the consultation's feedback is published, then all become public at once. */
export function isAnswerPublic(feedbackPublishedAt: Date | string | null, now: Date | number = Date.now()): boolean {
  return feedbackPublishedAt !== null && new Date(feedbackPublishedAt).getTime() <= new Date(now).getTime()
}

export const OPINION_MIN_CHARS = 5
export const OPINION_MAX_CHARS = 2000
