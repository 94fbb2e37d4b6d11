// The form staff use to enter an opinion received offline: channel, 收到日期, clause, text, consent and (consented) contact.
import { Text, View } from '@tarojs/components'
import { OPINION_MAX_CHARS, offlineOpinionChannels, opinionChannelLabels, opinionConsentLabels, type OfflineOpinionBody } from '@gm/shared'
import type { FieldErrors } from '../../utils/form'
import { ActionButton } from '../ActionButton'
import { CheckRow } from '../CheckRow'
import { type Choice, ChoiceGroup } from '../ChoiceGroup'
import { DateField } from '../DateField'
import { FormField } from '../FormField'
import { Notice } from '../Notice'
import { TextAreaField } from '../TextAreaField'
import './index.scss'

/** `sectionId` is a clause id as text ('' for the whole draft); `contactConsent` is 'yes' or ''. */
export type OfflineOpinionValues = {
  channel: OfflineOpinionBody['channel'] | ''
  receivedOn: string
  sectionId: string
  text: string
  consent: OfflineOpinionBody['consent']
  authorName: string
  contactPhone: string
  contactConsent: string
}

export interface OfflineOpinionFormProps {
  values: OfflineOpinionValues
  errors: FieldErrors<keyof OfflineOpinionValues>
  formError?: string
  submitting: boolean
  /** The clauses of the current draft version. */
  sections: readonly { id: number; heading: string }[]
  /** The selectable 收到日期 range: the consultation's opening day to today (or its closing day). */
  firstDay: string
  lastDay: string
  onChange: (name: keyof OfflineOpinionValues, value: string) => void
  onSubmit: () => void
}

const channelHints: Partial<Record<OfflineOpinionValues['channel'], string>> = {
  PHONE: '电话记录',
  LETTER: '来信、传真',
  SYMPOSIUM: '座谈会上的发言',
  HEARING: '听证会上的陈述',
  SURVEY: '问卷调查中的意见',
}

/** 录入线下意见: what arrived, how and when; it is moderated (masked) and answered afterwards like any opinion. */
export function OfflineOpinionForm({ values, errors, formError, submitting, sections, firstDay, lastDay, onChange, onSubmit }: OfflineOpinionFormProps) {
  const channels: Choice<OfflineOpinionBody['channel']>[] = offlineOpinionChannels.map((c) => ({
    value: c,
    label: opinionChannelLabels[c],
    hint: channelHints[c],
  }))
  const clauses: Choice<string>[] = [{ value: '', label: '草案整体' }, ...sections.map((s) => ({ value: String(s.id), label: s.heading }))]
  const consents: Choice<OfflineOpinionBody['consent']>[] = (['PUBLISH_MASKED', 'PUBLISH_NAMED', 'PRIVATE'] as const).map((c) => ({
    value: c,
    label: opinionConsentLabels[c],
  }))
  return (
    <View className="gm-offline-opinion-form">
      <View className="gm-offline-opinion-form__columns">
        <View className="gm-offline-opinion-form__column">
          <ChoiceGroup
            name="channel"
            label="收集渠道"
            options={channels}
            value={values.channel}
            error={errors.channel}
            inline
            onChange={(v) => onChange('channel', v)}
          />
          <DateField
            name="receivedOn"
            label="收到日期"
            value={values.receivedOn}
            start={firstDay}
            end={lastDay}
            hint="来电、来信收到或会议召开的日期；答复期限从此日起算"
            error={errors.receivedOn}
            onChange={(v) => onChange('receivedOn', v)}
          />
          <ChoiceGroup
            name="sectionId"
            label="针对条款"
            options={clauses}
            value={values.sectionId}
            error={errors.sectionId}
            onChange={(v) => onChange('sectionId', v)}
          />
        </View>
        <View className="gm-offline-opinion-form__column">
          <TextAreaField
            name="text"
            label="意见内容"
            value={values.text}
            hint="按原意如实录入。公开前须在「审核与答复」中隐去个人信息。"
            error={errors.text}
            count={{ current: values.text.trim().length, max: OPINION_MAX_CHARS }}
            tall
            onInput={(v) => onChange('text', v)}
          />
          <ChoiceGroup
            name="consent"
            label="公开意愿（按意见人的意愿）"
            options={consents}
            value={values.consent}
            error={errors.consent}
            onChange={(v) => onChange('consent', v)}
          />
          {values.consent === 'PUBLISH_NAMED' && (
            <FormField
              name="authorName"
              label="署名"
              value={values.authorName}
              error={errors.authorName}
              maxlength={20}
              onInput={(v) => onChange('authorName', v)}
            />
          )}
          <FormField
            name="contactPhone"
            label="联系电话（选填，不公开）"
            value={values.contactPhone}
            placeholder="手机号码或带区号的固定电话"
            hint="仅在意见人同意留存时填写，用于答复"
            error={errors.contactPhone}
            maxlength={13}
            onInput={(v) => onChange('contactPhone', v)}
          />
          {values.contactPhone.trim() !== '' && (
            <View className="gm-offline-opinion-form__consent">
              <CheckRow
                label="意见人已同意留存联系方式"
                checked={values.contactConsent === 'yes'}
                onChange={(checked) => onChange('contactConsent', checked ? 'yes' : '')}
              />
              {errors.contactConsent && <Text className="gm-offline-opinion-form__error">{errors.contactConsent}</Text>}
            </View>
          )}
        </View>
      </View>
      {formError && <Notice tone="error">{formError}</Notice>}
      <ActionButton tone="primary" className="gm-offline-opinion-form__submit" onPress={onSubmit} busy={submitting} busyText="正在录入…">
        录入意见
      </ActionButton>
    </View>
  )
}
