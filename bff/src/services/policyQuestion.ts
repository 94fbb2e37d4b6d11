// Citizens' policy questions (政策咨询): asking within the daily limit, due dates in working days, staff answers, and promotion into the Q&A library.
import { createHash } from 'node:crypto'
import {
  addWorkingDays,
  type AskPolicyQuestionBody,
  type BodyOf,
  DAY_MS,
  type MyPolicyQuestion,
  POLICY_QUESTION_DAILY_LIMIT,
  POLICY_QUESTION_REPLY_WORKING_DAYS,
  type QueryOf,
  type ResponseOf,
  type StaffPolicyQuestion,
  type StaffQaItem,
  isDeadlineEstimated,
  shanghaiTime,
  type WorkingDayCalendar,
} from '@gm/shared'
import type { DbOrTx } from '../db/client'
import type { Deps } from '../deps'
import { withReceiptCode } from './receiptCode'
import type { CitizenActor, StaffContext } from '../domain/actor'
import { AppError, notFound } from '../domain/errors'
import { buildTemplateData } from '../integrations/wechat/templateData'
import {
  countQuestionsSince,
  findQuestion,
  findQuestionByKey,
  findQuestions,
  findPendingThrough,
  findQuestionsOfCitizen,
  insertQuestion,
  lockCitizenQuestions,
  lockQuestion,
  type PolicyQuestionRow,
  updateDueAt,
  updateQuestion,
} from '../repositories/policyQuestion'
import { findPolicyRef } from '../repositories/policy'
import { bumpQaLibraryVersion, countQaTopics, findQaItem, insertQaItem } from '../repositories/qa'
import { auditorOf, recordAudit } from './audit'
import { workingCalendar } from './workingCalendar'
import { assertInScope, requireInScope, scopeOf } from './departmentScope'
import { contentCheck, submitOnce } from './citizenSubmission'
import { notify } from './notification'
import { auditPublication, checkPublication } from './personalInfo'
import { iso, isoOrNull, pageOf, pageWindow } from './paging'
import { checkReferences, itemData } from './qaAdmin'
import { toStaffQaItem } from './qaView'

const requestHashOf = (body: AskPolicyQuestionBody) =>
  createHash('sha256')
    .update(JSON.stringify([body.text, body.topic ?? null, body.policyDocumentId ?? null]))
    .digest('hex')

export const replyDueAt = (askedAt: Date, calendar: WorkingDayCalendar) => addWorkingDays(askedAt, POLICY_QUESTION_REPLY_WORKING_DAYS, calendar)

/**
 * After an administrator changed `year`'s holiday arrangement: the stored due dates of pending
 * questions whose count runs through that year, counted again. Returns how many moved.
 */
export async function recountPolicyQuestionDueDates(tx: DbOrTx, calendar: WorkingDayCalendar, year: number): Promise<number> {
  const pending = await findPendingThrough(tx, shanghaiTime(year, 1, 1), shanghaiTime(year + 1, 1, 1))
  let moved = 0
  for (const question of pending) {
    const dueAt = replyDueAt(question.createdAt, calendar)
    if (dueAt.getTime() === question.dueAt.getTime()) continue
    await updateDueAt(tx, question.id, dueAt)
    moved++
  }
  return moved
}

function toMine(row: PolicyQuestionRow): MyPolicyQuestion {
  return {
    id: row.id,
    receiptCode: row.receiptCode,
    text: row.text,
    topic: row.topic,
    status: row.status,
    createdAt: iso(row.createdAt),
    dueAt: iso(row.dueAt),
    answer: row.answer,
    declineReason: row.declineReason,
    department: row.department,
    answeredAt: isoOrNull(row.answeredAt),
    heldForReview: row.secCheckSuggest !== null && row.secCheckSuggest !== 'pass',
  }
}

function toStaff(row: PolicyQuestionRow, now: Date, calendar: WorkingDayCalendar): StaffPolicyQuestion {
  return {
    ...toMine(row),
    secCheckSuggest: row.secCheckSuggest,
    dueAtEstimated: isDeadlineEstimated(row.createdAt, row.dueAt, calendar),
    overdue: row.status === 'PENDING' && row.dueAt < now,
    policy: row.policyDocument,
    promotedItemId: row.promotedItemId,
  }
}

/**
 * A citizen asks staff. At most POLICY_QUESTION_DAILY_LIMIT in any 24 hours (checked under a
 * per-citizen lock); the same idempotency key returns the first receipt, a different text with it is 422.
 */
export async function askPolicyQuestion(deps: Deps, actor: CitizenActor, body: AskPolicyQuestionBody): Promise<MyPolicyQuestion> {
  const requestHash = requestHashOf(body)
  return submitOnce({
    requestHash,
    findExisting: () => findQuestionByKey(deps.db, actor.citizenId, body.idempotencyKey),
    toResult: toMine,
    create: async () => {
      if (body.topic) await checkQuestionTopic(deps.db, body.topic)
      const secCheckSuggest = await contentCheck(deps, actor.citizenId, body.text)
      const calendar = await workingCalendar(deps)
      const now = deps.clock()
      return withReceiptCode('ZX', now, (receiptCode) =>
        deps.db.$transaction(async (tx) => {
          await lockCitizenQuestions(tx, actor.citizenId)
          const recent = await countQuestionsSince(tx, actor.citizenId, new Date(now.getTime() - DAY_MS))
          if (recent >= POLICY_QUESTION_DAILY_LIMIT) {
            throw new AppError('RATE_LIMITED', `每人每天最多提交 ${POLICY_QUESTION_DAILY_LIMIT} 条政策咨询，请明天再试`)
          }
          const row = await insertQuestion(tx, {
            receiptCode,
            citizenId: actor.citizenId,
            text: body.text,
            topic: body.topic || null,
            policyDocumentId: body.policyDocumentId ?? null,
            idempotencyKey: body.idempotencyKey,
            requestHash,
            secCheckSuggest,
            dueAt: replyDueAt(now, calendar),
            createdAt: now,
          })
          return toMine(row)
        }),
      )
    },
  })
}

/** 问题类别 is one of the Q&A topics the citizen was offered (listQaTopics: the listed ones and those published items use); anything else is TOPIC_UNKNOWN. */
async function checkQuestionTopic(db: DbOrTx, topic: string) {
  const { groups, topics } = await countQaTopics(db)
  if (topics.some((t) => t.name === topic) || groups.some((g) => g.topic === topic)) return
  throw new AppError('TOPIC_UNKNOWN', '问题类别不在问答主题列表中', { fields: { topic: '请从列出的问题类别中选择' } })
}

export async function listMyPolicyQuestions(
  deps: Deps,
  actor: CitizenActor,
  query: QueryOf<'listMyPolicyQuestions'>,
): Promise<ResponseOf<'listMyPolicyQuestions'>> {
  const { rows, total } = await findQuestionsOfCitizen(deps.db, actor.citizenId, pageWindow(query))
  return pageOf(rows.map(toMine), total, query)
}

export async function listStaffPolicyQuestions(
  deps: Deps,
  context: StaffContext,
  query: QueryOf<'listStaffPolicyQuestions'>,
): Promise<ResponseOf<'listStaffPolicyQuestions'>> {
  const now = deps.clock()
  const filter = { status: query.status, overdueAt: query.overdue ? now : undefined, departmentIds: scopeOf(context.actor) }
  const calendar = await workingCalendar(deps)
  const { rows, total } = await findQuestions(deps.db, filter, pageWindow(query))
  return pageOf(
    rows.map((row) => toStaff(row, now, calendar)),
    total,
    query,
  )
}

const excerpt = (text: string, length = 30) => (text.length > length ? `${text.slice(0, length)}…` : text)

/** Answer (or decline with a reason), once; the asker is told in 我的消息 and, if subscribed, by WeChat. */
export async function answerPolicyQuestion(deps: Deps, context: StaffContext, id: number, body: BodyOf<'answerPolicyQuestion'>): Promise<StaffPolicyQuestion> {
  await requireInScope(deps.db, context.actor, 'policyQuestion', id)
  if (body.decision === 'ANSWER') assertInScope(context.actor, body.departmentId, 'departmentId')
  return deps.db.$transaction(async (tx) => {
    const question = await lockQuestion(tx, id)
    if (!question) throw notFound('政策咨询')
    if (question.status !== 'PENDING') throw new AppError('QUESTION_ALREADY_ANSWERED')
    const now = deps.clock()
    if (body.decision === 'ANSWER') {
      await updateQuestion(tx, id, {
        status: 'ANSWERED',
        answer: body.answer,
        departmentId: body.departmentId,
        answeredAt: now,
        answeredById: context.actor.staffId,
      })
    } else {
      await updateQuestion(tx, id, { status: 'DECLINED', declineReason: body.reason, answeredAt: now, answeredById: context.actor.staffId })
    }
    if (question.citizenId) {
      const answered = body.decision === 'ANSWER'
      await notify(deps, tx, {
        citizenId: question.citizenId,
        // Shares the subscribe template of answered opinions (title, result, time).
        kind: 'OPINION_ANSWERED',
        title: answered ? '您的政策咨询已答复' : '您的政策咨询未予答复',
        body: `您咨询的“${excerpt(question.text)}”（受理编号 ${question.receiptCode}）${answered ? '已答复，请查看答复内容' : `未予答复：${body.reason}`}。`,
        link: `/packages/qa/pages/question/index?id=${id}`,
        templateData: buildTemplateData({ thing1: question.text, phrase2: answered ? '已答复' : '未答复', time3: now }),
        dedupeKey: `question-answered:${id}`,
      })
    }
    await recordAudit(tx, auditorOf(context), {
      action: 'answerPolicyQuestion',
      entity: 'policyQuestion',
      entityId: id,
      before: { status: question.status },
      after:
        body.decision === 'ANSWER' ? { status: 'ANSWERED', departmentId: body.departmentId, answer: body.answer } : { status: 'DECLINED', reason: body.reason },
    })
    const row = await findQuestion(tx, id)
    return toStaff(row as PolicyQuestionRow, now, await workingCalendar(deps, tx))
  })
}

/**
 * One step from a good answer to a published library item: staff word the question for everyone
 * (without the asker's personal details); the answer defaults to the one given.
 */
export async function promotePolicyQuestion(deps: Deps, context: StaffContext, id: number, body: BodyOf<'promotePolicyQuestion'>): Promise<StaffQaItem> {
  await requireInScope(deps.db, context.actor, 'policyQuestion', id)
  return deps.db.$transaction(async (tx) => {
    const question = await lockQuestion(tx, id)
    if (!question) throw notFound('政策咨询')
    if (question.status !== 'ANSWERED' || !question.answer) throw new AppError('QUESTION_NOT_ANSWERED')
    if (question.promotedItemId) throw new AppError('ALREADY_PROMOTED', undefined, { qaItemId: question.promotedItemId })
    const draft = {
      question: body.question,
      aliases: [],
      answer: body.answer ?? question.answer,
      topic: body.topic,
      departmentId: question.department?.id ?? null,
      policyDocumentId: body.policyDocumentId,
      clauseId: body.clauseId,
    }
    const check = checkPublication(
      [
        { field: 'question', text: draft.question },
        { field: 'answer', text: draft.answer },
      ],
      body,
    )
    await checkReferences(tx, draft)
    if (draft.policyDocumentId !== null && (await findPolicyRef(tx, draft.policyDocumentId))?.status !== 'PUBLISHED') {
      throw new AppError('CONTENT_NOT_PUBLISHED', '所依据的政策文件尚未发布')
    }
    const now = deps.clock()
    const data = itemData(draft)
    const { id: itemId } = await insertQaItem(tx, { ...data, status: 'PUBLISHED', publishedAt: now, reviewedAt: now, createdById: context.actor.staffId })
    await updateQuestion(tx, id, { promotedItemId: itemId })
    await bumpQaLibraryVersion(tx)
    await recordAudit(tx, auditorOf(context), {
      action: 'promotePolicyQuestion',
      entity: 'policyQuestion',
      entityId: id,
      after: { qaItemId: itemId, question: data.question, topic: data.topic },
    })
    await auditPublication(tx, auditorOf(context), { action: 'promotePolicyQuestion', entity: 'policyQuestion', entityId: id }, check, body.override)
    const item = await findQaItem(tx, itemId)
    return toStaffQaItem(item!)
  })
}
