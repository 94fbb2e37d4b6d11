// 登录: citizens sign in with 微信登录 in the mini-program, or 演示登录 with a name in the H5 build.
import { Text, View } from '@tarojs/components'
import { DemoLoginBodySchema } from '@gm/shared'
import { ActionButton } from '../../../../components/ActionButton'
import { FormField } from '../../../../components/FormField'
import { Notice } from '../../../../components/Notice'
import { PageShell } from '../../../../components/PageShell'
import { useAction, useForm, useSession } from '../../../../hooks'
import { leavePage, openPage, routes } from '../../../../navigation'
import { platform } from '../../../../platform'
import { a11y } from '../../../../utils/a11y'
import { validateWith } from '../../../../utils/form'
import './index.scss'

const DEMO_DISABLED_TEXT = '演示登录未开启。网页版仅供演示，请在微信中打开「政民互动」小程序登录使用；工作人员请使用下方「工作人员登录」。'

/** Citizens sign in: 「微信登录」 in the mini-program, 演示登录 with a name in the H5 build. */
export default function LoginPage() {
  const session = useSession()
  const wechat = useAction(async () => {
    await session.signInWithWechat()
    leavePage()
  })
  const demo = useForm({
    initial: { name: '' },
    validate: (values) => validateWith(DemoLoginBodySchema, values),
    submit: async ({ name }) => {
      await session.signInDemo(name)
      leavePage()
    },
  })

  return (
    <PageShell className="gm-login-page">
      <Text className="gm-page__title">登录</Text>
      <Text className="gm-login-page__lead">登录后可以提交意见、报名活动，并查看答复消息。浏览内容无需登录。</Text>
      {session.me && (
        <Notice tone="info">{`您已登录为「${session.me.kind === 'staff' ? session.me.displayName : session.me.nickname || '微信用户'}」，重新登录将替换当前账号。`}</Notice>
      )}
      {platform.canLoginSilently ? (
        <View className="gm-login-page__wechat">
          {wechat.error && <Notice tone="error">{wechat.error.message}</Notice>}
          <ActionButton tone="primary" onPress={() => void wechat.run()} busy={wechat.running} busyText="正在登录…">
            微信登录
          </ActionButton>
        </View>
      ) : (
        <View className="gm-login-page__demo" {...a11y('演示登录', 'form')}>
          <Text className="gm-login-page__subtitle">演示登录</Text>
          {demo.formError && <Notice tone="error">{demo.formError.code === 'DEMO_LOGIN_DISABLED' ? DEMO_DISABLED_TEXT : demo.formError.message}</Notice>}
          <FormField
            name="name"
            label="您的称呼"
            value={demo.values.name}
            placeholder="如：张先生"
            hint="仅用于演示，最多 20 个字"
            maxlength={20}
            error={demo.errors.name}
            onInput={(v) => demo.setField('name', v)}
            onConfirm={() => void demo.handleSubmit()}
          />
          <ActionButton tone="primary" onPress={() => void demo.handleSubmit()} busy={demo.submitting} busyText="正在登录…">
            演示登录
          </ActionButton>
        </View>
      )}
      <View className="gm-link" hoverClass="gm-pressed" onClick={() => openPage(routes.staffLogin())} {...a11y('工作人员登录', 'link')}>
        工作人员登录
      </View>
    </PageShell>
  )
}
