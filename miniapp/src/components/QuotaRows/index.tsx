/** The quota editor of a lottery event: rows of dimension (地区/年龄段/性别/行业/类别), value and seats. */
import { Text, View } from '@tarojs/components'
import { type QuotaField, quotaChoices, quotaFieldLabels, quotaFields } from '@gm/shared'
import { newQuotaDraft, type QuotaDraft, quotaValueText } from '../../utils/quotas'
import { a11y } from '../../utils/a11y'
import { ActionButton } from '../ActionButton'
import { ChoiceGroup } from '../ChoiceGroup'
import { FormField } from '../FormField'
import './index.scss'

/** The dimensions the plans name first, then 类别. */
const fieldOrder: QuotaField[] = ['region', 'ageBand', 'gender', 'sector', ...quotaFields.filter((f) => !['region', 'ageBand', 'gender', 'sector'].includes(f))]

export interface QuotaRowsProps {
  rows: readonly QuotaDraft[]
  onChange: (rows: QuotaDraft[]) => void
  /** One message for the rows (names the row it is about) */
  error?: string
  hint?: string
}

export function QuotaRows({ rows, onChange, error, hint }: QuotaRowsProps) {
  const patch = (key: number, part: Partial<QuotaDraft>) => onChange(rows.map((r) => (r.key === key ? { ...r, ...part } : r)))
  return (
    <View className="gm-quota-rows" {...a11y('分层配额', 'group')}>
      {hint && <Text className="gm-quota-rows__hint">{hint}</Text>}
      {rows.map((row, i) => {
        const choices = quotaChoices[row.field]
        return (
          <View key={row.key} className="gm-quota-rows__row">
            <ChoiceGroup<QuotaField>
              name={`quota-field-${i}`}
              label={`配额 ${i + 1}：按`}
              inline
              options={fieldOrder.map((f) => ({ value: f, label: quotaFieldLabels[f] }))}
              value={row.field}
              onChange={(field) => patch(row.key, { field, value: '' })}
            />
            {choices ? (
              <ChoiceGroup<string>
                name={`quota-value-${i}`}
                label={`${quotaFieldLabels[row.field]}为`}
                inline
                options={choices.map((value) => ({ value, label: quotaValueText({ field: row.field, value }) }))}
                value={row.value}
                onChange={(value) => patch(row.key, { value })}
              />
            ) : (
              <FormField
                name={`quota-value-${i}`}
                label={`${quotaFieldLabels[row.field]}为`}
                value={row.value}
                maxlength={20}
                hint="须与报名人填写的完全一致"
                onInput={(value) => patch(row.key, { value })}
              />
            )}
            <FormField name={`quota-seats-${i}`} label={`配额 ${i + 1} 名额`} value={row.seats} maxlength={4} onInput={(seats) => patch(row.key, { seats })} />
            <ActionButton tone="danger" onPress={() => onChange(rows.filter((r) => r.key !== row.key))}>{`删除配额 ${i + 1}`}</ActionButton>
          </View>
        )
      })}
      {error && <Text className="gm-quota-rows__error">{error}</Text>}
      <ActionButton onPress={() => onChange([...rows, newQuotaDraft()])}>添加配额</ActionButton>
    </View>
  )
}
