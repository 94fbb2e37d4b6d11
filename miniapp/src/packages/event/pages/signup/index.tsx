// 我要报名 (citizens): sign up for an event with the questions its selection mode asks (prefilled from the last signup), then the result and the check-in code.
import { Text, View } from '@tarojs/components'
import { ageBands, type AttendeeCategory, attendeeCategories, attendeeCategoryLabels, type EventDetail, registrationStatusLabels } from '@gm/shared'
import type { ApiError } from '../../../../api'
import { ActionButton } from '../../../../components/ActionButton'
import { CheckRow } from '../../../../components/CheckRow'
import { ChoiceGroup } from '../../../../components/ChoiceGroup'
import { FormField } from '../../../../components/FormField'
import { LoadGate } from '../../../../components/LoadGate'
import { Notice } from '../../../../components/Notice'
import { PageShell } from '../../../../components/PageShell'
import { PrivacyGate } from '../../../../components/PrivacyGate'
import { QrCode } from '../../../../components/QrCode'
import { spacedCode } from '../../../../components/RegistrationCard'
import { Section } from '../../../../components/Section'
import { TextAreaField } from '../../../../components/TextAreaField'
import { useEvent, usePrivacyConsent, useRouteId, useSession, useSignupForm } from '../../../../hooks'
import { openPage, routes } from '../../../../navigation'
import { platform } from '../../../../platform'
import { a11y } from '../../../../utils/a11y'
import { WhenText } from '../../../../components/WhenText'
import { momentText, timeRangeParts } from '../../../../utils/format'
import './index.scss'

const categoryOptions = attendeeCategories.map((value) => ({ value, label: attendeeCategoryLabels[value] }))
const ageOptions = [
  ...ageBands.map((value) => ({ value: value as string, label: value === '60+' ? '60 岁及以上' : `${value.replace('-', '–')} 岁` })),
  { value: '', label: '不填' },
]
const genderOptions = [
  { value: '男', label: '男' },
  { value: '女', label: '女' },
  { value: '', label: '不填' },
]

/** For 地区 / 行业 (free text): the values the event's published lottery quotas name, to be typed exactly. */
export function quotaHint(e: EventDetail, field: 'region' | 'sector'): string | undefined {
  const values = e.drawQuotas.filter((q) => q.field === field).map((q) => q.value)
  return values.length > 0 ? `本次抽签对以下${field === 'region' ? '地区' : '行业'}设有配额：${values.join('、')}。属于的请照此填写` : undefined
}

/** What to tell the person when the signup was refused. */
export function signupErrorText(error: ApiError, event: EventDetail): string {
  switch (error.code) {
    case 'ALREADY_REGISTERED':
      return '您已报名该活动，无需重复报名。可在「我的报名」查看状态和签到码。'
    case 'SEATS_EXHAUSTED':
      return '很抱歉，名额已满，候补名额也已排满，暂时无法报名。'
    case 'SIGNUP_CLOSED':
      return `报名已于 ${momentText(event.signupClosesAt)} 截止，不能再报名。`
    case 'SIGNUP_NOT_OPEN':
      return `报名尚未开始，请于 ${momentText(event.signupOpensAt)} 后再报名。您填写的内容仍保留在下方。`
    case 'EVENT_CANCELLED':
      return '本活动已取消，不再接受报名。'
    case 'NETWORK_ERROR':
      return `${error.message}。您填写的内容仍保留，可以再次提交。`
    default: {
      const details = Object.values(error.fields)
      return details.length > 0 ? `${error.message}：${details.join('；')}` : error.message
    }
  }
}

const resultText = {
  SELECTED: '报名成功，您已确认入选。请在活动当天凭下面的签到码或二维码签到。',
  WAITLISTED: '名额已满，您已进入候补名单。有名额空出时将依次递补并通知您。',
  APPLIED: '报名已收到。遴选结果将通过「我的消息」通知您。',
} as const

export default function SignupPage() {
  const id = useRouteId()
  const event = useEvent(id)
  const { me } = useSession()
  const { form, result, asked, prefilled } = useSignupForm(id, event.data?.selectionMode)
  const consent = usePrivacyConsent()
  const { values, errors } = form

  return (
    <PageShell className="gm-signup-page">
      <LoadGate data={event.data} loading={event.loading} error={event.error} onRetry={() => void event.reload()}>
        {(e) => {
          const header = (
            <Section title="报名活动">
              <Text className="gm-signup-page__event">{e.title}</Text>
              <WhenText className="gm-signup-page__meta" lead="时间：" parts={timeRangeParts(e.startsAt, e.endsAt)} />
              <Text className="gm-signup-page__meta">{`地点：${e.place}`}</Text>
            </Section>
          )
          if (result) {
            const text = result.status in resultText ? resultText[result.status as keyof typeof resultText] : registrationStatusLabels[result.status]
            return (
              <View>
                {header}
                <Notice tone="success">{text}</Notice>
                {result.checkInCode && (
                  <Section title="签到码" className="gm-signup-page__code-box">
                    <Text className="gm-signup-page__code" userSelect {...a11y(`签到码 ${result.checkInCode.split('').join(' ')}`)}>
                      {spacedCode(result.checkInCode)}
                    </Text>
                    <QrCode value={result.checkInCode} label={`签到二维码，内容为签到码 ${result.checkInCode}`} />
                  </Section>
                )}
                <ActionButton tone="primary" onPress={() => openPage(routes.myRegistrations())}>
                  查看我的报名
                </ActionButton>
              </View>
            )
          }
          if (e.cancelled || e.signupStatus !== 'open') {
            return (
              <View>
                {header}
                <Notice tone="info">
                  {e.cancelled
                    ? `本活动已取消：${e.cancelled.reason}`
                    : e.signupStatus === 'upcoming'
                      ? `报名将于 ${momentText(e.signupOpensAt)} 开始。`
                      : '报名已截止。'}
                </Notice>
              </View>
            )
          }
          if (me?.kind === 'staff') {
            return (
              <View>
                {header}
                <Notice tone="info">工作人员账号不能报名。如需以个人身份报名，请退出后用本人微信登录。</Notice>
              </View>
            )
          }
          return (
            <View>
              {header}
              <PrivacyGate consent={consent} purpose="报名活动">
                <View className="gm-signup-page__form" {...a11y('报名表', 'form')}>
                  {prefilled && <Text className="gm-signup-page__prefilled">已按您上次报名时填写的信息预先填好，请核对，可以修改。</Text>}
                  <FormField name="name" label="姓名" value={values.name} maxlength={20} error={errors.name} onInput={(v) => form.setField('name', v)} />
                  <FormField
                    name="phone"
                    label="手机号码"
                    value={values.phone}
                    hint="仅用于活动联系，不会公开"
                    maxlength={11}
                    error={errors.phone}
                    onInput={(v) => form.setField('phone', v)}
                  />
                  {asked.category && (
                    <ChoiceGroup<AttendeeCategory>
                      name="category"
                      label="报名类别"
                      options={categoryOptions}
                      value={values.category as AttendeeCategory | ''}
                      error={errors.category}
                      onChange={(v) => form.setField('category', v)}
                    />
                  )}
                  {asked.balancing && (
                    <>
                      <Text className="gm-signup-page__optional">以下信息选填，仅用于均衡遴选不同群体的代表</Text>
                      <FormField
                        name="region"
                        label="所在地区（选填）"
                        value={values.region}
                        placeholder="如：高新区东区街道"
                        hint={quotaHint(e, 'region')}
                        maxlength={20}
                        error={errors.region}
                        onInput={(v) => form.setField('region', v)}
                      />
                      <FormField
                        name="sector"
                        label="所在行业（选填）"
                        value={values.sector}
                        placeholder="如：教育、制造业、退休"
                        hint={quotaHint(e, 'sector')}
                        maxlength={20}
                        error={errors.sector}
                        onInput={(v) => form.setField('sector', v)}
                      />
                      <ChoiceGroup
                        name="ageBand"
                        label="年龄段（选填）"
                        inline
                        options={ageOptions}
                        value={values.ageBand}
                        error={errors.ageBand}
                        onChange={(v) => form.setField('ageBand', v)}
                      />
                      <ChoiceGroup
                        name="gender"
                        label="性别（选填）"
                        inline
                        options={genderOptions}
                        value={values.gender}
                        error={errors.gender}
                        onChange={(v) => form.setField('gender', v)}
                      />
                    </>
                  )}
                  <TextAreaField
                    name="accessibilityNeeds"
                    label="无障碍需求（选填）"
                    value={values.accessibilityNeeds}
                    placeholder="如：需要轮椅通道、手语翻译、助听设备"
                    error={errors.accessibilityNeeds}
                    onInput={(v) => form.setField('accessibilityNeeds', v)}
                  />
                  {asked.pool && (
                    <CheckRow
                      label="同意进入代表库"
                      hint="未入选时保留您的报名信息，今后同类活动可邀请您参加"
                      checked={values.keepInPool === 'true'}
                      onChange={(v) => form.setField('keepInPool', v ? 'true' : '')}
                    />
                  )}
                  {platform.name === 'weapp' && (
                    <Text className="gm-signup-page__subscribe">提交时会询问您是否接收「报名结果」「活动提醒」微信提醒，可以不开启。</Text>
                  )}
                  {form.formError && (
                    <View className="gm-signup-page__error">
                      <Notice tone="error">{signupErrorText(form.formError, e)}</Notice>
                      {form.formError.code === 'ALREADY_REGISTERED' && (
                        <ActionButton onPress={() => openPage(routes.myRegistrations())}>查看我的报名</ActionButton>
                      )}
                    </View>
                  )}
                  <ActionButton tone="primary" onPress={() => void form.handleSubmit()} busy={form.submitting} busyText="正在提交…">
                    提交报名
                  </ActionButton>
                </View>
              </PrivacyGate>
            </View>
          )
        }}
      </LoadGate>
    </PageShell>
  )
}
