// 抽签公示: an event's lottery rules in plain words, the commitment, and once drawn every input, the result and its verification.
import { Text, View } from '@tarojs/components'
import { DrawRecordView } from '../../../../components/DrawRecordView'
import { LoadGate } from '../../../../components/LoadGate'
import { LotteryRules } from '../../../../components/LotteryRules'
import { Notice } from '../../../../components/Notice'
import { PageShell } from '../../../../components/PageShell'
import { QuotaList } from '../../../../components/QuotaList'
import { Section } from '../../../../components/Section'
import { useDraw, useEvent, useRouteId } from '../../../../hooks'
import './index.scss'

/** 抽签公示: the algorithm in plain words, the commitment, and once drawn every input, the result and 验证抽签结果. */
export default function DrawPage() {
  const id = useRouteId()
  const event = useEvent(id)
  // The record exists only once drawn: not asked for before.
  const draw = useDraw(event.data?.drawn ? id : null)
  return (
    <PageShell className="gm-draw-page">
      <Text className="gm-page__title">抽签公示</Text>
      <LoadGate data={event.data} loading={event.loading} error={event.error} onRetry={() => void event.reload()}>
        {(e) => (
          <View>
            <Text className="gm-draw-page__event">{e.title}</Text>
            {e.drawn ? (
              <LoadGate data={draw.data} loading={draw.loading} error={draw.error} onRetry={() => void draw.reload()}>
                {(record) => <DrawRecordView record={record} />}
              </LoadGate>
            ) : (
              <Section title="尚未抽签">
                <Notice tone="info">报名截止后公开抽签。抽签后本页公开揭晓的密钥、候选名单、配额和结果，并可在本机验证。</Notice>
                {e.drawCommitment && <Text className="gm-draw-page__hash" userSelect>{`承诺值：${e.drawCommitment}`}</Text>}
                <Text className="gm-draw-page__label">分层配额（报名开始前公布，不能更改）</Text>
                <QuotaList quotas={e.drawQuotas} />
              </Section>
            )}
          </View>
        )}
      </LoadGate>
      <Section title="抽签规则（公开算法）">
        <LotteryRules />
      </Section>
    </PageShell>
  )
}
