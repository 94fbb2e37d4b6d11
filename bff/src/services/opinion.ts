// Citizen opinion use cases: submitting once per key while the window is open, my opinions, and the public adoption report.
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
  insertOpinionIfOpen,
  lockConsultationForSubmit,
} from '../repositories/opinion'
import { draftVersionsOf } from './consultation'
import { contentCheck, submitOnce } from './citizenSubmission'
import { effectiveAnswer } from './opinionView'
import { publicOpinionText } from './personalInfo'
import { withReceiptCode } from './receiptCode'
import { iso, pageOf, pageWindow } from './paging'

function requestHashOf(consultationId: number, body: BodyOf<'submitOpinion'>): string {
  const { idempotencyKey: _key, ...content } = body
  return createHash('sha256')
    .update(
      JSON.stringify([consultationId, content.sectionId ?? null, content.text, content.consent, content.authorName ?? null, content.contactPhone ?? null]),
    )
    .digest('hex')
}

const receiptOf = (row: {
  id: number
  receiptCode: string
  moderation: 'PENDING' | 'APPROVED' | 'HIDDEN'
  secCheckSuggest: string | null
  createdAt: Date
}): OpinionReceipt => ({
  id: row.id,
  receiptCode: row.receiptCode,
  state: opinionState({ moderation: row.moderation, answered: false, feedbackPublished: false }),
  createdAt: iso(row.createdAt),
  heldForReview: row.secCheckSuggest !== 'pass',
})

/**
 * Submit an opinion on the whole draft or one clause of its current version. A fresh opinion is
 * one statement (insertOpinionIfOpen: window and clause checked with the consultation row
 * share-locked, so no opinion lands after a close). When it stores nothing, a stored opinion under
 * the key is the answer, else the same checks run again in a transaction to say why (or store it, had the window changed in between). The same
 * idempotency key returns the first receipt (a different body with it is 422), so a retried submit
 * never creates a second opinion; with WeChat's content check configured, a retry is answered
 * from the stored opinion before WeChat is asked again.
 */
export async function submitOpinion(deps: Deps, actor: CitizenActor, consultationId: number, body: BodyOf<'submitOpinion'>): Promise<OpinionReceipt> {
  const requestHash = requestHashOf(consultationId, body)
  return submitOnce({
    requestHash,
    findExisting: () => findOpinionByKey(deps.db, actor.citizenId, body.idempotencyKey),
    toResult: receiptOf,
    lookupFirst: deps.wechat !== null,
    create: async (replay) => {
      const secCheckSuggest = await contentCheck(deps, actor.citizenId, body.text)
      const now = deps.clock()
      const opinion = {
        consultationId,
        sectionId: body.sectionId ?? null,
        citizenId: actor.citizenId,
        rawText: body.text,
        consent: body.consent,
        authorName: body.consent === 'PUBLISH_NAMED' ? (body.authorName ?? null) : null,
        contactPhone: body.contactPhone ?? null,
        idempotencyKey: body.idempotencyKey,
        requestHash,
        secCheckSuggest,
      }
      const stored = await withReceiptCode('YJ', now, (receiptCode) => insertOpinionIfOpen(deps.db, { ...opinion, receiptCode }, now))
      if (stored) return receiptOf(stored)
      // Nothing stored: a retry of a stored opinion (e.g. after the close), or a refusal the checks below name.
      const replayed = await replay()
      if (replayed) return replayed
      return withReceiptCode('YJ', now, (receiptCode) =>
        deps.db.$transaction(async (tx) => {
          const consultation = await lockConsultationForSubmit(tx, consultationId)
          if (!consultation?.published_at || consultation.published_at > now) throw notFound('意见征集')
          const status = consultationStatus(consultation.opens_at, consultation.closes_at, now)
          if (status === 'upcoming') throw new AppError('CONSULTATION_NOT_OPEN')
          if (status === 'closed') throw new AppError('CONSULTATION_CLOSED')
          if (opinion.sectionId !== null && !(await findSectionOfVersion(tx, consultationId, consultation.draft_version, opinion.sectionId))) {
            throw validationFailed({ sectionId: '所选条款不存在或已被修订，请刷新后重新选择' })
          }
          return receiptOf(await insertOpinion(tx, { ...opinion, receiptCode, createdAt: now }))
        }),
      )
    },
  })
}

const versionKey = (row: { id: number; consultationId: number; receivedAt: Date; section: { id: number } | null }) => ({
  id: row.id,
  consultationId: row.consultationId,
  receivedAt: row.receivedAt,
  sectionId: row.section?.id ?? null,
})

export async function listMyOpinions(deps: Deps, actor: CitizenActor, query: QueryOf<'listMyOpinions'>): Promise<ResponseOf<'listMyOpinions'>> {
  const now = deps.clock()
  const { rows, total } = await findOpinionsOfCitizen(deps.db, actor.citizenId, pageWindow(query))
  const versions = await draftVersionsOf(deps, rows.map(versionKey))
  return pageOf(
    rows.map((row) => {
      const published = isAnswerPublic(row.consultation.feedbackPublishedAt, now)
      const answer = published ? effectiveAnswer(row) : null
      return {
        id: row.id,
        receiptCode: row.receiptCode,
        consultation: { id: row.consultation.id, title: row.consultation.title },
        section: row.section,
        draftVersion: versions.get(row.id) ?? 1,
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
  const versions = await draftVersionsOf(deps, valid.map(versionKey))
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
              draftVersion: versions.get(row.id) ?? 1,
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
