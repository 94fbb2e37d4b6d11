// What staff can do with one Q&A item by role and state: edit, publish, confirm after a policy change, withdraw with a reason.
import { Text, View } from '@tarojs/components'
import { type StaffQaItem, WithdrawBodySchema } from '@gm/shared'
import { useState } from 'react'
import type { ApiError } from '../../api'
import { ActionButton } from '../ActionButton'
import { ConfirmDialog } from '../ConfirmDialog'
import { FormField } from '../FormField'
import { Notice } from '../Notice'
import './index.scss'

type Mode = 'idle' | 'publish' | 'confirm' | 'withdraw'

export interface QaItemStaffActionsProps {
  item: StaffQaItem
  /** EDITOR: 修改 (a published item's change then waits for a reviewer). */
  canEdit: boolean
  /** REVIEWER: 发布, 确认复核, 撤下. */
  canReview: boolean
  busy: boolean
  error?: ApiError
  onEdit: (id: number) => void
  onPublish: () => Promise<boolean>
  onConfirm: (note: string) => Promise<boolean>
  onWithdraw: (reason: string) => Promise<boolean>
}

/** What staff can do with one item, by role and state; 撤下 asks for a reason, 发布 asks first. */
export function QaItemStaffActions({ item, canEdit, canReview, busy, error, onEdit, onPublish, onConfirm, onWithdraw }: QaItemStaffActionsProps) {
  const [mode, setMode] = useState<Mode>('idle')
  const [note, setNote] = useState('')
  const [reason, setReason] = useState('')
  const [reasonError, setReasonError] = useState<string | undefined>()
  const canPublish = canReview && (item.status !== 'PUBLISHED' || item.pendingRevision !== null)
  const publishLabel = item.pendingRevision && item.status === 'PUBLISHED' ? '发布修改' : item.status === 'WITHDRAWN' ? '重新发布' : '发布'
  const failure = error && <Notice tone="error">{Object.values(error.fields).join('；') || error.message}</Notice>
  const cancel = (
    <ActionButton onPress={() => setMode('idle')} disabled={busy}>
      取消
    </ActionButton>
  )

  if (mode === 'confirm') {
    return (
      <View className="gm-qa-actions">
        <Text className="gm-qa-actions__hint">确认依据的政策变化后，这条答案仍然正确。确认后将取消“待复核”提示。</Text>
        <FormField
          name={`confirmNote-${item.id}`}
          label="复核说明（选填）"
          value={note}
          maxlength={200}
          placeholder="如：新文件未改变申请条件"
          onInput={setNote}
        />
        {failure}
        <ActionButton tone="primary" busy={busy} busyText="正在提交…" onPress={() => void onConfirm(note).then((ok) => ok && setMode('idle'))}>
          确认复核
        </ActionButton>
        {cancel}
      </View>
    )
  }

  if (mode === 'withdraw') {
    const submit = () => {
      const checked = WithdrawBodySchema.safeParse({ reason })
      if (!checked.success) return setReasonError(checked.error.issues[0]?.message)
      void onWithdraw(checked.data.reason).then((ok) => ok && setMode('idle'))
    }
    return (
      <View className="gm-qa-actions">
        <FormField
          name={`withdrawReason-${item.id}`}
          label="撤下理由"
          value={reason}
          maxlength={200}
          placeholder="如：政策已废止，答案不再适用"
          error={reasonError}
          onInput={(v) => {
            setReason(v)
            setReasonError(undefined)
          }}
        />
        {failure}
        <ActionButton tone="danger" busy={busy} busyText="正在撤下…" onPress={submit}>
          确认撤下
        </ActionButton>
        {cancel}
      </View>
    )
  }

  return (
    <View className="gm-qa-actions gm-qa-actions--row">
      {failure}
      {canReview && item.reviewNotice !== null && (
        <ActionButton tone="primary" className="gm-qa-actions__confirm" onPress={() => setMode('confirm')} disabled={busy}>
          确认复核
        </ActionButton>
      )}
      {canPublish && (
        <ActionButton tone="primary" className="gm-qa-actions__publish" onPress={() => setMode('publish')} busy={busy} busyText="正在发布…">
          {publishLabel}
        </ActionButton>
      )}
      {canEdit && (
        <ActionButton className="gm-qa-actions__edit" onPress={() => onEdit(item.id)} disabled={busy}>
          修改
        </ActionButton>
      )}
      {canReview && item.status !== 'WITHDRAWN' && (
        <ActionButton className="gm-qa-actions__withdraw" onPress={() => setMode('withdraw')} disabled={busy}>
          撤下
        </ActionButton>
      )}
      {mode === 'publish' && (
        <ConfirmDialog
          title={`${publishLabel}这条问答？`}
          confirmText={publishLabel}
          busy={busy}
          onCancel={() => setMode('idle')}
          onConfirm={() => void onPublish().then(() => setMode('idle'))}
        >
          <Text>
            {item.pendingRevision && item.status === 'PUBLISHED'
              ? '发布后，公众看到的问答将替换为修改后的内容，并视为已复核。'
              : '发布后公众即可在政策问答中查到这条问答，并视为已复核。'}
          </Text>
        </ConfirmDialog>
      )}
    </View>
  )
}
