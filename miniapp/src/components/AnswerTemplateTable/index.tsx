// 答复模板 as a table through the shared DataTable: department, name, the text's start, and 修改 / 删除 on each row (desktop width; scrolls sideways on a phone).
import { Text, View } from '@tarojs/components'
import type { AnswerTemplate } from '@gm/shared'
import { a11y } from '../../utils/a11y'
import { DataTable, type DataRow } from '../DataTable'
import './index.scss'

export interface AnswerTemplateTableProps {
  templates: readonly AnswerTemplate[]
  /** The template in the form now (its row is marked). */
  editingId: number | null
  busyId?: number | null
  emptyText: string
  onEdit: (template: AnswerTemplate) => void
  onDelete: (template: AnswerTemplate) => void
}

const excerpt = (text: string) => (text.length > 60 ? `${text.slice(0, 60)}…` : text)

export function AnswerTemplateTable({ templates, editingId, busyId, emptyText, onEdit, onDelete }: AnswerTemplateTableProps) {
  const byId = new Map(templates.map((t) => [t.id, t]))
  const actions = (row: DataRow) => {
    const t = byId.get(Number(row.key))
    if (!t) return null
    return (
      <View>
        <Text className="gm-answer-templates__action" onClick={() => onEdit(t)} {...a11y(`修改「${t.title}」`, 'button')}>
          修改
        </Text>
        <Text
          className="gm-answer-templates__action gm-answer-templates__action--danger"
          onClick={() => (busyId === t.id ? undefined : onDelete(t))}
          {...a11y(`删除「${t.title}」`, 'button')}
        >
          {busyId === t.id ? '正在删除…' : '删除'}
        </Text>
      </View>
    )
  }
  return (
    <DataTable
      className="gm-answer-templates"
      caption={`答复模板（${templates.length} 个）`}
      columns={[
        { key: 'department', label: '部门' },
        { key: 'title', label: '模板名称' },
        { key: 'body', label: '内容' },
        { key: 'actions', label: '操作', render: actions },
      ]}
      rows={templates.map((t) => ({ key: t.id, department: t.department.name, title: t.title, body: excerpt(t.body), actions: null }))}
      markedKey={editingId}
      emptyText={emptyText}
    />
  )
}
