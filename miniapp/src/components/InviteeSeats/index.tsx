// 预留席位与受邀人员 on the staff event page: how many reserved seats are given, to whom (name, 单位, phone for staff only), 取消席位, the form that gives one, and 释放未分配的预留席位.
import { Text, View } from '@tarojs/components'
import type { FieldErrors } from '../../utils/form'
import { a11y } from '../../utils/a11y'
import { ActionButton } from '../ActionButton'
import { FormField } from '../FormField'
import { Notice } from '../Notice'
import './index.scss'

export interface InviteeRowView {
  id: number
  name: string
  unit: string
  phone: string | null
}
export type InviteeFormValues = { name: string; unit: string; phone: string }

export interface InviteeSeatsProps {
  reservedSeats: number
  invitees: readonly InviteeRowView[]
  values: InviteeFormValues
  errors: FieldErrors<keyof InviteeFormValues>
  formError?: string
  submitting: boolean
  /** Absent: the seats are shown, not changed (a cancelled event). */
  onChange?: (name: keyof InviteeFormValues, value: string) => void
  onSubmit?: () => void
  onRemove?: (invitee: InviteeRowView) => void
  removingError?: string
  /** 释放未分配的预留席位 (asks first; absent: not offered). */
  onRelease?: () => void
  releaseError?: string
}

/** The reserved seats as a count, the invitees holding them, and 分配席位 or 释放 while one is free. */
export function InviteeSeats(props: InviteeSeatsProps) {
  const { reservedSeats, invitees, values, errors, formError, submitting, onChange, onSubmit, onRemove, removingError, onRelease, releaseError } = props
  const free = Math.max(0, reservedSeats - invitees.length)
  return (
    <View className="gm-invitee-seats">
      <Text className="gm-invitee-seats__count">{`预留席位 ${reservedSeats} 个，已分配 ${invitees.length} 个，尚余 ${free} 个`}</Text>
      {invitees.length > 0 && (
        <View className="gm-invitee-seats__list" {...a11y('受邀人员', 'list')}>
          {invitees.map((i) => (
            <View key={i.id} className="gm-invitee-seats__item" {...a11y(undefined, 'listitem')}>
              <Text className="gm-invitee-seats__name">{`${i.name}（${i.unit}）`}</Text>
              <Text className="gm-invitee-seats__phone">{i.phone ?? '未留电话'}</Text>
              {onRemove && (
                <Text className="gm-invitee-seats__remove" onClick={() => onRemove(i)} {...a11y(`取消「${i.name}」的席位`, 'button')}>
                  取消席位
                </Text>
              )}
            </View>
          ))}
        </View>
      )}
      {removingError && <Notice tone="error">{removingError}</Notice>}
      {onRelease && free > 0 && <ActionButton onPress={onRelease}>释放未分配的预留席位</ActionButton>}
      {releaseError && <Notice tone="error">{releaseError}</Notice>}
      {onChange && onSubmit && free > 0 && (
        <View className="gm-invitee-seats__form" {...a11y('分配预留席位', 'form')}>
          <FormField name="inviteeName" label="受邀人员姓名" value={values.name} maxlength={20} error={errors.name} onInput={(v) => onChange('name', v)} />
          <FormField name="inviteeUnit" label="单位" value={values.unit} maxlength={60} error={errors.unit} onInput={(v) => onChange('unit', v)} />
          <FormField
            name="inviteePhone"
            label="联系电话（选填）"
            hint="仅工作人员可见，不公开"
            value={values.phone}
            maxlength={11}
            error={errors.phone}
            onInput={(v) => onChange('phone', v)}
          />
          {formError && <Notice tone="error">{formError}</Notice>}
          <ActionButton tone="primary" onPress={onSubmit} busy={submitting} busyText="正在分配…">
            分配席位
          </ActionButton>
        </View>
      )}
    </View>
  )
}
