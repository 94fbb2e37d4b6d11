import { Text, View } from '@tarojs/components'
import { ChangePasswordBodySchema, PASSWORD_MIN_LENGTH } from '@gm/shared'
import { ActionButton } from '../../../../components/ActionButton'
import { FormField } from '../../../../components/FormField'
import { Notice } from '../../../../components/Notice'
import { PageShell } from '../../../../components/PageShell'
import { api } from '../../../../api'
import { useForm, useSession } from '../../../../hooks'
import { openPage, replacePage, routes } from '../../../../navigation'
import { a11y } from '../../../../utils/a11y'
import { validateWith } from '../../../../utils/form'
import './index.scss'

type Values = { currentPassword: string; newPassword: string; confirmPassword: string }

/** The new-password rules are the shared NewPasswordSchema: the form says what the BFF would. */
function validate({ currentPassword, newPassword, confirmPassword }: Values) {
  const checked = validateWith<typeof ChangePasswordBodySchema, keyof Values>(ChangePasswordBodySchema, { currentPassword, newPassword })
  const mismatch = confirmPassword !== newPassword ? (confirmPassword ? '两次输入的新密码不一致' : '请再次输入新密码') : undefined
  if (!mismatch) return checked
  return { ok: false as const, errors: { ...(checked.ok ? {} : checked.errors), confirmPassword: mismatch } }
}

export default function StaffPasswordPage() {
  const session = useSession()
  const me = session.me
  const form = useForm({
    initial: { currentPassword: '', newPassword: '', confirmPassword: '' },
    validate,
    fieldOfCode: { WRONG_PASSWORD: 'currentPassword' },
    submit: async (body) => {
      await api.changePassword({ body })
      if (me?.kind === 'staff') session.setMe({ ...me, mustChangePassword: false })
      await session.refresh().catch(() => undefined)
      replacePage(routes.staffHome())
    },
  })

  if (me?.kind !== 'staff') {
    return (
      <PageShell className='gm-staff-password'>
        <Notice tone='info'>请先使用工作人员账号登录。</Notice>
        <ActionButton tone='primary' onPress={() => openPage(routes.staffLogin())}>
          工作人员登录
        </ActionButton>
      </PageShell>
    )
  }

  return (
    <PageShell className='gm-staff-password'>
      <Text className='gm-page__title'>修改密码</Text>
      {me.mustChangePassword && <Notice tone='info'>首次登录或密码被重置后，请先设置您自己的密码，才能使用工作台。</Notice>}
      <View className='gm-staff-password__form' {...a11y('修改密码', 'form')}>
        {form.formError && <Notice tone='error'>{form.formError.message}</Notice>}
        <FormField
          name='currentPassword'
          label={me.mustChangePassword ? '初始密码' : '当前密码'}
          value={form.values.currentPassword}
          error={form.errors.currentPassword}
          password
          maxlength={200}
          onInput={(v) => form.setField('currentPassword', v)}
        />
        <FormField
          name='newPassword'
          label='新密码'
          value={form.values.newPassword}
          error={form.errors.newPassword}
          hint={`至少 ${PASSWORD_MIN_LENGTH} 位，同时包含字母和数字`}
          password
          maxlength={200}
          onInput={(v) => form.setField('newPassword', v)}
        />
        <FormField
          name='confirmPassword'
          label='再次输入新密码'
          value={form.values.confirmPassword}
          error={form.errors.confirmPassword}
          password
          maxlength={200}
          onInput={(v) => form.setField('confirmPassword', v)}
          onConfirm={() => void form.handleSubmit()}
        />
        <ActionButton tone='primary' onPress={() => void form.handleSubmit()} busy={form.submitting} busyText='正在保存…'>
          保存新密码
        </ActionButton>
      </View>
    </PageShell>
  )
}
