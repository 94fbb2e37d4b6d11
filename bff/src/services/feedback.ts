// Publishing a consultation's feedback report (意见采纳情况): every answer at once, re-checked for personal data, and each author told.
import { adoptionLabels, bookTitle, consultationStatus, type Feedback, type PublishFeedbackBody } from '@gm/shared'
import type { Deps } from '../deps'
import type { StaffContext } from '../domain/actor'
import { AppError, notFound } from '../domain/errors'
import { buildTemplateData } from '../integrations/wechat/templateData'
import { findConsultationState, markFeedbackPublished } from '../repositories/consultation'
import { findAuthorsOfConsultation, findOpinionsOfConsultation, updatePublishedExemptions } from '../repositories/opinion'
import { auditorOf, recordAudit } from './audit'
import { requireInScope } from './departmentScope'
import { notify } from './notification'
import { auditPublication, exemptionsOf, unexemptedInOpinion } from './personalInfo'
import { buildFeedback } from './opinion'
import { effectiveAnswer } from './opinionView'

/**
 * Publish every answer and the report together, once the consultation has closed and every
 * opinion is moderated and answered; then tell each author (in-app, and by WeChat if subscribed).
 * Every approved opinion's published text is re-checked with the current detector (opinions approved
 * before masking was enforced, or masked against an older detector): PERSONAL_INFO_UNMASKED lists the
 * opinions and spans, unless `override` gives a reason — then the spans are recorded as exempt and audited.
 */
export async function publishFeedback(deps: Deps, context: StaffContext, consultationId: number, body: PublishFeedbackBody = {}): Promise<Feedback> {
  const override = body?.override
  const now = deps.clock()
  await requireInScope(deps.db, context.actor, 'consultation', consultationId)
  const consultation = await deps.db.$transaction(async (tx) => {
    const state = await findConsultationState(tx, consultationId)
    if (!state?.publishedAt) throw notFound('意见征集')
    if (state.feedbackPublishedAt) throw new AppError('FEEDBACK_ALREADY_PUBLISHED')
    if (consultationStatus(state.opensAt, state.closesAt, now) !== 'closed') throw new AppError('FEEDBACK_NOT_READY', '征集尚未结束，暂不能公开采纳情况')
    const { rows } = await findOpinionsOfConsultation(tx, consultationId, {})
    const pending = rows.filter((r) => r.moderation === 'PENDING').length
    const unanswered = rows.filter((r) => r.moderation !== 'PENDING' && !effectiveAnswer(r)).length
    if (pending > 0 || unanswered > 0)
      throw new AppError('FEEDBACK_NOT_READY', `还有 ${pending} 条意见待审核、${unanswered} 条意见待答复`, { pending, unanswered })
    const unmasked = rows.filter((r) => r.moderation === 'APPROVED' && r.consent !== 'PRIVATE').flatMap(unexemptedInOpinion)
    if (unmasked.length > 0 && !override) {
      const ids = [...new Set(unmasked.map((s) => s.opinionId))]
      const kinds = [...new Set(unmasked.map((s) => s.label))].join('、')
      throw new AppError(
        'PERSONAL_INFO_UNMASKED',
        `${ids.length} 条已审核意见的公开文本中仍有未隐去的个人信息（${kinds}），请重新审核隐去，或填写仍然公开的理由`,
        { spans: unmasked, opinionIds: ids },
      )
    }
    for (const row of rows) {
      const spans = unmasked.filter((s) => s.opinionId === row.id)
      if (spans.length === 0) continue
      await updatePublishedExemptions(tx, row.id, [...exemptionsOf(row.publishedExemptions), ...spans.map(({ start, end }) => ({ start, end }))])
      await auditPublication(
        tx,
        auditorOf(context),
        { action: 'publishFeedback', entity: 'opinion', entityId: row.id },
        { overridden: spans, dismissed: [] },
        override,
      )
    }
    await markFeedbackPublished(tx, consultationId, now)
    for (const author of await findAuthorsOfConsultation(tx, consultationId)) {
      const answer = author.group?.adoption ? author.group : author.answer
      if (!answer?.adoption || !author.citizenId) continue
      await notify(deps, tx, {
        citizenId: author.citizenId,
        kind: 'OPINION_ANSWERED',
        title: '您的意见已答复',
        body: `您对${bookTitle(state.title)}提出的意见（受理编号 ${author.receiptCode}）已答复：${adoptionLabels[answer.adoption]}。`,
        link: `/packages/consultation/pages/feedback/index?id=${consultationId}`,
        templateData: buildTemplateData({ thing1: state.title, phrase2: adoptionLabels[answer.adoption], time3: answer.repliedAt ?? now }),
        dedupeKey: `opinion-answered:${author.id}`,
      })
    }
    await recordAudit(tx, auditorOf(context), {
      action: 'publishFeedback',
      entity: 'consultation',
      entityId: consultationId,
      after: { feedbackPublishedAt: now },
    })
    return state
  })
  return buildFeedback(deps, consultationId, consultation.title, now)
}
