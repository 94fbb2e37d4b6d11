// 决策事项目录: the published major-decision catalogue as a list of cards.
import { DecisionCard } from '../../../../components/DecisionCard'
import { LoadGate } from '../../../../components/LoadGate'
import { PagedList } from '../../../../components/PagedList'
import { PageShell } from '../../../../components/PageShell'
import { useDecisionList } from '../../../../hooks'
import { openPage, routes } from '../../../../navigation'
import './index.scss'

export default function DecisionListPage() {
  const decisions = useDecisionList()

  return (
    <PageShell className="gm-decision-list">
      <LoadGate data={decisions.data} loading={decisions.loading} error={decisions.error} onRetry={() => void decisions.reload()}>
        {(items) => (
          <PagedList
            items={items}
            status={items.length === 0 ? 'empty' : 'end'}
            keyOf={(d) => d.id}
            renderItem={(d) => <DecisionCard decision={d} onOpen={(id) => openPage(routes.decisionDetail(id))} />}
            emptyText="暂无已公布的决策事项"
          />
        )}
      </LoadGate>
    </PageShell>
  )
}
