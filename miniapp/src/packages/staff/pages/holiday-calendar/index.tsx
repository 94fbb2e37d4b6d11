// 放假安排 (administrators): the State Council holiday arrangements reply deadlines are counted with.
import { Text, View } from '@tarojs/components'
import { ESTIMATED_DEADLINE_NOTE, holidayKindLabels } from '@gm/shared'
import { useState } from 'react'
import { ActionButton } from '../../../../components/ActionButton'
import { ConfirmDialog } from '../../../../components/ConfirmDialog'
import { FormField } from '../../../../components/FormField'
import { ListState } from '../../../../components/ListState'
import { LoadGate } from '../../../../components/LoadGate'
import { Notice } from '../../../../components/Notice'
import { PageShell } from '../../../../components/PageShell'
import { Section } from '../../../../components/Section'
import { StaffGate } from '../../../../components/StaffGate'
import { TextAreaField } from '../../../../components/TextAreaField'
import { YearTabs } from '../../../../components/YearTabs'
import { useHolidayCalendar, useStaffGate } from '../../../../hooks'
import { a11y } from '../../../../utils/a11y'
import { cx, momentText } from '../../../../utils/format'
import { weekdayOf } from '../../../../utils/holidayCalendar'
import './index.scss'

const originLabels = { TABLE: '管理员录入', PACKAGE: '内置数据', NONE: '暂无官方安排' } as const

/** 放假安排 (administrators): the holiday calendar reply deadlines are counted with, and entering a year the package lacks. */
export default function StaffHolidayCalendarPage() {
  const gate = useStaffGate('ADMIN')
  const calendar = useHolidayCalendar(gate.allowed)
  const { form, year, arrangement } = calendar
  const [clearing, setClearing] = useState(false)

  if (!gate.allowed) return <StaffGate gate={gate} className="gm-staff-holidays" refusal="放假安排由管理员维护。" />

  const pkg = calendar.overview.data?.package
  return (
    <PageShell className="gm-staff-holidays">
      <Text className="gm-page__title">放假安排</Text>
      <Text className="gm-staff-holidays__intro">
        {pkg
          ? `答复期限按工作日计算。内置数据（${pkg.name} ${pkg.version}）包含 ${pkg.firstYear}—${pkg.lastYear} 年的国务院放假调休安排。国务院办公厅公布新一年的安排后，如内置数据还没有，请在这里逐日录入；没有安排的年度只按周末计算，工作人员会看到“${ESTIMATED_DEADLINE_NOTE}”。`
          : '正在读取放假安排…'}
      </Text>

      <YearTabs years={calendar.years} value={year} onChange={calendar.setYear} />

      <LoadGate data={arrangement.data} loading={arrangement.loading} error={arrangement.error} onRetry={() => void arrangement.reload()}>
        {(current) => (
          <Section title={`${current.year} 年：${originLabels[current.origin]}`}>
            {current.source && (
              <Text className="gm-staff-holidays__source">{`依据：${current.source}${current.updatedAt ? `（${momentText(current.updatedAt)} 录入）` : ''}`}</Text>
            )}
            {current.days.length === 0 ? (
              <ListState status="empty" emptyText={`${current.year} 年还没有放假安排，该年的答复期限只按周末估算`} />
            ) : (
              <View className="gm-staff-holidays__table" {...a11y(`${current.year} 年放假安排`, 'table')}>
                <View className="gm-staff-holidays__row gm-staff-holidays__row--head" {...a11y(undefined, 'row')}>
                  {['日期', '星期', '类型', '节日'].map((h) => (
                    <Text key={h} className="gm-staff-holidays__cell" {...a11y(undefined, 'columnheader')}>
                      {h}
                    </Text>
                  ))}
                </View>
                {current.days.map((d) => (
                  <View
                    key={d.date}
                    className={cx('gm-staff-holidays__row', d.kind === 'WORKDAY' && 'gm-staff-holidays__row--workday')}
                    {...a11y(undefined, 'row')}
                  >
                    <Text className="gm-staff-holidays__cell" {...a11y(undefined, 'cell')}>
                      {d.date}
                    </Text>
                    <Text className="gm-staff-holidays__cell" {...a11y(undefined, 'cell')}>
                      {weekdayOf(d.date)}
                    </Text>
                    <Text className="gm-staff-holidays__cell gm-staff-holidays__cell--kind" {...a11y(undefined, 'cell')}>
                      {holidayKindLabels[d.kind]}
                    </Text>
                    <Text className="gm-staff-holidays__cell" {...a11y(undefined, 'cell')}>
                      {d.name}
                    </Text>
                  </View>
                ))}
              </View>
            )}
          </Section>
        )}
      </LoadGate>

      {year !== null && arrangement.data && (
        <Section title={arrangement.data.origin === 'TABLE' ? `修改 ${year} 年的录入` : `录入 ${year} 年的放假安排`}>
          <View {...a11y(`录入 ${year} 年的放假安排`, 'form')}>
            {arrangement.data.origin === 'PACKAGE' && (
              <Notice tone="info">{`内置数据已有 ${year} 年；在这里录入会替换内置数据（仅在国务院调整安排时需要）。`}</Notice>
            )}
            <FormField
              name="source"
              label="依据"
              value={form.values.source}
              placeholder={`如：国务院办公厅关于${year}年部分节假日安排的通知（发布日期）`}
              maxlength={200}
              error={form.errors.source}
              onInput={(v) => form.setField('source', v)}
            />
            <TextAreaField
              name="days"
              label="放假和调休上班日期"
              value={form.values.days}
              tall
              placeholder={`每行一项，如：\n${year}-01-01 至 ${year}-01-03 放假 元旦\n${year}-01-04 调休上班 元旦`}
              hint="每行一项：日期或“开始日期 至 结束日期”，再写“放假”或“调休上班”，最后写节日名称；调休上班日须是周六或周日"
              error={form.errors.days}
              onInput={(v) => form.setField('days', v)}
            />
            {form.formError && <Notice tone="error">{form.formError.message}</Notice>}
            {calendar.saved === year && <Notice tone="success">{`已保存 ${year} 年放假安排，答复期限即按此计算。`}</Notice>}
            <ActionButton tone="primary" onPress={() => void form.handleSubmit()} busy={form.submitting} busyText="正在保存…">
              保存
            </ActionButton>
            {arrangement.data.origin === 'TABLE' && (
              <ActionButton className="gm-staff-holidays__clear" onPress={() => setClearing(true)}>
                清空本年度录入
              </ActionButton>
            )}
            {calendar.clear.error && <Notice tone="error">{calendar.clear.error.message}</Notice>}
          </View>
        </Section>
      )}

      {clearing && year !== null && (
        <ConfirmDialog
          title={`清空 ${year} 年的录入？`}
          confirmText="确认清空"
          danger
          busy={calendar.clear.running}
          onCancel={() => setClearing(false)}
          onConfirm={() => void calendar.clear.run().then(() => setClearing(false))}
        >
          <Text>{`清空后，${year} 年使用内置数据；内置数据也没有时，答复期限只按周末估算。`}</Text>
        </ConfirmDialog>
      )}
    </PageShell>
  )
}
