// 我的消息: the citizen's messages page by page, and turning on WeChat reminders (subscribe messages).
import { Text, View } from '@tarojs/components'
import { notificationKinds } from '@gm/shared'
import { ActionButton } from '../../../../components/ActionButton'
import { NotificationCard } from '../../../../components/NotificationCard'
import { Notice } from '../../../../components/Notice'
import { PagedList } from '../../../../components/PagedList'
import { PageShell } from '../../../../components/PageShell'
import { notificationKindLabels, type SubscribeState, useMyNotifications, useSubscriptions } from '../../../../hooks'
import './index.scss'

function subscribeResult(state: SubscribeState): string | null {
  if (state.status === 'error') return state.error.message
  if (state.status !== 'done') return null
  return state.accepted.length > 0
    ? `已开启：${state.accepted.map((kind) => notificationKindLabels[kind]).join('、')}。每次开启可收到一条微信提醒，全部消息都会保存在这里。`
    : '您没有开启微信提醒。消息仍会保存在这里，可随时再次开启。'
}

export default function NotificationsPage() {
  const list = useMyNotifications()
  const subscriptions = useSubscriptions()
  const result = subscribeResult(subscriptions.state)

  return (
    <PageShell className="gm-notifications-page">
      {subscriptions.available && (
        <View className="gm-notifications-page__subscribe">
          <Text className="gm-notifications-page__hint">开启后，意见有答复、报名有结果、活动快开始时会通过微信提醒您。</Text>
          {result && <Notice tone={subscriptions.state.status === 'error' ? 'error' : 'info'}>{result}</Notice>}
          <ActionButton
            onPress={() => void subscriptions.subscribe(notificationKinds)}
            busy={subscriptions.state.status === 'asking'}
            busyText="请在弹窗中选择…"
          >
            开启微信消息提醒
          </ActionButton>
        </View>
      )}
      <PagedList
        items={list.data}
        status={list.status}
        keyOf={(n) => n.id}
        renderItem={(n) => <NotificationCard notification={n} onOpen={list.open} />}
        errorMessage={list.error?.message}
        emptyText="暂无消息。您提交的意见得到答复、报名有结果时，会在这里通知您。"
        onRetry={list.retry}
        onLoadMore={list.loadMore}
      />
    </PageShell>
  )
}
