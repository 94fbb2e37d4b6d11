// 我的个人信息 (citizens): what is stored about me, binding a contact phone, and deleting my personal information.
import { Button, Text } from '@tarojs/components'
import { useState } from 'react'
import { ActionButton } from '../../../../components/ActionButton'
import { ConfirmDialog } from '../../../../components/ConfirmDialog'
import { InfoList } from '../../../../components/InfoList'
import { LoadGate } from '../../../../components/LoadGate'
import { Notice } from '../../../../components/Notice'
import { PageShell } from '../../../../components/PageShell'
import { PrivacyGate } from '../../../../components/PrivacyGate'
import { Section } from '../../../../components/Section'
import { WhenText } from '../../../../components/WhenText'
import { useBindPhone, useMyData, usePrivacyConsent, useSession } from '../../../../hooks'
import { openPage, openTab, routes } from '../../../../navigation'
import { a11y } from '../../../../utils/a11y'
import { momentParts } from '../../../../utils/format'
import './index.scss'

/** Signups that stand; a cancelled one is still held (its name and phone) and said apart, not counted as a signup. */
function registrationsText(registrations: readonly { status: string }[]): string {
  const cancelled = registrations.filter((r) => r.status === 'CANCELLED').length
  const standing = `${registrations.length - cancelled} 条`
  return cancelled > 0 ? `${standing}（另有已取消的报名记录 ${cancelled} 条）` : standing
}

export default function MyDataPage() {
  const { me } = useSession()
  const data = useMyData()
  const phone = useBindPhone(() => void data.reload())
  const consent = usePrivacyConsent()
  const [confirming, setConfirming] = useState(false)

  if (data.deletion.status === 'done') {
    return (
      <PageShell className="gm-my-data">
        <Notice tone="success">您的个人信息已删除，并已退出登录。已公开的意见仅以去标识化形式保留。</Notice>
        <ActionButton tone="primary" onPress={() => openTab(routes.mine())}>
          返回「我的」
        </ActionButton>
      </PageShell>
    )
  }

  if (me?.kind !== 'citizen') {
    return (
      <PageShell className="gm-my-data">
        <Notice tone="info">请先登录，再查看您的个人信息。</Notice>
        <ActionButton tone="primary" onPress={() => openPage(routes.login())}>
          登录
        </ActionButton>
      </PageShell>
    )
  }

  return (
    <PageShell className="gm-my-data">
      <Text className="gm-page__title">我的个人信息</Text>
      <LoadGate data={data.data} loading={data.loading} error={data.error} onRetry={() => void data.reload()}>
        {(d) => (
          <Section title="我们保存的信息">
            <InfoList
              items={[
                { label: '称呼', value: d.profile.nickname || '未填写' },
                { label: '联系电话', value: d.profile.phone || '未绑定' },
                { label: '同意隐私说明', value: d.profile.privacyAcceptedAt ? <WhenText parts={momentParts(d.profile.privacyAcceptedAt)} /> : '尚未同意' },
                { label: '首次登录', value: <WhenText parts={momentParts(d.profile.createdAt)} /> },
                { label: '意见', value: `${d.opinions.length} 条` },
                { label: '活动报名', value: registrationsText(d.registrations) },
                { label: '政策咨询', value: `${d.policyQuestions.length} 条` },
                { label: '消息', value: `${d.notifications.length} 条` },
              ]}
            />
          </Section>
        )}
      </LoadGate>

      {phone.available && !me.hasPhone && (
        <Section title="绑定联系电话">
          <PrivacyGate consent={consent} purpose="绑定联系电话">
            <Text className="gm-my-data__text">绑定后，工作人员可就您的意见或报名与您联系。电话号码不会公开。</Text>
            {phone.state.status === 'refused' && <Notice tone="info">您没有授权手机号，可以稍后再绑定。</Notice>}
            {phone.state.status === 'error' && <Notice tone="error">{phone.state.error.message}</Notice>}
            <Button
              className="gm-button gm-button--primary gm-button-reset"
              openType="getPhoneNumber"
              disabled={phone.state.status === 'running'}
              onGetPhoneNumber={(e) => void phone.bind(e.detail)}
              {...a11y('用微信绑定手机号', 'button')}
            >
              {phone.state.status === 'running' ? '正在绑定…' : '用微信绑定手机号'}
            </Button>
          </PrivacyGate>
        </Section>
      )}
      {phone.state.status === 'done' && <Notice tone="success">联系电话已绑定。</Notice>}

      <Section title="删除我的个人信息">
        <Text className="gm-my-data__text">删除后，您的称呼、联系电话、消息和报名记录将被删除，且无法恢复。</Text>
        {data.deletion.status === 'error' && <Notice tone="error">{data.deletion.error.message}</Notice>}
        <ActionButton tone="danger" onPress={() => setConfirming(true)}>
          删除我的个人信息
        </ActionButton>
      </Section>

      {confirming && (
        <ConfirmDialog
          title="确定删除您的个人信息吗？"
          confirmText="确认删除"
          danger
          busy={data.deletion.status === 'running'}
          onCancel={() => setConfirming(false)}
          onConfirm={() => void data.deleteAll().then(() => setConfirming(false))}
        >
          <Text className="gm-my-data__dialog-text">
            {
              '您的称呼、联系电话、消息和报名记录将被永久删除，无法恢复。\n您已公开的意见不会撤下，但只以去标识化形式保留，不再与您关联。\n删除后将自动退出登录。'
            }
          </Text>
        </ConfirmDialog>
      )}
    </PageShell>
  )
}
