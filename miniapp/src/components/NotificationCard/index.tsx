// One message of 我的消息, with a visible 未读 mark until read.
import { Text, View } from '@tarojs/components'
import type { Notification } from '@gm/shared'
import { a11y } from '../../utils/a11y'
import { cx, momentParts } from '../../utils/format'
import { WhenText } from '../WhenText'
import './index.scss'

/** One message of 我的消息; unread ones carry a 「未读」 mark (not colour alone). */
export function NotificationCard({ notification: n, onOpen }: { notification: Notification; onOpen: (n: Notification) => void }) {
  return (
    <View
      className={cx('gm-notification-card', !n.read && 'gm-notification-card--unread')}
      hoverClass="gm-pressed"
      onClick={() => onOpen(n)}
      {...a11y(`${n.read ? '' : '未读，'}${n.title}`, n.link ? 'link' : 'button')}
    >
      <View className="gm-notification-card__header">
        {!n.read && <Text className="gm-notification-card__unread">未读</Text>}
        <Text className="gm-notification-card__title">{n.title}</Text>
      </View>
      <Text className="gm-notification-card__body">{n.body}</Text>
      <View className="gm-notification-card__footer">
        <WhenText className="gm-notification-card__time" parts={momentParts(n.createdAt)} />
        {n.link && <Text className="gm-notification-card__more">查看详情 ›</Text>}
      </View>
    </View>
  )
}
