// The staff 报名名单 as one table (desktop width): a row per registration with contact, category (where the event asked for one), attributes, status and check-in, then the invitees marked 邀请.
import { chosenCategoryLabel, registrationStatusLabels, type SelectionMode, signupFieldsFor } from '@gm/shared'
import type { StaffRegistration } from '../../hooks/useStaffEvents'
import { momentText } from '../../utils/format'
import { DataTable } from '../DataTable'

const columns = [
  { key: 'code', label: '报名编号' },
  { key: 'name', label: '姓名' },
  { key: 'phone', label: '手机号' },
  { key: 'category', label: '类别' },
  { key: 'attributes', label: '地区 · 行业 · 年龄段 · 性别' },
  { key: 'needs', label: '无障碍需求' },
  { key: 'status', label: '状态' },
  { key: 'checkedIn', label: '签到时间' },
] as const

/** An invitee holding a reserved seat: a row marked 邀请 after the registrations. */
export interface InviteeRow {
  id: number
  name: string
  unit: string
  phone: string | null
}

/**
 * 报名名单 as a table (staff only: it shows phone numbers), invitees last, marked 邀请; actions live beside it.
 * 类别 is a column where the event's selection mode asks for it; a first-come event (every signup recorded as
 * 公众代表 though nobody chose) keeps it only for its invitees' 受邀人员（单位）, the signups' cells empty.
 */
export function StaffRegistrationTable({
  registrations,
  invitees = [],
  selectionMode,
  caption,
}: {
  registrations: readonly StaffRegistration[]
  invitees?: readonly InviteeRow[]
  selectionMode: SelectionMode
  caption: string
}) {
  const asked = signupFieldsFor(selectionMode).category
  return (
    <DataTable
      className="gm-staff-registration-table"
      caption={caption}
      columns={asked || invitees.length > 0 ? columns : columns.filter((c) => c.key !== 'category')}
      rows={registrations
        .map((r) => ({
          key: `registration-${r.id}`,
          code: r.publicCode,
          name: r.name,
          phone: r.phone,
          category: chosenCategoryLabel(selectionMode, r.category),
          attributes: [r.region, r.sector, r.ageBand, r.gender].filter(Boolean).join(' · '),
          needs: r.accessibilityNeeds,
          status: r.reviewReason ? `${registrationStatusLabels[r.status]}（${r.reviewReason}）` : registrationStatusLabels[r.status],
          checkedIn: r.checkedInAt ? momentText(r.checkedInAt) : null,
        }))
        .concat(
          invitees.map((i) => ({
            key: `invitee-${i.id}`,
            code: '邀请',
            name: i.name,
            phone: i.phone ?? '',
            category: `受邀人员（${i.unit}）`,
            attributes: '',
            needs: null,
            status: '邀请（预留席位）',
            checkedIn: null,
          })),
        )}
      emptyText="还没有人报名"
    />
  )
}
