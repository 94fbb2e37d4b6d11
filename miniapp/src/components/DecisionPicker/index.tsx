// 关联决策事项 for the consultation and event forms: only published catalog entries are offered (the server refuses a draft).
import { Text, View } from '@tarojs/components'
import type { DecisionSummary } from '@gm/shared'
import { Chips } from '../Chips'
import './index.scss'

export interface DecisionPickerProps {
  /** The public catalog (published entries only): a draft entry cannot be linked. */
  decisions: readonly DecisionSummary[]
  /** The chosen entry's id as the form holds it ('' for none). */
  value: string
  onChange: (value: string) => void
  error?: string
}

/** One chip per published entry, 不关联 first; the server's refusal shows under it. */
export function DecisionPicker({ decisions, value, onChange, error }: DecisionPickerProps) {
  return (
    <View className="gm-decision-picker">
      <Text className="gm-decision-picker__label">关联决策事项（重大行政决策事项目录）</Text>
      <Chips<number>
        label="关联决策事项"
        allLabel="不关联"
        options={decisions.map((d) => ({ value: d.id, label: `${d.year} ${d.title}` }))}
        value={value === '' ? undefined : Number(value)}
        onChange={(v) => onChange(v === undefined ? '' : String(v))}
      />
      <Text className="gm-decision-picker__hint">只列出已发布的决策事项；草稿事项须由审核人员发布后才能关联。</Text>
      {error && <Text className="gm-decision-picker__error">{error}</Text>}
    </View>
  )
}
