// Staff export of a consultation's opinions and answers as CSV or xlsx (raw text and contact phone included, the read audited).
import { adoptionLabels, formatShanghaiDate, formatShanghaiDateTime, opinionChannelLabels, opinionConsentLabels } from '@gm/shared'
import type { Deps } from '../deps'
import type { StaffContext } from '../domain/actor'
import { notFound } from '../domain/errors'
import { toCsv, toXlsx, type Table } from '../lib/spreadsheet'
import { findConsultationState } from '../repositories/consultation'
import { findOpinionsOfConsultation } from '../repositories/opinion'
import { auditorOf, recordContactRead } from './audit'
import { requireInScope } from './departmentScope'
import { effectiveAnswer } from './opinionView'

const moderationLabels = { PENDING: '待审核', APPROVED: '已公开', HIDDEN: '不予公开' } as const

/** A consultation's opinions and answers for staff (internal: includes the raw text and contact phone). */
export async function exportOpinions(deps: Deps, context: StaffContext, consultationId: number, format: 'csv' | 'xlsx') {
  await requireInScope(deps.db, context.actor, 'consultation', consultationId)
  const consultation = await findConsultationState(deps.db, consultationId)
  if (!consultation) throw notFound('意见征集')
  const { rows } = await findOpinionsOfConsultation(deps.db, consultationId, {})
  await recordContactRead(deps.db, auditorOf(context), {
    via: 'exportOpinions',
    entity: 'consultation',
    entityId: consultationId,
    records: rows.length,
    fields: ['rawText', 'authorName', 'contactPhone'],
    format,
  })
  const table: Table = {
    sheetName: '意见及答复',
    header: [
      '受理编号',
      '渠道',
      '收到时间',
      '条款',
      '意见原文',
      '公开文本',
      '公开方式',
      '署名',
      '联系电话',
      '审核状态',
      '集中意见',
      '采纳情况',
      '理由',
      '答复内容',
      '答复部门',
      '答复日期',
    ],
    rows: rows.map((row) => {
      const answer = effectiveAnswer(row)
      return [
        row.receiptCode,
        opinionChannelLabels[row.channel],
        formatShanghaiDateTime(row.receivedAt),
        row.section?.heading ?? '草案整体',
        row.rawText,
        row.publishedText,
        opinionConsentLabels[row.consent],
        row.authorName,
        row.contactPhone,
        moderationLabels[row.moderation],
        row.group?.title ?? null,
        answer ? adoptionLabels[answer.adoption] : null,
        answer?.reason ?? null,
        answer?.content ?? null,
        answer?.department.name ?? null,
        answer ? formatShanghaiDate(answer.repliedAt) : null,
      ]
    }),
  }
  const base = `意见及答复-${consultationId}-${formatShanghaiDate(deps.clock())}`
  return format === 'xlsx'
    ? { filename: `${base}.xlsx`, contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', content: await toXlsx(table) }
    : { filename: `${base}.csv`, contentType: 'text/csv; charset=utf-8', content: toCsv(table) }
}
