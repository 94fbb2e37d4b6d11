// 活动管理 (staff): unpublished drafts, then every published event.
import { Text } from '@tarojs/components'
import { ActionButton } from '../../../../components/ActionButton'
import { EventCard } from '../../../../components/EventCard'
import { PagedList } from '../../../../components/PagedList'
import { PageShell } from '../../../../components/PageShell'
import { Section } from '../../../../components/Section'
import { StaffGate } from '../../../../components/StaffGate'
import { useStaffEventList, useStaffGate } from '../../../../hooks'
import { openPage, routes } from '../../../../navigation'
import './index.scss'

/** 活动管理: unpublished drafts (every staff member sees them), then every published event. */
export default function StaffEventsPage() {
  const gate = useStaffGate()
  const list = useStaffEventList()

  if (!gate.allowed) return <StaffGate gate={gate} className="gm-staff-events" />
  const { can } = gate
  const open = (id: number) => openPage(routes.staffEvent(id))
  return (
    <PageShell className="gm-staff-events">
      <Text className="gm-page__title">活动管理</Text>
      {can('EDITOR') && (
        <ActionButton tone="primary" className="gm-staff-events__new" onPress={() => openPage(routes.staffEventForm())}>
          新建活动
        </ActionButton>
      )}
      {list.drafts.length > 0 && (
        <Section title="未发布的活动（本机创建）">
          {list.drafts.map((e) => (
            <EventCard key={e.id} event={e} onOpen={open} />
          ))}
        </Section>
      )}
      <Text className="gm-staff-events__subtitle">已发布的活动</Text>
      <PagedList
        items={list.data}
        status={list.status}
        keyOf={(e) => e.id}
        renderItem={(e) => <EventCard event={e} onOpen={open} />}
        errorMessage={list.error?.message}
        emptyText="还没有已发布的活动"
        onRetry={list.retry}
        onLoadMore={list.loadMore}
      />
    </PageShell>
  )
}
