// The top of the 我的 tab: a 登录 button when signed out, else who is signed in with links to messages, opinions, registrations, my data and the 工作台.
import { Text, View } from '@tarojs/components'
import { type Me, staffRoleLabels } from '@gm/shared'
import { ActionButton } from '../ActionButton'
import { LinkRow } from '../LinkRow'
import './index.scss'

export interface AccountPanelProps {
  me: Me | null
  signingOut?: boolean
  onSignIn: () => void
  onSignOut: () => void
  onOpenNotifications: () => void
  /** 我的关注 */
  onOpenFollows?: () => void
  onOpenOpinions?: () => void
  onOpenRegistrations?: () => void
  onOpenMyData: () => void
  onOpenWorkbench: () => void
}

/** The top of 我的: a 登录 button, or who is signed in and what they can open. */
export function AccountPanel({
  me,
  signingOut = false,
  onSignIn,
  onSignOut,
  onOpenNotifications,
  onOpenFollows,
  onOpenOpinions,
  onOpenRegistrations,
  onOpenMyData,
  onOpenWorkbench,
}: AccountPanelProps) {
  if (me === null) {
    return (
      <View className="gm-account gm-account--signed-out">
        <Text className="gm-account__hint">登录后可查看我的消息、管理我的个人信息。浏览内容无需登录。</Text>
        <ActionButton tone="primary" onPress={onSignIn}>
          登录
        </ActionButton>
      </View>
    )
  }
  const signOut = (
    <ActionButton className="gm-account__sign-out" onPress={onSignOut} busy={signingOut} busyText="正在退出…">
      退出登录
    </ActionButton>
  )
  if (me.kind === 'staff') {
    return (
      <View className="gm-account gm-account--staff">
        <View className="gm-account__card">
          <Text className="gm-account__name">{me.displayName}</Text>
          <Text className="gm-account__meta">{`${staffRoleLabels[me.role]} · ${me.department.name}`}</Text>
        </View>
        <LinkRow title="工作台" hint="答复意见、管理活动和账号" onOpen={onOpenWorkbench} />
        {signOut}
      </View>
    )
  }
  return (
    <View className="gm-account gm-account--citizen">
      <View className="gm-account__card">
        <Text className="gm-account__name">{me.nickname || '微信用户'}</Text>
        <Text className="gm-account__meta">已登录</Text>
      </View>
      <LinkRow title="我的消息" hint="意见答复、报名结果和活动提醒" onOpen={onOpenNotifications} />
      {onOpenFollows && <LinkRow title="我的关注" hint="关注的决策事项、部门和政策主题" onOpen={onOpenFollows} />}
      {onOpenOpinions && <LinkRow title="我的意见" hint="受理编号、办理状态和答复" onOpen={onOpenOpinions} />}
      {onOpenRegistrations && <LinkRow title="我的报名" hint="报名状态、签到码" onOpen={onOpenRegistrations} />}
      <LinkRow title="我的个人信息" hint="查看或删除我的个人信息" onOpen={onOpenMyData} />
      {signOut}
    </View>
  )
}
