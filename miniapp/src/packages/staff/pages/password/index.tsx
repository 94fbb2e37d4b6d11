// 修改密码 (staff): change the one-time password at first sign-in, or any time later.
import { Text, View } from '@tarojs/components'
import { PASSWORD_MIN_LENGTH } from '@gm/shared'
import { ActionButton } from '../../../../components/ActionButton'
import { FormField } from '../../../../components/FormField'
import { Notice } from '../../../../components/Notice'
import { PageShell } from '../../../../components/PageShell'
import { StaffGate } from '../../../../components/StaffGate'
import { usePasswordChange } from '../../../../hooks'
import { a11y } from '../../../../utils/a11y'
import './index.scss'

/** 修改密码: the one-time password first, and whenever a staff member wants to (staff who must change it are let in). */
export default function StaffPasswordPage() {
  const { gate, form } = usePasswordChange()
  if (!gate.allowed) return <StaffGate gate={gate} className="gm-staff-password" signInText="请先使用工作人员账号登录。" />
  const { me } = gate

  return (
    <PageShell className="gm-staff-password">
      <Text className="gm-page__title">修改密码</Text>
      {me.mustChangePassword && <Notice tone="info">首次登录或密码被重置后，请先设置您自己的密码，才能使用工作台。</Notice>}
      <View className="gm-staff-password__form" {...a11y('修改密码', 'form')}>
        {form.formError && <Notice tone="error">{form.formError.message}</Notice>}
        <FormField
          name="currentPassword"
          label={me.mustChangePassword ? '初始密码' : '当前密码'}
          value={form.values.currentPassword}
          error={form.errors.currentPassword}
          password
          maxlength={200}
          onInput={(v) => form.setField('currentPassword', v)}
        />
        <FormField
          name="newPassword"
          label="新密码"
          value={form.values.newPassword}
          error={form.errors.newPassword}
          hint={`至少 ${PASSWORD_MIN_LENGTH} 位，同时包含字母和数字`}
          password
          maxlength={200}
          onInput={(v) => form.setField('newPassword', v)}
        />
        <FormField
          name="confirmPassword"
          label="再次输入新密码"
          value={form.values.confirmPassword}
          error={form.errors.confirmPassword}
          password
          maxlength={200}
          onInput={(v) => form.setField('confirmPassword', v)}
          onConfirm={() => void form.handleSubmit()}
        />
        <ActionButton tone="primary" onPress={() => void form.handleSubmit()} busy={form.submitting} busyText="正在保存…">
          保存新密码
        </ActionButton>
      </View>
    </PageShell>
  )
}
