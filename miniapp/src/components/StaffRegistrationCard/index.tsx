// One registration in the staff 报名名单 (with the phone number; 报名类别 only where the event's selection mode asked for it), with its actions as children.
import { Text, View } from '@tarojs/components'
import { chosenCategoryLabel, registrationStatusLabels, type SelectionMode } from '@gm/shared'
import type { ReactNode } from 'react'
import type { StaffRegistration } from '../../hooks/useStaffEvents'
import { momentParts } from '../../utils/format'
import { Badge } from '../Badge'
import { WhenText } from '../WhenText'
import './index.scss'

export interface StaffRegistrationCardProps {
  registration: StaffRegistration
  /** The event's: 报名类别 is shown only where it asked for one (a first-come signup is recorded as 公众代表 though nobody chose). */
  selectionMode: SelectionMode
  children?: ReactNode
}

/** One registration in 报名名单 (staff only: it shows the phone number). */
export function StaffRegistrationCard({ registration: r, selectionMode, children }: StaffRegistrationCardProps) {
  const category = chosenCategoryLabel(selectionMode, r.category)
  const extra = [r.region, r.sector, r.ageBand, r.gender].filter(Boolean).join(' · ')
  return (
    <View className="gm-staff-registration">
      <View className="gm-staff-registration__header">
        <Text className="gm-staff-registration__name">{r.name}</Text>
        <Badge
          tone={r.status === 'SELECTED' || r.status === 'CHECKED_IN' ? 'open' : r.status === 'APPLIED' || r.status === 'WAITLISTED' ? 'upcoming' : 'closed'}
        >
          {registrationStatusLabels[r.status]}
        </Badge>
      </View>
      <Text className="gm-staff-registration__meta">{[category, r.phone, `编号 ${r.publicCode}`].filter(Boolean).join(' · ')}</Text>
      {extra && <Text className="gm-staff-registration__meta">{extra}</Text>}
      {r.accessibilityNeeds && <Text className="gm-staff-registration__meta">{`无障碍需求：${r.accessibilityNeeds}`}</Text>}
      {r.keepInPool && <Text className="gm-staff-registration__meta">同意进入代表库</Text>}
      {r.checkedInAt && <WhenText className="gm-staff-registration__meta" lead="签到时间：" parts={momentParts(r.checkedInAt)} />}
      {r.reviewReason && <Text className="gm-staff-registration__meta">{`说明：${r.reviewReason}`}</Text>}
      {children}
    </View>
  )
}
