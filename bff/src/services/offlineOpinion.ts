// Opinions received offline (phone, letter, e-mail, 座谈会, 听证会, 问卷), entered by staff into the same record as online ones.
import { type BodyOf, formatShanghaiDate, type StaffOpinion } from '@gm/shared'
import type { Deps } from '../deps'
import type { StaffContext } from '../domain/actor'
import { AppError, notFound, validationFailed } from '../domain/errors'
import { findConsultationState } from '../repositories/consultation'
import { findOpinion, findSectionOfVersion, insertOpinion, lockConsultationForSubmit } from '../repositories/opinion'
import { auditorOf, recordAudit } from './audit'
import { requireInScope } from './departmentScope'
import { workingCalendar } from './workingCalendar'
import { toStaffOpinion } from './opinionView'
import { repliedAtOf } from './paging'
import { withReceiptCode } from './receiptCode'

/**
 * 收到日期 must lie between the consultation's opening day and today, and not after its closing day
 * (an opinion received after the window is not part of this consultation). It is stored as the start
 * of that Shanghai day, but not before the opening moment.
 */
function receivedAtOf(receivedOn: string, window: { opensAt: Date; closesAt: Date }, now: Date): Date {
  const opensOn = formatShanghaiDate(window.opensAt)
  const closesOn = formatShanghaiDate(window.closesAt)
  if (receivedOn > formatShanghaiDate(now)) throw validationFailed({ receivedOn: '收到日期不能晚于今天' })
  if (receivedOn < opensOn) throw validationFailed({ receivedOn: `收到日期不能早于征集开始日期（${opensOn}）` })
  if (receivedOn > closesOn) throw validationFailed({ receivedOn: `收到日期不能晚于征集截止日期（${closesOn}），逾期收到的意见不计入本次征集` })
  const dayStart = repliedAtOf(receivedOn)
  return dayStart < window.opensAt ? window.opensAt : dayStart
}

/**
 * Enter an opinion received offline. It is stored like a citizen's (through the same insert, so every
 * count stays right), waits for moderation with masking, is answered, and is counted in the adoption
 * report under its channel. Its contact phone is kept only with the person's recorded consent (audited).
 * Allowed from the consultation's publication until its feedback is published.
 */
export async function recordOfflineOpinion(
  deps: Deps,
  context: StaffContext,
  consultationId: number,
  body: BodyOf<'recordOfflineOpinion'>,
): Promise<StaffOpinion> {
  await requireInScope(deps.db, context.actor, 'consultation', consultationId)
  const now = deps.clock()
  return withReceiptCode('YJ', now, (receiptCode) =>
    deps.db.$transaction(async (tx) => {
      const locked = await lockConsultationForSubmit(tx, consultationId)
      const state = await findConsultationState(tx, consultationId)
      if (!locked || !state) throw notFound('意见征集')
      if (!state.publishedAt || state.publishedAt > now) throw new AppError('CONSULTATION_NOT_OPEN', '征集尚未发布，不能录入意见')
      if (state.opensAt > now) throw new AppError('CONSULTATION_NOT_OPEN', '意见征集尚未开始，不能录入意见')
      if (state.feedbackPublishedAt) throw new AppError('FEEDBACK_ALREADY_PUBLISHED', '意见采纳情况已公开，不能再录入意见')
      const receivedAt = receivedAtOf(body.receivedOn, state, now)
      const sectionId = body.sectionId ?? null
      if (sectionId !== null && !(await findSectionOfVersion(tx, consultationId, locked.draft_version, sectionId))) {
        throw validationFailed({ sectionId: '所选条款不存在或已被修订，请刷新后重新选择' })
      }
      const contactPhone = body.contactConsent === true ? (body.contactPhone ?? null) : null
      const created = await insertOpinion(tx, {
        consultationId,
        sectionId,
        citizenId: null,
        receiptCode,
        rawText: body.text,
        consent: body.consent,
        authorName: body.consent === 'PUBLISH_NAMED' ? (body.authorName ?? null) : null,
        contactPhone,
        idempotencyKey: null,
        requestHash: null,
        secCheckSuggest: null,
        createdAt: now,
        channel: body.channel,
        receivedAt,
        enteredById: context.actor.staffId,
      })
      await recordAudit(tx, auditorOf(context), {
        action: 'recordOfflineOpinion',
        entity: 'opinion',
        entityId: created.id,
        after: {
          consultationId,
          channel: body.channel,
          receivedOn: body.receivedOn,
          sectionId,
          consent: body.consent,
          contactKept: contactPhone !== null,
          contactConsent: contactPhone !== null,
        },
      })
      const row = await findOpinion(tx, created.id)
      if (!row) throw notFound('意见')
      return toStaffOpinion(row, now, await workingCalendar(deps, tx))
    }),
  )
}
