// Staff work on opinions: moderation with personal-data masks, answers, concentrated-opinion groups, overdue lists, and publishing the feedback report.
import {
  adoptionLabels,
  applyMasks,
  type BodyOf,
  consultationStatus,
  DAY_MS,
  type Feedback,
  type PublishFeedbackBody,
  type QueryOf,
  replyPrecedesReceipt,
  type ResponseOf,
  type StaffOpinion,
} from '@gm/shared'
import type { DbOrTx } from '../db/client'
import { suggestGroups as clusterOpinions } from '../search/similarity'
import type { Deps } from '../deps'
import type { StaffContext } from '../domain/actor'
import { AppError, notFound, validationFailed } from '../domain/errors'
import { buildTemplateData } from '../integrations/wechat/templateData'
import { findConsultationState, markFeedbackPublished } from '../repositories/consultation'
import {
  countOpinionsInConsultation,
  findAuthorsOfConsultation,
  findGroup,
  findGroups,
  findOpinion,
  findOpinionsOfConsultation,
  findUnansweredSince,
  insertGroup,
  replaceGroupMembers,
  saveAnswer,
  saveGroupAnswer,
  updateModeration,
  updatePublishedExemptions,
} from '../repositories/opinion'
import { auditorOf, recordAudit, recordContactRead } from './audit'
import { assertInScope, requireInScope, scopeOf } from './departmentScope'
import { notify } from './notification'
import { answerTexts, auditPublication, checkPublication, exemptionsOf, exemptionsFor, unexemptedInOpinion } from './personalInfo'
import { buildFeedback } from './opinion'
import { workingCalendar } from './workingCalendar'
import { effectiveAnswer, replyDeadline, toStaffOpinion } from './opinionView'
import { iso, pageOf, pageWindow, repliedAtOf, replyBeforeReceipt } from './paging'

async function requireOpinion(db: DbOrTx, id: number) {
  const opinion = await findOpinion(db, id)
  if (!opinion) throw notFound('意见')
  if (opinion.consultation.feedbackPublishedAt) throw new AppError('FEEDBACK_ALREADY_PUBLISHED')
  return opinion
}

async function staffOpinion(deps: Deps, db: DbOrTx, id: number): Promise<StaffOpinion> {
  const row = await findOpinion(db, id)
  if (!row) throw notFound('意见')
  return toStaffOpinion(row, deps.clock(), await workingCalendar(deps, db))
}

export async function listStaffOpinions(
  deps: Deps,
  context: StaffContext,
  consultationId: number,
  query: QueryOf<'listStaffOpinions'>,
): Promise<ResponseOf<'listStaffOpinions'>> {
  await requireInScope(deps.db, context.actor, 'consultation', consultationId)
  const now = deps.clock()
  const calendar = await workingCalendar(deps)
  const { rows, total } = await findOpinionsOfConsultation(
    deps.db,
    consultationId,
    { moderation: query.moderation, unanswered: query.unanswered },
    pageWindow(query),
  )
  await recordContactRead(deps.db, auditorOf(context), {
    via: 'listStaffOpinions',
    entity: 'consultation',
    entityId: consultationId,
    records: rows.length,
    fields: ['rawText', 'authorName', 'contactPhone'],
  })
  return pageOf(
    rows.map((row) => toStaffOpinion(row, now, calendar)),
    total,
    query,
  )
}

/**
 * Approve with the masks staff confirmed (the published text is the raw text with them applied),
 * or hide with a reason. Each redaction is logged by kind and position, never by content. Detected
 * personal information left unmasked is refused (PERSONAL_INFO_UNMASKED) unless dismissed or
 * overridden with a reason; a PRIVATE opinion's text is never published, so only its masks are checked.
 */
export async function moderateOpinion(deps: Deps, context: StaffContext, id: number, body: BodyOf<'moderateOpinion'>): Promise<StaffOpinion> {
  await requireInScope(deps.db, context.actor, 'opinion', id)
  return deps.db.$transaction(async (tx) => {
    const opinion = await requireOpinion(tx, id)
    const now = deps.clock()
    if (body.decision === 'APPROVE') {
      const check = checkPublication(opinion.consent === 'PRIVATE' ? [] : [{ field: 'text', text: opinion.rawText, masks: body.masks }], body)
      let publishedText: string
      try {
        publishedText = applyMasks(opinion.rawText, body.masks)
      } catch (err) {
        if (err instanceof RangeError) throw validationFailed({ masks: '遮盖范围超出原文或相互重叠' })
        throw err
      }
      const publishedExemptions = opinion.consent === 'PRIVATE' ? [] : exemptionsFor(opinion.rawText, body.masks, check)
      await updateModeration(tx, id, {
        moderation: 'APPROVED',
        publishedText,
        publishedExemptions,
        hiddenReason: null,
        moderatedAt: now,
        moderatedById: context.actor.staffId,
      })
      await auditPublication(tx, auditorOf(context), { action: 'moderateOpinion', entity: 'opinion', entityId: id }, check, body.override)
    } else {
      await updateModeration(tx, id, {
        moderation: 'HIDDEN',
        publishedText: null,
        publishedExemptions: [],
        hiddenReason: body.reason,
        moderatedAt: now,
        moderatedById: context.actor.staffId,
      })
    }
    await recordAudit(tx, auditorOf(context), {
      action: 'moderateOpinion',
      entity: 'opinion',
      entityId: id,
      before: { moderation: opinion.moderation },
      after:
        body.decision === 'APPROVE'
          ? { moderation: 'APPROVED', redactions: body.masks.map(({ kind, start, end }) => ({ kind: kind ?? 'MANUAL', start, end })) }
          : { moderation: 'HIDDEN', reason: body.reason },
    })
    return staffOpinion(deps, tx, id)
  })
}

/** Answer a moderated opinion; every version is kept, and nothing is public before feedback is published. */
export async function answerOpinion(deps: Deps, context: StaffContext, id: number, body: BodyOf<'answerOpinion'>): Promise<StaffOpinion> {
  await requireInScope(deps.db, context.actor, 'opinion', id)
  assertInScope(context.actor, body.departmentId, 'departmentId')
  return deps.db.$transaction(async (tx) => {
    const opinion = await requireOpinion(tx, id)
    if (opinion.moderation === 'PENDING') throw new AppError('OPINION_NOT_MODERATED')
    if (replyPrecedesReceipt(body.repliedOn, opinion.receivedAt)) throw replyBeforeReceipt(opinion.receivedAt)
    const input = {
      adoption: body.adoption,
      reason: body.reason?.trim() || null,
      content: body.content,
      departmentId: body.departmentId,
      repliedAt: repliedAtOf(body.repliedOn),
      staffId: context.actor.staffId,
    }
    const check = checkPublication(answerTexts(input), body)
    await saveAnswer(tx, id, input)
    await recordAudit(tx, auditorOf(context), { action: 'answerOpinion', entity: 'opinion', entityId: id, before: opinion.answer, after: input })
    await auditPublication(tx, auditorOf(context), { action: 'answerOpinion', entity: 'opinion', entityId: id }, check, body.override)
    return staffOpinion(deps, tx, id)
  })
}

export async function listOverdueOpinions(deps: Deps, context: StaffContext): Promise<ResponseOf<'listOverdueOpinions'>> {
  const now = deps.clock()
  // 20 working days are never fewer than 20 calendar days: narrow in SQL, decide exactly here.
  const candidates = await findUnansweredSince(deps.db, new Date(now.getTime() - 20 * DAY_MS), scopeOf(context.actor))
  const calendar = await workingCalendar(deps)
  return candidates.flatMap((row) => {
    const { deadline, estimated } = replyDeadline(row.receivedAt, calendar)
    return deadline < now
      ? [
          {
            id: row.id,
            receiptCode: row.receiptCode,
            consultation: row.consultation,
            createdAt: iso(row.createdAt),
            replyDeadline: iso(deadline),
            deadlineEstimated: estimated,
          },
        ]
      : []
  })
}

// —— concentrated opinions ——

export async function suggestGroups(deps: Deps, context: StaffContext, consultationId: number): Promise<ResponseOf<'suggestGroups'>> {
  await requireInScope(deps.db, context.actor, 'consultation', consultationId)
  const { rows } = await findOpinionsOfConsultation(deps.db, consultationId, {})
  const candidates = rows.filter((r) => r.moderation !== 'HIDDEN' && !r.group).map((r) => ({ id: r.id, text: r.rawText }))
  return clusterOpinions(candidates).map((g) => ({ opinionIds: g.ids, score: Math.round(g.score * 1000) / 1000, keywords: g.keywords }))
}

type GroupView = Awaited<ReturnType<typeof findGroups>>[number]
const toGroup = (group: GroupView) => ({
  id: group.id,
  title: group.title,
  opinionIds: group.opinions.map((o) => o.id),
  answer: effectiveAnswer({ group, answer: null }),
})

export async function listGroups(deps: Deps, context: StaffContext, consultationId: number): Promise<ResponseOf<'listGroups'>> {
  await requireInScope(deps.db, context.actor, 'consultation', consultationId)
  return (await findGroups(deps.db, consultationId)).map(toGroup)
}

async function requireMembers(db: DbOrTx, consultationId: number, opinionIds: number[]) {
  const unique = [...new Set(opinionIds)]
  if ((await countOpinionsInConsultation(db, consultationId, unique)) !== unique.length) throw validationFailed({ opinionIds: '包含不属于本次征集的意见' })
  return unique
}

async function requireGroup(db: DbOrTx, id: number) {
  const group = await findGroup(db, id)
  if (!group) throw notFound('集中意见')
  if (group.consultation.feedbackPublishedAt) throw new AppError('FEEDBACK_ALREADY_PUBLISHED')
  return group
}

async function groupView(db: DbOrTx, consultationId: number, id: number) {
  const group = (await findGroups(db, consultationId)).find((g) => g.id === id)
  if (!group) throw notFound('集中意见')
  return toGroup(group)
}

export async function createGroup(deps: Deps, context: StaffContext, consultationId: number, body: BodyOf<'createGroup'>): Promise<ResponseOf<'createGroup'>> {
  await requireInScope(deps.db, context.actor, 'consultation', consultationId)
  return deps.db.$transaction(async (tx) => {
    const consultation = await findConsultationState(tx, consultationId)
    if (!consultation) throw notFound('意见征集')
    if (consultation.feedbackPublishedAt) throw new AppError('FEEDBACK_ALREADY_PUBLISHED')
    const check = checkPublication([{ field: 'title', text: body.title }], body)
    const ids = await requireMembers(tx, consultationId, body.opinionIds)
    const { id } = await insertGroup(tx, consultationId, body.title, ids)
    await auditPublication(tx, auditorOf(context), { action: 'createGroup', entity: 'opinionGroup', entityId: id }, check, body.override)
    await recordAudit(tx, auditorOf(context), { action: 'createGroup', entity: 'opinionGroup', entityId: id, after: { title: body.title, opinionIds: ids } })
    return groupView(tx, consultationId, id)
  })
}

export async function updateGroup(deps: Deps, context: StaffContext, id: number, body: BodyOf<'updateGroup'>): Promise<ResponseOf<'updateGroup'>> {
  await requireInScope(deps.db, context.actor, 'opinionGroup', id)
  return deps.db.$transaction(async (tx) => {
    const group = await requireGroup(tx, id)
    const check = checkPublication([{ field: 'title', text: body.title }], body)
    const ids = await requireMembers(tx, group.consultationId, body.opinionIds)
    await replaceGroupMembers(tx, id, group.consultationId, body.title, ids)
    await auditPublication(tx, auditorOf(context), { action: 'updateGroup', entity: 'opinionGroup', entityId: id }, check, body.override)
    await recordAudit(tx, auditorOf(context), {
      action: 'updateGroup',
      entity: 'opinionGroup',
      entityId: id,
      before: { title: group.title, opinionIds: group.opinions.map((o) => o.id) },
      after: { title: body.title, opinionIds: ids },
    })
    return groupView(tx, group.consultationId, id)
  })
}

export async function answerGroup(deps: Deps, context: StaffContext, id: number, body: BodyOf<'answerGroup'>): Promise<ResponseOf<'answerGroup'>> {
  await requireInScope(deps.db, context.actor, 'opinionGroup', id)
  assertInScope(context.actor, body.departmentId, 'departmentId')
  return deps.db.$transaction(async (tx) => {
    const group = await requireGroup(tx, id)
    // One answer for all: not dated before the latest opinion of the group was received.
    const lastReceived = group.opinions.reduce<Date | null>((latest, o) => (latest === null || o.receivedAt > latest ? o.receivedAt : latest), null)
    if (lastReceived && replyPrecedesReceipt(body.repliedOn, lastReceived)) throw replyBeforeReceipt(lastReceived)
    const input = {
      adoption: body.adoption,
      reason: body.reason?.trim() || null,
      content: body.content,
      departmentId: body.departmentId,
      repliedAt: repliedAtOf(body.repliedOn),
    }
    const check = checkPublication(answerTexts(input), body)
    await saveGroupAnswer(tx, id, input)
    await auditPublication(tx, auditorOf(context), { action: 'answerGroup', entity: 'opinionGroup', entityId: id }, check, body.override)
    await recordAudit(tx, auditorOf(context), {
      action: 'answerGroup',
      entity: 'opinionGroup',
      entityId: id,
      before: { adoption: group.adoption, reason: group.reason, content: group.content },
      after: input,
    })
    return groupView(tx, group.consultationId, id)
  })
}

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
        body: `您对《${state.title}》提出的意见（受理编号 ${author.receiptCode}）已答复：${adoptionLabels[answer.adoption]}。`,
        link: `/packages/consultation/pages/feedback/index?id=${consultationId}`,
        templateData: buildTemplateData({ thing1: state.title, phrase2: adoptionLabels[answer.adoption], time3: answer.repliedAt ?? now }),
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
