// 提交意见 (citizens): an opinion on a consultation or one of its clauses, with the publication choice and the receipt.
import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { consultationStatus, OPINION_MAX_CHARS, type OpinionConsent, opinionConsentLabels, opinionStateLabels } from '@gm/shared'
import type { ApiError } from '../../../../api'
import { ActionButton } from '../../../../components/ActionButton'
import { ChoiceGroup } from '../../../../components/ChoiceGroup'
import { FormField } from '../../../../components/FormField'
import { InfoList } from '../../../../components/InfoList'
import { LoadGate } from '../../../../components/LoadGate'
import { DraftRestored } from '../../../../components/DraftRestored'
import { Notice } from '../../../../components/Notice'
import { PageShell } from '../../../../components/PageShell'
import { PrivacyGate } from '../../../../components/PrivacyGate'
import { Section } from '../../../../components/Section'
import { TextAreaField } from '../../../../components/TextAreaField'
import { WhenText } from '../../../../components/WhenText'
import { useConsultation, useOpinionForm, usePrivacyConsent, useSession } from '../../../../hooks'
import { leavePage, openPage, routes } from '../../../../navigation'
import { platform } from '../../../../platform'
import { a11y } from '../../../../utils/a11y'
import { excerpt, momentParts, momentText, parseId } from '../../../../utils/format'
import { countChars } from '../../../../utils/text'
import './index.scss'

const consentHints: Record<OpinionConsent, string> = {
  PUBLISH_MASKED: '公开时隐去姓名、电话、地址等个人信息',
  PUBLISH_NAMED: '公开时附上您填写的署名（其他个人信息仍会隐去）',
  PRIVATE: '仅供工作人员研究答复，不公开展示意见内容',
}
const consentOptions = (Object.keys(opinionConsentLabels) as OpinionConsent[]).map((value) => ({
  value,
  label: opinionConsentLabels[value],
  hint: consentHints[value],
}))

/** What to tell the user when the submit failed for a reason that is not one field. */
export function opinionErrorText(error: ApiError): string {
  switch (error.code) {
    case 'CONSULTATION_CLOSED':
      return '意见征集已结束，不能再提交意见。您填写的内容仍保留在下方，可自行复制留存。'
    case 'CONSULTATION_NOT_OPEN':
      return '意见征集尚未开始，请在征集开始后再提交。您填写的内容仍保留在下方。'
    case 'NETWORK_ERROR':
      return `${error.message}。请再次点击「提交意见」重试，同一条意见不会重复提交。`
    default: {
      const details = Object.values(error.fields)
      return details.length > 0 ? `${error.message}：${details.join('；')}` : error.message
    }
  }
}

export default function OpinionPage() {
  const params = useRouter().params
  const consultationId = parseId(params.id)
  const sectionId = parseId(params.sectionId)
  const consultation = useConsultation(consultationId)
  const { me } = useSession()
  const { form, receipt, startOver, restoredAt, discardDraft } = useOpinionForm(consultationId, sectionId)
  const consent = usePrivacyConsent()
  const { values, errors } = form

  return (
    <PageShell className="gm-opinion-page">
      <LoadGate data={consultation.data} loading={consultation.loading} error={consultation.error} onRetry={() => void consultation.reload()}>
        {(c) => {
          const section = sectionId === null ? null : (c.sections.find((s) => s.id === sectionId) ?? null)
          const status = consultationStatus(c.opensAt, c.closesAt)
          const scope = (
            <Section title="提交意见">
              <Text className="gm-opinion-page__consultation">{c.title}</Text>
              <Text className="gm-opinion-page__scope">{section ? `针对条款：${section.heading}` : '针对：草案整体'}</Text>
              {section && <Text className="gm-opinion-page__clause">{excerpt(section.body, 120)}</Text>}
              {sectionId !== null && !section && <Notice tone="error">所选条款不存在或已被修订，请返回草案重新选择。</Notice>}
            </Section>
          )

          if (receipt) {
            return (
              <View>
                <Notice tone="success">{`您的意见已提交，受理编号：${receipt.receiptCode}`}</Notice>
                <Section title="意见回执" className="gm-opinion-page__receipt">
                  <Text className="gm-opinion-page__receipt-code" userSelect {...a11y(`受理编号 ${receipt.receiptCode}`)}>
                    {receipt.receiptCode}
                  </Text>
                  <InfoList
                    items={[
                      { label: '征集事项', value: c.title },
                      { label: '针对', value: section ? section.heading : '草案整体' },
                      { label: '提交时间', value: <WhenText parts={momentParts(receipt.createdAt)} /> },
                      { label: '当前状态', value: opinionStateLabels[receipt.state] },
                    ]}
                  />
                  <Text className="gm-opinion-page__receipt-note">
                    {receipt.heldForReview
                      ? '您的意见需经人工审核后方可公开，请耐心等待。'
                      : '工作人员审核后将受理您的意见。征集结束后，答复和采纳情况将一并公开，届时会通知您。'}
                  </Text>
                </Section>
                <View className="gm-opinion-page__actions">
                  <ActionButton tone="primary" onPress={() => openPage(routes.myOpinions())}>
                    查看我的意见
                  </ActionButton>
                  <ActionButton onPress={startOver}>再提一条意见</ActionButton>
                  <ActionButton onPress={() => leavePage(routes.consultations())}>返回征集详情</ActionButton>
                </View>
              </View>
            )
          }

          if (status !== 'open') {
            return (
              <View>
                {scope}
                <Notice tone="info">
                  {status === 'closed'
                    ? `意见征集已于 ${momentText(c.closesAt)} 结束，不再接收意见。`
                    : `意见征集将于 ${momentText(c.opensAt)} 开始，届时可以提交意见。`}
                </Notice>
                <ActionButton onPress={() => leavePage(routes.consultations())}>返回</ActionButton>
              </View>
            )
          }

          if (me?.kind === 'staff') {
            return (
              <View>
                {scope}
                <Notice tone="info">工作人员账号不能提交公众意见。如需以个人身份提意见，请退出后用本人微信登录。</Notice>
              </View>
            )
          }

          return (
            <View>
              {scope}
              <PrivacyGate consent={consent} purpose="提交意见">
                {restoredAt !== null && <DraftRestored savedAt={restoredAt} onDiscard={discardDraft} />}
                <View className="gm-opinion-page__form" {...a11y('意见表单', 'form')}>
                  <TextAreaField
                    name="text"
                    label="意见内容"
                    value={values.text}
                    placeholder="请写下您的意见和建议，以及理由"
                    count={{ current: countChars(values.text), max: OPINION_MAX_CHARS }}
                    error={errors.text}
                    tall
                    onInput={(v) => form.setField('text', v)}
                  />
                  <ChoiceGroup<OpinionConsent>
                    name="consent"
                    label="是否公开您的意见"
                    options={consentOptions}
                    value={values.consent as OpinionConsent | ''}
                    error={errors.consent}
                    onChange={(v) => form.setField('consent', v)}
                  />
                  {values.consent === 'PUBLISH_NAMED' && (
                    <FormField
                      name="authorName"
                      label="署名"
                      value={values.authorName}
                      placeholder="如：李阿姨、某某小区居民"
                      hint="公开时显示的署名，最多 20 个字"
                      maxlength={20}
                      error={errors.authorName}
                      onInput={(v) => form.setField('authorName', v)}
                    />
                  )}
                  <FormField
                    name="contactPhone"
                    label="联系电话（选填）"
                    value={values.contactPhone}
                    placeholder="11 位手机号码"
                    hint="仅供工作人员就您的意见联系您，不会公开"
                    maxlength={11}
                    error={errors.contactPhone}
                    onInput={(v) => form.setField('contactPhone', v)}
                  />
                  {platform.name === 'weapp' && <Text className="gm-opinion-page__subscribe">提交时会询问您是否接收「意见答复」微信提醒，可以不开启。</Text>}
                  {form.formError && <Notice tone="error">{opinionErrorText(form.formError)}</Notice>}
                  <ActionButton tone="primary" onPress={() => void form.handleSubmit()} busy={form.submitting} busyText="正在提交…">
                    提交意见
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
