// The outcome of a Q&A import check or run: the counts, or each failing row's errors by column.
import { Text, View } from '@tarojs/components'
import type { ImportRowError, QaImportFormat, QaImportReport as Report } from '@gm/shared'
import type { RowErrors } from '../../hooks/useQaImport'
import { a11y } from '../../utils/a11y'
import { Notice } from '../Notice'
import './index.scss'

/** Column names as the import file has them (see the BFF's qaImport COLUMNS). */
export const importFieldLabels: Record<string, string> = {
  externalId: '编号',
  question: '问题',
  aliases: '相似问法',
  answer: '答案',
  topic: '主题',
  department: '答复部门',
  docNumber: '依据文号',
  clause: '条款序号',
  reviewedOn: '复核日期',
}

/** Where a row is in the file: data rows count from 1, under the header line of a spreadsheet. */
export function rowLabel(row: number, format: QaImportFormat | null): string {
  if (format === 'json' || format === 'jsonl') return `第 ${row} 条`
  return `第 ${row} 行（表格第 ${row + 1} 行）`
}

function groupByRow(errors: readonly ImportRowError[]): [number, ImportRowError[]][] {
  const rows = new Map<number, ImportRowError[]>()
  for (const e of errors) rows.set(e.row, [...(rows.get(e.row) ?? []), e])
  return [...rows.entries()]
}

export interface QaImportReportProps {
  report: Report | null
  rowErrors: RowErrors | null
  format: QaImportFormat | null
}

/** The outcome of a check or an import; when rows are wrong, every error under its row, in Chinese. */
export function QaImportReport({ report, rowErrors, format }: QaImportReportProps) {
  if (rowErrors) {
    const shown = rowErrors.errors.length
    return (
      <View className="gm-import-report gm-import-report--invalid">
        <Notice tone="error">{`${rowErrors.message}。请改正文件后重新选择并导入。`}</Notice>
        {rowErrors.count > shown && <Text className="gm-import-report__more">{`以下列出前 ${shown} 处，共 ${rowErrors.count} 处错误。`}</Text>}
        <View className="gm-import-report__rows" {...a11y('逐行错误', 'list')}>
          {groupByRow(rowErrors.errors).map(([row, errors]) => (
            <View key={row} className="gm-import-report__row" {...a11y(undefined, 'listitem')}>
              <Text className="gm-import-report__row-label">{rowLabel(row, format)}</Text>
              {errors.map((e, i) => (
                <Text key={i} className="gm-import-report__error">{`${importFieldLabels[e.field] ?? e.field}：${e.message}`}</Text>
              ))}
            </View>
          ))}
        </View>
      </View>
    )
  }
  if (!report) return null
  if (report.dryRun) {
    return <Notice tone="success">{`检查通过：共 ${report.rows} 行，全部符合要求，可以导入。`}</Notice>
  }
  const topics = report.createdTopics.length > 0 ? `；新增主题：${report.createdTopics.join('、')}` : ''
  return <Notice tone="success">{`导入完成：共 ${report.rows} 行，新建 ${report.created} 条，更新 ${report.updated} 条${topics}。`}</Notice>
}
