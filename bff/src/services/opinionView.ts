import { addWorkingDays, findPersonalInfo, type PublicAnswer, REPLY_DEADLINE_WORKING_DAYS, type StaffOpinion } from '@gm/shared'
import type { GroupRow, OpinionRow } from '../repositories/opinion'
import { iso } from './paging'

type AnswerLike = { adoption: PublicAnswer['adoption'] | null; reason: string | null; content: string | null; repliedAt: Date | null; department: { id: number; name: string } | null }

export function publicAnswer(answer: AnswerLike | null | undefined): PublicAnswer | null {
  if (!answer?.adoption || answer.content === null || !answer.repliedAt || !answer.department) return null
  return { adoption: answer.adoption, reason: answer.reason, content: answer.content, department: answer.department, repliedAt: iso(answer.repliedAt) }
}

/**
 * The answer that stands for an opinion: its concentrated-opinion group's once the group is
 * answered (one reasoned answer for all similar opinions), otherwise its own.
 */
export function effectiveAnswer(row: { group: GroupRow | null; answer: OpinionRow['answer'] }): PublicAnswer | null {
  return publicAnswer(row.group) ?? publicAnswer(row.answer)
}

export const replyDeadline = (createdAt: Date) => addWorkingDays(createdAt, REPLY_DEADLINE_WORKING_DAYS)

export function toStaffOpinion(row: OpinionRow, now: Date): StaffOpinion {
  const deadline = replyDeadline(row.createdAt)
  const answer = effectiveAnswer(row)
  return {
    id: row.id,
    receiptCode: row.receiptCode,
    section: row.section,
    rawText: row.rawText,
    publishedText: row.publishedText,
    suggestedMasks: findPersonalInfo(row.rawText),
    consent: row.consent,
    authorName: row.authorName,
    contactPhone: row.contactPhone,
    secCheckSuggest: row.secCheckSuggest,
    moderation: row.moderation,
    hiddenReason: row.hiddenReason,
    createdAt: iso(row.createdAt),
    replyDeadline: iso(deadline),
    overdue: answer === null && now > deadline,
    group: row.group ? { id: row.group.id, title: row.group.title } : null,
    answer: row.answer ? { ...publicAnswer(row.answer)!, revisions: row.answer._count.revisions } : null,
  }
}
