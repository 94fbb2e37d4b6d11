// A table that screen readers announce as one (role table, header cells), drawn with Views for both builds: figures and text, or cells the caller draws (row actions).
import { Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import { a11y } from '../../utils/a11y'
import { cx } from '../../utils/format'
import './index.scss'

export interface DataColumn {
  key: string
  label: string
  /** Right-aligned, tabular digits. */
  numeric?: boolean
  /** A cell drawn by the caller (e.g. row actions) instead of the row's text for this key. */
  render?: (row: DataRow) => ReactNode
}

export type DataRow = Record<string, string | number | null> & { key: string | number }

export interface DataTableProps {
  /** The table's accessible name (also shown as its caption unless `hideCaption`). */
  caption: string
  columns: readonly DataColumn[]
  rows: readonly DataRow[]
  emptyText?: string
  hideCaption?: boolean
  /** On H5 the sideways-scrolling box takes keyboard focus (arrow keys scroll it); off for a table shown to screen readers only. */
  keyboardScroll?: boolean
  className?: string
  /** The row being worked on elsewhere (e.g. in a form beside the table): outlined. */
  markedKey?: string | number | null
}

const shown = (value: string | number | null | undefined) => (value === null || value === undefined || value === '' ? '—' : String(value))

/** Rows of numbers under a header row; wide tables scroll sideways on a phone instead of squeezing. */
export function DataTable({
  caption,
  columns,
  rows,
  emptyText = '暂无数据',
  hideCaption = false,
  keyboardScroll = true,
  className,
  markedKey = null,
}: DataTableProps) {
  const scrollA11y = keyboardScroll && process.env.TARO_ENV === 'h5' ? { tabIndex: 0, role: 'region', 'aria-label': `${caption}（可左右滚动）` } : {}
  return (
    <View className={cx('gm-data-table', className)}>
      {!hideCaption && <Text className="gm-data-table__caption">{caption}</Text>}
      <View className="gm-data-table__scroll" {...scrollA11y}>
        <View className="gm-data-table__table" {...a11y(caption, 'table')}>
          <View className="gm-data-table__row gm-data-table__row--head" {...a11y(undefined, 'row')}>
            {columns.map((c) => (
              <Text
                key={c.key}
                className={cx('gm-data-table__cell', 'gm-data-table__cell--head', c.numeric && 'gm-data-table__cell--numeric')}
                {...a11y(undefined, 'columnheader')}
              >
                {c.label}
              </Text>
            ))}
          </View>
          {rows.map((row) => (
            <View key={row.key} className={cx('gm-data-table__row', row.key === markedKey && 'gm-data-table__row--marked')} {...a11y(undefined, 'row')}>
              {columns.map((c) =>
                c.render ? (
                  <View key={c.key} className="gm-data-table__cell gm-data-table__cell--custom" {...a11y(undefined, 'cell')}>
                    {c.render(row)}
                  </View>
                ) : (
                  <Text key={c.key} className={cx('gm-data-table__cell', c.numeric && 'gm-data-table__cell--numeric')} {...a11y(undefined, 'cell')}>
                    {shown(row[c.key])}
                  </Text>
                ),
              )}
            </View>
          ))}
        </View>
      </View>
      {rows.length === 0 && <Text className="gm-data-table__empty">{emptyText}</Text>}
    </View>
  )
}
