// 公开抽签 (reviewers and administrators): preview the draw with its published quotas, name the witnesses, draw or redraw with a reason.
import { Text, View } from '@tarojs/components'
import { type DrawPreview, quotaFieldLabels, staffRolesOf } from '@gm/shared'
import { useState } from 'react'
import { ActionButton } from '../../../../components/ActionButton'
import { DrawConfirmation } from '../../../../components/DrawConfirmation'
import { DrawRecordView } from '../../../../components/DrawRecordView'
import { FormField } from '../../../../components/FormField'
import { InfoList } from '../../../../components/InfoList'
import { ListState } from '../../../../components/ListState'
import { Notice } from '../../../../components/Notice'
import { PageShell } from '../../../../components/PageShell'
import { QuotaList } from '../../../../components/QuotaList'
import { Section } from '../../../../components/Section'
import { StaffGate } from '../../../../components/StaffGate'
import { TextAreaField } from '../../../../components/TextAreaField'
import { useLotteryDesk, useRouteId, useStaffGate } from '../../../../hooks'
import { a11y } from '../../../../utils/a11y'
import { quotaValueText } from '../../../../utils/quotas'
import './index.scss'

/** Witnesses typed on one line, separated by 、，, or spaces. */
export function splitWitnesses(text: string): string[] {
  return text
    .split(/[、，,;；\s]+/)
    .map((w) => w.trim())
    .filter(Boolean)
}

/** How many candidates match each of the event's quotas: "地区为「东区」的候选人 4 人". */
export function quotaCounts(preview: DrawPreview): string[] {
  return preview.quotas.map(
    (q) => `${quotaFieldLabels[q.field]}为「${quotaValueText(q)}」的候选人 ${preview.counts[q.field][q.value] ?? 0} 人（配额 ${q.seats} 名）`,
  )
}

/** 公开抽签 (the roles drawLottery admits: reviewers, administrators): witnesses, a confirmation of the preview (with the event's fixed quotas), then the draw; redraw only with a reason. */
export default function StaffEventDrawPage() {
  const id = useRouteId()
  const gate = useStaffGate(...staffRolesOf('drawLottery'))
  const desk = useLotteryDesk(id, gate.allowed)
  const [witnesses, setWitnesses] = useState('')
  const [reason, setReason] = useState('')
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [confirming, setConfirming] = useState<{ witnesses: string[]; reason?: string } | null>(null)

  if (!gate.allowed) return <StaffGate gate={gate} className="gm-staff-draw" refusal="只有「审核」角色和管理员可以主持抽签。" />
  const record = desk.done ?? desk.record.data
  const preview = desk.preview.data
  if ((desk.record.loading && !record) || (desk.preview.loading && !preview)) {
    return (
      <PageShell className="gm-staff-draw">
        <ListState status="loading" />
      </PageShell>
    )
  }
  if (!preview) {
    return (
      <PageShell className="gm-staff-draw">
        <Notice tone="error">{desk.preview.error?.message ?? '无法读取抽签预览'}</Notice>
      </PageShell>
    )
  }

  const redraw = Boolean(record)
  const askConfirmation = () => {
    const next: Record<string, string> = {}
    if (redraw && reason.trim().length < 4) next.reason = '请说明重新抽签的理由（至少 4 个字），理由将公开'
    setErrors(next)
    if (Object.keys(next).length > 0) return
    setConfirming({ witnesses: splitWitnesses(witnesses), ...(redraw ? { reason: reason.trim() } : {}) })
  }
  const confirm = async () => {
    if (!confirming) return
    if (await desk.run(confirming)) {
      setConfirming(null)
      setReason('')
    }
  }

  return (
    <PageShell className="gm-staff-draw">
      <Text className="gm-page__title">{redraw ? '抽签结果' : '公开抽签'}</Text>
      {desk.done && (
        <Notice tone="success">
          {desk.done.round > 1 ? '已重新抽签，理由和此前各轮结果已公开，结果有变化的报名人已收到通知。' : '抽签完成，记录已公开，结果已通知每位报名人。'}
        </Notice>
      )}
      {record && <DrawRecordView record={record} />}
      <View {...a11y(redraw ? '重新抽签' : '抽签设置', 'form')}>
        <Section title={redraw ? '重新抽签（须说明理由并公开）' : '抽签预览'}>
          <InfoList
            items={[
              { label: '候选人数', value: `${preview.candidateCount} 人` },
              { label: '可抽名额', value: `${preview.seats} 个` },
              { label: '承诺值', value: preview.commitment ?? '未公布' },
            ]}
          />
          {!preview.signupClosed && <Notice tone="info">报名尚未截止，截止后才能抽签。</Notice>}
          {!redraw && <Text className="gm-staff-draw__hint">随机性来自创建活动时封存的密钥（其承诺值已公开），工作人员不再输入随机种子。</Text>}
          {redraw && (
            <TextAreaField
              name="reason"
              label="重新抽签理由"
              value={reason}
              hint="将与新结果、此前各轮结果一并公开"
              error={errors.reason}
              onInput={setReason}
            />
          )}
          <FormField
            name="witnesses"
            label="见证人"
            value={witnesses}
            hint="多人用“、”分隔，如：张三（公证员）、李四（居民代表）"
            maxlength={400}
            onInput={setWitnesses}
          />
        </Section>
        <Section title="分层配额（报名开始前已公布，抽签时不能更改）">
          <QuotaList quotas={preview.quotas} />
          {quotaCounts(preview).map((line) => (
            <Text key={line} className="gm-staff-draw__hint">
              {line}
            </Text>
          ))}
        </Section>
        {desk.error && !confirming && <Notice tone="error">{desk.error.message}</Notice>}
        <ActionButton tone={redraw ? 'danger' : 'primary'} disabled={!preview.signupClosed} onPress={askConfirmation}>
          {redraw ? '重新抽签…' : '开始抽签…'}
        </ActionButton>
      </View>
      {confirming && (
        <DrawConfirmation
          preview={preview}
          witnesses={confirming.witnesses}
          reason={confirming.reason}
          busy={desk.running}
          error={desk.error?.message}
          onConfirm={() => void confirm()}
          onCancel={() => setConfirming(null)}
        />
      )}
    </PageShell>
  )
}
