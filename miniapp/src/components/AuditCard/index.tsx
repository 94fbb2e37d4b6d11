// One entry of the 审计日志 page: who did what to which record and when, including personal-data overrides and contact-data reads.
import { Text, View } from '@tarojs/components'
import { type PersonalInfoKind, personalInfoLabels } from '@gm/shared'
import type { AuditEntry } from '../../hooks/useStaffAdmin'
import { momentParts } from '../../utils/format'
import { WhenText } from '../WhenText'
import { auditActionLabels, auditEntityLabels, contactReadLabels } from './labels'
import './index.scss'

/** One line of 审计日志: who did what to which record, when. */
export function AuditCard({ entry }: { entry: AuditEntry }) {
  const entity = auditEntityLabels[entry.entity] ?? entry.entity
  const read =
    entry.action === 'readContactData'
      ? contactRead(entry.after)
      : entry.action === 'overridePersonalInfo'
        ? personalInfoOverride(entry.after)
        : entry.action === 'dismissPersonalInfo'
          ? personalInfoDismissals(entry.after)
          : null
  return (
    <View className="gm-audit-card">
      <View className="gm-audit-card__header">
        <Text className="gm-audit-card__action">{auditActionLabels[entry.action] ?? entry.action}</Text>
        <WhenText className="gm-audit-card__time" parts={momentParts(entry.at)} />
      </View>
      <Text className="gm-audit-card__meta">{`操作人：${entry.staff?.username ?? '系统'}　对象：${entity}${entry.entityTitle ? `「${entry.entityTitle}」` : entry.entityId ? ` #${entry.entityId}` : ''}`}</Text>
      {read && <Text className="gm-audit-card__meta">{read}</Text>}
    </View>
  )
}

const kindLabel = (k: unknown) => (typeof k === 'string' && k in personalInfoLabels ? personalInfoLabels[k as PersonalInfoKind] : String(k))

/** 「发布：答复意见　涉及：手机号、身份证号　理由：…」 for a publication that kept detected personal information. */
function personalInfoOverride(after: unknown): string | null {
  if (typeof after !== 'object' || after === null) return null
  const { kinds, reason, publishing } = after as { kinds?: unknown; reason?: unknown; publishing?: unknown }
  if (!Array.isArray(kinds) || typeof reason !== 'string') return null
  const what = typeof publishing === 'string' ? `发布：${auditActionLabels[publishing] ?? publishing}　` : ''
  return `${what}涉及：${kinds.map(kindLabel).join('、')}　理由：${reason}`
}

/** 「固定电话（理由：…）」 per suggestion staff judged not personal. */
function personalInfoDismissals(after: unknown): string | null {
  if (typeof after !== 'object' || after === null) return null
  const { dismissals } = after as { dismissals?: unknown }
  if (!Array.isArray(dismissals)) return null
  return dismissals
    .map(
      (d: { kinds?: unknown; reason?: unknown }) =>
        `${Array.isArray(d.kinds) && d.kinds.length ? d.kinds.map(kindLabel).join('、') : '识别结果'}（理由：${String(d.reason ?? '')}）`,
    )
    .join('；')
}

/** 「导出报名名单，共 12 条」 for a read of personal contact data. */
function contactRead(after: unknown): string | null {
  if (typeof after !== 'object' || after === null) return null
  const { via, records } = after as { via?: unknown; records?: unknown }
  if (typeof via !== 'string' || typeof records !== 'number') return null
  return `${contactReadLabels[via] ?? via}，共 ${records} 条`
}
