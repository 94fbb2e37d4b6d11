import { Text, View } from '@tarojs/components'
import { formatShanghaiDateTime } from '@gm/shared'
import type { AuditEntry } from '../../hooks/useStaffAdmin'
import { auditActionLabels, auditEntityLabels, contactReadLabels } from './labels'
import './index.scss'

/** One line of 审计日志: who did what to which record, when. */
export function AuditCard({ entry }: { entry: AuditEntry }) {
  const entity = auditEntityLabels[entry.entity] ?? entry.entity
  const read = entry.action === 'readContactData' ? contactRead(entry.after) : null
  return (
    <View className='gm-audit-card'>
      <View className='gm-audit-card__header'>
        <Text className='gm-audit-card__action'>{auditActionLabels[entry.action] ?? entry.action}</Text>
        <Text className='gm-audit-card__time'>{formatShanghaiDateTime(entry.at)}</Text>
      </View>
      <Text className='gm-audit-card__meta'>{`操作人：${entry.staff?.username ?? '系统'}　对象：${entity}${entry.entityId ? ` #${entry.entityId}` : ''}`}</Text>
      {read && <Text className='gm-audit-card__meta'>{read}</Text>}
    </View>
  )
}

/** 「导出报名名单，共 12 条」 for a read of personal contact data. */
function contactRead(after: unknown): string | null {
  if (typeof after !== 'object' || after === null) return null
  const { via, records } = after as { via?: unknown; records?: unknown }
  if (typeof via !== 'string' || typeof records !== 'number') return null
  return `${contactReadLabels[via] ?? via}，共 ${records} 条`
}
