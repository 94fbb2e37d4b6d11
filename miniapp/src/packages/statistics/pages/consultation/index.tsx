// One consultation's published statistics for citizens: its figures with definitions, adoption shares, reply times and channels.
import { Text } from '@tarojs/components'
import { LinkRow } from '../../../../components/LinkRow'
import { LoadGate } from '../../../../components/LoadGate'
import { PageShell } from '../../../../components/PageShell'
import { AdoptionFigure, ReplyTimeFigure } from '../../../../components/StatisticsCharts'
import { ChannelTable, OpinionOverview } from '../../../../components/StatisticsReport'
import { WhenText } from '../../../../components/WhenText'
import { useRouteId } from '../../../../hooks'
import { useConsultationStatistics } from '../../../../hooks/useStatistics'
import { openPage, routes } from '../../../../navigation'
import { dateInWords, windowParts } from '../../../../utils/format'
import { headlineKeys } from '../../../../utils/statistics'
import './index.scss'

export default function ConsultationStatisticsPage() {
  const id = useRouteId()
  const { statistics, large } = useConsultationStatistics(id)
  return (
    <PageShell className="gm-consultation-stats">
      <Text className="gm-page__title">征集统计</Text>
      <LoadGate data={statistics.data} loading={statistics.loading} error={statistics.error} onRetry={() => void statistics.reload()}>
        {({ consultation: c, byChannel, replyTime, definitions }) => (
          <>
            <Text className="gm-consultation-stats__title">{c.title}</Text>
            <WhenText
              className="gm-consultation-stats__meta"
              lead={`${c.department.name} · 征集时间 `}
              parts={[...windowParts(c.opensAt, c.closesAt), ...(c.feedbackPublishedAt ? ['· 采纳情况公布于', dateInWords(c.feedbackPublishedAt)] : [])]}
            />
            <OpinionOverview title="意见与答复" figures={c.figures} definitions={definitions} keys={headlineKeys} />
            <AdoptionFigure counts={c.figures} definitions={definitions} large={large} />
            <ReplyTimeFigure buckets={replyTime} definitions={definitions} large={large} />
            <ChannelTable caption="意见收集渠道" channels={byChannel} definitions={definitions} />
            <LinkRow title="查看意见采纳情况" hint="集中意见和逐条答复" onOpen={() => openPage(routes.consultationFeedback(c.id))} />
            <LinkRow title="全年公开统计" onOpen={() => openPage(routes.publicStatistics())} />
          </>
        )}
      </LoadGate>
    </PageShell>
  )
}
