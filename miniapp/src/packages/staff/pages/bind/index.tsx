// 绑定微信 (staff): bind this WeChat account with an administrator's invite code, for 微信快捷登录 later.
import { Text, View } from '@tarojs/components'
import { ActionButton } from '../../../../components/ActionButton'
import { FormField } from '../../../../components/FormField'
import { Notice } from '../../../../components/Notice'
import { PageShell } from '../../../../components/PageShell'
import { useStaffWechatBinding } from '../../../../hooks'
import { openPage, routes } from '../../../../navigation'
import { platform } from '../../../../platform'
import { a11y } from '../../../../utils/a11y'

/** A staff member binds this WeChat account with the one-time invite code an admin generated. */
export default function StaffBindPage() {
  const { form, bound } = useStaffWechatBinding()

  if (!platform.canLoginSilently) {
    return (
      <PageShell className="gm-staff-bind">
        <Notice tone="info">绑定微信需在微信小程序中进行。</Notice>
      </PageShell>
    )
  }
  if (bound) {
    return (
      <PageShell className="gm-staff-bind">
        <Notice tone="success">绑定成功。今后可在「工作人员登录」页使用微信快捷登录。</Notice>
        <ActionButton tone="primary" onPress={() => openPage(routes.staffLogin())}>
          去登录
        </ActionButton>
      </PageShell>
    )
  }
  return (
    <PageShell className="gm-staff-bind">
      <Text className="gm-page__title">绑定微信</Text>
      <View {...a11y('绑定微信', 'form')}>
        {form.formError && <Notice tone="error">{form.formError.message}</Notice>}
        <FormField
          name="inviteCode"
          label="邀请码"
          value={form.values.inviteCode}
          hint="由管理员在工作台生成，一次有效"
          error={form.errors.inviteCode}
          maxlength={64}
          onInput={(v) => form.setField('inviteCode', v)}
          onConfirm={() => void form.handleSubmit()}
        />
        <ActionButton tone="primary" onPress={() => void form.handleSubmit()} busy={form.submitting} busyText="正在绑定…">
          绑定当前微信
        </ActionButton>
      </View>
    </PageShell>
  )
}
