// Opinion rows in wire shapes: the public answer (the group's when answered), the 20-working-day reply deadline, and the staff view.
import { findPersonalInfo, type PublicAnswer, REPLY_DEADLINE_WORKING_DAYS, type StaffOpinion, workingDayDeadline, type WorkingDayCalendar } from '@gm/shared'
import type { OpinionRow } from '../repositories/opinion'
import { iso } from './paging'
import { masksOf } from './personalInfo'

type AnswerLike = {
  adoption: PublicAnswer['adoption'] | null
  reason: string | null
  content: string | null
  repliedAt: Date | null
  department: { id: number; name: string } | null
}

export function publicAnswer(answer: AnswerLike | null | undefined): PublicAnswer | null {
  if (!answer?.adoption || answer.content === null || !answer.repliedAt || !answer.department) return null
  return { adoption: answer.adoption, reason: answer.reason, content: answer.content, department: answer.department, repliedAt: iso(answer.repliedAt) }
}

/**
 * The answer that stands for an opinion: its concentrated-opinion group's once the group is
 * answered (one reasoned answer for all similar opinions), otherwise its own.
 */
export function effectiveAnswer(row: { group: AnswerLike | null; answer: AnswerLike | null }): PublicAnswer | null {
  return publicAnswer(row.group) ?? publicAnswer(row.answer)
}

/** 20 working days from receipt, and whether that count runs through a year without an official holiday arrangement. */
export const replyDeadline = (receivedAt: Date, calendar: WorkingDayCalendar) => workingDayDeadline(receivedAt, REPLY_DEADLINE_WORKING_DAYS, calendar)

export function toStaffOpinion(row: OpinionRow, now: Date, calendar: WorkingDayCalendar): StaffOpinion {
  const { deadline, estimated } = replyDeadline(row.receivedAt, calendar)
  const answer = effectiveAnswer(row)
  return {
    id: row.id,
    receiptCode: row.receiptCode,
    section: row.section,
    rawText: row.rawText,
    publishedText: row.publishedText,
    suggestedMasks: findPersonalInfo(row.rawText),
    masks: masksOf(row.masks),
    consent: row.consent,
    authorName: row.authorName,
    contactPhone: row.contactPhone,
    secCheckSuggest: row.secCheckSuggest,
    moderation: row.moderation,
    hiddenReason: row.hiddenReason,
    channel: row.channel,
    receivedAt: iso(row.receivedAt),
    createdAt: iso(row.createdAt),
    replyDeadline: iso(deadline),
    deadlineEstimated: estimated,
    overdue: answer === null && now > deadline,
    group: row.group ? { id: row.group.id, title: row.group.title } : null,
    answer: row.answer ? { ...publicAnswer(row.answer)!, revisions: row.answer._count.revisions } : null,
  }
}
