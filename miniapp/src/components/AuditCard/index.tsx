import { Text, View } from '@tarojs/components'
import { formatShanghaiDateTime } from '@gm/shared'
import type { AuditEntry } from '../../hooks/useStaffAdmin'
import { auditActionLabels, auditEntityLabels } from './labels'
import './index.scss'

/** One line of 审计日志: who did what to which record, when. */
export function AuditCard({ entry }: { entry: AuditEntry }) {
  const entity = auditEntityLabels[entry.entity] ?? entry.entity
  return (
    <View className='gm-audit-card'>
      <View className='gm-audit-card__header'>
        <Text className='gm-audit-card__action'>{auditActionLabels[entry.action] ?? entry.action}</Text>
        <Text className='gm-audit-card__time'>{formatShanghaiDateTime(entry.at)}</Text>
      </View>
      <Text className='gm-audit-card__meta'>{`操作人：${entry.staff?.username ?? '系统'}　对象：${entity}${entry.entityId ? ` #${entry.entityId}` : ''}`}</Text>
    </View>
  )
}
