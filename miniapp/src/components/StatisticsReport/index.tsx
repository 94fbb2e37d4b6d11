// The parts of a statistics report both statistics pages show (staff and public): overview, charts, tables, events and 列席, Q&A.
import { Text, View } from '@tarojs/components'
import { MEETING_ATTENDANCE_MIN_PER_YEAR, type OpinionFigures, opinionChannelLabels, type Statistics } from '@gm/shared'
import { dateInWords } from '../../utils/format'
import { attendanceRows, figureCells, figureColumns, opinionNumbers, percentText } from '../../utils/statistics'
import { DataTable } from '../DataTable'
import { Section } from '../Section'
import { StatNumbers } from '../StatNumbers'
import { AdoptionFigure, MeetingAttendanceFigure, OpinionsOverTimeFigure, ReplyTimeFigure } from '../StatisticsCharts'
import './index.scss'

type Definitions = Statistics['definitions']

/** The year's opinion figures as large numbers with their definitions. */
export function OpinionOverview({
  title,
  figures,
  definitions,
  keys,
}: {
  title: string
  figures: OpinionFigures
  definitions: Definitions
  keys: readonly (keyof OpinionFigures)[]
}) {
  return (
    <Section title={title} className="gm-stats-report__overview">
      <StatNumbers items={opinionNumbers(figures, definitions, keys)} />
    </Section>
  )
}

/** The four charts side by side on a desktop, one under another on a phone. */
export function StatisticsChartGrid({ data, large }: { data: Statistics; large: boolean }) {
  const d = data.definitions
  return (
    <View className="gm-stats-report__charts">
      <OpinionsOverTimeFigure months={data.byMonth} definitions={d} large={large} />
      <AdoptionFigure counts={data.totals} definitions={d} large={large} />
      <ReplyTimeFigure buckets={data.replyTime} definitions={d} large={large} />
      <MeetingAttendanceFigure rows={attendanceRows(data.events)} minimum={MEETING_ATTENDANCE_MIN_PER_YEAR} definitions={d} large={large} />
    </View>
  )
}

export function DepartmentTable({ data }: { data: Statistics }) {
  return (
    <Section title="按部门" className="gm-stats-report__departments">
      <DataTable
        caption={`${data.year} 年各部门意见征集统计`}
        columns={[{ key: 'department', label: '部门' }, { key: 'consultations', label: '征集项数', numeric: true }, ...figureColumns]}
        rows={data.byDepartment.map((r) => ({
          key: r.department.id,
          department: r.department.name,
          consultations: r.consultations,
          ...figureCells(r.figures),
        }))}
        emptyText="这一年没有意见征集"
      />
    </Section>
  )
}

/** Per consultation; staff also see whether its 采纳情况 is published (the public list has published ones only). */
export function ConsultationTable({ data, showFeedbackState }: { data: Statistics; showFeedbackState: boolean }) {
  return (
    <Section title="按征集" className="gm-stats-report__consultations">
      <DataTable
        caption={`${data.year} 年各项意见征集统计`}
        columns={[
          { key: 'title', label: '意见征集' },
          { key: 'department', label: '承办单位' },
          ...(showFeedbackState ? [{ key: 'feedback', label: '采纳情况' }] : []),
          ...figureColumns,
        ]}
        rows={data.byConsultation.map((c) => ({
          key: c.id,
          title: c.title,
          department: c.department.name,
          feedback: c.feedbackPublishedAt ? `已公布（${dateInWords(c.feedbackPublishedAt)}）` : '未公布',
          ...figureCells(c.figures),
        }))}
        emptyText={showFeedbackState ? '这一年没有意见征集' : '这一年还没有公布采纳情况的意见征集'}
      />
    </Section>
  )
}

export function ChannelTable({ caption, channels, definitions }: { caption: string; channels: Statistics['byChannel']; definitions: Definitions }) {
  return (
    <Section title="收集渠道" className="gm-stats-report__channels">
      <DataTable
        caption={caption}
        columns={[
          { key: 'channel', label: '渠道' },
          { key: 'received', label: definitions.received?.label ?? '收到意见', numeric: true },
          { key: 'valid', label: definitions.valid?.label ?? '有效意见', numeric: true },
        ]}
        rows={channels.map((c) => ({ key: c.channel, channel: opinionChannelLabels[c.channel], received: c.received, valid: c.valid }))}
      />
    </Section>
  )
}

const eventKeys = ['events', 'registrations', 'selected', 'attended', 'meetingAttendance'] as const

/** Events of the year and 列席 per department against the plans' minimum. */
export function EventSection({ data }: { data: Statistics }) {
  const d = data.definitions
  return (
    <Section title="活动与列席" className="gm-stats-report__events">
      <StatNumbers
        items={eventKeys.map((key) => ({
          key,
          label: d[key]?.label ?? key,
          value: data.events.totals[key],
          unit: key === 'events' || key === 'meetingAttendance' ? '次' : '人次',
          definition: d[key]?.definition,
        }))}
      />
      <DataTable
        caption={`${data.year} 年各部门活动与列席`}
        columns={[
          { key: 'department', label: '部门' },
          ...eventKeys.map((key) => ({ key, label: d[key]?.label ?? key, numeric: true })),
          { key: 'met', label: `列席达标（不少于 ${MEETING_ATTENDANCE_MIN_PER_YEAR} 次）` },
        ]}
        rows={data.events.byDepartment.map((r) => ({
          key: r.department.id,
          department: r.department.name,
          ...Object.fromEntries(eventKeys.map((key) => [key, r.figures[key]])),
          met: r.figures.meetingAttendanceMet ? '达标' : '未达标',
        }))}
      />
    </Section>
  )
}

export function QaSection({ data }: { data: Statistics }) {
  const d = data.definitions
  const qa = data.qa
  const item = (key: 'publishedItems' | 'views' | 'searches' | 'helpfulRate' | 'unansweredSearches', value: number | string | null, unit?: string) => ({
    key,
    label: d[key]?.label ?? key,
    value,
    unit,
    definition: d[key]?.definition,
  })
  return (
    <Section title="政策问答" className="gm-stats-report__qa">
      <StatNumbers
        items={[
          item('publishedItems', qa.publishedItems, '条'),
          item('views', qa.views, '次'),
          item('searches', qa.searches, '次'),
          item('unansweredSearches', qa.unansweredSearches, '次'),
          item('helpfulRate', percentText(qa.helpfulRate)),
        ]}
      />
      <DataTable
        caption={d.mostAsked?.label ?? '最常问的问题'}
        columns={[
          { key: 'question', label: '问题' },
          { key: 'topic', label: '主题' },
          { key: 'views', label: '浏览', numeric: true },
          { key: 'searchHits', label: '检索命中', numeric: true },
        ]}
        rows={qa.mostAsked.map((q) => ({ key: q.id, question: q.question, topic: q.topic, views: q.views, searchHits: q.searchHits }))}
        emptyText="这一年还没有浏览记录"
      />
      {d.mostAsked?.definition ? <Text className="gm-stats-report__note">{d.mostAsked.definition}</Text> : null}
    </Section>
  )
}
