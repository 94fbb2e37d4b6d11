// 决策事项目录管理 (staff): the decision catalog by year with its drafts; editors add and change entries, reviewers of the department publish a draft.
import { Text, View } from '@tarojs/components'
import { ActionButton } from '../../../../components/ActionButton'
import { Badge } from '../../../../components/Badge'
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

/** 决策事项目录管理: the catalog by year, newest first, drafts marked; editors add and change entries, reviewers publish. */
export default function StaffDecisionsPage() {
  const gate = useStaffGate()
  const list = useStaffDecisionList(gate.allowed)
  const canEdit = gate.can('EDITOR')
  const canPublish = (departmentId: number) =>
    gate.allowed && gate.me.role === 'REVIEWER' && (gate.me.departments ?? [gate.me.department]).some((d) => d.id === departmentId)

  if (!gate.allowed) return <StaffGate gate={gate} className="gm-staff-decisions" />

  return (
    <PageShell className="gm-staff-decisions">
      <Text className="gm-page__title">决策事项目录管理</Text>
      {canEdit ? (
        <ActionButton tone="primary" className="gm-staff-decisions__new" onPress={() => openPage(routes.staffDecisionForm())}>
          新增决策事项
        </ActionButton>
      ) : (
        <Text className="gm-staff-decisions__hint">目录由「编辑」角色维护；草稿由本部门「审核」角色发布后公开。</Text>
      )}
      {list.saved && (
        <Notice tone="success">
          {list.saved.publishedAt
            ? `已保存「${list.saved.title}」，目录已公开更新后的内容。`
            : `已保存「${list.saved.title}」（草稿），本部门审核人员发布后公开。`}
        </Notice>
      )}
      {list.published && <Notice tone="success">{`已发布「${list.published.title}」，公众现在可以在决策事项目录中看到。`}</Notice>}
      {list.publishError && <Notice tone="error">{`发布失败：${list.publishError.message}`}</Notice>}
      {list.years.map(({ year, items }) => (
        <Section key={year} title={`${year} 年度（${items.length} 项）`} className="gm-staff-decisions__year">
          {items.map((d) => (
            <View key={d.id} className="gm-staff-decisions__item" {...a11y(d.title, 'group')}>
              {d.publishedAt === null && <Badge tone="upcoming">草稿（未公开）</Badge>}
              <DecisionCard decision={d} onOpen={d.publishedAt === null ? undefined : (id) => openPage(routes.decisionDetail(id))} />
              {canEdit && <ActionButton onPress={() => openPage(routes.staffDecisionForm(d.id))}>修改</ActionButton>}
              {d.publishedAt === null && canPublish(d.department.id) && (
                <ActionButton tone="primary" busy={list.publishingId === d.id} busyText="正在发布…" onPress={() => void list.publish(d.id)}>
                  {`发布「${d.title}」`}
                </ActionButton>
              )}
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
