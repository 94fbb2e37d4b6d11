// 工作人员登录: staff sign in with username and password (or WeChat once bound), then go on, to the forced password change first.
import { Text, View } from '@tarojs/components'
import { type Me, StaffLoginBodySchema } from '@gm/shared'
import { ActionButton } from '../../../../components/ActionButton'
import { FormField } from '../../../../components/FormField'
import { Notice } from '../../../../components/Notice'
import { PageShell } from '../../../../components/PageShell'
import { useAction, useForm, useSession } from '../../../../hooks'
import { openPage, replacePage, routes } from '../../../../navigation'
import { platform } from '../../../../platform'
import { a11y } from '../../../../utils/a11y'
import { validateWith } from '../../../../utils/form'
import './index.scss'

/** Where a staff member goes after signing in: the forced password change first. */
function enter(me: Me): void {
  replacePage(me.kind === 'staff' && me.mustChangePassword ? routes.staffPassword() : routes.staffHome())
}

export default function StaffLoginPage() {
  const session = useSession()
  const form = useForm({
    initial: { username: '', password: '' },
    validate: (values) => validateWith(StaffLoginBodySchema, values),
    submit: async ({ username, password }) => enter(await session.signInStaff(username, password)),
  })
  const wechat = useAction(async () => enter(await session.signInStaffWithWechat()))

  return (
    <PageShell className="gm-staff-login">
      <Text className="gm-page__title">工作人员登录</Text>
      <View className="gm-staff-login__form" {...a11y('工作人员登录', 'form')}>
        {form.formError && <Notice tone="error">{form.formError.message}</Notice>}
        <FormField
          name="username"
          label="用户名"
          value={form.values.username}
          error={form.errors.username}
          maxlength={50}
          onInput={(v) => form.setField('username', v)}
        />
        <FormField
          name="password"
          label="密码"
          value={form.values.password}
          error={form.errors.password}
          password
          maxlength={200}
          onInput={(v) => form.setField('password', v)}
          onConfirm={() => void form.handleSubmit()}
        />
        <ActionButton tone="primary" onPress={() => void form.handleSubmit()} busy={form.submitting} busyText="正在登录…">
          登录
        </ActionButton>
      </View>
      {platform.canLoginSilently && (
        <View className="gm-staff-login__wechat">
          <Text className="gm-staff-login__hint">已绑定微信的工作人员可直接登录。</Text>
          {wechat.error && <Notice tone="error">{wechat.error.message}</Notice>}
          <ActionButton onPress={() => void wechat.run()} busy={wechat.running} busyText="正在登录…">
            微信快捷登录
          </ActionButton>
          <View className="gm-link" hoverClass="gm-pressed" onClick={() => openPage(routes.staffBind())} {...a11y('用邀请码绑定微信', 'link')}>
            用邀请码绑定微信
          </View>
        </View>
      )}
      <Text className="gm-staff-login__note">连续输错密码 5 次后，需等待 15 分钟再试。忘记密码请联系管理员。</Text>
    </PageShell>
  )
}
