// 所属部门 as a multiple choice: staff see and handle only the items of the departments chosen here.
import { Text, View } from '@tarojs/components'
import type { Department } from '@gm/shared'
import { CheckRow } from '../CheckRow'
import './index.scss'

export interface DepartmentPickerProps {
  label: string
  departments: readonly Department[]
  /** Chosen department ids in the order chosen; the first is the primary department. */
  value: readonly number[]
  onChange: (ids: number[]) => void
  error?: string
}

/** One checkbox row per department; the first one ticked is the primary department (主部门). */
export function DepartmentPicker({ label, departments, value, onChange, error }: DepartmentPickerProps) {
  const toggle = (id: number, checked: boolean) => onChange(checked ? [...value.filter((v) => v !== id), id] : value.filter((v) => v !== id))
  return (
    <View className="gm-department-picker" role="group" aria-label={label}>
      <Text className="gm-department-picker__label">{label}</Text>
      <Text className="gm-department-picker__hint">可多选。编辑、审核人员只能查看和处理所属部门的意见征集、活动和政策咨询；第一个选中的为主部门。</Text>
      {departments.map((d) => (
        <CheckRow
          key={d.id}
          className="gm-department-picker__option"
          label={d.name}
          hint={value[0] === d.id ? '主部门' : undefined}
          checked={value.includes(d.id)}
          onChange={(checked) => toggle(d.id, checked)}
        />
      ))}
      {error && <Text className="gm-department-picker__error">{error}</Text>}
    </View>
  )
}

/** The form's text value ("3,5") ↔ the ids it holds. */
export const parseDepartmentIds = (text: string): number[] =>
  text
    .split(',')
    .map((s) => Number(s))
    .filter((n) => Number.isInteger(n) && n > 0)
