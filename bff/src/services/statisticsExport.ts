// The statistics as files: one Excel workbook (annual report figures, per department, per consultation, events and 列席, Q&A, definitions) or one table as CSV.
import {
  formatShanghaiDate,
  opinionFigureKeys,
  type OpinionFigures,
  type QueryOf,
  type StaffStatistics,
  statisticDefinitions,
  type StatisticsTable,
  statisticsTableLabels,
  statisticsTables,
} from '@gm/shared'
import type { Deps } from '../deps'
import type { StaffContext } from '../domain/actor'
import { type Table, toCsv, toXlsx } from '../lib/spreadsheet'
import { getStaffStatistics } from './statistics'

const label = (key: keyof typeof statisticDefinitions) => statisticDefinitions[key].label
const figureHeader = opinionFigureKeys.map(label)
const figureCells = (f: OpinionFigures) => opinionFigureKeys.map((k) => f[k])
const yesNo = (value: boolean) => (value ? '是' : '否')

/** The annual report figures: one row per figure, with its definition. */
function annualTable(s: StaffStatistics): Table {
  const row = (key: keyof typeof statisticDefinitions, value: number | string | null) => [
    statisticDefinitions[key].label,
    value,
    statisticDefinitions[key].definition,
  ]
  const met = s.events.byDepartment.filter((d) => d.figures.meetingAttendanceMet).length
  return {
    sheetName: statisticsTableLabels.annual,
    header: ['指标', `${s.year} 年`, '口径说明'],
    rows: [
      ['意见征集项数', s.byConsultation.length, '当年开始征集的已发布意见征集项数。'],
      ...opinionFigureKeys.map((k) => row(k, s.totals[k])),
      row('events', s.events.totals.events),
      row('registrations', s.events.totals.registrations),
      row('selected', s.events.totals.selected),
      row('attended', s.events.totals.attended),
      row('meetingAttendance', s.events.totals.meetingAttendance),
      ['列席达标部门数', `${met}/${s.events.byDepartment.length}`, statisticDefinitions.meetingAttendanceMet.definition],
      row('publishedItems', s.qa.publishedItems),
      row('views', s.qa.views),
      ['检索命中次数', s.qa.searchHits, '当年问答条目在检索结果中被命中的次数。'],
      row('searches', s.qa.searches),
      row('helpfulVotes', s.qa.helpfulVotes),
      row('unhelpfulVotes', s.qa.unhelpfulVotes),
      row('unansweredSearches', s.qa.unansweredSearches),
      row('helpfulRate', s.qa.helpfulRate),
    ],
  }
}

const builders: Record<StatisticsTable, (s: StaffStatistics) => Table> = {
  annual: annualTable,
  departments: (s) => ({
    sheetName: statisticsTableLabels.departments,
    header: ['部门', '意见征集项数', ...figureHeader],
    rows: s.byDepartment.map((d) => [d.department.name, d.consultations, ...figureCells(d.figures)]),
  }),
  consultations: (s) => ({
    sheetName: statisticsTableLabels.consultations,
    header: ['编号', '标题', '承办单位', '开始日期', '截止日期', '采纳情况公布日期', ...figureHeader],
    rows: s.byConsultation.map((c) => [
      c.id,
      c.title,
      c.department.name,
      formatShanghaiDate(c.opensAt),
      formatShanghaiDate(c.closesAt),
      c.feedbackPublishedAt ? formatShanghaiDate(c.feedbackPublishedAt) : null,
      ...figureCells(c.figures),
    ]),
  }),
  events: (s) => ({
    sheetName: statisticsTableLabels.events,
    header: [
      '部门',
      label('events'),
      label('registrations'),
      label('selected'),
      label('attended'),
      label('meetingAttendance'),
      '列席最低次数',
      label('meetingAttendanceMet'),
    ],
    rows: s.events.byDepartment.map((d) => [
      d.department.name,
      d.figures.events,
      d.figures.registrations,
      d.figures.selected,
      d.figures.attended,
      d.figures.meetingAttendance,
      d.figures.meetingAttendanceRequired,
      yesNo(d.figures.meetingAttendanceMet),
    ]),
  }),
  qa: (s) => ({
    sheetName: statisticsTableLabels.qa,
    header: ['排名', '编号', '问题', '主题', '浏览次数', '检索命中次数'],
    rows: s.qa.mostAsked.map((q, i) => [i + 1, q.id, q.question, q.topic, q.views, q.searchHits]),
  }),
  definitions: () => ({
    sheetName: statisticsTableLabels.definitions,
    header: ['指标', '口径说明'],
    rows: Object.values(statisticDefinitions).map((d) => [d.label, d.definition]),
  }),
}

export function statisticsTablesOf(statistics: StaffStatistics): Table[] {
  return statisticsTables.map((table) => builders[table](statistics))
}

/** Staff: the year's statistics (the caller's departments) as one workbook, or one table as CSV. No personal data, so no contact-read audit. */
export async function exportStatistics(deps: Deps, context: StaffContext, query: QueryOf<'exportStatistics'>) {
  const statistics = await getStaffStatistics(deps, context, query)
  const base = `统计-${statistics.year}`
  if (query.format === 'xlsx') {
    return {
      filename: `${base}.xlsx`,
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      content: await toXlsx(statisticsTablesOf(statistics)),
    }
  }
  return {
    filename: `${base}-${statisticsTableLabels[query.table]}.csv`,
    contentType: 'text/csv; charset=utf-8',
    content: toCsv(builders[query.table](statistics)),
  }
}
