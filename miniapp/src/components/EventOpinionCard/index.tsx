// One opinion raised at an event as staff recorded it: who raised it, when, raw and published text, with its answer or answer form.
import { Text, View } from '@tarojs/components'
import { type StaffEventOpinion } from '@gm/shared'
import type { ReactNode } from 'react'
import { Badge } from '../Badge'
import { momentParts } from '../../utils/format'
import { WhenText } from '../WhenText'
import './index.scss'

export interface EventOpinionCardProps {
  opinion: StaffEventOpinion
  /** Who raised it, e.g. 「张寅（编号 K7Q2）」; null when it is not linked to a registration. */
  attendee: string | null
  /** The answer, or the form to give one. */
  children?: ReactNode
}

/** One opinion raised at an event, as staff recorded it: who, when, the raw and the published text. */
export function EventOpinionCard({ opinion: o, attendee, children }: EventOpinionCardProps) {
  const masked = o.publishedText !== o.rawText
  return (
    <View className="gm-event-opinion">
      <View className="gm-event-opinion__header">
        <Text className="gm-event-opinion__who">{attendee ?? '未关联报名人员'}</Text>
        {o.answer ? <Badge tone="open">已答复</Badge> : <Badge tone="upcoming">待答复</Badge>}
      </View>
      <WhenText className="gm-event-opinion__meta" lead="记录时间：" parts={momentParts(o.createdAt)} />
      <Text className="gm-event-opinion__label">原文（仅内部可见）</Text>
      <Text className="gm-event-opinion__text" userSelect>
        {o.rawText}
      </Text>
      <Text className="gm-event-opinion__label">{masked ? '公开文本（已隐去个人信息）' : '公开文本（与原文相同）'}</Text>
      {masked && (
        <Text className="gm-event-opinion__text gm-event-opinion__text--published" userSelect>
          {o.publishedText}
        </Text>
      )}
      {children}
    </View>
  )
}
