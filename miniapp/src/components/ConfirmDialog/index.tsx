// A modal yes/no question with two large buttons, the safe 取消 first, for destructive or final actions.
import { Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import { a11y } from '../../utils/a11y'
import { ActionButton } from '../ActionButton'
import './index.scss'

export interface ConfirmDialogProps {
  title: string
  children: ReactNode
  confirmText: string
  cancelText?: string
  danger?: boolean
  busy?: boolean
  onConfirm: () => void
  onCancel: () => void
}

/** A modal question with two large buttons; the safe choice (取消) comes first. */
export function ConfirmDialog({ title, children, confirmText, cancelText = '取消', danger = false, busy = false, onConfirm, onCancel }: ConfirmDialogProps) {
  return (
    <View className="gm-dialog" catchMove>
      <View className="gm-dialog__panel" {...a11y(title, 'dialog')} aria-modal="true">
        <Text className="gm-dialog__title">{title}</Text>
        <View className="gm-dialog__body">{children}</View>
        <View className="gm-dialog__actions">
          <ActionButton className="gm-dialog__action" onPress={onCancel} disabled={busy}>
            {cancelText}
          </ActionButton>
          <ActionButton className="gm-dialog__action" tone={danger ? 'danger' : 'primary'} onPress={onConfirm} busy={busy} busyText="正在处理…">
            {confirmText}
          </ActionButton>
        </View>
      </View>
    </View>
  )
}
