// One consultation in the 意见征集 list: title, department, window, countdown (urgent near the end) and opinions received.
import { Text, View } from '@tarojs/components'
import { type ConsultationSummary, consultationStatus, consultationStatusLabels, daysLeft, type Instant } from '@gm/shared'
import { a11y } from '../../utils/a11y'
import { cx, daysUntil, lastDayInWords, windowParts } from '../../utils/format'
import { Badge } from '../Badge'
import { WhenText } from '../WhenText'
import './index.scss'

/** Open consultations with this many days left or fewer are highlighted. */
export const URGENT_DAYS = 3

export interface ConsultationCardProps {
  consultation: ConsultationSummary
  /** The moment to compare the window against; defaults to now. */
  now?: Instant
  onOpen?: (id: number) => void
}

/** While open: the days left and the full last day in words (征集中 · 还剩 5 天 · 截止 2026年12月20日, with the badge). */
function deadlineText(c: ConsultationSummary, now: Instant): { text: string; date?: string; urgent: boolean } {
  const status = consultationStatus(c.opensAt, c.closesAt, now)
  if (status === 'open') {
    const left = daysLeft(c.opensAt, c.closesAt, now)
    return { text: `还剩 ${left} 天`, date: `截止 ${lastDayInWords(c.closesAt)}`, urgent: left <= URGENT_DAYS }
  }
  if (status === 'upcoming') return { text: `${daysUntil(c.opensAt, now)} 天后开始`, urgent: false }
  return { text: c.feedbackPublished ? '已结束 · 已公布采纳情况' : '已结束', urgent: false }
}

/** One consultation in a list: title, department, window, countdown and opinions received. */
export function ConsultationCard({ consultation: c, now = Date.now(), onOpen }: ConsultationCardProps) {
  const status = consultationStatus(c.opensAt, c.closesAt, now)
  const deadline = deadlineText(c, now)
  return (
    <View
      className={cx('gm-consultation-card', `gm-consultation-card--${status}`)}
      hoverClass="gm-pressed"
      onClick={() => onOpen?.(c.id)}
      {...a11y(undefined, 'link')}
    >
      <View className="gm-consultation-card__header">
        <Badge tone={status}>{consultationStatusLabels[status]}</Badge>
        <Text className={cx('gm-consultation-card__deadline', deadline.urgent && 'gm-consultation-card__deadline--urgent')}>
          {deadline.text}
          {deadline.date && <Text className="gm-consultation-card__date">{` · ${deadline.date}`}</Text>}
        </Text>
      </View>
      <Text className="gm-consultation-card__title">{c.title}</Text>
      <Text className="gm-consultation-card__department">{c.department.name}</Text>
      <WhenText className="gm-consultation-card__window" lead="征集时间：" parts={windowParts(c.opensAt, c.closesAt)} />
      <Text className="gm-consultation-card__opinions">已收到 {c.opinionCount} 条意见</Text>
    </View>
  )
}
