// Public consultation use cases: the list with status and days left, the detail with its current draft version, the versions and their clause-by-clause comparison.
import { type ConsultationDetail, type ConsultationSummary, consultationStatus, daysLeft, isMajorConsultation, type QueryOf, type ResponseOf } from '@gm/shared'
import type { Deps } from '../deps'
import { notFound, validationFailed } from '../domain/errors'
import { independent } from '../db/client'
import { compareClauses } from '../lib/clauseDiff'
import {
  type ConsultationDetailRow,
  type ConsultationSummaryRow,
  findConsultationById,
  findConsultations,
  findConsultationState,
  findDraftVersions,
  findVersionClauses,
  findSectionVersions,
  findVersionTimes,
} from '../repositories/consultation'
import { iso, pageOf, pageWindow } from './paging'

function toSummary(row: ConsultationSummaryRow, now: Date): ConsultationSummary {
  return {
    id: row.id,
    title: row.title,
    summary: row.summary,
    department: row.department,
    decisionId: row.decisionId,
    opensAt: iso(row.opensAt),
    closesAt: iso(row.closesAt),
    status: consultationStatus(row.opensAt, row.closesAt, now),
    daysLeft: daysLeft(row.opensAt, row.closesAt, now),
    // Kept by triggers on opinion (consultation_tally): no row until the first opinion.
    opinionCount: row.tally?.opinionCount ?? 0,
    feedbackPublished: row.feedbackPublishedAt !== null && row.feedbackPublishedAt <= now,
  }
}

export function toConsultationDetail(row: ConsultationDetailRow, now: Date): ConsultationDetail {
  return {
    ...toSummary(row, now),
    explanation: row.explanation,
    background: row.background,
    isMajorDecision: isMajorConsultation(row.decisionId, row.isMajorDecision),
    shortWindowReason: row.shortWindowReason,
    draftVersion: row.draftVersion,
    versionNote: row.versionNote,
    sections: row.sections,
    windowChanges: row.windowChanges.map((c) => ({
      kind: c.kind,
      previousClosesAt: iso(c.previousClosesAt),
      closesAt: iso(c.closesAt),
      reason: c.reason,
      at: iso(c.at),
    })),
  }
}

export async function listConsultations(deps: Deps, query: QueryOf<'listConsultations'>): Promise<ResponseOf<'listConsultations'>> {
  const now = deps.clock()
  const { rows, total } = await findConsultations(deps.db, { status: query.status, departmentId: query.departmentId, keyword: query.q, now }, pageWindow(query))
  return pageOf(
    rows.map((row) => toSummary(row, now)),
    total,
    query,
  )
}

export async function getConsultation(deps: Deps, id: number): Promise<ConsultationDetail> {
  const now = deps.clock()
  const row = await findConsultationById(deps.db, id, { publishedBy: now })
  if (!row) throw notFound('意见征集')
  return toConsultationDetail(row, now)
}

/** The published versions of a published consultation (a draft not yet published has none to show). */
async function publishedVersions(deps: Deps, id: number) {
  const state = await findConsultationState(deps.db, id)
  if (!state?.publishedAt || state.publishedAt > deps.clock()) throw notFound('意见征集')
  const versions = await findDraftVersions(deps.db, id)
  return {
    current: state.draftVersion,
    versions: versions.map((v) => ({ version: v.version, note: v.note, publishedAt: iso(v.publishedAt), clauseCount: v.clauseCount })),
  }
}

export function listDraftVersions(deps: Deps, id: number): Promise<ResponseOf<'listDraftVersions'>> {
  return publishedVersions(deps, id)
}

/** Any two published versions, either way round: what the later text (`to`) changed from the earlier (`from`). */
export async function compareDraftVersions(deps: Deps, id: number, query: QueryOf<'compareDraftVersions'>): Promise<ResponseOf<'compareDraftVersions'>> {
  const { versions } = await publishedVersions(deps, id)
  const from = versions.find((v) => v.version === query.from)
  const to = versions.find((v) => v.version === query.to)
  if (!from || !to) {
    const fields: Record<string, string> = {}
    if (!from) fields.from = `没有第 ${query.from} 稿`
    if (!to) fields.to = `没有第 ${query.to} 稿`
    throw validationFailed(fields, '所选草案版本不存在')
  }
  const [before, after] = await independent(
    deps.db,
    () => findVersionClauses(deps.db, id, from.version),
    () => findVersionClauses(deps.db, id, to.version),
  )
  const changes = compareClauses(before, after)
  const count = (kind: (typeof changes)[number]['kind']) => changes.filter((c) => c.kind === kind).length
  return { from, to, counts: { added: count('added'), removed: count('removed'), changed: count('changed'), unchanged: count('unchanged') }, changes }
}

/**
 * Which version (第 N 稿) each opinion was made on: its clause's version, or for an opinion on the whole
 * draft the version in force when it was received (the first one before any was published).
 */
export async function draftVersionsOf(deps: Deps, opinions: ReadonlyArray<{ id: number; consultationId: number; receivedAt: Date; sectionId: number | null }>) {
  const ids = [...new Set(opinions.map((o) => o.consultationId))]
  const [times, sections] = ids.length
    ? await independent(
        deps.db,
        () => findVersionTimes(deps.db, ids),
        () =>
          findSectionVersions(
            deps.db,
            opinions.flatMap((o) => (o.sectionId === null ? [] : [o.sectionId])),
          ),
      )
    : [[], []]
  const sectionVersion = new Map(sections.map((s) => [s.id, s.version]))
  return new Map(
    opinions.map((o) => {
      if (o.sectionId !== null && sectionVersion.has(o.sectionId)) return [o.id, sectionVersion.get(o.sectionId)!]
      const inForce = times.filter((t) => t.consultationId === o.consultationId && t.publishedAt <= o.receivedAt).at(-1)
      return [o.id, inForce?.version ?? 1]
    }),
  )
}
