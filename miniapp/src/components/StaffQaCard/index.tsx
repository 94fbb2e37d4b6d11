// One item in 政策问答库管理: state, review flag and reason, the policy it rests on, with its actions as children.
import { Text, View } from '@tarojs/components'
import { contentStatusLabels, policyValidityLabels, type StaffQaItem } from '@gm/shared'
import type { ReactNode } from 'react'
import { cx, dateInWords, excerpt } from '../../utils/format'
import { plainTextOf } from '../../utils/richText'
import { Badge } from '../Badge'
import './index.scss'

const statusTone = { DRAFT: 'upcoming', PUBLISHED: 'open', WITHDRAWN: 'closed' } as const

/** One Q&A item in 政策问答库管理: state, the review flag and why, what it rests on; actions as children. */
export function StaffQaCard({ item, children }: { item: StaffQaItem; children?: ReactNode }) {
  const flagged = item.reviewNotice !== null
  return (
    <View className={cx('gm-staff-qa', flagged && 'gm-staff-qa--flagged')}>
      <View className="gm-staff-qa__badges">
        <Badge tone={statusTone[item.status]}>{contentStatusLabels[item.status]}</Badge>
        {flagged && <Text className="gm-staff-qa__flag">待复核</Text>}
        {item.pendingRevision && <Badge tone="upcoming">修改待审核</Badge>}
        <Text className="gm-staff-qa__topic">{item.topic}</Text>
      </View>
      {flagged && <Text className="gm-staff-qa__notice">{item.reviewNotice}</Text>}
      <Text className="gm-staff-qa__question">{`问：${item.question}`}</Text>
      <Text className="gm-staff-qa__answer">{`答：${excerpt(item.answer, 80)}`}</Text>
      {item.pendingRevision && (
        <View className="gm-staff-qa__revision">
          <Text className="gm-staff-qa__revision-title">待审核的修改（发布前公众仍看到上面的内容）</Text>
          <Text className="gm-staff-qa__revision-text">{`问：${item.pendingRevision.question}`}</Text>
          <Text className="gm-staff-qa__revision-text">{`答：${excerpt(plainTextOf(item.pendingRevision.answer), 120)}`}</Text>
        </View>
      )}
      {item.policy && (
        <Text className={cx('gm-staff-qa__meta', item.policy.validity !== 'VALID' && 'gm-staff-qa__meta--urgent')}>
          {`依据：${item.policy.title}${item.policy.docNumber ? `（${item.policy.docNumber}）` : ''} · ${policyValidityLabels[item.policy.validity]}`}
        </Text>
      )}
      <Text className="gm-staff-qa__meta">
        {[item.department ? `答复单位：${item.department.name}` : '未指定答复单位', `复核：${dateInWords(item.reviewedAt)}`, `浏览 ${item.viewCount}`].join(
          ' · ',
        )}
      </Text>
      {children}
    </View>
  )
}
