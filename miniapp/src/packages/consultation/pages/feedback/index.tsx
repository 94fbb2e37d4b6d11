// 意见采纳情况: a consultation's adoption report, its concentrated opinions with answers and reasons, and every published opinion.
import { Text, View } from '@tarojs/components'
import { AnswerView } from '../../../../components/AnswerView'
import { FeedbackReport } from '../../../../components/FeedbackReport'
import { LinkRow } from '../../../../components/LinkRow'
import { LoadGate } from '../../../../components/LoadGate'
import { PageShell } from '../../../../components/PageShell'
import { PublishedOpinionCard } from '../../../../components/PublishedOpinionCard'
import { Section } from '../../../../components/Section'
import { WhenText } from '../../../../components/WhenText'
import { useFeedback, useRouteId } from '../../../../hooks'
import { openPage, routes } from '../../../../navigation'
import { momentParts } from '../../../../utils/format'
import './index.scss'

/** 意见采纳情况: the report, the concentrated opinions with answer and reason, every published opinion. */
export default function FeedbackPage() {
  const id = useRouteId()
  const feedback = useFeedback(id)

  return (
    <PageShell className="gm-feedback-page">
      <LoadGate data={feedback.data} loading={feedback.loading} error={feedback.error} onRetry={() => void feedback.reload()}>
        {(f) => (
          <View>
            <Text className="gm-page__title">意见采纳情况</Text>
            <Text className="gm-feedback-page__consultation">{f.title}</Text>
            <WhenText className="gm-feedback-page__published" lead="公开时间：" parts={momentParts(f.publishedAt)} />
            <Section title="采纳情况统计">
              <FeedbackReport report={f.report} definitions={f.definitions} />
            </Section>
            <Section title={`集中意见（${f.groups.length} 项）`} className="gm-feedback-page__groups">
              {f.groups.length === 0 ? (
                <Text className="gm-feedback-page__empty">本次征集没有归并的集中意见。</Text>
              ) : (
                f.groups.map((g) => (
                  <View key={g.id} className="gm-feedback-page__group">
                    <Text className="gm-feedback-page__group-title">{g.title}</Text>
                    <Text className="gm-feedback-page__group-count">{`共 ${g.opinionCount} 条意见`}</Text>
                    <AnswerView answer={g.answer} />
                  </View>
                ))
              )}
            </Section>
            <Section title={`逐条答复（${f.opinions.length} 条）`} className="gm-feedback-page__opinions">
              {f.opinions.length === 0 ? (
                <Text className="gm-feedback-page__empty">暂无公开的意见。</Text>
              ) : (
                f.opinions.map((o) => <PublishedOpinionCard key={o.id} opinion={o} />)
              )}
            </Section>
            <LinkRow
              title="本次征集统计"
              hint="采纳占比、答复用时、收集渠道（图表与表格）"
              onOpen={() => openPage(routes.consultationStatistics(f.consultationId))}
            />
            <LinkRow title="返回征集详情" onOpen={() => openPage(routes.consultationDetail(f.consultationId))} />
          </View>
        )}
      </LoadGate>
    </PageShell>
  )
}
