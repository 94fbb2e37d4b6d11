// 我的意见: the citizen's opinions with their state, receipt code and, once published, the answer.
import { OpinionCard } from '../../../../components/OpinionCard'
import { PagedList } from '../../../../components/PagedList'
import { PageShell } from '../../../../components/PageShell'
import { useMyOpinions } from '../../../../hooks'
import { openPage, routes } from '../../../../navigation'
import './index.scss'

/** 我的意见: each opinion with its state, receipt code and — once published — the answer. */
export default function MyOpinionsPage() {
  const list = useMyOpinions()
  return (
    <PageShell className="gm-my-opinions">
      <PagedList
        items={list.data}
        status={list.status}
        keyOf={(o) => o.id}
        renderItem={(o) => <OpinionCard opinion={o} onOpenConsultation={(id) => openPage(routes.consultationDetail(id))} />}
        errorMessage={list.error?.message}
        emptyText="您还没有提交过意见。在「意见征集」中打开一项征集，即可提交意见。"
        onRetry={list.retry}
        onLoadMore={list.loadMore}
      />
    </PageShell>
  )
}
