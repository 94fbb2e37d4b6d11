import { Text, View } from '@tarojs/components'
import { type AttendeeCategory, attendeeCategoryLabels, type DrawRecord, DrawBodySchema } from '@gm/shared'
import { useState } from 'react'
import { api, type ApiError, toApiError } from '../../../../api'
import { ActionButton } from '../../../../components/ActionButton'
import { ChoiceGroup } from '../../../../components/ChoiceGroup'
import { DrawRecordView } from '../../../../components/DrawRecordView'
import { FormField } from '../../../../components/FormField'
import { ListState } from '../../../../components/ListState'
import { Notice } from '../../../../components/Notice'
import { PageShell } from '../../../../components/PageShell'
import { Section } from '../../../../components/Section'
import { StaffSignIn } from '../../../../components/StaffSignIn'
import { useDraw, useRouteId, useStaffMe } from '../../../../hooks'
import { openPage, routes } from '../../../../navigation'
import { a11y } from '../../../../utils/a11y'
import { newIdempotencyKey } from '../../../../utils/idempotency'
import './index.scss'

type QuotaField = 'category' | 'region' | 'ageBand' | 'gender'
interface QuotaDraft {
  key: number
  field: QuotaField
  value: string
  seats: string
}
const fieldLabels: Record<QuotaField, string> = { category: '类别', region: '地区', ageBand: '年龄段', gender: '性别' }

/** Witnesses typed on one line, separated by 、，, or spaces. */
export function splitWitnesses(text: string): string[] {
  return text
    .split(/[、，,;；\s]+/)
    .map((w) => w.trim())
    .filter(Boolean)
}

/** 公开抽签 (REVIEWER): seed, witnesses, quotas; the record is public and reproducible. */
export default function StaffEventDrawPage() {
  const id = useRouteId()
  const { me, can } = useStaffMe()
  const existing = useDraw(me ? id : null)
  const [seed, setSeed] = useState('')
  const [witnesses, setWitnesses] = useState('')
  const [quotas, setQuotas] = useState<QuotaDraft[]>([])
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [error, setError] = useState<ApiError | null>(null)
  const [running, setRunning] = useState(false)
  const [record, setRecord] = useState<DrawRecord | null>(null)

  if (!me) {
    return (
      <PageShell className='gm-staff-draw'>
        <StaffSignIn onSignIn={() => openPage(routes.staffLogin())} />
      </PageShell>
    )
  }
  const shown = record ?? existing.data
  if (shown) {
    return (
      <PageShell className='gm-staff-draw'>
        {record && <Notice tone='success'>抽签完成，记录已公开，结果已通知每位报名人。</Notice>}
        <DrawRecordView record={shown} />
      </PageShell>
    )
  }
  if (existing.loading) {
    return (
      <PageShell className='gm-staff-draw'>
        <ListState status='loading' />
      </PageShell>
    )
  }
  if (!can('REVIEWER')) {
    return (
      <PageShell className='gm-staff-draw'>
        <Notice tone='info'>只有「审核」角色可以主持抽签。</Notice>
      </PageShell>
    )
  }

  const patch = (key: number, part: Partial<QuotaDraft>) => setQuotas((qs) => qs.map((q) => (q.key === key ? { ...q, ...part } : q)))
  const draw = async () => {
    if (id === null) return
    const body = { seed, witnesses: splitWitnesses(witnesses), quotas: quotas.map((q) => ({ field: q.field, value: q.value, seats: Number(q.seats) })) }
    const parsed = DrawBodySchema.safeParse(body)
    if (!parsed.success) {
      const next: Record<string, string> = {}
      for (const issue of parsed.error.issues) {
        const path = issue.path.map(String).join('.')
        const key = path.startsWith('quotas') ? path.split('.').slice(0, 2).join('.') : path.split('.')[0]!
        next[key] ??= issue.message
      }
      setErrors(next)
      return
    }
    setErrors({})
    setError(null)
    setRunning(true)
    try {
      setRecord(await api.drawLottery({ params: { id }, body: parsed.data }))
    } catch (e) {
      setError(toApiError(e))
    } finally {
      setRunning(false)
    }
  }

  return (
    <PageShell className='gm-staff-draw'>
      <Text className='gm-page__title'>公开抽签</Text>
      <Notice tone='info'>请在见证人在场时现场确定随机种子（如现场掷骰子或读取当日公开数字），抽签后种子、候选名单和结果全部公开，任何人都可复核。</Notice>
      <View {...a11y('抽签设置', 'form')}>
        <Section title='随机种子与见证人'>
          <FormField name='seed' label='随机种子' value={seed} hint='至少 6 位，抽签前不得公开' maxlength={64} error={errors.seed} onInput={setSeed} />
          <ActionButton className='gm-staff-draw__generate' onPress={() => setSeed(newIdempotencyKey().replace(/-/g, '').slice(-12))}>
            生成随机种子
          </ActionButton>
          <FormField name='witnesses' label='见证人' value={witnesses} hint='多人用“、”分隔，如：张三（公证员）、李四（居民代表）' maxlength={400} error={errors.witnesses} onInput={setWitnesses} />
        </Section>
        <Section title='分层配额（可选）'>
          {quotas.map((q, i) => (
            <View key={q.key} className='gm-staff-draw__quota'>
              <ChoiceGroup<QuotaField>
                name={`quota-field-${i}`}
                label={`配额 ${i + 1}：按`}
                inline
                options={(Object.keys(fieldLabels) as QuotaField[]).map((f) => ({ value: f, label: fieldLabels[f] }))}
                value={q.field}
                onChange={(field) => patch(q.key, { field, value: '' })}
              />
              {q.field === 'category' ? (
                <ChoiceGroup<AttendeeCategory>
                  name={`quota-value-${i}`}
                  label='类别为'
                  inline
                  options={(Object.keys(attendeeCategoryLabels) as AttendeeCategory[]).map((c) => ({ value: c, label: attendeeCategoryLabels[c] }))}
                  value={q.value as AttendeeCategory | ''}
                  error={errors[`quotas.${i}`]}
                  onChange={(value) => patch(q.key, { value })}
                />
              ) : (
                <FormField name={`quota-value-${i}`} label={`${fieldLabels[q.field]}为`} value={q.value} maxlength={20} error={errors[`quotas.${i}`]} onInput={(value) => patch(q.key, { value })} />
              )}
              <FormField name={`quota-seats-${i}`} label='名额' value={q.seats} maxlength={4} onInput={(seats) => patch(q.key, { seats })} />
              <ActionButton tone='danger' onPress={() => setQuotas((qs) => qs.filter((x) => x.key !== q.key))}>{`删除配额 ${i + 1}`}</ActionButton>
            </View>
          ))}
          <ActionButton onPress={() => setQuotas((qs) => [...qs, { key: Date.now(), field: 'category', value: '', seats: '1' }])}>添加配额</ActionButton>
        </Section>
        {error && <Notice tone='error'>{error.message}</Notice>}
        <ActionButton tone='primary' onPress={() => void draw()} busy={running} busyText='正在抽签…'>
          开始抽签
        </ActionButton>
      </View>
    </PageShell>
  )
}
