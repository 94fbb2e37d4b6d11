// 公开统计 for citizens: the year's published figures — opinions and their adoption, reply times, 列席 per department, Q&A.
import { Text } from '@tarojs/components'
import { LinkRow } from '../../../../components/LinkRow'
import { LoadGate } from '../../../../components/LoadGate'
import { PageShell } from '../../../../components/PageShell'
import { Section } from '../../../../components/Section'
import { DepartmentTable, EventSection, OpinionOverview, QaSection, StatisticsChartGrid } from '../../../../components/StatisticsReport'
import { YearTabs } from '../../../../components/YearTabs'
import { usePublicStatistics } from '../../../../hooks/useStatistics'
import { openPage, routes } from '../../../../navigation'
import { headlineKeys } from '../../../../utils/statistics'
import './index.scss'

export default function PublicStatisticsPage() {
  const { statistics, setYear, large } = usePublicStatistics()
  return (
    <PageShell className="gm-public-stats">
      <Text className="gm-page__title">公开统计</Text>
      <Text className="gm-public-stats__intro">
        各项意见征集公布采纳情况后，其意见和答复计入本页。每项数字旁边写明统计口径；图表下方的「以表格查看」给出同样的数字。
      </Text>
      <LoadGate data={statistics.data} loading={statistics.loading} error={statistics.error} onRetry={() => void statistics.reload()}>
        {(data) => (
          <>
            <YearTabs years={data.years} value={data.year} onChange={setYear} label="统计年度" />
            <OpinionOverview title={`${data.year} 年意见征集`} figures={data.totals} definitions={data.definitions} keys={headlineKeys} />
            <StatisticsChartGrid data={data} large={large} />
            <Section title="各项征集" className="gm-public-stats__consultations">
              {data.byConsultation.length === 0 ? (
                <Text className="gm-public-stats__empty">这一年还没有公布采纳情况的意见征集。</Text>
              ) : (
                data.byConsultation.map((c) => (
                  <LinkRow
                    key={c.id}
                    title={c.title}
                    hint={`${c.department.name}：收到 ${c.figures.received} 条，有效 ${c.figures.valid} 条，采纳 ${c.figures.adopted} 条，部分采纳 ${c.figures.partiallyAdopted} 条`}
                    onOpen={() => openPage(routes.consultationStatistics(c.id))}
                  />
                ))
              )}
            </Section>
            <DepartmentTable data={data} />
            <EventSection data={data} />
            <QaSection data={data} />
          </>
        )}
      </LoadGate>
    </PageShell>
  )
}
