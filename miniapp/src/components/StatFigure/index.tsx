// One statistics figure: its title, the written definition of what it counts, the chart, and the same numbers as a table.
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { a11y, headingA11y } from '../../utils/a11y'
import { cx } from '../../utils/format'
import { Chart, type ChartProps } from '../Chart'
import { type DataColumn, type DataRow, DataTable } from '../DataTable'
import './index.scss'

export interface Definition {
  label: string
  definition: string
}

export interface StatFigureProps {
  title: string
  /** 口径说明 of every number the figure shows, printed next to it. */
  definitions: readonly Definition[]
  /** The chart's option for a font size; null when there is nothing to draw (`emptyText` instead of an empty chart). */
  build: ChartProps['build'] | null
  /** What the chart shows, in a sentence, for screen readers. */
  chartLabel: string
  columns: readonly DataColumn[]
  rows: readonly DataRow[]
  emptyText?: string
  /** A taller chart (one bar per department). */
  tall?: boolean
  className?: string
}

/**
 * The chart for people who would rather look, the table for those who read or listen: the table is
 * always in the page (visually hidden until 以表格查看 opens it), so a screen reader finds the numbers.
 */
export function StatFigure({ title, definitions, build, chartLabel, columns, rows, emptyText = '暂无数据', tall = false, className }: StatFigureProps) {
  const [tableShown, setTableShown] = useState(false)
  return (
    <View className={cx('gm-stat-figure', className)}>
      <Text className="gm-stat-figure__title" {...headingA11y(3)}>
        {title}
      </Text>
      <View className="gm-stat-figure__definitions">
        {definitions.map((d) => (
          <Text key={d.label} className="gm-stat-figure__definition">
            <Text className="gm-stat-figure__term">{`${d.label}：`}</Text>
            {d.definition}
          </Text>
        ))}
      </View>
      {build ? (
        <Chart build={build} label={`${title}图表，数字见下表`} className={cx('gm-stat-figure__chart', tall && 'gm-stat-figure__chart--tall')} />
      ) : (
        <Text className="gm-stat-figure__empty">{emptyText}</Text>
      )}
      <View
        className="gm-stat-figure__toggle"
        hoverClass="gm-pressed"
        onClick={() => setTableShown((shown) => !shown)}
        {...a11y(tableShown ? `收起「${title}」表格` : `以表格查看「${title}」`, 'button')}
        {...{ 'aria-expanded': tableShown ? 'true' : 'false' }}
      >
        {tableShown ? '收起表格' : '以表格查看'}
      </View>
      <DataTable
        caption={`${title}（${chartLabel}）`}
        columns={columns}
        rows={rows}
        emptyText={emptyText}
        hideCaption={!tableShown}
        keyboardScroll={tableShown}
        className={cx('gm-stat-figure__table', !tableShown && 'gm-stat-figure__table--hidden')}
      />
    </View>
  )
}
