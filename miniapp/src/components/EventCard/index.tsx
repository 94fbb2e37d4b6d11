// One event in the 活动报名 list: kind, title, time, place, signup status and seats left.
import { Text, View } from '@tarojs/components'
import { type EventSummary, eventKindLabels, selectionModeLabels, signupStatusLabels } from '@gm/shared'
import { a11y } from '../../utils/a11y'
import { cx, timeRangeParts } from '../../utils/format'
import { Badge } from '../Badge'
import { WhenText } from '../WhenText'
import './index.scss'

export interface EventCardProps {
  event: EventSummary
  onOpen?: (id: number) => void
}

/** Seats while they matter: once signup has closed (a past event too) no count of seats left is shown. */
export function seatsText(e: Pick<EventSummary, 'seatsLeft' | 'signupStatus'>): string {
  if (e.signupStatus === 'closed') return '不再接收报名'
  if (e.seatsLeft <= 0) return '名额已满'
  return `剩余 ${e.seatsLeft} 个名额`
}

/** One event in a list: kind, title, time, place, signup status and seats left. */
export function EventCard({ event: e, onOpen }: EventCardProps) {
  const full = e.seatsLeft <= 0
  return (
    <View
      className={cx('gm-event-card', `gm-event-card--${e.signupStatus}`)}
      hoverClass="gm-pressed"
      onClick={() => onOpen?.(e.id)}
      {...a11y(undefined, 'link')}
    >
      <View className="gm-event-card__header">
        <Text className="gm-event-card__kind">{eventKindLabels[e.kind]}</Text>
        <Badge tone={e.signupStatus}>{signupStatusLabels[e.signupStatus]}</Badge>
      </View>
      <Text className="gm-event-card__title">{e.title}</Text>
      <WhenText className="gm-event-card__time" lead="时间：" parts={timeRangeParts(e.startsAt, e.endsAt)} />
      <Text className="gm-event-card__place">地点：{e.place}</Text>
      <View className="gm-event-card__footer">
        <Text className={cx('gm-event-card__seats', full && 'gm-event-card__seats--full')}>{seatsText(e)}</Text>
        <Text className="gm-event-card__mode">{selectionModeLabels[e.selectionMode]}</Text>
      </View>
    </View>
  )
}
