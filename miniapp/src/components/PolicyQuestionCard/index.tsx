// One policy question (政策咨询): status, receipt code, deadline (overdue or estimated for staff) and the answer or the reason for declining.
import { Text, View } from '@tarojs/components'
import { ESTIMATED_DEADLINE_NOTE, type MyPolicyQuestion, policyQuestionStatusLabels } from '@gm/shared'
import type { ReactNode } from 'react'
import { cx, dateInWords, momentParts } from '../../utils/format'
import { Badge, type BadgeTone } from '../Badge'
import { WhenText } from '../WhenText'
import './index.scss'

const statusTone: Record<MyPolicyQuestion['status'], BadgeTone> = { PENDING: 'upcoming', ANSWERED: 'open', DECLINED: 'closed' }

export interface PolicyQuestionCardProps {
  question: MyPolicyQuestion
  /** Staff see 已超期 on a late question. */
  overdue?: boolean
  /** Staff see that the deadline was counted by weekends only (no official holiday arrangement for its year). */
  dueAtEstimated?: boolean
  focused?: boolean
  /** Extra lines or actions (the staff forms). */
  children?: ReactNode
}

/** One policy question: status, receipt, deadline, and the staff answer or the reason for declining. */
export function PolicyQuestionCard({ question: q, overdue = false, dueAtEstimated = false, focused = false, children }: PolicyQuestionCardProps) {
  return (
    <View className={cx('gm-policy-question', `gm-policy-question--${q.status.toLowerCase()}`, focused && 'gm-policy-question--focused')}>
      <View className="gm-policy-question__head">
        <Badge tone={statusTone[q.status]}>{policyQuestionStatusLabels[q.status]}</Badge>
        {overdue && <Badge tone="closed">已超期</Badge>}
        {q.topic && <Text className="gm-policy-question__topic">{q.topic}</Text>}
      </View>
      <Text className="gm-policy-question__text" userSelect>
        {q.text}
      </Text>
      <Text className="gm-policy-question__meta">{`受理编号：${q.receiptCode}`}</Text>
      <WhenText className="gm-policy-question__meta" lead="提交时间：" parts={momentParts(q.createdAt)} />
      {q.status === 'PENDING' && <WhenText className="gm-policy-question__meta" lead="答复期限：" parts={[dateInWords(q.dueAt), '前']} />}
      {q.status === 'PENDING' && dueAtEstimated && (
        <Text className="gm-policy-question__meta gm-policy-question__meta--estimated">{`⚠ ${ESTIMATED_DEADLINE_NOTE}`}</Text>
      )}
      {q.heldForReview && <Text className="gm-policy-question__meta">内容需人工核对后处理</Text>}
      {q.status === 'ANSWERED' && q.answer && (
        <View className="gm-policy-question__answer">
          <Text className="gm-policy-question__answer-title">{`答复${q.department ? `（${q.department.name}）` : ''}`}</Text>
          <Text className="gm-policy-question__answer-text" userSelect>
            {q.answer}
          </Text>
          {q.answeredAt && <WhenText className="gm-policy-question__meta" lead="答复时间：" parts={momentParts(q.answeredAt)} />}
        </View>
      )}
      {q.status === 'DECLINED' && q.declineReason && (
        <View className="gm-policy-question__answer gm-policy-question__answer--declined">
          <Text className="gm-policy-question__answer-title">不予答复的理由</Text>
          <Text className="gm-policy-question__answer-text">{q.declineReason}</Text>
        </View>
      )}
      {children}
    </View>
  )
}
