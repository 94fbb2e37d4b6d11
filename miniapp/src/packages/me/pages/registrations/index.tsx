// 我的报名: the citizen's registrations with status, check-in code and QR code, and cancelling after a confirmation.
import { Text } from '@tarojs/components'
import { type MyRegistration, registrationStatusLabels } from '@gm/shared'
import { useState } from 'react'
import { ActionButton } from '../../../../components/ActionButton'
import { ConfirmDialog } from '../../../../components/ConfirmDialog'
import { ListState } from '../../../../components/ListState'
import { Notice } from '../../../../components/Notice'
import { PageShell } from '../../../../components/PageShell'
import { RegistrationCard } from '../../../../components/RegistrationCard'
import { useMyRegistrations, useSession } from '../../../../hooks'
import { openPage, routes } from '../../../../navigation'
import './index.scss'

/** 我的报名: status, check-in code and QR code, and cancelling after a confirmation. */
export default function MyRegistrationsPage() {
  const { me } = useSession()
  const list = useMyRegistrations()
  const [confirming, setConfirming] = useState<MyRegistration | null>(null)

  if (me?.kind !== 'citizen') {
    return (
      <PageShell className="gm-my-registrations">
        <Notice tone="info">请先登录，再查看您的报名。</Notice>
        <ActionButton tone="primary" onPress={() => openPage(routes.login())}>
          登录
        </ActionButton>
      </PageShell>
    )
  }

  const items = list.data ?? []
  return (
    <PageShell className="gm-my-registrations">
      <ActionButton
        className="gm-my-registrations__refresh"
        onPress={() => void list.reload()}
        busy={list.loading && list.data !== undefined}
        busyText="正在刷新…"
      >
        刷新报名状态
      </ActionButton>
      {items.map((r) => (
        <RegistrationCard
          key={r.id}
          registration={r}
          cancelling={list.cancellingId === r.id}
          error={list.cancelError?.id === r.id ? list.cancelError.error.message : undefined}
          onCancel={setConfirming}
          onOpenEvent={(id) => openPage(routes.eventDetail(id))}
        />
      ))}
      {list.data === undefined ? (
        <ListState status={list.error ? 'error' : 'loading'} errorMessage={list.error?.message} onRetry={() => void list.reload()} />
      ) : items.length === 0 ? (
        <ListState status="empty" emptyText="您还没有报名活动。在「活动报名」中选择活动即可报名。" />
      ) : (
        list.error && <Notice tone="error">{list.error.message}</Notice>
      )}
      {confirming && (
        <ConfirmDialog
          title="确定取消报名吗？"
          confirmText="确认取消报名"
          cancelText="不取消"
          danger
          busy={list.cancellingId === confirming.id}
          onCancel={() => setConfirming(null)}
          onConfirm={() => void list.cancel(confirming.id).then(() => setConfirming(null))}
        >
          <Text>
            {`「${confirming.event.title}」当前状态：${registrationStatusLabels[confirming.status]}。\n取消后名额将让给候补人员，取消后不能恢复；如需参加须重新报名（名额已满时无法再报名）。`}
          </Text>
        </ConfirmDialog>
      )}
    </PageShell>
  )
}
