// Public consultation use cases: the list with status and days left, and the detail with its current draft version.
import { type ConsultationDetail, type ConsultationSummary, consultationStatus, daysLeft, isMajorConsultation, type QueryOf, type ResponseOf } from '@gm/shared'
import type { Deps } from '../deps'
import { notFound } from '../domain/errors'
import { type ConsultationDetailRow, type ConsultationSummaryRow, findConsultationById, findConsultations } from '../repositories/consultation'
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
