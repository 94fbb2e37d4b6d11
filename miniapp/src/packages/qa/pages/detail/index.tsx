// 问答详情: one Q&A item's answer (following its topic and answering department), the policy and clause it rests on, its source, 有帮助吗 votes, related questions and a way to ask staff.
import { Text, View } from '@tarojs/components'
import { policyValidityLabels } from '@gm/shared'
import { FollowButton } from '../../../../components/FollowButton'
import { InfoList } from '../../../../components/InfoList'
import { LinkRow } from '../../../../components/LinkRow'
import { LoadGate } from '../../../../components/LoadGate'
import { Notice } from '../../../../components/Notice'
import { PageShell } from '../../../../components/PageShell'
import { QaFeedback } from '../../../../components/QaFeedback'
import { QaRichText } from '../../../../components/QaRichText'
import { Section } from '../../../../components/Section'
import { useQaItem, useRouteId } from '../../../../hooks'
// Not through the hooks index: the follow hook stays out of the main package (only sub-packages use it).
import { useFollow } from '../../../../hooks/useFollows'
import { openPage, routes } from '../../../../navigation'
import { dateInWords } from '../../../../utils/format'
import './index.scss'

export default function QaDetailPage() {
  const qa = useQaItem(useRouteId())
  const followTopic = useFollow('TOPIC', qa.data?.topic)
  const followDepartment = useFollow('DEPARTMENT', qa.data?.department?.id)

  return (
    <PageShell className="gm-qa-detail">
      <LoadGate data={qa.data} loading={qa.loading} error={qa.error} onRetry={() => void qa.reload()}>
        {(item) => (
          <View>
            <Text className="gm-qa-detail__topic">{item.topic}</Text>
            <Text className="gm-page__title">问：{item.question}</Text>
            <FollowButton
              name={`政策主题「${item.topic}」`}
              following={followTopic.following}
              busy={followTopic.busy}
              error={followTopic.error?.message}
              onPress={() => void followTopic.toggle()}
            />
            {item.reviewNotice && <Notice tone="error">{item.reviewNotice}</Notice>}
            <Section title="解答">
              <QaRichText blocks={item.answerBlocks} />
            </Section>
            {item.policy && (
              <Section title="政策依据" className="gm-qa-detail__basis">
                <InfoList
                  items={[
                    { label: '政策文件', value: item.policy.title },
                    { label: '文号', value: item.policy.docNumber },
                    {
                      label: '效力状态',
                      value: `${policyValidityLabels[item.policy.validity]}${item.policy.validityChangedAt && item.policy.validity !== 'VALID' ? `（${dateInWords(item.policy.validityChangedAt)} 起）` : ''}`,
                    },
                  ]}
                />
                {item.policy.validity !== 'VALID' && (
                  <Text className="gm-qa-detail__warning">
                    {`提示：所依据的政策文件${policyValidityLabels[item.policy.validity]}${item.policy.replacedBy ? `，现行文件为《${item.policy.replacedBy.title}》（${item.policy.replacedBy.docNumber}）` : ''}，解答仅供参考。`}
                  </Text>
                )}
                {item.clause && (
                  <View className="gm-qa-detail__clause">
                    <Text className="gm-qa-detail__clause-heading">{item.clause.heading}</Text>
                    <Text className="gm-qa-detail__clause-body" userSelect>
                      {item.clause.body}
                    </Text>
                  </View>
                )}
                <LinkRow title="查看政策原文" hint={item.policy.title} onOpen={() => openPage(routes.qaPolicy(item.policy!.id))} />
                {item.policy.replacedBy && (
                  <LinkRow title="查看现行文件" hint={item.policy.replacedBy.title} onOpen={() => openPage(routes.qaPolicy(item.policy!.replacedBy!.id))} />
                )}
              </Section>
            )}
            <Section title="来源">
              <InfoList
                items={[
                  ...(item.department ? [{ label: '答复单位', value: item.department.name }] : []),
                  { label: '最近审核', value: dateInWords(item.reviewedAt) },
                ]}
              />
              {item.department && (
                <FollowButton
                  name={`答复单位${item.department.name}`}
                  following={followDepartment.following}
                  busy={followDepartment.busy}
                  error={followDepartment.error?.message}
                  onPress={() => void followDepartment.toggle()}
                />
              )}
            </Section>
            <QaFeedback
              helpfulCount={item.helpfulCount}
              unhelpfulCount={item.unhelpfulCount}
              status={qa.rating.status}
              errorMessage={qa.rating.status === 'error' ? qa.rating.error.message : undefined}
              onRate={qa.rate}
            />
            {item.related.length > 0 && (
              <Section title="相关问题">
                {item.related.map((r) => (
                  <LinkRow key={r.id} title={r.question} hint={r.topic} onOpen={() => openPage(routes.qaDetail(r.id))} />
                ))}
              </Section>
            )}
            <LinkRow title="没有解决您的问题？向工作人员提问" onOpen={() => openPage(routes.qaAsk(item.question))} />
          </View>
        )}
      </LoadGate>
    </PageShell>
  )
}
