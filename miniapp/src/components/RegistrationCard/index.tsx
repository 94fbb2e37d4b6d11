// One of 我的报名: status, the check-in code in large text and as a QR code, and 取消报名 while still allowed.
import { Text, View } from '@tarojs/components'
import { chosenCategoryLabel, eventKindLabels, type MyRegistration, registrationStatusLabels, type RegistrationStatus } from '@gm/shared'
import { a11y } from '../../utils/a11y'
import { cx, momentParts } from '../../utils/format'
import { ActionButton } from '../ActionButton'
import { Badge, type BadgeTone } from '../Badge'
import { Notice } from '../Notice'
import { QrCode } from '../QrCode'
import { WhenText } from '../WhenText'
import './index.scss'

const statusTone: Record<RegistrationStatus, BadgeTone> = {
  APPLIED: 'upcoming',
  SELECTED: 'open',
  NOT_SELECTED: 'closed',
  WAITLISTED: 'upcoming',
  CHECKED_IN: 'open',
  CANCELLED: 'closed',
}

const statusNote: Partial<Record<RegistrationStatus, string>> = {
  APPLIED: '报名已收到，遴选结果将通过「我的消息」通知您。',
  WAITLISTED: '您在候补名单中。有名额空出时将依次递补并通知您。',
  SELECTED: '请在活动现场出示签到码或二维码，由工作人员签到。每个签到码只能使用一次。',
  CHECKED_IN: '您已签到，感谢参加。',
}

/** Whether the person may still cancel: before the event, not yet checked in or cancelled. */
export function canCancel(r: MyRegistration, now: number = Date.now()): boolean {
  return (r.status === 'APPLIED' || r.status === 'SELECTED' || r.status === 'WAITLISTED') && new Date(r.event.startsAt).getTime() > now
}

/** Split a code into groups of four so it can be read aloud: "K7M2 P9QX". */
export function spacedCode(code: string): string {
  return code.replace(/(.{4})(?=.)/g, '$1 ')
}

export interface RegistrationCardProps {
  registration: MyRegistration
  cancelling?: boolean
  error?: string
  onCancel: (r: MyRegistration) => void
  onOpenEvent: (eventId: number) => void
}

/** One of 我的报名: status, the check-in code (large, and as a QR code) and 取消报名. */
export function RegistrationCard({ registration: r, cancelling = false, error, onCancel, onOpenEvent }: RegistrationCardProps) {
  const note = statusNote[r.status]
  const category = chosenCategoryLabel(r.event.selectionMode, r.category)
  return (
    <View className={cx('gm-registration-card', `gm-registration-card--${r.status.toLowerCase().replace('_', '-')}`)}>
      <View className="gm-registration-card__header">
        <Text className="gm-registration-card__kind">{eventKindLabels[r.event.kind]}</Text>
        <Badge tone={statusTone[r.status]}>{registrationStatusLabels[r.status]}</Badge>
      </View>
      <View
        className="gm-registration-card__title"
        hoverClass="gm-pressed"
        onClick={() => onOpenEvent(r.event.id)}
        {...a11y(`查看活动：${r.event.title}`, 'link')}
      >
        <Text>{r.event.title}</Text>
      </View>
      <WhenText className="gm-registration-card__meta" lead="时间：" parts={momentParts(r.event.startsAt)} />
      <Text className="gm-registration-card__meta">{`地点：${r.event.place}`}</Text>
      {category && <Text className="gm-registration-card__meta gm-registration-card__category">{`报名类别：${category}`}</Text>}
      <WhenText className="gm-registration-card__meta" lead="报名时间：" parts={momentParts(r.createdAt)} />
      <Text
        className="gm-registration-card__meta gm-registration-card__candidate"
        userSelect
        {...a11y(`候选编号 ${r.publicCode.split('').join(' ')}，可在公开的抽签候选名单中查找自己`)}
      >
        {`候选编号：${r.publicCode}（在公开的抽签候选名单中用它查找自己）`}
      </Text>
      {r.checkInCode && (
        <View className="gm-registration-card__code-box">
          <Text className="gm-registration-card__code-label">{r.status === 'CHECKED_IN' ? '签到码（已使用）' : '签到码'}</Text>
          <Text className="gm-registration-card__code" userSelect {...a11y(`签到码 ${r.checkInCode.split('').join(' ')}`)}>
            {spacedCode(r.checkInCode)}
          </Text>
          {r.status === 'SELECTED' && <QrCode value={r.checkInCode} label={`签到二维码，内容为签到码 ${r.checkInCode}`} />}
        </View>
      )}
      {r.reviewReason && <Text className="gm-registration-card__reason">{`说明：${r.reviewReason}`}</Text>}
      {note && <Text className="gm-registration-card__note">{note}</Text>}
      {error && <Notice tone="error">{error}</Notice>}
      {canCancel(r) && (
        <ActionButton className="gm-registration-card__cancel" onPress={() => onCancel(r)} busy={cancelling} busyText="正在取消…">
          取消报名
        </ActionButton>
      )}
    </View>
  )
}
