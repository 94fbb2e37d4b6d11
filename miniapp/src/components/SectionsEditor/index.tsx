// The staff 条款 editor of a consultation draft: add, remove and reorder clauses with their errors.
import { Text, View } from '@tarojs/components'
import { ActionButton } from '../ActionButton'
import { FormField } from '../FormField'
import { TextAreaField } from '../TextAreaField'
import './index.scss'

export interface SectionDraft {
  /** Stable React key while clauses move. */
  key: number
  heading: string
  body: string
}

export interface SectionsEditorProps {
  sections: readonly SectionDraft[]
  /** Errors by path: `sections` for the list, `sections.0.heading` for one field. */
  errors: Record<string, string | undefined>
  onChange: (sections: SectionDraft[]) => void
  /** A fresh key for a new clause. */
  nextKey: () => number
}

function move<T>(list: readonly T[], from: number, to: number): T[] {
  const copy = list.slice()
  const [item] = copy.splice(from, 1)
  copy.splice(to, 0, item as T)
  return copy
}

/** 条款: add, remove and reorder the clauses of a draft. */
export function SectionsEditor({ sections, errors, onChange, nextKey }: SectionsEditorProps) {
  const patch = (i: number, part: Partial<SectionDraft>) => onChange(sections.map((s, j) => (j === i ? { ...s, ...part } : s)))
  return (
    <View className="gm-sections-editor">
      {sections.map((s, i) => (
        <View key={s.key} className="gm-sections-editor__clause">
          <Text className="gm-sections-editor__number">{`第 ${i + 1} 个条款`}</Text>
          <FormField
            name={`section-heading-${i}`}
            label="条款标题"
            value={s.heading}
            placeholder={`如：第${i + 1}条 适用范围`}
            maxlength={100}
            error={errors[`sections.${i}.heading`]}
            onInput={(v) => patch(i, { heading: v })}
          />
          <TextAreaField
            name={`section-body-${i}`}
            label="条款内容"
            value={s.body}
            error={errors[`sections.${i}.body`]}
            onInput={(v) => patch(i, { body: v })}
          />
          <View className="gm-sections-editor__actions">
            <ActionButton className="gm-sections-editor__action" onPress={() => onChange(move(sections, i, i - 1))} disabled={i === 0}>
              {`上移第 ${i + 1} 条`}
            </ActionButton>
            <ActionButton className="gm-sections-editor__action" onPress={() => onChange(move(sections, i, i + 1))} disabled={i === sections.length - 1}>
              {`下移第 ${i + 1} 条`}
            </ActionButton>
            <ActionButton
              className="gm-sections-editor__action"
              tone="danger"
              onPress={() => onChange(sections.filter((_, j) => j !== i))}
              disabled={sections.length === 1}
            >
              {`删除第 ${i + 1} 条`}
            </ActionButton>
          </View>
        </View>
      ))}
      {errors.sections && <Text className="gm-field__error">{errors.sections}</Text>}
      <ActionButton onPress={() => onChange([...sections, { key: nextKey(), heading: '', body: '' }])}>添加条款</ActionButton>
    </View>
  )
}
