// One opinion in the staff moderation and answer queue: visibility, deadlines and state, with its actions as children.
import { Text, View } from '@tarojs/components'
import { ESTIMATED_DEADLINE_NOTE, opinionChannelLabels, opinionConsentLabels, type StaffOpinion } from '@gm/shared'
import type { ReactNode } from 'react'
import { cx, dateInWords, momentText } from '../../utils/format'
import { Badge } from '../Badge'
import './index.scss'

const moderationLabels = { PENDING: '待审核', APPROVED: '已通过', HIDDEN: '不予公开' } as const

/** One opinion in the staff queue: who may see it, deadlines, state; the actions come as children. */
export function StaffOpinionCard({ opinion: o, children }: { opinion: StaffOpinion; children?: ReactNode }) {
  return (
    <View className={cx('gm-staff-opinion', o.overdue && 'gm-staff-opinion--overdue')}>
      <View className="gm-staff-opinion__header">
        <Text className="gm-staff-opinion__receipt">{o.receiptCode}</Text>
        <View className="gm-staff-opinion__badges">
          <Badge tone={o.moderation === 'PENDING' ? 'upcoming' : o.moderation === 'APPROVED' ? 'open' : 'closed'}>{moderationLabels[o.moderation]}</Badge>
          {o.answer ? <Badge tone="open">已答复</Badge> : <Badge tone="info">未答复</Badge>}
          {o.overdue && <Text className="gm-staff-opinion__overdue">已超期</Text>}
        </View>
      </View>
      <Text className="gm-staff-opinion__meta">
        {o.channel === 'ONLINE'
          ? `针对：${o.section ? o.section.heading : '草案整体'}　收到：${momentText(o.createdAt)}`
          : `针对：${o.section ? o.section.heading : '草案整体'}　渠道：${opinionChannelLabels[o.channel]}　收到：${dateInWords(o.receivedAt)}`}
      </Text>
      <Text
        className={cx('gm-staff-opinion__meta', o.overdue && 'gm-staff-opinion__meta--urgent')}
      >{`答复期限：${dateInWords(o.replyDeadline)}（20 个工作日）`}</Text>
      {o.deadlineEstimated && <Text className="gm-staff-opinion__meta gm-staff-opinion__meta--estimated">{`⚠ ${ESTIMATED_DEADLINE_NOTE}`}</Text>}
      <Text className="gm-staff-opinion__meta">{`公开意愿：${opinionConsentLabels[o.consent]}${o.authorName ? `（署名：${o.authorName}）` : ''}`}</Text>
      {o.contactPhone && <Text className="gm-staff-opinion__meta">{`联系电话（不公开）：${o.contactPhone}`}</Text>}
      {o.secCheckSuggest && o.secCheckSuggest !== 'pass' && (
        <Text className="gm-staff-opinion__meta gm-staff-opinion__meta--urgent">内容安全检测提示需人工复核</Text>
      )}
      {o.group && <Text className="gm-staff-opinion__meta">{`集中意见：${o.group.title}`}</Text>}
      {o.moderation === 'HIDDEN' && o.hiddenReason && <Text className="gm-staff-opinion__meta">{`不予公开理由：${o.hiddenReason}`}</Text>}
      {children}
    </View>
  )
}
