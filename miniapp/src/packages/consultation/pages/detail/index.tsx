// 征集详情: one consultation's status, window, summary and clauses, with 提交意见 while open, or why not and the adoption report once public.
import { Text, View } from '@tarojs/components'
import { type ConsultationDetail, consultationStatus, consultationStatusLabels, daysLeft } from '@gm/shared'
import { ActionButton } from '../../../../components/ActionButton'
import { AttachmentList } from '../../../../components/AttachmentList'
import { Badge } from '../../../../components/Badge'
import { ClauseList } from '../../../../components/ClauseList'
import { InfoList } from '../../../../components/InfoList'
import { LinkRow } from '../../../../components/LinkRow'
import { LoadGate } from '../../../../components/LoadGate'
import { Notice } from '../../../../components/Notice'
import { PageShell } from '../../../../components/PageShell'
import { Paragraphs, Section } from '../../../../components/Section'
import { WhenText } from '../../../../components/WhenText'
import { useConsultation, useRouteId } from '../../../../hooks'
import { usePublicAttachments } from '../../../../hooks/useAttachments'
import { openPage, routes } from '../../../../navigation'
import { momentParts, momentText } from '../../../../utils/format'
import './index.scss'

const windowChangeLabels = { EXTENDED: '延长征集期限', CLOSED_EARLY: '提前结束征集' } as const

/** 提交意见 while open; otherwise why not, and the adoption report once it is public. */
function OpinionEntry({ c, status }: { c: ConsultationDetail; status: ReturnType<typeof consultationStatus> }) {
  if (status === 'open') {
    return (
      <View className="gm-consultation-detail__entry">
        <ActionButton tone="primary" onPress={() => openPage(routes.consultationOpinion(c.id))}>
          提交意见
        </ActionButton>
        <Text className="gm-consultation-detail__entry-hint">可对草案整体提意见，也可在下方「草案全文」中对某一条提意见。</Text>
      </View>
    )
  }
  if (status === 'upcoming') {
    return <Notice tone="info">{`征集未开始，将于 ${momentText(c.opensAt)} 开始接收意见。`}</Notice>
  }
  return (
    <Notice tone="info">
      {c.feedbackPublished
        ? `征集已结束（截止于 ${momentText(c.closesAt)}），意见采纳情况已公开。`
        : `征集已结束（截止于 ${momentText(c.closesAt)}），不再接收意见。意见采纳情况整理后将在此公开。`}
    </Notice>
  )
}

export default function ConsultationDetailPage() {
  const id = useRouteId()
  const consultation = useConsultation(id)
  const attachments = usePublicAttachments(id === null ? null : { consultationId: id })

  return (
    <PageShell className="gm-consultation-detail">
      <LoadGate data={consultation.data} loading={consultation.loading} error={consultation.error} onRetry={() => void consultation.reload()}>
        {(c) => {
          const status = consultationStatus(c.opensAt, c.closesAt)
          return (
            <View>
              <View className="gm-consultation-detail__header">
                <Badge tone={status}>{consultationStatusLabels[status]}</Badge>
                {status === 'open' && <Text className="gm-consultation-detail__countdown">还剩 {daysLeft(c.opensAt, c.closesAt)} 天</Text>}
              </View>
              <Text className="gm-page__title">{c.title}</Text>
              <Section title="征集信息">
                <InfoList
                  items={[
                    { label: '承办单位', value: c.department.name },
                    { label: '开始时间', value: <WhenText parts={momentParts(c.opensAt)} /> },
                    { label: '截止时间', value: <WhenText parts={momentParts(c.closesAt)} /> },
                    { label: '草案版本', value: `第 ${c.draftVersion} 稿` },
                    { label: '已收到意见', value: `${c.opinionCount} 条` },
                    ...(c.isMajorDecision ? [{ label: '事项类型', value: '重大行政决策' }] : []),
                  ]}
                />
                {c.shortWindowReason && (
                  <View className="gm-consultation-detail__reason">
                    <Text>征集期少于 30 日的理由：{c.shortWindowReason}</Text>
                  </View>
                )}
              </Section>
              {c.windowChanges.length > 0 && (
                <Section title="征集期限调整" className="gm-consultation-detail__changes">
                  {c.windowChanges.map((w, i) => (
                    <View key={i} className="gm-consultation-detail__change">
                      <Text className="gm-consultation-detail__change-kind">{`${windowChangeLabels[w.kind]}（${momentText(w.at)}）`}</Text>
                      <Text className="gm-consultation-detail__change-text">{`截止时间由 ${momentText(w.previousClosesAt)} 调整为 ${momentText(w.closesAt)}`}</Text>
                      <Text className="gm-consultation-detail__change-text">{`理由：${w.reason}`}</Text>
                    </View>
                  ))}
                </Section>
              )}
              <OpinionEntry c={c} status={status} />
              {c.feedbackPublished && (
                <LinkRow title="查看意见采纳情况" hint="统计、集中意见的答复和理由、逐条答复" onOpen={() => openPage(routes.consultationFeedback(c.id))} />
              )}
              {c.feedbackPublished && (
                <LinkRow title="本次征集统计" hint="采纳占比、答复用时、收集渠道（图表与表格）" onOpen={() => openPage(routes.consultationStatistics(c.id))} />
              )}
              {(c.draftVersion > 1 || c.versionNote) && (
                <Section title="修订说明" className="gm-consultation-detail__version">
                  <Text className="gm-consultation-detail__version-text">{`当前为第 ${c.draftVersion} 稿。${c.versionNote ?? ''}`}</Text>
                  <Text className="gm-consultation-detail__version-hint">对修订前条款提出的意见仍然有效，将一并研究答复。</Text>
                  <LinkRow
                    title="历次版本与逐条比较"
                    hint="各稿的修订说明，新增、删除、修改的条款"
                    onOpen={() => openPage(routes.consultationVersions(c.id))}
                  />
                </Section>
              )}
              <Section title="内容摘要">
                <Paragraphs text={c.summary} />
              </Section>
              <Section title="草案全文">
                <ClauseList sections={c.sections} onOpine={status === 'open' ? (s) => openPage(routes.consultationOpinion(c.id, s.id)) : undefined} />
              </Section>
              <Section title="起草说明">
                <Paragraphs text={c.explanation} />
              </Section>
              <Section title="依据与背景">
                <Paragraphs text={c.background} />
              </Section>
              {(attachments.list.data?.length ?? 0) > 0 && (
                <Section title="附件">
                  {attachments.open.error && <Notice tone="error">{attachments.open.error.message}</Notice>}
                  <AttachmentList items={attachments.list.data ?? []} onOpen={(a) => void attachments.open.run(a)} />
                </Section>
              )}
              {c.decisionId !== null && (
                <LinkRow title="查看所属决策事项" hint="决策各阶段进展" onOpen={() => openPage(routes.decisionDetail(c.decisionId as number))} />
              )}
            </View>
          )
        }}
      </LoadGate>
    </PageShell>
  )
}
