/** The dialog staff confirm before a draw (or redraw) runs: candidates, seats, the event's quotas, commitment, list hash. */
import { Text, View } from '@tarojs/components'
import { type DrawPreview, quotaFieldLabels } from '@gm/shared'
import { quotaValueText } from '../../utils/quotas'
import { ConfirmDialog } from '../ConfirmDialog'
import { InfoList } from '../InfoList'
import { Notice } from '../Notice'
import { QuotaList } from '../QuotaList'
import './index.scss'

/** What deserves a second look before confirming: quotas beyond the seats, or with fewer candidates than seats. */
export function quotaWarnings(preview: DrawPreview): string[] {
  const { quotas } = preview
  const warnings: string[] = []
  const total = quotas.reduce((sum, q) => sum + q.seats, 0)
  if (total > preview.seats) warnings.push(`配额合计 ${total} 个，超过可抽名额 ${preview.seats} 个，排在后面的配额可能无法满足。`)
  for (const q of quotas) {
    const available = preview.counts[q.field][q.value] ?? 0
    if (available < q.seats) warnings.push(`${quotaFieldLabels[q.field]}为「${quotaValueText(q)}」的候选人只有 ${available} 人，少于配额 ${q.seats} 个。`)
  }
  if (preview.candidateCount === 0) warnings.push('没有候选人，抽签不会选中任何人。')
  return warnings
}

export interface DrawConfirmationProps {
  /** The inputs the draw will use, the event's quotas among them */
  preview: DrawPreview
  witnesses: readonly string[]
  /** Set for a redraw: the reason that will be published */
  reason?: string
  busy?: boolean
  error?: string
  onConfirm: () => void
  onCancel: () => void
}

export function DrawConfirmation({ preview, witnesses, reason, busy = false, error, onConfirm, onCancel }: DrawConfirmationProps) {
  const redraw = reason !== undefined
  const warnings = quotaWarnings(preview)
  return (
    <ConfirmDialog
      title={redraw ? '确认重新抽签' : '确认开始抽签'}
      confirmText={redraw ? '确认重新抽签' : '确认抽签'}
      danger={redraw}
      busy={busy}
      onConfirm={onConfirm}
      onCancel={onCancel}
    >
      <View className="gm-draw-confirm">
        <InfoList
          items={[
            { label: '候选人数', value: `${preview.candidateCount} 人` },
            { label: '抽取名额', value: `${preview.seats} 个` },
            { label: '见证人', value: witnesses.join('、') || '未填写' },
            ...(redraw ? [{ label: '重新抽签理由', value: reason }] : []),
          ]}
        />
        <Text className="gm-draw-confirm__label">分层配额（报名开始前已公布，不能更改）</Text>
        <QuotaList quotas={preview.quotas} />
        <Text className="gm-draw-confirm__label">承诺值（已公开）</Text>
        <Text className="gm-draw-confirm__hash">{preview.commitment ?? '—'}</Text>
        <Text className="gm-draw-confirm__label">候选名单散列</Text>
        <Text className="gm-draw-confirm__hash">{preview.listHash}</Text>
        {warnings.map((w) => (
          <Notice key={w} tone="info">
            {w}
          </Notice>
        ))}
        <Text className="gm-draw-confirm__text">
          {redraw
            ? '重新抽签将取代当前结果并通知结果有变化的报名人；理由、此前各轮结果与全部输入一并公开，不能撤回。'
            : '确认后立即抽签：结果由事先封存的密钥和上述候选名单决定，密钥、名单、配额和结果全部公开，不能撤回。'}
        </Text>
        {error && <Notice tone="error">{error}</Notice>}
      </View>
    </ConfirmDialog>
  )
}
