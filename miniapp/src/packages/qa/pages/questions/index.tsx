// 我的提问: the citizen's policy questions with status, deadline and the staff answer, and a way to ask another.
import { useRouter } from '@tarojs/taro'
import { ActionButton } from '../../../../components/ActionButton'
import { Notice } from '../../../../components/Notice'
import { PagedList } from '../../../../components/PagedList'
import { PageShell } from '../../../../components/PageShell'
import { PolicyQuestionCard } from '../../../../components/PolicyQuestionCard'
import { useMyPolicyQuestions, useSession } from '../../../../hooks'
import { openPage, routes } from '../../../../navigation'
import { parseId } from '../../../../utils/format'
import './index.scss'

/** 我的提问: each policy question with its status, deadline and the staff answer. */
export default function MyPolicyQuestionsPage() {
  const focusId = parseId(useRouter().params.id)
  const { me } = useSession()
  const list = useMyPolicyQuestions()

  if (me?.kind !== 'citizen') {
    return (
      <PageShell className="gm-qa-questions">
        <Notice tone="info">请先登录，登录后可查看您提出的政策咨询及答复。</Notice>
        <ActionButton tone="primary" onPress={() => openPage(routes.login())}>
          登录
        </ActionButton>
      </PageShell>
    )
  }

  return (
    <PageShell className="gm-qa-questions">
      <PagedList
        items={list.data}
        status={list.status}
        keyOf={(q) => q.id}
        renderItem={(q) => <PolicyQuestionCard question={q} focused={q.id === focusId} />}
        errorMessage={list.error?.message}
        emptyText="您还没有提过问题"
        onRetry={list.retry}
        onLoadMore={list.loadMore}
      />
      <ActionButton tone="primary" onPress={() => openPage(routes.qaAsk())}>
        向工作人员提问
      </ActionButton>
    </PageShell>
  )
}
