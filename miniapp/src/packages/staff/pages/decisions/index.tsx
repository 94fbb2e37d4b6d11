// 决策事项目录管理 (staff): the public decision catalog by year; editors add and change entries.
import { Text, View } from '@tarojs/components'
import { ActionButton } from '../../../../components/ActionButton'
import { DecisionCard } from '../../../../components/DecisionCard'
import { ListState } from '../../../../components/ListState'
import { Notice } from '../../../../components/Notice'
import { PageShell } from '../../../../components/PageShell'
import { Section } from '../../../../components/Section'
import { StaffGate } from '../../../../components/StaffGate'
import { useStaffDecisionList, useStaffGate } from '../../../../hooks'
import { openPage, routes } from '../../../../navigation'
import { a11y } from '../../../../utils/a11y'
import './index.scss'

/** 决策事项目录管理: the public catalog by year, newest first; editors add and change entries. */
export default function StaffDecisionsPage() {
  const gate = useStaffGate()
  const list = useStaffDecisionList(gate.allowed)
  const canEdit = gate.can('EDITOR')

  if (!gate.allowed) return <StaffGate gate={gate} className="gm-staff-decisions" />

  return (
    <PageShell className="gm-staff-decisions">
      <Text className="gm-page__title">决策事项目录管理</Text>
      {canEdit ? (
        <ActionButton tone="primary" className="gm-staff-decisions__new" onPress={() => openPage(routes.staffDecisionForm())}>
          新增决策事项
        </ActionButton>
      ) : (
        <Text className="gm-staff-decisions__hint">目录由「编辑」角色维护，这里可查看已公开的内容。</Text>
      )}
      {list.saved && <Notice tone="success">{`已保存「${list.saved.title}」，目录已公开更新后的内容。`}</Notice>}
      {list.years.map(({ year, items }) => (
        <Section key={year} title={`${year} 年度（${items.length} 项）`} className="gm-staff-decisions__year">
          {items.map((d) => (
            <View key={d.id} className="gm-staff-decisions__item" {...a11y(d.title, 'group')}>
              <DecisionCard decision={d} onOpen={(id) => openPage(routes.decisionDetail(id))} />
              {canEdit && <ActionButton onPress={() => openPage(routes.staffDecisionForm(d.id))}>修改</ActionButton>}
            </View>
          ))}
        </Section>
      ))}
      {list.data === undefined ? (
        <ListState status={list.error ? 'error' : 'loading'} errorMessage={list.error?.message} onRetry={() => void list.reload()} />
      ) : list.data.length === 0 ? (
        <ListState status="empty" emptyText={canEdit ? '目录还没有事项，点“新增决策事项”添加' : '目录还没有事项'} />
      ) : (
        list.error && <Notice tone="error">{`刷新失败：${list.error.message}`}</Notice>
      )}
    </PageShell>
  )
}
