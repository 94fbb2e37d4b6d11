import { Text, View } from '@tarojs/components'
import { formatShanghaiDate, OfflineOpinionBodySchema, opinionChannelLabels, type StaffOpinion } from '@gm/shared'
import { useState } from 'react'
import { api } from '../../../../api'
import { LinkRow } from '../../../../components/LinkRow'
import { LoadGate } from '../../../../components/LoadGate'
import { Notice } from '../../../../components/Notice'
import { OfflineOpinionForm, type OfflineOpinionValues } from '../../../../components/OfflineOpinionForm'
import { PageShell } from '../../../../components/PageShell'
import { Section } from '../../../../components/Section'
import { StaffSignIn } from '../../../../components/StaffSignIn'
import { useForm, useRouteId, useStaffConsultation, useStaffMe } from '../../../../hooks'
import { openPage, routes } from '../../../../navigation'
import { type FieldErrors, validateWith } from '../../../../utils/form'
import './index.scss'

const blank = (today: string): OfflineOpinionValues => ({
  channel: '',
  receivedOn: today,
  sectionId: '',
  text: '',
  consent: 'PUBLISH_MASKED',
  authorName: '',
  contactPhone: '',
  contactConsent: '',
})

/** The form's values as the endpoint's body, checked with the same shared schema the BFF uses. */
export function validateOfflineOpinion(values: OfflineOpinionValues) {
  const phone = values.contactPhone.trim()
  const checked = validateWith<typeof OfflineOpinionBodySchema, keyof OfflineOpinionValues>(OfflineOpinionBodySchema, {
    channel: values.channel || undefined,
    receivedOn: values.receivedOn || undefined,
    sectionId: values.sectionId ? Number(values.sectionId) : null,
    text: values.text,
    consent: values.consent,
    ...(values.consent === 'PUBLISH_NAMED' ? { authorName: values.authorName } : {}),
    ...(phone ? { contactPhone: phone, contactConsent: values.contactConsent === 'yes' } : {}),
  })
  if (checked.ok || values.channel) return checked
  const errors: FieldErrors<keyof OfflineOpinionValues> = { ...checked.errors, channel: '请选择意见的收集渠道' }
  return { ok: false as const, errors }
}

/** 录入线下意见 of one consultation (any staff role of its department): phone, letter, e-mail, 座谈会, 听证会, 问卷. */
export default function StaffOfflineOpinionPage() {
  const id = useRouteId()
  const { me, can } = useStaffMe()
  const view = useStaffConsultation(me ? id : null)
  const today = formatShanghaiDate(new Date())
  const [entered, setEntered] = useState<StaffOpinion[]>([])
  const form = useForm({
    initial: blank(today),
    validate: validateOfflineOpinion,
    submit: async (body) => {
      if (id === null) return
      const opinion = await api.recordOfflineOpinion({ params: { id }, body })
      setEntered((list) => [opinion, ...list])
      // Letters or speeches of one 座谈会 come in batches: keep the channel and the date.
      form.reset()
      form.setField('channel', body.channel)
      form.setField('receivedOn', body.receivedOn)
    },
  })

  if (!me) {
    return (
      <PageShell className='gm-staff-offline-opinion'>
        <StaffSignIn onSignIn={() => openPage(routes.staffLogin())} />
      </PageShell>
    )
  }

  return (
    <PageShell className='gm-staff-offline-opinion'>
      <LoadGate data={view.data} loading={view.loading} error={view.error} onRetry={() => void view.reload()}>
        {({ detail: c, summary }) => {
          const closesOn = formatShanghaiDate(c.closesAt)
          const lastDay = closesOn < today ? closesOn : today
          return (
            <View>
              <Text className='gm-page__title'>录入线下意见</Text>
              <Text className='gm-staff-offline-opinion__consultation'>{c.title}</Text>
              {entered.length > 0 && (
                <Section title='本次已录入'>
                  {entered.map((o) => (
                    <Notice key={o.id} tone='success'>{`已录入（受理编号 ${o.receiptCode}，${opinionChannelLabels[o.channel]}，收到于 ${formatShanghaiDate(o.receivedAt)}），待审核。`}</Notice>
                  ))}
                  {can('REVIEWER', 'ADMIN') && <LinkRow title='去审核与答复' onOpen={() => openPage(routes.staffOpinions(c.id))} />}
                </Section>
              )}
              {summary && !summary.published ? (
                <Notice tone='info'>征集发布后才能录入意见。</Notice>
              ) : c.feedbackPublished ? (
                <Notice tone='info'>意见采纳情况已公开，不能再录入意见。</Notice>
              ) : (
                <Section title='意见'>
                  <Text className='gm-staff-offline-opinion__hint'>
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
              <LinkRow title='返回征集' onOpen={() => openPage(routes.staffConsultation(c.id))} />
            </View>
          )
        }}
      </LoadGate>
    </PageShell>
  )
}
