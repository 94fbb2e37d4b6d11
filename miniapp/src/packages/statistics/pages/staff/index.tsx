// 统计分析 (工作台): the year's figures of the caller's departments — charts, tables per department and consultation, events and 列席, Q&A — and the exports.
import { Text, View } from '@tarojs/components'
import { statisticsTableLabels, statisticsTables } from '@gm/shared'
import { ActionButton } from '../../../../components/ActionButton'
import { Chips } from '../../../../components/Chips'
import { LoadGate } from '../../../../components/LoadGate'
import { Notice } from '../../../../components/Notice'
import { PageShell } from '../../../../components/PageShell'
import { Section } from '../../../../components/Section'
import { StaffGate } from '../../../../components/StaffGate'
import {
  ChannelTable,
  ConsultationTable,
  DepartmentTable,
  EventSection,
  OpinionOverview,
  QaSection,
  StatisticsChartGrid,
} from '../../../../components/StatisticsReport'
import { YearTabs } from '../../../../components/YearTabs'
import { useStaffGate } from '../../../../hooks'
import { useStaffStatistics } from '../../../../hooks/useStatistics'
import { platform } from '../../../../platform'
import { momentText } from '../../../../utils/format'
import { headlineKeys, staffExtraKeys } from '../../../../utils/statistics'
import './index.scss'

export default function StaffStatisticsPage() {
  const gate = useStaffGate()
  const stats = useStaffStatistics(gate.allowed)
  const { statistics, exportFile } = stats

  if (!gate.allowed) return <StaffGate gate={gate} className="gm-staff-stats" />

  return (
    <PageShell className="gm-staff-stats">
      <Text className="gm-page__title">统计分析</Text>
      <LoadGate data={statistics.data} loading={statistics.loading} error={statistics.error} onRetry={() => void statistics.reload()}>
        {(data) => {
          const departments = data.scope.departments
          return (
            <>
              <Text className="gm-staff-stats__scope">
                {`统计范围：${data.scope.all ? '全部部门' : departments.map((x) => x.name).join('、')}。统计时间：${momentText(data.generatedAt)}。每项数字旁边是它的统计口径。`}
              </Text>
              <YearTabs years={data.years} value={data.year} onChange={stats.setYear} label="统计年度" />
              {(data.scope.all || departments.length > 1) && (
                <Chips<number>
                  label="部门"
                  allLabel={data.scope.all ? '全部部门' : '本人所属部门'}
                  options={departments.map((x) => ({ value: x.id, label: x.name }))}
                  value={stats.departmentId}
                  onChange={stats.setDepartmentId}
                />
              )}
              {statistics.error && <Notice tone="error">{statistics.error.message}</Notice>}

              <OpinionOverview
                title={`${data.year} 年意见征集概况`}
                figures={data.totals}
                definitions={data.definitions}
                keys={[...headlineKeys, ...staffExtraKeys]}
              />
              <StatisticsChartGrid data={data} large={stats.large} />
              <DepartmentTable data={data} />
              <ConsultationTable data={data} showFeedbackState />
              <ChannelTable caption={`${data.year} 年意见收集渠道`} channels={data.byChannel} definitions={data.definitions} />
              <EventSection data={data} />
              <QaSection data={data} />

              <Section title="导出" className="gm-staff-stats__export">
                <Text className="gm-staff-stats__hint">
                  {`Excel 工作簿含${statisticsTables.map((t) => `「${statisticsTableLabels[t]}」`).join('')}各一张表，年度和部门与本页一致；CSV 为其中一张表。`}
                </Text>
                {exportFile.error && <Notice tone="error">{exportFile.error.message}</Notice>}
                {stats.downloaded && <Notice tone="success">{stats.downloaded}</Notice>}
                <View className="gm-staff-stats__export-buttons">
                  <ActionButton tone="primary" onPress={() => void exportFile.run('xlsx')} busy={exportFile.running} busyText="正在下载…">
                    导出 Excel 工作簿
                  </ActionButton>
                  {platform.name === 'h5' &&
                    statisticsTables.map((table) => (
                      <ActionButton key={table} onPress={() => void exportFile.run('csv', table)} busy={exportFile.running} busyText="正在下载…">
                        {`导出 CSV：${statisticsTableLabels[table]}`}
                      </ActionButton>
                    ))}
                </View>
              </Section>
            </>
          )
        }}
      </LoadGate>
    </PageShell>
  )
}
