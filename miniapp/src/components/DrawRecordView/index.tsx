import { Text, View } from '@tarojs/components'
import { type AttendeeCategory, attendeeCategoryLabels, type DrawRecord, drawLottery, formatShanghaiDateTime } from '@gm/shared'
import { InfoList } from '../InfoList'
import { Notice } from '../Notice'
import { Section } from '../Section'
import './index.scss'

const quotaFieldLabels = { category: '类别', region: '地区', ageBand: '年龄段', gender: '性别' } as const

function quotaValue(field: keyof typeof quotaFieldLabels, value: string): string {
  return field === 'category' ? (attendeeCategoryLabels[value as AttendeeCategory] ?? value) : value
}

/** Re-run the published algorithm on this device with the published seed and candidate list. */
export function verifyDraw(record: DrawRecord): boolean {
  const again = drawLottery(record.seed, record.candidates, record.quotas, record.seats)
  return again.length === record.selected.length && again.every((code, i) => code === record.selected[i])
}

/** The public lottery record: seed, time, witnesses, quotas, every candidate by code, the result. */
export function DrawRecordView({ record }: { record: DrawRecord }) {
  const selected = new Set(record.selected)
  const verified = verifyDraw(record)
  return (
    <View className='gm-draw'>
      <Section title='抽签记录'>
        <InfoList
          items={[
            { label: '随机种子', value: record.seed },
            { label: '抽签时间', value: formatShanghaiDateTime(record.drawAt) },
            { label: '见证人', value: record.witnesses.join('、') },
            { label: '抽取名额', value: `${record.seats} 个` },
            { label: '候选人数', value: `${record.candidates.length} 人` },
          ]}
        />
      </Section>
      <Section title='分层配额'>
        {record.quotas.length === 0 ? (
          <Text className='gm-draw__text'>未设分层配额，全部名额按抽签顺序确定。</Text>
        ) : (
          record.quotas.map((q, i) => <Text key={i} className='gm-draw__text'>{`${i + 1}. ${quotaFieldLabels[q.field]}为「${quotaValue(q.field, q.value)}」：${q.seats} 名`}</Text>)
        )}
      </Section>
      <Section title={`抽中结果（${record.selected.length} 人）`}>
        <View className='gm-draw__codes'>
          {record.selected.map((code) => (
            <Text key={code} className='gm-draw__code gm-draw__code--selected' userSelect>
              {code}
            </Text>
          ))}
        </View>
      </Section>
      <Section title='候选名单（以报名编号代替姓名）'>
        {record.candidates.map((c) => (
          <View key={c.code} className='gm-draw__candidate'>
            <Text className='gm-draw__candidate-code' userSelect>
              {c.code}
            </Text>
            <Text className='gm-draw__candidate-attrs'>{[attendeeCategoryLabels[c.category], c.region, c.ageBand, c.gender].filter(Boolean).join(' · ')}</Text>
            <Text className='gm-draw__candidate-result'>{selected.has(c.code) ? '抽中' : '未抽中'}</Text>
          </View>
        ))}
      </Section>
      <Section title='如何复核'>
        <Text className='gm-draw__text'>
          抽签采用公开算法：对每位候选人计算「随机种子|报名编号」的 cyrb53 散列值，按散列值从小到大排出抽签顺序；先按所列顺序满足各分层配额，再按抽签顺序补足剩余名额。任何人用上面公布的随机种子和候选名单重新计算，都会得到相同结果。
        </Text>
        <Notice tone={verified ? 'success' : 'error'}>{verified ? '本机已按公开算法重新计算：结果与公布的一致。' : '本机重新计算的结果与公布的不一致，请联系主办单位核实。'}</Notice>
      </Section>
    </View>
  )
}
