// One consultation in the staff 征集管理 list: state, window and the work waiting (待审核 / 待答复).
import { Text, View } from '@tarojs/components'
import { consultationStatusLabels } from '@gm/shared'
import type { StaffConsultation } from '../../hooks/useStaffConsultations'
import { a11y } from '../../utils/a11y'
import { partsText, windowParts } from '../../utils/format'
import { Badge } from '../Badge'
import './index.scss'

/** One consultation in 征集管理: state, window and the work waiting (待审核 / 待答复). */
export function StaffConsultationCard({ consultation: c, onOpen }: { consultation: StaffConsultation; onOpen: (id: number) => void }) {
  return (
    <View className="gm-staff-consultation" hoverClass="gm-pressed" onClick={() => onOpen(c.id)} {...a11y(undefined, 'link')}>
      <View className="gm-staff-consultation__badges">
        {c.published ? <Badge tone={c.status}>{consultationStatusLabels[c.status]}</Badge> : <Badge tone="info">草稿（未发布）</Badge>}
        {c.feedbackPublished && <Badge tone="open">已公开采纳情况</Badge>}
      </View>
      <Text className="gm-staff-consultation__title">{c.title}</Text>
      <Text className="gm-staff-consultation__meta">{`${c.department.name} · 第 ${c.draftVersion} 稿 · ${partsText(windowParts(c.opensAt, c.closesAt))}`}</Text>
      <View className="gm-staff-consultation__counts">
        <Text className="gm-staff-consultation__count">{`意见 ${c.counts.opinions}`}</Text>
        <Text
          className={c.counts.pending > 0 ? 'gm-staff-consultation__count gm-staff-consultation__count--todo' : 'gm-staff-consultation__count'}
        >{`待审核 ${c.counts.pending}`}</Text>
        <Text
          className={c.counts.unanswered > 0 ? 'gm-staff-consultation__count gm-staff-consultation__count--todo' : 'gm-staff-consultation__count'}
        >{`待答复 ${c.counts.unanswered}`}</Text>
      </View>
    </View>
  )
}
