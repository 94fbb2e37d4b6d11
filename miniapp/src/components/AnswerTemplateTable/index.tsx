// 答复模板 as a table: department, name, the text's start, and 修改 / 删除 on each row (desktop width; scrolls sideways on a phone).
import { Text, View } from '@tarojs/components'
import type { AnswerTemplate } from '@gm/shared'
import { a11y } from '../../utils/a11y'
import { cx } from '../../utils/format'
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
  const caption = `答复模板（${templates.length} 个）`
  return (
    <View className="gm-answer-templates">
      <Text className="gm-answer-templates__caption">{caption}</Text>
      <View className="gm-answer-templates__scroll">
        <View className="gm-answer-templates__table" {...a11y(caption, 'table')}>
          <View className="gm-answer-templates__row gm-answer-templates__row--head" {...a11y(undefined, 'row')}>
            {['部门', '模板名称', '内容', '操作'].map((label) => (
              <Text key={label} className="gm-answer-templates__cell gm-answer-templates__cell--head" {...a11y(undefined, 'columnheader')}>
                {label}
              </Text>
            ))}
          </View>
          {templates.map((t) => (
            <View key={t.id} className={cx('gm-answer-templates__row', t.id === editingId && 'gm-answer-templates__row--editing')} {...a11y(undefined, 'row')}>
              <Text className="gm-answer-templates__cell" {...a11y(undefined, 'cell')}>
                {t.department.name}
              </Text>
              <Text className="gm-answer-templates__cell gm-answer-templates__cell--title" {...a11y(undefined, 'cell')}>
                {t.title}
              </Text>
              <Text className="gm-answer-templates__cell" {...a11y(undefined, 'cell')}>
                {excerpt(t.body)}
              </Text>
              <View className="gm-answer-templates__cell gm-answer-templates__cell--actions" {...a11y(undefined, 'cell')}>
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
            </View>
          ))}
        </View>
      </View>
      {templates.length === 0 && <Text className="gm-answer-templates__empty">{emptyText}</Text>}
    </View>
  )
}
