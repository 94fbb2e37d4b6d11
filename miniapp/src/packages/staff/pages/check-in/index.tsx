// 现场签到 (staff): check attendees in by their code, typed or scanned, with the attendance so far.
import { Text, View } from '@tarojs/components'
import { CheckInBodySchema, chosenCategoryLabel, type SelectionMode } from '@gm/shared'
import { useState } from 'react'
import type { ApiError } from '../../../../api'
import { ActionButton } from '../../../../components/ActionButton'
import { FormField } from '../../../../components/FormField'
import { LoadGate } from '../../../../components/LoadGate'
import { Notice } from '../../../../components/Notice'
import { PageShell } from '../../../../components/PageShell'
import { StaffGate } from '../../../../components/StaffGate'
import { WhenText } from '../../../../components/WhenText'
import { type CheckInResult, useCheckIn, useEvent, useRouteId, useStaffGate } from '../../../../hooks'
import { platform } from '../../../../platform'
import { a11y } from '../../../../utils/a11y'
import { timeRangeParts } from '../../../../utils/format'
import './index.scss'

/** What the desk tells the staff member when a code does not work. */
export function checkInErrorText(error: ApiError): string {
  switch (error.code) {
    case 'CHECK_IN_CODE_USED':
      return '该签到码已经使用过，此人已签到，请勿重复签到。'
    case 'CHECK_IN_CODE_INVALID':
      return '签到码无效或不属于本活动，请核对后重新输入。'
    case 'NOT_SELECTED_FOR_CHECK_IN':
      return `${error.message}。只有已入选的报名人员可以签到。`
    default:
      return error.message
  }
}

/** 签到成功 with the person's name, and their 报名类别 only where the event asked for one (a first-come signup is recorded as 公众代表 though nobody chose). */
function checkedInText(last: Pick<CheckInResult, 'name' | 'category'>, selectionMode: SelectionMode): string {
  const category = chosenCategoryLabel(selectionMode, last.category)
  return category ? `签到成功：${last.name}（${category}）` : `签到成功：${last.name}`
}

/** 现场签到 (any staff): type or scan a code; each works once. */
export default function CheckInPage() {
  const id = useRouteId()
  const gate = useStaffGate()
  const event = useEvent(gate.allowed ? id : null)
  const desk = useCheckIn(id)
  const [code, setCode] = useState('')
  const [codeError, setCodeError] = useState<string | undefined>()

  if (!gate.allowed) return <StaffGate gate={gate} className="gm-check-in" />

  const submit = async (raw: string) => {
    const parsed = CheckInBodySchema.safeParse({ code: raw })
    if (!parsed.success) {
      setCodeError(parsed.error.issues[0]?.message ?? '签到码格式不正确')
      return
    }
    setCodeError(undefined)
    if (await desk.checkIn(parsed.data.code)) setCode('')
  }
  const scan = async () => {
    const scanned = await platform.scanCode()
    if (scanned) {
      setCode(scanned)
      await submit(scanned)
    }
  }

  return (
    <PageShell className="gm-check-in">
      <LoadGate data={event.data} loading={event.loading} error={event.error} onRetry={() => void event.reload()}>
        {(e) => (
          <View>
            <Text className="gm-page__title">现场签到</Text>
            <Text className="gm-check-in__event">{e.title}</Text>
            <WhenText className="gm-check-in__meta" parts={timeRangeParts(e.startsAt, e.endsAt)} />
            <View className="gm-check-in__count" {...a11y(undefined, 'status')}>
              <Text className="gm-check-in__count-label">已签到</Text>
              <Text className="gm-check-in__count-value">{desk.attendeeCount === null ? '—' : `${desk.attendeeCount} 人`}</Text>
              {desk.attendeeCount === null && <Text className="gm-check-in__count-hint">签到第一人后显示本活动累计人数</Text>}
            </View>
            {desk.last && <Notice tone="success">{checkedInText(desk.last, e.selectionMode)}</Notice>}
            {desk.error && <Notice tone="error">{checkInErrorText(desk.error)}</Notice>}
            <FormField
              name="code"
              label="签到码"
              value={code}
              placeholder="请输入参加人出示的签到码"
              hint="不区分大小写，可忽略空格"
              maxlength={20}
              error={codeError}
              onInput={(v) => {
                setCode(v.replace(/\s+/g, ''))
                setCodeError(undefined)
              }}
              onConfirm={() => void submit(code)}
            />
            <ActionButton tone="primary" onPress={() => void submit(code)} busy={desk.running} busyText="正在签到…">
              确认签到
            </ActionButton>
            {platform.canScanCode && (
              <ActionButton className="gm-check-in__scan" onPress={() => void scan()} disabled={desk.running}>
                扫码签到
              </ActionButton>
            )}
          </View>
        )}
      </LoadGate>
    </PageShell>
  )
}
