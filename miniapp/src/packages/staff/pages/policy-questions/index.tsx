// 政策咨询 (reviewers): citizens' policy questions — answer, decline, or add the answer to the Q&A library.
import { type PolicyQuestionStatus, policyQuestionStatusLabels } from '@gm/shared'
import { useState } from 'react'
import { Chips } from '../../../../components/Chips'
import { PagedList } from '../../../../components/PagedList'
import { PageShell } from '../../../../components/PageShell'
import { PolicyQuestionCard } from '../../../../components/PolicyQuestionCard'
import { PolicyQuestionStaffActions } from '../../../../components/PolicyQuestionStaffActions'
import { StaffGate } from '../../../../components/StaffGate'
import { useMyDepartments, useStaffGate, useStaffPolicyQuestions } from '../../../../hooks'
import { openPage, routes } from '../../../../navigation'
import './index.scss'

const statusOptions = (['PENDING', 'ANSWERED', 'DECLINED'] as const).map((value) => ({ value, label: policyQuestionStatusLabels[value] }))

/** 政策咨询 (REVIEWER): answer or decline with a reason, and promote good answers into the library. */
export default function StaffPolicyQuestionsPage() {
  const gate = useStaffGate('REVIEWER')
  const [status, setStatus] = useState<PolicyQuestionStatus | undefined>('PENDING')
  const queue = useStaffPolicyQuestions(status, gate.allowed)
  const departments = useMyDepartments()

  if (!gate.allowed)
    return (
      <StaffGate
        gate={gate}
        className="gm-staff-policy-questions"
        signInText="政策咨询仅供工作人员处理，请使用工作人员账号登录。"
        refusal="政策咨询由审核人员答复，您的账号没有此权限。"
      />
    )
  const { me } = gate

  return (
    <PageShell className="gm-staff-policy-questions">
      <Chips label="处理状态" allLabel="全部" options={statusOptions} value={status} onChange={setStatus} />
      <PagedList
        items={queue.data}
        status={queue.status}
        keyOf={(q) => q.id}
        renderItem={(q) => (
          <PolicyQuestionCard question={q} overdue={q.overdue} dueAtEstimated={q.dueAtEstimated}>
            <PolicyQuestionStaffActions
              question={q}
              departments={departments.data ?? [me.department]}
              defaultDepartmentId={me.department.id}
              busy={queue.busyId === q.id}
              error={queue.rowErrors[q.id]}
              onAnswer={(body) => queue.answer(q.id, body)}
              onPromote={(body) => queue.promote(q.id, body)}
              onOpenItem={(id) => openPage(routes.qaDetail(id))}
            />
          </PolicyQuestionCard>
        )}
        errorMessage={queue.error?.message}
        emptyText={status === 'PENDING' ? '没有待答复的政策咨询' : '暂无政策咨询'}
        onRetry={queue.retry}
        onLoadMore={queue.loadMore}
      />
    </PageShell>
  )
}
