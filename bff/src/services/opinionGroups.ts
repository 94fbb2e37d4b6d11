// Concentrated opinions (集中意见): suggested groups, creating and editing a group, and one reasoned answer for its members.
import { type BodyOf, findPersonalInfo, replyPrecedesReceipt, type ResponseOf } from '@gm/shared'
import type { DbOrTx } from '../db/client'
import { suggestGroups as clusterOpinions } from '../search/similarity'
import type { Deps } from '../deps'
import type { StaffContext } from '../domain/actor'
import { AppError, notFound, validationFailed } from '../domain/errors'
import { findConsultationState } from '../repositories/consultation'
import {
  countOpinionsInConsultation,
  findGroup,
  findGroups,
  findOpinionsOfConsultation,
  insertGroup,
  replaceGroupMembers,
  saveGroupAnswer,
} from '../repositories/opinion'
import { auditorOf, recordAudit } from './audit'
import { assertInScope, requireInScope } from './departmentScope'
import { answerTexts, auditPublication, checkPublication } from './personalInfo'
import { effectiveAnswer } from './opinionView'
import { repliedAtOf, replyBeforeReceipt } from './paging'

/** What marks a masked word in a published text: 【已隐去…】, and a run of stars with what is left of the word around it (张**, 138****5678). */
const MASKED_WORD = /【已隐去[^】]*】|[\p{Script=Han}\w]{0,3}[*＊]{2,}[\p{Script=Han}\w*＊]*/gu

/** The words that introduce personal details in a signature (联系人 张三，电话 …): not what an opinion is about. */
const CONTACT_CUES = /(联系人|联系方式|联系电话|姓名|本人|电话|手机号?|座机|住址|地址|家住|身份证号?|微信号?|邮箱)[:：]?/g

/**
 * The text similarity is computed on: personal words (names, phone numbers, addresses… found in the
 * raw text, and whatever staff masked in the published text) are cut out, so two opinions are never
 * suggested as one group because they share a name or a phone number.
 */
export function withoutPersonalWords(rawText: string, publishedText: string | null): string {
  const text = publishedText ?? rawText
  let out = ''
  let cursor = 0
  for (const match of findPersonalInfo(text)) {
    out += `${text.slice(cursor, match.start)}。`
    cursor = match.end
  }
  return (out + text.slice(cursor)).replace(MASKED_WORD, '。').replace(CONTACT_CUES, '。')
}

export async function suggestGroups(deps: Deps, context: StaffContext, consultationId: number): Promise<ResponseOf<'suggestGroups'>> {
  await requireInScope(deps.db, context.actor, 'consultation', consultationId)
  const { rows } = await findOpinionsOfConsultation(deps.db, consultationId, {})
  const candidates = rows
    .filter((r) => r.moderation !== 'HIDDEN' && !r.group)
    .map((r) => ({ id: r.id, text: withoutPersonalWords(r.rawText, r.publishedText) }))
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
