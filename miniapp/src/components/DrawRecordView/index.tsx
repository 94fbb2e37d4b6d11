/** The public lottery record (抽签公示): inputs, result, earlier rounds, and the in-browser check. */
import { Text, View } from '@tarojs/components'
import { attendeeCategoryLabels, type DrawRecord, type DrawRound, sameQuotas, verifyDraw } from '@gm/shared'
import { useState } from 'react'
import { a11y } from '../../utils/a11y'
import { momentParts, momentText } from '../../utils/format'
import { ActionButton } from '../ActionButton'
import { InfoList } from '../InfoList'
import { QuotaList } from '../QuotaList'
import { Section } from '../Section'
import { WhenText } from '../WhenText'
import './index.scss'

/**
 * Recompute every published round on this device with the shared pure function (standard SHA-256),
 * with the quotas announced on the event before signups opened: each round must have used exactly those.
 */
export function checkDrawRecord(record: DrawRecord): boolean {
  const rounds: DrawRound[] = [...record.previousRounds, record]
  return rounds.every((round) => verifyDraw({ ...round, commitment: record.commitment, secret: record.secret, announcedQuotas: record.announcedQuotas }).ok)
}

function Hash({ label, value }: { label: string; value: string }) {
  return (
    <View>
      <Text className="gm-draw__hash-label">{label}</Text>
      <Text className="gm-draw__hash" userSelect>
        {value}
      </Text>
    </View>
  )
}

function RoundSummary({ round }: { round: DrawRound }) {
  return (
    <View className="gm-draw__round">
      <Text className="gm-draw__text">{`第 ${round.round} 轮 · ${momentText(round.drawAt)}${round.reason ? ` · 重新抽签理由：${round.reason}` : ''}`}</Text>
      <Text className="gm-draw__text">{`候选 ${round.candidates.length} 人，名额 ${round.seats} 个；抽中：${round.selected.join('、') || '无'}`}</Text>
      <Hash label="候选名单散列" value={round.listHash} />
    </View>
  )
}

/** The public lottery record: commitment and revealed secret, inputs, result, every earlier round, and 验证抽签结果. */
export function DrawRecordView({ record }: { record: DrawRecord }) {
  const [verdict, setVerdict] = useState<boolean | null>(null)
  const selected = new Set(record.selected)
  return (
    <View className="gm-draw">
      <Section title="抽签结果">
        <InfoList
          items={[
            { label: '抽签时间', value: <WhenText parts={momentParts(record.drawAt)} /> },
            { label: '轮次', value: record.round === 1 ? '第 1 轮' : `第 ${record.round} 轮（已重新抽签 ${record.round - 1} 次）` },
            ...(record.reason ? [{ label: '重新抽签理由', value: record.reason }] : []),
            { label: '见证人', value: record.witnesses.join('、') || '—' },
            { label: '抽取名额', value: `${record.seats} 个` },
            { label: '候选人数', value: `${record.candidates.length} 人` },
          ]}
        />
        <View className="gm-draw__codes">
          {record.selected.map((code) => (
            <Text key={code} className="gm-draw__code gm-draw__code--selected" userSelect>
              {code}
            </Text>
          ))}
        </View>
      </Section>
      <Section title="抽签输入">
        <Hash label="承诺值（报名开始前公开）" value={record.commitment} />
        <Hash label="揭晓的密钥" value={record.secret} />
        <Hash label="候选名单散列" value={record.listHash} />
        <Hash label="种子 = SHA-256(密钥 + 候选名单散列)" value={record.seed} />
      </Section>
      <Section title="分层配额（报名开始前公布，抽签时不能更改）">
        <QuotaList quotas={record.announcedQuotas} emptyText="报名开始前公布：不设分层配额，全部名额按抽签顺序确定。" />
        {!sameQuotas(record.quotas, record.announcedQuotas) && (
          <View className="gm-draw__mismatch">
            <Text className="gm-draw__text">本轮抽签实际使用的配额与事先公布的不同：</Text>
            <QuotaList quotas={record.quotas} />
          </View>
        )}
      </Section>
      <Section title="验证抽签结果">
        <Text className="gm-draw__text">在本机用公开的密钥、候选名单和事先公布的配额，按公开算法重新计算（包括此前各轮），与公布的结果逐项核对。</Text>
        <ActionButton tone="primary" onPress={() => setVerdict(checkDrawRecord(record))}>
          验证抽签结果
        </ActionButton>
        {verdict !== null && (
          <Text className={`gm-draw__verdict gm-draw__verdict--${verdict ? 'ok' : 'bad'}`} {...a11y(undefined, 'status')}>
            {verdict ? '结果一致' : '结果不一致'}
          </Text>
        )}
        {verdict !== null && (
          <Text className="gm-draw__text">
            {verdict
              ? '密钥与承诺值相符，所用配额与报名开始前公布的相同，候选名单散列、种子和抽中名单均与公布的一致。'
              : '本机重新计算的结果与公布的不一致，请联系主办单位核实。'}
          </Text>
        )}
      </Section>
      {record.previousRounds.length > 0 && (
        <Section title={`此前各轮（${record.previousRounds.length} 轮，已被重新抽签取代）`}>
          {record.previousRounds.map((round) => (
            <RoundSummary key={round.round} round={round} />
          ))}
        </Section>
      )}
      <Section title="候选名单（按报名先后，以候选编号代替姓名）">
        {record.candidates.map((c) => (
          <View key={c.code} className="gm-draw__candidate">
            <Text className="gm-draw__candidate-code" userSelect>
              {c.code}
            </Text>
            <Text className="gm-draw__candidate-attrs">
              {[attendeeCategoryLabels[c.category], c.region, c.sector, c.ageBand, c.gender].filter(Boolean).join(' · ')}
            </Text>
            <Text className="gm-draw__candidate-result">{selected.has(c.code) ? '抽中' : '未抽中'}</Text>
          </View>
        ))}
      </Section>
    </View>
  )
}
