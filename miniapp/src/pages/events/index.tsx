// The 活动报名 tab: the list of events open to signup, filtered by kind.
import { type EventKind, eventKindLabels } from '@gm/shared'
import { useState } from 'react'
import { Chips } from '../../components/Chips'
import { EventCard } from '../../components/EventCard'
import { PagedList } from '../../components/PagedList'
import { PageShell } from '../../components/PageShell'
import { useEventList } from '../../hooks'
import { openPage, routes } from '../../navigation'
import './index.scss'

const kindOptions = (Object.keys(eventKindLabels) as EventKind[]).map((kind) => ({ value: kind, label: eventKindLabels[kind] }))

export default function EventsPage() {
  const [kind, setKind] = useState<EventKind | undefined>()
  const list = useEventList(kind)

  return (
    <PageShell className="gm-events-page">
      <Chips label="活动类型" allLabel="全部活动" options={kindOptions} value={kind} onChange={setKind} />
      <PagedList
        items={list.data}
        status={list.status}
        keyOf={(e) => e.id}
        renderItem={(e) => <EventCard event={e} onOpen={(id) => openPage(routes.eventDetail(id))} />}
        errorMessage={list.error?.message}
        emptyText="暂无可报名的活动"
        onRetry={list.retry}
        onLoadMore={list.loadMore}
      />
    </PageShell>
  )
}
