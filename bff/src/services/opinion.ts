import { createHash } from 'node:crypto'
import {
  adoptionDefinitions,
  type BodyOf,
  consultationStatus,
  type Feedback,
  isAnswerPublic,
  opinionChannels,
  type OpinionReceipt,
  opinionState,
  type QueryOf,
  type ResponseOf,
} from '@gm/shared'
import type { Deps } from '../deps'
import { newReceiptCode } from '../security/tokens'
import type { CitizenActor } from '../domain/actor'
import { AppError, notFound, validationFailed } from '../domain/errors'
import { findConsultationState } from '../repositories/consultation'
import {
  findGroups,
  findOpinionByKey,
  findOpinionsOfCitizen,
  findOpinionsOfConsultation,
  findSectionOfVersion,
  insertOpinion,
  lockConsultationForSubmit,
} from '../repositories/opinion'
import { contentCheck, submitOnce } from './citizenSubmission'
import { effectiveAnswer } from './opinionView'
import { publicOpinionText } from './personalInfo'
import { iso, pageOf, pageWindow } from './paging'

const receiptCode = (now: Date) => newReceiptCode('YJ', now)

function requestHashOf(consultationId: number, body: BodyOf<'submitOpinion'>): string {
  const { idempotencyKey: _key, ...content } = body
  return createHash('sha256').update(JSON.stringify([consultationId, content.sectionId ?? null, content.text, content.consent, content.authorName ?? null, content.contactPhone ?? null])).digest('hex')
}

const receiptOf = (row: { id: number; receiptCode: string; moderation: 'PENDING' | 'APPROVED' | 'HIDDEN'; secCheckSuggest: string | null; createdAt: Date }): OpinionReceipt => ({
  id: row.id,
  receiptCode: row.receiptCode,
  state: opinionState({ moderation: row.moderation, answered: false, feedbackPublished: false }),
  createdAt: iso(row.createdAt),
  heldForReview: row.secCheckSuggest !== 'pass',
})

/**
 * Submit an opinion on the whole draft or one clause of its current version. The window is
 * checked with the consultation row locked; the same idempotency key returns the first receipt
 * (a different body with it is 422), so a retried submit never creates a second opinion.
 */
export async function submitOpinion(deps: Deps, actor: CitizenActor, consultationId: number, body: BodyOf<'submitOpinion'>): Promise<OpinionReceipt> {
  const requestHash = requestHashOf(consultationId, body)
  return submitOnce({
    requestHash,
    findExisting: () => findOpinionByKey(deps.db, actor.citizenId, body.idempotencyKey),
    toResult: receiptOf,
    create: async () => {
      const secCheckSuggest = await contentCheck(deps, actor.citizenId, body.text)
      return deps.db.$transaction(async (tx) => {
        const now = deps.clock()
        const consultation = await lockConsultationForSubmit(tx, consultationId)
        if (!consultation?.published_at || consultation.published_at > now) throw notFound('意见征集')
        const status = consultationStatus(consultation.opens_at, consultation.closes_at, now)
        if (status === 'upcoming') throw new AppError('CONSULTATION_NOT_OPEN')
        if (status === 'closed') throw new AppError('CONSULTATION_CLOSED')
        const sectionId = body.sectionId ?? null
        if (sectionId !== null && !(await findSectionOfVersion(tx, consultationId, consultation.draft_version, sectionId))) {
          throw validationFailed({ sectionId: '所选条款不存在或已被修订，请刷新后重新选择' })
        }
        const created = await insertOpinion(tx, {
          consultationId,
          sectionId,
          citizenId: actor.citizenId,
          receiptCode: receiptCode(now),
          rawText: body.text,
          consent: body.consent,
          authorName: body.consent === 'PUBLISH_NAMED' ? (body.authorName ?? null) : null,
          contactPhone: body.contactPhone ?? null,
          idempotencyKey: body.idempotencyKey,
          requestHash,
          secCheckSuggest,
          createdAt: now,
        })
        return receiptOf(created)
      })
    },
  })
}

export async function listMyOpinions(deps: Deps, actor: CitizenActor, query: QueryOf<'listMyOpinions'>): Promise<ResponseOf<'listMyOpinions'>> {
  const now = deps.clock()
  const { rows, total } = await findOpinionsOfCitizen(deps.db, actor.citizenId, pageWindow(query))
  return pageOf(
    rows.map((row) => {
      const published = isAnswerPublic(row.consultation.feedbackPublishedAt, now)
      const answer = published ? effectiveAnswer(row) : null
      return {
        id: row.id,
        receiptCode: row.receiptCode,
        consultation: { id: row.consultation.id, title: row.consultation.title },
        section: row.section,
        text: row.rawText,
        consent: row.consent,
        state: opinionState({ moderation: row.moderation, answered: answer !== null, feedbackPublished: published }),
        createdAt: iso(row.createdAt),
        group: published && row.group ? { title: row.group.title } : null,
        answer,
      }
    }),
    total,
    query,
  )
}

/** The public adoption report; nothing of it exists publicly before feedback is published. */
export async function getFeedback(deps: Deps, consultationId: number): Promise<Feedback> {
  const now = deps.clock()
  const consultation = await findConsultationState(deps.db, consultationId)
  if (!consultation?.publishedAt || consultation.publishedAt > now) throw notFound('意见征集')
  if (!consultation.feedbackPublishedAt || !isAnswerPublic(consultation.feedbackPublishedAt, now)) throw new AppError('FEEDBACK_NOT_PUBLISHED')
  return buildFeedback(deps, consultationId, consultation.title, consultation.feedbackPublishedAt)
}

export async function buildFeedback(deps: Deps, consultationId: number, title: string, publishedAt: Date): Promise<Feedback> {
  const [{ rows }, groups] = await Promise.all([findOpinionsOfConsultation(deps.db, consultationId, {}), findGroups(deps.db, consultationId)])
  const valid = rows.filter((r) => r.moderation === 'APPROVED')
  const answered = valid.map((row) => ({ row, answer: effectiveAnswer(row) }))
  const count = (adoption: string) => answered.filter((a) => a.answer?.adoption === adoption).length
  return {
    consultationId,
    title,
    publishedAt: iso(publishedAt),
    report: {
      collected: rows.length,
      valid: valid.length,
      adopted: count('ADOPTED'),
      partiallyAdopted: count('PARTIALLY_ADOPTED'),
      notAdopted: count('NOT_ADOPTED'),
      explained: count('EXPLAINED'),
      channels: opinionChannels.flatMap((channel) => {
        const collected = rows.filter((r) => r.channel === channel).length
        return channel === 'ONLINE' || collected > 0 ? [{ channel, collected, valid: valid.filter((r) => r.channel === channel).length }] : []
      }),
    },
    definitions: adoptionDefinitions,
    groups: groups.flatMap((group) => {
      const answer = effectiveAnswer({ group, answer: null })
      const members = valid.filter((r) => r.group?.id === group.id).length
      return answer && members > 0 ? [{ id: group.id, title: group.title, opinionCount: members, answer }] : []
    }),
    opinions: answered.flatMap(({ row, answer }) =>
      answer
        ? [
            {
              id: row.id,
              text: row.consent === 'PRIVATE' ? null : publicOpinionText(row),
              authorName: row.consent === 'PUBLISH_NAMED' ? row.authorName : null,
              section: row.section,
              channel: row.channel,
              receivedAt: iso(row.receivedAt),
              groupTitle: row.group?.title ?? null,
              answer,
            },
          ]
        : [],
    ),
  }
}
