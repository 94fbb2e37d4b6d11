// 活动详情: one event's time, place, live stream (网络直播), seats, selection mode and quotas, with 我要报名 while signup is open, or why not, and the outcome afterwards.
import { Text, View } from '@tarojs/components'
import { type EventDetail, eventKindLabels, publicSeats, selectionModeLabels, signupStatusLabels } from '@gm/shared'
import { ActionButton } from '../../../../components/ActionButton'
import { AnswerView } from '../../../../components/AnswerView'
import { AttachmentList } from '../../../../components/AttachmentList'
import { Badge } from '../../../../components/Badge'
import { seatsText } from '../../../../components/EventCard'
import { InfoList } from '../../../../components/InfoList'
import { LinkRow } from '../../../../components/LinkRow'
import { LoadGate } from '../../../../components/LoadGate'
import { Notice } from '../../../../components/Notice'
import { PageShell } from '../../../../components/PageShell'
import { followLink } from '../../../../components/QaRichText'
import { QuotaList } from '../../../../components/QuotaList'
import { Paragraphs, Section } from '../../../../components/Section'
import { useEvent, useRouteId, useSession } from '../../../../hooks'
import { usePublicAttachments } from '../../../../hooks/useAttachments'
import { openPage, routes } from '../../../../navigation'
import { WhenText } from '../../../../components/WhenText'
import { momentParts, periodParts, timeRangeParts } from '../../../../utils/format'
import './index.scss'

/** 我要报名 while signup is open; otherwise why not. */
function SignupEntry({ e }: { e: EventDetail }) {
  if (e.cancelled) return null
  if (e.signupStatus === 'upcoming')
    return (
      <Notice tone="info">
        报名将于 <WhenText parts={momentParts(e.signupOpensAt)} /> 开始。
      </Notice>
    )
  if (e.signupStatus === 'closed')
    return (
      <Notice tone="info">
        报名已于 <WhenText parts={momentParts(e.signupClosesAt)} /> 截止。
      </Notice>
    )
  return (
    <View className="gm-event-detail__entry">
      <ActionButton tone="primary" onPress={() => openPage(routes.eventSignup(e.id))}>
        我要报名
      </ActionButton>
      <Text className="gm-event-detail__entry-hint">
        {e.selectionMode === 'FIRST_COME'
          ? e.seatsLeft > 0
            ? '先报先得，报名成功即确认入选。'
            : '名额已满，报名后进入候补，有名额空出时依次递补。'
          : e.selectionMode === 'REVIEW'
            ? '报名后由主办单位审核遴选，结果将通知您。'
            : '报名截止后公开抽签确定入选人员，抽签记录将在本页公开。'}
      </Text>
    </View>
  )
}

export default function EventDetailPage() {
  const id = useRouteId()
  const event = useEvent(id)
  const materials = usePublicAttachments(id === null ? null : { eventId: id })
  const { me } = useSession()

  return (
    <PageShell className="gm-event-detail">
      <LoadGate data={event.data} loading={event.loading} error={event.error} onRetry={() => void event.reload()}>
        {(e) => (
          <View>
            <View className="gm-event-detail__header">
              <Text className="gm-event-detail__kind">{eventKindLabels[e.kind]}</Text>
              {e.cancelled ? <Badge tone="closed">已取消</Badge> : <Badge tone={e.signupStatus}>{signupStatusLabels[e.signupStatus]}</Badge>}
            </View>
            <Text className="gm-page__title">{e.title}</Text>
            {e.cancelled && (
              <Notice tone="error">
                本活动已于 <WhenText parts={momentParts(e.cancelled.at)} /> 取消。原因：{e.cancelled.reason}
              </Notice>
            )}
            <Section title="活动信息">
              <InfoList
                items={[
                  { label: '活动时间', value: <WhenText parts={timeRangeParts(e.startsAt, e.endsAt)} /> },
                  { label: '活动地点', value: e.place },
                  { label: '主办单位', value: e.department.name },
                  { label: '报名时间', value: <WhenText parts={periodParts(e.signupOpensAt, e.signupClosesAt)} /> },
                  { label: '名额', value: `公开报名 ${publicSeats(e.capacity, e.reservedSeats)} 个，${seatsText(e)}` },
                  { label: '确定方式', value: selectionModeLabels[e.selectionMode] },
                ]}
              />
            </Section>
            {e.liveStreamUrl && !e.cancelled && (
              <Section title="网络直播" className="gm-event-detail__live">
                <LinkRow
                  title="观看网络直播"
                  hint={`${e.liveStreamUrl}${process.env.TARO_ENV === 'h5' ? '' : '（点击复制网址，在浏览器中打开）'}`}
                  onOpen={() => followLink(e.liveStreamUrl!)}
                />
              </Section>
            )}
            <SignupEntry e={e} />
            {me?.kind === 'citizen' && <LinkRow title="我的报名" hint="查看报名状态和签到码" onOpen={() => openPage(routes.myRegistrations())} />}
            {e.selectionMode === 'LOTTERY' && e.drawCommitment && (
              <Section title="抽签承诺值" className="gm-event-detail__commitment">
                <Text className="gm-event-detail__commitment-hint">
                  抽签所用的随机密钥已在报名开始前生成并封存，这是它的 SHA-256 值；抽签时公开密钥，任何人都可核对。
                </Text>
                <Text className="gm-event-detail__commitment-value" userSelect>
                  {e.drawCommitment}
                </Text>
              </Section>
            )}
            {e.selectionMode === 'LOTTERY' && (
              <Section title="抽签分层配额" className="gm-event-detail__quotas">
                <Text className="gm-event-detail__commitment-hint">
                  报名开始前确定并公开，此后不能更改；抽签时先按顺序满足各项配额，再按抽签顺序补足剩余名额。
                </Text>
                <QuotaList quotas={e.drawQuotas} />
              </Section>
            )}
            {e.selectionMode === 'LOTTERY' && (
              <LinkRow
                title={e.drawn ? '抽签公示 · 验证抽签结果' : '抽签公示 · 抽签规则'}
                hint={e.drawn ? '承诺值、揭晓的密钥、候选名单和结果，可在本机重新计算核对' : '抽签算法、承诺值；抽签后在此公开全部输入和结果'}
                onOpen={() => openPage(routes.eventDraw(e.id))}
              />
            )}
            {e.outcome && (
              <Section title="会议结果" className="gm-event-detail__outcome">
                <InfoList
                  items={[
                    { label: '实际参加', value: `${e.outcome.attendeeCount} 人` },
                    { label: '公开时间', value: <WhenText parts={momentParts(e.outcome.publishedAt)} /> },
                  ]}
                />
                <Paragraphs text={e.outcome.summary} />
              </Section>
            )}
            {e.outcome && e.outcome.opinions.length > 0 && (
              <Section title={`参加人员的意见及答复（${e.outcome.opinions.length} 条）`} className="gm-event-detail__opinions">
                {e.outcome.opinions.map((o) => (
                  <View key={o.id} className="gm-event-detail__opinion">
                    <Text className="gm-event-detail__opinion-text" userSelect>
                      {o.text}
                    </Text>
                    <AnswerView answer={o.answer} />
                  </View>
                ))}
              </Section>
            )}
            <Section title="活动介绍">
              <Paragraphs text={e.description} />
            </Section>
            <Section title="报名条件">
              <Paragraphs text={e.eligibility} />
            </Section>
            {(materials.list.data?.length ?? 0) > 0 && (
              <Section title="会议材料">
                {materials.open.error && <Notice tone="error">{materials.open.error.message}</Notice>}
                <AttachmentList items={materials.list.data ?? []} onOpen={(a) => void materials.open.run(a)} />
              </Section>
            )}
            {e.decisionId !== null && <LinkRow title="查看相关决策事项" onOpen={() => openPage(routes.decisionDetail(e.decisionId as number))} />}
          </View>
        )}
      </LoadGate>
    </PageShell>
  )
}
