// 意见征集管理 (staff): drafts and published consultations with the work waiting, and overdue answers.
import { Text, View } from '@tarojs/components'
import { ESTIMATED_DEADLINE_NOTE } from '@gm/shared'
import { ActionButton } from '../../../../components/ActionButton'
import { ListState } from '../../../../components/ListState'
import { PageShell } from '../../../../components/PageShell'
import { Section } from '../../../../components/Section'
import { StaffConsultationCard } from '../../../../components/StaffConsultationCard'
import { StaffGate } from '../../../../components/StaffGate'
import { useOverdueOpinions, useStaffConsultationList, useStaffGate } from '../../../../hooks'
import { openPage, routes } from '../../../../navigation'
import { a11y } from '../../../../utils/a11y'
import { dateInWords } from '../../../../utils/format'
import './index.scss'

/** 意见征集管理: drafts and published consultations with the work waiting, and overdue answers. */
export default function StaffConsultationsPage() {
  const gate = useStaffGate()
  const list = useStaffConsultationList(gate.allowed)
  const overdue = useOverdueOpinions(gate.can('REVIEWER', 'ADMIN'))

  if (!gate.allowed) return <StaffGate gate={gate} className="gm-staff-consultations" />
  const { can } = gate

  const items = list.data ?? []
  return (
    <PageShell className="gm-staff-consultations">
      <Text className="gm-page__title">意见征集管理</Text>
      {can('EDITOR') && (
        <ActionButton tone="primary" className="gm-staff-consultations__new" onPress={() => openPage(routes.staffConsultationForm())}>
          新建意见征集
        </ActionButton>
      )}
      {can('REVIEWER', 'ADMIN') && overdue.data && overdue.data.length > 0 && (
        <Section title={`超期未答复（${overdue.data.length} 条）`} className="gm-staff-consultations__overdue">
          {overdue.data.map((o) => (
            <View
              key={o.id}
              className="gm-staff-consultations__overdue-item"
              hoverClass="gm-pressed"
              onClick={() => openPage(routes.staffOpinions(o.consultation.id))}
              {...a11y(`${o.receiptCode}，${o.consultation.title}，已超期${o.deadlineEstimated ? `，${ESTIMATED_DEADLINE_NOTE}` : ''}`, 'link')}
            >
              <Text className="gm-staff-consultations__overdue-badge">已超期</Text>
              <Text className="gm-staff-consultations__overdue-text">{`${o.receiptCode} · 期限 ${dateInWords(o.replyDeadline)}${o.deadlineEstimated ? '（估算）' : ''} · ${o.consultation.title}`}</Text>
              {o.deadlineEstimated && <Text className="gm-staff-consultations__overdue-note">{ESTIMATED_DEADLINE_NOTE}</Text>}
            </View>
          ))}
        </Section>
      )}
      {items.map((c) => (
        <StaffConsultationCard key={c.id} consultation={c} onOpen={(id) => openPage(routes.staffConsultation(id))} />
      ))}
      {list.data === undefined ? (
        <ListState status={list.error ? 'error' : 'loading'} errorMessage={list.error?.message} onRetry={() => void list.reload()} />
      ) : (
        items.length === 0 && <ListState status="empty" emptyText="还没有意见征集" />
      )}
    </PageShell>
  )
}
