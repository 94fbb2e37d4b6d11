// 录入线下意见 (staff of the consultation's department): opinions received by phone, letter, e-mail, at meetings or in surveys.
import { Text, View } from '@tarojs/components'
import { formatShanghaiDate, opinionChannelLabels } from '@gm/shared'
import { LinkRow } from '../../../../components/LinkRow'
import { LoadGate } from '../../../../components/LoadGate'
import { Notice } from '../../../../components/Notice'
import { OfflineOpinionForm } from '../../../../components/OfflineOpinionForm'
import { PageShell } from '../../../../components/PageShell'
import { Section } from '../../../../components/Section'
import { StaffGate } from '../../../../components/StaffGate'
import { useOfflineOpinionForm, useRouteId, useStaffConsultation, useStaffGate } from '../../../../hooks'
import { openPage, routes } from '../../../../navigation'
import { dateInWords } from '../../../../utils/format'
import './index.scss'

/** 录入线下意见 of one consultation (any staff role of its department): phone, letter, e-mail, 座谈会, 听证会, 问卷. */
export default function StaffOfflineOpinionPage() {
  const id = useRouteId()
  const gate = useStaffGate()
  const view = useStaffConsultation(gate.allowed ? id : null)
  const today = formatShanghaiDate(new Date())
  const { form, entered } = useOfflineOpinionForm(id, today)

  if (!gate.allowed) return <StaffGate gate={gate} className="gm-staff-offline-opinion" />
  const { can } = gate

  return (
    <PageShell className="gm-staff-offline-opinion">
      <LoadGate data={view.data} loading={view.loading} error={view.error} onRetry={() => void view.reload()}>
        {({ detail: c, summary }) => {
          const closesOn = formatShanghaiDate(c.closesAt)
          const lastDay = closesOn < today ? closesOn : today
          return (
            <View>
              <Text className="gm-page__title">录入线下意见</Text>
              <Text className="gm-staff-offline-opinion__consultation">{c.title}</Text>
              {entered.length > 0 && (
                <Section title="本次已录入">
                  {entered.map((o) => (
                    <Notice
                      key={o.id}
                      tone="success"
                    >{`已录入（受理编号 ${o.receiptCode}，${opinionChannelLabels[o.channel]}，收到于 ${dateInWords(o.receivedAt)}），待审核。`}</Notice>
                  ))}
                  {can('REVIEWER', 'ADMIN') && <LinkRow title="去审核与答复" onOpen={() => openPage(routes.staffOpinions(c.id))} />}
                </Section>
              )}
              {summary && !summary.published ? (
                <Notice tone="info">征集发布后才能录入意见。</Notice>
              ) : c.feedbackPublished ? (
                <Notice tone="info">意见采纳情况已公开，不能再录入意见。</Notice>
              ) : (
                <Section title="意见">
                  <Text className="gm-staff-offline-opinion__hint">
                    通过电话、信函、电子邮件、座谈会、听证会或问卷收到的意见，与线上意见一样审核（隐去个人信息）、答复，并按渠道计入公开的采纳情况。
                  </Text>
                  <OfflineOpinionForm
                    values={form.values}
                    errors={form.errors}
                    formError={form.formError ? Object.values(form.formError.fields).join('；') || form.formError.message : undefined}
                    submitting={form.submitting}
                    sections={c.sections}
                    firstDay={formatShanghaiDate(c.opensAt)}
                    lastDay={lastDay}
                    onChange={form.setField}
                    onSubmit={() => void form.handleSubmit()}
                  />
                </Section>
              )}
              <LinkRow title="返回征集" onOpen={() => openPage(routes.staffConsultation(c.id))} />
            </View>
          )
        }}
      </LoadGate>
    </PageShell>
  )
}
