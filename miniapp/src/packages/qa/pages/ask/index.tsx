// 向工作人员提问 (citizens): a policy question for staff, its 问题类别 chosen from the Q&A topics, with its receipt; 我的提问 shows the answer.
import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { POLICY_QUESTION_REPLY_WORKING_DAYS, policyQuestionStatusLabels } from '@gm/shared'
import type { ApiError } from '../../../../api'
import { ActionButton } from '../../../../components/ActionButton'
import { ChoiceGroup } from '../../../../components/ChoiceGroup'
import { InfoList } from '../../../../components/InfoList'
import { LinkRow } from '../../../../components/LinkRow'
import { DraftRestored } from '../../../../components/DraftRestored'
import { Notice } from '../../../../components/Notice'
import { PageShell } from '../../../../components/PageShell'
import { PrivacyGate } from '../../../../components/PrivacyGate'
import { Section } from '../../../../components/Section'
import { WhenText } from '../../../../components/WhenText'
import { TextAreaField } from '../../../../components/TextAreaField'
import { usePolicyQuestionForm, usePrivacyConsent, useSession } from '../../../../hooks'
import { openPage, routes } from '../../../../navigation'
import { platform } from '../../../../platform'
import { a11y } from '../../../../utils/a11y'
import { dateInWords, momentParts, parseId } from '../../../../utils/format'
import { countChars } from '../../../../utils/text'
import './index.scss'

const QUESTION_MAX = 1000

/** What to tell the user when the submit failed for a reason that is not one field. */
export function askErrorText(error: ApiError): string {
  switch (error.code) {
    case 'RATE_LIMITED':
      return `${error.message}。您填写的内容仍保留在上方。`
    case 'NETWORK_ERROR':
      return `${error.message}。请再次点击「提交问题」重试，同一个问题不会重复提交。`
    default: {
      const details = Object.values(error.fields)
      return details.length > 0 ? `${error.message}：${details.join('；')}` : error.message
    }
  }
}

/** The Q&A topics as choices, and 不选 (the category is optional). */
export const topicOptions = (topics: readonly string[]) => [...topics.map((topic) => ({ value: topic, label: topic })), { value: '', label: '不选' }]

function decode(raw: string | undefined): string {
  if (!raw) return ''
  try {
    return decodeURIComponent(raw)
  } catch {
    return raw
  }
}

export default function AskPage() {
  const params = useRouter().params
  const { me } = useSession()
  const { form, receipt, startOver, restoredAt, discardDraft, topics } = usePolicyQuestionForm(
    { text: decode(params.q).slice(0, QUESTION_MAX), topic: decode(params.topic).slice(0, 20) },
    parseId(params.policyId),
  )
  const consent = usePrivacyConsent()
  const { values, errors } = form

  if (receipt) {
    return (
      <PageShell className="gm-qa-ask">
        <Notice tone="success">{`您的问题已提交，受理编号：${receipt.receiptCode}`}</Notice>
        <Section title="提问回执">
          <Text className="gm-qa-ask__receipt-code" userSelect {...a11y(`受理编号 ${receipt.receiptCode}`)}>
            {receipt.receiptCode}
          </Text>
          <InfoList
            items={[
              { label: '提交时间', value: <WhenText parts={momentParts(receipt.createdAt)} /> },
              { label: '当前状态', value: policyQuestionStatusLabels[receipt.status] },
              { label: '答复期限', value: <WhenText parts={[dateInWords(receipt.dueAt), '前']} /> },
            ]}
          />
          <Text className="gm-qa-ask__note">
            {receipt.heldForReview ? '您的问题需经人工核对后处理，请耐心等待。' : '工作人员答复后会通知您，答复可在「我的提问」查看。'}
          </Text>
        </Section>
        <View className="gm-qa-ask__actions">
          <ActionButton tone="primary" onPress={() => openPage(routes.qaMyQuestions())}>
            查看我的提问
          </ActionButton>
          <ActionButton onPress={startOver}>再提一个问题</ActionButton>
        </View>
      </PageShell>
    )
  }

  return (
    <PageShell className="gm-qa-ask">
      <Section title="向工作人员提问">
        <Text className="gm-qa-ask__intro">{`请写下您想咨询的政策问题，工作人员将在 ${POLICY_QUESTION_REPLY_WORKING_DAYS} 个工作日内答复。请不要填写身份证号等个人信息。`}</Text>
      </Section>
      {me?.kind === 'staff' ? (
        <Notice tone="info">工作人员账号不能提交政策咨询。如需以个人身份提问，请退出后用本人微信登录。</Notice>
      ) : (
        <PrivacyGate consent={consent} purpose="向工作人员提问">
          {restoredAt !== null && <DraftRestored savedAt={restoredAt} onDiscard={discardDraft} />}
          <View className="gm-qa-ask__form" {...a11y('提问表单', 'form')}>
            <TextAreaField
              name="text"
              label="您的问题"
              value={values.text}
              placeholder="如：我在外地交的社保，回本市后退休金怎么领？"
              count={{ current: countChars(values.text), max: QUESTION_MAX }}
              error={errors.text}
              tall
              onInput={(v) => form.setField('text', v)}
            />
            {topics.length > 0 && (
              <ChoiceGroup
                name="topic"
                label="问题类别（选填）"
                inline
                options={topicOptions(topics)}
                value={values.topic}
                error={errors.topic}
                onChange={(v) => form.setField('topic', v)}
              />
            )}
            {platform.name === 'weapp' && <Text className="gm-qa-ask__subscribe">提交时会询问您是否接收答复的微信提醒，可以不开启。</Text>}
            {form.formError && <Notice tone="error">{askErrorText(form.formError)}</Notice>}
            <ActionButton tone="primary" onPress={() => void form.handleSubmit()} busy={form.submitting} busyText="正在提交…">
              提交问题
            </ActionButton>
          </View>
        </PrivacyGate>
      )}
      <LinkRow title="我的提问" hint="查看提问的处理状态和答复" onOpen={() => openPage(routes.qaMyQuestions())} />
    </PageShell>
  )
}
