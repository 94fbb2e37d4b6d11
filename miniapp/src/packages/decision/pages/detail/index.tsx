// 决策事项: one major decision's details, summary and stage timeline, its consultations and events, and a QR code and button to share it.
import { Button, Text, View } from '@tarojs/components'
import { useShareAppMessage } from '@tarojs/taro'
import { FollowButton } from '../../../../components/FollowButton'
import { LinkRow } from '../../../../components/LinkRow'
import { InfoList } from '../../../../components/InfoList'
import { LoadGate } from '../../../../components/LoadGate'
import { PageShell } from '../../../../components/PageShell'
import { QrCode } from '../../../../components/QrCode'
import { Paragraphs, Section } from '../../../../components/Section'
import { StageTimeline } from '../../../../components/StageTimeline'
import { useDecision, useRouteId } from '../../../../hooks'
// Not through the hooks index: the follow hook stays out of the main package (only sub-packages use it).
import { useFollow } from '../../../../hooks/useFollows'
import { openPage, routes } from '../../../../navigation'
import './index.scss'

export default function DecisionDetailPage() {
  const id = useRouteId()
  const decision = useDecision(id)
  const followDecision = useFollow('DECISION', id ?? undefined)
  const followDepartment = useFollow('DEPARTMENT', decision.data?.department.id)
  const path = `/packages/decision/pages/detail/index?id=${id}`
  // WeChat's 转发 (and the share button below) open this decision page.
  useShareAppMessage(() => ({ title: decision.data?.title ?? '重大行政决策事项', path }))

  return (
    <PageShell className="gm-decision-detail">
      <LoadGate data={decision.data} loading={decision.loading} error={decision.error} onRetry={() => void decision.reload()}>
        {(d) => (
          <View>
            <Text className="gm-page__title">{d.title}</Text>
            <FollowButton
              name={`「${d.title}」`}
              following={followDecision.following}
              busy={followDecision.busy}
              error={followDecision.error?.message}
              onPress={() => void followDecision.toggle()}
            />
            <Section title="事项信息">
              <InfoList
                items={[
                  { label: '目录年度', value: `${d.year} 年` },
                  { label: '承办单位', value: d.department.name },
                  { label: '计划决策时间', value: d.plannedDecisionAt },
                  { label: '公众参与方式', value: d.participationMethods.join('、') || '—' },
                ]}
              />
              <FollowButton
                name={`承办单位${d.department.name}`}
                following={followDepartment.following}
                busy={followDepartment.busy}
                error={followDepartment.error?.message}
                onPress={() => void followDepartment.toggle()}
              />
            </Section>
            <Section title="事项概要">
              <Paragraphs text={d.summary} />
            </Section>
            <Section title="决策进程">
              <StageTimeline stages={d.stages} current={d.currentStage} />
            </Section>
            {d.consultations.map((c) => (
              <LinkRow key={`c${c.id}`} title={c.title} hint="意见征集" onOpen={() => openPage(routes.consultationDetail(c.id))} />
            ))}
            {d.events.map((e) => (
              <LinkRow key={`e${e.id}`} title={e.title} hint="相关活动" onOpen={() => openPage(routes.eventDetail(e.id))} />
            ))}
            <Section title="分享本事项">
              {process.env.TARO_ENV === 'h5' ? (
                <View className="gm-decision-detail__share">
                  <QrCode value={`${window.location.origin}/#${path}`} label={`「${d.title}」页面二维码`} />
                  <Text className="gm-decision-detail__share-hint">扫码在手机上查看本事项</Text>
                </View>
              ) : (
                <Button className="gm-button gm-button--primary gm-decision-detail__share-button" openType="share">
                  分享给好友
                </Button>
              )}
            </Section>
          </View>
        )}
      </LoadGate>
    </PageShell>
  )
}
